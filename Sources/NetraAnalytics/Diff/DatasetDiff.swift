import NetraCore
import NetraText

/// What changed between two versions of a dataset, record by record, matched by id.
public struct DatasetDiff: Sendable {
    public enum Change: String, Sendable, CaseIterable {
        case added, removed, changed
    }

    public enum Table: String, Sendable, CaseIterable {
        case events, jurisdictions, elections
    }

    /// One line of the diff: a record added or removed, or one field of a record changed.
    public struct Entry: Sendable, Equatable {
        public var change: Change
        public var table: Table
        public var id: String
        /// The column, for a change; empty for an added or removed record.
        public var field: String = ""
        public var old: String = ""
        public var new: String = ""
    }

    /// By table, then added, removed, changed, then id, then the column's order.
    public let entries: [Entry]

    /// Records added, removed, and changed (a record with several changed fields counts once).
    public var added: Int { entries.filter { $0.change == .added }.count }
    public var removed: Int { entries.filter { $0.change == .removed }.count }
    public var changed: Int {
        var seen = Set<String>()
        for e in entries where e.change == .changed { seen.insert(e.table.rawValue + "\u{0}" + e.id) }
        return seen.count
    }

    public init(old: Dataset, new: Dataset) {
        var out: [Entry] = []
        out += Self.compare(.events, Self.eventRecords(old), Self.eventRecords(new))
        out += Self.compare(.jurisdictions, Self.jurisdictionRecords(old), Self.jurisdictionRecords(new))
        out += Self.compare(.elections, Self.electionRecords(old), Self.electionRecords(new))
        entries = out
    }

    /// A table as (column names, records by id, ids in file order).
    struct Records {
        var columns: [String]
        var ids: [String]
        var values: [String: [String]]
    }

    static func compare(_ table: Table, _ a: Records, _ b: Records) -> [Entry] {
        var added: [Entry] = [], removed: [Entry] = [], changed: [Entry] = []
        for id in b.ids where a.values[id] == nil { added.append(Entry(change: .added, table: table, id: id)) }
        for id in a.ids where b.values[id] == nil { removed.append(Entry(change: .removed, table: table, id: id)) }
        // Columns by name: one that only one version has compares as empty in the other.
        // Each column's place in either version found once (a lookup per column per record
        // made a thousand extra columns take seconds).
        var columns: [(name: String, a: Int?, b: Int?)] = []
        var at: [String: Int] = [:]
        for (k, c) in a.columns.enumerated() where at[c] == nil { at[c] = columns.count; columns.append((c, k, nil)) }
        for (k, c) in b.columns.enumerated() {
            if let i = at[c] { if columns[i].b == nil { columns[i].b = k } } else { at[c] = columns.count; columns.append((c, nil, k)) }
        }
        for id in a.ids {
            guard let old = a.values[id], let new = b.values[id] else { continue }
            for c in columns {
                let o = c.a.flatMap { $0 < old.count ? old[$0] : nil } ?? ""
                let n = c.b.flatMap { $0 < new.count ? new[$0] : nil } ?? ""
                if o != n { changed.append(Entry(change: .changed, table: table, id: id, field: c.name, old: o, new: n)) }
            }
        }
        func byID(_ x: Entry, _ y: Entry) -> Bool { Array(x.id.utf8).lexicographicallyPrecedes(Array(y.id.utf8)) }
        // Stable: a record's fields stay in column order.
        let sortedChanged = changed.enumerated().sorted { x, y in
            x.element.id == y.element.id ? x.offset < y.offset : byID(x.element, y.element)
        }.map(\.element)
        return added.sorted(by: byID) + removed.sorted(by: byID) + sortedChanged
    }

    static func eventRecords(_ d: Dataset) -> Records {
        let e = d.events
        var values: [String: [String]] = [:], ids: [String] = []
        values.reserveCapacity(e.count)
        for k in e.indices {
            var row: [String] = []
            row.reserveCapacity(EventColumn.schema.count + d.extraEventColumns.count - 1)
            for column in EventColumn.schema where column != EventColumn.id {
                row.append(column.cell(e, k).text(e) { d.jurisdictions[$0].id })
            }
            row += e.extras[k]
            let id = e.id(k)
            ids.append(id)
            values[id] = row
        }
        let columns = EventColumn.schema.filter { $0 != EventColumn.id }.map(\.name) + d.extraEventColumns
        return Records(columns: columns, ids: ids, values: values)
    }

    static func jurisdictionRecords(_ d: Dataset) -> Records {
        records(
            d.jurisdictions.map { j in
                (j.id, [j.name, j.level.rawValue, j.parent.map { d.jurisdictions[$0].id } ?? "", j.kode ?? ""], j.extras)
            }, columns: ["name", "level", "parent", "kode"])
    }

    static func electionRecords(_ d: Dataset) -> Records {
        records(
            d.elections.map { e in (e.id, [e.name, e.date.iso, d.jurisdictions[e.scope].id], e.extras) },
            columns: ["name", "date", "scope"])
    }

    /// Records of a small table: its own columns, then the columns Netra does not use, in
    /// the file's order (every row of one file has the same ones).
    static func records(_ rows: [(id: String, values: [String], extras: [ExtraCell])], columns: [String]) -> Records {
        let extraColumns = rows.first?.extras.map(\.column) ?? []
        var values: [String: [String]] = [:]
        for r in rows where values[r.id] == nil {
            var byColumn: [String: String] = [:]
            for c in r.extras where byColumn[c.column] == nil { byColumn[c.column] = c.value }
            values[r.id] = r.values + extraColumns.map { byColumn[$0] ?? "" }
        }
        return Records(columns: columns + extraColumns, ids: rows.map(\.id), values: values)
    }

    /// The summary line, then one line per entry, in `lang`.
    public func text(_ lang: Language) -> String {
        var lines = [Strings.diffSummary(added: added, removed: removed, changed: changed).text(lang)]
        for e in entries {
            var line = Strings.diffChange(e.change).text(lang) + " · " + e.table.rawValue + " · " + Diagnostic.printable(e.id)
            if e.change == .changed { line += " · \(e.field): \(Self.quoted(e.old)) → \(Self.quoted(e.new))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A value in quotes, so that an empty one and trailing spaces show; a line break or
    /// another control character from a cell as `\u{A}`, so that a value cannot forge a line.
    static func quoted(_ s: String) -> String { "\"" + Diagnostic.printable(s) + "\"" }
}
