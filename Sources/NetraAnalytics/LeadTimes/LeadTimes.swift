#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NetraCore

/// What a lead time measures.
public enum LeadTimeMeasure: String, CaseIterable, Sendable {
    /// From a prevention event to the next election in scope.
    case prevention
    /// From an incident to its first response, report, decision or sanction.
    case response, report, decision, sanction
    /// From an event's date to its source's publication date.
    case reportingLag = "reporting_lag"

    /// Position in `allCases`, without hashing: asked once per lead time.
    public var order: Int {
        switch self {
        case .prevention: return 0
        case .response: return 1
        case .report: return 2
        case .decision: return 3
        case .sanction: return 4
        case .reportingLag: return 5
        }
    }

    /// The event kind an incident's measure looks for.
    public var reachedKind: EventKind? {
        switch self {
        case .response: return .response
        case .report: return .report
        case .decision: return .decision
        case .sanction: return .sanction
        case .prevention, .reportingLag: return nil
        }
    }

    /// The incident measure that looks for events of `kind`, if one does.
    public init?(reaching kind: EventKind) {
        switch kind {
        case .response: self = .response
        case .report: self = .report
        case .decision: self = .decision
        case .sanction: self = .sanction
        case .regulation, .taskForce, .directive, .sosialisasi, .pledge, .incident, .caseTally, .statement: return nil
        }
    }
}

extension LeadTimeMeasure {
    /// The incident measure event `k` answers: that of its kind, except that the registration
    /// of a report (a decision that sets no status) is no ruling, so no first decision.
    /// `borrowing`: an initializer takes its arguments owned, and the sweep calls this for
    /// every event it reaches, so each call retained and released every column of the table.
    public init?(reachedBy k: EventIndex, _ events: borrowing EventTable) {
        guard !events.isRegistration(k) else { return nil }
        self.init(reaching: events.kinds[k])
    }
}

/// One lead time and the events it came from.
public struct LeadTime: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case election(ElectionIndex)
        case event(EventIndex)
        case none
    }

    public var measure: LeadTimeMeasure
    /// True only when every date involved is day-precise.
    public var exact: Bool
    // Kept in 32 bits: a million events give one and a half million of these.
    private var event32: Int32, jurisdiction32: Int32, days32: Int32
    /// -1: none; 0 or more: an event; -2 - n: election n.
    private var target32: Int32

    /// The event measured from (the prevention event, the incident, the reported event).
    public var event: EventIndex {
        get { EventIndex(Int(event32)) }
        set { event32 = Int32(truncatingIfNeeded: newValue.raw) }
    }
    public var jurisdiction: JurisdictionIndex {
        get { JurisdictionIndex(Int(jurisdiction32)) }
        set { jurisdiction32 = Int32(truncatingIfNeeded: newValue.raw) }
    }
    public var days: Int {
        get { Int(days32) }
        set { days32 = Int32(clamping: newValue) }
    }
    public var target: Target {
        get { target32 == -1 ? .none : target32 >= 0 ? .event(EventIndex(Int(target32))) : .election(ElectionIndex(Int(-2 - target32))) }
        set {
            switch newValue {
            case .none: target32 = -1
            case .event(let e): target32 = Int32(truncatingIfNeeded: e.raw)
            case .election(let e): target32 = -2 - Int32(truncatingIfNeeded: e.raw)
            }
        }
    }

    public init(measure: LeadTimeMeasure, event: EventIndex, jurisdiction: JurisdictionIndex, target: Target, days: Int, exact: Bool) {
        self.measure = measure
        self.exact = exact
        event32 = 0; jurisdiction32 = 0; days32 = 0; target32 = -1
        self.event = event
        self.jurisdiction = jurisdiction
        self.days = days
        self.target = target
    }
}

/// n, median, min and max of one measure in one jurisdiction.
public struct LeadTimeSummary: Sendable, Hashable {
    public var measure: LeadTimeMeasure
    public var jurisdiction: JurisdictionIndex
    public var n: Int
    public var median: Median
    public var min: Int
    public var max: Int
    /// How many of the n figures rest only on exact dates.
    public var exactCount: Int
}

