import NetraCore

/// The events sorted by id, with their ids copied in that order: lead times are listed by id,
/// so the lead-time export reads these bytes front to back instead of reaching into a million
/// events and the file behind them.
public struct SortedIDs: Sendable {
    /// Event indices by id; equal ids (possible only in a hand-built dataset) in index order.
    public let order: [Int]
    /// Each event's position in `order`.
    let rank: [Int32]
    /// The ids in `order`, one after another: the id at position i is `bytes[start[i]..<start[i + 1]]`.
    let bytes: [UInt8]
    let start: [UInt32]
    /// Whether each id (by position) is known to need no quotes in plain CSV.
    let plain: [Bool]

    /// ASCII ids (the usual case) are compared as bytes, which orders them as String does;
    /// any other id and all are compared as Strings (canonical equivalence).
    public init(_ events: [Event]) {
        self.init(events, merging: SortedIDs.sortedHalves(events))
    }

    /// Each half of the events sorted on a core of its own, for `init(_:merging:)`.
    static func sortedHalves(_ events: [Event]) -> (Half, Half) {
        let mid = events.count / 2
        return Parallel.both({ Half(events, 0..<mid) }, { Half(events, mid..<events.count) })
    }

    /// The two sorted halves merged (ties go left, which keeps equal ids in index order).
    init(_ events: [Event], merging halves: (Half, Half)) {
        let (left, right) = halves
        guard left.ascii && right.ascii else {
            let ids = events.map(\.id)
            self.init(events, order: events.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) })
            return
        }
        var order: [Int] = []
        order.reserveCapacity(events.count)
        var i = 0, j = 0
        while i < left.keys.count && j < right.keys.count {
            if right.precedes(right.keys[j], left, left.keys[i]) {
                order.append(right.keys[j].index); j += 1
            } else {
                order.append(left.keys[i].index); i += 1
            }
        }
        order += left.keys[i...].map(\.index)
        order += right.keys[j...].map(\.index)
        // Each id copied from its half, in that order: no event is read again.
        var rank = [Int32](repeating: 0, count: events.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(left.bytes.count + right.bytes.count)
        var start: [UInt32] = [0]
        start.reserveCapacity(events.count + 1)
        var plain: [Bool] = []
        plain.reserveCapacity(events.count)
        for (position, k) in order.enumerated() {
            rank[k] = Int32(position)
            if k < right.base {
                let e = k - left.base
                bytes += left.bytes[Int(left.start[e])..<Int(left.start[e + 1])]
                plain.append(left.plain[e])
            } else {
                let e = k - right.base
                bytes += right.bytes[Int(right.start[e])..<Int(right.start[e + 1])]
                plain.append(right.plain[e])
            }
            start.append(UInt32(bytes.count))
        }
        self.init(order: order, rank: rank, bytes: bytes, start: start, plain: plain)
    }

    private init(order: [Int], rank: [Int32], bytes: [UInt8], start: [UInt32], plain: [Bool]) {
        self.order = order
        self.rank = rank
        self.bytes = bytes
        self.start = start
        self.plain = plain
    }

    /// With the order known: each id copied in that order.
    private init(_ events: [Event], order: [Int]) {
        var rank = [Int32](repeating: 0, count: events.count)
        var bytes: [UInt8] = []
        var start: [UInt32] = [0]
        var plain: [Bool] = []
        for (position, k) in order.enumerated() {
            rank[k] = Int32(position)
            events.withID(k) { id, isPlain in
                bytes.append(contentsOf: id)
                plain.append(isPlain)
            }
            start.append(UInt32(bytes.count))
        }
        self.init(order: order, rank: rank, bytes: bytes, start: start, plain: plain)
    }

    /// Event `k`'s id bytes and whether they are known to need no quotes.
    func withID<R>(_ k: Int, _ body: (ArraySlice<UInt8>, Bool) -> R) -> R {
        let i = Int(rank[k])
        return body(bytes[Int(start[i])..<Int(start[i + 1])], plain[i])
    }

    /// An id's first 40 bytes as five big-endian words, zero-padded: comparing the words
    /// compares those bytes (ids hold no NUL). In a generated dataset nine comparisons in ten
    /// end here; the rest share 40 bytes (`kabupaten-kepulauan-seribu-2024-06-07-res…`).
    /// 48 bytes with the index: a million keys are sorted.
    struct Key {
        static let width = 40
        var w0, w1, w2, w3, w4: UInt64
        var position: Int32
        var index: Int { Int(position) }

        init(_ bytes: [UInt8], from: Int, to: Int, index: Int) {
            func word(_ at: Int) -> UInt64 {
                var w: UInt64 = 0
                for i in at..<(at + 8) { w = w << 8 | UInt64(i < to ? bytes[i] : 0) }
                return w
            }
            w0 = word(from); w1 = word(from + 8); w2 = word(from + 16)
            w3 = word(from + 24); w4 = word(from + 32)
            position = Int32(index)
        }

        /// Whether `self` sorts before `other` on the first 40 bytes; nil when those are the same.
        func wordsPrecede(_ other: Key) -> Bool? {
            if w0 != other.w0 { return w0 < other.w0 }
            if w1 != other.w1 { return w1 < other.w1 }
            if w2 != other.w2 { return w2 < other.w2 }
            if w3 != other.w3 { return w3 < other.w3 }
            if w4 != other.w4 { return w4 < other.w4 }
            return nil
        }
    }

    /// The ids of the events in `base..<base + count`, in event order, and their keys sorted.
    struct Half: Sendable {
        let base: Int
        /// Event `base + k`'s id is `bytes[start[k]..<start[k + 1]]`.
        var bytes: [UInt8] = []
        var start: [UInt32] = [0]
        var plain: [Bool] = []
        var keys: [Key] = []
        var ascii = true

        init(_ events: [Event], _ range: Range<Int>) {
            base = range.lowerBound
            start.reserveCapacity(range.count + 1)
            plain.reserveCapacity(range.count)
            for k in range {
                events.withID(k) { id, isPlain in
                    bytes.append(contentsOf: id)
                    plain.append(isPlain)
                }
                start.append(UInt32(bytes.count))
            }
            ascii = !bytes.contains { $0 >= 0x80 }
            guard ascii else { return }
            keys = (0..<range.count).map { Key(bytes, from: Int(start[$0]), to: Int(start[$0 + 1]), index: base + $0) }
            let half = self
            keys.sort { half.precedes($0, half, $1) }
        }

        /// Whether `x` (of this half) sorts before `y` (of `other`): the words, then the rest of
        /// the bytes, then the shorter, then the lower index.
        func precedes(_ x: Key, _ other: Half, _ y: Key) -> Bool {
            if let p = x.wordsPrecede(y) { return p }
            let sx = Int(start[x.index - base]), ex = Int(start[x.index - base + 1])
            let sy = Int(other.start[y.index - other.base]), ey = Int(other.start[y.index - other.base + 1])
            var i = sx + Key.width, j = sy + Key.width
            while i < ex && j < ey {
                if bytes[i] != other.bytes[j] { return bytes[i] < other.bytes[j] }
                i += 1; j += 1
            }
            return ex - sx != ey - sy ? ex - sx < ey - sy : x.index < y.index
        }
    }
}
