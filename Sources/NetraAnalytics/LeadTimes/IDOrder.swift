#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetraCore

/// The events sorted by id, with their ids copied in that order. Lead times are listed by id,
/// so the lead-time export reads these bytes front to back instead of jumping around a
/// million events and the file behind them (a cache miss per row).
public struct IDOrder: Sendable {
    /// Event indices by id; equal ids (possible only in a hand-built dataset) in index order.
    public let order: [Int]
    /// Each event's position in `order`.
    let rank: [Int32]
    /// The ids, in `order`, one after another; id `i` is `bytes[start[i]..<start[i + 1]]`.
    let bytes: [UInt8]
    let start: [UInt32]
    /// Whether each id (by position) is known to need no quotes in plain CSV.
    let plain: [Bool]

    /// ASCII ids (the usual case) are compared as bytes, which orders them as String does:
    /// each half of the events is sorted on its own core (on its first 24 bytes packed into
    /// three integers, then, only on a tie, the rest), and the two are merged.
    public init(_ events: [Event]) {
        let n = events.count, mid = n / 2
        let (left, right) = Parallel.both({ Half(events, 0..<mid) }, { Half(events, mid..<n) })
        guard left.ascii, right.ascii else {
            let ids = events.map(\.id)
            self.init(events, order: events.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) })
            return
        }
        // The merge: ties go left, which keeps equal ids in index order. The ids are copied
        // from the halves' packed bytes as they come: no event is touched again.
        var order: [Int] = []
        order.reserveCapacity(n)
        var rank = [Int32](repeating: 0, count: n)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(left.packed.count + right.packed.count)
        var start: [UInt32] = [0]
        start.reserveCapacity(n + 1)
        var plain: [Bool] = []
        plain.reserveCapacity(n)
        left.packed.withUnsafeBufferPointer { l in
            right.packed.withUnsafeBufferPointer { r in
                func take(_ half: Half, _ packed: UnsafeBufferPointer<UInt8>, _ key: Key) {
                    let k = key.index - half.base
                    rank[key.index] = Int32(order.count)
                    order.append(key.index)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: packed[half.from[k]..<half.from[k + 1]]))
                    start.append(UInt32(bytes.count))
                    plain.append(half.plain[k])
                }
                var i = 0, j = 0
                while i < left.keys.count || j < right.keys.count {
                    if i == left.keys.count || (j < right.keys.count && right.precedes(right.keys[j], left, left.keys[i])) {
                        take(right, r, right.keys[j]); j += 1
                    } else {
                        take(left, l, left.keys[i]); i += 1
                    }
                }
            }
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
        let n = events.count
        var rank = [Int32](repeating: 0, count: n)
        var bytes: [UInt8] = []
        var start: [UInt32] = [0]
        start.reserveCapacity(n + 1)
        var plain: [Bool] = []
        plain.reserveCapacity(n)
        for (i, k) in order.enumerated() {
            rank[k] = Int32(i)
            events[k].withUTF8(.id) { bytes.append(contentsOf: $0) }
            start.append(UInt32(bytes.count))
            plain.append(events[k].isPlain(.id))
        }
        self.order = order
        self.rank = rank
        self.bytes = bytes
        self.start = start
        self.plain = plain
    }

    private struct Key { var a: UInt64, b: UInt64, c: UInt64, index: Int }

    /// The events of `range`, their ids packed and sorted.
    private struct Half: Sendable {
        var packed: [UInt8] = []
        /// Where event `range.lowerBound + k`'s id starts in `packed` (and `from[k + 1]` ends it).
        var from: [Int] = [0]
        let base: Int
        var keys: [Key] = []
        /// Whether each id is known to need no quotes in plain CSV.
        var plain: [Bool] = []
        var ascii = true

        init(_ events: [Event], _ range: Range<Int>) {
            base = range.lowerBound
            from.reserveCapacity(range.count + 1)
            plain.reserveCapacity(range.count)
            for k in range {
                events[k].withUTF8(.id) { packed.append(contentsOf: $0) }
                from.append(packed.count)
                plain.append(events[k].isPlain(.id))
            }
            guard !packed.contains(where: { $0 >= 0x80 }) else { ascii = false; return }
            let from = from
            keys = packed.withUnsafeBufferPointer { p -> [Key] in
                guard let bytes = p.baseAddress else { return range.map { Key(a: 0, b: 0, c: 0, index: $0) } }
                // Big-endian, zero-padded: integer order is byte order, and a shorter id sorts first.
                func word(_ at: Int, _ end: Int) -> UInt64 {
                    var w: UInt64 = 0
                    for i in 0..<8 { w = w << 8 | UInt64(at + i < end ? bytes[at + i] : 0) }
                    return w
                }
                return (0..<range.count).map { k in
                    Key(a: word(from[k], from[k + 1]), b: word(from[k] + 8, from[k + 1]),
                        c: word(from[k] + 16, from[k + 1]), index: range.lowerBound + k)
                }
            }
            let me = self
            keys.sort { x, y in me.precedes(x, me, y) }
        }

        /// Whether `x` (one of these ids) sorts before `y` (one of `other`'s).
        @inline(__always)
        func precedes(_ x: Key, _ other: Half, _ y: Key) -> Bool {
            if x.a != y.a { return x.a < y.a }
            if x.b != y.b { return x.b < y.b }
            if x.c != y.c { return x.c < y.c }
            let kx = x.index - base, ky = y.index - other.base
            let ex = from[kx + 1], ey = other.from[ky + 1]
            let sx = min(from[kx] + 24, ex), sy = min(other.from[ky] + 24, ey)
            let length = min(ex - sx, ey - sy)
            let c: Int32 = length == 0 ? 0 : packed.withUnsafeBufferPointer { p in
                other.packed.withUnsafeBufferPointer { q in
                    guard let p = p.baseAddress, let q = q.baseAddress else { return 0 }
                    return memcmp(p + sx, q + sy, length)
                }
            }
            if c != 0 { return c < 0 }
            let tx = ex - from[kx], ty = ey - other.from[ky]
            return tx != ty ? tx < ty : x.index < y.index
        }
    }

    /// Event `k`'s id bytes and whether they are known to need no quotes.
    @inline(__always)
    func withID<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R {
        let i = Int(rank[k])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start[i])..<Int(start[i + 1])]), plain[i]) }
    }

}
