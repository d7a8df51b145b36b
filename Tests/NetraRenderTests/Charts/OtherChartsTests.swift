import Testing
import NetraCore
import NetraRender

@Suite struct ComparisonTests {
    let data = Fixtures.bekasi()

    @Test func figuresCountEachSideWithWhatLiesUnderIt() throws {
        let plan = try ComparisonChart.layout(data, first: Fixtures.kota, second: Fixtures.kabupaten)
        func row(_ label: String, _ panel: Int) throws -> ComparisonRow { try #require(plan.rows.first { $0.label == label && $0.panel == panel }) }
        #expect(try row("Ikrar", 0).a == 2 && row("Ikrar", 0).b == 1)
        #expect(try row("Total", 0).a == 2 && row("Total", 0).b == 5)
        #expect(try row("Dihentikan", 1).a == 2 && row("Dugaan", 1).a == 1 && row("Dugaan", 1).b == 1)
        #expect(try row("Penanda tangan", 2).a == 24013)
        // Jawa Barat holds both cities' events and its own.
        let wide = try ComparisonChart.layout(data, first: Fixtures.jabar, second: Fixtures.kota)
        #expect(wide.rows.first { $0.label == "Total" }?.a == 8)
    }

    @Test func barsGrowFromTheCentreInProportionAndKeepKindColours() throws {
        let chart = try ComparisonChart.render(data, first: Fixtures.kota, second: Fixtures.kabupaten)
        let plan = chart.plan
        let total = try #require(plan.rows.first { $0.label == "Total" })
        #expect(abs(total.barB.width / total.barA.width - 2.5) < 0.05)
        #expect(total.barA.maxX < total.barB.minX)
        let pledge = try #require(plan.rows.first { $0.label == "Ikrar" })
        #expect(try pixel(chart.png, pledge.barA.midX, pledge.barA.midY).distance(to: KindPalette.color(.pledge)) < 3)
        expectReadable(plan.chart)
        #expect(throws: RenderError.self) { try ComparisonChart.layout(data, first: 0, second: 42) }
    }
}

@Suite struct LeadTimesTests {
    let points = [
        LeadTimePoint(measure: "prevention_lead", jurisdiction: "kota-bekasi", days: 104, exact: true),
        LeadTimePoint(measure: "prevention_lead", jurisdiction: "kota-bekasi", days: 102, exact: true),
        LeadTimePoint(measure: "prevention_lead", jurisdiction: "kabupaten-bekasi", days: 84, exact: false),
        LeadTimePoint(measure: "prevention_lead", jurisdiction: "kabupaten-bekasi", days: 485, exact: true),
        LeadTimePoint(measure: "prevention_lead", jurisdiction: "kabupaten-bekasi", days: 70, exact: true),
        LeadTimePoint(measure: "response_time", jurisdiction: "kota-bekasi", days: 4, exact: true),
        LeadTimePoint(measure: "response_time", jurisdiction: "kota-bekasi", days: -2, exact: false),
    ]

    @Test func rowsFollowInputOrderWithTheirMedians() throws {
        let chart = try LeadTimesChart.render(points, dataset: Fixtures.bekasi())
        let plan = chart.plan
        #expect(plan.rows.map { "\($0.measure)/\($0.jurisdiction)" } ==
                ["prevention_lead/kota-bekasi", "prevention_lead/kabupaten-bekasi", "response_time/kota-bekasi"])
        #expect(plan.rows.map(\.median) == [103, 84, 1])
        #expect(plan.rows.map(\.count) == [2, 3, 2])
        for r in plan.rows { #expect(abs(r.medianX - plan.scale(r.median)) < 0.001) }
        #expect(plan.scale.domain.lo <= -2 && plan.scale.domain.hi >= 485)
        // Names come from the dataset; the measure's key becomes words.
        #expect(plan.chart.texts.contains { $0.text == "Kabupaten Bekasi" })
        #expect(plan.chart.texts.contains { $0.text == "Jeda pencegahan ke pemilu" })
        expectReadable(plan.chart)
    }

