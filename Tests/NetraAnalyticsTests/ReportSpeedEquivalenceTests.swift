import Testing
import NetraCore
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics

/// The report's quicker paths (issue 34) give what the plain definitions give: the pledges a
/// signatories' sum cites, each report's regime, and the clocks' CSV written cell by cell.
@Suite struct ReportSpeedEquivalenceTests {
    static func generated(_ n: Int, seed: UInt64) throws -> Analysis {
        let f = SyntheticDataset.make(events: n, seed: seed)
        return Analysis(dataset: try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections), events: ("v", f.events)))
    }

    static func analyses() throws -> [Analysis] {
        [try #require(shipped), try generated(5_000, seed: 1), try generated(3_000, seed: 7)]
    }

    /// The pledges a jurisdiction's sum is made of, found again by a pass over every event:
    /// kind `pledge`, a count of 0 or more, the same jurisdiction and trimmed unit.
    @Test func signatoriesCarryThePledgesTheySum() throws {
        var seen = 0
        for a in try Self.analyses() {
            let ev = a.dataset.events
            for s in a.tallies.signatories {
                let recounted = ev.indices.filter { k in
                    ev.kinds[k] == .pledge && (ev.counts[k].map { $0 >= 0 } ?? false) && ev.jurisdictions[k] == s.jurisdiction
                        && ev.string(.unit, k).trimmingSpaces == s.unit
                }
                #expect(s.events.sorted() == recounted)
                seen += recounted.count
            }
        }
        #expect(seen > 100, "the generated datasets have pledges with counts")
    }

    /// Each report's regime, with the elections in scope found once per jurisdiction, is the
    /// one the plain rule finds for it alone.
    @Test func regimeFinderAgreesWithThePlainRule() throws {
        var reports = 0, pilkada = 0
        for a in try Self.analyses() {
            let d = a.dataset
            var finder = CaseClocks.RegimeFinder(d)
            for r in d.events.indices where d.events.kinds[r] == .report {
                let plain = CaseClocks.regime(d, r)
                #expect(finder.regime(r) == plain)
                reports += 1
                if plain == .pilkada { pilkada += 1 }
            }
        }
        #expect(reports > 100 && pilkada > 0 && pilkada < reports, "both regimes are met")
    }

    /// The clocks' CSV written cell by cell and streamed is, in both flavours, the one made
    /// row by row from text cells.
    @Test func clocksCSVStreamedEqualsRowByRow() throws {
        for a in try Self.analyses() {
            let d = a.dataset
            let clocks = try #require(a.caseClocks(.shipped()))
            #expect(clocks.clocks.count > 0)
            for flavour in [CSVFlavour.plain, .excel] {
                #expect(clocks.csv(clocks.clocks, d, flavour: flavour) == Self.rowByRow(clocks, d, flavour))
            }
        }
    }

    /// Series grouped from the lead times marked as measuring something are those grouped
    /// from a filtered copy of them.
    @Test func groupingMarkedEqualsGroupingFiltered() throws {
        for a in try Self.analyses() {
            let marks = a.leadTimes.map { a.leadValue($0) != nil }
            #expect(marks.contains(false) && marks.contains(true))
            let js = a.dataset.jurisdictions.count
            func id(_ j: JurisdictionIndex) -> String { a.dataset.jurisdictions[j].id }
            let marked = LeadTimeSeries.grouping(
                a.leadTimes, keeping: marks, jurisdictionCount: js, label: { $0.rawValue },
                jurisdictionID: id, range: a.leadTimeRange)
            let filtered = LeadTimeSeries.grouping(
                a.measuredLeadTimes, jurisdictionCount: js, label: { $0.rawValue },
                jurisdictionID: id, range: a.leadTimeRange)
            #expect(marked == filtered)
        }
    }

    static func rowByRow(_ clocks: CaseClocks, _ d: Dataset, _ flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(CaseClocks.header)
        let ev = d.events
        for c in clocks.clocks {
            let end = c.end
            w.row([
                .text(c.rule.id), .text(c.rule.regime.rawValue), .text(c.rule.article),
                .text(c.rule.verified ? "verified" : "unverified"), .text(ev.id(c.caseFile.report)),
                .text(d.jurisdictions[c.caseFile.jurisdiction].id), .text(c.rule.start.rawValue), .text(ev.id(c.start)),
                .text(ev.dates[c.start].written.text), .text(c.rule.end.rawValue), .text(end.map { ev.id($0) } ?? ""),
                .text(end.map { ev.dates[$0].written.text } ?? ""), .text(c.days.text), .text(c.workingDays?.text ?? ""),
                .int(c.rule.limit), .text(c.rule.unit.rawValue), .text(c.state.rawValue),
                .text(c.problem.map { p in "outside the working-day calendar: \(p.day.iso)" } ?? "")
            ])
        }
        return w.bytes
    }
}
