import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

@Suite struct ComparisonTests {
    let data = Fixtures.bekasi()

    @Test func figuresCountEachSideWithWhatLiesUnderIt() throws {
        let plan = try ComparisonChart(Analysis(dataset: data), first: Fixtures.kota, second: Fixtures.kabupaten).layout()
        func row(_ label: String, _ panel: Int) throws -> ComparisonRow { try #require(plan.rows.first { $0.label == label && $0.panel == panel }) }
        #expect(try row("Ikrar", 0).a == 2 && row("Ikrar", 0).b == 1)
        #expect(try row("Total", 0).a == 2 && row("Total", 0).b == 5)
        #expect(try row("Dihentikan", 1).a == 2 && row("Dugaan", 1).a == 1 && row("Dugaan", 1).b == 1)
        #expect(try row("Penanda tangan", 2).a == 24013)
        // Jawa Barat holds both cities' events and its own.
        let wide = try ComparisonChart(Analysis(dataset: data), first: Fixtures.jabar, second: Fixtures.kota).layout()
        #expect(wide.rows.first { $0.label == "Total" }?.a == 8)
    }

    @Test func barsGrowFromTheCentreInProportionAndKeepKindColours() throws {
        let chart = try ComparisonChart(Analysis(dataset: data), first: Fixtures.kota, second: Fixtures.kabupaten).render()
        let plan = chart.plan
        let total = try #require(plan.rows.first { $0.label == "Total" })
        #expect(abs(total.barB.width / total.barA.width - 2.5) < 0.05)
        #expect(total.barA.maxX < total.barB.minX)
        let pledge = try #require(plan.rows.first { $0.label == "Ikrar" })
        #expect(try pixel(chart.png, pledge.barA.midX, pledge.barA.midY).distance(to: KindPalette.color(.pledge)) < 3)
        expectReadable(plan.chart)
        #expect(throws: RenderError.self) { try ComparisonChart(Analysis(dataset: data), first: 0, second: 42).layout() }
    }
}

@Suite struct LeadTimesTests {
    let series = [
        LeadTimeSeries(measure: "prevention_lead", jurisdiction: "kota-bekasi", exactDays: [104, 102]),
        LeadTimeSeries(measure: "prevention_lead", jurisdiction: "kabupaten-bekasi", exactDays: [485, 70], inexactDays: [84]),
        LeadTimeSeries(measure: "response_time", jurisdiction: "kota-bekasi", exactDays: [4], inexactDays: [-2])
    ]

    @Test func rowsFollowInputOrderWithTheirMedians() throws {
        let chart = try LeadTimesChart(series, dataset: Fixtures.bekasi()).render()
        let plan = chart.plan
        #expect(
            plan.rows.map { "\($0.measure)/\($0.jurisdiction)" } == [
                "prevention_lead/kota-bekasi", "prevention_lead/kabupaten-bekasi", "response_time/kota-bekasi"
            ])
        #expect(plan.rows.map(\.median) == [103, 84, 1])
        #expect(plan.rows.map(\.count) == [2, 3, 2])
        for r in plan.rows { #expect(abs(r.medianX - plan.panels[r.panel].scale(r.median)) < 0.001) }
        // Prevention and response each on an axis of its own.
        #expect(plan.panels.map(\.kind) == [.prevention, .handling])
        #expect(plan.panels[0].scale.domain.lo <= 0 && plan.panels[0].scale.domain.hi >= 485)
        #expect(plan.panels[1].scale.domain.lo <= -2 && plan.panels[1].scale.domain.hi < 10)
        // Names come from the dataset; each panel says what its axis counts.
        #expect(plan.chart.texts.contains { $0.text == "Kabupaten Bekasi" })
        #expect(plan.chart.texts.contains { $0.text == Strings.leadPreventionPanel.text(.id) })
        expectReadable(plan.chart)
    }

    @Test func nearbyDotsAreStackedNotPiled() throws {
        let same = LeadTimeSeries(measure: "m", jurisdiction: "j", exactDays: Array(repeating: 10, count: 5))
        let plan = try LeadTimesChart([same], dataset: Fixtures.bekasi()).layout()
        let ys = Set(plan.rows[0].dots.map(\.y))
        #expect(ys.count == 5)
        #expect(plan.rows[0].dots.allSatisfy { plan.rows[0].rect.contains($0) })
        #expect(plan.rows[0].band.isEmpty)
    }

    @Test func seriesCountValuesPerDayAndTakeTheirMedian() {
        let s = LeadTimeSeries(measure: "m", jurisdiction: "j", exactDays: [5, 3, 5, 9], inexactDays: [5, 1])
        #expect(
            s.bins == [
                LeadTimeBin(day: 1, exact: 0, inexact: 1), LeadTimeBin(day: 3, exact: 1, inexact: 0),
                LeadTimeBin(day: 5, exact: 2, inexact: 1), LeadTimeBin(day: 9, exact: 1, inexact: 0)
            ])
        #expect(s.count == 6)
        #expect(s.median == 5)  // 1 3 5 5 5 9
        #expect(LeadTimeSeries(measure: "m", jurisdiction: "j", exactDays: [1, 2, 10, 20]).median == 6)
    }

