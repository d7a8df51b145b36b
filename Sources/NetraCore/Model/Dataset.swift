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

/// One row of `events.csv`, typed.
public struct Event: Sendable {
    public var id: String
    public var date: EventDate
    public var endDate: Day?
    public var kind: EventKind
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: Int
    public var title: String
    /// The `actors` cell as written (`;`-separated).
    public var actors: String
    public var place: String
    public var count: Int?
    public var unit: String
    public var status: CaseStatus?
    public var links: [Link]
    public var source: String
    public var sourceURL: String
    public var sourceDate: Day?
    public var quote: String
    public var notes: String
    /// Values of `Dataset.extraEventColumns`, in that order.
    public var extras: [String]
    /// Line in `events.csv` where the row starts.
    public var line: Int

    public init(
        id: String, date: EventDate, endDate: Day? = nil, kind: EventKind, jurisdiction: Int,
        title: String = "", actors: String = "", place: String = "", count: Int? = nil,
        unit: String = "", status: CaseStatus? = nil, links: [Link] = [], source: String = "",
        sourceURL: String = "", sourceDate: Day? = nil, quote: String = "", notes: String = "",
        extras: [String] = [], line: Int = 0
    ) {
        self.id = id; self.date = date; self.endDate = endDate; self.kind = kind
        self.jurisdiction = jurisdiction; self.title = title; self.actors = actors
        self.place = place; self.count = count; self.unit = unit; self.status = status
        self.links = links; self.source = source; self.sourceURL = sourceURL
        self.sourceDate = sourceDate; self.quote = quote; self.notes = notes
        self.extras = extras; self.line = line
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

    public let eventIndex: [String: Int]
    public let jurisdictionIndex: [String: Int]

    public init(events: [Event], jurisdictions: [Jurisdiction], elections: [Election],
                extraEventColumns: [String] = [], name: String = "") {
        var ei: [String: Int] = [:]
        ei.reserveCapacity(events.count)
        for (k, e) in events.enumerated() where ei[e.id] == nil { ei[e.id] = k }
        self.init(events: events, jurisdictions: jurisdictions, elections: elections,
                  extraEventColumns: extraEventColumns, name: name, eventIndex: ei)
    }

    /// With the id index the loader already built (ids unique, index = position), so a
    /// million ids are hashed once, not twice.
    init(events: [Event], jurisdictions: [Jurisdiction], elections: [Election],
         extraEventColumns: [String], name: String, eventIndex: [String: Int]) {
        self.events = events
        self.jurisdictions = jurisdictions
        self.elections = elections.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.extraEventColumns = extraEventColumns
        self.name = name
        self.eventIndex = eventIndex
        var ji: [String: Int] = [:]
        for (k, j) in jurisdictions.enumerated() where ji[j.id] == nil { ji[j.id] = k }
        jurisdictionIndex = ji
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
