import NetraCore

extension IDOrder {
    /// Bytes of an id held in its key: most ids are shorter (a generated one runs 30–50).
    static let keyBytes = 48

    /// One id's first 48 bytes, big-endian in six words (zero-padded: ids hold no NUL, so a
    /// shorter id still sorts first), and its row.
    struct PackedKey: Sendable {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, w4: UInt64, w5: UInt64
        var row: Int32

        /// From the id's bytes read in place: a slice of the store would be retained and
        /// released once per id.
        init(_ bytes: Span<UInt8>, row: Int) {
            let n = min(bytes.count, IDOrder.keyBytes)
            @inline(__always) func word(_ at: Int) -> UInt64 {
                var v: UInt64 = 0
                for i in at..<(at + 8) { v = v << 8 | (i < n ? UInt64(bytes[i]) : 0) }
                return v
            }
            (w0, w1, w2, w3, w4, w5) = (word(0), word(8), word(16), word(24), word(32), word(40))
            self.row = Int32(truncatingIfNeeded: row)
        }

        /// How many leading bytes this key and `b` share (48 when all).
        @inline(__always)
        func sharedBytes(_ b: PackedKey) -> Int {
            if w0 != b.w0 { return (w0 ^ b.w0).leadingZeroBitCount / 8 }
            if w1 != b.w1 { return 8 + (w1 ^ b.w1).leadingZeroBitCount / 8 }
            if w2 != b.w2 { return 16 + (w2 ^ b.w2).leadingZeroBitCount / 8 }
            if w3 != b.w3 { return 24 + (w3 ^ b.w3).leadingZeroBitCount / 8 }
            if w4 != b.w4 { return 32 + (w4 ^ b.w4).leadingZeroBitCount / 8 }
            if w5 != b.w5 { return 40 + (w5 ^ b.w5).leadingZeroBitCount / 8 }
            return IDOrder.keyBytes
        }

        /// Byte `d` (0..<48) of the key: what the radix sort distributes on.
        @inline(__always)
        func byte(_ d: Int) -> Int {
            let w: UInt64
            switch d >> 3 {
            case 0: w = w0
            case 1: w = w1
            case 2: w = w2
            case 3: w = w3
            case 4: w = w4
            default: w = w5
            }
            return Int(truncatingIfNeeded: (w >> UInt64(56 - 8 * (d & 7))) & 0xFF)
        }

        /// The key's order; `nil` when the first 48 bytes are the same.
        @inline(__always)
        func precedes(_ b: PackedKey) -> Bool? {
            if w0 != b.w0 { return w0 < b.w0 }
            if w1 != b.w1 { return w1 < b.w1 }
            if w2 != b.w2 { return w2 < b.w2 }
            if w3 != b.w3 { return w3 < b.w3 }
            if w4 != b.w4 { return w4 < b.w4 }
            if w5 != b.w5 { return w5 < b.w5 }
            return nil
        }
    }

    /// The keys of `rows`, sorted in `precedes` order.
    /// Sorted by their bytes, most significant first (`IDOrder+Radix.swift`): linear in the ids'
    /// distinguishing bytes, where comparing keys cost n log n.
    static func sortedKeys(_ events: EventTable, _ rows: Range<EventIndex>) -> [PackedKey] {
        var keys = packedKeys(events, rows)
        radixSort(&keys, events)
        return keys
    }

    /// The same order by comparing keys: what the radix sort is tested against.
    static func sortedKeysComparing(_ events: EventTable, _ rows: Range<EventIndex>) -> [PackedKey] {
        var keys = packedKeys(events, rows)
        keys.sort { a, b in a.precedes(b) ?? tiePrecedes(events, a, b) }
        return keys
    }

    /// The keys of `rows`, in row order.
    static func packedKeys(_ events: EventTable, _ rows: Range<EventIndex>) -> [PackedKey] {
        let text = events.text
        return rows.map { k in text.withBytes(events.ref(.id, k)) { PackedKey($0, row: k.raw) } }
    }

    /// Each half of the events sorted on its own core: `sortedByPackedKeys(_:merging:)` merges them.
    static func sortedHalves(_ events: EventTable) -> ([PackedKey], [PackedKey]) {
        precondition(events.count < Int(Int32.max), "rows fit in 32 bits")
        let mid = EventIndex(events.count / 2)
        return Parallel.both({ sortedKeys(events, events.startIndex..<mid) }, { sortedKeys(events, mid..<events.endIndex) })
    }

    /// The events in `precedes` order from the two sorted halves: a million ids are told apart
    /// by a few integer comparisons each, and whole ids are compared only when their first 48
    /// bytes agree. Ties between the halves go left, which keeps equal ids in row order.
    static func sortedByPackedKeys(_ events: EventTable, merging halves: ([PackedKey], [PackedKey])) -> [EventIndex] {
        let (left, right) = halves
        var out: [EventIndex] = []
        out.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count && j < right.count {
            let x = right[j], y = left[i]
            if x.precedes(y) ?? tiePrecedes(events, x, y) { out.append(EventIndex(Int(x.row))); j += 1 } else { out.append(EventIndex(Int(y.row))); i += 1 }
        }
        while i < left.count { out.append(EventIndex(Int(left[i].row))); i += 1 }
        while j < right.count { out.append(EventIndex(Int(right[j].row))); j += 1 }
        assert(out.count == events.count, "every event once")
        return out
    }

    /// Two keys whose first 48 bytes agree: the rest of the ids, then the rows.
    static func tiePrecedes(_ events: EventTable, _ a: PackedKey, _ b: PackedKey) -> Bool {
        let x = EventIndex(Int(a.row)), y = EventIndex(Int(b.row))
        let s = events.bytes(.id, x), t = events.bytes(.id, y)
        var i = s.startIndex + min(keyBytes, s.count), j = t.startIndex + min(keyBytes, t.count)
        while i < s.endIndex && j < t.endIndex {
            if s[i] != t[j] { return s[i] < t[j] }
            i += 1; j += 1
        }
        if i < s.endIndex { return false }
        return j < t.endIndex || x < y
    }
}
