import Foundation
import Testing
import NetraTestSupport

/// Issue 31, point 6: `netra init`'s template filled the way an office fills it, by openpyxl
/// (python3-openpyxl) and once more after LibreOffice has saved it: a title and a blank row
/// above the header, a day typed as a date cell, a month typed as text, a year typed as a
/// number, the kind and status as the charts name them in Indonesian, a `kode` a spreadsheet
/// shortened (32.1 for Kabupaten Majalengka's 32.10), and a count whose thousands dot was read
/// as a decimal point.
@Suite(.removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun) struct OfficeWorkbookTests {
    static let fill = #"""
        import sys, datetime, openpyxl
        src, dst, count = sys.argv[1], sys.argv[2], sys.argv[3]
        wb = openpyxl.load_workbook(src)
        ev = wb["events"]
        col = {c.value: c.column for c in ev[1]}
        rows = [
            dict(id="bogor-2024-01-15-sosialisasi", date=(datetime.datetime(2024, 1, 15), "dd/mm/yyyy"), precision="day",
                 kind="sosialisasi", jurisdiction="kota-bogor", title="Sosialisasi netralitas ASN", source="Radar Bogor",
                 source_date=(datetime.datetime(2024, 1, 16), "d mmmm yyyy")),
            dict(id="bogor-2023-11-ikrar", date="2023-11", precision="month", kind="Ikrar", jurisdiction="kota-bogor",
                 title="Ikrar netralitas", source="Radar Bogor", count=(float(count), None)),
            dict(id="bogor-2022-insiden", date=(2022, None), precision="year", kind="incident", jurisdiction="kabupaten-bogor",
                 title="Dugaan pelanggaran", source="Radar Bogor", status="dugaan"),
        ]
        for k, r in enumerate(rows):
            for name, v in r.items():
                value, fmt = v if isinstance(v, tuple) else (v, None)
                c = ev.cell(row=2 + k, column=col[name], value=value)
                if fmt: c.number_format = fmt
        ev.insert_rows(1, 2)
        ev["A1"] = "Peristiwa netralitas ASN - Bawaslu Kota Bogor"
        for row in wb["jurisdictions"].iter_rows(min_row=2):
            if row[4].value == "32.10": row[4].value = 32.1
        wb.save(dst)
        """#

    /// A folder with `d` (the template for Jawa Barat) and `NAME/dataset.xlsx` filled with `count`.
    static func filled(_ w: String, _ name: String, count: String) throws {
        #expect(try Netra.run(["init", "d", "--region", "32"], in: w).status == 0)
        try FileManager.default.createDirectory(atPath: w + "/" + name, withIntermediateDirectories: true)
        let r = try Netra.runProgram("/usr/bin/python3", ["-c", fill, "d/dataset.xlsx", name + "/dataset.xlsx", count], in: w)
        #expect(r.status == 0, "openpyxl: \(r.stderr)")
    }

    static let ok = "ok: 3 events (sosialisasi 1, pledge 1, incident 1); 29 jurisdictions; 0 elections; 2022-01-01 to 2024-01-15\n"
    static let okID = "ok: 3 peristiwa (sosialisasi 1, pledge 1, incident 1); 29 wilayah; 0 pemilu; 2022-01-01 s.d. 2024-01-15\n"
    static let exported = [
        "bogor-2024-01-15-sosialisasi,2024-01-15,day,,sosialisasi,kota-bogor,,,,2024-01-16",
        "bogor-2023-11-ikrar,2023-11,month,,pledge,kota-bogor,1850,,,",
        "bogor-2022-insiden,2022,year,,incident,kabupaten-bogor,,,alleged,"
    ]

    /// The export's id…jurisdiction, count, unit, status and source_date columns.
    static func exportedRows(_ w: String, _ ds: String) throws -> [String] {
        let r = try Netra.run(["export", "events", "--dataset", ds], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return (Array(f[0..<6]) + Array(f[10..<13]) + [f[16]]).joined(separator: ",")
        }
    }

    @Test func aTemplateFilledAsOfficesFillItValidates() throws {
        let w = Netra.tempDir("office")
        try Self.filled(w, "ds", count: "1850")
        let id = try Netra.run(["validate", "--dataset", "ds"], in: w)
        #expect(id.status == 0, "\(id.stderr)")
        #expect(id.stdout == Self.okID)
        #expect(id.stderr == "ds/dataset.xlsx:events: catatan: baris 1–2 di atas baris judul kolom (baris 3) dilewati\n")
        let en = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: w)
        #expect(en.stdout == Self.ok)
        #expect(en.stderr == "ds/dataset.xlsx:events: note: rows 1–2 are above the header (row 3) and were skipped\n")
        // The date cell is its day, the month and the year as typed; `Ikrar` and `dugaan` in
        // their canonical form.
        #expect(try Self.exportedRows(w, "ds") == Self.exported)
    }

    @Test func theSameWorkbookSavedByLibreOfficeValidates() throws {
        let w = Netra.tempDir("office-lo")
        try Self.filled(w, "src", count: "1850")
        let lo = try Netra.runProgram(
            "/usr/bin/soffice",
            [
                "-env:UserInstallation=file://\(w)/lo-profile", "--headless",
                "--convert-to", "xlsx", "--outdir", w + "/lo", w + "/src/dataset.xlsx"
            ], in: w)
        #expect(lo.status == 0, "soffice: \(lo.stderr)")
        try FileManager.default.createDirectory(atPath: w + "/ds", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: w + "/lo/dataset.xlsx", toPath: w + "/ds/dataset.xlsx")
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.ok)
        #expect(try Self.exportedRows(w, "ds") == Self.exported)
    }

    @Test func aCountASpreadsheetReadAsADecimalGetsTheThousandsHint() throws {
        let w = Netra.tempDir("office-count")
        try Self.filled(w, "ds", count: "1.85")
        let id = try Netra.run(["validate", "--dataset", "ds"], in: w)
        #expect(id.status == 1)
        #expect(
            id.stderr.hasSuffix(
                """
                ds/dataset.xlsx:events!K5: count: '1.85' bukan bilangan bulat; jika yang dimaksud 1850 (diketik dengan titik pemisah ribuan, yang dibaca program lembar kerja sebagai koma desimal), tulis 1850: angka saja, tanpa pemisah
                netra: 1 masalah di ds; tidak ada yang ditulis\n
                """))
        let en = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: w)
        #expect(
            en.stderr.hasSuffix(
                """
                ds/dataset.xlsx:events!K5: count: '1.85' is not a whole number; if 1850 was meant (typed with a dot for thousands, which a spreadsheet read as a decimal point), write 1850: digits only, with no separators
                netra: 1 problem in ds; nothing was written\n
                """))
    }

    /// The template: the date columns take what is typed (General), the id column is text,
    /// and the columns are as wide as a date, an id and a title need.
    @Test func theTemplatesColumnsFitTheirContent() throws {
        let w = Netra.tempDir("office-template")
        #expect(try Netra.run(["init", "d", "--region", "32.71"], in: w).status == 0)
        let book = try WorkbookExportEndToEndTests.read(w + "/d/dataset.xlsx")
        let events = try WorkbookExportEndToEndTests.sheet(book, "events")
        #expect(events["text_columns"] as? [String] == ["A"])
        let widths = try #require(events["widths"] as? [String: Double])
        #expect((widths["A"] ?? 0) >= 30)  // id
        #expect((widths["B"] ?? 0) >= 12)  // date: 2024-01-15
        #expect((widths["G"] ?? 0) >= 50)  // title
        #expect((widths["Q"] ?? 0) >= 12)  // source_date
        let juris = try WorkbookExportEndToEndTests.sheet(book, "jurisdictions")
        #expect((try #require(juris["widths"] as? [String: Double])["B"] ?? 0) >= 30)  // name
    }
}
