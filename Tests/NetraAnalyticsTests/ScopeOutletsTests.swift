import Testing
import NetraCore
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics

/// The outlets of each jurisdiction's scope, worked out once (`ScopeOutlets`, issue 34: no
/// recount in charts), are the ones each chart used to count over its own walk of the events.
@Suite struct ScopeOutletsTests {
    /// By hand from datasets/bekasi-2024/events.csv, each row's `source` (rows by CSV line):
    /// - kabupaten-bekasi, 17 rows (lines 2–58): KBEONLIN. ID, BPBD Kab. Bekasi, Newsroom
    ///   Diskominfosantik Pemkab Bekasi, Kompas.com, Radar Bekasi, karawangbekasi.disway.id,
    ///   TribunBekasi, Jabarnews, satujabar.com: 9.
    /// - kota-bekasi, 26 rows (lines 6–67): karawangbekasi.disway.id, Rakyat Bekasi, inijabar.com,
    ///   Radar Bekasi, Suara.com (Bekaci), Kabar Bekasi, lampumerahnews.id, bekasimedia.com,
    ///   iNews Bandung Raya, Matafakta.com, Poskota, Bekasi Urban, Bekasipedia, TribunBekasi,
    ///   Bekasi WahanaNews, klikbekasi.co: 16.
    /// - jawa-barat: the two above share karawangbekasi.disway.id, Radar Bekasi and TribunBekasi
    ///   (9 + 16 − 3 = 22); its own 12 rows (lines 23–64) add detik.com, detikJabar,
    ///   harapanrakyat.com, ANTARA Jabar, Bisnis.com, RCTI+ (Radar Bekasi again): 28.
    /// - indonesia: its own 11 rows (lines 3–61) add inspira.tv, Metro TV News, tirto.id,
    ///   clickindonesiainfo.id, Tribunnews, RMOL; its "Antara Jabar" (lines 35–37) is
    ///   jawa-barat's "ANTARA Jabar" (line 53) told apart without case: 34, every outlet.
    @Test func shippedScopesCountedByHand() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let o = a.outlets
        func j(_ id: String) throws -> JurisdictionIndex { try #require(d.jurisdictionIndex[id]) }
        let kab = try j("kabupaten-bekasi"), kota = try j("kota-bekasi"), jabar = try j("jawa-barat"), indonesia = try j("indonesia")
        #expect(o.count(within: kab) == 9)
        #expect(o.count(within: kota) == 16)
        #expect(o.count(within: jabar) == 28)
        #expect(o.count(within: indonesia) == 34)
        #expect(d.outletCount == 34)
        #expect(o.count(within: nil) == 34)
        #expect(o.count(within: [kota, kab]) == 22)
        // The comparison draws prevention events and incidents: Kota's incidents (lines 6, 11,
        // 18, 42), pledges (9, 10, 54) and directives (49, 56) cite karawangbekasi.disway.id,
        // inijabar.com, Rakyat Bekasi, Matafakta.com, TribunBekasi, Poskota, klikbekasi.co (7);
        // Kabupaten's (lines 2, 4, 5, 12, 14–17, 28, 46, 51, 58) KBEONLIN. ID, Kompas.com,
        // BPBD Kab. Bekasi, Newsroom Diskominfosantik Pemkab Bekasi, Radar Bekasi, TribunBekasi,
        // Jabarnews, satujabar.com (8); TribunBekasi is on both sides: 14.
        #expect(o.count(within: [kota, kab]) { $0.isPrevention || $0 == .incident } == 14)
        #expect(a.compare(kota, kab).outlets == 14)
        // Case tallies within Jawa Barat: its own (lines 23, 24, 27, 41, 53, 57, 63, 64) cite
        // Radar Bekasi, detik.com, harapanrakyat.com, ANTARA Jabar, Bisnis.com, RCTI+ (6);
        // Kota's (38, 62, 65–67) add iNews Bandung Raya, Bekasi WahanaNews, Rakyat Bekasi: 9.
        #expect(o.count(within: [jabar]) { $0 == .caseTally } == 9)
        // Kabupaten Bekasi has no case tally: none, not unknown.
        #expect(o.count(within: [kab]) { $0 == .caseTally } == 0)
        #expect(o.count(within: []) == 0)
        // Counted with a flag per (jurisdiction, kind, outlet) (4 × 12 × 34 of them, picked for
        // 66 rows) and by sorting the rows: the same.
        for other in [ScopeOutlets(d, dense: false), ScopeOutlets(d, dense: true)] {
            #expect(d.jurisdictions.indices.map { other.count(within: $0) } == [34, 28, 16, 9])
            #expect(other.count(within: [kota, kab]) { $0.isPrevention || $0 == .incident } == 14)
        }
    }

    /// The old per-chart count: distinct outlets over `eventsWithin` (every event when nil).
    static func recounted(_ d: Dataset, _ scope: [JurisdictionIndex]?, _ kinds: @escaping (EventKind) -> Bool) -> Int {
        d.eventsWithin(scope, kinds: kinds).map { d.events.outletCount($0) } ?? d.outletCount
    }

    static let filters: [(name: String, kinds: @Sendable (EventKind) -> Bool)] = [
        ("all", { _ in true }), ("prevention", { $0.family == .prevention }), ("incident family", { $0.family == .incident }),
        ("case tallies", { $0 == .caseTally }), ("comparison", { $0.isPrevention || $0 == .incident }), ("none", { _ in false })
    ]

