import Foundation
import Testing
import NetraTestSupport

/// Issue 34: an upload whose year is mistyped (0024 or 2204 for 2024) is taken, as `netra
/// validate` takes it, and told at the date's cell: in the warnings' count, on the workspace's
/// page in either language, and in the API's answer. The real server, uploads as a user's
/// browser and a script send them.
@Suite("netra serve: the far-date warning", .serialized, .removingTemporaryFolders)
struct ServeWarningsTests {
    /// The shipped row dated 5 Jan 2024: line 22 of events.csv, its date cell at column 40
    /// (the id's 38 characters and a comma before it).
    static let row = "nas-2024-01-05-bawaslu-recommendations"
    static let place = "events.csv:22:40"

    /// The shipped dataset with that row dated `date`, in `dir`; its three CSVs as form fields.
    static func typed(_ date: String, in dir: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shipped = try String(contentsOfFile: Paths.shipped + "/events.csv", encoding: .utf8)
        let parts = shipped.components(separatedBy: "\n\(row),2024-01-05,")
        #expect(parts.count == 2, "the row's date is where the test says")
        try parts.joined(separator: "\n\(row),\(date),").write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        for name in ["jurisdictions.csv", "elections.csv"] { try FileManager.default.copyItem(atPath: Paths.shipped + "/" + name, toPath: dir + "/" + name) }
        return ServeHostileDataTests.form(dir)
    }

    /// The workspace's `<dd>` of warnings on its page.
    static func warningsFigure(_ page: String) -> Int? {
        guard let r = page.range(of: #"<dt>(Peringatan|Warnings)</dt><dd>[0-9]+</dd>"#, options: .regularExpression) else { return nil }
        let cells = page[r].split(separator: ">")  // <dt, Peringatan</dt, <dd, 3</dd
        return cells.count == 4 ? Int(cells[3].prefix { $0.isNumber }) : nil
    }

    /// Today as the check's process sees it (the machine's calendar).
    static var today: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    /// The shipped dataset through the API: its warnings, none of them a far date.
    static func shippedWarnings(_ s: Server) throws -> (count: Int, list: [[String: String]]) {
        let up = try s.request("POST", "/api/workspaces/bekasi/versions", form: ServeTests.shippedForm)
        #expect(up.status == 201, "\(up.text)")
        let j = up.json() as? [String: Any]
        return (j?["warnings"] as? Int ?? -1, j?["warningList"] as? [[String: String]] ?? [["?": "?"]])
    }

    @Test func aYearTyped0024IsTakenAndShownAtItsCellInBothLanguages() throws {
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let (shippedCount, shippedList) = try Self.shippedWarnings(s)
        #expect(shippedList.allSatisfy { !($0["message"] ?? "").contains("date:") }, "\(shippedList)")

        // A user's upload through the page's form.
        let form = try Self.typed("0024-01-05", in: s.scratch + "/typo")
        let jar = s.scratch + "/cookies"
        let csrf = try #require(hiddenField("csrf", in: try s.request("GET", "/w/bekasi", cookies: jar).text))
        let up = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=Sari"] + form, cookies: jar)
        #expect(up.status == 303 && up.headers["location"] == "/w/bekasi", "taken, as validate takes it: \(up.text)")

        let id = try s.request("GET", "/w/bekasi", cookies: jar).text
        #expect(Self.warningsFigure(id) == shippedCount + 1, "one warning more than the shipped data's")
        #expect(id.contains("Data diterima, tetapi periksa sel berikut:"))
        #expect(
            id.contains(
                "<li><code>events.csv:22:40</code> peringatan: date: &#39;0024-01-05&#39; sebelum 1945, tahun berdirinya kepegawaian negara Indonesia; apakah tahunnya salah ketik?</li>"
            ), "\(id)")
        let en = try s.request("GET", "/w/bekasi?lang=en", cookies: jar).text
        #expect(
            en.contains(
                "<li><code>events.csv:22:40</code> warning: date: &#39;0024-01-05&#39; is before 1945, when Indonesia&#39;s civil service began; is the year mistyped?</li>"
            ), "\(en)")
        #expect(en.contains("The data was taken, but check these cells:") && Self.warningsFigure(en) == shippedCount + 1)
        #expect(!id.contains(s.data) && !en.contains(s.data), "no server folder in a place")

