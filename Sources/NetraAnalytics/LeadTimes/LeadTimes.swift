import NetraCore

/// What a lead time measures.
public enum LeadTimeMeasure: String, CaseIterable, Sendable {
    /// From a prevention event to the next election in scope.
    case prevention
    /// From an incident to its first response, report, decision or sanction.
    case response, report, decision, sanction
    /// From an event's date to its source's publication date.
    case reportingLag = "reporting_lag"

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
    /// The event measured from (the prevention event, the incident, the reported event).
    public var event: Int
    public var jurisdiction: Int
    public var target: Target
    public var days: Int
    /// True only when every date involved is day-precise.
    public var exact: Bool
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

    public static func compute(_ d: Dataset, graph: EventGraph) -> [LeadTime] {
        var byMeasure: [LeadTimeMeasure: [LeadTime]] = [:]
        // The elections each jurisdiction is in scope of, by date then id.
        let elections = d.elections.indices.sorted { (d.elections[$0].date, d.elections[$0].id) < (d.elections[$1].date, d.elections[$1].id) }
        var inScope: [[Int]] = Array(repeating: [], count: d.jurisdictions.count)
        for j in d.jurisdictions.indices {
            let line = Set(d.lineage(of: j))
            inScope[j] = elections.filter { line.contains(d.elections[$0].scope) }
        }
        for (k, e) in d.events.enumerated() {
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
                    byMeasure[.prevention, default: []].append(LeadTime(
                        measure: .prevention, event: k, jurisdiction: e.jurisdiction, target: .election(el),
                        days: a.days(to: d.elections[el].date), exact: e.date.isExact))
                }
            }
            if e.kind == .incident {
                var first: [EventKind: Int] = [:]
                for r in graph.descendants(of: k, following: handling) {
                    let ev = d.events[r]
                    guard [.response, .report, .decision, .sanction].contains(ev.kind) else { continue }
                    if let cur = first[ev.kind] {
                        let c = d.events[cur]
                        if (ev.date.anchor, ev.id) < (c.date.anchor, c.id) { first[ev.kind] = r }
                    } else {
                        first[ev.kind] = r
                    }
                }
                for m in [LeadTimeMeasure.response, .report, .decision, .sanction] {
                    guard let kind = m.reachedKind, let r = first[kind] else { continue }
                    let ev = d.events[r]
                    byMeasure[m, default: []].append(LeadTime(
                        measure: m, event: k, jurisdiction: e.jurisdiction, target: .event(r),
                        days: e.date.anchor.days(to: ev.date.anchor), exact: e.date.isExact && ev.date.isExact))
                }
            }
            if let sd = e.sourceDate {
                byMeasure[.reportingLag, default: []].append(LeadTime(
                    measure: .reportingLag, event: k, jurisdiction: e.jurisdiction, target: .none,
                    days: e.date.anchor.days(to: sd), exact: e.date.isExact))
            }
        }
        var out: [LeadTime] = []
        for m in LeadTimeMeasure.allCases {
            out += (byMeasure[m] ?? []).sorted { d.events[$0.event].id < d.events[$1.event].id }
        }
        return out
    }

    /// Summaries sorted by measure (in `allCases` order), then jurisdiction id.
    public static func summarize(_ times: [LeadTime], dataset d: Dataset) -> [LeadTimeSummary] {
        var groups: [LeadTimeMeasure: [Int: [LeadTime]]] = [:]
        for t in times { groups[t.measure, default: [:]][t.jurisdiction, default: []].append(t) }
        var out: [LeadTimeSummary] = []
        for m in LeadTimeMeasure.allCases {
            guard let byJ = groups[m] else { continue }
            for j in byJ.keys.sorted(by: { d.jurisdictions[$0].id < d.jurisdictions[$1].id }) {
                let list = byJ[j] ?? []
                let days = list.map(\.days)
                guard let median = Median(days), let lo = days.min(), let hi = days.max() else { continue }
                out.append(LeadTimeSummary(measure: m, jurisdiction: j, n: list.count, median: median,
                                           min: lo, max: hi, exactCount: list.filter(\.exact).count))
            }
        }
        return out
    }
}
