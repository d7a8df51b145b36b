import Testing
import NetraCore
@testable import NetraAnalytics
@testable import NetraLoad

/// A year typed 0024 for 2024: the months between the two dates hold no events, and the
/// table keeps rows only for the months that do. Dense over the span, a national dataset
/// (553 jurisdictions) made 24,000 months × 553 × 11 kinds × 4 arrays, 13 GB.
@Suite struct MonthlyTableSpanTests {
    static func dataset(jurisdictions n: Int) throws -> Dataset {
        var j = "id,name,level,parent\nindonesia,Indonesia,nasional,\n"
        for k in 0..<n { j += "kota-\(k),Kota \(k),kota,indonesia\n" }
        let header = "id,date,precision,end_date,kind,jurisdiction,title,actors,place,count,unit,status,links,source,source_url,source_date,quote,notes\n"
        let events =
            header
            + "typo,0024-02-06,day,,pledge,kota-1,Typo,,,100,ASN,,,src,,,,\n"
            + "now,2024-02-06,day,,pledge,kota-1,Now,,,50,ASN,,,src,,,,\n"
            + "year,2023,year,,regulation,kota-2,Only the year,,,,,,,src,,,,\n"
            + "later,2024-03-01,day,,incident,kota-2,Later,,,,,alleged,,src,,,,\n"
        return try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array(j.utf8)),
            elections: ("elections.csv", Array("id,name,date,scope\npemilu,Pemilu,2024-02-14,indonesia\n".utf8)),
            events: ("events.csv", Array(events.utf8)))
    }

    @Test func rowsOnlyForMonthsWithEvents() throws {
        let d = try Self.dataset(jurisdictions: 553)
        let t = MonthlyTable(d, rollup: true)
        #expect(t.first == Month(year: 24, month: 2))
        #expect(t.months == 2000 * 12 + 2)
        // February 24, January 2023 (the year-only regulation), February and March 2024.
        #expect(t.monthsWithEvents == [0, 23_987, 24_000, 24_001])
        #expect(t.events.count == 4 * 554 * EventKind.allCases.count)
        // Every figure where it was, rolled up to Indonesia; the months between count 0.
        let kota1 = try #require(d.jurisdictions.indices.first { d.jurisdictions[$0].id == "kota-1" })
        let indonesia = try #require(d.jurisdictions.indices.first { d.jurisdictions[$0].id == "indonesia" })
        #expect(t.events(month: 0, jurisdiction: kota1, kind: .pledge) == 1)
        #expect(t.countSum(month: 0, jurisdiction: indonesia, kind: .pledge) == 100)
        #expect(t.events(month: 12_000, jurisdiction: indonesia, kind: .pledge) == 0)
        #expect(t.countSum(month: 12_000, jurisdiction: indonesia, kind: .pledge) == nil)
        #expect(t.counted(month: 24_000, jurisdiction: indonesia, kind: .pledge) == 1)
        #expect(t.events(month: 23_987, jurisdiction: indonesia, kind: .regulation) == 1)
        #expect(t.events(month: 23_987, jurisdiction: indonesia, kind: .regulation, monthKnown: true) == 0)
        // What the monthly chart draws: every month of the span, gaps as zeros, the year apart.
        let c = t.kindCounts(within: nil)
        #expect(c.months.count == t.months && c.counts.count == t.months)
        #expect(c.counts.map { $0.reduce(0, +) }.reduce(0, +) == 3 && c.years == [2023])
        #expect(
            Counts.rows(t, d).map { "\($0.month.iso) \(d.jurisdictions[$0.jurisdiction].id) \($0.kind.rawValue) \($0.events)" }.sorted() == [
                "0024-02 indonesia pledge 1", "0024-02 kota-1 pledge 1", "2023-01 indonesia regulation 1", "2023-01 kota-2 regulation 1",
                "2024-02 indonesia pledge 1", "2024-02 kota-1 pledge 1", "2024-03 indonesia incident 1", "2024-03 kota-2 incident 1"
            ])
        // Trends list every month for the three jurisdictions with events, zeros between.
        let trends = Trends.rows(t, d)
        #expect(trends.count == 3 * t.months)
        #expect(
            trends.filter { $0.events > 0 }.map { "\($0.month.iso) \($0.jurisdiction.map { d.jurisdictions[$0].id } ?? "") \($0.events)" } == [
                "0024-02 indonesia 1", "0024-02 kota-1 1", "2023-01 indonesia 1", "2023-01 kota-2 1", "2024-02 indonesia 1", "2024-02 kota-1 1",
                "2024-03 indonesia 1", "2024-03 kota-2 1"
            ])
        #expect(Trends.total(t, month: Month(year: 2024, month: 3)).baselineSum == 1)
    }
}
