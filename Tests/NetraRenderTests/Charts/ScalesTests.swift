import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

/// Issue 14, point 6, on the shipped dataset: every scale is drawn, magnitudes of different
/// things never share one, and a chart's footer counts the outlets of what it draws.
@Suite struct ScalesTests {
    static func setUp() throws -> (Analysis, JurisdictionIndex, JurisdictionIndex) {
        let d = try Fixtures.shipped()
        return (Analysis(dataset: d), try #require(d.jurisdictionIndex["kota-bekasi"]), try #require(d.jurisdictionIndex["kabupaten-bekasi"]))
    }

    /// `(15 media)` / `(15 outlets)` → 15.
    static func outlets(_ plan: ChartPlan) throws -> Int {
        let footer = plan.texts.filter { $0.role == .footer }.map(\.text).joined(separator: " ")
        let open = try #require(footer.lastIndex(of: "("))
        return try #require(Int(footer[footer.index(after: open)...].prefix { $0.isNumber }))
    }

    @Test func everyComparisonSectionHasItsOwnStatedScale() throws {
        let (a, kota, kab) = try Self.setUp()
        let plan = try ComparisonChart(a, first: kota, second: kab).layout()
        #expect(plan.sections.map(\.panel) == [0, 1, 2])
        for sec in plan.sections {
            // Labelled ticks on both halves, from 0 to at least one more.
            for ticks in [sec.ticksA, sec.ticksB] {
                let labelled = ticks.filter { $0.label != nil }
                #expect(labelled.count >= 2, "section \(sec.panel)")
                #expect(labelled.first?.value == 0 && labelled.first?.label?.text == "0")
            }
            // Each bar is its value on its section's scale.
            for row in plan.rows where row.panel == sec.panel {
                for (v, bar) in [(row.a, row.barA), (row.b, row.barB)] {
                    #expect(abs(bar.width - Double(v ?? 0) / sec.scaleMax * sec.length) <= 1, "\(row.label)")
                }
            }
        }
        // Signatories (24.013) and incidents (2) are on scales a thousand times apart.
        #expect(plan.sections[2].scaleMax >= 24013 && plan.sections[1].scaleMax <= 10)
        // Unknown stays "—", with no bar.
        let signed = try #require(plan.rows.first { $0.panel == 2 })
        #expect(signed.b == nil && signed.barB.width == 0)
        // The title says the figures.
        let title = plan.chart.texts.filter { $0.role == .title }.map(\.text).joined(separator: " ")
        #expect(title.hasPrefix("Kabupaten Bekasi: 10 kegiatan pencegahan, Kota Bekasi: 5"))
        let en = try ComparisonChart(a, first: kota, second: kab).layout(options: ChartOptions(language: .en))
        #expect(en.chart.texts.filter { $0.role == .title }.map(\.text).joined(separator: " ").contains("10 prevention events"))
    }

    @Test func preventionAndHandlingAreSeparatePanelsWithTheirOwnAxes() throws {
        let (a, _, _) = try Self.setUp()
        let d = a.dataset
        for lang in Language.allCases {
            let plan = try LeadTimesChart(
                a.leadTimeSeries(label: { Strings.leadTime($0).text(lang) }), dataset: d,
                events: a.leadTimeEvents, headline: a.leadTimeHeadline
            ).layout(options: ChartOptions(language: lang))
            let prevention = try #require(plan.panels.first { $0.kind == .prevention })
            let handling = try #require(plan.panels.first { $0.kind == .handling })
            // Prevention reaches 510 days; handling, 63 (the report against the Pj Bupati).
            #expect(prevention.scale.domain.hi >= 510 && handling.scale.domain.hi >= 63 && handling.scale.domain.hi <= 100)
            #expect(!prevention.plot.intersects(handling.plot))
            #expect(handling.xTicks.filter { $0.label != nil }.count >= 3)
            // Every row sits in its panel's plot, its median on its panel's scale.
            for r in plan.rows {
                let p = plan.panels[r.panel]
                #expect(p.plot.minY <= r.rect.minY + 0.001 && r.rect.maxY <= p.plot.maxY + 0.001)
                #expect(abs(r.medianX - p.scale(r.median)) < 0.001)
                #expect(r.medianDrawn == (r.count >= 3))
            }
            // Handling values (4–63 days) on their own axis: the 63 near its end, the jersey
            // ruling's 24 days on the same scale, not on prevention's 510.
            let report = try #require(plan.rows.first { plan.panels[$0.panel].kind == .handling && $0.dots.contains { abs($0.x - handling.scale(63)) < 0.5 } })
            #expect(report.dots.allSatisfy { $0.x - handling.plot.minX > handling.plot.width / 2 })
            #expect(plan.rows.contains { plan.panels[$0.panel].kind == .handling && $0.dots.contains { abs($0.x - handling.scale(24)) < 0.5 } })
            let title = plan.chart.texts.filter { $0.role == .title }.map(\.text).joined(separator: " ")
            // No span that open rows and incidents without a follow-up belie: how many have one.
            #expect(title.contains(lang == .id ? "4 dari 6 insiden punya tindak lanjut tercatat" : "4 of 6 incidents have a recorded follow-up"))
            #expect(!title.contains("0–63") && !title.contains("ditangani dalam") && !title.contains("handled within"))
            // The footer counts the outlets of the events measured.
            #expect(try Self.outlets(plan.chart) == d.events.outletCount(a.leadTimeEvents))
        }
    }

    @Test func jurisdictionChartsShareTheirRangeAndMarkElections() throws {
        let (a, kota, kab) = try Self.setUp()
        let d = a.dataset
        let shared = MonthlyBarsChart.sharedScale(a.monthlyTable, dataset: d, jurisdictions: [kota, kab])
        let plans = try [kota, kab].map { try MonthlyBarsChart(a.monthlyTable, dataset: d, jurisdiction: $0, shared: shared).layout() }
        #expect(plans[0].months == plans[1].months && plans[0].years == plans[1].years)
        #expect(plans[0].yTicks.last?.value == plans[1].yTicks.last?.value)
        #expect(plans[0].plot.minX == plans[1].plot.minX && plans[0].plot.maxX == plans[1].plot.maxX)
        #expect(Double(shared.yMax) == Double(max(plans[0].totals.max() ?? 0, plans[1].totals.max() ?? 0)))
        for (plan, j) in zip(plans, [kota, kab]) {
            // Pemilu 2024 (14 Feb) is a rule with its name in February 2024's column.
            let rule = try #require(plan.elections.first { d.elections[$0.election].name == "Pemilu 2024" })
            #expect(rule.month == Month(year: 2024, month: 2) && rule.label?.text == "Pemilu 2024")
            #expect(rule.x > plan.plot.minX && rule.x < plan.plot.maxX)
            // The footer counts the outlets of the jurisdiction's own events and those under it.
            let mine = d.events.indices.filter { d.isWithin(d.events.jurisdictions[$0], j) }
            #expect(try Self.outlets(plan.chart) == d.events.outletCount(mine))
            #expect(try Self.outlets(plan.chart) < d.outletCount)
        }
        // A highlighted month is shaded and titled with its figure.
        let jan = Month(year: 2024, month: 1)
        let h = try MonthlyBarsChart(a.monthlyTable, dataset: d, highlight: jan).layout()
        #expect(h.highlight != nil)
        let i = try #require(h.months.firstIndex(of: jan))
        let title = h.chart.texts.filter { $0.role == .title }.map(\.text).joined(separator: " ")
        #expect(title.hasPrefix("Januari 2024: \(h.totals[i]) peristiwa"))
    }

    /// The footers look the outlets up in the analysis (`Analysis.outlets`), with the figures
    /// counted by hand in ScopeOutletsTests (NetraAnalyticsTests): Kabupaten Bekasi 9, Kota
    /// Bekasi 16, Jawa Barat 28, Indonesia 34; the comparison's prevention events and incidents
    /// 14; the map of Jawa Barat, its two regions' events, 22. The same with no value given.
    @Test func footersLookTheirOutletsUp() throws {
        let (a, kota, kab) = try Self.setUp()
        let d = a.dataset
        for (id, n) in [("kabupaten-bekasi", 9), ("kota-bekasi", 16), ("jawa-barat", 28), ("indonesia", 34)] {
            let j = try #require(d.jurisdictionIndex[id])
            #expect(try Self.outlets(MonthlyBarsChart(a.monthlyTable, dataset: d, jurisdiction: j, outlets: a.outlets).layout().chart) == n, "\(id)")
            #expect(try Self.outlets(MonthlyBarsChart(a.monthlyTable, dataset: d, jurisdiction: j).layout().chart) == n, "\(id)")
        }
        #expect(try Self.outlets(MonthlyBarsChart(a.monthlyTable, dataset: d).layout().chart) == 34)
        #expect(try Self.outlets(ComparisonChart(a.compare(kota, kab), dataset: d).layout().chart) == 14)
        let map = MapChart(MapValues(a, measure: .events), join: RegionJoin(d), dataset: d, area: .province("32"))
        #expect(try Self.outlets(map.layout().chart) == 22)
    }

    @Test func casesFooterAndUnitsFollowWhatIsDrawn() throws {
        let (a, _, _) = try Self.setUp()
        let d = a.dataset
        let en = try CasesChart(a.tallies, dataset: d).layout(options: ChartOptions(language: .en))
        let texts = en.chart.texts.map(\.text)
        #expect(!texts.contains { $0.contains("dugaan") })
        #expect(!texts.contains { $0.contains("alleged violations · alleged") })
        // The footer counts the outlets of the series drawn on its image (the first of several),
        // not of every tally.
        #expect(en.pages > 1 && en.hiddenSeries == 0)
        let drawn = Set(en.series.filter { !$0.signatories }.map { TallySeries.Key(jurisdiction: $0.jurisdiction, unit: $0.unit, status: $0.status) })
        let expected =
            a.tallies.series.filter { drawn.contains($0.key) }.flatMap { $0.tallies.map(\.event) }
            + (en.series.contains { $0.signatories } ? d.events.indices.filter { d.events.kinds[$0] == .pledge && d.events.counts[$0] != nil } : [])
        #expect(try Self.outlets(en.chart) == d.events.outletCount(expected))
        #expect(try Self.outlets(en.chart) < d.events.outletCount(a.tallies.series.flatMap { $0.tallies.map(\.event) }))
    }

    @Test func phoneChartsHaveNoSmallTextAndStayOnTheCanvas() throws {
        let (a, kota, kab) = try Self.setUp()
        let d = a.dataset
        for lang in Language.allCases {
            let o = ChartOptions(language: lang, size: .phone)
            let shared = MonthlyBarsChart.sharedScale(a.monthlyTable, dataset: d, jurisdictions: [kota, kab])
            let plans: [ChartPlan] = [
                try ComparisonChart(a, first: kota, second: kab).layout(options: o).chart,
                try LeadTimesChart(a.leadTimeSeries(label: { Strings.leadTime($0).text(lang) }), dataset: d, events: a.leadTimeEvents).layout(options: o).chart,
                try MonthlyBarsChart(a.monthlyTable, dataset: d, jurisdiction: kab, shared: shared).layout(options: o).chart,
                try MonthlyBarsChart(a.monthlyTable, dataset: d, highlight: Month(year: 2024, month: 1)).layout(options: o).chart,
                try CasesChart(a.tallies, dataset: d).layout(options: o).chart
            ]
            for plan in plans {
                #expect(plan.width == 1080 && plan.height == 1350)
                for t in plan.texts {
                    #expect(t.style.size >= 30, "'\(t.text)' is \(t.style.size) px")
                    #expect(plan.canvas.contains(t.box), "'\(t.text)' at \(t.box) leaves the canvas")
                }
                // No title cut short.
                #expect(!plan.texts.contains { $0.role == .title && $0.text.hasSuffix("…") })
                for m in plan.marks {
                    if case let .rect(r, _) = m { #expect(plan.canvas.contains(r), "rect \(r)") }
                }
            }
            // Leadtimes' rows are stacked under their words: no figure cut.
            #expect(!plans[1].texts.contains { $0.role == .value && $0.text.hasSuffix("…") })
        }
    }

    @Test func everyScalesPhraseHasBothLanguagesAndNoOneDays() {
        for p in Strings.scaleSamples {
            #expect(!p.id.isEmpty && !p.en.isEmpty && p.id != p.en, "\(p)")
            #expect(!p.en.contains(" 1 days") && !p.en.hasPrefix("1 days") && !p.en.contains(" 1 events"))
        }
        #expect(Strings.days("1", count: 1).en == "1 day")
        #expect(Strings.unit("dugaan pelanggaran", .en) == "alleged violations" && Strings.unit("dugaan pelanggaran", .id) == "dugaan pelanggaran")
    }
}