/// A median of whole days: whole, or halfway between two.
public struct Median: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Twice the median, so that .5 stays exact.
    public let doubled: Int

    /// The median of `values`, or nil when there are none.
    public init?(_ values: [Int]) {
        self.init(sorted: CountingSort.sorted(values) ?? values.sorted())
    }

    /// The median of `values` already in increasing order (no second sort).
    public init?(sorted s: [Int]) {
        guard !s.isEmpty else { return nil }
        assert(zip(s, s.dropFirst()).allSatisfy { $0 <= $1 }, "sorted")
        let mid = s.count / 2
        doubled = s.count % 2 == 1 ? 2 * s[mid] : s[mid - 1] + s[mid]
    }

    public var value: Double { Double(doubled) / 2 }

    /// `12` or `12.5` (`-0.5` stays signed).
    public var description: String {
        if doubled % 2 == 0 { return String(doubled / 2) }
        let whole = abs(doubled) / 2
        return (doubled < 0 ? "-" : "") + "\(whole).5"
    }

    public static func < (a: Median, b: Median) -> Bool { a.doubled < b.doubled }
}

/// Working out lead times from the events, the elections and the graph.
public enum LeadTimes {
    /// Relations along which an incident's handling is followed.
    static let handling: Set<Relation> = Set(Relation.allCases.filter(\.carriesResponse))

    /// Every lead time; `byID` is `idOrder(d.events)` when the caller has it already.
    public static func compute(_ d: Dataset, graph: EventGraph, byID: [EventIndex]? = nil) -> [LeadTime] {
        figures(d, graph: graph).listed(by: byID ?? IDOrder(d.events).order)
    }

    /// Each measure's figures, kept by event: listed in id order by `Figures.listed(by:)`.
    struct Figures: Sendable {
        let byMeasure: [[LeadTime]]
        let slot: [Column<EventIndex, Int32>]

        /// Every figure, by measure, then in the order of `byID` (event rows by id): the plain
        /// way of `listed(by: IDOrder)` (`LeadTimes+ListedByRank.swift`), which uses the ranks.
        func listed(by byID: [EventIndex]) -> [LeadTime] {
            precondition(zip(byMeasure, slot).allSatisfy { $0.isEmpty || !$1.isEmpty }, "figures kept with their slots")
            var out: [LeadTime] = []
            out.reserveCapacity(byMeasure.reduce(0) { $0 + $1.count })
            for m in byMeasure.indices where !byMeasure[m].isEmpty {
                let list = byMeasure[m], at = slot[m]
                for k in byID where at[k] >= 0 { out.append(list[Int(at[k])]) }
            }
            return out
        }
    }

    /// The two families of measures: those of each event's own dates (prevention leads,
    /// reporting lags), which need no graph, and an incident's handling, which follows it.
    struct Families: OptionSet, Sendable {
        let rawValue: Int
        static let dated = Families(rawValue: 1)
        static let handling = Families(rawValue: 2)
        static let all: Families = [.dated, .handling]
    }

    static func figures(_ d: Dataset, graph: EventGraph) -> Figures { figures(d, graph: graph, of: .all) }

