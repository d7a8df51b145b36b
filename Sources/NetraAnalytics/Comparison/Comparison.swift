import NetraCore

/// A metric's value on one side of a comparison.
public enum MetricValue: Sendable, Hashable, CustomStringConvertible {
    /// A number of events: 0 when there are none.
    case count(Int)
    /// A number the events' `count` cells give (signatories, a tally): nil when none gives one,
    /// which is unknown, not zero.
    case figure(Int?)
    /// A median from three values on, else the values (the CSV leaves it empty then).
    case median(MedianOrValues)
    case date(Day?)
    case flag(Bool)

    /// The CSV cell: an integer, a median (`12` or `12.5`), an ISO date, `true`/`false`, or empty.
    public var description: String {
        switch self {
        case .count(let n): return String(n)
        case .figure(let n): return n.map(String.init) ?? ""
        case .median(let m): return m.median?.description ?? ""
        case .date(let d): return d?.iso ?? ""
        case .flag(let b): return b ? "true" : "false"
        }
    }

    /// True for a figure a spreadsheet should read as a number.
    public var isNumeric: Bool {
        switch self {
        case .date, .flag: return false
        case .count, .figure, .median: return true
        }
    }
}

/// The metrics of a comparison, under stable ids analysts' scripts depend on.
public enum ComparisonMetric: String, CaseIterable, Sendable {
    case preventionEvents = "prevention_events"
    case firstPreventionDate = "first_prevention_date"
    case medianPreventionLeadDays = "median_prevention_lead_days"
    case pledgeSignatories = "pledge_signatories"
    /// False while any pledge in the sum gives no number: the sum is then a lower bound.
    case pledgeSignatoriesComplete = "pledge_signatories_complete"
    case incidentsTotal = "incidents_total"
    case incidentsAlleged = "incidents_alleged"
    case incidentsConfirmed = "incidents_confirmed"
    case incidentsDismissed = "incidents_dismissed"
    case incidentsSanctioned = "incidents_sanctioned"
    /// Incidents with no known status: with those by status they add up to the total.
    case incidentsUnknown = "incidents_unknown"
    case medianFirstResponseDays = "median_first_response_days"
    case medianFirstReportDays = "median_first_report_days"
    case medianFirstDecisionDays = "median_first_decision_days"
    case medianFirstSanctionDays = "median_first_sanction_days"

    /// True for the medians, each followed in the CSV by `<metric>_n` and `<metric>_lower_bound`.
    public var isMedian: Bool {
        switch self {
        case .medianPreventionLeadDays, .medianFirstResponseDays, .medianFirstReportDays, .medianFirstDecisionDays, .medianFirstSanctionDays: return true
        default: return false
        }
    }
}

/// One row of a comparison as the CSV, the terminal and the page show it.
public struct ComparisonTableRow: Sendable {
    /// The CSV's `metric` cell: a metric's id, `<metric>_n`, or `tally:<unit>:<status>` (and
    /// `…:date`) for the latest figure of a tally series.
    public var key: String
    /// What the row is, in words.
    public var label: Phrase
    public var a: MetricValue
    public var b: MetricValue
}

/// The latest figure of one tally series (unit, status) on each side: tallies are snapshots,
/// compared only with the same unit and status, never summed into one number.
public struct ComparisonTally: Sendable, Hashable {
    public var unit: String
    public var status: CaseStatus?
    /// Each side's latest tally of the series: its count (nil when the row gives none) and day.
    public var a: (count: Int?, day: Day)?
    public var b: (count: Int?, day: Day)?

    public static func == (x: ComparisonTally, y: ComparisonTally) -> Bool {
        x.unit == y.unit && x.status == y.status && x.a?.count == y.a?.count && x.a?.day == y.a?.day
            && x.b?.count == y.b?.count && x.b?.day == y.b?.day
    }
    public func hash(into h: inout Hasher) { h.combine(unit); h.combine(status) }

    /// `tally:<unit>:<status>`: the CSV's key of the series.
    public var key: String { "tally:\(unit):\(status?.rawValue ?? "")" }
}

