import Testing
import NetraCore
import NetraText
@testable import NetraAnalytics

/// Issue 13, point 5: a lead time resting on an inexact date is the range of values its
/// dates allow, carried by the series so that the chart does not work it out again.
@Suite struct LeadTimeRangeTests {
    func series(_ a: Analysis, _ measure: LeadTimeMeasure, _ j: String) throws -> LeadTimeSeries {
        try #require(a.leadTimeSeries(label: { $0.rawValue }).first { $0.measure == measure.rawValue && $0.jurisdiction == j })
    }

    @Test func inexactPreventionLeadsAreRanges() throws {
        let a = try #require(shipped)
        let kab = try series(a, .prevention, "kabupaten-bekasi")
        #expect(kab.count == 10 && kab.hasRanges)
        // Keputusan Bupati …/2023 (year only) to Pemilu 14 Feb 2024: from 31 Dec 2023 (45 days)
        // to 1 Jan 2023 (409 days, the anchor the CSV writes).
        #expect(kab.ranges.contains(LeadTimeRange(day: 409, low: 45, high: 409)))
        // The Satgas, "already formed" on 22 Nov 2023: at least 84 days, with no upper bound.
        #expect(kab.ranges.contains(LeadTimeRange(day: 84, low: 84, high: nil)))
        // Circular 3771, reported on 19 Aug 2024, to the Pilkada of 27 Nov: at least 100 days.
        #expect(kab.ranges.contains(LeadTimeRange(day: 100, low: 100, high: nil)))
        // Every inexact value has its range, each holding its anchor's figure.
        #expect(kab.ranges.count == kab.bins.reduce(0) { $0 + $1.inexact })
        for r in kab.ranges { #expect((r.low ?? .min) <= r.day && r.day <= (r.high ?? .max)) }
        // Exact rows carry none.
        #expect(try series(a, .prevention, "kota-bekasi").ranges.isEmpty)
    }

    @Test func aResponseToAnOnOrBeforePhotoStartsAtZeroAndIsOpen() throws {
        let a = try #require(shipped)
        // The Kesbangpol photo is known only by 13 May 2024, the promised reprimand is of that day.
        // Its range is [0, ∞): zero by construction, so the chart's series leave it out.
        let promise = try #require(a.leadTimes.first { $0.measure == .response && a.dataset.events.id($0.event) == "kota-2024-05-13-kesbangpol-photo" })
        #expect(a.leadTimeRange(promise) == LeadTimeRange(day: 0, low: 0, high: nil))
        #expect(a.leadTimeSeries(label: { $0.rawValue }).first { $0.measure == "response" && $0.jurisdiction == "kota-bekasi" } == nil)
        // Reporting lag of the 2023 decree (year only): the report cannot precede the decree.
        let lag = try series(a, .reportingLag, "kabupaten-bekasi")
        #expect(lag.ranges.allSatisfy { ($0.low ?? 0) >= 0 })
        // Published 7 Dec 2023, the decree is 340 days old by its anchor, 0 at the least.
        #expect(lag.ranges.contains(LeadTimeRange(day: 340, low: 0, high: 340)))
    }

    @Test func aLargeSeriesCarriesNoRanges() {
        let many = (0..<300).map { LeadTimeBin(day: $0, exact: 0, inexact: 1) }
        let s = LeadTimeSeries(
            measure: "m", jurisdiction: "j", bins: many,
            ranges: (0..<300).map { LeadTimeRange(day: $0, low: $0, high: $0 + 10) })
        #expect(s.ranges.isEmpty && !s.hasRanges)
    }

    @Test func everyPrecisionPhraseHasBothLanguages() {
        for p in PrecisionText.all { #expect(!p.id.isEmpty && !p.en.isEmpty && p.id != p.en) }
        #expect(PrecisionText.leadRowFigure(median: nil, n: "2").text(.id) == "n = 2 · tanpa median (n < 3)")
        #expect(PrecisionText.leadRowFigure(median: "1", n: "3").text(.en) == "median 1 day · n = 3")
    }
}
