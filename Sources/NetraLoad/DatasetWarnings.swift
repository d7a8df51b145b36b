import NetraCore

/// What `validate` points out in a valid dataset without refusing it.
public enum DatasetWarnings {
    /// Incidents whose own `status` cell disagrees with the last status a decision or
    /// sanction set on them, at the incident's status cell. `directory` is the dataset
    /// folder the events were read from (the cell's column is looked up there; in a workbook,
    /// the warning names the sheet's cell).
    public static func statuses(_ d: Dataset, directory: String) -> [Diagnostic] {
        statuses(d, events: TableSource(directory))
    }

    /// The same, with the events' source given (read only when there is something to say):
    /// `validate` reads it once for every kind of warning.
    public static func statuses(_ d: Dataset, events: @autoclosure () -> TableSource) -> [Diagnostic] {
        statuses(d, found: statusDisagreements(d), events: events())
    }

    /// The incidents `statuses` warns of, and who set the status they disagree with: the
    /// costly part, which reads no file (`validate` finds them beside the duplicate search).
    public static func statusDisagreements(_ d: Dataset) -> [(incident: EventIndex, setter: EventIndex)] {
        IncidentStatuses(d.events, graph: EventGraph(events: d.events)).disagreements(d.events)
    }

    /// `statuses` of disagreements already found.
    public static func statuses(
        _ d: Dataset, found: [(incident: EventIndex, setter: EventIndex)], events: @autoclosure () -> TableSource
    ) -> [Diagnostic] {
        guard !found.isEmpty else { return [] }
        let source = events()
        let columns = source.columns(named: EventColumn.status.name, lines: Set(found.map { d.events.lines[$0.incident] }))
        return found.compactMap { f in
            let e = d.events, line = e.lines[f.incident]
            let own = e.statuses[f.incident]?.rawValue ?? "", set = e.statuses[f.setter]?.rawValue ?? ""
            return source.diagnostic(
                line: line, column: columns[line] ?? 1,
                said: Said(
                    en:
                        "warning: status: '\(e.id(f.incident))' says '\(own)', but '\(e.id(f.setter))' (\(e.dates[f.setter].written.text)) set it to '\(set)'; an incident's status is the last one set on it",
                    id:
                        "peringatan: status: '\(e.id(f.incident))' tertulis '\(own)', padahal '\(e.id(f.setter))' (\(e.dates[f.setter].written.text)) menetapkannya '\(set)'; status insiden adalah status terakhir yang ditetapkan padanya"
                ))
        }
    }

    /// Possible duplicates (see `PossibleDuplicates`), one warning each at the later row's
    /// `title` cell (its `source_url` cell when only the addresses agree), naming the earlier
    /// row's id and line (in a workbook, its row) and why the two look alike.
    /// With `limit`, only the first pairs (by line) become warnings; `total` counts them all.
    public static func duplicates(_ d: Dataset, directory: String, limit: Int? = nil) -> (warnings: [Diagnostic], total: Int) {
        duplicates(d, events: TableSource(directory), limit: limit)
    }

    /// The same, with the events' source given (read only when there is a pair).
    public static func duplicates(_ d: Dataset, events: @autoclosure () -> TableSource, limit: Int? = nil) -> (warnings: [Diagnostic], total: Int) {
        let search = PossibleDuplicates.search(d.events, limit: limit)
        let found = search.pairs
        guard !found.isEmpty else { return ([], search.total) }
        let source = events()
        let e = d.events
        let titled = Set(found.filter(\.titlesAlike).map { e.lines[$0.second] })
        let urled = Set(found.filter { !$0.titlesAlike }.map { e.lines[$0.second] })
        let titleColumns = titled.isEmpty ? [:] : source.columns(named: EventColumn.title.name, lines: titled)
        let urlColumns = urled.isEmpty ? [:] : source.columns(named: EventColumn.sourceURL.name, lines: urled)
        return (
            found.compactMap { p in
                let line = e.lines[p.second]
                var why = [
                    "on line \(e.lines[p.first])", "same kind and jurisdiction",
                    p.daysApart == 0 ? "same day" : "\(p.daysApart) day\(p.daysApart == 1 ? "" : "s") apart"
                ]
                var sebab = [
                    "di baris \(e.lines[p.first])", "jenis dan wilayah sama",
                    p.daysApart == 0 ? "hari yang sama" : "berselang \(p.daysApart) hari"
                ]
                if p.titlesAlike { why.append("titles \(p.similarityText) alike"); sebab.append("judul \(p.similarityText) mirip") }
                if p.sameSourceURL { why.append("same source_url"); sebab.append("source_url sama") }
                let column = (p.titlesAlike ? titleColumns[line] : urlColumns[line]) ?? 1
                return source.diagnostic(
                    line: line, column: column,
                    said: Said(
                        en: "warning: possible duplicate of '\(e.id(p.first))' (\(why.joined(separator: ", ")))",
                        id: "peringatan: mungkin ganda dengan '\(e.id(p.first))' (\(sebab.joined(separator: ", ")))"))
            }, search.total
        )
    }

