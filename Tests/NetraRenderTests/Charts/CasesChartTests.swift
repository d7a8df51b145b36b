import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

/// cases.png (issue 13, point 3; issue 27, point 3): one panel per jurisdiction and unit, every
/// series of the data drawn over its whole period on as many images as it takes, each figure
/// with its unit, and a title that says what the chart shows.
@Suite struct CasesPanelTests {
    /// Every page of the chart at these options, laid out.
    static func pages(_ t: TallySeries, _ d: Dataset, _ o: ChartOptions) throws -> [CasesPlan] {
        try CasesChart(t, dataset: d).pages(options: o).map { try $0.layout(options: o) }
    }

    /// Words of a label or phrase, without the `·` a line break may drop.
    static func words(_ s: String) -> [Substring] { s.split(separator: " ").filter { $0 != "·" } }

    /// The ASN-neutrality figures of the shipped dataset, each found on one of the pages with its
    /// unit and status, at both sizes and in both languages; nothing is hidden, every series of
    /// `tallies.csv` is drawn once, the period runs from the first pledge (4 Nov 2023) to the
    /// last tally (19 Feb 2025) on every page, and the title picks out no figure.
    @Test func everySeriesOfTheShippedDatasetIsDrawnWithItsUnit() throws {
        let d = try Fixtures.shipped()
        let t = TallySeries(d)
        func j(_ id: String) throws -> JurisdictionIndex { try #require(d.jurisdictionIndex[id]) }
        let (indonesia, jabar, kota) = (try j("indonesia"), try j("jawa-barat"), try j("kota-bekasi"))
        // (jurisdiction, unit, status, the values drawn, hand-counted from events.csv).
        let expected: [(JurisdictionIndex, String, CaseStatus?, [Int?])] = [
            (jabar, "kasus", .alleged, [20]),  // Gedung Sate, 22 Jan 2024
            (jabar, "ASN", .alleged, [8]),  // 8 ASN of the 20
            (indonesia, "ASN", .alleged, [403, 464]),  // KASN, 6 Feb → 12 Jun 2024
            (indonesia, "ASN", .confirmed, [183]),
            (indonesia, "ASN", .sanctioned, [97]),
            (kota, "ASN", .confirmed, [5]),  // the jersey case corrected
            (indonesia, "temuan dan laporan netralitas ASN", .alleged, [433]),
            (indonesia, "temuan dan laporan netralitas ASN", .confirmed, [314]),
            (indonesia, "temuan dan laporan netralitas ASN", .dismissed, [99])
        ]
        func s(_ x: String?) -> String { x ?? "" }
        let first = try #require(Day(year: 2023, month: 11, day: 4)), last = try #require(Day(year: 2025, month: 2, day: 19))
        for lang in Language.allCases {
            for size in ChartSize.allCases {
                let o = ChartOptions(language: lang, size: size)
                let pages = try Self.pages(t, d, o)
                let all = pages.flatMap(\.series)
                #expect(pages.count > 1 && pages.count <= CasesChart.maxPages)
                #expect(pages.allSatisfy { $0.hiddenSeries == 0 })
                #expect(all.count == t.series.count + t.signatories.count)
                #expect(Set(all.map { "\($0.jurisdiction.raw)|\($0.unit)|\($0.status?.rawValue ?? "")|\($0.signatories)" }).count == all.count)
                #expect(all.allSatisfy { $0.label != nil })
                for (jur, unit, status, values) in expected {
                    let s = try #require(
                        all.first { $0.jurisdiction == jur && $0.unit == unit && $0.status == status && !$0.signatories },
                        "\(unit) \(String(describing: status)) \(lang) \(size)")
                    #expect(s.values.map(\.value) == values)
                    // The label is the figure, its unit and its status in the chart's language.
                    let figure = NumberFormat.number(values.last.flatMap { $0 } ?? -1, lang) + " " + Strings.unit(unit, lang)
                    let status = Strings.status(status).text(lang).lowercased()
                    #expect(Self.words(s.labelText ?? "") == Self.words(figure + " · " + status), "\(s.labelText ?? "-")")
                    // The panel's header names the jurisdiction and the unit.
                    let page = try #require(pages.first { $0.series.contains(s) })
                    let header = page.panels[s.panel].header.map(\.text).joined(separator: " ")
                    #expect(
                        header.hasPrefix(d.jurisdictions[jur].name + " · ")
                            && Self.words(header).suffix(Self.words(Strings.unit(unit, lang)).count)
                                .elementsEqual(Self.words(Strings.unit(unit, lang))),
                        "\(header)")
                }
                let signed = try #require(all.first { $0.signatories && $0.jurisdiction == kota })
                #expect(
                    signed.values.map(\.value) == [24013]
                        && s(signed.labelText) == Strings.atLeast(NumberFormat.number(24013, lang)).text(lang) + " " + Strings.unit("pernyataan", lang))
                let title = Strings.casesOverview(
                    tallies: t.series.count, signatories: t.signatories.count, jurisdictions: 3,
                    period: "Nov 2023 – Feb 2025"
                ).text(lang)
                for (k, p) in pages.enumerated() {
                    #expect(p.page == k + 1 && p.pages == pages.count)
                    // One time axis for every page: the whole period of the series.
                    #expect(p.scale.from <= first && p.scale.to >= last)
                    #expect(p.scale.from == pages[0].scale.from && p.scale.to == pages[0].scale.to)
                    let texts = p.chart.texts
                    #expect(texts.filter { $0.role == .title }.map(\.text).joined(separator: " ") == title)
                    #expect(!texts.contains { $0.text.contains("terbaru") || $0.text.contains("Latest") || $0.text.contains("tidak ditampilkan") })
                    #expect(texts.contains { $0.role == .subtitle && $0.text.hasPrefix(Strings.chartPage(k + 1, of: pages.count).text(lang)) })
                    // One unit and one jurisdiction per panel.
                    for (n, panel) in p.panels.enumerated() {
                        #expect(
                            p.series.filter { $0.panel == n }.allSatisfy {
                                $0.unit == panel.unit && $0.jurisdiction == panel.jurisdiction && $0.signatories == panel.signatories
                            })
                    }
                    for (a, b) in zip(p.panels, p.panels.dropFirst()) { #expect(a.rect.maxY < b.rect.minY && a.rect.minX == b.rect.minX) }
                    expectReadable(p.chart)
                    if size == .phone { #expect(texts.allSatisfy { $0.style.size >= 30 }) }
                }
                // Jurisdictions in order (nasional, provinsi, kota), each kept together.
                let order = pages.flatMap { $0.panels.map(\.jurisdiction) }
                let kotaPanels =
                    Set(t.series.filter { $0.key.jurisdiction == kota }.map(\.key.unit)).count + t.signatories.filter { $0.jurisdiction == kota }.count
                #expect(order.first == indonesia && order.last == kota && order.filter { $0 == kota }.count == kotaPanels && kotaPanels >= 3)
                #expect(order.enumerated().allSatisfy { i, x in i == 0 || x == order[i - 1] || !order[..<i].contains(x) })
            }
        }
    }

    /// West Java's 20 cases and its 67 alleged violations are two series in two panels (as of
    /// 30 June 2024, the Pemilu's tallies: ten series, all on the chart).
    @Test func jawaBaratsTwentyAndSixtySevenAreDifferentSeriesInDifferentPanels() throws {
        let d = try Fixtures.shipped().asOf(try #require(Day(year: 2024, month: 6, day: 30))).dataset
        let jabar = try #require(d.jurisdictionIndex["jawa-barat"])
        for lang in Language.allCases {
            let pages = try Self.pages(TallySeries(d), d, ChartOptions(language: lang))
            let series = pages.flatMap(\.series)
            let west = series.filter { $0.jurisdiction == jabar }
            let cases = try #require(west.first { $0.unit == "kasus" })
            let violations = try #require(west.first { $0.unit == "dugaan pelanggaran" })
            #expect(cases.values.map(\.value) == [20] && violations.values.map(\.value) == [67])
            #expect(cases.panel != violations.panel)
            // Units in the chart's language; no status the unit already says.
            #expect(cases.labelText == "20 " + Strings.unit("kasus", lang) + " · " + Strings.status(.alleged).text(lang).lowercased())
            #expect(violations.labelText == "67 " + Strings.unit("dugaan pelanggaran", lang))
            #expect(pages.allSatisfy { $0.hiddenSeries == 0 } && series.count == 10)
            // The period is the series' own: Nov 2023 (the pledge) to Jun 2024 (KASN's 464).
            let title = pages[0].chart.texts.filter { $0.role == .title }.map(\.text).joined(separator: " ")
            #expect(title.hasSuffix(", Nov\u{00A0}2023\u{00A0}–\u{00A0}Jun\u{00A0}2024"), "\(title)")
        }
    }

    /// The markers of the West Java figures are painted in Jawa Barat's colour, each in its panel.
    @Test func pixelsOfTheWestJavaFigures() throws {
        let d = try Fixtures.shipped()
        let jabar = try #require(d.jurisdictionIndex["jawa-barat"])
        var checked = 0
        for page in try CasesChart(d).pages() {
            let r = try page.render()
            let img = try GDImage(png: r.png)
            for s in r.plan.series where s.jurisdiction == jabar {
                let p = try #require(s.points.last)
                #expect(r.plan.panels[s.panel].rect.contains(p))
                if s.status == nil {
                    // A series without a status is drawn as a ring: white inside, its colour around.
                    #expect(img.pixel(x: Int(p.x), y: Int(p.y)) == .white, "\(s.unit) ring")
                    #expect((4...8).contains { img.pixel(x: Int(p.x) + $0, y: Int(p.y)) == s.color }, "\(s.unit) ring")
                } else {
                    #expect(img.pixel(x: Int(p.x), y: Int(p.y)) == s.color, "\(s.unit) marker")
                }
                checked += 1
            }
            try expectDrawn(r.png, r.plan.chart)
        }
        #expect(checked == TallySeries(d).series.filter { $0.key.jurisdiction == jabar }.count)
    }

    /// A tally that stands without a count is unknown: its label says "—" and its line stops
    /// where it was reported, rather than carrying the figure before it on.
    @Test func anUncountedLatestTallyIsDrawnUnknown() throws {
        let f = Fixtures.bekasi()
        let d = Dataset(
            events: Array(f.events) + [
                Event(
                    id: "nas-kasn-later", date: Fixtures.date(2024, 8, 1), kind: .caseTally,
                    jurisdiction: Fixtures.indonesia, title: "KASN: a tally without its figure",
                    status: .alleged, source: "x")
            ],
            jurisdictions: Array(f.jurisdictions), elections: Array(f.elections), name: f.name)
        let plan = try CasesChart(d).layout()
        let national = try #require(plan.series.first { !$0.signatories && $0.jurisdiction == Fixtures.indonesia })
        #expect(national.values.map(\.value) == [403, 464, nil])
        #expect(national.labelText == "— · dugaan")
        let x = plan.scale.x(ordinal: Double(Fixtures.day(2024, 8, 1).ordinal) + 0.5)
        let lines = plan.chart.marks.compactMap { m -> [ChartPoint]? in
            if case let .line(ps, stroke, _, _) = m, stroke == national.color, ps.count > 2 { return ps }
            return nil
        }
        #expect(lines.contains { ($0.last?.x ?? 0) == x })
        expectReadable(plan.chart)
    }

    /// Far more series than six images hold: each page is full, the last says how many series
    /// of how many jurisdictions are not drawn and where they all are; drawn + left off is
    /// every series, at both sizes.
    @Test func seriesBeyondTheLastPageAreCountedOnIt() throws {
        let f = Fixtures.bekasi()
        var events = Array(f.events)
        var total = 0
        let units = ["ASN", "kasus", "rekomendasi", "laporan", "temuan", "pelanggaran", "orang", "PNS"]
        for (u, unit) in units.enumerated() {
            for j in 0..<4 {
                for (k, st) in (CaseStatus.allCases.map(Optional.some) + [nil]).enumerated() {
                    events.append(
                        Event(
                            id: "t-\(unit)-\(j)-\(k)", date: Fixtures.date(2024, 3, 1 + u + k), kind: .caseTally,
                            jurisdiction: JurisdictionIndex(j), title: "t", count: 10 * (j + 1) + k, unit: unit,
                            status: st, source: "x"))
                    total += 1
                }
            }
        }
        let d = Dataset(events: events, jurisdictions: Array(f.jurisdictions), elections: Array(f.elections), name: f.name)
        let tallies = TallySeries(d)
        let asked = tallies.series.count + tallies.signatories.count
        #expect(asked == total + 3)  // and the fixture's two tally series (no unit) and its signatories
        for size in ChartSize.allCases {
            let pages = try Self.pages(tallies, d, ChartOptions(size: size))
            let lastPage = try #require(pages.last)
            #expect(pages.count == CasesChart.maxPages)
            #expect(pages.dropLast().allSatisfy { $0.hiddenSeries == 0 } && lastPage.hiddenSeries > 0)
            #expect(pages.reduce(0) { $0 + $1.series.count } + lastPage.hiddenSeries == asked)
            #expect(pages.flatMap(\.series).allSatisfy { $0.label != nil })
            let subtitle = lastPage.chart.texts.filter { $0.role == .subtitle }.map(\.text).joined(separator: " ")
            // The jurisdictions of the series on no page.
            let drawn = Set(
                pages.flatMap(\.series).filter { !$0.signatories }.map { TallySeries.Key(jurisdiction: $0.jurisdiction, unit: $0.unit, status: $0.status) })
            let leftOff = Set(tallies.series.filter { !drawn.contains($0.key) }.map(\.key.jurisdiction))
            #expect(subtitle.hasPrefix("+\(lastPage.hiddenSeries) seri dari \(leftOff.count) wilayah tidak muat"), "\(subtitle)")
            #expect(subtitle.contains("tallies.csv"))
            for p in pages { expectReadable(p.chart) }
        }
        Fixtures.keep(try CasesChart(tallies, dataset: d).render().png, "cases-crowded.png")
        Fixtures.keep(try CasesChart(tallies, dataset: d).render(options: ChartOptions(size: .phone)).png, "cases-crowded-phone.png")
    }

    /// Page files: `cases.png`, `cases-2.png`, …
    @Test func pageFileNames() {
        #expect((1...3).map(CasesChart.fileName(page:)) == ["cases.png", "cases-2.png", "cases-3.png"])
    }
}
