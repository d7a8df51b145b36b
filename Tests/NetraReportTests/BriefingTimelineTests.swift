import Testing
import NetraCore
import NetraAnalytics
import NetraRender
@testable import NetraReport

/// Issue 29, point 3: a briefing's timeline is about its month: the three months before it
/// and the month, headlined by the month, at the phone size, its key decisions named.
@Suite struct BriefingTimelineTests {
    @Test(arguments: [(2024, 10, "Oktober 2024: 3 peristiwa"), (2024, 1, "Januari 2024: 10 peristiwa")])
    func timelineOfTheMonth(_ year: Int, _ month: Int, _ title: String) throws {
        let a = try shipped()
        let m = Month(year: year, month: month)
        let files = BriefingJob.build(a, month: m, options: JobOptions(fonts: try FontSet.resolve()))
        let file = try #require(files.first { $0.name.hasSuffix("/timeline.png") })
        let dump = try #require(try file.planDump())
        #expect(dump.hasPrefix("canvas 1080x1350 "), "\(dump.prefix(40))")
        #expect(dump.contains("text title ") && dump.contains("\"\(title)\""), "\(dump.split(separator: "\n").first { $0.contains("text title") } ?? "")")
        // Its window: the first day of the third month before it to the month's last day.
        // As the briefing sees it: what was known by the month's end.
        let known = a.asOf(m.lastDay)
        let plan = try TimelineChart(known.dataset, graph: known.graph, window: Month(index: m.index - 3).firstDay...m.lastDay, highlight: m)
            .layout(options: ChartOptions(size: .phone))
        #expect(plan.chart.textDump == dump)
        #expect(plan.scale.from == Month(index: m.index - 3).firstDay && plan.scale.to == m.lastDay)
    }

    /// January 2024's decisions carry a label, among them the key one of 22 January (Bawaslu
    /// Kota Bekasi: no violation, the jersey report stopped; events.csv line 30).
    @Test func januaryDecisionsNamed() throws {
        let m = Month(year: 2024, month: 1)
        let a = try shipped().asOf(m.lastDay)
        let d = a.dataset
        let plan = try TimelineChart(d, graph: a.graph, window: Month(index: m.index - 3).firstDay...m.lastDay, highlight: m)
            .layout(options: ChartOptions(size: .phone))
        let decisions = plan.items.filter { d.events.kinds[$0.event] == .decision && d.events.dates[$0.event].anchor.month == m }
        #expect(decisions.count >= 1)
        #expect(decisions.allSatisfy { $0.label != nil }, "\(decisions.filter { $0.label == nil }.map { d.events[$0.event].id })")
        #expect(decisions.contains { d.events[$0.event].id == "kota-2024-01-22-jersey-decision" })
    }
}
