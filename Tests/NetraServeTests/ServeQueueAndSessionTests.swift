import Foundation
import Testing
import NetraTestSupport
@testable import NetraServe
#if canImport(Glibc)
import Glibc
#endif

/// Issue 32, the points the first round left: the queue place shown live and answered by the
/// API, the check of an upload under the job time limit, sessions that outlive a restart, and
/// bcrypt off the sessions' actor with the five-a-minute limit kept under concurrent tries.
@Suite("netra serve: queue, check limit, sessions, logins", .serialized, .removingTemporaryFolders)
struct ServeQueueAndSessionTests {
    /// Polls `probe` every 50 ms until it gives a value, or `seconds` pass.
    static func waitFor<T>(_ seconds: Double = 120, _ probe: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let v = probe() { return v }
            usleep(50_000)
        }
        return nil
    }

    static func place(_ s: Server, _ ticket: String, lang: String = "id") -> [String: Any] {
        ((try? s.request("GET", "/api/queue/\(ticket)?lang=\(lang)"))?.json() as? [String: Any]) ?? [:]
    }

    @Test func aWaitingUploadSeesItsPlaceInTheQueueLive() throws {
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let codes = Codes()
        let group = DispatchGroup()
        func upload(_ path: String, _ fields: [String], cookies: String? = nil) {
            group.enter()
            onItsOwnThread {
                codes.add((try? s.request("POST", path, form: fields + ServeTests.shippedForm, cookies: cookies))?.status ?? 0)
                group.leave()
            }
        }
        // Two uploads hold both slots.
        upload("/api/workspaces/bekasi/versions", [])
        upload("/api/workspaces/bekasi/versions", [])
        let held = Self.waitFor { () -> Bool? in
            let q = (try? s.request("GET", "/api/queue"))?.json() as? [String: Any]
            return q?["running"] as? Int == 2 ? true : nil
        }
        #expect(held == true, "two jobs running: \(s.log)")

        // The page's form, sent as a browser sends it: its CSRF token and the ticket the page made.
        let jar = s.scratch + "/cookies"
        let page = try s.request("GET", "/w/bekasi", cookies: jar)
        let csrf = try #require(hiddenField("csrf", in: page.text))
        let ticket = try #require(hiddenField("ticket", in: page.text))
        #expect(JobSlots.isTicket(ticket) && page.text.contains("data-ticket=\"\(ticket)\""))
        #expect(page.text.contains("<p id=\"queue-place\" class=\"queue\" role=\"status\" aria-live=\"polite\"></p><script src=\"/static/queue.js\"></script>"))
        #expect(page.headers["content-security-policy"]?.contains("connect-src 'self'") == true)
        let script = try s.request("GET", "/static/queue.js")
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("'/api/queue/' + encodeURIComponent(form.dataset.ticket)") && script.text.contains("out.textContent = j.text"))
        upload("/w/bekasi/upload", ["csrf=\(csrf)", "uploader=Sari", "ticket=\(ticket)"], cookies: jar)

        // The third job waits: place 1, in the page's words, in either language.
        let first = Self.waitFor { () -> [String: Any]? in
            let p = Self.place(s, ticket)
            return p["state"] as? String == "waiting" ? p : nil
        }
        #expect(first?["place"] as? Int == 1 && first?["text"] as? String == "Menunggu giliran: posisi 1 dalam antrean", "\(first ?? [:])")
        #expect(Self.place(s, ticket, lang: "en")["text"] as? String == "Waiting: place 1 in the queue")

        // A fourth, from a script (its ticket in the query), waits behind it: place 2, then 1 once a
        // slot frees and the third runs.
        let second = "00112233445566778899aabbccddeeff"
        upload("/api/workspaces/bekasi/versions?ticket=\(second)", [])
        let behind = Self.waitFor { () -> Int? in Self.place(s, second)["place"] as? Int }
        #expect(behind == 2, "the fourth job's place")
        // The two held jobs started together and often end within one poll of each other, so
        // the fourth may go from place 2 straight to running: either way its place moved on.
        let moved = Self.waitFor { () -> String? in
            let p = Self.place(s, second)
            if p["place"] as? Int == 1 { return "place 1" }
            return p["state"] as? String == "waiting" ? nil : p["state"] as? String
        }
        #expect(moved == "place 1" || moved == "running" || moved == "none", "the place updates as the queue moves: \(moved ?? "no change")")
        // The third runs once the fourth has moved, in the page's words (or it has already ended).
        let third = Self.place(s, ticket)
        if third["state"] as? String == "running" {
            #expect(third["text"] as? String == "Giliran Anda: unggahan sedang diperiksa dan laporannya dibuat…")
        } else {
            #expect(third["state"] as? String == "none", "\(third)")
        }

        group.wait()
        #expect(codes.all.sorted() == [201, 201, 201, 303], "every upload stored: \(codes.all)")
        #expect(Self.place(s, ticket)["state"] as? String == "none" && Self.place(s, second)["state"] as? String == "none")
        let versions = try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["number"] as? Int }.sorted() == [1, 2, 3, 4])
        #expect(s.log.contains("waits: place 1 in the queue") && s.log.contains("waits: place 2 in the queue"))
        // Not a ticket: not looked up.
        #expect(try s.request("GET", "/api/queue/..%2F..%2Findex.sqlite").status == 404)
        #expect(try s.request("GET", "/api/queue/ABC").status == 404)
        #expect(s.stop() == 0)
    }

    /// 50,000 generated events uploaded twice, their size being the point: `make test` only
    /// (ServeTests' job over its time limit stays in the fast set).
    @Test(.tags(.slow), .leftOutOfTheFastRun) func aCheckOverTheTimeLimitIsStoppedAndSaysSo() throws {
        // A dataset whose check alone takes longer than the one-second limit.
        let dir = Paths.tempDir("slow-check")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try runProgram(Paths.netra, ["generate", "--events", "\(Self.slowCheckEvents)", "--seed", "7", "--out", dir + "/big"])
        #expect(made.status == 0, "\(made.stderr)")
        let s = try Server(["--job-time-limit", "1", "--max-upload", "200"])
        #expect(try ServeTests.workspace(s).status == 201)
        let started = Date()
        let r = try s.request(
            "POST", "/api/workspaces/bekasi/versions",
            form: ["events.csv=@\(dir)/big/events.csv", "jurisdictions.csv=@\(dir)/big/jurisdictions.csv", "elections.csv=@\(dir)/big/elections.csv"])
        let took = Date().timeIntervalSince(started)
        #expect(r.status == 503, "\(r.text)")
        #expect(r.text.contains("Checking the upload went over its time limit and was stopped; nothing was stored."), "\(r.text)")
        #expect(s.log.contains("job check bekasi: over its time limit, stopped"), "\(s.log)")
        #expect(took < 30, "stopped near its limit, not run to its end: \(took) s")
        // The check's process is gone, and nothing is stored.
        let checks = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { p in
            guard Int(p) != nil, let c = FileManager.default.contents(atPath: "/proc/\(p)/cmdline") else { return false }
            return String(decoding: c, as: UTF8.self).contains(s.data + "/tmp/")
        }
        #expect(checks.isEmpty, "no job process left: \(checks)")
        #expect((try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [Any])?.isEmpty == true)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: s.data + "/tmp")) ?? ["?"]).isEmpty)
        // The page says it in its words.
        let jar = s.scratch + "/cookies"
        let csrf = try #require(hiddenField("csrf", in: try s.request("GET", "/w/bekasi", cookies: jar).text))
        let page = try s.request(
            "POST", "/w/bekasi/upload",
            form: [
                "csrf=\(csrf)", "uploader=Sari", "events.csv=@\(dir)/big/events.csv",
                "jurisdictions.csv=@\(dir)/big/jurisdictions.csv", "elections.csv=@\(dir)/big/elections.csv"
            ], cookies: jar)
        #expect(
            page.status == 503 && page.text.contains("Pemeriksaan unggahan melewati batas waktunya dan dihentikan; tidak ada yang disimpan."), "\(page.status)")
        #expect(s.stop() == 0)
    }

    /// Events of a generated dataset whose check takes well over a second in a debug build.
    static let slowCheckEvents = 50_000

    @Test func sha256MatchesTheStandardsVectors() {
        #expect(TokenHash.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(TokenHash.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenHash.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Two blocks of padding, and a length across the 56-byte boundary.
        #expect(TokenHash.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(TokenHash.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    }

    static func passwordFile(_ dir: String) throws -> String {
        let hash = try runProgram(Paths.netra, ["serve", "--hash-password"], stdin: "rahasia-kantor\n")
        try hash.stdout.write(toFile: dir + "/pw", atomically: true, encoding: .utf8)
        return dir + "/pw"
    }

    static func sqlite(_ db: String, _ sql: String) throws -> String {
        let r = try runProgram(
            "/usr/bin/python3",
            [
                "-c",
                "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); rows=c.execute(sys.argv[2]).fetchall(); c.commit(); print('\\n'.join('|'.join(str(v) for v in r) for r in rows))",
                db, sql
            ])
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aRestartKeepsUsersLoggedInUntilTheirSessionExpires() throws {
        let dir = Paths.tempDir("sessions")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pw = try Self.passwordFile(dir)
        let data = dir + "/data", jar = dir + "/cookies"
        var csrf = ""
        do {
            let s = try Server(["--password-file", pw], data: data)
            let form = try s.request("GET", "/login", cookies: jar)
            let token = try #require(hiddenField("csrf", in: form.text))
            #expect(try s.request("POST", "/login", body: "csrf=\(token)&password=rahasia-kantor", cookies: jar).status == 303)
            let home = try s.request("GET", "/", cookies: jar)
            #expect(home.status == 200)
            csrf = try #require(hiddenField("csrf", in: home.text))
            #expect(s.stop() == 0)
        }
        // The index holds the cookie's SHA-256 and its expiry, never the cookie.
        let cookie = try #require(
            try String(contentsOfFile: jar, encoding: .utf8).split(separator: "\n")
                .first { $0.contains("netra_session") }?.split(separator: "\t").last.map(String.init))
        #expect(cookie.count == 64)
        let digest = try runProgram("/usr/bin/python3", ["-c", "import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest())", cookie])
        let rows = try Self.sqlite(data + "/index.sqlite", "SELECT tokenHash, expires FROM session")
        #expect(rows.split(separator: "\n").count == 1)
        #expect(rows.hasPrefix(digest.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "|"), "\(rows)")
        let expires = Double(rows.split(separator: "|").last ?? "") ?? 0
        #expect(abs(expires - Date().addingTimeInterval(12 * 3600).timeIntervalSince1970) < 120, "twelve hours from the login")
        for f in ["index.sqlite", "index.sqlite-wal"] {
            let bytes = FileManager.default.contents(atPath: data + "/" + f) ?? Data()
            #expect(bytes.range(of: Data(cookie.utf8)) == nil, "\(f) holds no cookie")
        }

        // Started again: still logged in, the same form token still good.
        do {
            let s = try Server(["--password-file", pw], data: data)
            let home = try s.request("GET", "/", cookies: jar)
            #expect(home.status == 200 && home.text.contains("Ruang kerja"), "\(home.status)")
            #expect(try s.request("POST", "/settings", body: "csrf=\(csrf)&id=bekasi&office=Bawaslu&lang=id", cookies: jar).status == 303)
            #expect(try s.request("GET", "/api/workspaces/bekasi", cookies: jar).status == 200, "the API takes the session too")
            #expect(s.stop() == 0)
        }
        // Past its expiry (set so while the server is stopped): logged out, and the row removed.
        _ = try Self.sqlite(data + "/index.sqlite", "UPDATE session SET expires = 1000")
        do {
            let s = try Server(["--password-file", pw], data: data)
            #expect(try Self.sqlite(data + "/index.sqlite", "SELECT COUNT(*) FROM session") == "0", "expired sessions removed at start")
            let home = try s.request("GET", "/", cookies: jar)
            #expect(home.status == 303 && home.headers["location"] == "/login")
            // Logging in and out: the row comes and goes.
            let token = try #require(hiddenField("csrf", in: try s.request("GET", "/login", cookies: jar).text))
            #expect(try s.request("POST", "/login", body: "csrf=\(token)&password=rahasia-kantor", cookies: jar).status == 303)
            #expect(try Self.sqlite(data + "/index.sqlite", "SELECT COUNT(*) FROM session") == "1")
            let inside = try #require(hiddenField("csrf", in: try s.request("GET", "/", cookies: jar).text))
            #expect(try s.request("POST", "/logout", body: "csrf=\(inside)", cookies: jar).status == 303)
            #expect(try Self.sqlite(data + "/index.sqlite", "SELECT COUNT(*) FROM session") == "0")
            #expect(try s.request("GET", "/", cookies: jar).status == 303)
            #expect(s.stop() == 0)
        }
    }

    /// The time the server took over its first answer to `method path` with `status`, as its log says.
    static func loggedMillis(_ log: String, _ request: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains(" \(request) ") }),
            let ms = line.split(separator: " ").last, ms.hasSuffix("ms")
        else { return nil }
        return Int(ms.dropLast(2))
    }

    @Test func aSlowLoginHoldsUpNoOtherRequest() throws {
        let dir = Paths.tempDir("bcrypt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Server(["--password-file", try Self.passwordFile(dir)])
        // One wrong password alone: the server's time for it is one bcrypt check.
        let t0 = Date()
        #expect(try s.request("GET", "/api/workspaces", user: "kantor:salah").status == 401)
        let wall = Date().timeIntervalSince(t0)
        // Four more at once; a page asked for meanwhile does not wait for their checks.
        let codes = Codes()
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            onItsOwnThread {
                codes.add((try? s.request("GET", "/api/workspaces", user: "kantor:salah"))?.status ?? 0)
                group.leave()
            }
        }
        usleep(UInt32(min(wall / 3, 0.5) * 1_000_000))
        #expect(try s.request("GET", "/login").status == 200)
        group.wait()
        #expect(codes.all == [401, 401, 401, 401])
        // Timed by the server itself (its log), so that starting curl on a busy machine does not count.
        let one = try #require(Self.loggedMillis(s.log, "GET /api/workspaces 401"), "\(s.log)")
        let page = try #require(Self.loggedMillis(s.log, "GET /login 200"), "\(s.log)")
        print("netra serve: one bcrypt check \(one) ms; the login page, asked during four checks, \(page) ms")
        #expect(one >= 30, "a bcrypt check of cost 12 takes time")
        #expect(page * 3 < one, "the page waited for the checks: \(page) ms against \(one) ms for one check")
        // Five failures this minute: the next waits, even with the right password.
        #expect(try s.request("GET", "/api/workspaces", user: "kantor:rahasia-kantor").status == 429)
        #expect(s.stop() == 0)
    }

    @Test func eightTriesAtOnceGetFiveChecksAndThreeWaits() throws {
        let dir = Paths.tempDir("bcrypt-limit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Server(["--password-file", try Self.passwordFile(dir)])
        // Pages' logins and API calls together, from one address, all wrong.
        var jars: [(String, String)] = []
        for k in 0..<4 {
            let jar = dir + "/jar\(k)"
            jars.append((jar, try #require(hiddenField("csrf", in: try s.request("GET", "/login", cookies: jar).text))))
        }
        let codes = Codes()
        let group = DispatchGroup()
        let sessions = jars
        for k in 0..<8 {
            group.enter()
            onItsOwnThread {
                let r =
                    k < 4
                    ? try? s.request("POST", "/login", body: "csrf=\(sessions[k].1)&password=salah", cookies: sessions[k].0)
                    : try? s.request("GET", "/api/workspaces", user: "kantor:salah")
                codes.add(r?.status ?? 0)
                group.leave()
            }
        }
        group.wait()
        #expect(codes.all.filter { $0 == 401 }.count == 5 && codes.all.filter { $0 == 429 }.count == 3, "\(codes.all)")
        #expect(s.stop() == 0)
    }
}
