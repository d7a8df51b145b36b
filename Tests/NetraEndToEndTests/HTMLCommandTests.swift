import Testing
import Foundation
import NetraTestSupport

/// `netra html` writes report.html alone, in the language and as of the day asked for;
/// `netra report` writes it beside the charts and exports.
@Suite(.removingTemporaryFolders) struct HTMLCommandTests {
    @Test func htmlWritesThePageAloneInEnglishAsOfADay() throws {
        let out = Netra.tempDir("html-en")
        let r = try Netra.run(["html", "--lang", "en", "--as-of", "2024-01-10", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Netra.files(in: out) == ["report.html"])
        #expect(r.stdout.contains("report.html"))
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(page.contains("Data as of 10 January 2024"))
        #expect(page.contains("<h2>Event list</h2>"))
        // The 22 January session at Gedung Sate had not happened yet.
        #expect(!page.contains("data-event-id=\"jabar-2024-01-22-sosialisasi-gedung-sate\""))
        #expect(page.contains("data-event-id=\"kota-2023-11-02-pledge\""))
    }

    @Test func reportWritesThePageBesideTheChartsAndExports() throws {
        let out = Netra.tempDir("report-html")
        #expect(try Netra.run(["report", "--out", out, "--quiet"]).status == 0)
        let files = Netra.files(in: out)
        #expect(files.contains("report.html") && files.contains("events.csv") && files.contains("timeline.png"))
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"id\">"))
        #expect(page.contains("<h2>Angka kunci</h2>"))
    }

    /// The filters of issue 18 reach the page: only Kota Bekasi's four incidents (the Bapenda
    /// gathering, the lurah allegation, the jersey photo, the Kesbangpol photo), and the page says so.
    @Test func htmlFollowsTheFilters() throws {
        let out = Netra.tempDir("html-filter")
        let r = try Netra.run(["html", "--jurisdiction", "kota-bekasi", "--kind", "incident", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.contains("<p class=\"selection\">Kota Bekasi · insiden</p>"))
        let ids = Set(page.matches(of: /"id":"((?:kota|kab|jabar|nas)-[0-9]{4}[a-z0-9-]*)"/).map { String($0.output.1) })
        #expect(
            ids == [
                "kota-2023-09-18-bapenda-gathering", "kota-2023-11-05-lurah-volunteer-allegation",
                "kota-2023-12-29-jersey-photo", "kota-2024-05-13-kesbangpol-photo"
            ])
    }

    @Test func anInvalidDatasetWritesNoPage() throws {
        let dataset = try Netra.brokenDataset("elections.csv", "id,name,date,scope\npemilu,Pemilu,2024-02-30,indonesia\n")
        let out = Netra.tempDir("html-bad")
        let r = try Netra.run(["html", "--dataset", dataset, "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("elections.csv:2:"))
        #expect(Netra.files(in: out).isEmpty)
    }
}
