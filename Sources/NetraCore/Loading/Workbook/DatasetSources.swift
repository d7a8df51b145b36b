/// Where each of a dataset's three tables comes from: its CSV file, its own workbook
/// (`events.xlsx`: the sheet named like the table, else the first), or a sheet of one
/// workbook for them all (`dataset.xlsx`, sheets `events`/`peristiwa`, `jurisdictions`/
/// `wilayah`, `elections`/`pemilu`). A table found in two places is refused as ambiguous.
extension DatasetLoader {
    public static let workbookFile = "dataset.xlsx"

    /// The three tables, with their file and sheet names (English, then Indonesian).
    public enum TableName: String, CaseIterable, Sendable {
        case jurisdictions, elections, events

        public var csvFile: String { rawValue + ".csv" }
        public var workbookFile: String { rawValue + ".xlsx" }
        public var sheetNames: [String] {
            switch self {
            case .events: return ["events", "peristiwa"]
            case .jurisdictions: return ["jurisdictions", "wilayah"]
            case .elections: return ["elections", "pemilu"]
            }
        }
    }

    /// One table's bytes as the loader reads them, and, from a workbook, the way back to its cells.
    struct TableInput {
        /// The name the loader's messages carry (the CSV's path; a sheet's own label).
        var label: String
        var bytes: [UInt8]?
        /// The workbook's path and sheet, when the table is a sheet.
        var workbook: (file: String, sheet: String, csv: SheetCSV, flagged: Set<CellRef>)?

        var pair: (String, [UInt8]?) { (label, bytes) }

        /// A loader message in the sheet's terms; nil for one at a cell the workbook already
        /// reported (a cell that could not be read is also, to the loader, an empty one).
        func translate(_ d: Diagnostic) -> Diagnostic? {
            guard let w = workbook, d.file == label else { return d }
            let cell = w.csv.cell(line: d.line, column: d.column)
            if w.flagged.contains(cell) { return nil }
            return Diagnostic(file: w.file, sheet: w.sheet, row: cell.row, column: cell.column, message: w.csv.rowsInMessage(d.message))
        }
    }

    /// The three tables of the folder `base`, each with its bytes or nil (then `diags` says why).
    static func tableInputs(_ base: String, only tables: [TableName] = TableName.allCases, limits: WorkbookLimits = .default,
                            _ diags: inout [Diagnostic]) -> [TableName: TableInput] {
        func path(_ name: String) -> String { base + "/" + name }
        // The shared workbook, opened once, when there is one.
        let sharedPath = path(workbookFile)
        var shared: WorkbookFile?
        var sharedBroken = false
        if FileIO.exists(sharedPath) {
            switch openWorkbook(sharedPath, limits: limits) {
            case .success(let w): shared = w
            case .failure(let d): diags.append(d); sharedBroken = true
            }
        }
        var out: [TableName: TableInput] = [:]
        for table in tables {
            let csvPath = path(table.csvFile), ownPath = path(table.workbookFile)
            let sharedSheet = shared.flatMap { w in table.sheetNames.lazy.compactMap { w.sheetIndex(named: $0) }.first }
            // Each place the table is found: its file, and how a message names it.
            var places: [(file: String, name: String)] = []
            if FileIO.exists(csvPath) { places.append((csvPath, table.csvFile)) }
            if FileIO.exists(ownPath) { places.append((ownPath, table.workbookFile)) }
            if let shared, let s = sharedSheet { places.append((sharedPath, "\(workbookFile) (sheet '\(shared.sheetNames[s])')")) }
            if places.count > 1 {
                diags.append(Diagnostic(file: places[0].file, line: 1, column: 1, message:
                    "the \(table.rawValue) are in both \(places.map(\.name).joined(separator: " and ")); keep only one of them"))
                out[table] = TableInput(label: csvPath, bytes: nil)
                continue
            }
            if FileIO.exists(ownPath) {
                switch openWorkbook(ownPath, limits: limits) {
                case .success(let w):
                    let index = table.sheetNames.lazy.compactMap { w.sheetIndex(named: $0) }.first ?? 0
                    out[table] = sheetInput(w, index, file: ownPath, &diags)
                case .failure(let d):
                    diags.append(d)
                    out[table] = TableInput(label: ownPath, bytes: nil)
                }
                continue
            }
            if !FileIO.exists(csvPath) {
                if let shared {
                    if let s = sharedSheet { out[table] = sheetInput(shared, s, file: sharedPath, &diags); continue }
                    diags.append(Diagnostic(file: sharedPath, line: 1, column: 1, message:
                        "has no sheet '\(table.sheetNames[0])' (or '\(table.sheetNames[1])') and the folder has no \(table.csvFile); the workbook's sheets: \(shared.sheetNames.map { "'\($0)'" }.joined(separator: ", "))"))
                    out[table] = TableInput(label: csvPath, bytes: nil)
                    continue
                }
                if sharedBroken { out[table] = TableInput(label: csvPath, bytes: nil); continue }
            }
            do { out[table] = TableInput(label: csvPath, bytes: try FileIO.read(csvPath)) } catch {
                diags.append(Diagnostic(file: csvPath, line: 1, column: 1, message: "cannot read the file: \(error.reason)"))
                out[table] = TableInput(label: csvPath, bytes: nil)
            }
        }
        return out
    }

    enum Opened { case success(WorkbookFile), failure(Diagnostic) }

    static func openWorkbook(_ path: String, limits: WorkbookLimits) -> Opened {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            return .failure(Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file: \(error.reason)"))
        }
        do throws(WorkbookProblem) { return .success(try WorkbookFile(bytes: bytes, limits: limits)) } catch {
            return .failure(Diagnostic(file: path, line: 1, column: 1, message: error.message))
        }
    }

    /// Sheet `index` of `w` as the loader's input; the cells it could not read go to `diags`.
    static func sheetInput(_ w: WorkbookFile, _ index: Int, file: String, _ diags: inout [Diagnostic]) -> TableInput {
        let name = w.sheetNames[index]
        let label = file + ":" + name
        let grid: SheetGrid
        do throws(WorkbookProblem) { grid = try w.sheet(index) } catch {
            if let c = error.cell {
                diags.append(Diagnostic(file: file, sheet: name, row: c.row, column: c.column, message: error.message))
            } else {
                diags.append(Diagnostic(file: file, line: 1, column: 1, message: error.message))
            }
            return TableInput(label: label, bytes: nil)
        }
        let csv = SheetCSV(grid)
        var flagged = Set<CellRef>()
        for p in grid.problems + csv.problems {
            let c = p.cell ?? CellRef(row: 1, column: 1)
            flagged.insert(c)
            diags.append(Diagnostic(file: file, sheet: name, row: c.row, column: c.column, message: p.message))
        }
        return TableInput(label: label, bytes: csv.bytes, workbook: (file, name, csv, flagged))
    }
}
