import Testing
import NetraCore
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics

/// The events sorted by id must be exactly String's order, ties and all.
@Suite struct IDOrderTests {
    static func events(_ ids: [String]) -> EventTable {
        let date = EventDate(written: WrittenDate(anchor: Day(ordinal: 0), form: .day), precision: .day)
        return EventTable(ids.map { Event(id: $0, date: date, kind: .incident, jurisdiction: 0) })
    }

    /// What String comparison says, equal ids in index order.
    static func expected(_ ids: [String]) -> [EventIndex] {
        ids.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }.map(EventIndex.init)
    }

    @Test func idsSharingLongPrefixesSortAsStringsDo() {
        // Ties past the 48 bytes held in the keys, prefixes of each other, and both halves.
        let stem = "kabupaten-bekasi-2024-01-15-sosialisasi-pj-bupati-"
        var ids: [String] = []
        for n in [10, 2, 1, 100, 20, 3] { ids.append(stem + String(n)) }
        ids += [
            stem, "kabupaten-bekasi", "kabupaten-bekasi-2024-01-15-sosialisasi", "a", "", "kota-bekasi-1",
            "kabupaten-bekasi-2024-01-15-sosialisasi-1", stem + "10"
        ]
        let order = IDOrder(Self.events(ids))
        #expect(order.order == Self.expected(ids))
    }

    @Test func nonASCIIIdsFallBackToStringOrder() {
        let ids = ["é-2", "e-1", "ü", "u", "é-1", "z"]
        #expect(IDOrder(Self.events(ids)).order == Self.expected(ids))
    }

    @Test func fewEventsStillSort() {
        #expect(IDOrder(Self.events([])).order == [])
        #expect(IDOrder(Self.events(["b"])).order == [EventIndex(0)])
        #expect(IDOrder(Self.events(["b", "a"])).order == [EventIndex(1), EventIndex(0)])
    }
}

/// The packed-key sort gives the plain order on data with long shared prefixes, ties and non-ASCII.
@Suite struct IDOrderEquivalenceTests {
    @Test func packedKeysSortAsWholeIDsDo() throws {
        let f = SyntheticDataset.make(events: 20_000, seed: 3)
        let d = try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections), events: ("v", f.events))
        #expect(IDOrder(d.events).order == IDOrder(comparingIDs: d.events).order)
        let stem = String(repeating: "kabupaten-bekasi-", count: 3)
        let ids = ["é", "e", stem + "b", stem + "a", stem, stem + "a", "", "z\u{10FFFF}", "z", stem + "é"]
        let table = IDOrderTests.events(ids + ids.reversed())
        #expect(IDOrder(table).order == IDOrder(comparingIDs: table).order)
        #expect(IDOrder(table).order == IDOrderTests.expected(ids + ids.reversed()))
    }
}
