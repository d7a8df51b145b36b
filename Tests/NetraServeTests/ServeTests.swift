import Foundation
import Testing
import NetraTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 32: `netra serve` started for real on a loopback port, and talked to with curl as a
/// script, a browser and an attacker would.
@Suite("netra serve", .serialized, .removingTemporaryFolders)
struct ServeTests {
    /// The shipped dataset's three CSVs as multipart fields.
    static let shippedForm = [
        "events.csv=@\(Paths.shipped)/events.csv", "jurisdictions.csv=@\(Paths.shipped)/jurisdictions.csv",
        "elections.csv=@\(Paths.shipped)/elections.csv"
    ]

    /// The shipped dataset's events, as `netra validate` counts them.
    static let shippedEvents: Int = {
        let r = try? runProgram(Paths.netra, ["validate", "--dataset", Paths.shipped])
        let line = r?.stdout ?? ""
        return Int(line.dropFirst(4).prefix { $0.isNumber }) ?? -1
    }()

    static func workspace(_ s: Server, _ id: String = "bekasi", lang: String = "id") throws -> Answer {
        try s.request(
            "PUT", "/api/workspaces/\(id)", headers: ["Content-Type: application/json"],
            body: #"{"office":"Bawaslu Kota Bekasi","region":"32.75","pair":"kota-bekasi,kabupaten-bekasi","lang":"\#(lang)"}"#)
    }

    @Test func refusesToStartOffLoopbackWithoutAPassword() throws {
        let dir = Paths.tempDir("refuse")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runProgram(Paths.netra, ["serve", "--host", "0.0.0.0", "--port", "0", "--data", dir + "/data"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("0.0.0.0 is not a loopback address") && r.stderr.contains("--password-file"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/data"), "nothing is made before refusing")
    }

    @Test func theAPIStoresTheShippedDatasetAndServesItsFiles() throws {
        #expect(Self.shippedEvents == 66)
        let s = try Server()
        #expect(s.port > 0, "\(s.log)")
        let created = try Self.workspace(s)
        #expect(created.status == 201, "\(created.text)")
        #expect(try Self.workspace(s).status == 200, "the same PUT again updates")

        // The three CSVs as multipart.
        let up = try s.request("POST", "/api/workspaces/bekasi/versions?uploader=Sari", form: Self.shippedForm)
        #expect(up.status == 201, "\(up.text)\n\(s.log)")
        let stored = up.json() as? [String: Any]
        #expect(stored?["version"] as? Int == 1)
        #expect(stored?["events"] as? Int == Self.shippedEvents)
        #expect(stored?["warnings"] is Int)
        #expect(up.headers["location"] == "/api/workspaces/bekasi/versions/1")

        // A workbook as the body.
        let book = try s.request(
            "POST", "/api/workspaces/bekasi/versions",
            headers: ["Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "X-Netra-Uploader: Budi"],
            bodyFile: Paths.workbookFixture)
        #expect(book.status == 201, "\(book.text)")
        #expect((book.json() as? [String: Any])?["version"] as? Int == 2)

        let list = try s.request("GET", "/api/workspaces/bekasi/versions")
        #expect(list.status == 200)
        let versions = list.json() as? [[String: Any]] ?? []
        #expect(versions.map { $0["number"] as? Int } == [2, 1])
        #expect(versions.map { $0["uploader"] as? String } == ["Budi", "Sari"])
        #expect(versions.last?["events"] as? Int == Self.shippedEvents)
        #expect(versions.allSatisfy { $0["validated"] as? Bool == true && ($0["uploaded"] as? String)?.hasSuffix("Z") == true })
        #expect(versions.last?["latestMonth"] as? String != nil)

        // The report with its own policy, in a sandbox, never framed.
        let report = try s.request("GET", "/api/workspaces/bekasi/versions/1/report.html")
        #expect(report.status == 200)
        #expect(report.text.contains("<!DOCTYPE html>") || report.text.contains("<!doctype html>"))
        #expect(report.headers["content-security-policy"]?.contains("sandbox allow-scripts") == true)
        #expect(
            report.headers["content-security-policy"]?.contains("connect-src") == false
                && report.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
        #expect(report.headers["x-frame-options"] == "DENY" && report.headers["x-content-type-options"] == "nosniff")

        let xlsx = try s.request("GET", "/api/workspaces/bekasi/versions/latest/netra.xlsx")
        #expect(xlsx.status == 200 && xlsx.body.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(xlsx.headers["content-disposition"] == "attachment; filename=\"netra-bekasi-v2.xlsx\"")
        let zip = try s.request("GET", "/api/workspaces/bekasi/versions/1/csv.zip")
        #expect(zip.status == 200 && zip.body.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let zipPath = s.scratch + "/csv.zip"
        try Data(zip.body).write(to: URL(fileURLWithPath: zipPath))
        let listing = try runProgram(
            "/usr/bin/python3", ["-c", "import sys,zipfile; print(' '.join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))", zipPath])
        let names = listing.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(
            names.contains("events.csv") && names.contains("monthly.csv") && names.contains("compare.csv")
                && names.allSatisfy { $0.hasSuffix(".csv") && !$0.contains("/") }, "\(names)")
        // The February 2024 briefing: made on asking, then served from the version's folder.
        let png = try s.request("GET", "/api/workspaces/bekasi/versions/1/briefing/2024-02.png")
        #expect(png.status == 200, "\(png.text)\n\(s.log)")
        #expect(png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.headers["content-type"] == "image/png")
        let caption = try s.request("GET", "/api/workspaces/bekasi/versions/1/briefing/2024-02/caption.txt")
        #expect(caption.status == 200 && caption.text.contains("Februari 2024"), "\(caption.text)")
        let pdf = try s.request("GET", "/api/workspaces/bekasi/versions/1/briefing/2024-02/briefing.pdf")
        #expect(pdf.status == 200 && pdf.body.starts(with: Array("%PDF".utf8)))
        // A month outside the data, and a name the job never made.
        #expect(try s.request("GET", "/api/workspaces/bekasi/versions/1/briefing/1990-01.png").status == 404)
        #expect(try s.request("GET", "/api/workspaces/bekasi/versions/1/briefing/2024-02/settings.csv").status == 404)
        let template = try s.request("GET", "/api/workspaces/bekasi/template.xlsx")
        #expect(template.status == 200 && template.body.starts(with: [0x50, 0x4B, 0x03, 0x04]))

        // One log line per request, none with a body or a header.
        #expect(s.log.contains("POST /api/workspaces/bekasi/versions 201"), "\(s.log)")
        #expect(s.log.contains("job upload bekasi: stored version 1 (\(Self.shippedEvents) events"))
        #expect(s.stop() == 0)
        #expect(s.log.contains("netra serve: stopped"))
        // The index is SQLite in WAL mode.
        let mode = try runProgram(
            "/usr/bin/python3",
            ["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])", s.data + "/index.sqlite"])
        #expect(mode.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
    }

    @Test func anInvalidUploadIsRefusedWithItsPlacesAndNothingStored() throws {
        let s = try Server()
        #expect(try Self.workspace(s).status == 201)
        let dir = Paths.tempDir("bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var events = try String(contentsOfFile: Paths.shipped + "/events.csv", encoding: .utf8)
        let lines = events.split(separator: "\n", omittingEmptySubsequences: false)
        // Line 3's date made impossible.
        var third = String(lines[2])
        let firstComma = third.firstIndex(of: ",")!
        let afterId = third.index(after: firstComma)
        let dateEnd = third[afterId...].firstIndex(of: ",")!
        third.replaceSubrange(afterId..<dateEnd, with: "2024-02-30")
        events = (lines[..<2] + [Substring(third)] + lines[3...]).joined(separator: "\n")
        try events.write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let r = try s.request(
            "POST", "/api/workspaces/bekasi/versions",
            form: ["events.csv=@\(dir)/events.csv", "jurisdictions.csv=@\(Paths.shipped)/jurisdictions.csv", "elections.csv=@\(Paths.shipped)/elections.csv"])
        #expect(r.status == 422, "\(r.text)")
        let problems = (r.json() as? [String: Any])?["problems"] as? [[String: String]] ?? []
        #expect(problems.first?["place"] == "events.csv:3:\(third.distance(from: third.startIndex, to: afterId) + 1)", "\(problems)")
        #expect(problems.first?["message"]?.contains("2024-02-30") == true, "\(problems)")
        #expect(problems.allSatisfy { !($0["place"] ?? "").contains("/") }, "no server path in a place")
        // Nothing stored: no version, no folder left.
        #expect((try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [Any])?.isEmpty == true)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: s.data + "/tmp")) ?? ["?"]).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: s.data + "/workspaces/bekasi"))
    }

    @Test func refusalsOfSizePathsAndOtherWorkspaces() throws {
        let s = try Server(["--max-upload", "1"])
        #expect(try Self.workspace(s).status == 201)
        #expect(try Self.workspace(s, "other").status == 201)
        let dir = Paths.tempDir("refusals")
        defer { try? FileManager.default.removeItem(atPath: dir) }

        // Over --max-upload (1 MB): 413, nothing stored.
        try Data(repeating: 0x41, count: 2 * 1024 * 1024).write(to: URL(fileURLWithPath: dir + "/big.xlsx"))
        let big = try s.request("POST", "/api/workspaces/bekasi/versions", headers: ["Content-Type: application/octet-stream"], bodyFile: dir + "/big.xlsx")
        #expect(big.status == 413, "\(big.text)")

        // A path in a file's field or name: refused, never used as a name.
        try "x".write(toFile: dir + "/passwd", atomically: true, encoding: .utf8)
        let tricks = try s.request("POST", "/api/workspaces/bekasi/versions", form: ["../../evil.csv=@\(dir)/passwd;filename=../../evil.csv"])
        #expect(tricks.status == 422, "\(tricks.text)")
        #expect(!FileManager.default.fileExists(atPath: s.data + "/evil.csv") && !FileManager.default.fileExists(atPath: s.data + "/tmp/evil.csv"))
        // A workspace id with a path in it, percent-encoded or not.
        #expect(try s.request("GET", "/api/workspaces/..%2F..%2Fetc/versions").status == 404)
        #expect(try s.request("PUT", "/api/workspaces/Bad.Id", headers: ["Content-Type: application/json"], body: "{}").status == 422)

        // A zip bomb inside a workbook: the reader's limit, as a problem at the workbook. Deflated
        // at level 1 (5 MB, under the upload limit): level 9 took twice the CPU for the same bomb.
        let bomb = try runProgram(
            "/usr/bin/python3",
            [
                "-c",
                """
                import zipfile, sys
                src = zipfile.ZipFile(sys.argv[1])
                with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
                    for info in src.infolist():
                        if info.filename == 'xl/worksheets/sheet1.xml':
                            with z.open(info.filename, 'w', force_zip64=True) as f:
                                f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                                chunk = b' ' * (1 << 20)
                                for _ in range(1100): f.write(chunk)
                                f.write(b'</sheetData></worksheet>')
                        else:
                            z.writestr(info, src.read(info.filename))
                """, Paths.workbookFixture, dir + "/bomb.xlsx"
            ])
        #expect(bomb.status == 0, "\(bomb.stderr)")
        let roomy = try Server()
        #expect(try Self.workspace(roomy).status == 201)
        let bombed = try roomy.request(
            "POST", "/api/workspaces/bekasi/versions", headers: ["Content-Type: application/octet-stream"], bodyFile: dir + "/bomb.xlsx")
        #expect(bombed.status == 422, "\(bombed.text)")
        #expect(bombed.text.contains("bom zip") && bombed.text.contains("\"place\":\"dataset.xlsx:1:1\""), "\(bombed.text)")
        #expect((try roomy.request("GET", "/api/workspaces/bekasi/versions").json() as? [Any])?.isEmpty == true)

        // A version of one workspace is not reached through another's id.
        #expect(
            try s.request("POST", "/api/workspaces/bekasi/versions", headers: ["Content-Type: application/octet-stream"], bodyFile: Paths.workbookFixture)
                .status == 201)
        #expect(try s.request("GET", "/api/workspaces/bekasi/versions/1/report.html").status == 200)
        #expect(try s.request("GET", "/api/workspaces/other/versions/1/report.html").status == 404)
        #expect(try s.request("GET", "/api/workspaces/other/versions/latest/netra.xlsx").status == 404)
        #expect(try s.request("GET", "/api/workspaces/bekasi/versions/1/charts/..%2F..%2Findex.sqlite").status == 404)

        // A post from another site's page is refused even open on loopback.
        let cross = try s.request("PUT", "/api/workspaces/evil", headers: ["Content-Type: application/json", "Origin: http://evil.example"], body: "{}")
        #expect(cross.status == 403)
        #expect(try s.request("GET", "/api/workspaces/evil").status == 404)
    }

    @Test func aPasswordGuardsTheAPIAndThePages() throws {
        let dir = Paths.tempDir("password")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hash = try runProgram(Paths.netra, ["serve", "--hash-password"], stdin: "rahasia-kantor\n")
        #expect(hash.status == 0 && hash.stdout.hasPrefix("$2b$12$"), "\(hash.stderr)")
        try hash.stdout.write(toFile: dir + "/pw", atomically: true, encoding: .utf8)
        let s = try Server(["--password-file", dir + "/pw"])
        #expect(s.port > 0, "\(s.log)")

        // The API: Basic, any user name, the password.
        #expect(try s.request("GET", "/api/workspaces").status == 401)
        #expect(try s.request("GET", "/api/workspaces", user: "kantor:salah").status == 401)
        let ok = try s.request("GET", "/api/workspaces", user: "kantor:rahasia-kantor")
        #expect(ok.status == 200 && ok.text == "[]")

        // The pages: the login form, its CSRF token, the session cookie.
        let jar = dir + "/cookies"
        let home = try s.request("GET", "/", cookies: jar)
        #expect(home.status == 303 && home.headers["location"] == "/login")
        let form = try s.request("GET", "/login", cookies: jar)
        let csrf = try #require(hiddenField("csrf", in: form.text))
        #expect(csrf.count == 64)
        #expect(try s.request("POST", "/login", body: "password=rahasia-kantor", cookies: jar).status == 403, "no CSRF token")
        #expect(try s.request("POST", "/login", body: "csrf=\(String(repeating: "0", count: 64))&password=rahasia-kantor", cookies: jar).status == 403)
        let login = try s.request("POST", "/login", body: "csrf=\(csrf)&password=rahasia-kantor", cookies: jar)
        #expect(login.status == 303 && login.headers["location"] == "/")
        let setCookie = login.headers["set-cookie"] ?? ""
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), "\(setCookie)")
        let inside = try s.request("GET", "/", cookies: jar)
        #expect(inside.status == 200 && inside.text.contains("Ruang kerja"))

        // Five failures a minute from one address, then a wait (even for the right password).
        let jar2 = dir + "/cookies2"
        let csrf2 = try #require(hiddenField("csrf", in: try s.request("GET", "/login", cookies: jar2).text))
        for _ in 0..<4 { #expect(try s.request("POST", "/login", body: "csrf=\(csrf2)&password=salah", cookies: jar2).status == 401) }
        let sixth = try s.request("POST", "/login", body: "csrf=\(csrf2)&password=rahasia-kantor", cookies: jar2)
        #expect(sixth.status == 429 && sixth.headers["retry-after"] == "60", "\(sixth.status)")
        #expect(try s.request("GET", "/api/workspaces", user: "kantor:rahasia-kantor").status == 429)

        // The password is never in the log.
        #expect(!s.log.contains("rahasia") && !s.log.contains(hash.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(s.stop() == 0)
    }

    @Test func thePagesUploadShowProblemsBriefingAndDiff() throws {
        let s = try Server()
        let jar = s.scratch + "/cookies"
        let home = try s.request("GET", "/", cookies: jar)
        #expect(home.status == 200)
        #expect(home.text.contains("<html lang=\"id\">") && home.text.contains("Ruang kerja baru"))
        #expect(home.headers["content-security-policy"]?.contains("script-src 'self'") == true && home.headers["x-frame-options"] == "DENY")
        let en = try s.request("GET", "/?lang=en", cookies: jar)
        #expect(en.text.contains("<html lang=\"en\">") && en.text.contains("New workspace"))
        // The choice is kept (a cookie) until changed back.
        #expect(try s.request("GET", "/", cookies: jar).text.contains("<html lang=\"en\">"))
        #expect(try s.request("GET", "/?lang=id", cookies: jar).text.contains("<html lang=\"id\">"))
        let csrf = try #require(hiddenField("csrf", in: home.text))
        // Creating a workspace: without the token refused, with it done.
        #expect(try s.request("POST", "/settings", body: "id=bekasi&lang=id", cookies: jar).status == 403)
        let made = try s.request("POST", "/settings", body: "csrf=\(csrf)&id=bekasi&office=Bawaslu+Kota+Bekasi&region=32.75&pair=&lang=id", cookies: jar)
        #expect(made.status == 303 && made.headers["location"] == "/w/bekasi")

        // Upload without the token: refused, nothing stored.
        let noToken = try s.request("POST", "/w/bekasi/upload", form: ["uploader=Sari"] + Self.shippedForm, cookies: jar)
        #expect(noToken.status == 403)
        let up = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=Sari <b>"] + Self.shippedForm, cookies: jar)
        #expect(up.status == 303, "\(up.text)")
        // A broken workbook: every problem at its cell, nothing replaced.
        let broken = s.scratch + "/broken.xlsx"
        try Data("not a workbook".utf8).write(to: URL(fileURLWithPath: broken))
        let bad = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=Budi", "dataset.xlsx=@\(broken)"], cookies: jar)
        #expect(bad.status == 422)
        #expect(bad.text.contains("<code>dataset.xlsx") && bad.text.contains("tidak ada yang diganti"), "\(bad.text)")
        // A second version, one event fewer, for the diff.
        let dir = s.scratch + "/v2"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let events = try String(contentsOfFile: Paths.shipped + "/events.csv", encoding: .utf8)
        var lines = events.split(separator: "\n", omittingEmptySubsequences: false)
        let dropped = lines.remove(at: 1)
        try lines.joined(separator: "\n").write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let second = try s.request(
            "POST", "/w/bekasi/upload",
            form: [
                "csrf=\(csrf)", "uploader=Budi", "events.csv=@\(dir)/events.csv",
                "jurisdictions.csv=@\(Paths.shipped)/jurisdictions.csv", "elections.csv=@\(Paths.shipped)/elections.csv"
            ], cookies: jar)
        #expect(second.status == 303, "\(second.text)")

        let page = try s.request("GET", "/w/bekasi", cookies: jar)
        #expect(page.status == 200)
        #expect(page.text.contains("Sari &lt;b&gt;") && !page.text.contains("Sari <b>"), "the uploader's name is text, never markup")
        #expect(page.text.contains("/api/workspaces/bekasi/versions/2/charts/monthly.png"))
        #expect(
            page.text.components(separatedBy: "name=\"csrf\"").count - 1 == page.text.components(separatedBy: "<form method=\"post\"").count - 1,
            "every form carries the token")

        let diff = try s.request("GET", "/w/bekasi/diff?a=1&b=2", cookies: jar)
        #expect(diff.status == 200)
        #expect(diff.text.contains("0 ditambah, 1 dihapus, 0 diubah"), "\(diff.text)")
        let droppedId = String(dropped.prefix { $0 != "," })
        #expect(diff.text.contains(droppedId))

        let briefing = try s.request("GET", "/w/bekasi/briefing?v=1&month=2024-02", cookies: jar)
        #expect(briefing.status == 200, "\(briefing.text)")
        #expect(briefing.text.contains("/api/workspaces/bekasi/versions/1/briefing/2024-02.png") && briefing.text.contains("<textarea id=\"caption\""))
        #expect(briefing.text.contains("<script src=\"/static/copy.js\"></script>"))
        // No inline script on any page: the only script is the static file.
        for p in [home.text, page.text, diff.text, briefing.text] {
            #expect(p.components(separatedBy: "<script").count - 1 == p.components(separatedBy: "<script src=\"/static/").count - 1)
            #expect(!p.contains(" onclick=") && !p.contains("javascript:"))
        }
    }

    @Test func aJobOverItsTimeLimitIsStoppedAndSaysSo() throws {
        // 500 generated events: in a debug build their check takes ~0.07 s and their outputs
        // ~2.3 s, so the 1 s limit falls between them even on a loaded machine (8,000 events'
        // check, ~0.3 s, once went over it with the browser tests running beside it).
        let dir = Paths.tempDir("over-limit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try runProgram(Paths.netra, ["generate", "--events", "500", "--seed", "3", "--out", dir + "/set"])
        #expect(made.status == 0, "\(made.stderr)")
        let s = try Server(["--job-time-limit", "1"])
        #expect(try Self.workspace(s).status == 201)
        let r = try s.request("POST", "/api/workspaces/bekasi/versions", form: ServeHostileDataTests.form(dir + "/set"))
        #expect(r.status == 503, "\(r.text)")
        // The check is quick: it is the making of the outputs that is stopped.
        #expect(r.text.contains("The job went over its time limit and was stopped; nothing was stored."), "\(r.text)")
        #expect(s.log.contains("job upload bekasi: over its time limit, stopped") && !s.log.contains("job check bekasi"))
        #expect((try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [Any])?.isEmpty == true)
    }

    @Test func aKillMidUploadLosesNoEarlierVersion() throws {
        let data = Paths.tempDir("kill") + "/data"
        defer { try? FileManager.default.removeItem(atPath: (data as NSString).deletingLastPathComponent) }
        do {
            let s = try Server(data: data)
            #expect(try Self.workspace(s).status == 201)
            #expect(try s.request("POST", "/api/workspaces/bekasi/versions", form: Self.shippedForm).status == 201)
            // The second upload is killed (SIGKILL) while its job runs.
            let upload = Process()
            upload.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            upload.arguments = ["-s", "-o", "/dev/null", "-X", "POST"] + Self.shippedForm.flatMap { ["-F", $0] } + [s.base + "/api/workspaces/bekasi/versions"]
            try upload.run()
            // Killed once its job process runs (its folder holds the process's id).
            let deadline = Date().addingTimeInterval(60)
            func jobRunning() -> Bool {
                ((try? FileManager.default.contentsOfDirectory(atPath: data + "/tmp")) ?? []).contains {
                    FileManager.default.fileExists(atPath: data + "/tmp/" + $0 + "/job.pid")
                }
            }
            while !jobRunning(), Date() < deadline { usleep(10_000) }
            #expect(jobRunning())
            usleep(300_000)
            #expect(s.stop(signal: SIGKILL) == -SIGKILL)
            upload.waitUntilExit()
        }
        let again = try Server(data: data)
        let versions = try again.request("GET", "/api/workspaces/bekasi/versions").json() as? [[String: Any]] ?? []
        #expect(versions.first?["number"] as? Int == 1 && versions.count == 1, "\(versions)")
        let report = try again.request("GET", "/api/workspaces/bekasi/versions/1/report.html")
        #expect(report.status == 200)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: data + "/tmp")) ?? ["?"]).isEmpty, "the killed job's folder is gone")
        // Only version 1's folder: the killed upload left no version behind, even half of one.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: data + "/workspaces/bekasi/versions")) ?? []).count == 1)
        // The orphaned job process was stopped when the server started again.
        usleep(500_000)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: data + "/tmp")) ?? ["?"]).isEmpty)
        #expect(again.stop() == 0)
    }

