import NetraCore

/// The key figures of one month's briefing, as the analysis stands (`Analysis.standsOn`: by
/// default the month's last day): only the events that take part by then count.
public struct BriefingFigures: Sendable {
    public let month: Month
    /// The day the figures stand on.
    public let asOf: Day
    /// Events this month and the month before, by kind (kinds with none left out).
    public let thisMonth: [EventKind: Int]
    public let previousMonth: [EventKind: Int]
    /// Events of the month, by anchor date then id.
    public let events: [EventIndex]
    /// Events of earlier months first known in this one (`known_date`, else `source_date`),
    /// by anchor date then id: listed apart, never counted in the month's figures.
    public let firstKnown: [EventIndex]
    /// Incidents whose anchor falls in the month.
    public let newIncidents: [EventIndex]
    /// Median days from an incident to its first response / report, over what was known by
    /// then; nil when there is none yet.
    public let medianFirstResponse: Median?
    public let medianFirstReport: Median?
    /// The next election after the as-of day, and the days to it from that day.
    public let nextElection: (index: ElectionIndex, days: Int)?
    /// Pledge signatories known by then; nil when no pledge gives a number (unknown, not 0).
    public let signatoriesSoFar: Int?
    /// Each prevention event of the month with its lead time to the next election (the
    /// sheet and events.md say how long before it came).
    public let preventionLeads: [EventIndex: LeadTime]
    /// The month's events of the whole dataset against the three months before.
    public let trend: TrendPoint

    public var total: Int { thisMonth.values.reduce(0, +) }
    public var previousTotal: Int { previousMonth.values.reduce(0, +) }

    public init(_ a: Analysis, month: Month) {
        let d = a.dataset
        self.month = month
        let asOf = a.standsOn ?? month.lastDay
        self.asOf = asOf
        var now: [EventKind: Int] = [:], before: [EventKind: Int] = [:]
        var list: [EventIndex] = [], late: [EventIndex] = []
        var signatories: Int?
        let table = d.events
        // The analysis holds only what took part by the as-of day: nothing later is counted.
        for k in table.indices {
            let kind = table.kinds[k]
            let m = table.dates[k].anchor.month
            if m == month { now[kind, default: 0] += 1; list.append(k) }
            else if m < month && d.knownDay(k).month == month { late.append(k) }
            if m == month.previous { before[kind, default: 0] += 1 }
            if kind == .pledge, let c = table.counts[k] { signatories = (signatories ?? 0) + c }
        }
        list.sort { (table.dates[$0].anchor, table.id($0)) < (table.dates[$1].anchor, table.id($1)) }
        late.sort { (table.dates[$0].anchor, table.id($0)) < (table.dates[$1].anchor, table.id($1)) }
        firstKnown = late
        thisMonth = now
        previousMonth = before
        events = list
        newIncidents = list.filter { table.kinds[$0] == .incident }
        signatoriesSoFar = signatories
        trend = Trends.total(a.monthlyTable, month: month)
        func median(_ m: LeadTimeMeasure) -> Median? {
            Median(a.leadTimes.filter { $0.measure == m }.map(\.days))
        }
        let listed = Set(list)
        var leads: [EventIndex: LeadTime] = [:]
        for t in a.leadTimes where t.measure == .prevention && listed.contains(t.event) { leads[t.event] = t }
        preventionLeads = leads
        medianFirstResponse = median(.response)
        medianFirstReport = median(.report)
        nextElection = d.elections.indices.first { d.elections[$0].date > asOf }.map { ($0, asOf.days(to: d.elections[$0].date)) }
    }

    /// How long before its election prevention event `k` of the month came, if it is one.
    public func leadPhrase(_ a: Analysis, _ k: EventIndex) -> Phrase? {
        guard let t = preventionLeads[k], case .election(let e) = t.target else { return nil }
        return Strings.leadBefore(a.leadTimeRange(t), election: a.dataset.elections[e].name)
    }

    /// `figures.csv`'s rows, `figure,value`: every number of the sheet, for a script to check.
    /// A figure with nothing to take it from is empty.
    public func rows(_ d: Dataset) -> [(figure: String, value: String, numeric: Bool)] {
        [
            ("as_of", asOf.iso, false),
            ("events", String(total), true),
            ("events_previous_month", String(previousTotal), true),
            ("new_incidents", String(newIncidents.count), true),
            ("median_days_to_first_response", medianFirstResponse?.description ?? "", true),
            ("median_days_to_first_report", medianFirstReport?.description ?? "", true),
            ("days_to_next_election", nextElection.map { String($0.days) } ?? "", true),
            ("next_election", nextElection.map { d.elections[$0.index].id } ?? "", false),
            ("pledge_signatories", signatoriesSoFar.map(String.init) ?? "", true),
            ("trend", trend.label.rawValue, false),
            ("trend_baseline", trend.baselineTenths.map(Trends.tenths) ?? "", true),
            ("trend_change_pct", trend.changeTenths.map(Trends.tenths) ?? "", true),
        ]
    }
}

extension Dataset {
    /// The month of the latest event anchor: the default briefing month.
    public var latestMonth: Month? {
        events.dates.lazy.map(\.anchor).max()?.month
    }
}
