import NetraCore

/// The events sorted by id (their UTF-8 bytes, which is how `String` orders NFC text); equal
/// ids, possible only in a dataset made in code, in row order. Lead times are listed in it.
public struct IDOrder: Sendable {
    /// Event rows by id.
    public let order: [EventIndex]
    /// Each event's position in `order`.
    let rank: Column<EventIndex, Int32>

    /// Sorted on packed prefixes of the ids, each half on its own core (`IDOrder+PackedKeys.swift`).
    public init(_ events: EventTable) {
        self.init(events, merging: IDOrder.sortedHalves(events))
    }

    /// From the two halves `sortedHalves` gave: `Analysis` sorts them on both cores, then
    /// merges on one while the other builds the graph.
    init(_ events: EventTable, merging halves: ([PackedKey], [PackedKey])) {
        self.init(events, order: IDOrder.sortedByPackedKeys(events, merging: halves))
    }

    /// Sorted by comparing whole ids: the plain definition the packed sort is tested against.
    public init(comparingIDs events: EventTable) {
        self.init(events, order: events.indices.sorted { IDOrder.precedes(events, $0, $1) })
    }

    private init(_ events: EventTable, order: [EventIndex]) {
        self.order = order
        var rank = Column<EventIndex, Int32>(repeating: 0, count: events.count)
        for (i, k) in order.enumerated() { rank[k] = Int32(truncatingIfNeeded: i) }
        self.rank = rank
    }

    /// The ids copied in id order, one after another: the lead-time export reads them front
    /// to back from memory of its own, not across the dataset's file beside the events export.
    /// Made by the export and let go after it (held by the analysis, they were 55 MB of the
    /// 1M report's peak).
    @usableFromInline package struct Copy {
        @usableFromInline package let bytes: [UInt8]
        /// Where id `i` (by position in `order`) starts in `bytes`; one more entry marks the end.
        let starts: [UInt32]
        /// Whether each id (by position) is known to need no quotes in plain CSV.
        let plain: [Bool]
        let rank: Column<EventIndex, Int32>

        /// Where event `k`'s id lies in `bytes` (read it as `bytes.span.extracting(range)`:
        /// a slice would retain the copy once per id), and whether it needs no quotes.
        @usableFromInline package func id(_ k: EventIndex) -> (range: Range<Int>, plain: Bool) {
            let i = Int(rank[k])
            return (Int(starts[i])..<Int(starts[i + 1]), plain[i])
        }
    }

    /// The ids of `events` (those this order was made from) copied in this order.
    @usableFromInline package func copy(_ events: EventTable) -> Copy {
        var size = 0
        // Sizes from the refs, in row order (the same sum, read front to back: in id order
        // each ref is a miss of the cache); a slice per id would retain the store's buffer.
        for k in events.indices { size += events.ref(.id, k).range.count }
        precondition(size <= Int(UInt32.max), "the ids fit in 4 GiB (the file does)")
        var bytes: [UInt8] = [], starts: [UInt32] = [], plain: [Bool] = []
        bytes.reserveCapacity(size)
        starts.reserveCapacity(order.count + 1)
        plain.reserveCapacity(order.count)
        let text = events.text
        for k in order {
            starts.append(UInt32(truncatingIfNeeded: bytes.count))
            let r = events.ref(.id, k)
            // Read where it lies: a slice of the store would be retained and released per id,
            // on the cache line the other core's export retains it on too.
            text.withBytes(r) { bytes.appendWhole($0) }
            plain.append(r.isPlain)
        }
        starts.append(UInt32(truncatingIfNeeded: bytes.count))
        return Copy(bytes: bytes, starts: starts, plain: plain, rank: rank)
    }

    /// The order itself: by id bytes, then by row.
    static func precedes(_ events: EventTable, _ a: EventIndex, _ b: EventIndex) -> Bool {
        let x = events.bytes(.id, a), y = events.bytes(.id, b)
        return x.lexicographicallyPrecedes(y) || (x == y && a < b)
    }
}
