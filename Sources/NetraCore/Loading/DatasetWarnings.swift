/// What `validate` points out in a valid dataset without refusing it.
public enum DatasetWarnings {
    /// Incidents whose own `status` cell disagrees with the last status a decision or
    /// sanction set on them, at the incident's status cell. `directory` is the dataset
    /// folder the events were read from (the cell's column is looked up there).
    public static func statuses(_ d: Dataset, directory: String) -> [Diagnostic] {
        let found = IncidentStatuses(d.events, graph: EventGraph(events: d.events)).disagreements(d.events)
        guard !found.isEmpty else { return [] }
        let file = directory.hasSuffix("/") ? directory + DatasetLoader.eventsFile : directory + "/" + DatasetLoader.eventsFile
        let columns = cellColumns(file, named: EventColumn.status.name, lines: Set(found.map { d.events.lines[$0.incident] }))
        return found.map { f in
            let e = d.events, line = e.lines[f.incident]
            let own = e.statuses[f.incident]?.rawValue ?? "", set = e.statuses[f.setter]?.rawValue ?? ""
            return Diagnostic(file: file, line: line, column: columns[line] ?? 1,
                              message: "warning: status: '\(e.id(f.incident))' says '\(own)', but '\(e.id(f.setter))' (\(e.dates[f.setter].written.text)) set it to '\(set)'; an incident's status is the last one set on it")
        }
    }

    /// Possible duplicates (see `PossibleDuplicates`), one warning each at the later row's
    /// `title` cell (its `source_url` cell when only the addresses agree), naming the earlier
    /// row's id and line and why the two look alike.
    /// With `limit`, only the first pairs (by line) become warnings; `total` counts them all.
    public static func duplicates(_ d: Dataset, directory: String, limit: Int? = nil) -> (warnings: [Diagnostic], total: Int) {
        let all = PossibleDuplicates.find(d.events)
        let found = limit.map { Array(all.prefix(max(0, $0))) } ?? all
        guard !found.isEmpty else { return ([], all.count) }
        let file = directory.hasSuffix("/") ? directory + DatasetLoader.eventsFile : directory + "/" + DatasetLoader.eventsFile
        let e = d.events
        let titled = Set(found.filter(\.titlesAlike).map { e.lines[$0.second] })
        let urled = Set(found.filter { !$0.titlesAlike }.map { e.lines[$0.second] })
        let titleColumns = titled.isEmpty ? [:] : cellColumns(file, named: EventColumn.title.name, lines: titled)
        let urlColumns = urled.isEmpty ? [:] : cellColumns(file, named: EventColumn.sourceURL.name, lines: urled)
        return (found.map { p in
            let line = e.lines[p.second]
            var why = ["line \(e.lines[p.first])", "same kind and jurisdiction",
                       p.daysApart == 0 ? "same day" : "\(p.daysApart) day\(p.daysApart == 1 ? "" : "s") apart"]
            if p.titlesAlike { why.append("titles \(p.similarityText) alike") }
            if p.sameSourceURL { why.append("same source_url") }
            let column = (p.titlesAlike ? titleColumns[line] : urlColumns[line]) ?? 1
            return Diagnostic(file: file, line: line, column: column,
                              message: "warning: possible duplicate of '\(e.id(p.first))' (\(why.joined(separator: ", ")))")
        }, all.count)
    }

    /// The character column of the cell of the column `name` on each of `lines` (rows start there).
    static func cellColumns(_ file: String, named name: String, lines: Set<Int>) -> [Int: Int] {
        guard let b = try? FileIO.read(file) else { return [:] }
        let delimiter = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
        var wanted: Int?, out: [Int: Int] = [:]
        var header = true
        _ = CSVReader.read(b, delimiter: delimiter) { rec in
            if header {
                header = false
                wanted = (0..<rec.count).first { rec.trimmedString($0).lowercased() == name }
                return
            }
            if let wanted, wanted < rec.count, lines.contains(rec.line) { out[rec.line] = rec.position(wanted).column }
        }
        return out
    }
}
