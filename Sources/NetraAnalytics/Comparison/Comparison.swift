import NetraCore

/// A metric's value on one side of a comparison.
public enum MetricValue: Sendable, Hashable, CustomStringConvertible {
    /// A number of events: 0 when there are none.
    case count(Int)
    /// A number the events' `count` cells give (signatories, a tally): nil when none gives one,
    /// which is unknown, not zero.
    case figure(Int?)
    case median(Median?)
    case date(Day?)

    /// The CSV cell: an integer, a median (`12` or `12.5`), an ISO date, or empty.
    public var description: String {
        switch self {
        case .count(let n): return String(n)
        case .figure(let n): return n.map(String.init) ?? ""
        case .median(let m): return m?.description ?? ""
        case .date(let d): return d?.iso ?? ""
        }
    }

    /// True for a figure a spreadsheet should read as a number.
    public var isNumeric: Bool {
        if case .date = self { return false }
        return true
    }
}

/// The metrics of a comparison, under stable ids analysts' scripts depend on.
public enum ComparisonMetric: String, CaseIterable, Sendable {
    case preventionEvents = "prevention_events"
    case firstPreventionDate = "first_prevention_date"
    case medianPreventionLeadDays = "median_prevention_lead_days"
    case pledgeSignatories = "pledge_signatories"
    case incidentsTotal = "incidents_total"
    case incidentsAlleged = "incidents_alleged"
    case incidentsConfirmed = "incidents_confirmed"
    case incidentsDismissed = "incidents_dismissed"
    case incidentsSanctioned = "incidents_sanctioned"
    case medianFirstResponseDays = "median_first_response_days"
    case medianFirstReportDays = "median_first_report_days"
    case medianFirstDecisionDays = "median_first_decision_days"
    case medianFirstSanctionDays = "median_first_sanction_days"
    case casesLatest = "cases_latest"
    case casesLatestDate = "cases_latest_date"
}

/// Two jurisdictions side by side, each counting itself and everything under it.
public struct Comparison: Sendable {
    public let a: JurisdictionIndex
    public let b: JurisdictionIndex
    /// The values for `a` and `b`, keyed by metric.
    public let values: [ComparisonMetric: (a: MetricValue, b: MetricValue)]
    /// What the chart shows besides the metrics, for `a` and `b`.
    public let breakdown: (a: Breakdown, b: Breakdown)

    /// Figures under the metrics: prevention by kind, incidents without a status and pledges
    /// without a number of signatories (which make the signatories a lower bound).
    public struct Breakdown: Sendable, Hashable {
        /// Prevention events per kind; they sum to `prevention_events`.
        public var preventionByKind: [EventKind: Int] = [:]
        /// Incidents with no status; with those by status they sum to `incidents_total`.
        public var incidentsWithoutStatus = 0
        /// Pledges that give no count.
        public var uncountedPledges = 0
    }

    public init(analysis: Analysis, a: JurisdictionIndex, b: JurisdictionIndex) {
        self.a = a
        self.b = b
        let (sa, sb) = Side.pair(analysis, a, b)
        var v: [ComparisonMetric: (a: MetricValue, b: MetricValue)] = [:]
        for m in ComparisonMetric.allCases { v[m] = (sa.value(m), sb.value(m)) }
        values = v
        breakdown = (sa.breakdown, sb.breakdown)
    }

    /// A count metric's two values (0 for a metric that is not a count).
    public func counts(_ m: ComparisonMetric) -> (a: Int, b: Int) {
        func n(_ v: MetricValue?) -> Int { if case .count(let c)? = v { return c } else { return 0 } }
        return (n(values[m]?.a), n(values[m]?.b))
    }

    /// A figure metric's two values, nil where unknown (and for a metric that is not a figure).
    public func figures(_ m: ComparisonMetric) -> (a: Int?, b: Int?) {
        func n(_ v: MetricValue?) -> Int? { if case .figure(let c)? = v { return c } else { return nil } }
        return (n(values[m]?.a), n(values[m]?.b))
    }

    /// A date metric's two values.
    public func dates(_ m: ComparisonMetric) -> (a: Day?, b: Day?) {
        func d(_ v: MetricValue?) -> Day? { if case .date(let day)? = v { return day } else { return nil } }
        return (d(values[m]?.a), d(values[m]?.b))
    }

    /// Rows in the order of `ComparisonMetric.allCases`.
    public var rows: [(metric: ComparisonMetric, a: MetricValue, b: MetricValue)] {
        ComparisonMetric.allCases.map { m in
            let pair = values[m] ?? (.count(0), .count(0))
            return (m, pair.a, pair.b)
        }
    }

