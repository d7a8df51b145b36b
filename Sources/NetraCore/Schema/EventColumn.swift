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

    /// Every column, in order, made once (`allCases` builds an array each time it is asked).
    public static let schema: [EventColumn] = allCases

    /// Every column's name, in the order the exports write them.
    public static let names: [String] = allCases.map(\.name)

    /// The names of the columns a file must have.
    public static let requiredNames: [String] = allCases.filter(\.isRequired).map(\.name)

    /// The names of the others.
    public static let optionalNames: [String] = allCases.filter { !$0.isRequired }.map(\.name)
}

/// Where each schema column sits in a file's header (nil: the file lacks it).
public struct ColumnPositions: Sendable {
    var positions: [Int?]

    /// From positions in schema order (`EventColumn.allCases`).
    init(_ positions: [Int?]) {
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