    @Test func sigtermLetsTheRunningJobFinish() throws {
        let s = try Server()
        #expect(try Self.workspace(s).status == 201)
        let answer = Codes()
        let done = DispatchSemaphore(value: 0)
        onItsOwnThread {
            answer.add((try? s.request("POST", "/api/workspaces/bekasi/versions", form: Self.shippedForm))?.status ?? 0)
            done.signal()
        }
        let deadline = Date().addingTimeInterval(60)
        while !(((try? FileManager.default.contentsOfDirectory(atPath: s.data + "/tmp")) ?? []).contains {
            FileManager.default.fileExists(atPath: s.data + "/tmp/" + $0 + "/job.pid")
        }), Date() < deadline { usleep(10_000) }
        kill(s.process.processIdentifier, SIGTERM)
        done.wait()
        #expect(answer.all == [201], "the running job finished and answered")
        #expect(s.stop() == 0)
        #expect(s.log.contains("netra serve: stopped"))
        #expect(s.log.contains("stored version 1"))
    }

    @Test func twoJobsAtOnceTheRestQueuedNoneLost() throws {
        let s = try Server()
        #expect(try Self.workspace(s).status == 201)
        let group = DispatchGroup()
        let codes = Codes()
        for _ in 0..<4 {
            group.enter()
            onItsOwnThread {
                let r = try? s.request(
                    "POST", "/api/workspaces/bekasi/versions", headers: ["Content-Type: application/octet-stream"], bodyFile: Paths.workbookFixture)
                codes.add(r?.status ?? 0)
                group.leave()
            }
        }
        group.wait()
        #expect(codes.all.sorted() == [201, 201, 201, 201])
        let versions = try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["number"] as? Int }.sorted() == [1, 2, 3, 4])
        #expect(s.log.contains("waits: place"), "two run, the others wait: \(s.log)")
    }
}

final class Codes: @unchecked Sendable {
    private let lock = NSLock()
    private var codes: [Int] = []
    func add(_ c: Int) { lock.lock(); codes.append(c); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return codes }
}