    /// The figures for one side.
    struct Side {
        var preventionEvents = 0
        var firstPrevention: Day?
        var preventionLeads: [Int] = []
        /// nil until a pledge gives a count.
        var signatories: Int?
        var incidents = 0
        var byStatus: [CaseStatus: Int] = [:]
        var firstHandling: [LeadTimeMeasure: [Int]] = [:]
        var latestTally: (day: Day, count: Int)?
        var breakdown = Breakdown()

        /// Both sides in one walk over the events and one over the lead times.
        static func pair(_ an: Analysis, _ ja: JurisdictionIndex, _ jb: JurisdictionIndex) -> (Side, Side) {
            let d = an.dataset
            var sides = (Side(), Side())
            let insideA = Column<JurisdictionIndex, Bool>(d.jurisdictions.indices.map { d.isWithin($0, ja) })
            let insideB = Column<JurisdictionIndex, Bool>(d.jurisdictions.indices.map { d.isWithin($0, jb) })
            for k in d.events.indices {
                let j = d.events.jurisdictions[k]
                if insideA[j] { sides.0.add(d.events, k, ja, status: an.statusAsOf[k]) }
                if insideB[j] { sides.1.add(d.events, k, jb, status: an.statusAsOf[k]) }
            }
            for t in an.leadTimes {
                if insideA[t.jurisdiction] { sides.0.add(t) }
                if insideB[t.jurisdiction] { sides.1.add(t) }
            }
            return sides
        }

        mutating func add(_ events: EventTable, _ k: EventIndex, _ j: JurisdictionIndex, status: CaseStatus?) {
            let kind = events.kinds[k], anchor = events.dates[k].anchor, count = events.counts[k]
            if kind.isPrevention {
                preventionEvents += 1
                breakdown.preventionByKind[kind, default: 0] += 1
                if firstPrevention.map({ anchor < $0 }) ?? true { firstPrevention = anchor }
            }
            if kind == .pledge {
                // Counts are capped at a billion by the loader: the sum cannot overflow.
                if let c = count { signatories = (signatories ?? 0) + c } else { breakdown.uncountedPledges += 1 }
            }
            if kind == .incident {
                incidents += 1
                // The status as of the analysis' day (set by the decisions known by then).
                if let s = status { byStatus[s, default: 0] += 1 } else { breakdown.incidentsWithoutStatus += 1 }
            }
            // A tally is a snapshot: only the jurisdiction's own latest one counts.
            if kind == .caseTally, events.jurisdictions[k] == j, let c = count {
                let a = anchor
                if latestTally.map({ (a, c) > ($0.day, $0.count) }) ?? true { latestTally = (a, c) }
            }
        }

        mutating func add(_ t: LeadTime) {
            if t.measure == .prevention { preventionLeads.append(t.days) }
            else if t.measure.reachedKind != nil { firstHandling[t.measure, default: []].append(t.days) }
        }

        func value(_ m: ComparisonMetric) -> MetricValue {
            switch m {
            case .preventionEvents: return .count(preventionEvents)
            case .firstPreventionDate: return .date(firstPrevention)
            case .medianPreventionLeadDays: return .median(Median(preventionLeads))
            case .pledgeSignatories: return .figure(signatories)
            case .incidentsTotal: return .count(incidents)
            case .incidentsAlleged: return .count(byStatus[.alleged] ?? 0)
            case .incidentsConfirmed: return .count(byStatus[.confirmed] ?? 0)
            case .incidentsDismissed: return .count(byStatus[.dismissed] ?? 0)
            case .incidentsSanctioned: return .count(byStatus[.sanctioned] ?? 0)
            case .medianFirstResponseDays: return .median(Median(firstHandling[.response] ?? []))
            case .medianFirstReportDays: return .median(Median(firstHandling[.report] ?? []))
            case .medianFirstDecisionDays: return .median(Median(firstHandling[.decision] ?? []))
            case .medianFirstSanctionDays: return .median(Median(firstHandling[.sanction] ?? []))
            case .casesLatest: return .figure(latestTally?.count)
            case .casesLatestDate: return .date(latestTally?.day)
            }
        }
    }
}

extension Dataset {
    /// The default pair to compare: Kota and Kabupaten Bekasi when present, else the two
    /// jurisdictions with the most events (ties by id). `nil` with fewer than two.
    public func defaultComparisonPair() -> (a: JurisdictionIndex, b: JurisdictionIndex, isBekasi: Bool)? {
        if let a = jurisdictionIndex["kota-bekasi"], let b = jurisdictionIndex["kabupaten-bekasi"] {
            return (a, b, true)
        }
        guard jurisdictions.count >= 2 else { return nil }
        var n = Column<JurisdictionIndex, Int>(repeating: 0, count: jurisdictions.count)
        for j in events.jurisdictions { n[j] += 1 }
        let top = jurisdictions.indices.sorted { (-n[$0], jurisdictions[$0].id) < (-n[$1], jurisdictions[$1].id) }
        return (top[0], top[1], false)
    }
}
