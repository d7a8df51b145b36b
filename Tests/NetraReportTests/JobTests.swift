import Testing
import NetraCore
import NetraAnalytics
import NetraRender
@testable import NetraReport

let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

func shipped() throws -> Analysis {
    Analysis(dataset: try DatasetLoader.load(directory: root + "/datasets/bekasi-2024"))
}

@Suite struct JobTests {
    @Test func reportHasEveryChartAndExportUnderStableNames() throws {
        let files = ReportJob.build(try shipped(), options: JobOptions(fonts: try FontSet.resolve()))
        #expect(files.map(\.name) == [
            "monthly.png", "monthly-indonesia.png", "monthly-jawa-barat.png", "monthly-kota-bekasi.png", "monthly-kabupaten-bekasi.png",
            "timeline.png", "compare.png", "leadtimes.png", "cases.png",
            "events.csv", "monthly.csv", "monthly-rollup.csv", "leadtimes.csv", "leadtime-summary.csv", "compare.csv",
        ])
        // PNG signature on every chart.
        for f in files where f.name.hasSuffix(".png") { #expect(Array(try f.bytes().prefix(4)) == [0x89, 0x50, 0x4E, 0x47]) }
    }

    @Test func januaryFiguresWorkedOutByHand() throws {
        let a = try shipped()
        let f = BriefingFigures(a, month: Month(year: 2024, month: 1))
        // 2 Jan report, 3 Jan statement, 4 Jan registration, 5 Jan tally, and eight events on 22 Jan
        // (three tallies: Radar Bekasi's 20, detik's 8 ASN and 67; the session, two statements, the banners, the ruling).
        #expect(f.total == 12)
        #expect(f.previousTotal == 3)
        #expect(f.newIncidents.isEmpty)
        #expect(f.signatoriesSoFar == 24013)
        #expect(f.nextElection.map { a.dataset.elections[$0.index].id } == "pemilu-2024")
        #expect(f.nextElection?.days == 14)
        // Reports so far: the Bapenda report (0 days) and the jersey report (4 days).
        #expect(f.medianFirstReport?.description == "2")
        #expect(f.medianFirstResponse == nil)
    }

    @Test func sheetKeepsEveryTextInsideThePageAndSaysWhenAMonthIsEmpty() throws {
        let a = try shipped()
        let fonts = try FontSet.resolve()
        for (month, lang) in [(Month(year: 2024, month: 1), Language.id), (Month(year: 2024, month: 3), .en)] {
            let f = BriefingFigures(a, month: month)
            let sheet = try BriefingSheet.render(a, figures: f, charts: [], language: lang, fonts: fonts)
            let page = ChartRect(x: 0, y: 0, width: Double(BriefingSheet.width), height: Double(BriefingSheet.height))
            for t in sheet.plan.texts { #expect(page.contains(t.box), "'\(t.text)' leaves the page") }
            if f.events.isEmpty {
                #expect(sheet.plan.texts.contains { $0.text == "No events recorded in March 2024." })
            } else {
                #expect(sheet.plan.listed + sheet.plan.leftOut == 12)
                #expect(sheet.plan.texts.contains { $0.text == "Ringkasan Bulanan — Januari 2024" })
            }
        }
    }

    @Test func namesFromTheDataStayInsideTheOutputFolder() {
        #expect(OutputFolder.safeName("../../x") == "_._.._x")
        #expect(!OutputFolder.safeName("a/b\\c").contains("/"))
        #expect(BriefingJob.folderName(Month(year: 2024, month: 1)) == "briefing-2024-01")
    }
}
