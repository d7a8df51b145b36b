import NetraCore
import NetraWorkbook

/// Where each of a dataset's three tables comes from: its CSV file, its own workbook
/// (`events.xlsx`: the sheet named like the table, else the first), or a sheet of one
/// workbook for them all (`dataset.xlsx`, sheets `events`/`peristiwa`, `jurisdictions`/
/// `wilayah`, `elections`/`pemilu`). A table found in two places is refused as ambiguous.
extension DatasetLoader {
    public static let workbookFile = "dataset.xlsx"

    /// The three tables, with their file and sheet names (English, then Indonesian).
    public enum TableName: String, CaseIterable, Sendable {
        case jurisdictions, elections, events, settings

        /// A table a dataset may leave out (its settings).
        public var isOptional: Bool { self == .settings }

        public var csvFile: String { rawValue + ".csv" }
        public var workbookFile: String { rawValue + ".xlsx" }
        /// The columns its header must have: how a header row below a title is found.
        public var requiredColumns: [String] {
            switch self {
            case .events: return EventColumn.requiredNames
            case .jurisdictions: return JurisdictionColumn.requiredNames
            case .elections: return ["id", "name", "date", "scope"]
            case .settings: return DatasetSettings.header
            }
        }

        public var sheetNames: [String] {
            switch self {
            case .events: return ["events", "peristiwa"]
            case .jurisdictions: return ["jurisdictions", "wilayah"]
            case .elections: return ["elections", "pemilu"]
            case .settings: return ["settings", "pengaturan"]
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
            return Diagnostic(file: w.file, sheet: w.sheet, row: cell.row, column: cell.column, said: w.csv.rowsInMessage(d.said))
        }
    }

    /// The three tables of the folder `base`, each with its bytes or nil (then `diags` says why).
    static func tableInputs(
        _ base: String, only tables: [TableName] = TableName.allCases, limits: WorkbookLimits = .default,
        _ diags: inout [Diagnostic]
    ) -> [TableName: TableInput] {
        // A workbook named itself is the whole dataset: its sheets, nothing beside it.
        let alone = isWorkbookPath(base)
        let folder = alone ? split(base).dir : base
        func path(_ name: String) -> String { folder + "/" + name }
        // The shared workbook, opened once, when there is one.
        let sharedPath = alone ? base : sharedWorkbook(in: base) ?? path(workbookFile)
        let sharedName = split(sharedPath).file
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
            var sharedSheet: Int?
            if let shared {
                switch sheet(for: table, in: shared) {
                case .found(let k): sharedSheet = k
                case .none: break
                case .refused(let m):
                    diags.append(Diagnostic(file: sharedPath, line: 1, column: 1, said: m))
                    out[table] = TableInput(label: csvPath, bytes: nil)
                    continue
                }
            }
            // Each place the table is found: its file, and how a message names it.
            var places: [(file: String, name: String)] = []
            if !alone && FileIO.exists(csvPath) { places.append((csvPath, table.csvFile)) }
            if !alone && FileIO.exists(ownPath) { places.append((ownPath, table.workbookFile)) }
            if let shared, let s = sharedSheet { places.append((sharedPath, "\(sharedName) (sheet '\(shared.sheetNames[s])')")) }
            // Settings left out are no problem: nothing is set.
            if table.isOptional && places.isEmpty { continue }
            if places.count > 1 {
                diags.append(
                    Diagnostic(
                        file: places[0].file, line: 1, column: 1,
                        said: Said(
                            en: "the \(table.rawValue) are in both \(places.map(\.name).joined(separator: " and ")); keep only one of them",
                            id: "tabel \(table.sheetNames[1]) ada di \(places.map(\.name).joined(separator: " dan ")); simpan salah satunya saja")))
                out[table] = TableInput(label: csvPath, bytes: nil)
                continue
            }
            if !alone && FileIO.exists(ownPath) {
                switch openWorkbook(ownPath, limits: limits) {
                case .success(let w):
                    switch sheet(for: table, in: w) {
                    case .found(let k): out[table] = sheetInput(w, k, file: ownPath, table: table, &diags)
                    // A workbook of its own: its first visible sheet.
                    case .none: out[table] = sheetInput(w, w.sheetHidden.firstIndex(of: false) ?? 0, file: ownPath, table: table, &diags)
                    case .refused(let m):
                        diags.append(Diagnostic(file: ownPath, line: 1, column: 1, said: m))
                        out[table] = TableInput(label: ownPath, bytes: nil)
                    }
                case .failure(let d):
                    diags.append(d)
                    out[table] = TableInput(label: ownPath, bytes: nil)
                }
                continue
            }
            if alone || !FileIO.exists(csvPath) {
                if let shared {
                    if let s = sharedSheet { out[table] = sheetInput(shared, s, file: sharedPath, table: table, &diags); continue }
                    let sheets = shared.sheetNames.map { "'\($0)'" }.joined(separator: ", ")
                    let beside = alone ? Said("") : Said(en: " and the folder has no \(table.csvFile)", id: " dan foldernya tidak memuat \(table.csvFile)")
                    diags.append(
                        Diagnostic(
                            file: sharedPath, line: 1, column: 1,
                            said: Said(
                                en: "has no sheet '\(table.sheetNames[0])' (or '\(table.sheetNames[1])')\(beside.en); the workbook's sheets: \(sheets)",
                                id: "tidak memuat lembar '\(table.sheetNames[1])' (atau '\(table.sheetNames[0])')\(beside.id); lembar buku kerja ini: \(sheets)"
                            )))
                    out[table] = TableInput(label: csvPath, bytes: nil)
                    continue
                }
                if sharedBroken || alone { out[table] = TableInput(label: csvPath, bytes: nil); continue }
            }
            do { out[table] = TableInput(label: csvPath, bytes: try FileIO.read(csvPath)) } catch {
                diags.append(
                    Diagnostic(file: csvPath, line: 1, column: 1, said: error.said.after(Said(en: "cannot read the file: ", id: "berkas tidak dapat dibaca: ")))
                )
                out[table] = TableInput(label: csvPath, bytes: nil)
            }
        }
        return out
    }

