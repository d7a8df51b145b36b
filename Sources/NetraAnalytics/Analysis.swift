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
        // The events by id (sorted on both cores), then the graph beside the month table.
        idOrder = IDOrder(dataset.events)
        (graph, monthlyTable) = Parallel.both({ EventGraph(events: dataset.events) }, { MonthlyTable(dataset, rollup: true) })
        leadTimes = LeadTimes.compute(dataset, graph: graph, byID: idOrder.order)
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