    /// The figures of the measures of `families` (the others left empty); `graph` may be nil
    /// when they leave out `.handling`. Without `slots`, each event's place in its measure's
    /// list is not kept (`listed(by: IDOrder)` needs none: at a million events, six columns
    /// of 4 MB each written at random).
    static func figures(_ d: Dataset, graph: EventGraph?, of families: Families, slots: Bool = true) -> Figures {
        let n = d.events.count
        // Each event yields at most one figure per measure, so a measure's figures are kept
        // by event and read out in id order: one sort of the ids instead of one per measure.
        let measures = LeadTimeMeasure.allCases
        var byMeasure: [[LeadTime]] = Array(repeating: [], count: measures.count)
        var slot: [Column<EventIndex, Int32>] = Array(repeating: Column(), count: measures.count)
        func add(_ t: LeadTime, _ m: Int) {
            // Room for every event at once: grown by doubling, a million reporting lags were
            // copied as they grew, into new memory each time (room not written is not taken).
            if byMeasure[m].isEmpty { byMeasure[m].reserveCapacity(n) }
            if slots {
                if slot[m].isEmpty { slot[m] = Column(repeating: -1, count: n) }
                slot[m][t.event] = Int32(byMeasure[m].count)
            }
            byMeasure[m].append(t)
        }
        let mPrevention = measures.firstIndex(of: .prevention) ?? 0
        let mLag = measures.firstIndex(of: .reportingLag) ?? 0
        let handlingMeasures: [(kind: EventKind, measure: LeadTimeMeasure, index: Int)] =
            measures.enumerated().compactMap { i, m in m.reachedKind.map { ($0, m, i) } }
        // The elections each jurisdiction is in scope of, by date then id.
        let elections = d.elections.indices.sorted { (d.elections[$0].date, d.elections[$0].id) < (d.elections[$1].date, d.elections[$1].id) }
        let inScope = electionsInScope(d, sorted: elections)
        let events = d.events
        let handling = families.contains(.handling), dated = families.contains(.dated)
        precondition(!handling || graph != nil, "an incident's handling follows the graph")
        let reached = handling ? graph.map { firstReached(events, graph: $0) } ?? Reached(count: 0) : Reached(count: 0)
        for k in events.indices {
            let e = (
                kind: events.kinds[k], date: events.dates[k], jurisdiction: events.jurisdictions[k],
                sourceDate: events.sourceDates[k]
            )
            if dated && e.kind.isPrevention {
                let a = e.date.anchor
                // First election on or after the anchor (elections are sorted by date).
                let list = inScope[e.jurisdiction]
                var lo = 0, hi = list.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if d.elections[list[mid]].date < a { lo = mid + 1 } else { hi = mid }
                }
                if lo < list.count {
                    let el = list[lo]
                    add(
                        LeadTime(
                            measure: .prevention, event: k, jurisdiction: e.jurisdiction, target: .election(el),
                            days: a.days(to: d.elections[el].date), exact: e.date.isExact), mPrevention)
                }
            }
            if handling && e.kind == .incident {
                // The earliest (date, then id) response, report, decision and sanction reached.
                for h in handlingMeasures {
                    guard let r = reached.first(h.measure, reaching: k) else { continue }
                    let reached = events.dates[r]
                    add(
                        LeadTime(
                            measure: h.measure, event: k, jurisdiction: e.jurisdiction, target: .event(r),
                            days: e.date.anchor.days(to: reached.anchor), exact: e.date.isExact && reached.isExact), h.index)
                }
            }
            if dated, let sd = e.sourceDate {
                add(
                    LeadTime(
                        measure: .reportingLag, event: k, jurisdiction: e.jurisdiction, target: .none,
                        days: e.date.anchor.days(to: sd), exact: e.date.isExact), mLag)
            }
        }
        return Figures(byMeasure: byMeasure, slot: slot)
    }

    /// For each jurisdiction, the elections of its lineage in the order of `sorted`: its
    /// parent's list merged with its own, each jurisdiction once after its parent, so a
    /// chain 10,000 deep costs 10,000 steps, not a lineage per jurisdiction.
    static func electionsInScope(_ d: Dataset, sorted: [ElectionIndex]) -> Column<JurisdictionIndex, [ElectionIndex]> {
        let js = d.jurisdictions.count
        var rank = [Int](repeating: 0, count: d.elections.count)
        for (r, e) in sorted.enumerated() { rank[e.raw] = r }
        var own = Column<JurisdictionIndex, [ElectionIndex]>(repeating: [], count: js)
        for e in sorted {
            let scope = d.elections[e].scope
            if scope.raw >= 0 && scope.raw < js { own[scope].append(e) }
        }
        func parent(_ j: JurisdictionIndex) -> JurisdictionIndex? {
            guard let p = d.jurisdictions[j].parent, p.raw >= 0, p.raw < js else { return nil }
            return p
        }
        var inScope = Column<JurisdictionIndex, [ElectionIndex]>(repeating: [], count: js)
        var done = Column<JurisdictionIndex, Bool>(repeating: false, count: js)
        var pending: [JurisdictionIndex] = []
        for j in d.jurisdictions.indices where !done[j] {
            // Up to the first jurisdiction done (the loader refuses parent cycles; the count
            // bounds the climb all the same).
            var cur: JurisdictionIndex? = j
            while let c = cur, !done[c], pending.count <= js { pending.append(c); cur = parent(c) }
            while let c = pending.popLast() {
                let up = parent(c).map { inScope[$0] } ?? []
                let mine = own[c]
                if mine.isEmpty {
                    inScope[c] = up  // shared, not copied
                } else {
                    var merged: [ElectionIndex] = []
                    merged.reserveCapacity(up.count + mine.count)
                    var a = 0, b = 0
                    while a < up.count || b < mine.count {
                        if b == mine.count || (a < up.count && rank[up[a].raw] < rank[mine[b].raw]) {
                            merged.append(up[a]); a += 1
                        } else {
                            merged.append(mine[b]); b += 1
                        }
                    }
                    inScope[c] = merged
                }
                done[c] = true
            }
        }
        return inScope
    }

    // MARK: What reaches an incident

    /// The earliest event of each handling kind (response, report, decision, sanction) that
    /// reaches an event along the handling relations.
    struct Reached: Sendable {
        /// Four rows per event, by `LeadTimeMeasure.order - 1`; -1 where none reaches it.
        var rows: [Int32]

        init(count: Int) { rows = count == 0 ? [] : [Int32](repeating: -1, count: count * 4) }

        func first(_ m: LeadTimeMeasure, reaching k: EventIndex) -> EventIndex? {
            guard m.reachedKind != nil, !rows.isEmpty else { return nil }
            let r = rows[k.raw * 4 + m.order - 1]
            return r < 0 ? nil : EventIndex(Int(r))
        }

        /// Keeps `r` in `slot` when it comes first.
        mutating func offer(_ r: Int32, at slot: Int, _ events: EventTable) {
            let cur = rows[slot]
            if cur < 0 || LeadTimes.precedes(EventIndex(Int(r)), EventIndex(Int(cur)), events) { rows[slot] = r }
        }
    }

    /// The earliest anchor, then the smaller id, then the row: one total order, so the first
    /// event reached does not depend on the order in which events are met.
    static func precedes(_ r: EventIndex, _ cur: EventIndex, _ events: EventTable) -> Bool {
        let a = events.dates[r].anchor, b = events.dates[cur].anchor
        return a != b ? a < b : events.idPrecedes(r, cur) || (events.sameID(r, cur) && r < cur)
    }

    /// What reaches each incident, in one sweep over the graph; the plain walk per incident
    /// (quadratic on a ladder of reports) only if the links hold a cycle.
    static func firstReached(_ events: EventTable, graph: EventGraph) -> Reached {
        guard events.indices.contains(where: { events.kinds[$0] == .incident }) else { return Reached(count: 0) }
        return firstReachedInOneSweep(events, graph: graph) ?? firstReachedByWalking(events, graph: graph)
    }

    /// Effects before causes: what reaches an event is each of its effects and what reaches
    /// them, so each event's four firsts are final once all its effects are done. Linear in
    /// events and links. Nil when the handling links hold a cycle.
    static func firstReachedInOneSweep(_ events: EventTable, graph: EventGraph) -> Reached? {
        var reached = Reached(count: events.count)
        let whole = graph.sweepFromEffects(allowed: Relation.allCases.map(\.carriesResponse)) { e, c in
            let x = Int32(e.raw)
            let own = LeadTimeMeasure(reachedBy: e, events).map { $0.order - 1 }
            for s in 0..<4 {
                if s == own { reached.offer(x, at: c.raw * 4 + s, events) }
                let r = reached.rows[e.raw * 4 + s]
                if r >= 0 { reached.offer(r, at: c.raw * 4 + s, events) }
            }
        }
        return whole ? reached : nil
    }

    /// The plain way, and the reference the sweep is tested against: a walk over all the
    /// descendants of each incident.
    static func firstReachedByWalking(_ events: EventTable, graph: EventGraph) -> Reached {
        var reached = Reached(count: events.count)
        var walker = EventGraph.Walker(nodeCount: graph.nodeCount, following: handling)
        for k in events.indices where events.kinds[k] == .incident {
            graph.forEachDescendant(of: k, using: &walker) { r in
                guard let m = LeadTimeMeasure(reachedBy: r, events) else { return }
                reached.offer(Int32(r.raw), at: k.raw * 4 + m.order - 1, events)
            }
        }
        return reached
    }

    /// Summaries sorted by measure (in `allCases` order), then jurisdiction id.
    public static func summarize(_ times: some Sequence<LeadTime>, dataset d: Dataset) -> [LeadTimeSummary] {
        Gathered(times, jurisdictions: d.jurisdictions.count).summaries(d)
    }

    /// Each measure's days and exact count per jurisdiction, in flat arrays: no dictionary per
    /// figure.
    struct Gathered: Sendable {
        var days: [[Int]]
        var exact: [Int]

        init(_ times: some Sequence<LeadTime>, jurisdictions js: Int) {
            days = Array(repeating: [], count: LeadTimeMeasure.allCases.count * js)
            exact = [Int](repeating: 0, count: LeadTimeMeasure.allCases.count * js)
            for t in times {
                let key = t.measure.order * js + t.jurisdiction.raw
                days[key].append(t.days)
                if t.exact { exact[key] += 1 }
            }
        }

        /// n, median, min and max of each measure and jurisdiction with figures.
        func summaries(_ d: Dataset) -> [LeadTimeSummary] {
            let js = d.jurisdictions.count
            let jOrder = d.jurisdictions.indices.sorted { d.jurisdictions[$0].id < d.jurisdictions[$1].id }
            var out: [LeadTimeSummary] = []
            for (mi, m) in LeadTimeMeasure.allCases.enumerated() {
                for j in jOrder {
                    let key = mi * js + j.raw
                    let list = days[key]
                    guard let median = Median(list), let lo = list.min(), let hi = list.max() else { continue }
                    out.append(
                        LeadTimeSummary(
                            measure: m, jurisdiction: j, n: list.count, median: median,
                            min: lo, max: hi, exactCount: exact[key]))
                }
            }
            return out
        }
    }
}