    @Test func nearbyDotsAreStackedNotPiled() throws {
        let same = (0..<5).map { _ in LeadTimePoint(measure: "m", jurisdiction: "j", days: 10, exact: true) }
        let plan = try LeadTimesChart.layout(same, dataset: Fixtures.bekasi())
        let ys = Set(plan.rows[0].dots.map(\.y))
        #expect(ys.count == 5)
        #expect(plan.rows[0].dots.allSatisfy { plan.rows[0].rect.contains($0) })
    }
}

@Suite struct CasesTests {
    @Test func aLaterTallyReplacesAnEarlierOne() throws {
        let plan = try CasesChart.layout(Fixtures.bekasi())
        let national = try #require(plan.series.first { $0.panel == 0 && $0.jurisdiction == Fixtures.indonesia })
        #expect(national.values.map(\.value) == [403, 464])          // not 403 + 464
        #expect(national.label?.text.contains("464") == true)
        let pledges = try #require(plan.series.first { $0.panel == 1 && $0.jurisdiction == Fixtures.kota })
        #expect(pledges.values.map(\.value) == [24013])
        // The step holds its value up to the next tally: same y until the later x.
        #expect(national.points[1].y < national.points[0].y)
        expectReadable(plan.chart)
    }

    @Test func signatoriesAccumulate() throws {
        var d = Fixtures.bekasi()
        d.events.append(Event(id: "kota-pledge-2", date: Fixtures.date(2024, 3, 1), kind: .pledge, jurisdiction: Fixtures.kota,
                              title: "Second pledge", count: 1000, source: "Radar Bekasi"))
        let plan = try CasesChart.layout(d)
        let pledges = try #require(plan.series.first { $0.panel == 1 && $0.jurisdiction == Fixtures.kota })
        #expect(pledges.values.map(\.value) == [24013, 25013])
    }
}

@Suite struct DeterminismTests {
    @Test func twoRendersAreByteIdentical() throws {
        let d = Fixtures.bekasi()
        let g = EventGraph(events: d.events)
        #expect(try TimelineChart.render(d, graph: g).png == TimelineChart.render(d, graph: g).png)
        #expect(try MonthlyBarsChart.render(d).png == MonthlyBarsChart.render(d).png)
        #expect(try CasesChart.render(d).png == CasesChart.render(d).png)
        let png = try MonthlyBarsChart.render(d).png
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func scaleTwoDoublesTheCanvasAndEverySize() throws {
        let d = Fixtures.bekasi()
        let one = try MonthlyBarsChart.layout(d), two = try MonthlyBarsChart.layout(d, options: ChartOptions(scale: 2))
        #expect(two.chart.width == 3200 && two.chart.height == 1800)
        let t1 = try #require(one.chart.texts.first { $0.role == .title }), t2 = try #require(two.chart.texts.first { $0.role == .title })
        #expect(t2.style.size == 2 * t1.style.size)
        expectReadable(two.chart, scale: 2)
        #expect(throws: RenderError.self) { try MonthlyBarsChart.layout(d, options: ChartOptions(scale: 3)) }
    }

    @Test func aMissingFontFailsTheChartWithItsPath() {
        do {
            _ = try MonthlyBarsChart.render(Fixtures.bekasi(), options: ChartOptions(fontPath: "/no/such/font.ttf"))
            Issue.record("expected a throw")
        } catch {
            #expect(error.description.contains("/no/such/font.ttf"))
        }
    }

    @Test func englishLabelsThroughout() throws {
        let d = Fixtures.bekasi()
        let plan = try TimelineChart.layout(d, graph: EventGraph(events: d.events), options: ChartOptions(language: .en))
        let texts = plan.chart.texts.map(\.text)
        #expect(texts.contains("ASN neutrality timeline"))
        #expect(texts.contains("14 Feb 2024"))
        #expect(texts.contains("Jul") && !texts.contains("Agu"))
    }
}

@Suite struct RealDatasetTests {
    /// The shipped dataset, when it is there and loads, must chart cleanly.
    @Test func everyChartOfTheShippedDatasetIsReadable() throws {
        guard let d = try? DatasetLoader.load(directory: "/work/main/datasets/bekasi-2024") else { return }
        let g = EventGraph(events: d.events)
        expectReadable(try MonthlyBarsChart.layout(d).chart)
        expectReadable(try TimelineChart.layout(d, graph: g).chart)
        expectReadable(try TimelineChart.layout(d, graph: g, options: ChartOptions(language: .en)).chart)
        if let a = d.jurisdictionIndex["kota-bekasi"], let b = d.jurisdictionIndex["kabupaten-bekasi"] {
            expectReadable(try ComparisonChart.layout(d, first: a, second: b).chart)
        }
        expectReadable(try CasesChart.layout(d).chart)
    }
}