        // The same words and place as `netra validate` gives for the folder.
        let validate = try runProgram(Paths.netra, ["validate", "--dataset", s.scratch + "/typo", "--lang", "en"])
        #expect(validate.status == 0)
        #expect(
            validate.stderr.contains(
                "\(s.scratch)/typo/\(Self.place): warning: date: '0024-01-05' is before 1945, when Indonesia's civil service began; is the year mistyped?"),
            "\(validate.stderr)")
        // The version is whole: its report was made from the typed data.
        #expect(try s.request("GET", "/api/workspaces/bekasi/versions/2/report.html").status == 200)
        #expect(s.stop() == 0)
    }

    @Test func aYearTyped2204IsAfterTodayInTheAPIsAnswerAndThePage() throws {
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let shipped = try Self.shippedWarnings(s)

        // A script's upload through the API: the answer lists it, in the workspace's language.
        let form = try Self.typed("2204-01-05", in: s.scratch + "/typo")
        let up = try s.request("POST", "/api/workspaces/bekasi/versions?uploader=Budi", form: form)
        #expect(up.status == 201, "\(up.text)")
        let j = up.json() as? [String: Any]
        #expect(j?["warnings"] as? Int == shipped.count + 1)
        let far = (j?["warningList"] as? [[String: String]] ?? []).filter { ($0["message"] ?? "").contains("date:") }
        #expect(
            far == [
                [
                    "place": Self.place,
                    "message": "peringatan: date: '2204-01-05' sesudah hari ini (\(Self.today)); apakah tahunnya salah ketik?"
                ]
            ], "\(up.text)")
        #expect(far.count == 1 && !up.text.contains(s.data))

        let en = try s.request("GET", "/w/bekasi?lang=en").text
        #expect(
            en.contains("<li><code>\(Self.place)</code> warning: date: &#39;2204-01-05&#39; is after today (\(Self.today)); is the year mistyped?</li>"),
            "\(en)")
        // The versions' list counts it too.
        let versions = try s.request("GET", "/api/workspaces/bekasi/versions").json() as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["warnings"] as? Int } == [shipped.count + 1, shipped.count])
        #expect(s.stop() == 0)
    }

    @Test func aWorkbooksMistypedYearIsShownAtItsSheetsCell() throws {
        // The openpyxl fixture with the 5 Jan 2024 of row 20 (an Excel date, 45296) typed as
        // the text 0024-01-05: Excel keeps a year before 1900 as text.
        let book = Paths.tempDir("typo-book") + "/dataset.xlsx"
        let made = try runProgram(
            "/usr/bin/python3",
            [
                "-c",
                """
                import re, sys, zipfile
                src = zipfile.ZipFile(sys.argv[1])
                with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
                    for info in src.infolist():
                        data = src.read(info.filename)
                        if info.filename == 'xl/worksheets/sheet1.xml':
                            data, n = re.subn(rb'<c r="B20"[^>]*><v>45296</v></c>', b'<c r="B20" t="inlineStr"><is><t>0024-01-05</t></is></c>', data)
                            assert n == 1
                        z.writestr(info, data)
                """, Paths.workbookFixture, book
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let jar = s.scratch + "/cookies"
        let csrf = try #require(hiddenField("csrf", in: try s.request("GET", "/w/bekasi?lang=en", cookies: jar).text))
        let up = try s.request("POST", "/w/bekasi/upload", form: ["csrf=\(csrf)", "uploader=Sari", "dataset.xlsx=@\(book)"], cookies: jar)
        #expect(up.status == 303, "\(up.text)")
        let page = try s.request("GET", "/w/bekasi", cookies: jar).text
        #expect(
            page.contains(
                "<li><code>dataset.xlsx:peristiwa!B20</code> warning: date: &#39;0024-01-05&#39; is before 1945, when Indonesia&#39;s civil service began; is the year mistyped?</li>"
            ), "\(page)")
        #expect(Self.warningsFigure(page) == 1)
        #expect(s.stop() == 0)
    }

    @Test func anUploadWithoutAFarDateShowsNone() throws {
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let (count, list) = try Self.shippedWarnings(s)
        // As many as `netra validate` counts for the shipped data (its --strict says how many).
        let strict = try runProgram(Paths.netra, ["validate", "--dataset", Paths.shipped, "--strict", "--lang", "en"])
        #expect(
            count == (strict.status == 0 ? 0 : Int(strict.stderr.components(separatedBy: "netra: ").last?.prefix { $0.isNumber } ?? "")), "\(strict.stderr)")
        #expect(list.count == count && !list.contains { ($0["message"] ?? "").contains("date:") }, "\(list)")
        for path in ["/w/bekasi", "/w/bekasi?lang=en"] {
            let page = try s.request("GET", path).text
            #expect(Self.warningsFigure(page) == count)
            #expect(!page.contains("salah ketik") && !page.contains("mistyped"), "\(path)")
            #expect(page.contains("class=\"problems warnings\"") == (count > 0), "\(path): the list only when there are warnings")
        }
        #expect(s.stop() == 0)
    }

    /// A hostile upload: hundreds of rows each dated in another century, a title that is markup.
    /// The count takes them all; the answer and the page list the first 100 at their cells, the
    /// page as text, and say how many more.
    @Test func manyFarDatesAreCountedAndTheFirstListedAsText() throws {
        let s = try Server()
        #expect(try ServeTests.workspace(s).status == 201)
        let dir = s.scratch + "/many"
        // Years 0100 to 0249, one row each: 150 far dates, far apart (no possible duplicates).
        let rows = (0..<150).map { k in
            "far-\(k),0\(100 + k)-01-05,day,,sosialisasi,kabupaten-bekasi,Sosialisasi \(k),,,,,,,,Media Uji,https://example.org/far-\(k),,,,"
        }
        try ServeHostileDataTests.dataset(dir, extra: rows)
        let up = try s.request(
            "POST", "/api/workspaces/bekasi/versions", form: ["uploader=\(ServeHostileDataTests.hostileName)"] + ServeHostileDataTests.form(dir))
        #expect(up.status == 201, "\(up.text)")
        let j = up.json() as? [String: Any]
        #expect(j?["warnings"] as? Int == 150)
        // The first 100 by line: lines 7 to 106 (the hostile data's own five rows have none),
        // each at its date cell (after `far-0,` to `far-9,`, then `far-10,` and on).
        let list = j?["warningList"] as? [[String: String]] ?? []
        #expect(list.map { $0["place"] ?? "" } == (0..<100).map { k in "events.csv:\(7 + k):\(k < 10 ? 7 : 8)" })
        #expect(list.enumerated().allSatisfy { k, w in w["message"]?.hasPrefix("peringatan: date: '0\(100 + k)-01-05' sebelum 1945") == true })

        let page = try s.request("GET", "/w/bekasi").text
        #expect(page.contains("<li><code>events.csv:7:7</code> peringatan: date: &#39;0100-01-05&#39; sebelum 1945"), "\(page)")
        #expect(page.contains("<p>… dan 50 peringatan lain</p>") && Self.warningsFigure(page) == 150)
        #expect(page.components(separatedBy: "<li><code>events.csv:").count - 1 == 100)
        ServeHostileDataTests.expectNoScriptFromData(page, "workspace with warnings", shows: [ServeHostileDataTests.escapedName])
        #expect(s.stop() == 0)
    }
}
