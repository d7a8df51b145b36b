import NetraCore

/// Events of one kind in one jurisdiction in one month.
public struct MonthlyCount: Sendable, Hashable {
    public var month: Month
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: Int
    public var kind: EventKind
    public var events: Int
    /// Sum of the events' `count` (signatories, cases); an empty count adds 0.
    public var countSum: Int
}

/// Counting events by month, kind and jurisdiction.
public enum Counts {
    /// Rows sorted by month, jurisdiction id, then kind name. Every figure is taken from the
    /// event's anchor, so a span counts once, in the month it starts.
    public static func monthly(_ d: Dataset, rollup: Bool) -> [MonthlyCount] {
        let kinds = EventKind.allCases.count
        let lineages: [[Int]] = d.jurisdictions.indices.map { rollup ? d.lineage(of: $0) : [$0] }
        // Dense keys: month offset × jurisdiction × kind, so a million events cost one array.
        guard !d.events.isEmpty else { return [] }
        // Each anchor's month worked out once (it takes a calendar conversion), min and max on the way.
        var monthOf = [Int](repeating: 0, count: d.events.count)
        var lo = Int.max, hi = Int.min
        for (k, e) in d.events.enumerated() {
            let m = e.date.anchor.month.index
            monthOf[k] = m
            lo = min(lo, m); hi = max(hi, m)
        }
        let months = hi - lo + 1
        let js = d.jurisdictions.count
        var events = [Int](repeating: 0, count: months * js * kinds)
        var sums = [Int](repeating: 0, count: months * js * kinds)
        for (k, e) in d.events.enumerated() {
            let m = monthOf[k] - lo
            for j in lineages[e.jurisdiction] {
                let key = (m * js + j) * kinds + e.kind.order
                events[key] += 1
                sums[key] += e.count ?? 0
            }
        }
        let jOrder = d.jurisdictions.indices.sorted { d.jurisdictions[$0].id < d.jurisdictions[$1].id }
        let kOrder = EventKind.allCases.sorted { $0.rawValue < $1.rawValue }
        var out: [MonthlyCount] = []
        for m in 0..<months {
            for j in jOrder {
                for k in kOrder {
                    let key = (m * js + j) * kinds + k.order
                    if events[key] > 0 {
                        out.append(MonthlyCount(month: Month(index: lo + m), jurisdiction: j, kind: k,
                                                events: events[key], countSum: sums[key]))
                    }
                }
            }
        }
        return out
    }
}
