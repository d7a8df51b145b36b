/// What `validate` points out in a valid dataset without refusing it.
public enum DatasetWarnings {
    /// Incidents whose own `status` cell disagrees with the last status a decision or
    /// sanction set on them, at the incident's status cell. `directory` is the dataset
    /// folder the events were read from (the cell's column is looked up there; in a workbook,
    /// the warning names the sheet's cell).
    public static func statuses(_ d: Dataset, directory: String) -> [Diagnostic] {
        let found = IncidentStatuses(d.events, graph: EventGraph(events: d.events)).disagreements(d.events)
        guard !found.isEmpty else { return [] }
        let file = directory.hasSuffix("/") ? directory + DatasetLoader.eventsFile : directory + "/" + DatasetLoader.eventsFile
        let lines = Set(found.map { d.events.lines[$0.incident] })
        // Events from a workbook: the same sheet read again, for the way back to its cells.
        var sheet: DatasetLoader.TableInput?
        if !FileIO.exists(file) {
            var ignored: [Diagnostic] = []
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            sheet = DatasetLoader.tableInputs(base, only: [.events], &ignored)[.events].flatMap { $0.workbook == nil ? nil : $0 }
        }
        let columns = statusColumns(sheet != nil ? sheet?.bytes : (try? FileIO.read(file)), lines: lines)
        return found.map { f in
            let e = d.events, line = e.lines[f.incident]
            let own = e.statuses[f.incident]?.rawValue ?? "", set = e.statuses[f.setter]?.rawValue ?? ""
            let w = Diagnostic(file: sheet?.label ?? file, line: line, column: columns[line] ?? 1,
                               message: "warning: status: '\(e.id(f.incident))' says '\(own)', but '\(e.id(f.setter))' (\(e.dates[f.setter].written.text)) set it to '\(set)'; an incident's status is the last one set on it")
            return sheet?.translate(w) ?? w
        }
    }

    /// The character column of the `status` cell on each of `lines` (rows start there).
    static func statusColumns(_ bytes: [UInt8]?, lines: Set<Int>) -> [Int: Int] {
        guard let b = bytes else { return [:] }
        let delimiter = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
        var status: Int?, out: [Int: Int] = [:]
        var header = true
        _ = CSVReader.read(b, delimiter: delimiter) { rec in
            if header {
                header = false
                status = (0..<rec.count).first { rec.trimmedString($0).lowercased() == EventColumn.status.name }
                return
            }
            if let status, status < rec.count, lines.contains(rec.line) { out[rec.line] = rec.position(status).column }
        }
        return out
    }
}
