/// What a cell of an input column holds; the loader checks it and the README names it.
public enum CellType: String, Sendable {
    case id = "slug"
    case date = "date"
    case day = "YYYY-MM-DD"
    case precision = "precision"
    case kind = "kind"
    case jurisdiction = "jurisdiction id"
    case text = "text"
    case count = "whole number"
    case status = "status"
    case links = "links"
    case url = "address"
    case level = "level"
    case kode = "Kemendagri code"

    /// What such a cell is in a typed output (the workbook), declared here once.
    public var value: CellValue {
        switch self {
        case .date, .day: return .day
        case .count: return .number
        case .id, .precision, .kind, .jurisdiction, .text, .status, .links, .url, .level, .kode: return .text
        }
    }
}

/// What a cell is in a typed output: a workbook writes a day as a date, a number as a number.
/// (No column is true/false yet; a `boolean` added here makes the compiler point at the
/// workbook's `typed`.)
public enum CellValue: Sendable {
    case text, day, number
}

/// One input column: its header name, what its cells hold and whether a file must have it.
/// What it means is written in `datasets/README.md`, whose table a test holds to this one.
public struct ColumnSpec: Sendable {
    public let name: String
    public let type: CellType
    public let required: Bool

    init(_ name: String, _ type: CellType, required: Bool = false) {
        self.name = name; self.type = type; self.required = required
    }
}

/// The columns of `events.csv`: the one schema that the loader, its messages, the exports,
/// the generator and the README's column table follow. The order of the cases is the order
/// the exports write them in. Adding a column: a case here, its line in `spec` and its row in
/// `datasets/README.md`; the compiler then points at the loader, the events export and the
/// generator.
public enum EventColumn: Int, CaseIterable, Sendable {
    case id, date, precision, endDate, kind, jurisdiction, title, titleEN, actors, place, count, unit, status, links, source
    case sourceURL, sourceDate, knownDate, quote, notes

    /// The column's name, type and need.
    public var spec: ColumnSpec {
        switch self {
        case .id: return ColumnSpec("id", .id, required: true)
        case .date: return ColumnSpec("date", .date, required: true)
        case .precision: return ColumnSpec("precision", .precision, required: true)
        case .endDate: return ColumnSpec("end_date", .date)
        case .kind: return ColumnSpec("kind", .kind, required: true)
        case .jurisdiction: return ColumnSpec("jurisdiction", .jurisdiction, required: true)
        case .title: return ColumnSpec("title", .text, required: true)
        case .titleEN: return ColumnSpec("title_en", .text)
        case .actors: return ColumnSpec("actors", .text)
        case .place: return ColumnSpec("place", .text)
        case .count: return ColumnSpec("count", .count)
        case .unit: return ColumnSpec("unit", .text)
        case .status: return ColumnSpec("status", .status)
        case .links: return ColumnSpec("links", .links)
        case .source: return ColumnSpec("source", .text, required: true)
        case .sourceURL: return ColumnSpec("source_url", .url)
        case .sourceDate: return ColumnSpec("source_date", .day)
        case .knownDate: return ColumnSpec("known_date", .day)
        case .quote: return ColumnSpec("quote", .text)
        case .notes: return ColumnSpec("notes", .text)
        }
    }

    /// The header name.
    public var name: String { spec.name }

    /// True when every file must have the column.
    public var isRequired: Bool { spec.required }

    /// What its cells are in a typed output.
    public var value: CellValue { spec.type.value }

    /// The cell of event `k` in this column, as the exports, the diff and the loader's
    /// equivalence test read it. The one switch from a column to the table's field.
    @inline(__always)
    public func cell(_ events: EventTable, _ k: EventIndex) -> EventCell {
        switch self {
        case .id: return events.textCell(.id, k)
        case .date: return .date(events.dates[k].written)
        case .precision: return .precision(events.dates[k].precision)
        case .endDate: return .day(events.endDates[k])
        case .kind: return .kind(events.kinds[k])
        case .jurisdiction: return .jurisdiction(events.jurisdictions[k])
        case .title: return events.textCell(.title, k)
        case .titleEN: return events.textCell(.titleEN, k)
        case .actors: return events.textCell(.actors, k)
        case .place: return events.textCell(.place, k)
        case .count: return .number(events.counts[k])
        case .unit: return events.textCell(.unit, k)
        case .status: return .status(events.statuses[k])
        case .links: return .links(events.links[k])
        case .source: return .outlet(events.sources[k])
        case .sourceURL: return events.textCell(.sourceURL, k)
        case .sourceDate: return .day(events.sourceDates[k])
        case .knownDate: return .day(events.knownDates[k])
        case .quote: return events.textCell(.quote, k)
        case .notes: return events.textCell(.notes, k)
        }
    }

    /// Every column, in order, made once (`allCases` builds an array each time it is asked).
    public static let schema: [EventColumn] = allCases

    /// Every column's name, in the order the exports write them.
    public static let names: [String] = allCases.map(\.name)