/// Two jurisdictions side by side, each counting itself and everything under it.
public struct Comparison: Sendable {
    public let a: JurisdictionIndex
    public let b: JurisdictionIndex
    /// The values for `a` and `b`, keyed by metric.
    public let values: [ComparisonMetric: (a: MetricValue, b: MetricValue)]
    /// What the chart shows besides the metrics, for `a` and `b`.
    public let breakdown: (a: Breakdown, b: Breakdown)
    /// The latest figure of each tally series of either side (each jurisdiction's own
    /// tallies), by unit then status.
    public let tallies: [ComparisonTally]

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
        tallies = Self.tallies(TallySeries(analysis.dataset), a, b)
    }

    /// Each series of `a`'s or `b`'s own tallies, paired by unit and status.
    static func tallies(_ t: TallySeries, _ a: JurisdictionIndex, _ b: JurisdictionIndex) -> [ComparisonTally] {
        var out: [ComparisonTally] = []
        var at: [String: Int] = [:]
        for s in t.series where s.key.jurisdiction == a || s.key.jurisdiction == b {
            guard let latest = s.latest else { continue }
            let key = "\(s.key.unit)\u{0}\(s.key.status?.rawValue ?? "")"
            let i = at[key] ?? out.count
            if i == out.count { at[key] = i; out.append(ComparisonTally(unit: s.key.unit, status: s.key.status, a: nil, b: nil)) }
            let figure = (count: latest.count, day: latest.day)
            if s.key.jurisdiction == a { out[i].a = figure }
            if s.key.jurisdiction == b { out[i].b = figure }
        }
        return out.sorted { x, y in
            x.unit != y.unit ? Array(x.unit.utf8).lexicographicallyPrecedes(Array(y.unit.utf8))
                             : (x.status?.order ?? -1) < (y.status?.order ?? -1)
        }
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

    /// A median metric's two values.
    public func medians(_ m: ComparisonMetric) -> (a: MedianOrValues, b: MedianOrValues) {
        func v(_ x: MetricValue?) -> MedianOrValues { if case .median(let m)? = x { return m } else { return MedianOrValues([]) } }
        return (v(values[m]?.a), v(values[m]?.b))
    }

    /// Rows in the order of `ComparisonMetric.allCases`, each median followed by its `_n` and
    /// `_lower_bound`, then the latest figure and day of each tally series.
    public var rows: [ComparisonTableRow] {
        var out: [ComparisonTableRow] = []
        for m in ComparisonMetric.allCases {
            let pair = values[m] ?? (.count(0), .count(0))
            out.append(ComparisonTableRow(key: m.rawValue, label: Strings.metric(m), a: pair.a, b: pair.b))
            if m.isMedian {
                let (x, y) = medians(m)
                out.append(ComparisonTableRow(key: m.rawValue + "_n", label: Strings.metricN, a: .count(x.n), b: .count(y.n)))
                out.append(ComparisonTableRow(key: m.rawValue + "_lower_bound", label: Strings.metricLowerBound, a: .flag(x.atLeast), b: .flag(y.atLeast)))
            }
        }
        for t in tallies {
            let label = Strings.tallyRow(unit: t.unit, status: t.status)
            out.append(ComparisonTableRow(key: t.key, label: label, a: .figure(t.a?.count), b: .figure(t.b?.count)))
            out.append(ComparisonTableRow(key: t.key + ":date", label: Strings.tallyRowDate, a: .date(t.a?.day), b: .date(t.b?.day)))
        }
        return out
    }

    /// The figures for one side.
    struct Side {
        var preventionEvents = 0
        var firstPrevention: Day?
        var preventionLeads: [LeadValue] = []
        /// nil until a pledge gives a count.
        var signatories: Int?
        var incidents = 0
        var byStatus: [CaseStatus: Int] = [:]
        var firstHandling: [LeadTimeMeasure: [LeadValue]] = [:]
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
                // A lead that measures nothing (zero by construction) is not a value.
                guard let v = an.leadValue(t) else { continue }
                if insideA[t.jurisdiction] { sides.0.add(t, v) }
                if insideB[t.jurisdiction] { sides.1.add(t, v) }
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
        }

        mutating func add(_ t: LeadTime, _ v: LeadValue) {
            if t.measure == .prevention { preventionLeads.append(v) }
            else if t.measure.reachedKind != nil { firstHandling[t.measure, default: []].append(v) }
        }

        func value(_ m: ComparisonMetric) -> MetricValue {
            switch m {
            case .preventionEvents: return .count(preventionEvents)
            case .firstPreventionDate: return .date(firstPrevention)
            case .medianPreventionLeadDays: return .median(MedianOrValues(preventionLeads))
            case .pledgeSignatories: return .figure(signatories)
            case .pledgeSignatoriesComplete: return .flag(breakdown.uncountedPledges == 0)
            case .incidentsTotal: return .count(incidents)
            case .incidentsAlleged: return .count(byStatus[.alleged] ?? 0)
            case .incidentsConfirmed: return .count(byStatus[.confirmed] ?? 0)
            case .incidentsDismissed: return .count(byStatus[.dismissed] ?? 0)
            case .incidentsSanctioned: return .count(byStatus[.sanctioned] ?? 0)
            case .incidentsUnknown: return .count(breakdown.incidentsWithoutStatus)
            case .medianFirstResponseDays: return .median(MedianOrValues(firstHandling[.response] ?? []))
            case .medianFirstReportDays: return .median(MedianOrValues(firstHandling[.report] ?? []))
            case .medianFirstDecisionDays: return .median(MedianOrValues(firstHandling[.decision] ?? []))
            case .medianFirstSanctionDays: return .median(MedianOrValues(firstHandling[.sanction] ?? []))
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
