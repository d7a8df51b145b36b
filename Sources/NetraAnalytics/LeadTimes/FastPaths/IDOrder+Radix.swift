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
        var scratch = [PackedKey](repeating: keys[0], count: keys.count)
        var tables = [Int](repeating: 0, count: keyBytes * 512)
        keys.withUnsafeMutableBufferPointer { k in
            scratch.withUnsafeMutableBufferPointer { s in
                tables.withUnsafeMutableBufferPointer { t in
                    radixSort(k, s, t, k.startIndex..<k.endIndex, depth: 0, inScratch: false, events)
                }
            }
        }
        assert(zip(keys, keys.dropFirst()).allSatisfy { a, b in a.precedes(b) ?? tiePrecedes(events, a, b) }, "sorted")
    }

    /// Sorts the keys of `range`, which lie in `scratch` when `inScratch` (else in `keys`),
    /// into `keys`. Each byte's pass scatters them from one buffer into the other, where the
    /// next byte's pass takes them: no copy back after each pass (at a million ids, 28 MB a
    /// half read and written once more at each of the first few bytes, beyond the core's cache).
    private static func radixSort(
        _ keys: UnsafeMutableBufferPointer<PackedKey>, _ scratch: UnsafeMutableBufferPointer<PackedKey>,
        _ tables: UnsafeMutableBufferPointer<Int>, _ range: Range<Int>, depth start: Int, inScratch: Bool, _ events: EventTable
    ) {
        let lo = range.lowerBound, hi = range.upperBound
        let (k, s) = inScratch ? (scratch, keys) : (keys, scratch)
        if hi - lo <= insertionLimit {
            if inScratch { for i in range { keys[i] = scratch[i] } }
            insertionSort(keys, range, events)
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
            // Scattered in order (stable) into the other buffer; each bucket's start then
            // marks its end.
            for i in range {
                let b = k[i].byte(depth)
                s[tables[starts + b]] = k[i]
                tables[starts + b] += 1
            }
            for b in 0..<256 where tables[counts + b] > 0 {
                let end = tables[starts + b], count = tables[counts + b]
                if count == 1 {
                    // Alone in its bucket: in its place, once in `keys`.
                    if !inScratch { keys[end - 1] = scratch[end - 1] }
                } else {
                    radixSort(keys, scratch, tables, (end - count)..<end, depth: depth + 1, inScratch: !inScratch, events)
                }
            }
            return
        }
        // The first 48 bytes agree: the rest of the ids, then the rows.
        if inScratch { for i in range { keys[i] = scratch[i] } }
        keys[range].sort { a, b in tiePrecedes(events, a, b) }
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
