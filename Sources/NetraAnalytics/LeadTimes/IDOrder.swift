import NetraCore

/// The events sorted by id (their UTF-8 bytes, which is how `String` orders NFC text); equal
/// ids, possible only in a dataset made in code, in row order. Lead times are listed in it.
public struct IDOrder: Sendable {
    /// Event rows by id.
    public let order: [EventIndex]

    /// Sorted on packed prefixes of the ids, each half on its own core (`IDOrder+PackedKeys.swift`).
    public init(_ events: EventTable) {
        self.init(events, merging: IDOrder.sortedHalves(events))
    }

    /// From the two halves `sortedHalves` gave: `Analysis` sorts them on both cores, then
    /// merges on one while the other builds the graph.
    init(_ events: EventTable, merging halves: ([PackedKey], [PackedKey])) {
        order = IDOrder.sortedByPackedKeys(events, merging: halves)
    }

    /// Sorted by comparing whole ids: the plain definition the packed sort is tested against.
    public init(comparingIDs events: EventTable) {
        order = events.indices.sorted { IDOrder.precedes(events, $0, $1) }
    }

    /// The order itself: by id bytes, then by row.
    static func precedes(_ events: EventTable, _ a: EventIndex, _ b: EventIndex) -> Bool {
        let x = events.bytes(.id, a), y = events.bytes(.id, b)
        return x.lexicographicallyPrecedes(y) || (x == y && a < b)
    }
}
