/// A government whose events are tracked; counts roll up through `parent`.
public struct Jurisdiction: Sendable, Equatable {
    public var id: String
    public var name: String
    public var level: JurisdictionLevel
    /// The parent's row in `Dataset.jurisdictions`.
    public var parent: JurisdictionIndex?
    /// Line in `jurisdictions.csv`.
    public var line: Int
    /// The Kemendagri code (`32.75`), checked against `Regions`; nil when not given.
    public var kode: String?
    /// Columns Netra does not use, kept so that `diff` sees a change in them.
    public var extras: [ExtraCell]

    public init(
        id: String, name: String, level: JurisdictionLevel, parent: JurisdictionIndex?, line: Int = 0, kode: String? = nil,
        extras: [ExtraCell] = []
    ) {
        self.id = id; self.name = name; self.level = level; self.parent = parent; self.line = line; self.kode = kode
        self.extras = extras
    }
}

/// A cell of a column Netra does not use, under its header.
public struct ExtraCell: Sendable, Equatable {
    public var column: String
    public var value: String

    public init(column: String, value: String) { self.column = column; self.value = value }
}

/// An election day and the jurisdiction it covers.
public struct Election: Sendable, Equatable {
    public var id: String
    public var name: String
    public var date: Day
    /// The jurisdiction it covers.
    public var scope: JurisdictionIndex
    public var line: Int
    /// Columns Netra does not use, kept so that `diff` sees a change in them.
    public var extras: [ExtraCell]

    public init(id: String, name: String, date: Day, scope: JurisdictionIndex, line: Int = 0, extras: [ExtraCell] = []) {
        self.id = id; self.name = name; self.date = date; self.scope = scope; self.line = line; self.extras = extras
    }
}

/// An edge from the event that carries it (the effect) to an earlier event (the cause).
public struct Link: Sendable, Equatable, Hashable {
    public var relation: Relation
    /// The cause.
    public var target: EventIndex

    public init(relation: Relation, target: EventIndex) {
        self.relation = relation; self.target = target
    }
}

/// Where an event's text cells sit in its `TextStore`: one per text column, none left out
/// (made from a function of the column, so that a new text column is given by every maker).
@usableFromInline package struct EventTextRefs: Sendable {
    @usableFromInline package var id, title, titleEN, actors, place, unit, sourceURL, quote, notes: TextRef

    @inline(__always)
    @usableFromInline package init(_ ref: (EventText) -> TextRef) {
        self.init(
            id: ref(.id), title: ref(.title), titleEN: ref(.titleEN), actors: ref(.actors), place: ref(.place), unit: ref(.unit),
            sourceURL: ref(.sourceURL), quote: ref(.quote), notes: ref(.notes))
    }

    /// Every cell given, none defaulted. The loader, in another module, makes one per row
    /// with this: a closure handed across the module boundary would copy its row state for
    /// each cell.
    @usableFromInline package init(
        id: TextRef, title: TextRef, titleEN: TextRef, actors: TextRef, place: TextRef, unit: TextRef, sourceURL: TextRef,
        quote: TextRef, notes: TextRef
    ) {
        self.id = id; self.title = title; self.titleEN = titleEN; self.actors = actors; self.place = place; self.unit = unit
        self.sourceURL = sourceURL; self.quote = quote; self.notes = notes
    }

    @inline(__always)
    subscript(_ f: EventText) -> TextRef {
        switch f {
        case .id: return id
        case .title: return title
        case .titleEN: return titleEN
        case .actors: return actors
        case .place: return place
        case .unit: return unit
        case .sourceURL: return sourceURL
        case .quote: return quote
        case .notes: return notes
        }
    }

    /// Every span mended by `rebase` (a part of a file read on two cores joined to the first).
    func rebased(_ rebase: (TextRef) -> TextRef) -> EventTextRefs { EventTextRefs { rebase(self[$0]) } }
}

