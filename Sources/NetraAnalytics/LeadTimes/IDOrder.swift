import NetraCore

/// The events sorted by id (their UTF-8 bytes, which is how `String` orders NFC text); equal
/// ids, possible only in a dataset made in code, in row order. Lead times are listed in it.
public struct IDOrder: Sendable {
    /// Event rows by id.
    public let order: [EventIndex]

    public init(_ events: EventTable) {
        order = events.indices.sorted { a, b in
            let x = events.bytes(.id, a), y = events.bytes(.id, b)
            return x.lexicographicallyPrecedes(y) || (x == y && a < b)
        }
    }
}
