import Foundation
import Testing
import ZIPFoundation
@testable import NetraCore
import NetraTestSupport
@testable import NetraLoad
@testable import NetraWorkbook

/// The workbooks LibreOffice and openpyxl made from a copy of the shipped dataset
/// (Fixtures/Workbooks/csv, taken when they were made).
let workbookFixtures = TestPaths.packageRoot + "/Tests/NetraWorkbookTests/Fixtures/Workbooks"

/// Everything the loader keeps of each event, as text, to compare two loads.
func eventDump(_ d: Dataset) -> [String] {
    let e = d.events
    return e.indices.map { k in
        let texts = EventText.allCases.map { e.string($0, k) }.joined(separator: "|")
        return [
            texts, "\(e.dates[k])", "\(e.endDates[k] as Any)", "\(e.kinds[k])", "\(e.jurisdictions[k])",
            "\(e.counts[k] as Any)", "\(e.statuses[k] as Any)", "\(e.links[k])", "\(e.sourceDates[k] as Any)",
            "\(e.knownDates[k] as Any)", e.source(k), "\(e.extras[k])"
        ].joined(separator: "¦")
    }
}

func modelDump(_ d: Dataset) -> [String] {
    eventDump(d) + d.jurisdictions.map { "\($0.id)|\($0.name)|\($0.level)|\($0.parent as Any)" }
        + d.elections.map { "\($0.id)|\($0.name)|\($0.date)|\($0.scope)" } + ["\(d.extraEventColumns)"]
}

/// A workbook made here part by part, to break one thing at a time.
struct TestWorkbook {
    var sheets: [(name: String, rows: String)]
    var shared: [String] = []
    var styles: String? = nil
    var date1904 = false
    var extraParts: [(String, Data)] = []

    init(_ sheets: [(name: String, rows: String)]) { self.sheets = sheets }

    /// `rows` as `<row>` elements of inline strings, columns from A, rows from 1 (with `r`).
    static func rows(_ table: [[String]]) -> String {
        table.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">"
                + row.enumerated().compactMap { c, text in
                    text.isEmpty ? nil : "<c r=\"\(CellRef.letters(c + 1))\(r + 1)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                }.joined() + "</row>"
        }.joined()
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// A CSV without quoted fields as rows.
    static func rows(csv: String) -> String {
        rows(csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
    }

    var bytes: [UInt8] {
        get throws {
            let ns =
                "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
            var parts: [(String, String)] = []
            parts.append(
                (
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\"?><workbook \(ns)><workbookPr date1904=\"\(date1904 ? 1 : 0)\"/><sheets>"
                        + sheets.enumerated().map { "<sheet name=\"\($0.element.name)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
                        + "</sheets></workbook>"
                ))
            parts.append(
                (
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + sheets.indices.map {
                            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
                        }.joined()
                        + "</Relationships>"
                ))
            for (k, s) in sheets.enumerated() {
                parts.append(("xl/worksheets/sheet\(k + 1).xml", "<?xml version=\"1.0\"?><worksheet \(ns)><sheetData>\(s.rows)</sheetData></worksheet>"))
            }
            if !shared.isEmpty {
                parts.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst \(ns)>" + shared.joined() + "</sst>"))
            }
            if let styles { parts.append(("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet \(ns)>\(styles)</styleSheet>")) }
            let archive = try Archive(data: Data(), accessMode: .create)
            // An extra part of the same path takes the place of the one made here.
            let replaced = Set(extraParts.map(\.0))
            for (path, data) in parts.filter({ !replaced.contains($0.0) }).map({ ($0.0, Data($0.1.utf8)) }) + extraParts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                    data.subdata(in: Int(pos)..<Int(pos) + size)
                }
            }
            return [UInt8](archive.data ?? Data())
        }
    }

    /// The cells of sheet 1 as the loader's rows would have them.
    func grid(limits: WorkbookLimits = .default) throws -> SheetGrid {
        try WorkbookFile(bytes: try bytes, limits: limits).sheet(0)
    }
}

/// A style sheet whose cell style 1 is a date (`yyyy-mm-dd`), 2 a month (`mmm yyyy`), 3 built-in 14.
let dateStyles = """
    <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="[$-421]mmm\\ yyyy;@"/></numFmts>\
    <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>
    """

@Suite("Workbooks", .serialized)
struct WorkbookTests {
    let folders = TemporaryFolders()