/// One row of `events.csv` as the loader reads it and `EventTable` appends it: a field per
/// column, none with a default, so that a new column is given wherever a row is made.
@usableFromInline package struct EventRow: Sendable {
    @usableFromInline package var date: EventDate
    @usableFromInline package var endDate: Day?
    @usableFromInline package var kind: EventKind
    @usableFromInline package var jurisdiction: JurisdictionIndex
    @usableFromInline package var count: Int?
    @usableFromInline package var status: CaseStatus?
    @usableFromInline package var links: [Link]
    /// Index of the outlet in the store's `sources`.
    @usableFromInline package var source: Int
    @usableFromInline package var sourceDate: Day?
    @usableFromInline package var knownDate: Day?
    /// The text columns (`id`, `title`, …) as spans of the store.
    @usableFromInline package var text: EventTextRefs
    /// Values of `Dataset.extraEventColumns`, in that order.
    @usableFromInline package var extras: [String]
    /// Line in `events.csv` where the row starts.
    @usableFromInline package var line: Int

    /// Every field given: a new column is a new argument wherever a row is made.
    @usableFromInline package init(
        date: EventDate, endDate: Day?, kind: EventKind, jurisdiction: JurisdictionIndex, count: Int?, status: CaseStatus?, links: [Link], source: Int,
        sourceDate: Day?, knownDate: Day?, text: EventTextRefs, extras: [String], line: Int
    ) {
        self.date = date; self.endDate = endDate; self.kind = kind; self.jurisdiction = jurisdiction; self.count = count; self.status = status;
        self.links = links; self.source = source; self.sourceDate = sourceDate; self.knownDate = knownDate; self.text = text; self.extras = extras;
        self.line = line
    }
}

/// One event as a value: a row of the `EventTable` read out (`dataset.events[k]`), or an event
/// made in code. Its text cells are read from the table's `TextStore` when asked for.
public struct Event: Sendable {
    public var date: EventDate
    public var endDate: Day?
    public var kind: EventKind
    public var jurisdiction: JurisdictionIndex
    public var count: Int?
    public var status: CaseStatus?
    public var links: [Link]
    public var sourceDate: Day?
    /// The first day the event was public, when a cited report shows it earlier than `sourceDate`.
    public var knownDate: Day?
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
    /// The English title, empty when the row gives none.
    public var titleEN: String { text.string(refs.titleEN) }
    /// The `actors` cell as written (`;`-separated).
    public var actors: String { text.string(refs.actors) }
    public var place: String { text.string(refs.place) }
    public var unit: String { text.string(refs.unit) }
    public var source: String { text.sources[sourceIndex] }
    public var sourceURL: String { text.string(refs.sourceURL) }
    public var quote: String { text.string(refs.quote) }
    public var notes: String { text.string(refs.notes) }

    /// An event made in code (tests, tools); it gets a small store of its own.
    public init(
        id: String, date: EventDate, endDate: Day? = nil, kind: EventKind, jurisdiction: JurisdictionIndex,
        title: String = "", titleEN: String = "", actors: String = "", place: String = "", count: Int? = nil,
        unit: String = "", status: CaseStatus? = nil, links: [Link] = [], source: String = "",
        sourceURL: String = "", sourceDate: Day? = nil, knownDate: Day? = nil, quote: String = "", notes: String = "",
        extras: [String] = [], line: Int = 0
    ) {
        func given(_ f: EventText) -> String {
            switch f {
            case .id: return id
            case .title: return title
            case .titleEN: return titleEN
            case .actors: return actors
            case .place: return place
            case .unit: return unit
            case .sourceURL: return sourceURL
            case .quote: return quote
            case .notes: return notes
            }
        }
        let (store, r) = TextStore.make(EventText.allCases.map(given), source: source)
        self.init(
            EventRow(
                date: date, endDate: endDate, kind: kind, jurisdiction: jurisdiction, count: count, status: status,
                links: links, source: 0, sourceDate: sourceDate, knownDate: knownDate,
                text: EventTextRefs { r[$0.rawValue] }, extras: extras, line: line),
            text: store)
    }

    init(_ row: EventRow, text: TextStore) {
        date = row.date; endDate = row.endDate; kind = row.kind; jurisdiction = row.jurisdiction; count = row.count
        status = row.status; links = row.links; sourceDate = row.sourceDate; knownDate = row.knownDate; extras = row.extras
        line = row.line; refs = row.text; sourceIndex = row.source
        self.text = text
    }

    /// The event as the row it would be in its own store.
    var row: EventRow {
        EventRow(
            date: date, endDate: endDate, kind: kind, jurisdiction: jurisdiction, count: count, status: status, links: links,
            source: sourceIndex, sourceDate: sourceDate, knownDate: knownDate, text: refs, extras: extras, line: line)
    }

    /// The actors one by one.
    public var actorList: [String] {
        actors.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// A text cell's UTF-8 bytes (a slice of the store, not a copy).
    public func bytes(_ field: EventText) -> ArraySlice<UInt8> { text.bytes(refs[field]) }
}

/// A loaded, checked dataset: events, jurisdictions and elections, ids interned to indices.
public struct Dataset: Sendable {
    public var events: EventTable
    /// Fixed at init: `tree` is numbered from them.
    public private(set) var jurisdictions: Column<JurisdictionIndex, Jurisdiction>
    /// The jurisdictions' forest, for "within" and roll-ups in constant time per step.
    public let tree: JurisdictionTree
    public var elections: Column<ElectionIndex, Election>
    /// Columns of `events.csv` that Netra does not use, kept for the events export.
    public var extraEventColumns: [String]
    /// The folder it came from, for footers and messages.
    public var name: String

