import NetraCore

/// Everything Netra computes from a dataset, worked out once and shared by the exports,
/// the charts and the briefing.
public struct Analysis: Sendable {
    /// The events that take part as of `asOf` (all of them when it is nil).
    public let dataset: Dataset
    /// Every event, whether it takes part or not: what another day's figures are cut from.
    public let full: Dataset
    /// The day asked for (`--as-of`, a briefing's month end), or nil for everything.
    public let asOf: Day?
    /// The filter the events were cut by, nil for none.
    public let selection: Selection?
    /// The day the figures stand on: `asOf`, or the last day an event happened or became
    /// known (nil for no events). Every output says it ("Data per 31 Desember 2023").
    public let standsOn: Day?
    public let graph: EventGraph
    /// Each incident's status as of the day (nil for other events, and for an incident no
    /// status was ever set on and whose own cell is empty).
    public let statusAsOf: Column<EventIndex, CaseStatus?>
    /// Every lead time, in the order of `LeadTimeMeasure.allCases`, then by event id.
    public let leadTimes: [LeadTime]
    /// Events per month × jurisdiction × kind, rolled up: what the monthly charts draw.
    public let monthlyTable: MonthlyTable
    /// The events by id, their ids copied in that order (for the lead-time export).
    public let idOrder: IDOrder
    /// The outlets of each jurisdiction's scope: what the charts' footers count.
    public let outlets: ScopeOutlets

    /// The figures of `full` as of `asOf`: only events that had happened and were known by
    /// then take part, and statuses are the ones set by then.
    /// With `selection`, only the events it keeps take part too (statuses are still read
    /// from every event: a decision outside the filter still rules on an incident inside it).
    public init(dataset full: Dataset, asOf: Day? = nil, selection: Selection? = nil) {
        let selection = selection.flatMap { $0.isEverything ? nil : $0 }
        let cut = asOf != nil || selection != nil ? full.cut(asOf: asOf, selection: selection) : nil
        let dataset = cut?.dataset ?? full
        self.dataset = dataset
        self.full = full
        self.asOf = asOf
        self.selection = selection
        standsOn = dataset.standsOn
        // Who set a status is read from every event, even those not known yet: an incident
        // ruled on later is `alleged` until then, not its final cell.
        let fullGraph: EventGraph? = dataset.events.count == full.events.count ? nil : EventGraph(events: full.events)
        let rows = cut?.rows
        let early = fullGraph.map { Self.statuses(full, graph: $0, asOf: asOf, rows: rows) }
        // Both cores sort half the ids each; then one merges them and works out the leads of
        // each event's own dates while the other builds the graph and counts the months; then
        // one works out the statuses while the other follows the incidents' handling and
        // gathers each scope's outlets (the charts' footers); the lead times are listed by id
        // on both. Each step about as long on each core (1M, CPU ms a
        // core: 70, 26, 29, 7; it was 75, then 21 beside 108, then 21 on one core alone).
        let halves = IDOrder.sortedHalves(dataset.events)
        let ((ids, dated), (built, table)) = Parallel.both(
            { (IDOrder(dataset.events, merging: halves), LeadTimes.figures(dataset, graph: nil, of: .dated, slots: false)) },
            { (EventGraph(events: dataset.events), MonthlyTable(dataset, rollup: true)) })
        let (status, (handled, outlets)) = Parallel.both(
            { early ?? Self.statuses(full, graph: built, asOf: asOf, rows: rows) },
            { (LeadTimes.figures(dataset, graph: built, of: .handling, slots: false), ScopeOutlets(dataset)) })
        idOrder = ids
        self.outlets = outlets
        graph = built
        monthlyTable = table
        statusAsOf = status
        leadTimes = Self.known(dated.joined(handled).listedOnTwoCores(by: ids), dataset, asOf: asOf)
    }

    /// A source published after the day is not known by then: its reporting lag is not either.
    static func known(_ times: [LeadTime], _ d: Dataset, asOf: Day?) -> [LeadTime] {
        guard let asOf else { return times }
        return times.filter { $0.measure != .reportingLag || (d.events.sourceDates[$0.event] ?? asOf) <= asOf }
    }

    /// The same figures as of another day; no work is redone when every event already
    /// takes part by then (the statuses are then the final ones too).
    public func asOf(_ day: Day) -> Analysis {
        guard asOf == nil, dataset.events.count == full.events.count,
            full.events.indices.allSatisfy({ full.takesPart($0, asOf: day) })
        else {
            return Analysis(dataset: full, asOf: day, selection: selection)
        }
        return Analysis(self, asOf: day)
    }

    private init(_ a: Analysis, asOf day: Day) {
        var cut = a.dataset
        cut.standsOn = day
        dataset = cut; full = a.full; asOf = day; selection = a.selection; standsOn = day; graph = a.graph
        statusAsOf = a.statusAsOf; leadTimes = Self.known(a.leadTimes, cut, asOf: day); monthlyTable = a.monthlyTable; idOrder = a.idOrder
        outlets = a.outlets
    }

    /// Each incident's status as of `asOf`, read from every event of `full` and its graph,
    /// then cut to `rows` (the events that take part).
    static func statuses(_ full: Dataset, graph: EventGraph, asOf: Day?, rows: [EventIndex]?) -> Column<EventIndex, CaseStatus?> {
        let all = IncidentStatuses(full.events, graph: graph).asOf(full.events, takesPart: asOf.map { day in { full.takesPart($0, asOf: day) } })
        guard let rows, rows.count != full.events.count else { return all }
        return Column(rows.map { all[$0] })
    }

    /// Events per month × jurisdiction × kind; with `rollup`, each ancestor's rows too.
    public func monthly(rollup: Bool = false) -> [MonthlyCount] {
        rollup ? Counts.rows(monthlyTable, dataset) : Counts.monthly(dataset, rollup: false)
    }

    /// n, median, min and max of each measure per jurisdiction, over the lead times that
    /// measure something (a zero by construction is none).
    public func leadTimeSummary() -> [LeadTimeSummary] {
        // `measuredLeadTimes` read in passing, not copied (1.6 M lead times at 1M events), on
        // two cores (`FastPaths/LeadTimes+SummaryOnTwoCores.swift`).
        leadTimeSummaryOnTwoCores()
    }

    /// The side-by-side metrics of two jurisdictions, each with everything under it;
    /// `tallies` when the caller has made them already.
    public func compare(_ a: JurisdictionIndex, _ b: JurisdictionIndex, tallies: TallySeries? = nil) -> Comparison {
        Comparison(analysis: self, a: a, b: b, tallies: tallies)
    }
}
