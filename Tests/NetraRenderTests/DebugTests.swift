import Testing
import NetraCore
import NetraRender

@Test func debugTimeline() throws {
    let d = Fixtures.realOrFixture()
    let t = try TimelineChart.layout(d, graph: EventGraph(events: d.events))
    for r in t.elections { print("RULE", r.election, r.x, r.top, r.labels.map(\.box)) }
    print("PLOT", t.plot)
}
