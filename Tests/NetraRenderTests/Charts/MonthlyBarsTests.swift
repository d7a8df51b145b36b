import Testing
import NetraCore
import NetraRender

@Suite struct MonthlyBarsTests {
    let data = Fixtures.bekasi()

    @Test func countsEachEventOnceInItsStartMonth() throws {
        let plan = try MonthlyBarsChart(data).layout()
        // The year-precision incident of 2022 (and one of 2023) stand apart, not in January.
        #expect(plan.months.first == Month(year: 2022, month: 9))
        #expect(plan.months.last == Month(year: 2024, month: 6))
        #expect(plan.months.count == 22)  // gaps included
        // Bars are activity: the case tallies are snapshots, drawn on cases.png.
        #expect(plan.totals.reduce(0, +) + plan.yearTotals.reduce(0, +) == data.events.filter { $0.kind.countsAsActivity }.count)
        #expect(!plan.segments.contains { $0.kind == .caseTally })
        #expect(plan.chart.texts.contains { $0.role == .subtitle && $0.text.contains("tanpa 3 rekap kasus") })
        #expect(plan.years == [2022, 2023] && plan.yearTotals == [1, 1])
        // A month-precision event belongs in its month: its month is known.
        #expect(plan.segments.contains { $0.month == Month(year: 2024, month: 5) && $0.kind == .incident })
        // The 4–13 Nov 2023 follow-up counts once, in November, with the other pledge and the ban.
        let nov = try #require(plan.months.firstIndex(of: Month(year: 2023, month: 11)))
        #expect(plan.totals[nov] == 4)
        #expect(plan.segments.filter { $0.month == Month(year: 2023, month: 11) && $0.kind == .pledge }.map(\.count) == [2])
    }