    /// The day its figures stand on: the as-of day it was cut at, else the last day an event
    /// happened or became known (nil for no events). Every chart and sheet says it.
    public var standsOn: Day?

    /// The filter its events were cut by (`--from`, `--to`, `--jurisdiction`, `--kind`), nil
    /// for none: every chart and sheet says it.
    public var selection: Selection?

    /// The dataset's own settings (office, region, pair, lang), empty when it has none.
    public var settings = DatasetSettings()

    /// The columns its events were read by (`.standard` but in tests that add one).
    public var schema = EventSchema.standard

    /// The events by id.
    public let eventsByID: EventIDs
    public let jurisdictionIndex: [String: JurisdictionIndex]
    /// Distinct outlets named in `source` (spaces trimmed, case folded), for chart footers.
    public let outletCount: Int

    /// A dataset of events made in code (tests, tools), gathered into one table.
    public init(
        events: [Event], jurisdictions: [Jurisdiction], elections: [Election],
        extraEventColumns: [String] = [], name: String = ""
    ) {
        self.init(
            events: EventTable(events), jurisdictions: jurisdictions, elections: elections,
            extraEventColumns: extraEventColumns, name: name)
    }

    /// A dataset of a table of events; `ids` when the loader already built the id index (ids
    /// unique, index = row), so that a million ids are hashed once, not twice.
    public init(
        events: EventTable, jurisdictions: [Jurisdiction], elections: [Election],
        extraEventColumns: [String] = [], name: String = ""
    ) {
        self.init(
            events: events, jurisdictions: jurisdictions, elections: elections,
            extraEventColumns: extraEventColumns, name: name, ids: EventIDs(events))
    }

    @usableFromInline package init(
        events: EventTable, jurisdictions: [Jurisdiction], elections: [Election],
        extraEventColumns: [String], name: String, ids: EventIDs
    ) {
        self.events = events
        self.jurisdictions = Column(jurisdictions)
        tree = JurisdictionTree(self.jurisdictions)
        self.elections = Column(elections.sorted { ($0.date, $0.id) < ($1.date, $1.id) })
        self.extraEventColumns = extraEventColumns
        self.name = name
        self.eventsByID = ids
        var ji: [String: JurisdictionIndex] = [:]
        for (k, j) in jurisdictions.enumerated() where ji[j.id] == nil { ji[j.id] = JurisdictionIndex(k) }
        jurisdictionIndex = ji
        outletCount = events.outletCount(events.indices)
        standsOn = nil
        selection = nil
        standsOn = latestKnownDay
    }

    /// The jurisdiction itself, then its parent, up to the root.
    public func lineage(of jurisdiction: JurisdictionIndex) -> [JurisdictionIndex] {
        var out: [JurisdictionIndex] = []
        var cur: JurisdictionIndex? = jurisdiction
        // The loader refuses parent cycles, so no step repeats; a lineage longer than the
        // table could only come from a cycle, and ends there (linear, not a search per step).
        while let c = cur, c.raw >= 0, c.raw < jurisdictions.count, out.count < jurisdictions.count {
            out.append(c)
            cur = jurisdictions[c].parent
        }
        return out
    }

    /// True when some jurisdiction lies under `jurisdiction`: only then does "including the
    /// jurisdictions under it" say anything.
    public func hasJurisdictions(under jurisdiction: JurisdictionIndex) -> Bool {
        tree.hasJurisdictions(under: jurisdiction)
    }

    /// Each jurisdiction's events and those of every place under it, in one pass up the tree
    /// (children before parents), whatever its depth.
    public func eventsWithin() -> Column<JurisdictionIndex, Int> {
        var n = Column<JurisdictionIndex, Int>(repeating: 0, count: jurisdictions.count)
        for j in events.jurisdictions { n[j] += 1 }
        for k in tree.topDown.reversed() {
            if let p = jurisdictions[k].parent { n[p] += n[k] }
        }
        return n
    }

    /// True when `jurisdiction` is `ancestor` or lies under it.
    public func isWithin(_ jurisdiction: JurisdictionIndex, _ ancestor: JurisdictionIndex) -> Bool {
        tree.isWithin(jurisdiction, ancestor)
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
