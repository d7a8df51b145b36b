import Testing
import NetraCore
import NetraRender

@Suite struct TimelineTests {
    let data = Fixtures.bekasi()
    var graph: EventGraph { EventGraph(events: data.events) }

    @Test func lanesFollowLevelThenName() throws {
        let plan = try TimelineChart(data, graph: graph).layout()
        // nasional, provinsi, then kabupaten and kota together by name.
        #expect(plan.lanes.map(\.jurisdiction) == [Fixtures.indonesia, Fixtures.jabar, Fixtures.kabupaten, Fixtures.kota])
        for k in 1..<plan.lanes.count { #expect(plan.lanes[k].rect.minY >= plan.lanes[k - 1].rect.maxY - 0.5) }
        #expect(!plan.clustered && plan.items.count == data.events.count)
    }

    @Test func labelsNeverCollideAndLeftOutOnesAreCounted() throws {
        // A narrow canvas forces labels out.
        for options in [ChartOptions(), ChartOptions(width: 800, height: 500), ChartOptions(scale: 2)] {
            let plan = try TimelineChart(data, graph: graph).layout(options: options)
            let boxes = plan.items.compactMap(\.label?.box) + plan.elections.flatMap { $0.labels.map(\.box) }
            for i in boxes.indices { for j in boxes.indices where i < j { #expect(!boxes[i].intersects(boxes[j])) } }
            // Items sharing a row never overlap either (marker, tail, bar and label together).
            for a in plan.items { for b in plan.items where a.event < b.event && a.lane == b.lane && a.row != nil && a.row == b.row {
                #expect(!a.box.intersects(b.box))
            } }
            let unlabelled = plan.items.filter { $0.label == nil }.count
            #expect(plan.lanes.reduce(0) { $0 + $1.unlabelled } == unlabelled)
            if unlabelled > 0 {
                #expect(plan.chart.texts.contains { $0.role == .note && $0.text.contains("+") })
            }
            expectReadable(plan.chart, scale: Double(options.scale))
        }
    }

    @Test func imprecisionIsDrawnDifferently() throws {
        let plan = try TimelineChart(data, graph: graph).layout()
        func item(_ id: String) throws -> TimelineItem { try #require(plan.items.first { data.events[$0.event].id == id }) }
        #expect(try item("kota-bapenda").style == .onOrBefore)
        #expect(try item("kota-photo").style == .span)              // month precision
        #expect(try item("kab-decree").style == .span)              // year precision
        #expect(try item("kota-pledge-follow").style == .span)      // 4–13 Nov
        #expect(try item("kota-jersey").style == .dot)
        let decree = try #require(try item("kab-decree").bar)
        #expect(decree.width > (try #require(try item("kota-photo").bar)).width * 10)
    }

    @Test func edgesJoinLinkedEvents() throws {
        let plan = try TimelineChart(data, graph: graph).layout()
        let linked = data.events.reduce(0) { $0 + $1.links.count }
        #expect(plan.edges.count == linked)
        #expect(plan.edges.contains { data.events[$0.from].id == "kota-jersey-report" && data.events[$0.to].id == "kota-jersey" })
    }

    @Test func electionRuleIsDrawnWhereTheLayoutPutIt() throws {
        let chart = try TimelineChart(data, graph: graph).render()
        let plan = chart.plan
        #expect(plan.elections.count == 2)
        let pemilu = try #require(plan.elections.first { data.elections[$0.election].id == "pemilu-2024" })
        // Centre of 14 Feb 2024 on the layout's own scale.
        #expect(abs(pemilu.x - plan.scale.x(ordinal: Double(Fixtures.day(2024, 2, 14).ordinal) + 0.5)) < 0.001)
        #expect(pemilu.labels.first?.text == "Pemilu 2024")
        // Down the rule's column the dashes show as dark pixels; a few pixels aside they do not.
        let img = try GDImage(png: chart.png)
        func darkShare(_ x: Int) -> Double {
            let ys = Array(stride(from: Int(pemilu.top) + 2, to: Int(pemilu.bottom) - 2, by: 1))
            let dark = ys.filter { y in (img.pixel(x: x, y: y).map { Int($0.red) + Int($0.green) + Int($0.blue) < 300 }) ?? false }
            return Double(dark.count) / Double(max(1, ys.count))
        }
        let x = Int(pemilu.x.rounded(.down))
        #expect(darkShare(x) > 0.3)
        #expect(darkShare(x + 6) < 0.15)
    }

    @Test func manyEventsAreClusteredIntoCountedMarkers() throws {
        let plan = try TimelineChart(data, graph: graph, detailLimit: 5).layout()
        #expect(plan.clustered && plan.items.isEmpty)
        #expect(plan.clusters.reduce(0) { $0 + $1.count } == data.events.count)
        for c in plan.clusters {
            #expect(plan.lanes[c.lane].rect.contains(ChartRect(x: c.center.x - c.radius, y: c.center.y - c.radius, width: 2 * c.radius, height: 2 * c.radius)))
        }
        expectReadable(plan.chart)
    }

    @Test func aWindowKeepsOnlyItsEvents() throws {
        let window = Fixtures.day(2024, 1, 1)...Fixtures.day(2024, 1, 31)
        let plan = try TimelineChart(data, graph: graph, window: window).layout()
        #expect(plan.eventCount == 5)
        #expect(plan.scale.from == window.lowerBound && plan.scale.to == window.upperBound)
        #expect(plan.xTicks.count >= 4)   // weekly ticks over a month
    }
}
