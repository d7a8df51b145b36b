import Testing
import NetraCore
import NetraText
import NetraAnalytics
@testable import NetraRender

/// The map: figures taken from the analysis, regions found by code or name, classes a reader
/// can count, Kota Bekasi shaded with its class colour in the PNG itself.
@Suite struct MapChartTests {
    static func map(_ d: Dataset, _ measure: MapMeasure = .events, month: Month? = nil, area: MapChart.Area = .province("32")) -> MapChart {
        let a = Analysis(dataset: d)
        return MapChart(MapValues(a, measure: measure, month: month), join: RegionJoin(d), dataset: d, area: area)
    }

    /// The fixture's jurisdictions have no `kode`: joined by name. Kota Bekasi has 10 events,
    /// Kabupaten Bekasi 6, Jawa Barat 17 with both (1 its own, its tally left out), counted by hand.
    @Test func figuresComeFromTheAnalysisAndRegionsJoinByName() throws {
        let d = Fixtures.bekasi()
        let a = Analysis(dataset: d)
        let values = MapValues(a, measure: .events)
        // A place's events are its activity: the fixture's three tallies (Jawa Barat's 20, KASN's
        // 403 and 464) are snapshots, not events of the period (issue 27).
        #expect(values.values.values == [18, 17, 10, 6])
        #expect(MapValues(a, measure: .incidents).values.values == [4, 4, 3, 1])
        #expect(MapValues(a, measure: .prevention).values.values == [9, 8, 2, 5])
        // January 2024: the jersey report, the Kesbangpol statement and the decision in Kota
        // Bekasi; the session at province level (its tally is no activity).
        #expect(MapValues(a, measure: .events, month: Month(year: 2024, month: 1)).values.values == [4, 4, 3, 0])
        // A tally is a snapshot: the province's own 20, nothing rolled up, no data elsewhere.
        #expect(MapValues(a, measure: .tally(unit: "", status: nil)).values.values == [464, 20, nil, nil])

        let plan = try Self.map(d).layout(options: ChartOptions(size: .phone))
        let kota = try #require(plan.regions.first { $0.kode == "32.75" })
        let kab = try #require(plan.regions.first { $0.kode == "32.16" })
        #expect(kota.value == 10 && kab.value == 6 && kota.jurisdiction == Fixtures.kota)
        #expect(plan.regions.count == 27)
        #expect(plan.regions.filter { $0.value == nil }.count == 25)
        // Two figures, a class each; "no data" is not 0's colour.
        #expect(plan.classes.map { [$0.lower, $0.upper] } == [[6, 6], [10, 10]])
        #expect(kota.fill != kab.fill && kota.fill != MapChart.noDataColor && kab.fill != MapChart.noDataColor)
        // Labelled on the map or listed, with the name that tells kota from kabupaten.
        for r in [kota, kab] {
            #expect(r.label != nil || plan.listed.contains { plan.regions[$0].kode == r.kode })
        }
        #expect(plan.chart.texts.contains { $0.text == "Kota Bekasi 10" })
        #expect(plan.chart.texts.contains { $0.text == "Kab. Bekasi 6" })
        #expect(plan.chart.texts.contains { $0.text.contains("Batas wilayah: cahyadsn/wilayah_boundaries (MIT)") })
        #expect(plan.chart.texts.contains { $0.text == "Jawa Barat seluruhnya: 17 (1 di tingkat provinsi)" })
        // No text under 30 px on a phone, none overlapping.
        for t in plan.chart.texts { #expect(t.style.size >= 30, "\(t.text)") }
        let texts = plan.chart.texts
        for i in texts.indices { for j in texts.indices where i < j { #expect(!texts[i].box.intersects(texts[j].box), "\(texts[i].text) / \(texts[j].text)") } }
    }

    /// Kota Bekasi is about 60 px wide on a 1080-px map of Jawa Barat, and its own pixels
    /// carry its class colour once drawn (read back with libgd).
    @Test func kotaBekasiIsShadedWithItsClassColour() throws {
        let rendered = try Self.map(Fixtures.bekasi()).render(options: ChartOptions(size: .phone))
        let plan = rendered.plan
        let kota = try #require(plan.regions.first { $0.kode == "32.75" })
        let ci = try #require(kota.classIndex)
        #expect(kota.fill == plan.classes[ci].color)
        #expect(kota.bounds.width >= 40 && kota.bounds.width <= 90, "\(kota.bounds)")
        let img = try GDImage(png: rendered.png)
        var same = 0, total = 0
        for y in stride(from: Int(kota.bounds.minY), through: Int(kota.bounds.maxY), by: 1) {
            for x in stride(from: Int(kota.bounds.minX), through: Int(kota.bounds.maxX), by: 1) {
                guard let p = img.pixel(x: x, y: y) else { continue }
                total += 1
                if p == kota.fill { same += 1 }
            }
        }
        // Its shape fills about half its box (a narrow city); most of that must be its colour.
        #expect(same >= total / 4, "\(same) of \(total) pixels in Kota Bekasi's box carry its colour")
        // And a pixel of Kabupaten Bekasi, where nothing is written over it, carries its own.
        let kab = try #require(plan.regions.first { $0.kode == "32.16" })
        var kabPixels = 0
        for y in stride(from: Int(kab.bounds.minY), through: Int(kab.bounds.maxY), by: 2) {
            for x in stride(from: Int(kab.bounds.minX), through: Int(kab.bounds.maxX), by: 2) where img.pixel(x: x, y: y) == kab.fill { kabPixels += 1 }
        }
        #expect(kabPixels > 200)
    }

    /// libgd fills a ring whole: a hole is drawn back, and what lies in it drawn after. Kota
    /// Bogor lies in a hole of Kabupaten Bogor: its pixels are its own colour, not Kabupaten's.
    @Test func holesAreDrawnBack() throws {
        let d = Dataset(
            events: [],
            jurisdictions: [
                Jurisdiction(id: "jb", name: "Jawa Barat", level: .provinsi, parent: nil, kode: "32"),
                Jurisdiction(id: "bogor", name: "Kabupaten Bogor", level: .kabupaten, parent: 0, kode: "32.01")
            ], elections: [], name: "holes")
        let rendered = try Self.map(d).render()
        let plan = rendered.plan
        let bogor = try #require(plan.regions.firstIndex { $0.kode == "32.01" })
        let kotaBogor = try #require(plan.regions.firstIndex { $0.kode == "32.71" })
        #expect(bogor < kotaBogor, "the enclave is drawn after the region around it")
        let r = plan.regions[bogor]
        let holeMarks = plan.chart.marks[r.marks].filter { if case let .polygon(_, fill, _, _) = $0 { return fill == .white } else { return false } }
        #expect(!holeMarks.isEmpty)
        #expect(r.value == 0 && plan.regions[kotaBogor].value == nil)
        #expect(r.fill == MapChart.zeroColor && plan.regions[kotaBogor].fill == MapChart.noDataColor)
        let p = try pixel(rendered.png, plan.regions[kotaBogor].anchor.x, plan.regions[kotaBogor].anchor.y)
        #expect(p == MapChart.noDataColor)
    }

    @Test func classesAreFewAndCountable() {
        #expect(MapChart.classes([]).isEmpty)
        #expect(MapChart.classes([0, 0]).map { [$0.lower, $0.upper] } == [[0, 0]])
        #expect(MapChart.classes([0, 3, 3, 7]).map { [$0.lower, $0.upper] } == [[0, 0], [3, 3], [7, 7]])
        #expect(MapChart.classes([1, 2, 3, 4, 5, 37]).map { [$0.lower, $0.upper] } == [[1, 10], [11, 20], [21, 30], [31, 40]])
        #expect(MapChart.classes([0, 2_026, 683, 585, 594, 654, 179]).count == 6)
        // Lighter to darker: every class darker than the one before (WCAG luminance).
        let c = MapChart.classes([0, 1, 2, 3, 4, 5])
        for k in 1..<c.count { #expect(WCAG.luminance(c[k].color) < WCAG.luminance(c[k - 1].color)) }
        #expect(abs(WCAG.luminance(MapChart.noDataColor) - WCAG.luminance(MapChart.zeroColor)) > 0.3)
    }

    /// The unjoined are named under the map; a dataset over several provinces gets a map of each.
    @Test func unjoinedJurisdictionsAreNamed() throws {
        let d = Dataset(
            events: [],
            jurisdictions: [
                Jurisdiction(id: "jb", name: "Jawa Barat", level: .provinsi, parent: nil, kode: "32"),
                Jurisdiction(id: "x", name: "Kota Antah Berantah", level: .kota, parent: 0)
            ], elections: [], name: "unjoined")
        let plan = try Self.map(d).layout(options: ChartOptions(language: .en))
        #expect(plan.unjoined == ["Kota Antah Berantah"])
        #expect(plan.chart.texts.contains { $0.text == "Not mapped (no matching kode or official name): Kota Antah Berantah" })
    }

    /// All 514 kabupaten/kota laid out and drawn (the bench times it): every region, and the
    /// marks that draw them.
    @Test func allOfIndonesiaIsLaidOut() throws {
        let d = Dataset(events: [], jurisdictions: [], elections: [], name: "all")
        let plan = try Self.map(d, area: .kabkota).layout()
        #expect(plan.regions.count == 514)
        #expect(Set(plan.regions.map(\.kode)).count == 514)
        #expect(plan.projection.midLatitude > -3.5 && plan.projection.midLatitude < -2)
        let national = try Self.map(d, area: .provinces).layout()
        #expect(national.regions.count == 38)
    }

    @Test func everyMapPhraseHasBothLanguages() {
        for p in Strings.mapSamples { #expect(!p.id.isEmpty && !p.en.isEmpty && p.id != p.en, "\(p)") }
        #expect(Strings.mapShortName("Kabupaten Bekasi") == "Kab. Bekasi")
        #expect(Strings.mapShortName("Kota Bekasi") == "Kota Bekasi")
        #expect(Strings.mapShortName("Kota Administrasi Jakarta Pusat") == "Kota Adm. Jakarta Pusat")
        #expect(MapMeasure(argument: "tally:ASN:alleged") == .tally(unit: "ASN", status: .alleged))
        #expect(MapMeasure(argument: "tally:dugaan pelanggaran") == .tally(unit: "dugaan pelanggaran", status: nil))
        #expect(MapMeasure(argument: "incidents") == .incidents)
        #expect(MapMeasure(argument: "tally:") == nil && MapMeasure(argument: "people") == nil)
    }
}
