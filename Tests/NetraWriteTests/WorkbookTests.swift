import Testing
import Foundation
import NetraCore
import NetraAnalytics
@testable import NetraWrite
import NetraTestSupport
@testable import NetraLoad
import NetraWorkbook

@Suite struct WorkbookTests {
    @Test func excelSerialDaysCountAsExcelDoes() throws {
        func serial(_ y: Int, _ m: Int, _ d: Int) throws -> Int { Workbook.excelSerial(try #require(Day(year: y, month: m, day: d))) }
        #expect(try serial(1900, 1, 1) == 1)
        #expect(try serial(1900, 2, 28) == 59)
        // Excel's phantom 1900-02-29 is 60: the next real day is 61.
        #expect(try serial(1900, 3, 1) == 61)
        #expect(try serial(1970, 1, 1) == 25_569)
        #expect(try serial(2024, 1, 1) == 45_292)
        #expect(try serial(2024, 2, 14) == 45_336)
    }

    @Test func cellNames() {
        #expect(Workbook.cellName(row: 0, column: 0) == "A1")
        #expect(Workbook.cellName(row: 11, column: 1) == "B12")
        #expect(Workbook.cellName(row: 0, column: 25) == "Z1")
        #expect(Workbook.cellName(row: 0, column: 26) == "AA1")
        #expect(Workbook.cellName(row: 1, column: 31) == "AF2")
    }

    @Test func cellsAreTypedByTheirColumn() {
        #expect(Analysis.typed("2023-11-02", column: "date", numeric: false) == .date(Day(year: 2023, month: 11, day: 2)!))
        #expect(Analysis.typed("2023-11", column: "date", numeric: false) == .text("2023-11"))
        #expect(Analysis.typed("2023-11-02", column: "title", numeric: false) == .text("2023-11-02"))
        #expect(Analysis.typed("24013", column: "count", numeric: false) == .int(24_013))
        #expect(Analysis.typed("-3", column: "days", numeric: false) == .int(-3))
        #expect(Analysis.typed("12.5", column: "median", numeric: false) == .number(12.5))
        #expect(Analysis.typed("=1+1", column: "title", numeric: false) == .text("=1+1"))
        #expect(Analysis.typed("=1+1", column: "count", numeric: false) == .text("=1+1"))
        #expect(Analysis.typed("7", column: "kota-bekasi", numeric: true) == .number(7))
        #expect(Analysis.typed("", column: "count", numeric: false) == .empty)
    }

    @Test func aCellLongerThanExcelAllowsIsCutAndMarked() throws {
        // A 40,000-character note (valid in a CSV) once failed the whole report; now its cell
        // is cut to what Excel holds and says how much was left out (the CSV keeps it whole).
        let long = String(repeating: "x", count: 40_000)
        let book = Workbook(sheets: [Sheet(name: "Peristiwa", header: ["id", "notes"], rows: [[.text("a"), .text(long)]])])
        let read = try WorkbookFile(bytes: try book.bytes(scratchDir: NSTemporaryDirectory())).sheet(0)
        let cell = try #require(read.rows.last?.cells.last?.text)
        #expect(cell == String(repeating: "x", count: 32_751) + " … [+7249]")
        #expect(cell.utf16.count <= Workbook.maxCellCharacters)
        #expect(Workbook.fitted(String(repeating: "y", count: 32_767)).count == 32_767)
    }

    @Test func theTemplateTakesRegionsByCode() throws {
        let one = try DatasetTemplate(regions: ["32.75"])
        #expect(
            one.jurisdictionRows == [
                ["indonesia", "Indonesia", "nasional", "", ""],
                ["jawa-barat", "Jawa Barat", "provinsi", "indonesia", "32"],
                ["kabupaten-bekasi", "Kabupaten Bekasi", "kabupaten", "jawa-barat", "32.16"],
                ["kota-bekasi", "Kota Bekasi", "kota", "jawa-barat", "32.75"]
            ])
        #expect(one.settings == DatasetSettings(region: "32.75", pair: ("kota-bekasi", "kabupaten-bekasi"), lang: "id"))
        #expect(try DatasetTemplate(regions: ["32"]).jurisdictions.count == 1 + 1 + 27)
        // No row twice; provinces in code order, each with its own in the table's (code) order.
        let both = try DatasetTemplate(regions: ["32.75", "31", "32.16", "32.75"])
        #expect(
            both.jurisdictionRows.map { $0[0] } == [
                "indonesia", "daerah-khusus-ibukota-jakarta", "kabupaten-administrasi-kepulauan-seribu",
                "kota-administrasi-jakarta-pusat", "kota-administrasi-jakarta-utara", "kota-administrasi-jakarta-barat",
                "kota-administrasi-jakarta-selatan", "kota-administrasi-jakarta-timur", "jawa-barat", "kabupaten-bekasi", "kota-bekasi"
            ])
        #expect(try DatasetTemplate(regions: []).jurisdictions.count == 1)
        #expect(throws: WorkbookError.self) { try DatasetTemplate(regions: ["99"]) }
    }

    @Test func theTemplatesCSVsValidate() throws {
        let t = try DatasetTemplate(regions: ["32"])
        let files = Dictionary(uniqueKeysWithValues: t.csvFiles.map { ($0.name, $0.bytes) })
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", files["jurisdictions.csv"]),
            elections: ("elections.csv", files["elections.csv"]), events: ("events.csv", files["events.csv"]))
        #expect(d.jurisdictions.count == 29 && d.events.count == 0 && d.elections.isEmpty)
        #expect(d.jurisdictions.compactMap(\.kode).count == 28)
    }
}

@Suite struct EscapeTests {
    @Test func charactersXMLCannotHoldAreEscapedAsExcelDoes() {
        #expect(Workbook.escaped("plain text, tab\tand\nline") == "plain text, tab\tand\nline")
        #expect(Workbook.escaped("a\u{1}b\rc\u{FFFF}") == "a_x0001_b_x000D_c_xFFFF_")
        // Text that already looks like an escape keeps its underscore.
        #expect(Workbook.escaped("_x0041_ and _x12_ and snake_case") == "_x005F_x0041_ and _x12_ and snake_case")
        #expect(Workbook.escaped("=1+1") == "=1+1")
    }

    /// The scratch workbook libxlsxwriter writes is locked from its creation, so a run in
    /// another PID namespace (where this pid looks gone) keeps it (issue 28, point 8).
    @Test func theScratchWorkbookIsLockedWhileItIsWritten() throws {
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        let dir = folders.make("scratch")
        let (path, fd) = try Workbook.lockedScratch(in: dir)
        // The same file under the name a process of another namespace would have given it.
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let foreign = dir + "/.netra-tmp-\(dead)-abc123-workbook.xlsx"
        #expect(rename(path, foreign) == 0)
        #expect(OutputFolder.removeStaleTemporaries(in: dir).isEmpty)
        #expect(FileManager.default.fileExists(atPath: foreign))
        close(fd)
        #expect(OutputFolder.removeStaleTemporaries(in: dir) == [".netra-tmp-\(dead)-abc123-workbook.xlsx"])
    }
}
