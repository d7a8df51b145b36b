import NetraCore

/// Case tallies and pledge signatories over time, one list of dated values per series: what
/// the cases chart draws. A tally is a snapshot (a later one replaces it); signatories add up.
public struct TallySeries: Sendable {
    /// A series: a body's tallies of one status and unit, or its pledges' running sum.
    public struct Key: Hashable, Sendable {
        /// The body whose tallies (or pledges) these are.
        public var jurisdiction: JurisdictionIndex
        /// The tallies' status (`nil` for signatories or a tally without one).
        public var status: CaseStatus?
        /// The tallies' unit, trimmed (empty for signatories).
        public var unit: String
        /// 0 for case tallies, 1 for cumulative pledge signatories.
        public var panel: Int
    }

    /// Each series' values by day, the last of a day kept: snapshots for tallies, running
    /// sums for signatories.
    public let values: [Key: [(day: Day, value: Int)]]

    /// One pass over the events: tallies keyed by body, status and unit, signatories summed
    /// per jurisdiction; events without a count (or a negative one) take no part.
    public init(_ dataset: Dataset) {
        var lists: [Key: [(day: Day, value: Int, order: EventIndex)]] = [:]
        let events = dataset.events
        let jCount = dataset.jurisdictions.count
        for i in events.indices {
            let kind = events.kinds[i]
            guard kind == .caseTally || kind == .pledge, let c = events.counts[i], c >= 0 else { continue }
            let j = events.jurisdictions[i]
            guard j.raw < jCount else { continue }
            let tally = kind == .caseTally
            let key = Key(jurisdiction: j, status: tally ? events.statuses[i] : nil,
                          unit: tally ? events.string(.unit, i).trimmingSpaces : "", panel: tally ? 0 : 1)
            lists[key, default: []].append((events.dates[i].anchor, c, i))
        }
        var out: [Key: [(day: Day, value: Int)]] = [:]
        for (key, list) in lists {
            let sorted = list.sorted { ($0.day, $0.order) < ($1.day, $1.order) }
            var values: [(day: Day, value: Int)] = []
            var sum = 0
            for v in sorted {
                let value = key.panel == 1 ? sum + v.value : v.value
                sum = value
                if let last = values.last, last.day == v.day { values[values.count - 1].value = value } else { values.append((v.day, value)) }
            }
            out[key] = values
        }
        values = out
    }
}
