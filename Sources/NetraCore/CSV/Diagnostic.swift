/// One problem in a dataset, at the place a user can find it in a spreadsheet or editor: a
/// line and column of a CSV file, or a cell of a workbook's sheet.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (`datasets/bekasi-2024/events.csv`).
    public var file: String
    /// The workbook's sheet, or nil in a CSV file. With a sheet, `line` is the row and
    /// `column` the column number (2 is B).
    public var sheet: String?
    /// 1-based line (a sheet's row).
    public var line: Int
    /// 1-based character column where the offending field starts (a sheet's column).
    public var column: Int
    /// What is wrong, in both languages; the edge prints the user's (`--lang`).
    public var said: Said
    /// What is wrong, in English.
    public var message: String { said.en }

    public init(file: String, line: Int, column: Int, said: Said) {
        self.file = file; self.line = line; self.column = column; self.said = said
    }

    /// A problem in the cell at `row`, `column` of `sheet`.
    public init(file: String, sheet: String, row: Int, column: Int, said: Said) {
        self.file = file; self.sheet = sheet; self.line = row; self.column = column; self.said = said
    }

    /// Where: `FILE:LINE:COLUMN`, or `FILE:SHEET!B12` (the form Excel users read; a sheet name
    /// with spaces or signs is quoted, `'My sheet'!B12`).
    public var position: String {
        guard let sheet else { return "\(file):\(line):\(column)" }
        let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        let name = plain ? sheet : "'" + sheet.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        return "\(file):\(name)!\(CellRef.letters(column))\(line)"
    }

    /// `FILE:LINE:COLUMN: message` (or `FILE:SHEET!B12: message`), one line whatever the
    /// cells held: control characters (an escape sequence, a newline that would forge a line)
    /// and bidi overrides are written as `\u{1B}`, never sent to the terminal.
    public var description: String { text(indonesian: false) }

    /// `FILE:LINE:COLUMN: message` in Bahasa Indonesia or English; the place is the same in both.
    public func text(indonesian: Bool) -> String {
        Self.printable("\(position): \(indonesian ? said.id : said.en)")
    }

    /// `text` with every control, bidi-override and line-separator character as `\u{…}`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if isUnsafe(u) { out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
            || (0x2066...0x2069).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }
}

/// Every problem found in a dataset, sorted by file, line and column.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        // A stable sort keeps problems on one spot in the order they were found.
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            (a.element.file, a.element.sheet ?? "", a.element.line, a.element.column, a.offset)
                < (b.element.file, b.element.sheet ?? "", b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The problems one a line, in Bahasa Indonesia or English.
    public func lines(limit: Int = DatasetError.shownProblems, indonesian: Bool) -> [String] {
        let shown = diagnostics.prefix(limit).map { $0.text(indonesian: indonesian) }
        let more = diagnostics.count - shown.count
        guard more > 0 else { return shown }
        return shown + [indonesian ? "… dan \(more) masalah lagi" : "… and \(more) more problem\(more == 1 ? "" : "s")"]
    }

    /// The most problems printed: a small workbook can pack millions of bad cells.
    public static let shownProblems = 10_000

    /// The problems one a line, the first `limit` of them, then how many more there are.
    public func lines(limit: Int = DatasetError.shownProblems) -> [String] { lines(limit: limit, indonesian: false) }
}
