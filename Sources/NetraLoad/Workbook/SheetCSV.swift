import NetraWorkbook
import NetraCore

/// A sheet written out as the CSV the loader reads, with the way back from every line and
/// column of that CSV to the sheet's cell: the schema, validation and loading of CSV files
/// serve workbooks unchanged, and their problems are then told in the sheet's terms.
struct SheetCSV {
    let bytes: [UInt8]
    /// Where each non-empty field (and each row's first) starts and ends in the CSV, in
    /// order, and the cell it holds. The empty fields after one are a comma each: a column
    /// past its end counts cells from it, so a wide, sparse sheet costs no entry per empty cell.
    private(set) var starts: [(line: Int, column: Int, endLine: Int, endColumn: Int, cell: CellRef)] = []
    /// The sheet's row of each record, by the CSV line it starts on.
    private(set) var rowOfLine: [Int: Int] = [:]
    /// Cells beyond the header's last column (a CSV row with more fields than the header).
    private(set) var problems: [WorkbookProblem] = []

    /// The sheet's row above which rows were skipped (a title, a blank row): the header's.
    private(set) var skippedAbove: Int?

    /// The row holding every one of `required` (in any case) among the first rows: a title
    /// or a note an office puts above its header is no record. Nil when the first row is it,
    /// or when no row is (then the first is taken, and the loader says what it misses).
    static func headerRow(_ grid: SheetGrid, required: [String]) -> Int? {
        guard !required.isEmpty else { return nil }
        for (k, row) in grid.rows.prefix(20).enumerated() {
            let names = Set(row.cells.map { $0.text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") })
            if required.allSatisfy(names.contains) { return k == 0 ? nil : k }
        }
        return nil
    }

    /// The header is the grid's first row, or the row holding all of `required` below a title;
    /// the columns run to its last named one. Rows with no cell at all are left out, as a
    /// spreadsheet's empty rows are no records.
    init(_ grid: SheetGrid, required: [String] = []) {
        var out: [UInt8] = []
        var line = 1
        var grid = grid
        if let k = Self.headerRow(grid, required: required) {
            skippedAbove = grid.rows[k].number
            grid.rows.removeFirst(k)
        }
        guard let header = grid.rows.first else { bytes = []; return }
        let first = header.cells.first?.column ?? 1
        let width = header.cells.last?.column ?? 1
        // Every row is written as wide as the header: a header cell far to the right would
        // make a million rows of commas out of a small sheet.
        if width - first >= CSVLimits.maxColumns {
            problems.append(
                WorkbookProblem(
                    cell: CellRef(row: header.number, column: width),
                    "the header runs over more than \(CSVLimits.maxColumns) columns (\(CellRef.letters(first))–\(CellRef.letters(width)))",
                    id: "baris judul kolom melebar lebih dari \(CSVLimits.maxColumns) kolom (\(CellRef.letters(first))–\(CellRef.letters(width)))"))
            bytes = []
            return
        }
        let budget = SheetGrid.budget(grid.partBytes)
        // Columns counted on from the last one asked for on the line, not from its start.
        var counted = (lineStart: -1, offset: 0, column: 1)
        func column(_ lineStart: Int, _ offset: Int) -> Int {
            if counted.lineStart != lineStart || counted.offset > offset || lineStart == 0 {
                counted = (lineStart, offset, CSVReader.column(in: out, lineStart: lineStart, offset: offset))
                return counted.column
            }
            var col = counted.column, i = counted.offset
            while i < offset { if out[i] & 0xC0 != 0x80 { col += 1 }; i += 1 }
            counted = (lineStart, offset, col)
            return col
        }
        for row in grid.rows {
            // Padding every row to the header's width is bounded by what the sheet could hold.
            if out.count > budget {
                problems.append(
                    WorkbookProblem(
                        cell: CellRef(row: row.number, column: first),
                        "the sheet's rows padded to the header's \(width - first + 1) columns make more than \(budget) bytes from a part of \(grid.partBytes); the workbook is refused (rows of a few cells under a header far wider?)",
                        id:
                            "baris-baris lembar yang dilebarkan ke \(width - first + 1) kolom judul menjadi lebih dari \(budget) bita dari bagian berukuran \(grid.partBytes); buku kerja ditolak (baris pendek di bawah judul kolom yang jauh lebih lebar?)"
                    ))
                bytes = []
                return
            }
            rowOfLine[line] = row.number
            var k = 0
            // Cells left of the header's first column are beyond it too.
            while k < row.cells.count && row.cells[k].column < first { k += 1 }
            for c in row.cells where c.column < first || c.column > width {
                problems.append(
                    WorkbookProblem(
                        cell: CellRef(row: row.number, column: c.column),
                        "a value outside the header's columns (\(CellRef.letters(first))–\(CellRef.letters(width))); name its column in row \(header.number) or clear the cell",
                        id:
                            "nilai di luar kolom judul (\(CellRef.letters(first))–\(CellRef.letters(width))); beri nama kolomnya di baris \(header.number) atau kosongkan selnya"
                    ))
            }
            var lineStart = out.count
            var col = first
            while col <= width {
                if col > first { out.append(0x2C) }
                var text = ""
                if k < row.cells.count && row.cells[k].column == col { text = row.cells[k].text; k += 1 }
                // A run of empty cells is a run of commas.
                if text.isEmpty && col > first {
                    let next = k < row.cells.count ? min(row.cells[k].column, width + 1) : width + 1
                    out += [UInt8](repeating: 0x2C, count: next - col - 1)
                    col = next
                    continue
                }
                defer { col += 1 }
                let startLine = line, startColumn = col == first || !text.isEmpty ? column(lineStart, out.count) : 0
                let quote = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }
                if quote { out.append(0x22) }
                var prevCR = false
                for u in text.utf8 {
                    if u == 0x22 { out.append(0x22) }
                    out.append(u)
                    // Lines counted as the CSV reader counts them: LF, CRLF or a lone CR.
                    if u == 0x0A { if !prevCR { line += 1 }; lineStart = out.count } else if u == 0x0D { line += 1; lineStart = out.count }
                    prevCR = u == 0x0D
                }
                if quote { out.append(0x22) }
                if startColumn > 0 {
                    starts.append(
                        (
                            startLine, startColumn, line, column(lineStart, out.count),
                            CellRef(row: row.number, column: col)
                        ))
                }
            }
            out.append(0x0A)
            line += 1
        }
        bytes = out
    }

    /// The cell a CSV position falls in: the last field starting at or before it, or an
    /// empty one after it on its line (one comma each).
    func cell(line: Int, column: Int) -> CellRef {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if (starts[mid].line, starts[mid].column) <= (line, column) { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return starts.first?.cell ?? CellRef(row: 1, column: 1) }
        let s = starts[lo - 1]
        if line == s.endLine && column > s.endColumn {
            return CellRef(row: s.cell.row, column: min(s.cell.column + column - s.endColumn, 16_384))
        }
        return s.cell
    }

    /// `message` with its references to CSV lines (`first on line 7`) as the sheet's rows.
    func rowsInMessage(_ message: Said) -> Said {
        Said(en: rowsInMessage(message.en, marker: "on line ", row: "in row "), id: rowsInMessage(message.id, marker: "di baris ", row: "di baris "))
    }

    func rowsInMessage(_ message: String, marker: String, row rowWord: String) -> String {
        guard message.contains(marker) else { return message }
        var out = "", rest = Substring(message)
        while let r = rest.firstRange(of: marker) {
            out += rest[..<r.lowerBound]
            let digits = rest[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let n = Int(digits), let row = rowOfLine[n] { out += "\(rowWord)\(row)" } else { out += rest[r] + digits }
            rest = rest[r.upperBound...].dropFirst(digits.count)
        }
        return out + rest
    }
}