    /// The names of the columns a file must have.
    public static let requiredNames: [String] = allCases.filter(\.isRequired).map(\.name)

    /// The names of the others.
    public static let optionalNames: [String] = allCases.filter { !$0.isRequired }.map(\.name)

    /// The columns by header name.
    public static let byName: [String: EventColumn] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}

/// The columns of `events.csv` as a value: the built-in `EventColumn`s and the columns added
/// beside them (none in the product; a test adds a scratch column this way to walk the column
/// path). An added column's cells are checked by its rule, kept as written among the dataset's
/// extra columns (which the events export, the diff and the workbook carry), and typed in the
/// workbook by its `value`.
public struct EventSchema: Sendable {
    public var added: [AddedColumn]

    public init(added: [AddedColumn] = []) { self.added = added }

    /// The product's: the built-in columns alone.
    public static let standard = EventSchema()

    /// What the cells of column `name` are in a typed output; nil for a column the schema
    /// does not know.
    public func value(of name: String) -> CellValue? {
        EventColumn.byName[name]?.value ?? added.first { $0.name == name }?.value
    }
}

/// A column added to the schema as a value: its header name, what its cells are and its
/// parse-and-check rule.
public struct AddedColumn: Sendable {
    public let name: String
    public let value: CellValue
    /// What is wrong with a filled cell (spaces trimmed); nil when it is fine.
    public let rule: @Sendable (String) -> Said?

    public init(name: String, value: CellValue, rule: @escaping @Sendable (String) -> Said?) {
        self.name = name; self.value = value; self.rule = rule
    }
}

/// A cell of `events.csv` as the table holds it. Readers switch on what a cell is, not on
/// which column it came from: a new column of a kind already here needs no reader changed.
public enum EventCell {
    /// Text as written (spaces kept): where it sits in the table's store, read with
    /// `TextStore.withBytes` (the cell holds no reference to the store).
    case text(TextRef)
    case date(WrittenDate)
    case precision(Precision)
    case day(Day?)
    case kind(EventKind)
    case jurisdiction(JurisdictionIndex)
    case number(Int?)
    case status(CaseStatus?)
    /// The event's links, `relation:target_id` once written.
    case links([Link])
    /// An index into the store's outlets.
    case outlet(Int)

    /// The cell as the input writes it (`2024-01`, `sosialisasi`, `responds_to:x;…`).
    public func text(_ events: EventTable, jurisdictions: (JurisdictionIndex) -> String) -> String {
        switch self {
        case .text(let r): return events.text.string(r)
        case .date(let w): return w.text
        case .precision(let p): return p.rawValue
        case .day(let d): return d?.iso ?? ""
        case .kind(let k): return k.rawValue
        case .jurisdiction(let j): return jurisdictions(j)
        case .number(let n): return n.map(String.init) ?? ""
        case .status(let s): return s?.rawValue ?? ""
        case .links(let ls): return ls.map { "\($0.relation.rawValue):\(events.id($0.target))" }.joined(separator: ";")
        case .outlet(let o): return events.text.sources[o]
        }
    }
}

extension EventText {
    /// The column of `events.csv` the text comes from.
    public var column: EventColumn {
        switch self {
        case .id: return .id
        case .title: return .title
        case .titleEN: return .titleEN
        case .actors: return .actors
        case .place: return .place
        case .unit: return .unit
        case .sourceURL: return .sourceURL
        case .quote: return .quote
        case .notes: return .notes
        }
    }
}

/// Where each schema column sits in a file's header (nil: the file lacks it).
public struct ColumnPositions: Sendable {
    var positions: [Int?]

    /// From positions in schema order (`EventColumn.allCases`).
    @usableFromInline package init(_ positions: [Int?]) {
        assert(positions.count == EventColumn.allCases.count)
        self.positions = positions
    }

    /// The field index of `column` in a record, or nil when the file has no such column.
    @inline(__always)
    public subscript(_ column: EventColumn) -> Int? { positions[column.rawValue] }
}

/// The columns of `jurisdictions.csv`, in the order `netra init` writes them. `kode` is the
/// Kemendagri code (`32.75`), checked against the built-in regions (Regions/).
public enum JurisdictionColumn: Int, CaseIterable, Sendable {
    case id, name, level, parent, kode

    public var spec: ColumnSpec {
        switch self {
        case .id: return ColumnSpec("id", .id, required: true)
        case .name: return ColumnSpec("name", .text, required: true)
        case .level: return ColumnSpec("level", .level, required: true)
        case .parent: return ColumnSpec("parent", .jurisdiction, required: true)
        case .kode: return ColumnSpec("kode", .kode)
        }
    }

    public var name: String { spec.name }
    public static let names: [String] = allCases.map(\.name)
    public static let requiredNames: [String] = allCases.filter(\.spec.required).map(\.name)
    public static let optionalNames: [String] = allCases.filter { !$0.spec.required }.map(\.name)
}