    @Test func aBigRowIsABandThatCostsTheSameForAMillionValues() throws {
        // 1,000,000 values on day 10, 400,000 on day 300, one on day 500 and 300 imprecise ones on day 200.
        let big = LeadTimeSeries(
            measure: "m", jurisdiction: "j",
            bins: [
                LeadTimeBin(day: 10, exact: 1_000_000, inexact: 0), LeadTimeBin(day: 500, exact: 1, inexact: 0),
                LeadTimeBin(day: 300, exact: 400_000, inexact: 0), LeadTimeBin(day: 200, exact: 0, inexact: 300)
            ])
        let chart = try LeadTimesChart([big], dataset: Fixtures.bekasi()).render()
        let row = try #require(chart.plan.rows.first)
        #expect(row.count == 1_400_301 && row.median == 10 && row.dots.isEmpty)
        #expect(row.band.count == 4)
        let tall = try #require(row.band.first { $0.minX <= chart.plan.scale(10) && $0.maxX >= chart.plan.scale(10) })
        let lone = try #require(row.band.first { $0.minX <= chart.plan.scale(500) && $0.maxX >= chart.plan.scale(500) })
        #expect(tall.height > row.rect.height * 0.6 && tall.height < row.rect.height)
        #expect(lone.height >= 2 && lone.height < 6)  // still visible
        for c in row.band { #expect(abs(c.midY - row.rect.midY) < 0.01) }
        // Solid where the dates are exact, pale where they are not (day 10 lies under the median).
        let other = try #require(row.band.first { $0.minX <= chart.plan.scale(300) && $0.maxX >= chart.plan.scale(300) })
        #expect(abs(other.height / tall.height - 0.4) < 0.02)
        let solid = try pixel(chart.png, other.midX, other.midY)
        let pale = try #require(row.band.first { $0.minX <= chart.plan.scale(200) && $0.maxX >= chart.plan.scale(200) })
        let paleColor = try pixel(chart.png, pale.midX, pale.midY)
        // A measure of no kind is drawn in the stages' neutral grey (issue 29: never a jurisdiction's colour).
        #expect(solid.distance(to: LeadTimesChart.stageColor(nil)) < 25)  // 235 of 255 opaque
        #expect(paleColor.distance(to: LeadTimesChart.stageColor(nil)) > 60)
        #expect(chart.plan.chart.marks.count < 200)
        // Only bands: the subtitle explains bands, not hollow dots.
        let subtitle = try #require(chart.plan.chart.texts.first { $0.role == .subtitle }).text
        #expect(subtitle.contains("pita") && !subtitle.contains("titik kosong"))
    }

    @Test func tooManyRowsKeepEveryMeasureAndCountTheRest() throws {
        var input: [LeadTimeSeries] = []
        for m in ["prevention_lead", "reporting_lag"] {
            for j in 0..<40 { input.append(LeadTimeSeries(measure: m, jurisdiction: "j\(j)", exactDays: Array(repeating: j, count: j + 1))) }
        }
        let plan = try LeadTimesChart(input, dataset: Fixtures.bekasi()).layout()
        #expect(plan.hiddenRows > 0 && plan.rows.count + plan.hiddenRows == 80)
        let kept = plan.rows.filter { $0.measure == "reporting_lag" }
        #expect(!kept.isEmpty && abs(kept.count - plan.rows.filter { $0.measure == "prevention_lead" }.count) <= 1)
        #expect(kept.allSatisfy { $0.count > 40 - kept.count })  // the largest rows are the ones kept
        let note = try #require(plan.chart.texts.first { $0.role == .note && $0.text.hasPrefix("+") })
        #expect(note.text == "+\(plan.hiddenRows) baris lain tidak ditampilkan")
        #expect(plan.rows.allSatisfy { !$0.rect.intersects(note.box) })
        expectReadable(plan.chart)
    }
}

@Suite struct CasesTests {
    @Test func aLaterTallyReplacesAnEarlierOne() throws {
        let plan = try CasesChart(Fixtures.bekasi()).layout()
        let national = try #require(plan.series.first { !$0.signatories && $0.jurisdiction == Fixtures.indonesia })
        #expect(national.values.map(\.value) == [403, 464])  // not 403 + 464
        #expect(national.label?.text.contains("464") == true)
        let pledges = try #require(plan.series.first { $0.signatories && $0.jurisdiction == Fixtures.kota })
        #expect(pledges.values.map(\.value) == [24013])
        // The step holds its value up to the next tally: same y until the later x.
        #expect(national.points[1].y < national.points[0].y)
        expectReadable(plan.chart)
    }

