/// A government whose events are tracked; counts roll up through `parent`.
public struct Jurisdiction: Sendable, Equatable {
    public var id: String
    public var name: String
    public var level: JurisdictionLevel
    /// Index of the parent in `Dataset.jurisdictions`.
    public var parent: Int?
    /// Line in `jurisdictions.csv`.
    public var line: Int

    public init(id: String, name: String, level: JurisdictionLevel, parent: Int?, line: Int = 0) {
        self.id = id; self.name = name; self.level = level; self.parent = parent; self.line = line
    }
}

/// An election day and the jurisdiction it covers.
public struct Election: Sendable, Equatable {
    public var id: String
    public var name: String
    public var date: Day
    /// Index into `Dataset.jurisdictions`.
    public var scope: Int
    public var line: Int

    public init(id: String, name: String, date: Day, scope: Int, line: Int = 0) {
        self.id = id; self.name = name; self.date = date; self.scope = scope; self.line = line
    }
}

/// An edge from the event that carries it (the effect) to an earlier event (the cause).
public struct Link: Sendable, Equatable, Hashable {
    public var relation: Relation
    /// Index into `Dataset.events`.
    public var target: Int

    public init(relation: Relation, target: Int) {
        self.relation = relation; self.target = target
    }
}

/// Where an event's text cells sit in its `TextStore`.
struct EventTextRefs: Sendable {
    var id = TextRef.empty, title = TextRef.empty, actors = TextRef.empty, place = TextRef.empty, unit = TextRef.empty
    var sourceURL = TextRef.empty, quote = TextRef.empty, notes = TextRef.empty

    subscript(_ f: EventText) -> TextRef {
        switch f {
        case .id: return id
        case .title: return title
        case .actors: return actors
        case .place: return place
        case .unit: return unit
        case .sourceURL: return sourceURL
        case .quote: return quote
        case .notes: return notes
        }
    }
}

/// One row of `events.csv`, typed. Its text cells are read from a shared `TextStore` when asked for.
public struct Event: Sendable {
    public var date: EventDate
    public var endDate: Day?
    public var kind: EventKind
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: Int
    public var count: Int?
    public var status: CaseStatus?
    public var links: [Link]
    public var sourceDate: Day?
    /// Values of `Dataset.extraEventColumns`, in that order.
    public var extras: [String]
    /// Line in `events.csv` where the row starts.
    public var line: Int
    /// The store this event's text lives in.
    public let text: TextStore
    var refs: EventTextRefs
    /// Index of `source` in `text.sources`.
    public internal(set) var sourceIndex: Int

    public var id: String { text.string(refs.id) }
    public var title: String { text.string(refs.title) }
    /// The `actors` cell as written (`;`-separated).
    public var actors: String { text.string(refs.actors) }
    public var place: String { text.string(refs.place) }
    public var unit: String { text.string(refs.unit) }
    public var source: String { text.sources[sourceIndex] }
    public var sourceURL: String { text.string(refs.sourceURL) }
    public var quote: String { text.string(refs.quote) }
    public var notes: String { text.string(refs.notes) }

    /// A text cell's UTF-8 bytes, without making a String.
    @inline(__always)
    public func withUTF8<R>(_ field: EventText, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUTF8(refs[field], body)
    }

    /// Orders ids by their UTF-8 bytes (code-point order, as `String` orders NFC text), with
    /// no String made: analytics sort and tie-break on ids a million times.
    public func idPrecedes(_ other: Event) -> Bool {
        withUTF8(.id) { a in other.withUTF8(.id) { b in a.lexicographicallyPrecedes(b) } }
    }

    /// True when the two ids are the same bytes.
    public func sameID(_ other: Event) -> Bool {
        withUTF8(.id) { a in other.withUTF8(.id) { b in a.elementsEqual(b) } }
    }

    /// True when the cell holds no `,`, `"`, CR or LF, as known from how the file wrote it
    /// (false when unknown): a plain CSV export may copy it without looking.
    public func isPlain(_ field: EventText) -> Bool { refs[field].isPlain }

    /// True when the cell is empty.
    public func isEmpty(_ field: EventText) -> Bool { refs[field].isEmpty }

    /// An event made in code (tests, tools); it gets a small store of its own.
    public init(
        id: String, date: EventDate, endDate: Day? = nil, kind: EventKind, jurisdiction: Int,
        title: String = "", actors: String = "", place: String = "", count: Int? = nil,
        unit: String = "", status: CaseStatus? = nil, links: [Link] = [], source: String = "",
        sourceURL: String = "", sourceDate: Day? = nil, quote: String = "", notes: String = "",
        extras: [String] = [], line: Int = 0
    ) {
        let (store, r) = TextStore.make([id, title, actors, place, unit, sourceURL, quote, notes], source: source)
        self.init(date: date, endDate: endDate, kind: kind, jurisdiction: jurisdiction, count: count,
                  status: status, links: links, sourceDate: sourceDate, extras: extras, line: line, text: store,
                  refs: EventTextRefs(id: r[0], title: r[1], actors: r[2], place: r[3], unit: r[4], sourceURL: r[5], quote: r[6], notes: r[7]),
                  sourceIndex: 0)
    }

