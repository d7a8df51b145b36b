import Testing
import NetraCore
import NetraTestSupport
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

/// The radix sort of packed keys (`FastPaths/IDOrder+Radix.swift`) against the plain order on
/// random ids made to be hard: stems longer than the 48 bytes a key holds, ids ending at or
/// around byte 48, empty ids, repeats, non-ASCII UTF-8, NUL-like low bytes, very long ids.
@Suite struct IDOrderRadixTests {
    static func hardIDs(count: Int, seed: UInt64) -> [String] {
        var g = SeededGenerator(seed: seed)
        let stems = [
            "", "a", "kabupaten-bekasi-", String(repeating: "x", count: 47), String(repeating: "x", count: 48),
            String(repeating: "kota-bekasi-", count: 4), String(repeating: "é", count: 24), "\u{01}", "ü-"
        ]
        let tails = ["", "0", "1", "10", "-", "a", "é", "\u{10FFFF}", "\u{7F}", "\u{01}", "z", "😀", "ee"]
        var ids: [String] = []
        for _ in 0..<count {
            var id = stems.randomElement(using: &g) ?? ""
            for _ in 0..<Int.random(in: 0...4, using: &g) { id += tails.randomElement(using: &g) ?? "" }
            switch Int.random(in: 0..<10, using: &g) {
            case 0: id += String(repeating: "é", count: Int.random(in: 0...300, using: &g))
            case 1: id += String(Int.random(in: 0...999, using: &g))
            default: break
            }
            ids.append(id)
        }
        // Some ids again, and the shuffled whole: repeats fall in either half.
        ids += ids.prefix(count / 10)
        ids.shuffle(using: &g)
        return ids
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func radixOrderIsThePlainOrder(seed: UInt64) {
        let ids = Self.hardIDs(count: 3_000, seed: seed)
        let table = IDOrderTests.events(ids)
        #expect(IDOrder(table).order == IDOrder(comparingIDs: table).order)
        #expect(IDOrder(table).order == IDOrderTests.expected(ids))
        let rows = table.indices
        #expect(IDOrder.sortedKeys(table, rows).map(\.row) == IDOrder.sortedKeysComparing(table, rows).map(\.row))
    }

    @Test func shortAndUniformRangesSort() {
        // Under and just over the insertion limit, and every id the same.
        for n in [0, 1, 2, IDOrder.insertionLimit, IDOrder.insertionLimit + 1, 200] {
            let same = IDOrderTests.events(Array(repeating: "kabupaten-bekasi-2024", count: n))
            #expect(IDOrder(same).order == Array(same.indices))
            let ids = Self.hardIDs(count: n, seed: UInt64(n))
            #expect(IDOrder(IDOrderTests.events(ids)).order == IDOrderTests.expected(ids))
        }
    }
}

/// Lead times listed through the id order's ranks (`FastPaths/LeadTimes+ListedByRank.swift`)
/// as through the order itself, on a generated set and on the shipped one.
@Suite struct ListedByRankTests {
    @Test func rankListingIsTheIDOrderListing() throws {
        let f = SyntheticDataset.make(events: 20_000, seed: 11)
        let generated = try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections), events: ("v", f.events))
        let shipped = try DatasetLoader.load(directory: packageRoot + "/datasets/bekasi-2024")
        for d in [generated, shipped] {
            let figures = LeadTimes.figures(d, graph: EventGraph(events: d.events))
            let order = IDOrder(d.events)
            let plain = figures.listed(by: order.order)
            #expect(plain.count >= 50)  // the shipped set gives 52
            #expect(figures.listed(by: order) == plain)
            #expect(figures.listed(by: IDOrder(comparingIDs: d.events)) == plain)
        }
    }
}
