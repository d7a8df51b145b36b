import NetraCore

/// The packed keys sorted by their bytes, most significant first (an MSD radix sort): each
/// id is looked at once per byte up to where it differs from its neighbours, instead of
/// comparing keys n log n times. The order is `precedes`, a total order (ids, then rows), so
/// it is the one `sortedKeysComparing` gives, whatever the ties.
extension IDOrder {
    /// Ranges this short are finished by insertion, comparing keys.
    static let insertionLimit = 24

    /// Sorts `keys` in `precedes` order.
    static func radixSort(_ keys: inout [PackedKey], _ events: EventTable) {
        guard keys.count > 1 else { return }
        // One scatter buffer for every range, and per depth 256 counts and 256 starts: the
        // recursion goes one byte deeper each call, so each depth's slots are its own.
        var scratch = keys
        var tables = [Int](repeating: 0, count: keyBytes * 512)
        keys.withUnsafeMutableBufferPointer { k in
            scratch.withUnsafeMutableBufferPointer { s in
                tables.withUnsafeMutableBufferPointer { t in
                    radixSort(k, s, t, k.startIndex..<k.endIndex, depth: 0, events)
                }
            }
        }
        assert(zip(keys, keys.dropFirst()).allSatisfy { a, b in a.precedes(b) ?? tiePrecedes(events, a, b) }, "sorted")
    }

    private static func radixSort(
        _ k: UnsafeMutableBufferPointer<PackedKey>, _ s: UnsafeMutableBufferPointer<PackedKey>,
        _ tables: UnsafeMutableBufferPointer<Int>, _ range: Range<Int>, depth start: Int, _ events: EventTable
    ) {
        let lo = range.lowerBound, hi = range.upperBound
        if hi - lo <= insertionLimit {
            insertionSort(k, range, events)
            return
        }
        // Past the bytes every key of the range shares (a generated id's place and date): one
        // pass, where counting byte by byte would take one per byte.
        let first = k[lo]
        var depth = keyBytes
        var next = lo + 1
        while next < hi && depth > start {
            depth = min(depth, first.sharedBytes(k[next]))
            next += 1
        }
        assert(depth >= start, "the range shares its first `start` bytes")
        if depth < keyBytes {
            let counts = depth * 512, starts = counts + 256
            for b in 0..<256 { tables[counts + b] = 0 }
            for i in range { tables[counts + k[i].byte(depth)] += 1 }
            assert(tables[counts + first.byte(depth)] < hi - lo, "the keys differ at this byte")
            var at = lo
            for b in 0..<256 {
                tables[starts + b] = at
                at += tables[counts + b]
            }
            // Scattered in order (stable), then copied back; each bucket's start then marks its end.
            for i in range {
                let b = k[i].byte(depth)
                s[tables[starts + b]] = k[i]
                tables[starts + b] += 1
            }
            for i in range { k[i] = s[i] }
            for b in 0..<256 where tables[counts + b] > 1 {
                let end = tables[starts + b]
                radixSort(k, s, tables, (end - tables[counts + b])..<end, depth: depth + 1, events)
            }
            return
        }
        // The first 48 bytes agree: the rest of the ids, then the rows.
        k[range].sort { a, b in tiePrecedes(events, a, b) }
    }

    /// A short range sorted by comparing keys, as the plain sort would.
    private static func insertionSort(_ k: UnsafeMutableBufferPointer<PackedKey>, _ range: Range<Int>, _ events: EventTable) {
        guard range.count > 1 else { return }
        for i in (range.lowerBound + 1)..<range.upperBound {
            let x = k[i]
            var j = i
            while j > range.lowerBound, x.precedes(k[j - 1]) ?? tiePrecedes(events, x, k[j - 1]) {
                k[j] = k[j - 1]
                j -= 1
            }
            k[j] = x
        }
    }
}