    /// A generated dataset made five levels deep: each kabupaten/kota of `netra generate` gets
    /// two places under it and the first of those one more; a parent cycle and a lone root
    /// besides. Sources depend on the jurisdiction and the row, in spellings that differ by case
    /// and spaces, some blank; events spread over every level by their row number.
    static func deep(events n: Int, seed: UInt64) throws -> Dataset {
        let f = SyntheticDataset.make(events: n, seed: seed)
        let g = try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections), events: ("v", f.events))
        var places = Array(g.jurisdictions)
        var below: [Int: [Int]] = [:]
        for j in g.jurisdictions.indices where !g.hasJurisdictions(under: j) {
            let parent = places[j.raw]
            for side in ["a", "b"] {
                below[j.raw, default: []].append(places.count)
                places.append(Jurisdiction(id: parent.id + "-" + side, name: parent.name + " " + side, level: .kota, parent: j))
            }
            let first = below[j.raw]?.first ?? j.raw
            below[j.raw, default: []].append(places.count)
            places.append(Jurisdiction(id: parent.id + "-a-1", name: parent.name + " a 1", level: .kota, parent: JurisdictionIndex(first)))
        }
        let loop = places.count
        places.append(Jurisdiction(id: "loop-a", name: "Loop A", level: .kota, parent: JurisdictionIndex(loop + 1)))
        places.append(Jurisdiction(id: "loop-b", name: "Loop B", level: .kota, parent: JurisdictionIndex(loop)))
        places.append(Jurisdiction(id: "lone", name: "Lone", level: .kabupaten, parent: nil))
        let spellings = ["Outlet %", " outlet %", "OUTLET %\t", "Outlet %"]
        var events: [Event] = []
        for k in g.events.indices {
            let r = k.raw
            var j = g.events.jurisdictions[k].raw
            if let under = below[j], r % 4 != 0 { j = under[r % under.count] }
            if r % 97 == 0 { j = loop + r % 3 }
            // Jurisdiction j cites 1 to 6 outlets, overlapping its neighbours'.
            let number = j * 3 + (r / 7) % (1 + j % 6)
            let source = r % 53 == 0 ? (r % 2 == 0 ? "" : "  ") : spellings[r % spellings.count].replacingOccurrences(of: "%", with: "\(number)")
            events.append(Event(id: g.events.id(k), date: g.events.dates[k], kind: g.events.kinds[k], jurisdiction: JurisdictionIndex(j), source: source))
        }
        return Dataset(events: events, jurisdictions: places, elections: Array(g.elections))
    }

    /// Every jurisdiction alone, each pair, nested scopes and scopes of many, under every filter:
    /// the one-pass value counts what the per-chart walk counted.
    @Test(arguments: zip([1_500, 4_000], [UInt64(1), 7]))
    func onePassEqualsThePerChartCount(n: Int, seed: UInt64) throws {
        let d = try Self.deep(events: n, seed: seed)
        // Both ways of finding each (jurisdiction, kind)'s outlets, and the one picked (a sort:
        // flags for hundreds of outlets in over a hundred places would outnumber the rows).
        for o in [ScopeOutlets(d, dense: true), ScopeOutlets(d, dense: false), ScopeOutlets(d)] {
            try Self.expectEqualToThePerChartCount(o, d)
        }
    }

    static func expectEqualToThePerChartCount(_ o: ScopeOutlets, _ d: Dataset) throws {
        let all = Array(d.jurisdictions.indices)
        #expect(all.count > 100)
        #expect(all.contains { j in d.lineage(of: j).count == 5 }, "five levels deep")
        var differ = Set<Int>()
        for j in all {
            #expect(o.count(within: j) == Self.recounted(d, [j], { _ in true }), "\(d.jurisdictions[j].id)")
            differ.insert(o.count(within: j))
        }
        #expect(differ.count > 10, "scopes of many different sizes")
        var scopes: [[JurisdictionIndex]?] = [nil, [], all, all.filter { d.jurisdictions[$0].parent == nil }]
        for (i, j) in all.enumerated() {
            scopes.append([j])
            scopes.append([j, all[(i * 7 + 3) % all.count]])
            if let p = d.jurisdictions[j].parent { scopes.append([p, j]) }
        }
        scopes.append(all.filter { $0.raw % 3 == 0 })
        scopes.append(all.filter { d.jurisdictions[$0].level == .provinsi })
        for scope in scopes {
            for filter in Self.filters {
                #expect(
                    o.count(within: scope, kinds: filter.kinds) == Self.recounted(d, scope, filter.kinds),
                    "\(scope.map { $0.map { d.jurisdictions[$0].id } } ?? ["nil"]) \(filter.name)")
            }
        }
        // A scope the dataset does not have holds nothing.
        #expect(o.count(within: JurisdictionIndex(all.count)) == 0)
        #expect(o.count(within: [JurisdictionIndex(all.count), JurisdictionIndex(-1)]) == 0)
    }

    /// The value of an analysis cut as of a day counts only the events that take part then,
    /// as the charts of that day did.
    @Test func asOfADayCountsWhatTakesPart() throws {
        let full = try Self.deep(events: 4_000, seed: 3)
        let a = Analysis(dataset: full, asOf: Day(year: 2023, month: 6, day: 30))
        let d = a.dataset
        #expect(d.events.count < full.events.count && d.events.count > 0)
        for j in d.jurisdictions.indices {
            #expect(a.outlets.count(within: j) == Self.recounted(d, [j], { _ in true }))
        }
    }
}
