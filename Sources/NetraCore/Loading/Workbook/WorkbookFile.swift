import Foundation
import ZIPFoundation

/// Limits that keep a hostile workbook (a zip bomb) from taking the machine with it.
public struct WorkbookLimits: Sendable {
    /// The most bytes all the parts read may unpack to, counted as they are unpacked (a zip's
    /// stated sizes may lie).
    public var maxUncompressedBytes: Int
    /// The most entries the archive may hold.
    public var maxEntries: Int
    /// The most characters one cell may hold: Excel's own limit.
    public var maxCellCharacters: Int

    public init(maxUncompressedBytes: Int = 1 << 30, maxEntries: Int = 10_000, maxCellCharacters: Int = 32_767) {
        self.maxUncompressedBytes = maxUncompressedBytes; self.maxEntries = maxEntries
        self.maxCellCharacters = maxCellCharacters
    }

    public static let `default` = WorkbookLimits()
}

/// A problem with a workbook: where (a cell, when there is one) and what.
public struct WorkbookProblem: Error, Sendable, Equatable {
    /// `B12`, or nil for the whole workbook or sheet.
    public var cell: CellRef?
    public var message: String

    public init(cell: CellRef? = nil, _ message: String) { self.cell = cell; self.message = message }
}

/// A cell's place: 1-based row and column.
public struct CellRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) { self.row = row; self.column = column }

    public static func < (a: CellRef, b: CellRef) -> Bool { (a.row, a.column) < (b.row, b.column) }

    /// `A`, `Z`, `AA`, … `XFD`.
    public static func letters(_ column: Int) -> String {
        var n = column, out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    public var description: String { Self.letters(column) + String(row) }

    /// Parses `B12` (also `$B$12`); nil when it is not a cell reference within Excel's grid.
    public init?(_ text: String) {
        var col = 0, row = 0, sawDigit = false
        for u in text.utf8 {
            switch u {
            case 0x24: continue
            case 0x41...0x5A, 0x61...0x7A:
                if sawDigit { return nil }
                col = col * 26 + Int((u | 0x20) - 0x61) + 1
                if col > 16_384 { return nil }
            case 0x30...0x39:
                sawDigit = true
                row = row * 10 + Int(u - 0x30)
                if row > 1_048_576 { return nil }
            default: return nil
            }
        }
        guard col > 0, row > 0 else { return nil }
        self.row = row; self.column = col
    }

    /// Only the column letters of a reference (`B` of `B12`), for a cell whose row is known.
    static func column(_ text: String) -> Int? {
        var col = 0
        for u in text.utf8 {
            switch u {
            case 0x24: continue
            case 0x41...0x5A, 0x61...0x7A:
                col = col * 26 + Int((u | 0x20) - 0x61) + 1
                if col > 16_384 { return nil }
            case 0x30...0x39: return col > 0 ? col : nil
            default: return nil
            }
        }
        return col > 0 ? col : nil
    }
}

/// A cell read as text, or why it cannot be.
enum CellText {
    case text(String)
    case problem(String)
}

/// One sheet's cells as text, row by row, the way a CSV would hold them.
public struct SheetGrid: Sendable {
    public struct Row: Sendable {
        public var number: Int
        /// Column number and text, in column order; empty cells left out.
        public var cells: [(column: Int, text: String)]
    }
    public var rows: [Row]
    /// Problems in single cells (an impossible date serial, an error value, a cell too long).
    public var problems: [WorkbookProblem]
}

/// An `.xlsx` workbook opened for reading: its sheets' names and what every sheet shares
/// (strings, styles, the date system). Sheets are read one at a time with a streaming parser.
public final class WorkbookFile {
    public let sheetNames: [String]
    let sheetPaths: [String]
    let date1904: Bool
    let sharedStrings: [String]
    /// For each cell style (`s` attribute): how a number in it reads.
    let styleKinds: [NumberKind]
    let archive: Archive
    let limits: WorkbookLimits
    /// Bytes unpacked so far; all parts count against the one limit.
    private var unpacked = 0

