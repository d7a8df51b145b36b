import Testing
import Foundation
import NetraTestSupport

/// The map in `report.html`, opened in headless Chromium: inline SVG from the PNG's plan, each
/// region of the data a link to the page's own filter, nothing fetched, no console error.
@Suite(.serialized, .removingTemporaryFolders, .enabled(if: Browser.path != nil, Comment(rawValue: Browser.missing)), .tags(.slow), .leftOutOfTheFastRun)
struct HTMLMapBrowserTests {
    @Test func mapRegionsLinkToTheirFilter() throws {
        let file = try HTMLBrowserTests.page()
        let raw = try String(contentsOfFile: file, encoding: .utf8)
        // Joined by their official names (the test's jurisdictions have no kode); one map, wide and phone.
        #expect(raw.contains("id=\"chart-map-jawa-barat\""))
        #expect(raw.components(separatedBy: "<a href=\"#jurisdiction=kota-bekasi\">").count - 1 == 2)
        #expect(raw.components(separatedBy: "<a href=\"#jurisdiction=kabupaten-bekasi\">").count - 1 == 2)
        let (dom, console) = try Browser.dumpDOM(Browser.url(file, "selftest"))
        let body = Browser.bodyData(dom)
        #expect(body["data-errors"] == "[]")
        #expect(body["data-resources"] == "0")
        #expect(console.isEmpty, "console: \(console)")
        #expect(dom.contains("<a href=\"#jurisdiction=kota-bekasi\"><title>Kota Bekasi: 2</title>"))
        // The link's fragment is the page's own permalink: it filters to the region's events.
        let (kota, _) = try Browser.dumpDOM(Browser.url(file, "jurisdiction=kota-bekasi"))
        #expect(Set(Browser.eventElements(kota).filter { !$0.hidden }.map(\.id)) == ["inc-1", "dec-1"])
    }
}
