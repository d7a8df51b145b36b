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
        default: return nil
        }
    }
}

/// One lead time and the events it came from.
public struct LeadTime: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case election(Int)
        case event(Int)
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
    public var event: Int {
        get { Int(event32) }
        set { event32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var jurisdiction: Int {
        get { Int(jurisdiction32) }
        set { jurisdiction32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var days: Int {
        get { Int(days32) }
        set { days32 = Int32(clamping: newValue) }
    }
    public var target: Target {
        get { target32 == -1 ? .none : target32 >= 0 ? .event(Int(target32)) : .election(Int(-2 - target32)) }
        set {
            switch newValue {
            case .none: target32 = -1
            case .event(let e): target32 = Int32(truncatingIfNeeded: e)
            case .election(let e): target32 = -2 - Int32(truncatingIfNeeded: e)
            }
        }
    }

    public init(measure: LeadTimeMeasure, event: Int, jurisdiction: Int, target: Target, days: Int, exact: Bool) {
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
    public var jurisdiction: Int
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
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
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
    public static func compute(_ d: Dataset, graph: EventGraph, byID: [Int]? = nil) -> [LeadTime] {
        figures(d, graph: graph).listed(by: byID ?? idOrder(d.events))
    }

    /// Each measure's figures, kept by event: listed in id order by `Figures.listed(by:)`.
    struct Figures: Sendable {
        let byMeasure: [[LeadTime]]
        let slot: [[Int32]]

        /// Every figure, by measure, then in the order of `byID` (event indices by id).
        func listed(by byID: [Int]) -> [LeadTime] {
            var out: [LeadTime] = []
            out.reserveCapacity(byMeasure.reduce(0) { $0 + $1.count })
            for m in byMeasure.indices where !byMeasure[m].isEmpty {
                let list = byMeasure[m], at = slot[m]
                for k in byID where at[k] >= 0 { out.append(list[Int(at[k])]) }
            }
            return out
        }
    }

    static func figures(_ d: Dataset, graph: EventGraph) -> Figures {
        let n = d.events.count
        // Each event yields at most one figure per measure, so a measure's figures are kept
        // by event and read out in id order: one sort of the ids instead of one per measure.
        let measures = LeadTimeMeasure.allCases
        var byMeasure: [[LeadTime]] = Array(repeating: [], count: measures.count)
        var slot: [[Int32]] = Array(repeating: [], count: measures.count)
        func add(_ t: LeadTime, _ m: Int) {
            if slot[m].isEmpty { slot[m] = [Int32](repeating: -1, count: n) }
            slot[m][t.event] = Int32(byMeasure[m].count)
            byMeasure[m].append(t)
        }
        let mPrevention = measures.firstIndex(of: .prevention) ?? 0
        let mLag = measures.firstIndex(of: .reportingLag) ?? 0
        let handlingMeasures: [(kind: EventKind, measure: LeadTimeMeasure, index: Int)] =
            measures.enumerated().compactMap { i, m in m.reachedKind.map { ($0, m, i) } }
        // The elections each jurisdiction is in scope of, by date then id.
        let elections = d.elections.indices.sorted { (d.elections[$0].date, d.elections[$0].id) < (d.elections[$1].date, d.elections[$1].id) }
        var inScope: [[Int]] = Array(repeating: [], count: d.jurisdictions.count)
        for j in d.jurisdictions.indices {
            let line = Set(d.lineage(of: j))
            inScope[j] = elections.filter { line.contains(d.elections[$0].scope) }
        }
        var walker = EventGraph.Walker(nodeCount: graph.nodeCount, following: handling)
        for k in d.events.indices {
            // The fields used, read in place: binding the event would copy (and retain) it.
            let e = (kind: d.events[k].kind, date: d.events[k].date, jurisdiction: d.events[k].jurisdiction,
                     sourceDate: d.events[k].sourceDate)
            if e.kind.isPrevention {
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
                    add(LeadTime(
                        measure: .prevention, event: k, jurisdiction: e.jurisdiction, target: .election(el),
                        days: a.days(to: d.elections[el].date), exact: e.date.isExact), mPrevention)
                }
            }
            if e.kind == .incident {
                // The earliest (date, then id) response, report, decision and sanction reached.
                var first = (-1, -1, -1, -1)
                graph.forEachDescendant(of: k, using: &walker) { r in
                    func better(_ cur: Int) -> Bool {
                        if cur < 0 { return true }
                        let a = d.events[r].date.anchor, b = d.events[cur].date.anchor
                        if a != b { return a < b }
                        // Then the id, then the index, as the old walk in index order did.
                        if d.events[r].idPrecedes(d.events[cur]) { return true }
                        return d.events[r].sameID(d.events[cur]) && r < cur
                    }
                    switch d.events[r].kind {
                    case .response: if better(first.0) { first.0 = r }
                    case .report: if better(first.1) { first.1 = r }
                    case .decision: if better(first.2) { first.2 = r }
                    case .sanction: if better(first.3) { first.3 = r }
                    default: break
                    }
                }
                for h in handlingMeasures {
                    let r: Int
                    switch h.kind {
                    case .response: r = first.0
                    case .report: r = first.1
                    case .decision: r = first.2
                    case .sanction: r = first.3
                    default: r = -1
                    }
                    guard r >= 0 else { continue }
                    let reached = d.events[r].date
                    add(LeadTime(
                        measure: h.measure, event: k, jurisdiction: e.jurisdiction, target: .event(r),
                        days: e.date.anchor.days(to: reached.anchor), exact: e.date.isExact && reached.isExact), h.index)
                }
            }
            if let sd = e.sourceDate {
                add(LeadTime(
                    measure: .reportingLag, event: k, jurisdiction: e.jurisdiction, target: .none,
                    days: e.date.anchor.days(to: sd), exact: e.date.isExact), mLag)
            }
        }
        return Figures(byMeasure: byMeasure, slot: slot)
    }

    /// Event indices sorted by id, equal ids in index order (see `SortedIDs`).
    public static func idOrder(_ events: [Event]) -> [Int] { SortedIDs(events).order }

    /// Summaries sorted by measure (in `allCases` order), then jurisdiction id.
    public static func summarize(_ times: [LeadTime], dataset d: Dataset) -> [LeadTimeSummary] {
        // Per measure and jurisdiction, in flat arrays: no dictionary per figure.
        let js = d.jurisdictions.count
        let measures = LeadTimeMeasure.allCases
        var days: [[Int]] = Array(repeating: [], count: measures.count * js)
        var exact = [Int](repeating: 0, count: measures.count * js)
        for t in times {
            let key = t.measure.order * js + t.jurisdiction
            days[key].append(t.days)
            if t.exact { exact[key] += 1 }
        }
        let jOrder = d.jurisdictions.indices.sorted { d.jurisdictions[$0].id < d.jurisdictions[$1].id }
        var out: [LeadTimeSummary] = []
        for (mi, m) in measures.enumerated() {
            for j in jOrder {
                let key = mi * js + j
                let list = days[key]
                guard let median = Median(list), let lo = list.min(), let hi = list.max() else { continue }
                out.append(LeadTimeSummary(measure: m, jurisdiction: j, n: list.count, median: median,
                                           min: lo, max: hi, exactCount: exact[key]))
            }
        }
        return out
    }
}