    @Test func aJurisdictionIncludesWhatLiesUnderIt() throws {
        let jabar = try MonthlyBarsChart(data, jurisdiction: Fixtures.jabar).layout()
        let kota = try MonthlyBarsChart(data, jurisdiction: Fixtures.kota).layout()
        let nationalOnly = data.events.filter { $0.jurisdiction == Fixtures.indonesia }.count
        let nationalTallies = data.events.filter { $0.jurisdiction == Fixtures.indonesia && !$0.kind.countsAsActivity }.count
        let tallies = data.events.filter { !$0.kind.countsAsActivity }.count
        #expect(jabar.totals.reduce(0, +) + jabar.yearTotals.reduce(0, +) == data.events.count - nationalOnly - (tallies - nationalTallies))
        #expect(kota.totals.reduce(0, +) == data.events.filter { $0.jurisdiction == Fixtures.kota }.count)
        // "Including what lies under it" only where something does.
        #expect(jabar.chart.texts.contains { $0.role == .subtitle && $0.text.contains("Jawa Barat (termasuk") })
        #expect(
            kota.chart.texts.contains { $0.role == .subtitle && $0.text.contains("Kota Bekasi") }
                && !kota.chart.texts.contains { $0.text.contains("(termasuk") })
        #expect(throws: RenderError.self) { try MonthlyBarsChart(data, jurisdiction: 99).layout() }
    }

    /// The palest kinds stand off white by an outline, the others draw none.
    @Test func faintSegmentsAreOutlined() throws {
        let plan = try MonthlyBarsChart(data).layout()
        let outlines = plan.chart.marks.compactMap { m -> ChartRect? in if case let .outline(r, _, _) = m { return r } else { return nil } }
        let faint = plan.segments.filter { KindPalette.isFaint($0.kind) }
        #expect(faint.contains { $0.kind == .pledge })
        for seg in plan.segments {
            #expect(outlines.contains(seg.rect) == KindPalette.isFaint(seg.kind), "\(seg.month.iso) \(seg.kind)")
        }
    }

    @Test func segmentsStackUpToTheirTotals() throws {
        let plan = try MonthlyBarsChart(data).layout()
        let yZero = try #require(plan.yTicks.first { $0.value == 0 }?.position)
        for (i, m) in plan.months.enumerated() where plan.totals[i] > 0 {
            let segs = plan.segments.filter { $0.month == m }
            #expect(segs.reduce(0) { $0 + $1.count } == plan.totals[i])
            #expect(abs((segs.map(\.rect.maxY).max() ?? 0) - yZero) <= 1)
            for k in 1..<segs.count { #expect(abs(segs[k].rect.maxY - segs[k - 1].rect.minY) < 0.001) }
        }
        #expect(plan.yTicks.map(\.value) == [0, 1, 2, 3, 4])
    }

    @Test func aBarHasItsKindsColourAtItsComputedRectangle() throws {
        let chart = try MonthlyBarsChart(data).render()
        for seg in chart.plan.segments where seg.rect.height >= 6 {
            let c = try pixel(chart.png, seg.rect.midX, seg.rect.midY)
            #expect(c.distance(to: KindPalette.color(seg.kind)) < 3, "\(seg.kind) in \(seg.month) is \(c)")
        }
        expectReadable(chart.plan.chart)
    }

    /// Issue 13, point 5: the shipped year-only incident (2022) and decree (2023) were drawn as
    /// January bars. Their month is unknown: a pale bar per year, left of the months, says so.
    @Test func yearOnlyEventsStandApartFromJanuary() throws {
        let d = try Fixtures.shipped()
        let chart = try MonthlyBarsChart(d).render()
        let plan = chart.plan
        #expect(plan.years == [2022, 2023])
        #expect(plan.yearSegments.map { "\($0.year) \($0.kind.rawValue) \($0.count)" } == ["2022 incident 1", "2023 regulation 1"])
        // No month holds them: the axis starts with the SKB of September 2022, January 2023 is empty.
        #expect(plan.months.first == Month(year: 2022, month: 9))
        #expect(!plan.segments.contains { $0.month.number == 1 && $0.month.year < 2024 })
        #expect(plan.totals.reduce(0, +) == d.events.filter { $0.kind.countsAsActivity }.count - 2)
        #expect(plan.chart.texts.contains { $0.text == "bulan tidak pasti" })
        #expect(plan.chart.texts.contains { $0.role == .subtitle && $0.text.contains("2 tanpa bulan pasti") })
        // The pale bars sit left of every month's bar, on the same count axis.
        let firstMonth = try #require(plan.segments.map(\.rect.minX).min())
        for seg in plan.yearSegments {
            #expect(seg.rect.maxX < firstMonth)
            #expect(abs(seg.rect.height - (plan.segments.first { $0.count == 1 }?.rect.height ?? 0)) <= 1)
        }
        // Read back: the pale tint inside each year bar; nothing where January 2023's bar would be.
        for seg in plan.yearSegments {
            var pale = 0, solid = 0
            for x in stride(from: Int(seg.rect.minX) + 3, to: Int(seg.rect.maxX) - 3, by: 1) {
                let c = try pixel(chart.png, Double(x), seg.rect.midY)
                if c.distance(to: KindPalette.color(seg.kind).tinted(0.72)) < 4 { pale += 1 }
                if c.distance(to: KindPalette.color(seg.kind)) <= 40 { solid += 1 }
            }
            #expect(pale > 5, "\(seg.year): \(pale) pale pixels")
            // Hatched, not filled: a hatch line may cross the middle, the kind's full colour does not fill it.
            #expect(solid < pale, "\(seg.year): \(solid) solid pixels")
        }
        let jan = try #require(plan.months.firstIndex(of: Month(year: 2023, month: 1)))
        let sep = try #require(plan.segments.first { $0.month == Month(year: 2022, month: 9) }?.rect)
        let step = try #require(plan.segments.first { $0.month == Month(year: 2022, month: 10) }?.rect.minX).distance(to: sep.minX) * -1
        let janX = sep.midX + step * Double(jan)
        #expect(try pixel(chart.png, janX, sep.midY) == .white)
        try expectDrawn(chart.png, plan.chart)
        // English says it too.
        let en = try MonthlyBarsChart(d).layout(options: ChartOptions(language: .en))
        #expect(en.chart.texts.contains { $0.text == "month unknown" })
    }

    /// Dates from year 1 to year 9999 (both valid) make a chart of 119,988 months. Each
    /// month's total was summed from every month's counts, the months squared: hours of
    /// work before the first PNG. Now each total is summed once.
    @Test func tenThousandYearsOfMonthsAreLaidOutOnce() throws {
        let d = Dataset(
            events: [
                Event(id: "first", date: Fixtures.date(1, 1, 1), kind: .pledge, jurisdiction: Fixtures.kota, title: "Year one", source: "A"),
                Event(id: "now", date: Fixtures.date(2024, 2, 6), kind: .incident, jurisdiction: Fixtures.kota, title: "Now", source: "A"),
                Event(id: "last", date: Fixtures.date(9999, 12, 31), kind: .pledge, jurisdiction: Fixtures.kota, title: "The last year", source: "A"),
                Event(id: "year", date: Fixtures.yearDate(5000), kind: .pledge, jurisdiction: Fixtures.kota, title: "Some year", source: "A")
            ], jurisdictions: Fixtures.jurisdictions, elections: Fixtures.elections, name: "datasets/far")
        let plan = try MonthlyBarsChart(d).layout()
        #expect(plan.months.count == 9999 * 12)
        #expect(plan.months.first == Month(year: 1, month: 1) && plan.months.last == Month(year: 9999, month: 12))
        #expect(plan.totals.reduce(0, +) == 3 && plan.yearTotals == [1])
        #expect(plan.totals.first == 1 && plan.totals.last == 1)
    }

    @Test func emptyDataStillMakesAChartThatSaysSo() throws {
        let empty = Dataset(events: [], jurisdictions: Fixtures.jurisdictions, elections: [], name: "empty")
        let chart = try MonthlyBarsChart(empty).render(options: ChartOptions(language: .en))
        #expect(chart.plan.chart.texts.contains { $0.text == "No data to draw" })
    }

    /// The briefing sheet's small monthly chart: no two tick labels touch, and the axis title
    /// is whole or left out (it read "Ju…" once).
    @Test func aShortChartKeepsItsTickLabelsApartAndNoTitleCutShort() throws {
        let (w, h) = (1160, 400)
        let plan = try MonthlyBarsChart(data).layout(options: ChartOptions(width: w, height: h))
        let boxes = plan.yTicks.compactMap { $0.label?.box }.sorted { $0.minY < $1.minY }
        #expect(boxes.count >= 2)
        for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.maxY <= b.minY) }
        let titles = plan.chart.texts.filter { $0.role == .axisTitle }.map(\.text)
        #expect(titles.allSatisfy { !$0.hasSuffix("…") })
        // A full-size chart keeps its five-step axis and its title.
        let full = try MonthlyBarsChart(data).layout()
        #expect(full.yTicks.count >= 4)
        #expect(full.chart.texts.contains { $0.role == .axisTitle && $0.text == "Jumlah peristiwa" })
    }
}
