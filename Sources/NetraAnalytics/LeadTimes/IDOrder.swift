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
    /// first by their first 24 bytes packed into three integers, then, only on a tie, by the rest.
    public init(_ events: [Event]) {
        let n = events.count
        var packed: [UInt8] = []
        var from = [Int](repeating: 0, count: n + 1)
        for k in events.indices {
            events[k].withUTF8(.id) { packed.append(contentsOf: $0) }
            from[k + 1] = packed.count
        }
        let order: [Int]
        if packed.contains(where: { $0 >= 0x80 }) {
            let ids = events.map(\.id)
            order = events.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
        } else {
            order = IDOrder.sorted(packed, from, n)
        }
        var rank = [Int32](repeating: 0, count: n)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packed.count)
        var start: [UInt32] = [0]
        start.reserveCapacity(n + 1)
        var plain: [Bool] = []
        plain.reserveCapacity(n)
        packed.withUnsafeBufferPointer { p in
            for (i, k) in order.enumerated() {
                rank[k] = Int32(i)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[from[k]..<from[k + 1]]))
                start.append(UInt32(bytes.count))
                plain.append(events[k].isPlain(.id))
            }
        }
        self.order = order
        self.rank = rank
        self.bytes = bytes
        self.start = start
        self.plain = plain
    }

    /// Event `k`'s id bytes and whether they are known to need no quotes.
    @inline(__always)
    func withID<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R {
        let i = Int(rank[k])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start[i])..<Int(start[i + 1])]), plain[i]) }
    }

    private struct Key { var a: UInt64, b: UInt64, c: UInt64, index: Int }

    private static func sorted(_ packed: [UInt8], _ from: [Int], _ n: Int) -> [Int] {
        packed.withUnsafeBufferPointer { p -> [Int] in
            guard let base = p.baseAddress else { return Array(0..<n) }
            // Big-endian, zero-padded: integer order is byte order, and a shorter id sorts first.
            func word(_ at: Int, _ end: Int) -> UInt64 {
                var w: UInt64 = 0
                for i in 0..<8 { w = w << 8 | UInt64(at + i < end ? base[at + i] : 0) }
                return w
            }
            var keys = (0..<n).map { k in
                Key(a: word(from[k], from[k + 1]), b: word(from[k] + 8, from[k + 1]), c: word(from[k] + 16, from[k + 1]), index: k)
            }
            keys.sort { x, y in
                if x.a != y.a { return x.a < y.a }
                if x.b != y.b { return x.b < y.b }
                if x.c != y.c { return x.c < y.c }
                let ex = from[x.index + 1], ey = from[y.index + 1]
                let sx = min(from[x.index] + 24, ex), sy = min(from[y.index] + 24, ey)
                let c = memcmp(base + sx, base + sy, min(ex - sx, ey - sy))
                if c != 0 { return c < 0 }
                let tx = ex - from[x.index], ty = ey - from[y.index]
                return tx != ty ? tx < ty : x.index < y.index
            }
            return keys.map(\.index)
        }
    }
}
