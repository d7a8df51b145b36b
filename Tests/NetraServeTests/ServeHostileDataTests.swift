import Foundation
import Testing
import NetraTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 32, point 5: every page of the server passes the no-script-from-data tests `report.html`
/// passes (Tests/NetraEndToEndTests/HTMLBrowserTests: the hostile title, a `javascript:` source
/// address, markup in a quote; Tests/NetraReportTests/MarkdownEscapingTests: markup in a
/// jurisdiction's name): the home page, a workspace's page with its versions, the diff, an upload
/// refused with its problems and the briefing page, built from those values, show them as text
/// and run no script but the server's own file.
@Suite("netra serve: no script from the data", .serialized, .removingTemporaryFolders)
struct ServeHostileDataTests {
    /// A title that would run a script if it reached a page as markup (it would set `data-pwned`
    /// on the body, which the browser's dump would show).
    static let hostileTitle = "</script><img src=x onerror=document.body.dataset.pwned=1>"
    static let escapedTitle = "&lt;/script&gt;&lt;img src=x onerror=document.body.dataset.pwned=1&gt;"
    static let hostileName = "Kota <img src=x onerror=alert(1)>"
    static let escapedName = "Kota &lt;img src=x onerror=alert(1)&gt;"

    /// HTMLBrowserTests' five events (the hostile title, `javascript:alert(1)` as a source, a quote
    /// with markup), MarkdownEscapingTests' jurisdiction name; `extra` rows added for the diff.
    static func dataset(_ dir: String, title: String = hostileTitle, extra: [String] = []) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let header =
            "id,date,precision,end_date,kind,jurisdiction,title,title_en,actors,place,count,unit,status,links,source,source_url,source_date,known_date,quote,notes"
        let rows =
            [
                "inc-1,2024-01-02,day,,incident,kota-bekasi,\"\(title.replacingOccurrences(of: "\"", with: "\"\""))\",,,,,,,,Radar Uji,javascript:alert(1),2024-01-03,,kutipan <b>tebal</b>,",
                "inc-2,2024-02,month,,incident,kabupaten-bekasi,Foto ASN dengan gestur angka,,,,,,alleged,,Media Uji,https://example.org/a?x=1&y=2,2024-02-20,,,",
                "sos-1,2023-12-06,day,,sosialisasi,kabupaten-bekasi,Sosialisasi netralitas,,,,,,,,Media Uji,https://example.org/b,2023-12-07,,,",
                "dec-1,2024-01-22,day,,decision,kota-bekasi,Putusan Bawaslu,,,,,,dismissed,decides:inc-1,Media Uji,https://example.org/c,2024-01-23,,,",
                "st-1,2024-01-03,on-or-before,,statement,jawa-barat,\"Pernyataan \"\"Tom & Jerry\"\"\",,,,,,,,Media Uji,https://example.org/d,2024-01-03,,,"
            ] + extra
        try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        try """
        id,name,level,parent
        indonesia,Indonesia,nasional,
        jawa-barat,Jawa Barat,provinsi,indonesia
        kota-bekasi,\(hostileName),kota,jawa-barat
        kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat

        """.write(toFile: dir + "/jurisdictions.csv", atomically: true, encoding: .utf8)
        try "id,name,date,scope\npemilu-2024,Pemilu 2024,2024-02-14,indonesia\n".write(toFile: dir + "/elections.csv", atomically: true, encoding: .utf8)
    }

    static func form(_ dir: String) -> [String] {
        ["events.csv=@\(dir)/events.csv", "jurisdictions.csv=@\(dir)/jurisdictions.csv", "elections.csv=@\(dir)/elections.csv"]
    }

    /// What `report.html`'s tests ask of its markup, asked of a page of the server.
    static func expectNoScriptFromData(_ html: String, _ page: String, shows: [String]) {
        for raw in [hostileTitle, hostileName, "<img src=x", "<b>tebal</b>"] { #expect(!html.contains(raw), "\(page): \(raw) as markup") }
        #expect(!html.contains("href=\"javascript:") && !html.contains("src=\"javascript:") && !html.lowercased().contains("javascript:alert(1)\""), "\(page)")
        // The only script is the server's static file; no handler attribute, no inline script.
        #expect(html.components(separatedBy: "<script").count - 1 == html.components(separatedBy: "<script src=\"/static/").count - 1, "\(page)")
        // (A value in quotes is the attribute's text: `value="… onerror=…"` is no handler.)
        let tags = html.components(separatedBy: "<").dropFirst().map {
            String($0.prefix { $0 != ">" }).replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
        }
        let handlers = tags.filter { $0.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) != nil }
        #expect(handlers.isEmpty, "\(page): a handler attribute in \(handlers)")
        // Every picture is the server's own.
        #expect(html.components(separatedBy: "<img ").dropFirst().allSatisfy { $0.hasPrefix("src=\"/api/") }, "\(page)")
        for text in shows { #expect(html.contains(text), "\(page) shows \(text) as text") }
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page's DOM after its scripts ran in headless Chromium, and its console lines.
    static func dumpDOM(_ url: String, scratch: String) throws -> (dom: String, console: [String]) {
        guard let chromium else { return ("", []) }
        let profile = scratch + "/chromium-\(UUID().uuidString)"
        let r = try runProgram(
            "/usr/bin/timeout",
            [
                "120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=3000", "--dump-dom", url
            ])
        return (r.stdout, r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") })
    }

    @Test func everyPageShowsHostileValuesAsTextAndRunsNoScriptFromThem() throws {
        let s = try Server()
        let v1 = s.scratch + "/v1", v2 = s.scratch + "/v2", bad = s.scratch + "/bad"
        try Self.dataset(v1)
        // The second version: the hostile event's title changed, and one more hostile event.
        try Self.dataset(
            v2, title: Self.hostileTitle + " (2)",
            extra: [
                "inc-3,2024-01-15,day,,incident,kota-bekasi,\"<svg onload=document.body.dataset.pwned=1>\",,,,,,,,Media Uji,javascript:alert(1),2024-01-16,,,"
            ])
        // Refused: an unknown kind and jurisdiction that are markup.
        try Self.dataset(bad, extra: ["inc-9,2024-01-05,day,,<img src=x onerror=alert(1)>,<b>tebal</b>,T,,,,,,,,S,,2024-01-05,,,"])

        // The workspace, its office a hostile title too, made through the page's form.
        let jar = s.scratch + "/cookies"
        let csrf = try #require(hiddenField("csrf", in: try s.request("GET", "/", cookies: jar).text))
        let office = Self.hostileTitle.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(try s.request("POST", "/settings", body: "csrf=\(csrf)&id=bekasi&office=\(office)&region=&pair=&lang=id", cookies: jar).status == 303)
        let up1 = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=Sari \(Self.hostileName)"] + Self.form(v1), cookies: jar)
        #expect(up1.status == 303, "\(up1.text)\n\(s.log)")
        let up2 = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=Budi \(Self.hostileTitle)"] + Self.form(v2), cookies: jar)
        #expect(up2.status == 303, "\(up2.text)")
        let refused = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=x"] + Self.form(bad), cookies: jar)
        #expect(refused.status == 422)

        let pages: [(name: String, path: String, html: String, shows: [String])] = [
            ("home", "/", try s.request("GET", "/", cookies: jar).text, [Self.escapedTitle]),
            (
                "workspace and versions", "/w/bekasi", try s.request("GET", "/w/bekasi", cookies: jar).text,
                [Self.escapedTitle, Self.escapedName, Self.escapedTitle]
            ),
            (
                "diff", "/w/bekasi/diff?a=1&b=2", try s.request("GET", "/w/bekasi/diff?a=1&b=2", cookies: jar).text,
                ["1 ditambah, 0 dihapus, 1 diubah", Self.escapedTitle, "&lt;svg onload=document.body.dataset.pwned=1&gt;"]
            ),
            ("upload refused", "", refused.text, ["<code>events.csv:7:", "&lt;img src=x onerror=alert(1)&gt;"]),
            (
                "briefing", "/w/bekasi/briefing?v=1&month=2024-01", try s.request("GET", "/w/bekasi/briefing?v=1&month=2024-01", cookies: jar).text,
                [Self.escapedTitle]
            )
        ]
        for p in pages {
            #expect(!p.html.isEmpty && p.html.contains("</html>"), "\(p.name): \(p.html.prefix(300))")
            Self.expectNoScriptFromData(p.html, p.name, shows: p.shows)
        }
        #expect(!pages[4].html.contains("<svg"), "nothing of version 2 in version 1's briefing")

        // In a real browser: the values are text in the page, no script ran, no console message.
        // Four Chromium launches: `make test` only (HTMLBrowserTests is tagged .slow for the same).
        if Self.chromium != nil && !TestRun.isFast {
            for p in pages where !p.path.isEmpty {
                let (dom, console) = try Self.dumpDOM(s.base + p.path, scratch: s.scratch)
                #expect(dom.contains("</body>"), "\(p.name): no page")
                #expect(!dom.contains("data-pwned"), "\(p.name): a script from the data ran")
                #expect(!dom.contains("<img src=\"x\""), "\(p.name)")
                #expect(dom.contains(Self.escapedTitle), "\(p.name): the title as text")
                #expect(console.isEmpty, "\(p.name): console \(console)")
            }
        }
        #expect(s.stop() == 0)
    }
}
