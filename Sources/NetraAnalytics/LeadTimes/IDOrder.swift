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
    /// each half of the events is sorted on its own core (on its first 32 bytes packed into
    /// four integers, then, only on a tie, the rest), and the two are merged.
    public init(_ events: [Event]) {
        self.init(events, merging: IDOrder.sortedHalves(events))
    }

    /// Each half of the events sorted, on its own core: `init(_:merging:)` merges them.
    static func sortedHalves(_ events: [Event]) -> (Half, Half) {
        let n = events.count, mid = n / 2
        return Parallel.both({ Half(events, 0..<mid) }, { Half(events, mid..<n) })
    }

    init(_ events: [Event], merging halves: (Half, Half)) {
        let (left, right) = halves
        let n = events.count, mid = n / 2
        guard left.ascii, right.ascii else {
            let ids = events.map(\.id)
            self.init(events, order: events.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) })
            return
        }
        // The merge: ties go left, which keeps equal ids in index order.
        var order = [Int](repeating: 0, count: n)
        left.packed.withUnsafeBufferPointer { lp in
            right.packed.withUnsafeBufferPointer { rp in
                left.keys.withUnsafeBufferPointer { lk in
                    right.keys.withUnsafeBufferPointer { rk in
                        order.withUnsafeMutableBufferPointer { out in
                            var i = 0, j = 0, o = 0
                            while i < lk.count && j < rk.count {
                                let x = rk[j], y = lk[i]
                                let rightFirst = Key.wordsPrecede(x, y)
                                    ?? IDOrder.tailPrecedes(rp, right.from, x.index - right.base,
                                                            lp, left.from, y.index - left.base, x.index, y.index)
                                if rightFirst { out[o] = x.index; j += 1 } else { out[o] = y.index; i += 1 }
                                o += 1
                            }
                            while i < lk.count { out[o] = lk[i].index; i += 1; o += 1 }
                            while j < rk.count { out[o] = rk[j].index; j += 1; o += 1 }
                        }
                    }
                }
            }
        }
        // Each id copied from its half's packed bytes, in that order: no event is touched again.
        var rank = [Int32](repeating: 0, count: n)
        var bytes = [UInt8](repeating: 0, count: left.packed.count + right.packed.count)
        var start = [UInt32](repeating: 0, count: n + 1)
        var plain = [Bool](repeating: false, count: n)
        left.packed.withUnsafeBufferPointer { lp in
        right.packed.withUnsafeBufferPointer { rp in
        left.from.withUnsafeBufferPointer { lf in
        right.from.withUnsafeBufferPointer { rf in
        left.plain.withUnsafeBufferPointer { lpl in
        right.plain.withUnsafeBufferPointer { rpl in
            bytes.withUnsafeMutableBufferPointer { out in
                guard let dst = out.baseAddress else { return }
                var at = 0
                for (i, k) in order.enumerated() {
                    let isLeft = k < mid
                    let e = isLeft ? k : k - mid
                    let from = isLeft ? lf : rf, src = isLeft ? lp : rp
                    let lo = from[e], hi = from[e + 1]
                    if hi > lo, let bytes = src.baseAddress { (dst + at).update(from: bytes + lo, count: hi - lo) }
                    at += hi - lo
                    rank[k] = Int32(i)
                    start[i + 1] = UInt32(at)
                    plain[i] = isLeft ? lpl[e] : rpl[e]
                }
            }
        }
        }
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
            events.withID(k) { id, isPlain in
                bytes.append(contentsOf: id)
                plain.append(isPlain)
            }
            start.append(UInt32(bytes.count))
        }
        self.order = order
        self.rank = rank
        self.bytes = bytes
        self.start = start
        self.plain = plain
    }

    struct Key {
        var a: UInt64, b: UInt64, c: UInt64, d: UInt64, index: Int

        /// Whether `x` sorts before `y` on their first 32 bytes; nil when those are equal.
        @inline(__always)
        static func wordsPrecede(_ x: Key, _ y: Key) -> Bool? {
            if x.a != y.a { return x.a < y.a }
            if x.b != y.b { return x.b < y.b }
            if x.c != y.c { return x.c < y.c }
            if x.d != y.d { return x.d < y.d }
            return nil
        }
    }

    /// The events of `range`, their ids packed and sorted.
    struct Half: Sendable {
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
                events.withID(k) { id, isPlain in
                    packed.append(contentsOf: id)
                    plain.append(isPlain)
                }
                from.append(packed.count)
            }
            guard !packed.contains(where: { $0 >= 0x80 }) else { ascii = false; return }
            let from = from
            keys = packed.withUnsafeBufferPointer { p -> [Key] in
                guard let bytes = p.baseAddress else { return range.map { Key(a: 0, b: 0, c: 0, d: 0, index: $0) } }
                // Big-endian, zero-padded: integer order is byte order, and a shorter id sorts first.
                func word(_ at: Int, _ end: Int) -> UInt64 {
                    var w: UInt64 = 0
                    for i in 0..<8 { w = w << 8 | UInt64(at + i < end ? bytes[at + i] : 0) }
                    return w
                }
                return (0..<range.count).map { k in
                    Key(a: word(from[k], from[k + 1]), b: word(from[k] + 8, from[k + 1]),
                        c: word(from[k] + 16, from[k + 1]), d: word(from[k] + 24, from[k + 1]), index: range.lowerBound + k)
                }
            }
            // Words first, inline; the tail only on a tie (no copy of `self` per comparison).
            let packedBytes = packed, offsets = from, base = range.lowerBound
            packedBytes.withUnsafeBufferPointer { p in
                keys.sort { x, y in
                    Key.wordsPrecede(x, y)
                        ?? IDOrder.tailPrecedes(p, offsets, x.index - base, p, offsets, y.index - base, x.index, y.index)
                }
            }
        }
    }

    /// For ids equal in their first 32 bytes: the rest, then the length, then the index.
    static func tailPrecedes(_ p: UnsafeBufferPointer<UInt8>, _ pFrom: [Int], _ kx: Int,
                             _ q: UnsafeBufferPointer<UInt8>, _ qFrom: [Int], _ ky: Int, _ ix: Int, _ iy: Int) -> Bool {
        let ex = pFrom[kx + 1], ey = qFrom[ky + 1]
        let sx = min(pFrom[kx] + 32, ex), sy = min(qFrom[ky] + 32, ey)
        let length = min(ex - sx, ey - sy)
        if length > 0, let pb = p.baseAddress, let qb = q.baseAddress {
            let c = memcmp(pb + sx, qb + sy, length)
            if c != 0 { return c < 0 }
        }
        let tx = ex - pFrom[kx], ty = ey - qFrom[ky]
        return tx != ty ? tx < ty : ix < iy
    }

    /// Event `k`'s id bytes and whether they are known to need no quotes.
    @inline(__always)
    func withID<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R {
        let i = Int(rank[k])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start[i])..<Int(start[i + 1])]), plain[i]) }
    }

}