    enum SheetChoice { case found(Int), none, refused(Said) }

    /// The sheet of `w` that holds `table`: the one visible sheet named like it (in English or
    /// Indonesian, any case). Two visible candidates are refused as ambiguous; a hidden one is
    /// never read (a stale copy kept out of sight must not stand in for the data seen).
    static func sheet(for table: TableName, in w: WorkbookFile) -> SheetChoice {
        let names = Set(table.sheetNames)
        let candidates = w.sheetNames.indices.filter { names.contains(w.sheetNames[$0].lowercased()) }
        let visible = candidates.filter { !w.sheetHidden[$0] }
        if visible.count > 1 {
            return .refused(
                Said(
                    en:
                        "the \(table.rawValue) are in both sheet \(visible.map { "'\(w.sheetNames[$0])'" }.joined(separator: " and sheet ")); keep only one of them",
                    id:
                        "tabel \(table.sheetNames[1]) ada di lembar \(visible.map { "'\(w.sheetNames[$0])'" }.joined(separator: " dan lembar ")); simpan salah satunya saja"
                ))
        }
        if let k = visible.first { return .found(k) }
        if let k = candidates.first {
            return .refused(
                Said(
                    en: "the \(table.rawValue)' sheet '\(w.sheetNames[k])' is hidden; show it in the spreadsheet program (Netra reads only visible sheets)",
                    id:
                        "lembar \(table.sheetNames[1]) '\(w.sheetNames[k])' tersembunyi; tampilkan di program lembar kerja (Netra hanya membaca lembar yang terlihat)"
                ))
        }
        return .none
    }

