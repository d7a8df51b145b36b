import Foundation
import Testing
import NetraTestSupport

/// Issue 32, point 6: the office's browser (headless Chromium through chromedriver and
/// Selenium, Debian's packages, installed by `make deps-browser`) logs in, uploads the shipped
/// dataset as a workbook through the form (seeing its place in the queue while two uploads
/// through the API hold both slots), sees the report, opens the February 2024 briefing
/// and downloads it, at 1280 and 390 px, with no console message and no request off the server.
@Suite("netra serve in a browser", .serialized, .removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun)
struct ServeBrowserTests {
    static let script = Paths.root + "/Tests/NetraServeTests/browser_e2e.py"
    static let available =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && ((try? runProgram("/usr/bin/python3", ["-c", "import selenium, openpyxl"]))?.status == 0)
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: available || required, "chromium-driver and python3-selenium: `make deps-browser` installs them"))
    func anAnalystUploadsAndTakesHomeTheBriefing() throws {
        let dir = Paths.tempDir("browser")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hash = try runProgram(Paths.netra, ["serve", "--hash-password"], stdin: "rahasia-kantor\n")
        try hash.stdout.write(toFile: dir + "/pw", atomically: true, encoding: .utf8)
        let s = try Server(["--password-file", dir + "/pw"])
        let r = try runProgram("/usr/bin/timeout", ["600", "/usr/bin/python3", Self.script, s.base, "rahasia-kantor", Paths.shipped, dir])
        #expect(r.status == 0, "\(r.stderr.suffix(3000))")
        let runs = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]] ?? []
        #expect(runs.map { $0["width"] as? Int } == [1280, 390])
        for run in runs {
            let width = run["width"] as? Int ?? 0
            let steps = run["steps"] as? [[Any]] ?? []
            #expect(steps.count == 9, "\(width): \(steps)")
            for step in steps { #expect(step.last as? Bool == true, "\(width) px: \(step.first ?? "?") failed") }
            #expect((run["console"] as? [String]) == [], "\(width) px: console \(run["console"] ?? "?")")
            #expect((run["off_server"] as? [String]) == [], "\(width) px: requests off the server \(run["off_server"] ?? "?")")
            #expect(run["overflow"] as? Bool == false && run["overflow_briefing"] as? Bool == false, "\(width) px: wider than the screen")
            #expect((run["small_targets"] as? [String]) == [], "\(width) px: targets under 44 px \(run["small_targets"] ?? "?")")
            #expect(run["download"] as? String == "briefing-bekasi-2024-02.png")
            // Two uploads held both slots: the form's waited first in line, and the page's own
            // script (static/queue.js) asked the server for its place while it waited.
            #expect(run["queue_text"] as? String == "Menunggu giliran: posisi 1 dalam antrean", "\(width) px")
            let ticket = run["ticket"] as? String ?? "?"
            #expect(ticket.count == 32 && s.log.contains("GET /api/queue/\(ticket) 200"), "\(width) px: the page never asked for its place")
        }
        #expect(runs.last?["viewport"] as? Int == 390)
        // Both uploads are versions, the browsers' names on them.
        let versions = try s.request("GET", "/api/workspaces/bekasi/versions", user: "x:rahasia-kantor").json() as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["uploader"] as? String }.filter { $0.hasPrefix("Browser") } == ["Browser 390", "Browser 1280"])
        #expect(versions.count == 6, "two held uploads with each browser's")
        #expect(versions.allSatisfy { $0["events"] as? Int == 66 })
        #expect(s.stop() == 0)
    }
}
