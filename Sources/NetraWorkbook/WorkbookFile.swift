import NetraCore

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
    /// What is wrong, in both languages.
    public var said: Said
    /// What is wrong, in English.
    public var message: String { said.en }

    public init(cell: CellRef? = nil, _ en: String, id: String) { self.cell = cell; said = Said(en: en, id: id) }
    public init(cell: CellRef? = nil, _ said: Said) { self.cell = cell; self.said = said }
    /// A problem named by its English text (what tests compare).
    public init(cell: CellRef? = nil, _ en: String) { self.cell = cell; said = Said(en) }

    /// The same problem: the same cell and words (the Indonesian says the same in the other language).
    public static func == (a: WorkbookProblem, b: WorkbookProblem) -> Bool { a.cell == b.cell && a.said.en == b.said.en }
}

/// A cell read as text, or why it cannot be.
enum CellText {
    case text(String)
    case problem(Said)
}

/// One sheet's cells as text, row by row, the way a CSV would hold them.
public struct SheetGrid: Sendable {
    public struct Row: Sendable {
        public var number: Int
        /// Column number and text, in column order; empty cells left out.
        public var cells: [(column: Int, text: String)]
    }
    public var rows: [Row]
    /// Problems in single cells (an impossible date serial, an error value, a cell too long),
    /// the first `shownProblems` of them; the last says how many more there were.
    public var problems: [WorkbookProblem]
    /// The unpacked bytes of the sheet's part and the shared strings: what the sheet's text
    /// and its expansion into rows are bounded by.
    public var partBytes: Int = 0

    /// The most cell problems told per sheet: a small file that packs a million bad cells
    /// must not print a million lines.
    public static let shownProblems = 100

    /// The most bytes of text (or of a CSV made from it) a sheet of `partBytes` may give:
    /// 16 times its bytes, and at least 64 MiB. A cell's XML costs more than 16 bytes, so
    /// only a sheet that repeats a long shared string, or pads rows to a far header, is over.
    @usableFromInline package static func budget(_ partBytes: Int) -> Int {
        max(64 << 20, partBytes.multipliedReportingOverflow(by: 16).overflow ? .max : partBytes * 16)
    }
}

/// An `.xlsx` workbook opened for reading: its sheets' names and what every sheet shares
/// (strings, styles, the date system). Sheets are read one at a time with a streaming parser.
public final class WorkbookFile {
    public let sheetNames: [String]
    /// Whether each sheet is hidden (or very hidden) in the spreadsheet program.
    public let sheetHidden: [Bool]
    let sheetPaths: [String]
    let date1904: Bool
    let sharedStrings: [String]
    /// For each cell style (`s` attribute): how a number in it reads.
    let styleKinds: [NumberKind]
    let archive: ZipArchive
    let limits: WorkbookLimits
    /// The shared strings' unpacked bytes, which every sheet's text may draw on.
    let sharedBytes: Int
    /// Bytes unpacked so far; all parts count against the one limit.
    private var unpacked = 0

