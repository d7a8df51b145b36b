import Testing
import NetraCore
@testable import NetraAnalytics

/// The events sorted by id must be exactly String's order, ties in index order.
@Suite struct IDSortTests {
    static func events(_ ids: [String]) -> [Event] {
        let date = EventDate(written: WrittenDate(anchor: Day(ordinal: 0), form: .day), precision: .day)
        return ids.map { Event(id: $0, date: date, kind: .incident, jurisdiction: 0) }
    }

    /// What String comparison says, equal ids in index order.
    static func expected(_ ids: [String]) -> [Int] {
        ids.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
    }

    @Test func idsSharingLongPrefixesSortAsStringsDo() {
        // Prefixes of each other, long shared stems and repeated ids.
        let stem = "kabupaten-bekasi-2024-01-15-sosialisasi-"
        var ids: [String] = []
        for n in [10, 2, 1, 100, 20, 3] { ids.append(stem + String(n)) }
        ids += [stem, "kabupaten-bekasi", "kabupaten-bekasi-2024-01-15-sosialisasi", "a", "", "kota-bekasi-1",
                "kabupaten-bekasi-2024-01-15-sosialisasi-1", stem + "10"]
        #expect(LeadTimes.idOrder(Self.events(ids)) == Self.expected(ids))
    }

    @Test func tiesPastTheKeysAndAcrossTheHalvesSortAsStringsDo() {
        // Longer than the 48 bytes held in a key, equal ids in both halves, prefixes of each other.
        let stem = "kabupaten-kepulauan-seribu-2024-06-07-sosialisasi-"
        var ids: [String] = []
        for n in [10, 2, 1, 100, 20, 3, 1] { ids.append(stem + String(n)) }
        ids += [stem, String(stem.dropLast()), "b", stem + "1", "a", stem + "10", stem + "1"]
        let events = Self.events(ids)
        let sorted = SortedIDs(events)
        #expect(sorted.order == Self.expected(ids))
        // The ids copied in that order are each event's own.
        for k in ids.indices {
            #expect(sorted.withID(k) { bytes, _ in String(decoding: bytes, as: UTF8.self) } == ids[k])
        }
    }

    @Test func nonASCIIIdsSortAsStringsDo() {
        // "e\u{301}" is é decomposed: String order (canonical) is not its byte order.
        let ids = ["é-2", "e-1", "ü", "u", "é-1", "z", "e\u{301}-0", "e\u{301}-0"]
        #expect(LeadTimes.idOrder(Self.events(ids)) == Self.expected(ids))
    }

    @Test func fewEventsStillSort() {
        #expect(LeadTimes.idOrder(Self.events([])) == [])
        #expect(LeadTimes.idOrder(Self.events(["b"])) == [0])
        #expect(LeadTimes.idOrder(Self.events(["b", "a"])) == [1, 0])
    }

    @Test func analysisListsLeadTimesInIdOrder() {
        let ids = ["c", "a", "b"]
        let dataset = Dataset(events: Self.events(ids), jurisdictions: [Jurisdiction(id: "x", name: "X", level: .kota, parent: nil)], elections: [])
        #expect(Analysis(dataset: dataset).idOrder == [1, 2, 0])
    }
}