    @Test func signatoriesAccumulate() throws {
        let f = Fixtures.bekasi()
        let d = Dataset(
            events: Array(f.events) + [
                Event(
                    id: "kota-pledge-2", date: Fixtures.date(2024, 3, 1), kind: .pledge,
                    jurisdiction: Fixtures.kota, title: "Second pledge", count: 1000,
                    source: "Radar Bekasi")
            ],
            jurisdictions: Array(f.jurisdictions), elections: Array(f.elections), name: f.name)
        let plan = try CasesChart(d).layout()
        let pledges = try #require(plan.series.first { $0.signatories && $0.jurisdiction == Fixtures.kota })
        #expect(pledges.values.map(\.value) == [24013, 25013])
    }
}

@Suite struct DeterminismTests {
    @Test func twoRendersAreByteIdentical() throws {
        let d = Fixtures.bekasi()
        let g = EventGraph(events: d.events)
        #expect(try TimelineChart(d, graph: g).render().png == TimelineChart(d, graph: g).render().png)
        #expect(try MonthlyBarsChart(d).render().png == MonthlyBarsChart(d).render().png)
        #expect(try CasesChart(d).render().png == CasesChart(d).render().png)
        let png = try MonthlyBarsChart(d).render().png
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func scaleTwoDoublesTheCanvasAndEverySize() throws {
        let d = Fixtures.bekasi()
        let one = try MonthlyBarsChart(d).layout(), two = try MonthlyBarsChart(d).layout(options: ChartOptions(scale: 2))
        #expect(two.chart.width == 3200 && two.chart.height == 1800)
        let t1 = try #require(one.chart.texts.first { $0.role == .title }), t2 = try #require(two.chart.texts.first { $0.role == .title })
        #expect(t2.style.size == 2 * t1.style.size)
        expectReadable(two.chart, scale: 2)
        #expect(throws: RenderError.self) { try MonthlyBarsChart(d).layout(options: ChartOptions(scale: 3)) }
    }

    @Test func aMissingFontFailsTheChartWithItsPath() {
        do {
            _ = try MonthlyBarsChart(Fixtures.bekasi()).render(options: ChartOptions(fontPath: "/no/such/font.ttf"))
            Issue.record("expected a throw")
        } catch {
            #expect(error.description.contains("/no/such/font.ttf"))
        }
    }

    @Test func englishLabelsThroughout() throws {
        let d = Fixtures.bekasi()
        let plan = try TimelineChart(d, graph: EventGraph(events: d.events)).layout(options: ChartOptions(language: .en))
        let texts = plan.chart.texts.map(\.text)
        #expect(texts.contains { $0.hasPrefix("ASN neutrality timeline · ") })
        #expect(texts.contains("14 Feb 2024"))
        #expect(texts.contains("Jul") && !texts.contains("Agu"))
    }
}

@Suite struct RealDatasetTests {
    /// The shipped dataset must load and chart cleanly.
    @Test func everyChartOfTheShippedDatasetIsReadable() throws {
        let d = try Fixtures.shipped()
        let g = EventGraph(events: d.events)
        expectReadable(try MonthlyBarsChart(d).layout().chart)
        expectReadable(try TimelineChart(d, graph: g).layout().chart)
        expectReadable(try TimelineChart(d, graph: g).layout(options: ChartOptions(language: .en)).chart)
        if let a = d.jurisdictionIndex["kota-bekasi"], let b = d.jurisdictionIndex["kabupaten-bekasi"] {
            expectReadable(try ComparisonChart(Analysis(dataset: d), first: a, second: b).layout().chart)
        }
        expectReadable(try CasesChart(d).layout().chart)
    }
}

@Suite struct LeadTimeGroupingTests {
    @Test func groupingCountsEveryLeadTimeOnceInFirstAppearanceOrder() throws {
        let d = Fixtures.bekasi()
        let a = Analysis(dataset: d)
        #expect(!a.leadTimes.isEmpty)
        let series = LeadTimeSeries.grouping(
            a.leadTimes, jurisdictionCount: d.jurisdictions.count,
            label: { $0.rawValue }, jurisdictionID: { d.jurisdictions[$0].id })
        // The same rows, in the same order, as grouping the values one by one.
        var expected: [(String, String)] = []
        var days: [String: [Int]] = [:], inexact: [String: Int] = [:]
        for t in a.leadTimes {
            let key = "\(t.measure.rawValue)/\(d.jurisdictions[t.jurisdiction].id)"
            if days[key] == nil { expected.append((t.measure.rawValue, d.jurisdictions[t.jurisdiction].id)) }
            days[key, default: []].append(t.days)
            if !t.exact { inexact[key, default: 0] += 1 }
        }
        let measureOrder = expected.map(\.0).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        expected = measureOrder.flatMap { m in expected.filter { $0.0 == m } }
        #expect(series.map { "\($0.measure)/\($0.jurisdiction)" } == expected.map { "\($0.0)/\($0.1)" })
        for s in series {
            let key = "\(s.measure)/\(s.jurisdiction)"
            let sorted = (days[key] ?? []).sorted()
            #expect(s.count == sorted.count)
            #expect(s.bins.flatMap { Array(repeating: $0.day, count: $0.count) } == sorted)
            #expect(s.bins.reduce(0) { $0 + $1.inexact } == inexact[key, default: 0])
        }
        #expect(series.reduce(0) { $0 + $1.count } == a.leadTimes.count)
    }
}
