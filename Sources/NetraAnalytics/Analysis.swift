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
    public let idOrder: IDOrder

    public init(dataset: Dataset) {
        self.dataset = dataset
        // On two cores: the events sorted by id (the order lead times are listed in) and the
        // month table on one, the graph on the other; then the lead times.
        let ((ids, table), built) = Parallel.both(
            { (IDOrder(dataset.events), MonthlyTable(dataset, rollup: true)) },
            { EventGraph(events: dataset.events) })
        graph = built
        monthlyTable = table
        idOrder = ids
        leadTimes = LeadTimes.compute(dataset, graph: graph, byID: ids.order)
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
