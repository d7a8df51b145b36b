import Testing
import Foundation
import NetraTestSupport

/// `netra export xlsx`, the report's `netra.xlsx` and `netra init`, read back by openpyxl
/// (python3-openpyxl, installed by `make test`): what a spreadsheet program sees.
@Suite(.removingTemporaryFolders) struct WorkbookExportEndToEndTests {
    /// What openpyxl reads in a workbook, as JSON: per sheet its header, frozen cell,
    /// autofilter, data validations, and every cell as [type, value] (types: s text, n
    /// number, d date, f formula, b boolean).
    static let reader = #"""
        import json, re, sys, zipfile
        import openpyxl
        path = sys.argv[1]
        wb = openpyxl.load_workbook(path)
        out = {"sheets": wb.sheetnames, "formulas_in_xml": 0, "validation_tags": []}
        with zipfile.ZipFile(path) as z:
            for n in sorted(z.namelist()):
                if n.startswith("xl/worksheets/"):
                    xml = z.read(n).decode("utf-8")
                    if "<f>" in xml or "<f " in xml: out["formulas_in_xml"] += 1
                    out["validation_tags"] += re.findall(r"<dataValidation [^>]*>", xml)
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows():
                cells = []
                for c in row:
                    v = c.value
                    if c.is_date: cells.append(["d", v.strftime("%Y-%m-%d")])
                    elif v is None: cells.append(["e", None])
                    elif c.data_type == "f": cells.append(["f", str(v)])
                    elif isinstance(v, bool): cells.append(["b", v])
                    elif isinstance(v, (int, float)): cells.append(["n", v, type(v).__name__])
                    else: cells.append(["s", v])
                rows.append(cells)
            dvs = [[dv.type, str(dv.sqref), dv.formula1, bool(dv.showErrorMessage)] for dv in ws.data_validations.dataValidation]
            out[ws.title] = {"rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "validations": dvs,
                             "widths": {k: d.width for k, d in ws.column_dimensions.items()},
                             "text_columns": sorted(k for k, d in ws.column_dimensions.items()
                                                    if d.style and wb._cell_styles[d.style_id].numFmtId == 49)}
        print(json.dumps(out))
        """#

    static func read(_ path: String) throws -> [String: Any] {
        let r = try Netra.runProgram("/usr/bin/python3", ["-c", reader, path])
        #expect(r.status == 0, "openpyxl: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func sheet(_ book: [String: Any], _ name: String) throws -> [String: Any] {
        try #require(book[name] as? [String: Any], "no sheet \(name)")
    }

    static func rows(_ sheet: [String: Any]) throws -> [[[Any]]] {
        try #require(sheet["rows"] as? [[[Any]]])
    }

    /// Column `name`'s cells below the header, as [type, value…].
    static func column(_ sheet: [String: Any], _ name: String) throws -> [[Any]] {
        let r = try rows(sheet)
        let header = r[0].map { $0.count > 1 ? ($0[1] as? String ?? "") : "" }
        let k = try #require(header.firstIndex(of: name), "no column \(name) in \(header)")
        return r.dropFirst().map { k < $0.count ? $0[k] : ["e"] }
    }

    static func type(_ cell: [Any]) -> String { cell.first as? String ?? "" }

    @Test func theExportHasItsSheetsTypedFrozenAndFiltered() throws {
        let dir = Netra.tempDir("xlsx")
        let r = try Netra.run(["export", "xlsx", "--out", dir + "/netra.xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Netra.files(in: dir) == ["netra.xlsx"])
        let book = try Self.read(dir + "/netra.xlsx")
        #expect(book["sheets"] as? [String] == ["Ringkasan", "Peristiwa", "Bulanan", "Tallies", "Lead time", "Perbandingan"])
        #expect(book["formulas_in_xml"] as? Int == 0)
        for name in ["Ringkasan", "Peristiwa", "Bulanan", "Tallies", "Lead time", "Perbandingan"] {
            let s = try Self.sheet(book, name)
            #expect(s["freeze"] as? String == "A2", "\(name)")
            let rows = try Self.rows(s)
            let n = rows[0].count
            let last = (n > 26 ? String(UnicodeScalar(UInt8(64 + (n - 1) / 26))) : "") + String(UnicodeScalar(UInt8(65 + (n - 1) % 26)))
            #expect(s["filter"] as? String == "A1:\(last)\(rows.count)", "\(name)")
            for cell in rows.joined() { #expect(Self.type(cell) != "f", "\(name): \(cell)") }
        }
        // The events sheet: one row per event of events.csv, the day columns dates, the
        // written `date` text (a year stays `2022`), counts and days whole numbers.
        let shippedRows =
            try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        let events = try Self.sheet(book, "Peristiwa")
        #expect(try Self.rows(events).count == shippedRows + 1)
        let anchors = try Self.column(events, "anchor_date")
        #expect(anchors.allSatisfy { Self.type($0) == "d" })
        #expect(try Self.column(events, "id").allSatisfy { Self.type($0) == "s" })
        let written = try Self.column(events, "date")
        #expect(written.contains { Self.type($0) == "s" && $0[1] as? String == "2022" })
        #expect(written.contains { Self.type($0) == "d" && $0[1] as? String == "2023-11-02" })
        for cell in try Self.column(events, "count") where Self.type(cell) != "e" {
            #expect(Self.type(cell) == "n" && cell[2] as? String == "int", "\(cell)")
        }
        let monthly = try Self.sheet(book, "Bulanan")
        #expect(try Self.column(monthly, "events").allSatisfy { Self.type($0) == "n" && $0[2] as? String == "int" })
        #expect(try Self.column(monthly, "month").allSatisfy { Self.type($0) == "s" })
        let lead = try Self.sheet(book, "Lead time")
        #expect(try Self.column(lead, "days").allSatisfy { Self.type($0) == "n" && $0[2] as? String == "int" })
        let tallies = try Self.sheet(book, "Tallies")
        #expect(try Self.column(tallies, "date").allSatisfy { Self.type($0) == "d" })
        // The summary: its figures beside their labels; 4 jurisdictions and 2 elections.
        let summary = try Self.rows(try Self.sheet(book, "Ringkasan"))
        func figure(_ label: String) -> [Any]? { summary.first { ($0.first?[1] as? String) == label }.flatMap { $0.count > 1 ? $0[1] : nil } }
        #expect(figure("Jumlah peristiwa")?[1] as? Int == shippedRows)
        #expect(figure("Jumlah wilayah")?[1] as? Int == 4)
        #expect(figure("Jumlah pemilu")?[1] as? Int == 2)
        #expect(figure("Per tanggal").map(Self.type) == "d")
        #expect(figure("Peristiwa pertama")?[1] as? String == "2022-01-01")
        // Widths fit: the id column is wider than the default 8.43.
        let widths = try #require(events["widths"] as? [String: Double])
        #expect((widths["A"] ?? 0) > 30)
    }

    @Test func inEnglishTheSheetsHaveEnglishNamesAndTheReportWritesTheWorkbook() throws {
        let dir = Netra.tempDir("xlsx-en")
        let r = try Netra.run(["report", "--out", dir, "--lang", "en", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Netra.files(in: dir).contains("netra.xlsx"))
        let book = try Self.read(dir + "/netra.xlsx")
        #expect(book["sheets"] as? [String] == ["Summary", "Events", "Monthly", "Tallies", "Lead times", "Comparison"])
        let summary = try Self.rows(try Self.sheet(book, "Summary"))
        #expect(summary[0].compactMap { $0.count > 1 ? $0[1] as? String : nil } == ["Figure", "Value"])
        #expect(summary.contains { ($0.first?[1] as? String) == "Jurisdictions" && ($0[1][1] as? Int) == 4 })
        // Nothing but the report's own files: no scratch workbook left beside it.
        #expect(!Netra.files(in: dir).contains { $0.hasPrefix(".netra-tmp-") })
    }

    @Test func sameInputSameBytesWhereverItLives() throws {
        let a = Netra.tempDir("xlsx-a"), b = Netra.tempDir("xlsx-b")
        // The same dataset in another folder of the same name.
        let copy = b + "/bekasi-2024"
        try FileManager.default.copyItem(atPath: Netra.root + "/datasets/bekasi-2024", toPath: copy)
        #expect(try Netra.run(["export", "xlsx", "--out", a + "/one.xlsx"]).status == 0)
        sleep(1)  // a second later: no clock reaches the bytes
        #expect(try Netra.run(["export", "xlsx", "--dataset", copy, "--out", b + "/two.xlsx"]).status == 0)
        let one = try Data(contentsOf: URL(fileURLWithPath: a + "/one.xlsx"))
        let two = try Data(contentsOf: URL(fileURLWithPath: b + "/two.xlsx"))
        #expect(one == two && one.count > 10_000)
    }

    @Test func formulaLikeTextStaysText() throws {
        let data = try ExcelInjectionTests.dataset()
        let dir = Netra.tempDir("xlsx-inj")
        let r = try Netra.run(["export", "xlsx", "--dataset", data, "--out", dir + "/x.xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        let book = try Self.read(dir + "/x.xlsx")
        #expect(book["formulas_in_xml"] as? Int == 0)
        let events = try Self.sheet(book, "Peristiwa")
        let titles = try Self.column(events, "title").compactMap { $0.count > 1 ? $0[1] as? String : nil }
        // Exactly as written: no `'` added, no formula.
        #expect(titles.contains("=HYPERLINK(\"http://x\",\"y\")"))
        #expect(titles.contains("@SUM(A1)"))
        #expect(titles.contains("  =1+1"))
        for cell in try Self.rows(events).joined() { #expect(Self.type(cell) != "f") }
    }

    /// Control characters (which XML cannot hold) are written as Excel's `_xHHHH_`: the
    /// workbook opens, and Excel reads the text back as it was.
    @Test func controlCharactersKeepTheWorkbookReadable() throws {
        let title = "A\u{1}B\u{1B}]0;x\u{7} tab\there\u{FFFE}z _x0041_"
        let data = try Hostile.dataset("xlsx-ctl") { d in
            let shipped = try String(contentsOfFile: d + "/events.csv", encoding: .utf8)
            let header = shipped.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
            let cells = [
                "id": "ctl", "date": "2024-08-01", "precision": "day", "kind": "statement", "jurisdiction": "kota-bekasi",
                "title": "\"" + title + "\"", "source": "Outlet"
            ]
            try (shipped + header.map { cells[$0] ?? "" }.joined(separator: ",") + "\n")
                .write(toFile: d + "/events.csv", atomically: true, encoding: .utf8)
        }
        let dir = Netra.tempDir("xlsx-ctl-out")
        let r = try Netra.run(["export", "xlsx", "--dataset", data, "--out", dir + "/c.xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        let events = try Self.sheet(try Self.read(dir + "/c.xlsx"), "Peristiwa")
        let ids = try Self.column(events, "id").map { $0.count > 1 ? $0[1] as? String : nil }
        let k = try #require(ids.firstIndex(of: "ctl"))
        let got = try Self.column(events, "title")[k][1] as? String
        // Excel undoes every escape; openpyxl 3.0 only the escaped underscore.
        let stored = "A_x0001_B_x001B_]0;x_x0007_ tab\there_xFFFE_z _x005F_x0041_"
        let openpyxl30 = "A_x0001_B_x001B_]0;x_x0007_ tab\there_xFFFE_z _x0041_"
        #expect([stored, openpyxl30, title].contains(got), "\(String(describing: got))")
    }

    /// LibreOffice (libreoffice-calc-nogui, installed by `make test`) opens the export, and
    /// each sheet saved as CSV is that export's CSV byte for byte: dates, numbers and text
    /// read back as Netra wrote them. A LibreOffice launch: `make test` only.
    @Test(.tags(.slow), .leftOutOfTheFastRun) func libreOfficeReadsEverySheetBackToItsExport() throws {
        let dir = Netra.tempDir("xlsx-lo")
        #expect(try Netra.run(["export", "xlsx", "--out", dir + "/netra.xlsx"]).status == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        // A profile of its own: no other LibreOffice of this user is disturbed or waited on.
        p.arguments = [
            "180", "soffice", "-env:UserInstallation=file://\(dir)/profile", "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir + "/csv", dir + "/netra.xlsx"
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "soffice (libreoffice-calc-nogui) failed or is missing")
        for (sheet, kind) in [
            ("Peristiwa", "events"), ("Bulanan", "monthly"), ("Tallies", "tallies"), ("Lead time", "leadtimes"),
            ("Perbandingan", "compare")
        ] {
            let csv = try Data(contentsOf: URL(fileURLWithPath: dir + "/csv/netra-\(sheet).csv"))
            let export = try Netra.run(["export", kind])
            #expect(String(decoding: csv, as: UTF8.self) == export.stdout, "\(sheet)")
        }
        let summary = try String(contentsOfFile: dir + "/csv/netra-Ringkasan.csv", encoding: .utf8)
        #expect(summary.hasPrefix("Angka,Nilai\nPer tanggal,"))
        #expect(summary.contains("\nJumlah wilayah,4\nJumlah pemilu,2\nPeristiwa pertama,2022-01-01\n"))
    }

    @Test func xlsxNeedsAFile() throws {
        let r = try Netra.run(["export", "--lang", "en", "xlsx"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("export xlsx writes a workbook: name it with --out FILE, e.g. --out netra.xlsx"), "\(r.stderr)")
    }

    @Test func initWritesATemplateWithDropDownsThatValidates() throws {
        let dir = Netra.tempDir("init") + "/new"
        let r = try Netra.run(["init", dir, "--region", "32"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "menulis \(dir): dataset.xlsx, dan csv/ berisi events.csv, jurisdictions.csv (29 wilayah), elections.csv, settings.csv\n")
        #expect(Netra.files(in: dir) == ["csv/elections.csv", "csv/events.csv", "csv/jurisdictions.csv", "csv/settings.csv", "dataset.xlsx"])
        // Indonesia, Jawa Barat and its 27 kabupaten/kota.
        let j = try String(contentsOfFile: dir + "/csv/jurisdictions.csv", encoding: .utf8).split(separator: "\n")
        #expect(j.count == 1 + 1 + 1 + 27)
        #expect(j.prefix(3) == ["id,name,level,parent,kode", "indonesia,Indonesia,nasional,,", "jawa-barat,Jawa Barat,provinsi,indonesia,32"])
        #expect(j.contains("kota-bekasi,Kota Bekasi,kota,jawa-barat,32.75"))
        #expect(j.contains("kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat,32.16"))
        // Both forms are datasets as they stand: the workbook (DIR) and its CSVs (DIR/csv).
        for form in [dir, dir + "/csv"] {
            let v = try Netra.run(["validate", "--dataset", form])
            #expect(v.status == 0, "\(form): \(v.stderr)")
            #expect(v.stdout == "ok: 0 peristiwa; 29 wilayah; 0 pemilu\n")
            #expect(v.stderr.isEmpty)
        }

        let book = try Self.read(dir + "/dataset.xlsx")
        #expect(book["sheets"] as? [String] == ["events", "jurisdictions", "elections", "settings", "Petunjuk"])
        let events = try Self.sheet(book, "events")
        let header = try Self.rows(events)[0].compactMap { $0[1] as? String }
        #expect(header.first == "id" && header.contains("kind") && header.contains("links") && header.count == 20)
        #expect(events["freeze"] as? String == "A2")
        // Only the id is text: the date columns take a date cell, and a month or year as typed
        // (OfficeWorkbookTests).
        #expect(events["text_columns"] as? [String] == ["A"])
        let dv = try #require(events["validations"] as? [[Any]])
        func list(_ sheet: [String: Any], _ range: String) -> [Any]? {
            (sheet["validations"] as? [[Any]])?.first { $0[1] as? String == range }
        }
        #expect(dv.count == 5)
        #expect(list(events, "C2:C2001")?[2] as? String == "\"day,month,year,on-or-before\"")
        #expect(
            list(events, "E2:E2001")?[2] as? String
                == "\"regulation,task_force,directive,sosialisasi,pledge,incident,response,report,decision,sanction,case_tally,statement\"")
        #expect(list(events, "F2:F2001")?[2] as? String == "jurisdictions!$A$2:$A$2001")
        #expect(list(events, "M2:M2001")?[2] as? String == "\"alleged,confirmed,dismissed,sanctioned\"")
        // Links: the relation is offered, the id typed after it (so other text is allowed).
        #expect(list(events, "N2:N2001")?[2] as? String == "\"responds_to:,follows_up:,implements:,reports:,decides:,sanctions:,part_of:\"")
        // (openpyxl takes a missing showErrorMessage for true: the XML says it.)
        let tags = try #require(book["validation_tags"] as? [String])
        // events 4, jurisdictions 2, elections 1, settings' keys 1.
        #expect(tags.filter { $0.contains("showErrorMessage=\"1\"") }.count == 4 + 2 + 1 + 1)
        #expect(tags.contains { $0.contains("sqref=\"N2:N2001\"") && !$0.contains("showErrorMessage") })
        let juris = try Self.sheet(book, "jurisdictions")
        #expect(try Self.rows(juris).count == 30)
        #expect(list(juris, "C2:C2001")?[2] as? String == "\"kota,kabupaten,provinsi,nasional\"")
        #expect(list(try Self.sheet(book, "elections"), "D2:D2001")?[2] as? String == "jurisdictions!$A$2:$A$2001")
        let notes = try Self.rows(try Self.sheet(book, "Petunjuk"))
        #expect((notes[0][0][1] as? String) == "Cara mengisi dataset Netra")
        #expect(notes.count == 10)
    }

    @Test func initOfOneKotaBringsItsProvinceAndIndonesia() throws {
        let dir = Netra.tempDir("init-kota")
        let r = try Netra.run(["init", dir, "--region", "32.75", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote \(dir): dataset.xlsx, and csv/ with events.csv, jurisdictions.csv (4 jurisdictions), elections.csv, settings.csv\n")
        #expect(
            try String(contentsOfFile: dir + "/csv/jurisdictions.csv", encoding: .utf8)
                == "id,name,level,parent,kode\nindonesia,Indonesia,nasional,,\njawa-barat,Jawa Barat,provinsi,indonesia,32\nkabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat,32.16\nkota-bekasi,Kota Bekasi,kota,jawa-barat,32.75\n"
        )
        // Its twin is the comparison's other side: the settings say so, in the template's language.
        #expect(
            try String(contentsOfFile: dir + "/csv/settings.csv", encoding: .utf8).contains(
                "\nregion,32.75,The office's region: a Kemendagri code (32.71).\npair,\"kota-bekasi,kabupaten-bekasi\",") == true)
        #expect(try String(contentsOfFile: dir + "/csv/elections.csv", encoding: .utf8) == "id,name,date,scope\n")
        let book = try Self.read(dir + "/dataset.xlsx")
        #expect(book["sheets"] as? [String] == ["events", "jurisdictions", "elections", "settings", "Instructions"])
    }

    @Test func initRefusesAFolderThatHoldsADatasetAndAnUnknownCode() throws {
        let dir = Netra.tempDir("init-refuse")
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/events.xlsx"))
        let r = try Netra.run(["init", "--lang", "en", dir, "--region", "32"])
        #expect(r.status == 1)
        #expect(r.stderr == "netra: \(dir) already holds a dataset (events.xlsx); init writes a new one into a new or empty folder; nothing was written\n")
        #expect(Netra.files(in: dir) == ["events.xlsx"])
        // The shipped dataset itself.
        let shipped = try Netra.run(["init", "--lang", "en", Netra.root + "/datasets/bekasi-2024"])
        #expect(shipped.status == 1)
        #expect(shipped.stderr.contains("already holds a dataset (events.csv, jurisdictions.csv, elections.csv)"))
        let fresh = Netra.tempDir("init-unknown") + "/never"
        let u = try Netra.run(["init", fresh, "--region", "32.99"])
        #expect(u.status == 2, "a usage error")
        #expect(
            u.stderr
                == "netra: --region: wilayah '32.99' tidak dikenal; berikan kode Kemendagri (32.71 atau 3271) atau nama (Kota Bogor); netra regions TEKS mencarinya\n"
        )
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }
}

/// `validate` and the `kode` column, through the binary.
@Suite(.removingTemporaryFolders) struct KodeEndToEndTests {
    @Test func knownNamesWithoutCodesGetHintsAndStillValidate() throws {
        let dir = try Netra.brokenDataset(
            "jurisdictions.csv",
            """
            id,name,level,parent
            indonesia,Indonesia,nasional,
            jawa-barat,Jawa Barat,provinsi,indonesia
            kota-bekasi,Kota Bekasi,kota,jawa-barat
            kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat

