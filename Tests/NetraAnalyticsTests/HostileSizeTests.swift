import Testing
import Foundation
import NetraCore
@testable import NetraAnalytics
import NetraTestSupport
@testable import NetraLoad
@testable import NetraWrite

/// Small files shaped to make a quadratic step take minutes (issue 16, point 6).
@Suite(.tags(.slow), .leftOutOfTheFastRun) struct HostileSizeTests {
    static let header = "id,date,precision,end_date,kind,jurisdiction,title,actors,place,count,unit,status,links,source,source_url,source_date,quote,notes\n"
    static let jurisdictions = "id,name,level,parent\nindonesia,Indonesia,nasional,\nkota,Kota,kota,indonesia\n"
    static let elections = "id,name,date,scope\npemilu,Pemilu,2024-02-14,indonesia\n"

    static func load(events: String, jurisdictions: String = jurisdictions) throws -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array(jurisdictions.utf8)),
            elections: ("elections.csv", Array(elections.utf8)),
            events: ("events.csv", Array(events.utf8)))
    }

    /// N incidents and N reports; report k reports incident k and report k-1, so incident k
    /// is reached by every report from k up: N²/2 visits for a walk per incident.
    static func ladder(_ n: Int) -> String {
        var s = header
        for k in 0..<n {
            let day = (Day(year: 2000, month: 1, day: 1) ?? Day(ordinal: 0)).adding(days: k / 4)
            s += "i\(k),\(day.iso),day,,incident,kota,I,,,,,,,src,,,,\n"
            s += "e\(k),\(day.iso),day,,report,kota,R,,,,,,reports:i\(k)\(k > 0 ? ";reports:e\(k - 1)" : ""),src,,,,\n"
        }
        return s
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test(.timeLimit(.minutes(1))) func aLadderOfTwentyThousandIncidentsTakesSeconds() throws {
        let d = try Self.load(events: Self.ladder(20_000))
        let graph = EventGraph(events: d.events)
        var times: [LeadTime] = []
        // A walk per incident took about 50 s here (debug build).
        let s = Self.seconds { times = LeadTimes.compute(d, graph: graph) }
        #expect(s < 5, "lead times of a 20k ladder took \(s) s")
        // Every incident is reported, by its own report, the same day.
        let reports = times.filter { $0.measure == .report }
        #expect(reports.count == 20_000)
        #expect(reports.allSatisfy { $0.days == 0 })
    }

    /// One incident reported twenty thousand times, sanctioned once: each report's case found
    /// its sanction by walking all of the incident's effects (twenty thousand squared, 28 s
    /// at a hundred thousand reports, release build); each event's earliest sanction is now
    /// found once. Every case still ends in that sanction, and a report's own follow-up
    /// sanction, earlier, wins for its case.
    @Test(.timeLimit(.minutes(1))) func twentyThousandReportsOfOneIncidentFindItsSanctionOnce() throws {
        var s = Self.header + "inc,2024-01-01,day,,incident,kota,I,,,,,alleged,,src,,,,\n"
        let n = 20_000
        for k in 0..<n { s += "r\(k),2024-01-02,day,,report,kota,R,,,,,,reports:inc,src,,,,\n" }
        s += "late,2024-06-01,day,,sanction,kota,S,,,,,sanctioned,sanctions:inc,src,,,,\n"
        s += "early,2024-03-01,day,,sanction,kota,S,,,,,sanctioned,follows_up:r7,src,,,,\n"
        let d = try Self.load(events: s)
        let asOf = try #require(Day(year: 2024, month: 12, day: 31))
        var clocks: CaseClocks?
        let took = Self.seconds { clocks = CaseClocks(d, asOf: asOf, book: ClockBook.shipped()) }
        let cases = try #require(clocks).cases
        #expect(cases.count == n)
        let late = try #require(d.events.indices.first { d.events.id($0) == "late" })
        let early = try #require(d.events.indices.first { d.events.id($0) == "early" })
        #expect(cases.filter { $0[.sanction] == late }.count == n - 1)
        #expect(cases.filter { $0[.sanction] == early }.map { d.events.id($0.report) } == ["r7"])
        #expect(took < 5, "case clocks of 20k reports of one incident took \(took) s")
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func theSweepFindsWhatAWalkPerIncidentFinds(seed: UInt64) throws {
        let f = SyntheticDataset.make(events: 3000, seed: seed)
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
            events: ("events.csv", f.events))
        try Self.expectSame(d)
    }

    @Test func theSweepKeepsTheTieRuleOfTheWalk() throws {
        // Two reports on the same day reach the incident, the one with the smaller id last
        // in the file and the longer way round: it must still win, as in a walk.
        let events =
            Self.header + """
                inc,2023-01-01,day,,incident,kota,I,,,,,,,src,,,,
                r-b,2023-01-05,day,,report,kota,R,,,,,,reports:inc,src,,,,
                resp,2023-01-03,day,,response,kota,R,,,,,,responds_to:inc,src,,,,
                r-a,2023-01-05,day,,report,kota,R,,,,,,reports:resp,src,,,,
                dec,2023-01,month,,decision,kota,D,,,,,,decides:inc,src,,,,
                dec2,2023-01-06,day,,decision,kota,D,,,,,,decides:r-a,src,,,,

                """
        let d = try Self.load(events: events)
        try Self.expectSame(d)
        let reached = LeadTimes.firstReached(d.events, graph: EventGraph(events: d.events))
        let inc = try #require(d.events.indices.first { d.events.kinds[$0] == .incident })
        let report = try #require(reached.first(.report, reaching: inc))
        #expect(String(decoding: d.events.bytes(.id, report), as: UTF8.self) == "r-a")
    }

    @Test func theSweepOnALadder() throws {
        try Self.expectSame(try Self.load(events: Self.ladder(300)))
    }

    static func expectSame(_ d: Dataset) throws {
        let graph = EventGraph(events: d.events)
        let fast = try #require(LeadTimes.firstReachedInOneSweep(d.events, graph: graph))
        let plain = LeadTimes.firstReachedByWalking(d.events, graph: graph)
        var compared = 0
        for k in d.events.indices where d.events.kinds[k] == .incident {
            for m in LeadTimeMeasure.allCases where m.reachedKind != nil {
                #expect(fast.first(m, reaching: k) == plain.first(m, reaching: k), "\(m) of incident row \(k.raw)")
                if plain.first(m, reaching: k) != nil { compared += 1 }
            }
        }
        #expect(compared > 0)
    }

    /// The plain way: each jurisdiction's lineage, and the elections scoped on it.
    static func expectSameElections(_ d: Dataset) {
        let sorted = d.elections.indices.sorted { (d.elections[$0].date, d.elections[$0].id) < (d.elections[$1].date, d.elections[$1].id) }
        let fast = LeadTimes.electionsInScope(d, sorted: sorted)
        for j in d.jurisdictions.indices {
            let line = Set(d.lineage(of: j))
            #expect(fast[j] == sorted.filter { line.contains(d.elections[$0].scope) }, "jurisdiction \(d.jurisdictions[j].id)")
        }
    }

    @Test func electionsInScopeAreThoseOfTheLineage() throws {
        for seed in [1, 2] as [UInt64] {
            let f = SyntheticDataset.make(events: 500, seed: seed)
            Self.expectSameElections(
                try DatasetLoader.load(
                    jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                    events: ("events.csv", f.events)))
        }
        // Elections at several depths of a chain, listed out of date order.
        var j = "id,name,level,parent\nindonesia,Indonesia,nasional,\n"
        var parent = "indonesia"
        for k in 0..<50 { j += "j\(k),J,kota,\(parent)\n"; parent = "j\(k)" }
        let elections = "id,name,date,scope\nz,Z,2024-01-01,j10\na,A,2024-01-01,j30\nb,B,2023-01-01,indonesia\nc,C,2025-01-01,j10\nd,D,2022-06-01,j49\n"
        Self.expectSameElections(
            try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", Array(j.utf8)), elections: ("elections.csv", Array(elections.utf8)),
                events: ("events.csv", Array((Self.header + "ev,2023-05-01,day,,incident,j49,Deep,,,,,,,src,,,,\n").utf8))))
    }

    /// A chain of 10,000 jurisdictions, each the parent of the next, with one event at the
    /// bottom: a lineage searched at each step was cubic over the chain (105 s in release).
    @Test(.timeLimit(.minutes(1))) func aChainOfTenThousandJurisdictionsRollsUpInSeconds() throws {
        var j = "id,name,level,parent\nindonesia,Indonesia,nasional,\n"
        var parent = "indonesia"
        for k in 0..<10_000 { j += "j\(k),J,kota,\(parent)\n"; parent = "j\(k)" }
        let d = try Self.load(events: Self.header + "ev,2023-05-01,day,,regulation,\(parent),Deep,,,,,,,src,,,,\n", jurisdictions: j)
        let bottom = try #require(d.jurisdictionIndex[parent])
        var line: [JurisdictionIndex] = []
        let s = Self.seconds { for _ in 0..<100 { line = d.lineage(of: bottom) } }
        #expect(line.count == 10_001)
        #expect(line.last == d.jurisdictionIndex["indonesia"])
        #expect(s < 2, "100 lineages of a 10k chain took \(s) s")
        // The prevention lead times find the elections in scope without a lineage each.
        var times: [LeadTime] = []
        let t = Self.seconds { times = LeadTimes.compute(d, graph: EventGraph(events: d.events)) }
        #expect(t < 2, "lead times over a 10k chain took \(t) s")
        #expect(times.map(\.measure) == [.prevention])
        #expect(times.first?.days == 289)
    }

    /// The monthly table rolled up each event into every ancestor through its lineage: a
    /// 10,000-deep chain made it quadratic (and the report's charts with it). Now each
    /// jurisdiction's figures pass once to its parent.
    @Test(.timeLimit(.minutes(1))) func aChainOfTenThousandJurisdictionsCountsMonthlyInLinearTime() throws {
        var j = "id,name,level,parent\nindonesia,Indonesia,nasional,\n"
        var parent = "indonesia"
        for k in 0..<10_000 { j += "j\(k),J,kota,\(parent)\n"; parent = "j\(k)" }
        var e = Self.header
        for k in 0..<200 { e += "e\(k),2023-\(String(format: "%02d", k % 12 + 1))-01,day,,incident,j\(k * 50),I,,,,,,,src,,,,\n" }
        let d = try Self.load(events: e, jurisdictions: j)
        var table: MonthlyTable?
        let s = Self.seconds { table = MonthlyTable(d, rollup: true) }
        let t = try #require(table)
        #expect(s < 2, "the rolled-up monthly table of a 10k chain took \(s) s")
        let root = try #require(d.jurisdictionIndex["indonesia"]), mid = try #require(d.jurisdictionIndex["j5000"])
        // Every event lies under the root; j5000 holds events j5000, j5050, …, j9950: 100 of them.
        #expect((0..<t.months).map { t.events(month: $0, jurisdiction: root, kind: .incident) }.reduce(0, +) == 200)
        #expect((0..<t.months).map { t.events(month: $0, jurisdiction: mid, kind: .incident) }.reduce(0, +) == 100)
        #expect(t.kindCounts(within: mid).activity.totals.reduce(0, +) == 100)
        #expect(d.isWithin(try #require(d.jurisdictionIndex["j9999"]), root))
        #expect(!d.isWithin(mid, try #require(d.jurisdictionIndex["j5001"])))
    }

    /// The roll-up in one pass up the tree counts what walking each event's lineage counts.
    @Test func theRollUpEqualsTheLineageWalk() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let f = SyntheticDataset.make(events: 2_000, seed: seed)
            let d = try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                events: ("events.csv", f.events))
            let t = MonthlyTable(d, rollup: true)
            let first = try #require(t.first)
            var expected: [Int: Int] = [:]
            for k in d.events.indices {
                let m = d.events.dates[k].anchor.month.index - first.index
                for x in d.lineage(of: d.events.jurisdictions[k]) {
                    expected[(m * d.jurisdictions.count + x.raw) * EventKind.allCases.count + d.events.kinds[k].order, default: 0] += 1
                }
            }
            for m in 0..<t.months {
                for j in d.jurisdictions.indices {
                    for kind in EventKind.allCases {
                        let key = (m * d.jurisdictions.count + j.raw) * EventKind.allCases.count + kind.order
                        #expect(t.events(month: m, jurisdiction: j, kind: kind) == expected[key, default: 0])
                    }
                }
            }
            for a in d.jurisdictions.indices {
                for b in d.jurisdictions.indices {
                    #expect(d.isWithin(a, b) == d.lineage(of: a).contains(b))
                }
            }
        }
    }
}