    /// Where a table was read from: its CSV, or a workbook's sheet read again for the way
    /// back from its CSV lines to its cells.
    public struct TableSource {
        let file: String
        let sheet: DatasetLoader.TableInput?
        let bytes: [UInt8]?
        /// The events as loaded from `bytes`, when they were (see `init(_:loaded:)`).
        let loaded: EventTable?

        public init(_ directory: String, _ table: DatasetLoader.TableName = .events) {
            file = directory.hasSuffix("/") ? directory + table.csvFile : directory + "/" + table.csvFile
            var found: DatasetLoader.TableInput?
            if !FileIO.exists(file) {
                var ignored: [Diagnostic] = []
                let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
                found = DatasetLoader.tableInputs(base, only: [table], &ignored)[table].flatMap { $0.workbook == nil ? nil : $0 }
            }
            sheet = found
            bytes = found != nil ? found?.bytes : (try? FileIO.read(file))
            loaded = nil
        }

        /// The events' source of a dataset loaded from `directory`, without reading its
        /// `events.csv` again: the loaded events hold its bytes, and each row is found from
        /// its id's cell (FastPaths/DatasetWarnings+Rows.swift). A workbook's sheet is read
        /// again, for the way back to its cells.
        public init(_ directory: String, loaded d: Dataset) {
            let csv = directory.hasSuffix("/") ? directory + DatasetLoader.eventsFile : directory + "/" + DatasetLoader.eventsFile
            if FileIO.exists(csv) {
                file = csv; sheet = nil; bytes = d.events.text.file; loaded = d.events
            } else {
                let plain = TableSource(directory)
                file = plain.file; sheet = plain.sheet; bytes = plain.bytes; loaded = nil
            }
        }

        /// A warning at `line`, `column` of the table's CSV text, in the file's (or sheet's) terms.
        func diagnostic(line: Int, column: Int, said: Said) -> Diagnostic? {
            let w = Diagnostic(file: sheet?.label ?? file, line: line, column: column, said: said)
            return sheet.map { $0.translate(w) } ?? w
        }

        /// The character column of the cell of the column `name` on each of `lines` (rows start there).
        func columns(named name: String, lines: Set<Int>) -> [Int: Int] {
            if let loaded, let found = columnsFromRows(named: name, lines: lines, events: loaded) { return found }
            return columnsByScan(named: name, lines: lines)
        }

        /// `columns`, the plain way: every record of the table read.
        func columnsByScan(named name: String, lines: Set<Int>) -> [Int: Int] {
            guard let b = bytes else { return [:] }
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
}

extension DatasetWarnings {
    /// The earliest year an event of Indonesia's civil service can fall in: the Republic's.
    public static let firstYear = 1945

    /// Events dated before 1945 or after `today` (nil: no such check), at each row's date
    /// cell: most often a mistyped year (0024 or 2204 for 2024), which stretches every monthly
    /// chart and trend across the centuries between.
    public static func farDates(_ d: Dataset, events: @autoclosure () -> TableSource, today: Day?) -> [Diagnostic] {
        guard let first = Day(year: firstYear, month: 1, day: 1) else { return [] }
        let e = d.events
        let far = e.indices.filter { k in
            let day = e.dates[k].anchor
            return day < first || today.map { day > $0 } ?? false
        }
        guard !far.isEmpty else { return [] }
        let source = events()
        let columns = source.columns(named: EventColumn.date.name, lines: Set(far.map { e.lines[$0] }))
        return far.compactMap { k in
            let line = e.lines[k], written = e.dates[k].written.text
            let said =
                e.dates[k].anchor < first
                ? Said(
                    en: "warning: date: '\(written)' is before \(firstYear), when Indonesia's civil service began; is the year mistyped?",
                    id: "peringatan: date: '\(written)' sebelum \(firstYear), tahun berdirinya kepegawaian negara Indonesia; apakah tahunnya salah ketik?")
                : Said(
                    en: "warning: date: '\(written)' is after today (\(today?.iso ?? "")); is the year mistyped?",
                    id: "peringatan: date: '\(written)' sesudah hari ini (\(today?.iso ?? "")); apakah tahunnya salah ketik?")
            return source.diagnostic(line: line, column: columns[line] ?? 1, said: said)
        }
    }
}
