import Testing
import NetraCore
import NetraTestSupport
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics

/// The analysis's lead times made on two cores (`FastPaths/LeadTimes+Families.swift`,
/// `FastPaths/LeadTimes+ListedOnTwoCores.swift`) as on one: the dated measures and the handling
/// measures worked out apart and joined, then listed by id on two cores.
@Suite struct LeadTimesTwoCoresTests {
    static func datasets() throws -> [Dataset] {
        let f = SyntheticDataset.make(events: 20_000, seed: 5)
        let generated = try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections), events: ("v", f.events))
        let shipped = try DatasetLoader.load(directory: TestPaths.shippedDataset)
        return [generated, shipped]
    }

    @Test func theFamiliesJoinedAreTheFiguresOfOnePass() throws {
        for (n, d) in try Self.datasets().enumerated() {
            let g = EventGraph(events: d.events)
            let whole = LeadTimes.figures(d, graph: g)
            let dated = LeadTimes.figures(d, graph: nil, of: .dated)
            let handled = LeadTimes.figures(d, graph: g, of: .handling)
            if n == 0 {
                // Every measure gives figures on the generated set, each in one family only.
                #expect(whole.byMeasure.allSatisfy { !$0.isEmpty })
                for m in LeadTimeMeasure.allCases {
                    let isDated = m == .prevention || m == .reportingLag
                    #expect(dated.byMeasure[m.order].isEmpty == !isDated)
                    #expect(handled.byMeasure[m.order].isEmpty == isDated)
                }
            }
            let joined = dated.joined(handled)
            #expect(joined.byMeasure == whole.byMeasure)
            #expect(joined.slot == whole.slot)
            // Without slots, as the analysis makes them: the same figures, listed the same.
            let bare = LeadTimes.figures(d, graph: nil, of: .dated, slots: false).joined(LeadTimes.figures(d, graph: g, of: .handling, slots: false))
            #expect(bare.byMeasure == whole.byMeasure)
            #expect(bare.slot.allSatisfy { $0.isEmpty })
            #expect(bare.listedOnTwoCores(by: IDOrder(d.events), from: 0) == whole.listed(by: IDOrder(d.events).order))
        }
    }

    @Test func twoCoresListAsOne() throws {
        for d in try Self.datasets() {
            let figures = LeadTimes.figures(d, graph: EventGraph(events: d.events))
            let order = IDOrder(d.events)
            let plain = figures.listed(by: order.order)
            #expect(plain.count >= 52)
            #expect(figures.listedOnTwoCores(by: order, from: 0) == plain)
            // Under the threshold, on one core: the same.
            #expect(figures.listedOnTwoCores(by: order) == plain)
        }
    }

    @Test func aRepeatedFigureIsListedOnOneCore() throws {
        let d = try #require(try Self.datasets().first)
        let figures = LeadTimes.figures(d, graph: EventGraph(events: d.events))
        let order = IDOrder(d.events)
        // Two more reporting lags of events already measured: the later replaces the earlier.
        var lists = figures.byMeasure, slots = figures.slot
        let m = LeadTimeMeasure.reportingLag.order
        for i in [3, lists[m].count - 2] {
            var t = lists[m][i]
            t.days += 1000
            slots[m][t.event] = Int32(lists[m].count)
            lists[m].append(t)
        }
        let repeated = LeadTimes.Figures(byMeasure: lists, slot: slots)
        let plain = repeated.listed(by: order.order)
        #expect(plain.count == figures.listed(by: order.order).count)
        #expect(repeated.listedOnTwoCores(by: order, from: 0) == plain)
    }

    @Test func theAnalysisListsThePlainLeadTimes() throws {
        for d in try Self.datasets() {
            let plain = LeadTimes.compute(d, graph: EventGraph(events: d.events), byID: IDOrder(comparingIDs: d.events).order)
            #expect(Analysis(dataset: d).leadTimes == plain)
        }
    }
}

/// The lead-time summary gathered on two cores (`FastPaths/LeadTimes+SummaryOnTwoCores.swift`)
/// as on one.
@Suite struct LeadTimeSummaryTwoCoresTests {
    @Test func twoCoresSummarizeAsOne() throws {
        for d in try LeadTimesTwoCoresTests.datasets() {
            let a = Analysis(dataset: d)
            let plain = LeadTimes.summarize(a.leadTimes.lazy.filter { a.leadValue($0) != nil }, dataset: d)
            #expect(plain.count >= 5)
            #expect(a.leadTimeSummaryOnTwoCores(from: 0) == plain)
            #expect(a.leadTimeSummary() == plain)
            // As of a day, with lead times left out.
            let early = a.asOf(Day(year: 2024, month: 1, day: 31) ?? Day(ordinal: 0))
            let earlyPlain = LeadTimes.summarize(early.leadTimes.lazy.filter { early.leadValue($0) != nil }, dataset: early.dataset)
            #expect(early.leadTimeSummaryOnTwoCores(from: 0) == earlyPlain)
        }
    }
}