    /// Which sheet each table was read from, for the tables whose workbook also holds a hidden
    /// sheet named like it (left out): `dataset.xlsx: the events were read from sheet 'peristiwa'; …`;
    /// and the rows above a header that were skipped (a title, a blank row).
    public static func sheetNotes(directory: String) -> [Said] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var notes: [Said] = []
        let shared = isWorkbookPath(base) ? base : sharedWorkbook(in: base) ?? base + "/" + workbookFile
        var books: [(String, [TableName])] = [(shared, TableName.allCases)]
        if !isWorkbookPath(base) { for t in TableName.allCases { books.append((base + "/" + t.workbookFile, [t])) } }
        for (path, tables) in books where FileIO.exists(path) {
            guard case .success(let w) = openWorkbook(path, limits: .default) else { continue }
            for t in tables {
                let found = sheet(for: t, in: w)
                let k: Int
                switch found {
                case .found(let i): k = i
                case .none where tables.count == 1: k = w.sheetHidden.firstIndex(of: false) ?? 0
                default: continue
                }
                if let grid = try? w.sheet(k), let header = SheetCSV.headerRow(grid, required: t.requiredColumns) {
                    let row = grid.rows[header].number, above = row - 1
                    let place = "\(path):\(w.sheetNames[k])"
                    notes.append(
                        Said(
                            en:
                                "\(place): note: \(above == 1 ? "row 1 is" : "rows 1–\(above) are") above the header (row \(row)) and \(above == 1 ? "was" : "were") skipped",
                            id: "\(place): catatan: \(above == 1 ? "baris 1" : "baris 1–\(above)") di atas baris judul kolom (baris \(row)) dilewati"))
                }
                guard case .found = found else { continue }
                let names = Set(t.sheetNames)
                let hidden = w.sheetNames.indices.filter { w.sheetHidden[$0] && names.contains(w.sheetNames[$0].lowercased()) }
                if hidden.isEmpty { continue }
                let list = hidden.map { "'\(w.sheetNames[$0])'" }.joined(separator: ", ")
                notes.append(
                    Said(
                        en:
                            "\(path): note: the \(t.rawValue) were read from sheet '\(w.sheetNames[k])'; the hidden sheet\(hidden.count == 1 ? "" : "s") \(list) left out",
                        id: "\(path): catatan: tabel \(t.sheetNames[1]) dibaca dari lembar '\(w.sheetNames[k])'; lembar tersembunyi \(list) tidak dibaca"))
            }
        }
        return notes
    }

    enum Opened { case success(WorkbookFile), failure(Diagnostic) }

    static func openWorkbook(_ path: String, limits: WorkbookLimits) -> Opened {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            return .failure(
                Diagnostic(file: path, line: 1, column: 1, said: error.said.after(Said(en: "cannot read the file: ", id: "berkas tidak dapat dibaca: "))))
        }
        do throws(WorkbookProblem) { return .success(try WorkbookFile(bytes: bytes, limits: limits)) } catch {
            return .failure(Diagnostic(file: path, line: 1, column: 1, said: error.said))
        }
    }

    /// Sheet `index` of `w` as the loader's input; the cells it could not read go to `diags`.
    static func sheetInput(_ w: WorkbookFile, _ index: Int, file: String, table: TableName? = nil, _ diags: inout [Diagnostic]) -> TableInput {
        let name = w.sheetNames[index]
        let label = file + ":" + name
        let grid: SheetGrid
        do throws(WorkbookProblem) { grid = try w.sheet(index) } catch {
            if let c = error.cell {
                diags.append(Diagnostic(file: file, sheet: name, row: c.row, column: c.column, said: error.said))
            } else {
                diags.append(Diagnostic(file: file, line: 1, column: 1, said: error.said))
            }
            return TableInput(label: label, bytes: nil)
        }
        let csv = SheetCSV(grid, required: table?.requiredColumns ?? [])
        var flagged = Set<CellRef>()
        for p in grid.problems + csv.problems {
            let c = p.cell ?? CellRef(row: 1, column: 1)
            flagged.insert(c)
            diags.append(Diagnostic(file: file, sheet: name, row: c.row, column: c.column, said: p.said))
        }
        return TableInput(label: label, bytes: csv.bytes, workbook: (file, name, csv, flagged))
    }
}
