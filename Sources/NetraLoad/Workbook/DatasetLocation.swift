import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// Where a dataset is: a folder of tables (CSVs, workbooks, `dataset.xlsx`), a folder whose one
/// workbook has another name (`bogor-2025.xlsx`), or a workbook named itself
/// (`--dataset bogor/dataset.xlsx`), which then holds every table as a sheet.
extension DatasetLoader {
    /// The names a folder's tables are looked for under, in the order a message lists them.
    public static var tableFileNames: [String] {
        TableName.allCases.map(\.csvFile) + TableName.allCases.map(\.workbookFile) + [workbookFile]
    }

    /// True for a path that names a workbook file (`….xlsx`, any case) rather than a folder.
    public static func isWorkbookPath(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xlsx") && !FileIO.isDirectory(path)
    }

    /// The table files (`events.csv`, `events.xlsx`, `dataset.xlsx`, …) that `folder` holds.
    public static func tableFiles(in folder: String) -> [String] {
        tableFileNames.filter { FileIO.exists(join(folder, $0)) }
    }

    /// The workbooks in `folder` that are not named like a table, in name order. A spreadsheet
    /// program's lock file (`~$dataset.xlsx`, `.~lock…`) and hidden files are not workbooks.
    public static func otherWorkbooks(in folder: String) -> [String] {
        guard let d = opendir(folder) else { return [] }
        defer { closedir(d) }
        let own = Set(tableFileNames)
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.lowercased().hasSuffix(".xlsx"), !name.hasPrefix("~$"), !name.hasPrefix("."), !own.contains(name) else { continue }
            if FileIO.isDirectory(join(folder, name)) { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// The workbook that holds every table of `folder`: `dataset.xlsx`, else the folder's one
    /// workbook by another name when the folder holds no table file at all; nil otherwise.
    public static func sharedWorkbook(in folder: String) -> String? {
        let named = join(folder, workbookFile)
        if FileIO.exists(named) { return named }
        guard tableFiles(in: folder).isEmpty else { return nil }
        let others = otherWorkbooks(in: folder)
        return others.count == 1 ? join(folder, others[0]) : nil
    }

    /// True when `folder` holds a dataset to read: a table file other than a lone `events.csv`
    /// (which is also what a report writes), or one workbook by another name.
    public static func holdsDataset(_ folder: String) -> Bool {
        !tableFiles(in: folder).filter { $0 != eventsFile }.isEmpty
            || (tableFiles(in: folder).isEmpty && otherWorkbooks(in: folder).count == 1)
    }

    /// What a folder with no table in it is told: what was looked for, and the workbooks it
    /// holds when there are several to choose from. `folder` is named as the user named it.
    public static func noTablesMessage(_ folder: String) -> Said {
        let others = otherWorkbooks(in: folder)
        if others.count > 1 {
            let example = join(folder, others[0])
            let list = others.joined(separator: ", ")
            return Said(
                en:
                    "no dataset here: looked for \(lookedFor.en), and found \(others.count) workbooks (\(list)); name the one to read, e.g. --dataset \(example)",
                id:
                    "tidak ada dataset di sini: dicari \(lookedFor.id), dan ditemukan \(others.count) buku kerja (\(list)); sebutkan yang dibaca, mis. --dataset \(example)"
            )
        }
        return Said(
            en: "no dataset here: looked for \(lookedFor.en); `netra init DIR` starts one",
            id: "tidak ada dataset di sini: dicari \(lookedFor.id); `netra init DIR` memulai yang baru")
    }

    /// What a dataset's folder is searched for, as a message lists it.
    public static var lookedFor: Said {
        // The settings are optional: a dataset is its three tables.
        let tables = TableName.allCases.filter { !$0.isOptional }
        let csv = tables.map(\.csvFile).joined(separator: ", ")
        let books = tables.map(\.workbookFile).joined(separator: ", ")
        return Said(
            en: "\(csv) (or \(books)), \(workbookFile), or a single workbook of another name",
            id: "\(csv) (atau \(books)), \(workbookFile), atau satu buku kerja dengan nama lain")
    }

    /// The name a dataset goes by on charts and pages: its folder's path; the current folder's
    /// own name for `.` (never the machine's path to it); a workbook's own name without `.xlsx` (its folder's for
    /// `dataset.xlsx`).
    static func displayName(_ base: String) -> String {
        var path = base
        if isWorkbookPath(path) {
            let (dir, file) = split(path)
            if file.lowercased() != workbookFile { return String(file.dropLast(5)) }
            path = dir
        }
        if path == "." || path == "./" || path.isEmpty, let cwd = getcwd(nil, 0) {
            defer { free(cwd) }
            let name = split(String(cString: cwd)).file
            return name.isEmpty ? "." : name
        }
        return path
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder and the file name of `path` (`.` for a bare name).
    static func split(_ path: String) -> (dir: String, file: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    /// The folder a dataset path stands in: itself, or a named workbook's folder.
    public static func folder(of path: String) -> String {
        isWorkbookPath(path) ? split(path).dir : path
    }
}
