import NetraCore

/// Everything Netra computes from a dataset, worked out once and shared by the exports,
/// the charts and the briefing.
public struct Analysis: Sendable {
    public let dataset: Dataset
    public let graph: EventGraph
    /// Every lead time, in the order of `LeadTimeMeasure.allCases`, then by event id.
    public let leadTimes: [LeadTime]
    /// Events per month × jurisdiction × kind, rolled up: what the monthly charts draw.
    public let monthlyTable: MonthlyTable
    /// The events by id, their ids copied in that order (for the lead-time export).
    public let ids: SortedIDs
    /// Event indices sorted by id: the order lead times are listed in.
    public var idOrder: [Int] { ids.order }

    public init(dataset: Dataset) {
        self.dataset = dataset
        // Both cores sort half the ids each; then one merges them while the other builds the
        // graph, counts the months and works out the lead times, which are listed by id last.
        let halves = SortedIDs.sortedHalves(dataset.events)
        let (sorted, (built, table, figures)) = Parallel.both(
            { SortedIDs(dataset.events, merging: halves) },
            { () -> (EventGraph, MonthlyTable, LeadTimes.Figures) in
                let g = EventGraph(events: dataset.events)
                return (g, MonthlyTable(dataset, rollup: true), LeadTimes.figures(dataset, graph: g))
            })
        ids = sorted
        graph = built
        monthlyTable = table
        leadTimes = figures.listed(by: sorted.order)
    }

    /// Events per month × jurisdiction × kind; with `rollup`, each ancestor's rows too.
    public func monthly(rollup: Bool = false) -> [MonthlyCount] {
        rollup ? Counts.rows(monthlyTable, dataset) : Counts.monthly(dataset, rollup: false)
    }

    /// n, median, min and max of each measure per jurisdiction.
    public func leadTimeSummary() -> [LeadTimeSummary] {
        LeadTimes.summarize(leadTimes, dataset: dataset)
    }

    /// The side-by-side metrics of two jurisdictions, each with everything under it.
    public func compare(_ a: Int, _ b: Int) -> Comparison {
        Comparison(analysis: self, a: a, b: b)
    }
}
