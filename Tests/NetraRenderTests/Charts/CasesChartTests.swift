import Testing
import NetraCore
import NetraAnalytics
import NetraRender

/// cases.png (issue 13, point 3): one panel per unit, every series drawn or counted on the
/// chart, end labels that say what the number counts.
@Suite struct CasesPanelTests {
    /// West Java's 20 cases and its 67 alleged violations are two series in two panels, and
    /// nothing of the shipped dataset as of 30 June 2024 (the Pemilu's tallies) is left out.
    @Test func jawaBaratsTwentyAndSixtySevenAreDifferentSeriesInDifferentPanels() throws {
        let d = try Fixtures.shipped().asOf(try #require(Day(year: 2024, month: 6, day: 30))).dataset
        let jabar = try #require(d.jurisdictionIndex["jawa-barat"])
        for lang in Language.allCases {
            let plan = try CasesChart(d).layout(options: ChartOptions(language: lang))
            let west = plan.series.filter { $0.jurisdiction == jabar }
            let cases = try #require(west.first { $0.unit == "kasus" })
            let violations = try #require(west.first { $0.unit == "dugaan pelanggaran" })
            #expect(cases.values.map(\.value) == [20] && violations.values.map(\.value) == [67])
            #expect(cases.panel != violations.panel)
            #expect(plan.panels[cases.panel].unit == "kasus" && plan.panels[violations.panel].unit == "dugaan pelanggaran")
            // Units in the chart's language; no status the unit already says.
            #expect(cases.label?.text == "Jawa Barat: 20 " + Strings.unit("kasus", lang) + " · " + Strings.status(.alleged).text(lang).lowercased())
            #expect(violations.label?.text == "Jawa Barat: 67 " + Strings.unit("dugaan pelanggaran", lang))
            // Every series drawn and labelled: nine tally series and Kota Bekasi's signatories.
            #expect(plan.hiddenSeries == 0 && plan.series.count == 10)
            #expect(plan.series.allSatisfy { $0.label != nil })
            #expect(!plan.chart.texts.contains { $0.text.contains("+1") })
            // One unit per panel, so persons, cases and violations never share an axis.
            for (p, panel) in plan.panels.enumerated() {
                #expect(plan.series.filter { $0.panel == p }.allSatisfy { $0.unit == panel.unit && $0.signatories == panel.signatories })
            }
            // The newest figure first: KASN's 464 (12 Jun), the Pemprov's 20 (28 Feb), the two of
            // 22 Jan in byte order, Bawaslu RI's 33 (5 Jan), the signatories (Nov 2023).
            #expect(plan.panels.map(\.unit) == ["ASN", "kasus netralitas ASN", "dugaan pelanggaran", "kasus", "rekomendasi", "pernyataan"])
            #expect(plan.panels.map(\.signatories) == [false, false, false, false, false, true])
            // Panels are stacked without overlap, over one shared time axis.
            for (a, b) in zip(plan.panels, plan.panels.dropFirst()) { #expect(a.rect.maxY < b.rect.minY && a.rect.minX == b.rect.minX) }
            // The ASN panel holds KASN's three figures (464, 183, 97), detik's 8 in West Java and
            // the five in breach in Kota Bekasi.
            let asn = plan.series.filter { $0.unit == "ASN" }.compactMap(\.label?.text)
            #expect(asn.count == 5 && asn.filter { $0.hasPrefix("Indonesia: ") }.count == 3)
            #expect(asn.contains { $0.hasPrefix("Jawa Barat: 8 ASN") } && asn.contains { $0.hasPrefix("Kota Bekasi: 5 ASN") })
            expectReadable(plan.chart)
        }
    }

    /// The whole dataset has more series than one chart holds: the panels kept are the newest
    /// (Kota Bekasi's 18 reports of 19 Feb 2025 first), every hidden series is counted, and no
    /// panel left out has a figure newer than one drawn.
    @Test func theNewestFiguresComeFirstWhenNotAllFit() throws {
        let d = try Fixtures.shipped()
        let t = TallySeries(d)
        let plan = try CasesChart(t, dataset: d).layout()
        #expect(plan.panels.first?.unit == "laporan")
        #expect(plan.series.first { $0.unit == "laporan" }?.label?.text == "Kota Bekasi: 18 laporan · dugaan")
        #expect(plan.series.count + plan.hiddenSeries == t.series.count + t.signatories.count)
        #expect(plan.hiddenSeries > 0 && plan.chart.texts.contains { $0.text.contains("+\(plan.hiddenSeries) seri lain") })
        func newest(_ unit: String) -> Int { t.series.filter { $0.key.unit == unit }.compactMap { $0.steps.last?.day.ordinal }.max() ?? .min }
        let drawn = Set(plan.panels.map(\.unit))
        let oldestDrawn = drawn.map(newest).min() ?? .min
        for s in t.series where !drawn.contains(s.key.unit) { #expect(newest(s.key.unit) <= oldestDrawn, "\(s.key.unit)") }
        expectReadable(plan.chart)
    }

    /// The markers of the 20 and the 67 are painted in Jawa Barat's colour, each in its panel.
    @Test func pixelsOfTheWestJavaFigures() throws {
        let d = try Fixtures.shipped()
        let jabar = try #require(d.jurisdictionIndex["jawa-barat"])
        let r = try CasesChart(d).render()
        let img = try GDImage(png: r.png)
        for s in r.plan.series where s.jurisdiction == jabar {
            let p = try #require(s.points.last)
            #expect(r.plan.panels[s.panel].rect.contains(p))
            #expect(img.pixel(x: Int(p.x), y: Int(p.y)) == s.color, "\(s.unit) marker")
        }
        try expectDrawn(r.png, r.plan.chart)
    }

    /// A tally that stands without a count is unknown: its label says "—" and its line stops
    /// where it was reported, rather than carrying the figure before it on.
    @Test func anUncountedLatestTallyIsDrawnUnknown() throws {
        let f = Fixtures.bekasi()
        let d = Dataset(events: Array(f.events) + [Event(id: "nas-kasn-later", date: Fixtures.date(2024, 8, 1), kind: .caseTally,
                                                         jurisdiction: Fixtures.indonesia, title: "KASN: a tally without its figure",
                                                         status: .alleged, source: "x")],
                        jurisdictions: Array(f.jurisdictions), elections: Array(f.elections), name: f.name)
        let plan = try CasesChart(d).layout()
        let national = try #require(plan.series.first { !$0.signatories && $0.jurisdiction == Fixtures.indonesia })
        #expect(national.values.map(\.value) == [403, 464, nil])
        #expect(national.label?.text == "Indonesia: — · dugaan")
        let x = plan.scale.x(ordinal: Double(Fixtures.day(2024, 8, 1).ordinal) + 0.5)
        let lines = plan.chart.marks.compactMap { m -> [ChartPoint]? in
            if case let .line(ps, stroke, _, _) = m, stroke == national.color, ps.count > 2 { return ps }
            return nil
        }
        #expect(lines.contains { ($0.last?.x ?? 0) == x })
        expectReadable(plan.chart)
    }

    /// Far more series than room: each panel shows what it can hold, says how many it left
    /// out in its header, and the subtitle gives the total; drawn + hidden is every series.
    @Test func tooManySeriesAreCountedOnTheChart() throws {
        let f = Fixtures.bekasi()
        var events = Array(f.events)
        var total = 0
        for (u, unit) in ["ASN", "kasus", "rekomendasi"].enumerated() {
            for j in 0..<4 {
                for (k, st) in (CaseStatus.allCases.map(Optional.some) + [nil]).enumerated() {
                    events.append(Event(id: "t-\(unit)-\(j)-\(k)", date: Fixtures.date(2024, 3, 1 + u + k), kind: .caseTally,
                                        jurisdiction: JurisdictionIndex(j), title: "t", count: 10 * (j + 1) + k, unit: unit,
                                        status: st, source: "x"))
                    total += 1
                }
            }
        }
        let d = Dataset(events: events, jurisdictions: Array(f.jurisdictions), elections: Array(f.elections), name: f.name)
        let tallies = TallySeries(d)
        let asked = tallies.series.count + tallies.signatories.count
        #expect(asked == total + 3)     // and the fixture's two tally series (no unit) and its signatories
        let plan = try CasesChart(tallies, dataset: d).layout()
        #expect(plan.hiddenSeries > 0 && plan.series.count + plan.hiddenSeries == asked)
        #expect(plan.series.allSatisfy { $0.label != nil })
        let texts = plan.chart.texts.map(\.text)
        #expect(texts.contains { $0.hasPrefix("+\(plan.hiddenSeries) seri lain tidak ditampilkan · Rekap:") })
        for panel in plan.panels where panel.hiddenSeries > 0 {
            #expect(texts.contains { $0.contains("satuan: \(panel.unit)") && $0.hasSuffix("+\(panel.hiddenSeries) seri lain tidak ditampilkan") })
        }
        #expect(plan.panels.reduce(0) { $0 + $1.hiddenSeries } == plan.hiddenSeries)
        expectReadable(plan.chart)
        // At phone size the taller canvas makes room for more.
        let phone = try CasesChart(tallies, dataset: d).layout(options: ChartOptions(width: 1080, height: 1350))
        #expect(phone.hiddenSeries < plan.hiddenSeries && phone.series.count + phone.hiddenSeries == asked)
        expectReadable(phone.chart)
        Fixtures.keep(try CasesChart(tallies, dataset: d).render().png, "cases-crowded.png")
        Fixtures.keep(try CasesChart(tallies, dataset: d).render(options: ChartOptions(width: 1080, height: 1350)).png, "cases-crowded-phone.png")
    }
}
