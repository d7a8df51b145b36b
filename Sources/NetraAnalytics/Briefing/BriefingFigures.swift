import NetraCore

/// The key figures of one month's briefing, as of the last day of that month.
public struct BriefingFigures: Sendable {
    public let month: Month
    /// Events this month and the month before, by kind (kinds with none left out).
    public let thisMonth: [EventKind: Int]
    public let previousMonth: [EventKind: Int]
    /// Events of the month, by anchor date then id.
    public let events: [EventIndex]
    /// Incidents whose anchor falls in the month.
    public let newIncidents: [EventIndex]
    /// Median days from an incident to its first response / report, over what was known by
    /// the month's end; nil when there is none yet.
    public let medianFirstResponse: Median?
    public let medianFirstReport: Median?
    /// The next election after the month's last day, and the days to it from that day.
    public let nextElection: (index: ElectionIndex, days: Int)?
    /// Pledge signatories counted up to the month's end.
    public let signatoriesSoFar: Int

    public var total: Int { thisMonth.values.reduce(0, +) }
    public var previousTotal: Int { previousMonth.values.reduce(0, +) }

    public init(_ a: Analysis, month: Month) {
        let d = a.dataset
        self.month = month
        let end = month.lastDay
        var now: [EventKind: Int] = [:], before: [EventKind: Int] = [:]
        var list: [EventIndex] = []
        var signatories = 0
        let table = d.events
        for k in table.indices {
            let anchor = table.dates[k].anchor, kind = table.kinds[k]
            let m = anchor.month
            if m == month { now[kind, default: 0] += 1; list.append(k) }
            if m == month.previous { before[kind, default: 0] += 1 }
            if kind == .pledge, anchor <= end { signatories += table.counts[k] ?? 0 }
        }
        list.sort { (table.dates[$0].anchor, table.id($0)) < (table.dates[$1].anchor, table.id($1)) }
        thisMonth = now
        previousMonth = before
        events = list
        newIncidents = list.filter { table.kinds[$0] == .incident }
        signatoriesSoFar = signatories
        func median(_ m: LeadTimeMeasure) -> Median? {
            Median(a.leadTimes.filter { t in
                guard t.measure == m, case .event(let r) = t.target else { return false }
                return table.dates[r].anchor <= end && table.dates[t.event].anchor <= end
            }.map(\.days))
        }
        medianFirstResponse = median(.response)
        medianFirstReport = median(.report)
        nextElection = d.elections.indices.first { d.elections[$0].date > end }.map { ($0, end.days(to: d.elections[$0].date)) }
    }
}

extension Dataset {
    /// The month of the latest event anchor: the default briefing month.
    public var latestMonth: Month? {
        events.dates.lazy.map(\.anchor).max()?.month
    }
}