    /// Opens the workbook in `bytes` (the file's content).
    public init(bytes: [UInt8], limits: WorkbookLimits = .default) throws(WorkbookProblem) {
        self.limits = limits
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw WorkbookProblem("is an Excel 97–2003 file (.xls) or a workbook with a password; save it as \"Excel Workbook (.xlsx)\" without a password")
        }
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw WorkbookProblem("is not an .xlsx workbook (not a zip archive); save it from the spreadsheet program as \"Excel Workbook (.xlsx)\"")
        }
        self.archive = archive
        var count = 0, stated: UInt64 = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw WorkbookProblem("holds more than \(limits.maxEntries) parts; a workbook that big is refused (is it a zip bomb?)")
            }
            let (sum, over) = stated.addingReportingOverflow(entry.uncompressedSize)
            stated = over ? .max : sum
        }
        if stated > UInt64(limits.maxUncompressedBytes) {
            throw Self.tooBig(limits)
        }
        var unpacked = 0
        func part(_ path: String) throws(WorkbookProblem) -> Data? {
            try Self.read(archive, path, limits: limits, unpacked: &unpacked)
        }
        guard let wbData = try part("xl/workbook.xml") else {
            throw WorkbookProblem("has no xl/workbook.xml: it is a zip archive but not an .xlsx workbook")
        }
        let wb = WorkbookPart()
        try wb.parse(wbData, part: "xl/workbook.xml")
        let rels = RelationshipsPart()
        if let d = try part("xl/_rels/workbook.xml.rels") { try rels.parse(d, part: "xl/_rels/workbook.xml.rels") }
        if wb.sheets.isEmpty { throw WorkbookProblem("has no sheets") }
        var paths: [String] = []
        for (k, sheet) in wb.sheets.enumerated() {
            if let target = rels.targets[sheet.rid] { paths.append(Self.resolve(target)) }
            else { paths.append("xl/worksheets/sheet\(k + 1).xml") }
        }
        sheetNames = wb.sheets.map(\.name)
        sheetPaths = paths
        date1904 = wb.date1904
        let sstPath = rels.typed("sharedStrings").map(Self.resolve) ?? "xl/sharedStrings.xml"
        if let d = try part(sstPath) {
            let sst = SharedStringsPart(limit: limits.maxCellCharacters)
            try sst.parse(d, part: sstPath)
            if let n = sst.tooLong { throw WorkbookProblem("shared string \(n + 1) is longer than \(limits.maxCellCharacters) characters, the most a cell may hold") }
            sharedStrings = sst.strings
        } else {
            sharedStrings = []
        }
        let stylesPath = rels.typed("styles").map(Self.resolve) ?? "xl/styles.xml"
        if let d = try part(stylesPath) {
            let st = StylesPart()
            try st.parse(d, part: stylesPath)
            styleKinds = st.cellFormats.map { id in
                if let code = st.customFormats[id] { return NumberKind(code: code) }
                return NumberKind(builtIn: id)
            }
        } else {
            styleKinds = []
        }
        self.unpacked = unpacked
    }

    static func tooBig(_ limits: WorkbookLimits) -> WorkbookProblem {
        WorkbookProblem("unpacks to more than \(limits.maxUncompressedBytes) bytes; a workbook that big is refused (is it a zip bomb?)")
    }

    /// `worksheets/sheet1.xml` (relative to xl/) or `/xl/worksheets/sheet1.xml` as a path in the archive.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// A part's bytes, counted against the limit as they are unpacked; nil when it is absent.
    static func read(_ archive: Archive, _ path: String, limits: WorkbookLimits, unpacked: inout Int) throws(WorkbookProblem) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        var total = unpacked
        var over = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                total += chunk.count
                if total > limits.maxUncompressedBytes { over = true; throw WorkbookProblem("") }
                data.append(chunk)
            }
        } catch {
            if over { throw tooBig(limits) }
            throw WorkbookProblem("cannot unpack \(path): the archive is damaged")
        }
        unpacked = total
        return data
    }

    /// The sheet named `name` (exactly, then ignoring case), if there is one.
    public func sheetIndex(named name: String) -> Int? {
        sheetNames.firstIndex(of: name) ?? sheetNames.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// Reads sheet `index` (0-based, in the workbook's order).
    public func sheet(_ index: Int) throws(WorkbookProblem) -> SheetGrid {
        guard sheetPaths.indices.contains(index) else { throw WorkbookProblem("has no sheet \(index + 1)") }
        let path = sheetPaths[index]
        guard let data = try Self.read(archive, path, limits: limits, unpacked: &unpacked) else {
            throw WorkbookProblem("sheet '\(sheetNames[index])' is missing its part \(path)")
        }
        let p = SheetPart(workbook: self)
        try p.parse(data, part: path)
        return SheetGrid(rows: p.rows, problems: p.problems)
    }

    /// A number cell's text: a date as its day, a whole number as Excel writes it (`18`).
    func numberText(_ raw: String, style: Int) -> CellText {
        let kind = styleKinds.indices.contains(style) ? styleKinds[style] : .number
        guard let value = Double(raw), value.isFinite else {
            return .problem("'\(raw)' is not a number")
        }
        switch kind {
        case .number:
            if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return .text(String(Int(value))) }
            return .text(raw)
        case .date(let part):
            switch ExcelDate.day(serial: value, date1904: date1904) {
            case .success(let d): return .text(String(d.iso.prefix(part == .day ? 10 : part == .month ? 7 : 4)))
            case .failure(let p): return .problem(p.message)
            }
        }
    }
}