    init(date: EventDate, endDate: Day?, kind: EventKind, jurisdiction: Int, count: Int?,
         status: CaseStatus?, links: [Link], sourceDate: Day?, extras: [String], line: Int,
         text: TextStore, refs: EventTextRefs, sourceIndex: Int) {
        self.date = date; self.endDate = endDate; self.kind = kind
        self.jurisdiction = jurisdiction; self.count = count; self.status = status; self.links = links
        self.sourceDate = sourceDate; self.extras = extras; self.line = line
        self.text = text; self.refs = refs; self.sourceIndex = sourceIndex
    }

    /// The actors one by one.
    public var actorList: [String] {
        actors.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}

/// A loaded, checked dataset: events, jurisdictions and elections, ids interned to indices.
public struct Dataset: Sendable {
    public var events: [Event]
    public var jurisdictions: [Jurisdiction]
    public var elections: [Election]
    /// Columns of `events.csv` that Netra does not use, kept for the events export.
    public var extraEventColumns: [String]
    /// The folder it came from, for footers and messages.
    public var name: String

    public let eventIndex: EventIndex
    public let jurisdictionIndex: [String: Int]

    /// Event `k`'s id bytes, read in place: the exports ask for a million of them, and a
    /// copy of the whole event per id would cost more than writing it.
    @inline(__always)
    public func withID<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, _ plain: Bool) throws -> R) rethrows -> R {
        try events.withID(k, body)
    }
    /// Distinct outlets named in `source` (spaces trimmed, case folded), for chart footers.
    public let outletCount: Int

    public init(events: [Event], jurisdictions: [Jurisdiction], elections: [Election],
                extraEventColumns: [String] = [], name: String = "") {
        self.init(events: events, jurisdictions: jurisdictions, elections: elections,
                  extraEventColumns: extraEventColumns, name: name, eventIndex: EventIndex(events))
    }

    /// With the id index the loader already built (ids unique, index = position), so a
    /// million ids are hashed once, not twice.
    init(events: [Event], jurisdictions: [Jurisdiction], elections: [Election],
         extraEventColumns: [String], name: String, eventIndex: EventIndex) {
        self.events = events
        self.jurisdictions = jurisdictions
        self.elections = elections.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.extraEventColumns = extraEventColumns
        self.name = name
        self.eventIndex = eventIndex
        var ji: [String: Int] = [:]
        for (k, j) in jurisdictions.enumerated() where ji[j.id] == nil { ji[j.id] = k }
        jurisdictionIndex = ji
        outletCount = Dataset.outlets(events, events.indices)
    }

    /// Distinct outlets among `indices`: each store's names checked once, then folded.
    public static func outlets<S: Sequence<Int>>(_ events: [Event], _ indices: S) -> Int {
        var raw = Set<String>()
        var store: TextStore?
        var seen: [Bool] = []
        for k in indices where events.indices.contains(k) {
            let e = events[k]
            if e.text !== store {
                store = e.text
                seen = [Bool](repeating: false, count: e.text.sources.count)
            }
            if !seen[e.sourceIndex] {
                seen[e.sourceIndex] = true
                raw.insert(e.source)
            }
        }
        var outlets = Set<String>()
        for r in raw {
            let t = r.trimmingSpaces
            if !t.isEmpty { outlets.insert(t.lowercased()) }
        }
        return outlets.count
    }

    /// The jurisdiction itself, then its parent, up to the root.
    public func lineage(of jurisdiction: Int) -> [Int] {
        var out: [Int] = []
        var cur: Int? = jurisdiction
        while let c = cur, !out.contains(c), c < jurisdictions.count {
            out.append(c)
            cur = jurisdictions[c].parent
        }
        return out
    }

    /// True when `jurisdiction` is `ancestor` or lies under it.
    public func isWithin(_ jurisdiction: Int, _ ancestor: Int) -> Bool {
        lineage(of: jurisdiction).contains(ancestor)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension Array where Element == Event {
    /// Event `k`'s id bytes, and whether they are known to need no quotes, read in place:
    /// binding the event would copy (and retain) it.
    @inline(__always)
    public func withID<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, _ plain: Bool) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { all in
            let r = all[k].refs.id
            return try all[k].text.withUTF8(r) { try body($0, r.isPlain) }
        }
    }
}
