import Foundation
import Testing
import NetraCore
import NetraText
import NetraRender
import NetraAnalytics

/// Issue 29, point 2: the timeline names every incident, decision and sanction, the same
/// events in both languages, each label joined to its own marker by a leader line, and no
/// line (link, leader, election rule) runs through any text.
@Suite struct TimelineLeaderTests {
    static func plan(
        _ d: Dataset, _ lang: Language, _ size: ChartSize, window: ClosedRange<Day>? = nil,
        highlight: Month? = nil
    ) throws -> TimelinePlan {
        try TimelineChart(d, graph: EventGraph(events: d.events), window: window, highlight: highlight)
            .layout(options: ChartOptions(language: lang, size: size))
    }

    /// The windows the report and the briefings of the months the issue names draw.
    static let windows: [(ClosedRange<Day>?, Month?)] =
        [(nil, nil)]
        + ["2023-12", "2024-01", "2024-02", "2024-10", "2024-11"].map { iso in
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            let m = Month(year: parts[0], month: parts[1])
            return (Month(index: m.index - 3).firstDay...m.lastDay, m)
        }

    /// Each label's leader starts on its label's near edge and ends on its own marker's edge,
    /// on the marker's line, and that marker is the one nearest to where the label starts.
    static func checkLeaders(_ plan: TimelinePlan, _ what: String) {
        let r = 7.0 * (plan.chart.width > 1600 ? 2 : 1)
        for it in plan.items where it.label != nil {
            guard let box = it.label?.box, it.leader.count == 2 else { Issue.record("\(what): item \(it.event) has a label and no leader"); continue }
            let start = it.leader[0], end = it.leader[1]
            #expect(abs(start.x - box.minX) < 0.5 || abs(start.x - box.maxX) < 0.5, "\(what): leader of \(it.event) starts off its label")
            #expect(start.y >= box.minY && start.y <= box.maxY, "\(what): leader of \(it.event) starts off its label's line")
            switch it.style {
            case .span:
                guard let bar = it.bar else { Issue.record("\(what): span without bar"); continue }
                #expect(
                    end.x >= bar.minX - 0.5 && end.x <= bar.maxX + 0.5 && end.y >= bar.minY && end.y <= bar.maxY,
                    "\(what): leader of \(it.event) ends off its bar")
            case .dot:
                #expect(abs(abs(end.x - it.marker.x) - r) < 0.5 && abs(end.y - it.marker.y) < 0.5, "\(what): leader of \(it.event) ends off its dot")
            case .onOrBefore:
                // Beside the dot, or at the start of the fading line that leads into it.
                #expect(
                    abs(end.y - it.marker.y) < 0.5 && end.x >= it.marker.x - r - 3 * r - 0.5 && end.x <= it.marker.x + r + 0.5,
                    "\(what): leader of \(it.event) ends off its marker")
            }
            // No other marker is nearer the leader's label end than its own.
            let own = hypot(start.x - end.x, start.y - end.y)
            for other in plan.items where other.event != it.event && other.style != .span {
                let d = hypot(start.x - other.marker.x, start.y - other.marker.y) - r
                #expect(d > own, "\(what): the label of \(it.event) starts nearer \(other.event)'s marker than its own")
            }
        }
    }

    /// No line but the faint grid runs through any text of the plan.
    static func checkLines(_ plan: TimelinePlan, _ what: String) {
        let texts = plan.chart.texts.map { $0.box.insetBy(dx: 1, dy: 1) }
        let grid = RGBA(hex: 0xE4E4E4)
        for m in plan.chart.marks {
            guard case let .line(points, stroke, _, _) = m, stroke != grid else { continue }
            for (a, b) in zip(points, points.dropFirst()) {
                let n = max(1, Int(hypot(b.x - a.x, b.y - a.y)))
                for k in 0...n {
                    let t = Double(k) / Double(n), p = ChartPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                    if let hit = texts.firstIndex(where: { $0.contains(p) }) {
                        Issue.record("\(what): a line crosses \"\(plan.chart.texts[hit].text)\" at \(p)")
                        return
                    }
                }
            }
        }
    }

    @Test(arguments: [ChartSize.wide, .phone])
    func everyKeyEventLabelledWithItsLeaderInBothLanguages(_ size: ChartSize) throws {
        let d = try Fixtures.shipped()
        for (window, month) in Self.windows {
            let what = "\(size) \(month?.iso ?? "report")"
            let id = try Self.plan(d, .id, size, window: window, highlight: month)
            let en = try Self.plan(d, .en, size, window: window, highlight: month)
            // The same events labelled, in the same rows, in both languages.
            #expect(id.items.map(\.event) == en.items.map(\.event), "\(what)")
            #expect(id.items.filter { $0.label != nil }.map(\.event) == en.items.filter { $0.label != nil }.map(\.event), "\(what)")
            #expect(id.items.map(\.row) == en.items.map(\.row), "\(what)")
            for (lang, plan) in [(Language.id, id), (.en, en)] {
                let keys = plan.items.filter { TimelineChart.isKey(d.events.kinds[$0.event]) }
                let unnamed = keys.filter { $0.label == nil }.map { d.events[$0.event].id }
                #expect(unnamed.isEmpty, "\(what) \(lang): incidents, decisions or sanctions without a label: \(unnamed)")
                Self.checkLeaders(plan, "\(what) \(lang)")
                Self.checkLines(plan, "\(what) \(lang)")
            }
        }
    }

    /// The report's timeline had 66 events and called January's 14 of them; 21 are case
    /// tallies, which are snapshots of counts, not something done: 45 events are activity and
    /// January holds 10 of them (counted by hand from events.csv, anchors in January 2024).
    @Test func titleCountsActivityNotTallies() throws {
        let d = try Fixtures.shipped()
        let activity = d.events.indices.filter { d.events.kinds[$0].countsAsActivity }
        #expect(d.events.count == 66 && activity.count == 45)
        let january = activity.filter { d.events.dates[$0].precision != .year && d.events.dates[$0].anchor.month == Month(year: 2024, month: 1) }
        #expect(january.count == 10)
        #expect(try Self.plan(d, .id, .wide).chart.texts.first { $0.role == .title }?.text == "Bulan terpadat Jan 2024: 10 dari 45 peristiwa, 6 di Kota Bekasi")
        #expect(try Self.plan(d, .en, .wide).chart.texts.first { $0.role == .title }?.text == "Busiest month Jan 2024: 10 of 45 events, 6 in Kota Bekasi")
    }
}
