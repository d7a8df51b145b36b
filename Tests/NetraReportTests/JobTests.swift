import Testing
import NetraCore
import NetraAnalytics
import NetraRender
@testable import NetraReport
import NetraTestSupport
@testable import NetraLoad
@testable import NetraWrite

let root = TestPaths.packageRoot

/// The shipped dataset, loaded and analysed once for the target's tests (some 60 ask for it).
private let shippedAnalysis = Result { Analysis(dataset: try DatasetLoader.load(directory: root + "/datasets/bekasi-2024")) }

func shipped() throws -> Analysis {
    try shippedAnalysis.get()
}

@Suite struct JobTests {
    @Test func reportHasEveryChartAndExportUnderStableNames() throws {
        let files = ReportJob.build(try shipped(), options: JobOptions(fonts: try FontSet.resolve()))
        #expect(
            files.map(\.name) == [
                "monthly.png", "monthly-indonesia.png", "monthly-jawa-barat.png", "monthly-kota-bekasi.png", "monthly-kabupaten-bekasi.png",
                // Every tally series drawn: three images at 1600 × 900 (issue 27, point 3).
                "timeline.png", "compare.png", "leadtimes.png", "cases.png", "cases-2.png", "cases-3.png", "clocks.png", "cases.csv", "case-clocks.csv",
                "map-jawa-barat.png", "report.html",
                "events.csv", "monthly.csv", "monthly-rollup.csv", "leadtimes.csv", "leadtime-summary.csv", "trends.csv", "tallies.csv", "compare.csv",
                "netra.xlsx"
            ])
        // PNG signature on every chart; the workbook is a zip.
        for f in files where f.name.hasSuffix(".png") { #expect(Array(try f.bytes().prefix(4)) == [0x89, 0x50, 0x4E, 0x47]) }
        for f in files where f.name.hasSuffix(".xlsx") { #expect(Array(try f.bytes().prefix(4)) == [0x50, 0x4B, 0x03, 0x04]) }
    }

    @Test func januaryFiguresWorkedOutByHand() throws {
        let january = Month(year: 2024, month: 1)
        let a = try shipped().asOf(january.lastDay)
        let f = BriefingFigures(a, month: january)
        #expect(f.asOf == Day(year: 2024, month: 1, day: 31))
        // 2 Jan report, 3 Jan statement, 4 Jan registration, 5 Jan tally, and eight events on 22 Jan
        // (three tallies: Radar Bekasi's 20, detik's 8 ASN and 67; the session, two statements, the banners, the ruling),
        // the request for its correction on 26 Jan and KAMMI's statement on 29 Jan: 14 events, of
        // which the four tallies are no activity of the month.
        #expect(f.events.count == 14 && f.tallies == 4 && f.total == 10)
        // December: the sosialisasi, the Tim Pengawas, the photo; the Pj Bupati's blue shirt of
        // 1 Dec was not public until 5 Feb 2024.
        #expect(f.previousTotal == 3)
        // The jersey photo of 29 Dec became news in January: January's one new incident.
        #expect(f.newIncidentsReported.map { a.dataset.events.id($0) } == ["kota-2023-12-29-jersey-photo"])
        #expect(f.newIncidentsOccurred.isEmpty)
        #expect(f.signatoriesSoFar == 24013)
        #expect(f.nextElection.map { a.dataset.elections[$0.index].id } == "pemilu-2024")
        #expect(f.nextElection?.days == 14)
        // Reports so far: the jersey report (4 days). The Bapenda report's 0 is zero by
        // construction (the gathering is dated by its report) and not counted.
        #expect(f.firstReport.values == [LeadValue(days: 4, atLeast: false)])
        #expect(f.firstReport.median == nil && f.firstResponse.isEmpty)
    }

    /// December 2023 as it stood on 31 December: the jersey photo (29 Dec) was first
    /// reported on 4 January and the 24,013 signatures too, so neither is counted yet.
    @Test func decemberAsOfItsLastDayKnowsNothingOfJanuary() throws {
        let december = Month(year: 2023, month: 12)
        let a = try shipped().asOf(december.lastDay)
        let f = BriefingFigures(a, month: december)
        let ids = f.events.map { a.dataset.events.id($0) }
        // Only the Tim Pengawas and its session (6 Dec, reported 7 Dec).
        #expect(ids == ["kab-2023-12-06-sosialisasi", "kab-2023-12-06-tim-pengawas"])
        #expect(f.newIncidentsReported.isEmpty)
        #expect(f.signatoriesSoFar == nil)
        // The pledge of 2 Nov was public that day, but Rakyat Bekasi's article came out on
        // 4 Jan: it takes part, its reporting lag (63 days) is not known yet.
        #expect(a.dataset.eventsByID["kota-2023-11-02-pledge"] != nil)
        let lags = a.leadTimes.filter { $0.measure == .reportingLag }.map { a.dataset.events.id($0.event) }
        #expect(!lags.contains("kota-2023-11-02-pledge"))
        let january = try shipped().asOf(Month(year: 2024, month: 1).lastDay)
        #expect(january.leadTimes.contains { $0.measure == .reportingLag && january.dataset.events.id($0.event) == "kota-2023-11-02-pledge" && $0.days == 63 })
        #expect(a.dataset.events.indices.allSatisfy { a.dataset.events.dates[$0].anchor <= december.lastDay })
        #expect(a.dataset.events.indices.allSatisfy { a.dataset.knownDay($0) <= december.lastDay })
        let rows = Dictionary(uniqueKeysWithValues: f.rows(a.dataset).map { ($0.figure, $0.value) })
        #expect(rows["as_of"] == "2023-12-31")
        #expect(rows["events"] == "2")
        #expect(rows["new_incidents_reported"] == "0" && rows["new_incidents_occurred"] == "0")
        #expect(rows["pledge_signatories"] == "")
        #expect(rows["next_election"] == "pemilu-2024")
        #expect(rows["days_to_next_election"] == "45")
        // The sheet says the day and shows the unknown signatories as unknown, not 0.
        let texts = try BriefingSheet.layout(a, figures: f, language: .id, fonts: try FontSet.resolve()).flatMap(\.chart.texts)
        #expect(texts.contains { $0.text.hasPrefix("Data per 31 Desember 2023") })
        #expect(texts.contains { $0.text == "—" })
        #expect(!texts.contains { $0.text.contains("24.013") })
    }

    /// The briefing job cuts an analysis of everything to the month's end by itself.
    @Test func theBriefingJobStandsOnTheMonthsLastDayByDefault() throws {
        let files = BriefingJob.build(try shipped(), month: Month(year: 2023, month: 12), options: JobOptions(fonts: try FontSet.resolve()))
        let figures = try #require(files.first { $0.name == "briefing-2023-12/figures.csv" })
        let text = String(decoding: try figures.bytes(), as: UTF8.self)
        #expect(text.hasPrefix("figure,value\nas_of,2023-12-31\nevents,2\n"))
        #expect(text.contains("\npledge_signatories,\n"))
    }

    @Test func namesFromTheDataStayInsideTheOutputFolder() {
        #expect(OutputFolder.safeName("../../x") == "_._.._x")
        #expect(!OutputFolder.safeName("a/b\\c").contains("/"))
        #expect(BriefingJob.folderName(Month(year: 2024, month: 1)) == "briefing-2024-01")
    }
}

@Suite struct WorkbookInReportTests {
    /// A dataset too big to browse in a spreadsheet: the report keeps its CSVs, no workbook.
    @Test func aBigDatasetsReportHasNoWorkbook() throws {
        let f = SyntheticDataset.make(events: ReportJob.workbookEventLimit + 1, seed: 3)
        let d = try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections), events: ("v", f.events))
        let names = ReportJob.build(Analysis(dataset: d), options: JobOptions(fonts: try FontSet.resolve())).map(\.name)
        #expect(names.contains("events.csv") && !names.contains("netra.xlsx"))
    }
}
