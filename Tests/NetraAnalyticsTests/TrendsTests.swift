import Testing
import NetraTestSupport
import NetraCore
import NetraText
@testable import NetraLoad
@testable import NetraAnalytics

/// Change labels (issue 18, point 2): each month against the mean of the three before.
@Suite struct TrendsTests {
    static let jurisdictions = [
        Jurisdiction(id: "indonesia", name: "Indonesia", level: .nasional, parent: nil),
        Jurisdiction(id: "jawa-barat", name: "Jawa Barat", level: .provinsi, parent: 0),
        Jurisdiction(id: "kota-bekasi", name: "Kota Bekasi", level: .kota, parent: 1),
        Jurisdiction(id: "kabupaten-bekasi", name: "Kabupaten Bekasi", level: .kabupaten, parent: 1)
    ]

    static func event(_ id: String, _ month: Int, jurisdiction: JurisdictionIndex = 2) -> Event {
        let day = Day(year: 2024, month: month, day: 10) ?? Day(ordinal: 0)
        return Event(
            id: id, date: EventDate(written: WrittenDate(anchor: day, form: .day), precision: .day),
            kind: .statement, jurisdiction: jurisdiction, title: id, source: "x")
    }

    /// Kota Bekasi's events per month of 2024, January to October, and one in Kabupaten Bekasi in April.
    static let perMonth = [3, 3, 3, 4, 3, 4, 2, 3, 6, 3]

    static func analysis() -> Analysis {
        var events: [Event] = []
        for (m, n) in perMonth.enumerated() { for k in 0..<n { events.append(event("k\(m)-\(k)", m + 1)) } }
        events.append(event("kab", 4, jurisdiction: 3))
        return Analysis(dataset: Dataset(events: events, jurisdictions: jurisdictions, elections: [], name: "t"))
    }