    func folder(_ files: [String: [UInt8]]) throws -> String {
        let dir = folders.make("xlsx")
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    func fixture(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: workbookFixtures + "/" + path))) }

    func problems(_ dir: String) -> [String] {
        do { _ = try DatasetLoader.load(directory: dir); return ["loaded"] } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        }
    }

    var csvCopy: Dataset { get throws { try DatasetLoader.load(directory: workbookFixtures + "/csv") } }

    // MARK: files from real spreadsheet programs

    @Test func libreOfficeWorkbooksLoadAsTheirCSVs() throws {
        let csv = try csvCopy
        #expect(csv.events.count == 34 && csv.jurisdictions.count == 4 && csv.elections.count == 2)
        let d = try DatasetLoader.load(directory: workbookFixtures + "/libreoffice")
        #expect(modelDump(d) == modelDump(csv))
    }

    @Test func libreOfficeWroteDatesAsDateCells() throws {
        // The test above proves something only if the dates were numbers with a date format.
        let w = try WorkbookFile(bytes: try fixture("libreoffice/events.xlsx"))
        #expect(w.styleKinds.contains(.date(.day)))
        let xml = String(decoding: try w.archive.bytes("xl/worksheets/sheet1.xml") ?? [], as: UTF8.self)
        // B3 is 2022-09-22: serial 44826, in style 1, a date (yyyy-mm-dd).
        #expect(xml.contains("<c r=\"B3\" s=\"1\" t=\"n\"><v>44826</v>"))
        #expect(w.styleKinds.count == 2 && w.styleKinds[1] == .date(.day))
        let o = try WorkbookFile(bytes: try fixture("openpyxl/dataset.xlsx"))
        #expect(o.styleKinds.count == 2 && o.styleKinds[1] == .date(.day))
    }

    @Test func openpyxlWorkbookWithIndonesianSheetsLoadsAsTheCSVs() throws {
        let csv = try csvCopy
        let dir = try folder(["dataset.xlsx": try fixture("openpyxl/dataset.xlsx")])
        let d = try DatasetLoader.load(directory: dir)
        #expect(modelDump(d) == modelDump(csv))
        let w = try WorkbookFile(bytes: try fixture("openpyxl/dataset.xlsx"))
        #expect(w.sheetNames == ["peristiwa", "wilayah", "pemilu"])
        #expect(w.styleKinds.contains(.date(.day)))
    }

    // MARK: which file holds a table

    @Test func aTableInTwoPlacesIsRefused() throws {
        let dir = try folder([
            "events.csv": try fixture("csv/events.csv"), "jurisdictions.csv": try fixture("csv/jurisdictions.csv"),
            "elections.csv": try fixture("csv/elections.csv"), "events.xlsx": try fixture("libreoffice/events.xlsx")
        ])
        #expect(problems(dir) == ["events.csv:1:1: the events are in both events.csv and events.xlsx; keep only one of them"])
        let dir2 = try folder(["jurisdictions.csv": try fixture("csv/jurisdictions.csv"), "dataset.xlsx": try fixture("openpyxl/dataset.xlsx")])
        #expect(
            problems(dir2) == [
                "jurisdictions.csv:1:1: the jurisdictions are in both jurisdictions.csv and dataset.xlsx (sheet 'wilayah'); keep only one of them"
            ])
        let dir3 = try folder(["elections.xlsx": try fixture("libreoffice/elections.xlsx"), "dataset.xlsx": try fixture("openpyxl/dataset.xlsx")])
        #expect(problems(dir3) == ["elections.xlsx:1:1: the elections are in both elections.xlsx and dataset.xlsx (sheet 'pemilu'); keep only one of them"])
    }

    @Test func csvAndWorkbooksMix() throws {
        let dir = try folder([
            "events.xlsx": try fixture("libreoffice/events.xlsx"), "jurisdictions.csv": try fixture("csv/jurisdictions.csv"),
            "elections.xlsx": try fixture("libreoffice/elections.xlsx")
        ])
        #expect(modelDump(try DatasetLoader.load(directory: dir)) == modelDump(try csvCopy))
    }

    @Test func aMissingSheetIsNamed() throws {
        var wb = TestWorkbook([("peristiwa", TestWorkbook.rows(csv: Fixture.events)), ("Sheet2", "")])
        wb.date1904 = false
        let dir = try folder(["dataset.xlsx": try wb.bytes, "elections.csv": Array(Fixture.elections.utf8)])
        #expect(
            problems(dir) == [
                "dataset.xlsx:1:1: has no sheet 'jurisdictions' (or 'wilayah') and the folder has no jurisdictions.csv; the workbook's sheets: 'peristiwa', 'Sheet2'"
            ])
    }

    // MARK: bad workbooks

    @Test func notAZip() throws {
        let dir = try folder([
            "events.xlsx": Array(Fixture.events.utf8), "jurisdictions.csv": Array(Fixture.jurisdictions.utf8),
            "elections.csv": Array(Fixture.elections.utf8)
        ])
        #expect(
            problems(dir) == [
                "events.xlsx:1:1: is not an .xlsx workbook (not a zip archive); save it from the spreadsheet program as \"Excel Workbook (.xlsx)\""
            ])
    }

    @Test func anOldExcelFileOrAPasswordIsNamed() throws {
        // Both are OLE compound files, not zip archives.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(
            throws: WorkbookProblem("is an Excel 97–2003 file (.xls) or a workbook with a password; save it as \"Excel Workbook (.xlsx)\" without a password")
        ) {
            _ = try WorkbookFile(bytes: ole)
        }
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        // The archive says each part unpacks to 2 GiB: refused on that alone.
        var bytes = try TestWorkbook([("events", TestWorkbook.rows(csv: Fixture.events))]).bytes
        var patched = 0
        var i = 0
        while i + 46 < bytes.count {
            // The central directory's and the local headers' unpacked sizes alike (libzip compares them).
            let at =
                bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
                ? 24
                : bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 ? 22 : nil
            if let at {
                bytes[i + at] = 0xFF; bytes[i + at + 1] = 0xFF; bytes[i + at + 2] = 0xFF; bytes[i + at + 3] = 0x7F
                patched += 1
            }
            i += 1
        }
        #expect(patched == 6)
        #expect(throws: WorkbookProblem("unpacks to more than 1073741824 bytes; a workbook that big is refused (is it a zip bomb?)")) {
            _ = try WorkbookFile(bytes: bytes)
        }
    }

    @Test func unpackedSizesAreLimited() throws {
        // All parts count against the one limit.
        let wb = TestWorkbook([("events", TestWorkbook.rows(csv: Fixture.events))])
        let size = try wb.bytes.count
        #expect(size < 2_000)
        #expect(throws: WorkbookProblem("unpacks to more than 1500 bytes; a workbook that big is refused (is it a zip bomb?)")) {
            _ = try wb.grid(limits: WorkbookLimits(maxUncompressedBytes: 1_500))
        }
        // A sheet of 20 MB of blanks that packs to a few kB.
        var bomb = TestWorkbook([("events", "")])
        bomb.extraParts = [
            ("xl/worksheets/sheet1.xml", Data(("<worksheet><sheetData>" + String(repeating: " ", count: 20_000_000) + "</sheetData></worksheet>").utf8))
        ]
        bomb.sheets = [("events", "")]
        let b = try bomb.bytes
        #expect(b.count < 100_000)
        #expect(throws: WorkbookProblem("unpacks to more than 10000000 bytes; a workbook that big is refused (is it a zip bomb?)")) {
            _ = try WorkbookFile(bytes: b, limits: WorkbookLimits(maxUncompressedBytes: 10_000_000)).sheet(0)
        }
    }

    @Test func aSheetOverTenMegabytesIsRead() throws {
        // libxml2 refuses a single chunk over 10 MB: LibreOffice writes a 20,000-event sheet as
        // 12 MB on one line. The parser is fed from a stream, in chunks.
        let padding = String(repeating: " ", count: 11_000_000)
        let g = try TestWorkbook([("events", padding + TestWorkbook.rows([["id", "date"], ["a", "2024-01-02"]]))]).grid()
        #expect(g.rows.map { $0.cells.map(\.text) } == [["id", "date"], ["a", "2024-01-02"]])
    }

    @Test func entitiesAreRefused() throws {
        // A billion laughs: ten levels of ten entities each.
        var dtd = "<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">"
        for k in 1...9 { dtd += "<!ENTITY l\(k) \"" + String(repeating: "&l\(k - 1);", count: 10) + "\">" }
        dtd += "]>"
        var wb = TestWorkbook([("events", "")])
        wb.extraParts = [
            (
                "xl/worksheets/sheet1.xml",
                Data((dtd + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>").utf8)
            )
        ]
        wb.sheets = [("events", "")]
        #expect(throws: WorkbookProblem("xl/worksheets/sheet1.xml declares a DTD or entities, which no spreadsheet program writes; the workbook is refused")) {
            _ = try wb.grid()
        }
    }

    @Test func aPartThatUnpacksToMoreThanItSaysIsStopped() throws {
        // The sheet's sizes in the archive made to say 1 byte: the stated total passes, the bytes do not.
        var bomb = TestWorkbook([("events", "")])
        bomb.extraParts = [
            ("xl/worksheets/sheet1.xml", Data(("<worksheet><sheetData>" + String(repeating: " ", count: 20_000_000) + "</sheetData></worksheet>").utf8))
        ]
        var b = try bomb.bytes
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var i = 0
        while i + 46 + name.count < b.count {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x01, b[i + 3] == 0x02, Array(b[i + 46..<i + 46 + name.count]) == name {
                b[i + 24] = 1; b[i + 25] = 0; b[i + 26] = 0; b[i + 27] = 0
            }
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x03, b[i + 3] == 0x04, Array(b[i + 30..<i + 30 + name.count]) == name {
                b[i + 22] = 1; b[i + 23] = 0; b[i + 24] = 0; b[i + 25] = 0
            }
            i += 1
        }
        let w = try WorkbookFile(bytes: b, limits: WorkbookLimits(maxUncompressedBytes: 10_000_000))
        #expect(throws: WorkbookProblem("unpacks to more than 10000000 bytes; a workbook that big is refused (is it a zip bomb?)")) {
            _ = try w.sheet(0)
        }
    }

    @Test func tooManyEntries() throws {
        var wb = TestWorkbook([("events", "")])
        wb.extraParts = (0..<10_001).map { ("xl/media/x\($0).bin", Data()) }
        #expect(throws: WorkbookProblem("holds more than 10000 parts; a workbook that big is refused (is it a zip bomb?)")) {
            _ = try WorkbookFile(bytes: try wb.bytes)
        }
    }

    @Test func aCellOverExcelsLimit() throws {
        let long = String(repeating: "a", count: 32_768)
        let events = Fixture.eventsWith(1, "photo,2023-12-29,day,incident,kota-bekasi,\(long),,dismissed,,Rakyat Bekasi,2024-01-04")
        let dir = try folder([
            "events.xlsx": try TestWorkbook([("events", TestWorkbook.rows(csv: events))]).bytes,
            "jurisdictions.csv": Array(Fixture.jurisdictions.utf8), "elections.csv": Array(Fixture.elections.utf8)
        ])
        #expect(problems(dir) == ["events.xlsx:events!F3: the cell holds 32768 characters, more than the 32767 a cell may hold"])
        // Exactly the limit is a cell like any other.
        let ok = Fixture.eventsWith(1, "photo,2023-12-29,day,incident,kota-bekasi,\(long.dropLast()),,dismissed,,Rakyat Bekasi,2024-01-04")
        let dir2 = try folder([
            "events.xlsx": try TestWorkbook([("events", TestWorkbook.rows(csv: ok))]).bytes,
            "jurisdictions.csv": Array(Fixture.jurisdictions.utf8), "elections.csv": Array(Fixture.elections.utf8)
        ])
        #expect(try DatasetLoader.load(directory: dir2).events.string(.title, EventIndex(1)).count == 32_767)
        // A shared string over the limit is refused where the strings are read.
        var shared = TestWorkbook([("events", "<row><c t=\"s\"><v>0</v></c></row>")])
        shared.shared = ["<si><t>\(long)</t></si>"]
        #expect(throws: WorkbookProblem("shared string 1 is longer than 32767 characters, the most a cell may hold")) { _ = try shared.grid() }
    }

    @Test func everyProblemAtItsCellSortedAllAtOnce() throws {
        // Row 12 holds the bad date in B; the rows between are empty (a spreadsheet's gaps).
        var table = Fixture.events.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        table[2][1] = "2024-02-30"  // row 3
        table[4][3] = "rumour"  // row 5: kind
        var rows = TestWorkbook.rows(table)
        rows +=
            "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>late</t></is></c><c r=\"B12\" t=\"inlineStr\"><is><t>2024-02-30</t></is></c>"
            + "<c r=\"C12\" t=\"inlineStr\"><is><t>day</t></is></c><c r=\"D12\" t=\"inlineStr\"><is><t>pledge</t></is></c>"
            + "<c r=\"E12\" t=\"inlineStr\"><is><t>kota-bekasi</t></is></c><c r=\"F12\" t=\"inlineStr\"><is><t>x</t></is></c>"
            + "<c r=\"J12\" t=\"inlineStr\"><is><t>Radar</t></is></c><c r=\"M12\" t=\"inlineStr\"><is><t>stray</t></is></c></row>"
        rows +=
            "<row r=\"13\"><c r=\"A13\" t=\"inlineStr\"><is><t>pledge</t></is></c><c r=\"B13\" t=\"inlineStr\"><is><t>2024-01-01</t></is></c>"
            + "<c r=\"C13\" t=\"inlineStr\"><is><t>day</t></is></c><c r=\"D13\" t=\"inlineStr\"><is><t>pledge</t></is></c>"
            + "<c r=\"E13\" t=\"inlineStr\"><is><t>kota-bekasi</t></is></c><c r=\"F13\" t=\"inlineStr\"><is><t>x</t></is></c>"
            + "<c r=\"J13\" t=\"inlineStr\"><is><t>Radar</t></is></c></row>"
        let dir = try folder([
            "events.xlsx": try TestWorkbook([("events", rows)]).bytes,
            "jurisdictions.csv": Array(Fixture.jurisdictions.utf8), "elections.csv": Array(Fixture.elections.utf8)
        ])
        let got = problems(dir)
        #expect(got.count == 5, "\(got)")
        #expect(got.first?.hasPrefix("events.xlsx:events!B3: date: impossible date '2024-02-30'") == true)
        #expect(got.dropFirst().first?.hasPrefix("events.xlsx:events!D5: kind: unknown kind 'rumour'") == true, "\(got)")
        #expect(got.dropFirst(2).first?.hasPrefix("events.xlsx:events!B12: date: impossible date '2024-02-30'") == true)
        #expect(got.dropFirst(3).first == "events.xlsx:events!M12: a value outside the header's columns (A–K); name its column in row 1 or clear the cell")
        #expect(got.last == "events.xlsx:events!A13: id: duplicate id 'pledge' (first in row 2)")
    }

    /// A number or shared-string index is read without the spaces around it, the same set
    /// Foundation's `.whitespaces` trimmed (every Zs, the tab, U+200B), and nothing more.
    @Test func cellValuesLoseTheSpacesFoundationTrimmed() {
        #expect(" \u{200B}12\u{00A0}\t".trimmingSpaces == "12")
        #expect("\u{3000}7\u{2003}\u{202F}".trimmingSpaces == "7")
        #expect("\n12\n".trimmingSpaces == "\n12\n")
        #expect("\u{FEFF}3".trimmingSpaces == "\u{FEFF}3")
        #expect(" \t\u{200B} ".trimmingSpaces == "")
        #expect("1 2".trimmingSpaces == "1 2")
    }

    @Test func excelEscapesDecodeAsExcelDoes() throws {
        #expect(ExcelEscapes.decode("a_x000D_b") == "a\rb")
        #expect(ExcelEscapes.decode("_x005F_x000D_") == "_x000D_")
        #expect(ExcelEscapes.decode("_X000a_") == "\n")
        // A character beyond the BMP is a pair of escapes; half of one stays as written.
        #expect(ExcelEscapes.decode("_xD83C__xDF89_") == "🎉")
        #expect(ExcelEscapes.decode("_xD800_id") == "_xD800_id")
        #expect(ExcelEscapes.decode("_xDF89_") == "_xDF89_")
        #expect(ExcelEscapes.decode("_x00zz_ and _x") == "_x00zz_ and _x")
        // In every kind of text cell: inline, shared, formula string.
        var wb = TestWorkbook([
            ("events", "<row><c t=\"inlineStr\"><is><t>a_x000D_b</t></is></c><c t=\"s\"><v>0</v></c><c t=\"str\"><f>A1</f><v>_x005F_x0041_</v></c></row>")
        ])
        wb.shared = ["<si><t>x_x0009_y</t></si>"]
        #expect(try wb.grid().rows.map { $0.cells.map(\.text) } == [["a\rb", "x\ty", "_x0041_"]])
    }

    @Test func anEmptyInlineCellIsEmpty() throws {
        // openpyxl writes '' as an inline cell with no <is>: it once took the text before it.
        let g = try TestWorkbook([
            ("events", "<row><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B1\" t=\"inlineStr\"></c><c r=\"C1\" t=\"inlineStr\"><is/></c></row>")
        ]).grid()
        #expect(g.rows.map { $0.cells.map(\.column) } == [[1]])
    }

    @Test func problemsInEmptyCellsAreToldAtThoseCells() throws {
        // Row 6 holds only A6, J6 and K6: the empty cells between are commas in the CSV the
        // loader reads, each found again as its own cell.
        var table = Fixture.events.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        table.append(["lonely", "", "", "", "", "", "", "", "", "X", "2024-13-01"])
        let dir = try folder([
            "events.xlsx": try TestWorkbook([("events", TestWorkbook.rows(table))]).bytes,
            "jurisdictions.csv": Array(Fixture.jurisdictions.utf8), "elections.csv": Array(Fixture.elections.utf8)
        ])
        let cells = problems(dir).map { String($0.prefix { $0 != " " }) }
        #expect(
            cells == ["events.xlsx:events!B6:", "events.xlsx:events!D6:", "events.xlsx:events!E6:", "events.xlsx:events!F6:", "events.xlsx:events!K6:"],
            "\(problems(dir))")
    }

    @Test func aRowPastExcelsLastIsRefused() throws {
        #expect(throws: WorkbookProblem(cell: CellRef(row: 1, column: 1), "row number '1048577' is past Excel's last row, 1048576; the sheet is damaged")) {
            _ = try TestWorkbook([("events", "<row r=\"1048577\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>")]).grid()
        }
    }

    @Test func aHeaderTooWideIsRefusedBeforeRowsAreWritten() throws {
        let rows =
            "<row><c t=\"inlineStr\"><is><t>id</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>far</t></is></c></row>"
            + String(repeating: "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", count: 1_000)
        let csv = SheetCSV(try TestWorkbook([("events", rows)]).grid())
        #expect(csv.bytes.isEmpty)
        #expect(csv.problems == [WorkbookProblem(cell: CellRef(row: 1, column: 16_384), "the header runs over more than 1024 columns (A–XFD)")])
    }

    // MARK: cells by type

    @Test func datesByTheirNumberFormat() throws {
        func cells(_ v: [(String, Int)], date1904: Bool = false) throws -> [String] {
            var wb = TestWorkbook([("s", "<row>" + v.map { "<c s=\"\($0.1)\"><v>\($0.0)</v></c>" }.joined() + "</row>")])
            wb.styles = dateStyles
            wb.date1904 = date1904
            return try wb.grid().rows.first?.cells.map(\.text) ?? []
        }
        // 45000 is 2023-03-15; a time of day is dropped; a month format gives the month.
        #expect(
            try cells([("45000", 1), ("45000.99", 1), ("45000", 2), ("45000", 3), ("45000", 0), ("18.0", 0), ("2.5", 0)])
                == ["2023-03-15", "2023-03-15", "2023-03", "2023-03-15", "45000", "18", "2.5"])
        // The 1900 system: serials below 61 count from 1899-12-31 (Excel's fictitious 1900-02-29).
        #expect(try cells([("1", 1), ("59", 1), ("61", 1)]) == ["1900-01-01", "1900-02-28", "1900-03-01"])
        // date1904: serial 0 is 1904-01-01, 1462 days after the 1900 system's count.
        #expect(try cells([("0", 1), ("43538", 1)], date1904: true) == ["1904-01-01", "2023-03-15"])
        var wb = TestWorkbook([("s", "<row><c r=\"C4\" s=\"1\"><v>60</v></c><c s=\"1\"><v>-1</v></c></row>")])
        wb.styles = dateStyles
        wb.sheets[0].rows = "<row r=\"4\"><c r=\"C4\" s=\"1\"><v>60</v></c><c s=\"1\"><v>-1</v></c></row>"
        let g = try wb.grid()
        #expect(g.rows.isEmpty || g.rows[0].cells.isEmpty)
        #expect(
            g.problems == [
                WorkbookProblem(
                    cell: CellRef(row: 4, column: 3), "date serial 60 is 1900-02-29, a day that never was (Excel's 1900 leap-year bug); type the date"),
                WorkbookProblem(cell: CellRef(row: 4, column: 4), "date serial -1.0 is outside Excel's calendar (1900 to 9999)")
            ])
    }

    @Test func customDateCodes() {
        #expect(NumberKind(code: "yyyy\\-mm\\-dd") == .date(.day))
        #expect(NumberKind(code: "dd/mm/yyyy;@") == .date(.day))
        #expect(NumberKind(code: "mmm yy") == .date(.month))
        #expect(NumberKind(code: "yyyy") == .date(.year))
        #expect(NumberKind(code: "[Red]0.00;\"dry\"") == .number)
        #expect(NumberKind(code: "0 \"days\"") == .number)
        #expect(NumberKind(code: "General") == .number)
        #expect(NumberKind(code: "#,##0_);[Red](#,##0)") == .number)
        #expect(NumberKind(builtIn: 14) == .date(.day) && NumberKind(builtIn: 22) == .date(.day) && NumberKind(builtIn: 17) == .date(.month))
        #expect(NumberKind(builtIn: 3) == .number && NumberKind(builtIn: 49) == .number && NumberKind(builtIn: 58) == .date(.day))
    }

    @Test func rowsAndCellsWithoutReferencesAreTheNextOnes() throws {
        var wb = TestWorkbook([
            (
                "s",
                """
                <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>\
                <row r="4"><c r="B4" t="inlineStr"><is><t>c</t></is></c><c t="b"><v>1</v></c><c t="str"><f>1+1</f><v>2</v></c></row>\
                <row><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row>
                """
            )
        ])
        wb.styles = dateStyles
        let g = try wb.grid()
        #expect(g.rows.map(\.number) == [1, 4, 5])
        #expect(g.rows.map { $0.cells.map { "\(CellRef.letters($0.column))=\($0.text)" } } == [["A=a", "B=b"], ["B=c", "C=TRUE", "D=2"], ["A=FALSE"]])
        #expect(g.problems == [WorkbookProblem(cell: CellRef(row: 5, column: 2), "the cell holds the error #N/A; put the value itself in the cell")])
        // openpyxl writes a formula without its value: not known, so not read as empty.
        let f = try TestWorkbook([("s", "<row><c r=\"B1\"><f>SUM(A2:A3)</f><v></v></c><c r=\"C1\"><f>1+1</f></c><c r=\"D1\"><f>2</f><v>2</v></c></row>")])
            .grid()
        #expect(f.rows.first?.cells.map(\.text) == ["2"])
        #expect(f.problems.map(\.cell) == [CellRef(row: 1, column: 2), CellRef(row: 1, column: 3)])
        #expect(
            f.problems.first?.message
                == "the cell holds a formula with no computed value; open and save the workbook in a spreadsheet program, or type the value")
    }

    @Test func richTextRunsAreJoinedAndPhoneticsLeftOut() throws {
        var wb = TestWorkbook([
            (
                "s",
                "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">line </t></r></is></c><c t=\"s\"><v>7</v></c></row>"
            )
        ])
        wb.shared = [
            "<si><r><t>Kota </t></r><r><rPr><b/></rPr><t>Bekasi</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>", "<si><t>plain &amp; simple</t></si>"
        ]
        let g = try wb.grid()
        #expect(g.rows.first?.cells.map(\.text) == ["Kota Bekasi", "plain & simple", "inline "])
        #expect(g.problems == [WorkbookProblem(cell: CellRef(row: 1, column: 4), "shared string '7' does not exist; the workbook is damaged")])
    }

    @Test func aTextDateReadsAsText() throws {
        let g = try TestWorkbook([("s", TestWorkbook.rows([["2023-11-02", "2024-03", "007"]]))]).grid()
        #expect(g.rows.first?.cells.map(\.text) == ["2023-11-02", "2024-03", "007"])
    }

    @Test func positionsPrintInBothForms() {
        #expect(Diagnostic(file: "e.csv", line: 3, column: 7, said: Said("m")).description == "e.csv:3:7: m")
        #expect(Diagnostic(file: "e.xlsx", sheet: "events", row: 12, column: 2, said: Said("m")).description == "e.xlsx:events!B12: m")
        #expect(Diagnostic(file: "e.xlsx", sheet: "my sheet's", row: 1, column: 28, said: Said("m")).description == "e.xlsx:'my sheet''s'!AB1: m")
        #expect(CellRef("XFD1048576") == CellRef(row: 1_048_576, column: 16_384) && CellRef("XFE1") == nil && CellRef("A0") == nil)
    }
}