            """)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let hint = "; write it in a kode column so the data joins official tables"
        #expect(
            r.stderr.split(separator: "\n").map(String.init) == [
                "\(dir)/jurisdictions.csv:3:12: hint: kode: 'Jawa Barat' is Kemendagri code 32" + hint,
                "\(dir)/jurisdictions.csv:4:13: hint: kode: 'Kota Bekasi' is Kemendagri code 32.75" + hint,
                "\(dir)/jurisdictions.csv:5:18: hint: kode: 'Kabupaten Bekasi' is Kemendagri code 32.16" + hint
            ])
        // The shipped dataset carries its codes: no hint.
        let shipped = try Netra.run(["validate", "--lang", "en"])
        #expect(shipped.status == 0 && shipped.stderr.isEmpty, "\(shipped.stderr)")
    }

    @Test func aCodeInTheWrongProvinceIsRefused() throws {
        let dir = try Netra.brokenDataset(
            "jurisdictions.csv",
            """
            id,name,level,parent,kode
            indonesia,Indonesia,nasional,,
            jawa-barat,Jawa Barat,provinsi,indonesia,32
            kota-bekasi,Kota Bekasi,kota,jawa-barat,36.71
            kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat,32.16

            """)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        #expect(r.status == 1)
        #expect(
            r.stderr
                == "\(dir)/jurisdictions.csv:4:41: kode: '36.71' lies in province 36, but parent 'jawa-barat' has kode '32'\nnetra: 1 problem in \(dir); nothing was written\n"
        )
    }
}