    static func rows(_ a: Analysis) -> [String] {
        String(decoding: a.export(.trends), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func everyBandWorkedOutByHand() {
        let rows = Self.rows(Self.analysis())
        #expect(rows.first == "month,jurisdiction,events,baseline,change_pct,label")
        // Ten months from the first to the last with events, for the four jurisdictions.
        #expect(rows.count == 1 + 10 * 4)
        #expect(
            rows.filter { $0.contains(",kota-bekasi,") } == [
                "2024-01,kota-bekasi,3,,,low_baseline",  // no three months before the first
                "2024-02,kota-bekasi,3,,,low_baseline",
                "2024-03,kota-bekasi,3,,,low_baseline",
                "2024-04,kota-bekasi,4,3.0,33.3,large_increase",  // (4 − 9/3) / 3
                "2024-05,kota-bekasi,3,3.3,-10.0,stable",  // (3 − 10/3) / (10/3): −10 is stable
                "2024-06,kota-bekasi,4,3.3,20.0,moderate_increase",
                "2024-07,kota-bekasi,2,3.7,-45.5,large_decrease",  // (2 − 11/3) / (11/3) = −45.45…
                "2024-08,kota-bekasi,3,3.0,0.0,stable",
                "2024-09,kota-bekasi,6,3.0,100.0,large_increase",
                "2024-10,kota-bekasi,3,3.7,-18.2,moderate_decrease"  // (3 − 11/3) / (11/3) = −18.18…
            ])
        // Under 3 a month before it: low, whatever the change.
        #expect(rows.contains("2024-04,kabupaten-bekasi,1,0.0,,low_baseline"))
        #expect(rows.contains("2024-07,kabupaten-bekasi,0,0.3,,low_baseline"))
        // Rolled up: Jawa Barat and Indonesia hold both; April has 5 against 9/3.
        #expect(rows.contains("2024-04,jawa-barat,5,3.0,66.7,large_increase"))
        #expect(rows.contains("2024-04,indonesia,5,3.0,66.7,large_increase"))
        #expect(rows.contains("2024-05,indonesia,3,3.7,-18.2,moderate_decrease"))
    }

    @Test func bandsAtTheirEdges() {
        #expect(TrendLabel(changeTenths: 251) == .largeIncrease)
        #expect(TrendLabel(changeTenths: 250) == .moderateIncrease)
        #expect(TrendLabel(changeTenths: 101) == .moderateIncrease)
        #expect(TrendLabel(changeTenths: 100) == .stable)
        #expect(TrendLabel(changeTenths: -100) == .stable)
        #expect(TrendLabel(changeTenths: -101) == .moderateDecrease)
        #expect(TrendLabel(changeTenths: -250) == .moderateDecrease)
        #expect(TrendLabel(changeTenths: -251) == .largeDecrease)
        // A baseline of exactly 3 a month is compared; 8 in three months is not.
        #expect(TrendPoint(month: Month(index: 0), jurisdiction: nil, events: 3, baselineSum: 9).label == .stable)
        #expect(TrendPoint(month: Month(index: 0), jurisdiction: nil, events: 30, baselineSum: 8).label == .lowBaseline)
    }

    @Test func theBriefingMonthInWords() {
        let a = Self.analysis()
        let f = BriefingFigures(a.asOf(Month(year: 2024, month: 7).lastDay), month: Month(year: 2024, month: 7))
        // The whole dataset: 2 in July against (5 + 3 + 4) / 3.
        #expect(f.trend.label == .largeDecrease)
        #expect(Strings.trendLine(f.trend).text(.id) == "Tren: turun tajam · 2 peristiwa, rata-rata 3 bulan sebelumnya 4,0 (−50,0%)")
        #expect(Strings.trendLine(f.trend).text(.en) == "Trend: large decrease · 2 events against a mean of 4.0 over the 3 months before (−50.0%)")
        let rows = f.rows(a.dataset).filter { $0.figure.hasPrefix("trend") }.map { "\($0.figure)=\($0.value)" }
        #expect(rows == ["trend=large_decrease", "trend_baseline=4.0", "trend_change_pct=-50.0"])
        // Too early to say, and said so.
        let early = BriefingFigures(a.asOf(Month(year: 2024, month: 2).lastDay), month: Month(year: 2024, month: 2))
        #expect(Strings.trendLine(early.trend).text(.id) == "Tren: data terlalu sedikit · 3 peristiwa; belum ada 3 bulan data sebelumnya")
        // A month after the last with events counts 0 against the months before.
        let after = Trends.total(a.monthlyTable, month: Month(year: 2024, month: 11))
        #expect(after.events == 0 && after.baselineSum == 3 + 6 + 3 && after.label == .largeDecrease)
    }

    @Test func shippedJanuary2024() throws {
        // Not a count of the shipped rows: whatever they are, the CSV's row for Indonesia
        // agrees with monthly-rollup's totals of the three months before.
        let a = Analysis(dataset: try DatasetLoader.load(directory: TestPaths.packageRoot + "/datasets/bekasi-2024"))
        var perMonth: [String: Int] = [:]
        // Activity: every kind but case tallies.
        for r in a.monthly(rollup: true) where a.dataset.jurisdictions[r.jurisdiction].id == "indonesia" && r.kind.countsAsActivity {
            perMonth[r.month.iso, default: 0] += r.events
        }
        let s = ["2023-10", "2023-11", "2023-12"].reduce(0) { $0 + (perMonth[$1] ?? 0) }
        let e = perMonth["2024-01"] ?? 0
        let row = Self.rows(a).first { $0.hasPrefix("2024-01,indonesia,") }
        let p = TrendPoint(month: Month(year: 2024, month: 1), jurisdiction: 0, events: e, baselineSum: s)
        #expect(row == "2024-01,indonesia,\(e),\(p.baselineTenths.map(Trends.tenths) ?? ""),\(p.changeTenths.map(Trends.tenths) ?? ""),\(p.label.rawValue)")
        #expect(e > 0)
    }
}
