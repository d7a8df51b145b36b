import Testing
import NetraCore
import NetraRender

/// Renders every chart to `$NETRA_RENDER_CHECK` (when set) for a person to look at.
@Suite struct VisualCheckTests {
    @Test func monthlyBars() throws {
        let d = Fixtures.realOrFixture()
        let all = try MonthlyBarsChart.render(d)
        Fixtures.keep(all.png, "monthly-id.png")
        let en = try MonthlyBarsChart.render(d, jurisdiction: d.jurisdictionIndex["kota-bekasi"], options: ChartOptions(language: .en))
        Fixtures.keep(en.png, "monthly-kota-en.png")
        #expect(!all.png.isEmpty)
    }
}

extension VisualCheckTests {
    @Test func timeline() throws {
        let d = Fixtures.realOrFixture()
        let t = try TimelineChart.render(d, graph: EventGraph(events: d.events))
        Fixtures.keep(t.png, "timeline-id.png")
        let f = Fixtures.bekasi()
        let te = try TimelineChart.render(f, graph: EventGraph(events: f.events), options: ChartOptions(language: .en))
        Fixtures.keep(te.png, "timeline-fixture-en.png")
    }
}
