import NetraCore
import NetraText

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
    /// Incidents that became news in the month (`Dataset.reportedDay`), whatever their own
    /// date: the month's new incidents. By anchor date then id.
    public let newIncidentsReported: [EventIndex]
    /// Incidents that happened in the month (their anchor in it) and are known by the day.
    public let newIncidentsOccurred: [EventIndex]
    /// Events of the month that had happened by the day but became known only after it: not
    /// counted, named in a note so they do not vanish without a word. Rows of `Analysis.full`
    /// (they are not in the analysis' dataset), by anchor then id.
    public let knownLater: [EventIndex]
    /// What a reader is told of the days from an incident to its first response / report,
    /// over what was known by then: a median from three values, else the values.
    public let firstResponse: MedianOrValues
    public let firstReport: MedianOrValues
    /// The next election after the as-of day, and the days to it from that day.
    public let nextElection: (index: ElectionIndex, days: Int)?
    /// Pledge signatories known by then; nil when no pledge gives a number (unknown, not 0).
    public let signatoriesSoFar: Int?
    /// Pledges known by then that give no number: while any, the sum is a lower bound.
    public let uncountedPledges: Int
    /// Each prevention event of the month with its lead time to the next election (the
    /// sheet and events.md say how long before it came).
    public let preventionLeads: [EventIndex: LeadTime]
    /// The month's activity (every kind but case tallies) of the whole dataset against the
    /// three months before.
    public let trend: TrendPoint
    /// The month's new incidents by their status as of the day (statuses with none left out;
    /// those without a status are not counted here).
    public let newIncidentsByStatus: [CaseStatus: Int]
    /// The month's latest ruling: its last decision that set a status, or sanction (a
    /// registration is no ruling); nil for none.
    public let latestRuling: EventIndex?
    /// True when every event of the month's activity is a prevention event (also for none).
    public let preventionOnly: Bool
    /// Outlets the month's events cite (told apart without case): the sheet's footer.
    public let outlets: Int

    /// The month's activity: its events but case tallies, which are snapshots of others'
    /// counts, not something done in the month.
    public var total: Int { thisMonth.reduce(0) { $0 + ($1.key.countsAsActivity ? $1.value : 0) } }
    public var previousTotal: Int { previousMonth.reduce(0) { $0 + ($1.key.countsAsActivity ? $1.value : 0) } }
    /// Case tallies published in the month (listed, never counted as activity).
    public var tallies: Int { thisMonth[.caseTally] ?? 0 }
    /// The new incidents that also happened in the month.
    public var reportedAndOccurred: [EventIndex] {
        // A set: a generated month may hold thousands of incidents.
        let occurred = Set(newIncidentsOccurred)
        return newIncidentsReported.filter { occurred.contains($0) }
    }
    /// True when the signatories add up every pledge known (none without a number).
    public var signatoriesComplete: Bool { uncountedPledges == 0 }

    public init(_ a: Analysis, month: Month) {
        let d = a.dataset
        self.month = month
        let asOf = a.standsOn ?? month.lastDay
        self.asOf = asOf
        var now: [EventKind: Int] = [:], before: [EventKind: Int] = [:]
        var list: [EventIndex] = [], late: [EventIndex] = [], reported: [EventIndex] = []
        var signatories: Int?, uncounted = 0
        let table = d.events
        // The analysis holds only what took part by the as-of day: nothing later is counted.
        for k in table.indices {
            let kind = table.kinds[k]
            let m = table.dates[k].anchor.month
            if m == month { now[kind, default: 0] += 1; list.append(k) } else if m < month && d.knownDay(k).month == month { late.append(k) }
            if m == month.previous { before[kind, default: 0] += 1 }
            if kind == .pledge { if let c = table.counts[k] { signatories = (signatories ?? 0) + c } else { uncounted += 1 } }
            if kind == .incident && d.reportedDay(k).month == month { reported.append(k) }
        }
        let byDate = { (x: EventIndex, y: EventIndex) in (table.dates[x].anchor, table.id(x)) < (table.dates[y].anchor, table.id(y)) }
        list.sort(by: byDate)
        late.sort(by: byDate)
        reported.sort(by: byDate)
        firstKnown = late
        thisMonth = now
        previousMonth = before
        events = list
        newIncidentsReported = reported
        newIncidentsOccurred = list.filter { table.kinds[$0] == .incident }
        knownLater = Self.knownLater(a, month: month, asOf: asOf)
        signatoriesSoFar = signatories
        uncountedPledges = uncounted
        trend = Trends.total(a.monthlyTable, month: month)
        let listed = Set(list)
        var leads: [EventIndex: LeadTime] = [:]
        for t in a.leadTimes where t.measure == .prevention && listed.contains(t.event) { leads[t.event] = t }
        preventionLeads = leads
        firstResponse = a.medianOrValues(.response)
        firstReport = a.medianOrValues(.report)
        nextElection = d.elections.indices.first { d.elections[$0].date > asOf }.map { ($0, asOf.days(to: d.elections[$0].date)) }
        var byStatus: [CaseStatus: Int] = [:]
        for k in reported { if let st = a.statusAsOf[k] { byStatus[st, default: 0] += 1 } }
        newIncidentsByStatus = byStatus
        latestRuling = list.last { table.kinds[$0].rules && !table.isRegistration($0) }
        preventionOnly = list.allSatisfy { !table.kinds[$0].countsAsActivity || table.kinds[$0].family == .prevention }
        outlets = table.outletCount(list)
    }

    /// `events` counted by kind, the most first (then by kind's order): what a page that left
    /// them out says of them.
    public static func byKind(_ events: [EventIndex], _ table: EventTable) -> [(kind: EventKind, count: Int)] {
        var byKind: [EventKind: Int] = [:]
        for k in events { byKind[table.kinds[k], default: 0] += 1 }
        return byKind.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// The events of `month` (and of the analysis' filter) that had happened by `asOf` but
    /// were not known by then, from every event of the dataset.
    static func knownLater(_ a: Analysis, month: Month, asOf: Day) -> [EventIndex] {
        let full = a.full
        guard a.dataset.events.count != full.events.count || a.asOf != nil else { return [] }
        let kept = full.cut(asOf: nil, selection: a.selection)
        let t = kept.dataset.events
        let late = t.indices.filter { k in
            let anchor = t.dates[k].anchor
            return anchor.month == month && anchor <= asOf && !kept.dataset.takesPart(k, asOf: asOf)
        }
        // Rows of the cut are rows of `full` in the same order: report them as `full`'s rows.
        return late.sorted { (t.dates[$0].anchor, t.id($0)) < (t.dates[$1].anchor, t.id($1)) }.map { kept.rows[$0.raw] }
    }

    /// How long before its election prevention event `k` of the month came, if it is one.
    public func leadPhrase(_ a: Analysis, _ k: EventIndex) -> Phrase? {
        guard let t = preventionLeads[k], case .election(let e) = t.target else { return nil }
        return Strings.leadBefore(a.leadTimeRange(t), election: a.dataset.elections[e].name)
    }

    /// `figures.csv`'s rows, `figure,value`: every number of the sheet, for a script to check.
    /// A figure with nothing to take it from is empty.
    public func rows(_ d: Dataset) -> [(figure: String, value: String, numeric: Bool)] {
        // A median only from three values (`_n` says how many); `_lower_bound` when it is one.
        func typical(_ m: MedianOrValues) -> String { m.median?.description ?? "" }
        return [
            ("as_of", asOf.iso, false),
            ("events", String(total), true),
            ("events_previous_month", String(previousTotal), true),
            ("case_tallies", String(tallies), true),
            ("new_incidents_reported", String(newIncidentsReported.count), true),
            ("new_incidents_occurred", String(newIncidentsOccurred.count), true),
            ("new_incidents_reported_and_occurred", String(reportedAndOccurred.count), true),
            ("median_days_to_first_response", typical(firstResponse), true),
            ("median_days_to_first_response_n", String(firstResponse.n), true),
            ("median_days_to_first_response_lower_bound", firstResponse.atLeast ? "true" : "false", false),
            ("median_days_to_first_report", typical(firstReport), true),
            ("median_days_to_first_report_n", String(firstReport.n), true),
            ("median_days_to_first_report_lower_bound", firstReport.atLeast ? "true" : "false", false),
            ("days_to_next_election", nextElection.map { String($0.days) } ?? "", true),
            ("next_election", nextElection.map { d.elections[$0.index].id } ?? "", false),
            ("pledge_signatories", signatoriesSoFar.map(String.init) ?? "", true),
            ("pledge_signatories_complete", signatoriesComplete ? "true" : "false", false),
            ("trend", trend.label.rawValue, false),
            ("trend_baseline", trend.baselineTenths.map(Trends.tenths) ?? "", true),
            ("trend_change_pct", trend.changeTenths.map(Trends.tenths) ?? "", true)
        ]
    }
}

extension Dataset {
    /// The month of the latest event anchor: the default briefing month.
    public var latestMonth: Month? {
        events.dates.lazy.map(\.anchor).max()?.month
    }
}