    /// Opens the workbook in `bytes` (the file's content).
    public init(bytes: [UInt8], limits: WorkbookLimits = .default) throws(WorkbookProblem) {
        self.limits = limits
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw WorkbookProblem(
                "is an Excel 97–2003 file (.xls) or a workbook with a password; save it as \"Excel Workbook (.xlsx)\" without a password",
                id: "adalah berkas Excel 97–2003 (.xls) atau buku kerja berkata sandi; simpan sebagai \"Excel Workbook (.xlsx)\" tanpa kata sandi")
        }
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch {
            let zip = bytes.starts(with: [0x50, 0x4B])
            throw zip
                ? WorkbookProblem(
                    "is a damaged zip archive (\(error.reason)); save the workbook again from the spreadsheet program",
                    id: "adalah arsip zip yang rusak (\(error.reason)); simpan ulang buku kerja dari program lembar kerja")
                : WorkbookProblem(
                    "is not an .xlsx workbook (not a zip archive); save it from the spreadsheet program as \"Excel Workbook (.xlsx)\"",
                    id: "bukan buku kerja .xlsx (bukan arsip zip); simpan dari program lembar kerja sebagai \"Excel Workbook (.xlsx)\"")
        }
        self.archive = archive
        if archive.entries.count > limits.maxEntries {
            throw WorkbookProblem(
                "holds more than \(limits.maxEntries) parts; a workbook that big is refused (is it a zip bomb?)",
                id: "berisi lebih dari \(limits.maxEntries) bagian; buku kerja sebesar itu ditolak (bom zip?)")
        }
        var stated: UInt64 = 0
        for entry in archive.entries {
            let (sum, over) = stated.addingReportingOverflow(entry.size)
            stated = over ? .max : sum
        }
        if stated > UInt64(limits.maxUncompressedBytes) {
            throw Self.tooBig(limits)
        }
        var unpacked = 0
        func part(_ path: String, _ parser: PartParser) throws(WorkbookProblem) -> Bool {
            try Self.parse(archive, path, parser, limits: limits, unpacked: &unpacked)
        }
        let wb = WorkbookPart()
        guard try part("xl/workbook.xml", wb) else {
            throw WorkbookProblem(
                "has no xl/workbook.xml: it is a zip archive but not an .xlsx workbook",
                id: "tidak memuat xl/workbook.xml: arsip zip, tetapi bukan buku kerja .xlsx")
        }
        let rels = RelationshipsPart()
        _ = try part("xl/_rels/workbook.xml.rels", rels)
        if wb.sheets.isEmpty { throw WorkbookProblem("has no sheets", id: "tidak memuat lembar") }
        var paths: [String] = []
        for (k, sheet) in wb.sheets.enumerated() {
            if let target = rels.targets[sheet.rid] { paths.append(Self.resolve(target)) } else { paths.append("xl/worksheets/sheet\(k + 1).xml") }
        }
        sheetNames = wb.sheets.map(\.name)
        sheetHidden = wb.sheets.map(\.hidden)
        sheetPaths = paths
        date1904 = wb.date1904
        let sstPath = rels.typed("sharedStrings").map(Self.resolve) ?? "xl/sharedStrings.xml"
        let sst = SharedStringsPart(limit: limits.maxCellCharacters)
        let before = unpacked
        sharedStrings = try part(sstPath, sst) ? sst.strings : []
        sharedBytes = unpacked - before
        let stylesPath = rels.typed("styles").map(Self.resolve) ?? "xl/styles.xml"
        let st = StylesPart()
        if try part(stylesPath, st) {
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
        WorkbookProblem(
            "unpacks to more than \(limits.maxUncompressedBytes) bytes; a workbook that big is refused (is it a zip bomb?)",
            id: "terurai menjadi lebih dari \(limits.maxUncompressedBytes) bita; buku kerja sebesar itu ditolak (bom zip?)")
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

    /// Parses the part at `path` with `parser` as it is unpacked, its bytes counted against
    /// the limit; false when the archive has no such part.
    static func parse(
        _ archive: ZipArchive, _ path: String, _ parser: PartParser, limits: WorkbookLimits, unpacked: inout Int,
        progress: (Int) -> Void = { _ in }
    ) throws(WorkbookProblem) -> Bool {
        guard archive.contains(path) else { return false }
        try parser.begin(part: path)
        var total = unpacked, part = 0
        _ = try archive.read(path) { (chunk: [UInt8]) throws(WorkbookProblem) in
            total += chunk.count
            part += chunk.count
            if total > limits.maxUncompressedBytes { throw tooBig(limits) }
            progress(part)
            try parser.feed(chunk, final: false)
        }
        try parser.feed([], final: true)
        unpacked = total
        return true
    }

    /// The sheet named `name` (exactly, then ignoring case), if there is one.
    public func sheetIndex(named name: String) -> Int? {
        sheetNames.firstIndex(of: name) ?? sheetNames.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// Reads sheet `index` (0-based, in the workbook's order).
    public func sheet(_ index: Int) throws(WorkbookProblem) -> SheetGrid {
        guard sheetPaths.indices.contains(index) else { throw WorkbookProblem("has no sheet \(index + 1)", id: "tidak memuat lembar \(index + 1)") }
        let path = sheetPaths[index]
        let p = SheetPart(workbook: self)
        let shared = sharedBytes
        guard try Self.parse(archive, path, p, limits: limits, unpacked: &unpacked, progress: { p.partBytes = shared + $0 }) else {
            throw WorkbookProblem("sheet '\(sheetNames[index])' is missing its part \(path)", id: "lembar '\(sheetNames[index])' kehilangan bagiannya \(path)")
        }
        var problems = p.problems
        if p.moreProblems > 0 {
            problems.append(
                WorkbookProblem(
                    cell: p.firstMore,
                    "… and \(p.moreProblems) more problem\(p.moreProblems == 1 ? "" : "s") in this sheet's cells from here on (the first \(SheetGrid.shownProblems) are listed)",
                    id: "… dan \(p.moreProblems) masalah lagi di sel lembar ini mulai dari sini (\(SheetGrid.shownProblems) yang pertama dicantumkan)"))
        }
        return SheetGrid(rows: p.rows, problems: problems, partBytes: p.partBytes)
    }

    /// A number cell's text: a date as its day, a whole number as Excel writes it (`18`).
    func numberText(_ raw: String, style: Int) -> CellText {
        let kind = styleKinds.indices.contains(style) ? styleKinds[style] : .number
        guard let value = Double(raw), value.isFinite else {
            return .problem(Said(en: "'\(raw)' is not a number", id: "'\(raw)' bukan angka"))
        }
        switch kind {
        case .number:
            if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return .text(String(Int(value))) }
            return .text(raw)
        case .date(let part):
            switch ExcelDate.day(serial: value, date1904: date1904) {
            case .success(let d): return .text(String(d.iso.prefix(part == .day ? 10 : part == .month ? 7 : 4)))
            case .failure(let p): return .problem(p.said)
            }
        }
    }
}
