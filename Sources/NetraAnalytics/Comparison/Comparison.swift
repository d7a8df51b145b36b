import NetraCore
import NetraText

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
    /// Outlets of the events the chart draws (prevention events and incidents of either side,
    /// with those under it), for its footer.
    public let outlets: Int

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

    /// `tallies` are the dataset's tally series when the caller has them already (made here
    /// when not given).
    public init(analysis: Analysis, a: JurisdictionIndex, b: JurisdictionIndex, tallies given: TallySeries? = nil) {
        self.a = a
        self.b = b
        let (sa, sb) = Side.pair(analysis, a, b)
        var v: [ComparisonMetric: (a: MetricValue, b: MetricValue)] = [:]
        for m in ComparisonMetric.allCases { v[m] = (sa.value(m), sb.value(m)) }
        values = v
        breakdown = (sa.breakdown, sb.breakdown)
        tallies = Self.tallies(given ?? analysis.tallies, a, b)
        outlets = analysis.outlets.count(within: [a, b]) { $0.isPrevention || $0 == .incident }
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
            x.unit != y.unit
                ? Array(x.unit.utf8).lexicographicallyPrecedes(Array(y.unit.utf8))
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
    struct Side: Sendable {
        var preventionEvents = 0
        var firstPrevention: Day?
        var preventionLeads: [LeadValue] = []
        /// nil until a pledge gives a count.
        var signatories: Int?
        var incidents = 0
        var byStatus: [CaseStatus: Int] = [:]
        var firstHandling: [LeadTimeMeasure: [LeadValue]] = [:]
        var breakdown = Breakdown()

        /// Both sides in one walk over the events and one over the lead times, on two cores.
        static func pair(_ an: Analysis, _ ja: JurisdictionIndex, _ jb: JurisdictionIndex) -> (Side, Side) {
            let d = an.dataset
            let insideA = Column<JurisdictionIndex, Bool>(d.jurisdictions.indices.map { d.isWithin($0, ja) })
            let insideB = Column<JurisdictionIndex, Bool>(d.jurisdictions.indices.map { d.isWithin($0, jb) })
            // The events' figures beside the lead times' (at 1M events, 1.6 M lead times): each
            // pass fills only its own fields of the two sides, so joining them is taking each's.
            let (counted, leads) = Parallel.both(
                { () -> (Side, Side) in
                    var sides = (Side(), Side())
                    for k in d.events.indices {
                        let j = d.events.jurisdictions[k]
                        if insideA[j] { sides.0.add(d.events, k, ja, status: an.statusAsOf[k]) }
                        if insideB[j] { sides.1.add(d.events, k, jb, status: an.statusAsOf[k]) }
                    }
                    return sides
                },
                { () -> (Side, Side) in
                    var sides = (Side(), Side())
                    for t in an.leadTimes {
                        // A lead that measures nothing (zero by construction) is not a value.
                        guard let v = an.leadValue(t) else { continue }
                        if insideA[t.jurisdiction] { sides.0.add(t, v) }
                        if insideB[t.jurisdiction] { sides.1.add(t, v) }
                    }
                    return sides
                })
            var sides = counted
            sides.0.takeLeads(from: leads.0)
            sides.1.takeLeads(from: leads.1)
            return sides
        }

        /// The lead times' fields of `other`, which gathered only those.
        mutating func takeLeads(from other: Side) {
            preventionLeads = other.preventionLeads
            firstHandling = other.firstHandling
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
            if t.measure == .prevention { preventionLeads.append(v) } else if t.measure.reachedKind != nil { firstHandling[t.measure, default: []].append(v) }
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
    /// The default pair to compare (`comparisonChoice()`), nil when there is none.
    public func defaultComparisonPair() -> (a: JurisdictionIndex, b: JurisdictionIndex, isBekasi: Bool)? {
        guard case let .pair(a, b, why) = comparisonChoice() else { return nil }
        return (a, b, why == .twins)
    }

    /// Which two jurisdictions the comparison sets side by side: the pair given (`--pair`,
    /// else the settings' `pair`), else Kota X with Kabupaten X (their names matched through
    /// `Regions`; the office's region's, else the table's first), else the two with the most events at the
    /// dataset's lowest level, else none, with why. Never a jurisdiction and one under it.
    public func comparisonChoice(given: (a: JurisdictionIndex, b: JurisdictionIndex)? = nil) -> ComparisonChoice {
        if let given { return .pair(given.a, given.b, .given) }
        if let p = settings.pair, let a = jurisdictionIndex[p.a], let b = jurisdictionIndex[p.b] { return .pair(a, b, .given) }
        let n = eventsWithin()
        // Kota and Kabupaten of one name.
        func region(_ j: Jurisdiction) -> Region? {
            let r = j.kode.flatMap { Regions.region(kode: $0) } ?? Regions.lookup(j.name)
            return r?.level == j.level ? r : nil
        }
        var byKode: [String: JurisdictionIndex] = [:]
        for k in jurisdictions.indices where jurisdictions[k].level == .kota || jurisdictions[k].level == .kabupaten {
            if let r = region(jurisdictions[k]), byKode[r.kode] == nil { byKode[r.kode] = k }
        }
        var twins: [(kota: JurisdictionIndex, kabupaten: JurisdictionIndex)] = []
        for k in jurisdictions.indices where jurisdictions[k].level == .kota {
            guard let r = region(jurisdictions[k]), byKode[r.kode] == k, let t = Regions.twin(of: r), let other = byKode[t.kode] else { continue }
            twins.append((k, other))
        }
        let own = settings.region.flatMap { Regions.region(kode: $0) }
        if let own, let t = twins.first(where: { [$0.kota, $0.kabupaten].contains { byKode[own.kode] == $0 } }) {
            return .pair(t.kota, t.kabupaten, .twins)
        }
        // Else the table's first Kota that has its Kabupaten: the order the dataset's author chose.
        if let t = twins.first { return .pair(t.kota, t.kabupaten, .twins) }
        // The two busiest of the lowest level, neither under the other.
        func tier(_ l: JurisdictionLevel) -> Int {
            switch l {
            case .nasional: return 0;
            case .provinsi: return 1;
            case .kota, .kabupaten: return 2
            }
        }
        guard let lowest = jurisdictions.map({ tier($0.level) }).max() else { return .none(.fewerThanTwo(lowest: .kota)) }
        let level: JurisdictionLevel = lowest == 2 ? .kota : lowest == 1 ? .provinsi : .nasional
        let candidates = jurisdictions.indices.filter { tier(jurisdictions[$0].level) == lowest && n[$0] > 0 }
            .sorted { (-n[$0], jurisdictions[$0].id) < (-n[$1], jurisdictions[$1].id) }
        // The busiest few only: a deep chain of nested places must not cost a pass per pair.
        let top = Array(candidates.prefix(50))
        for (x, a) in top.enumerated() {
            for b in top[(x + 1)...] where !holds(a, b) && !holds(b, a) { return .pair(a, b, .busiest) }
        }
        return .none(.fewerThanTwo(lowest: level))
    }

    /// True when `inner` lies somewhere under `outer`.
    func holds(_ outer: JurisdictionIndex, _ inner: JurisdictionIndex) -> Bool {
        inner != outer && isWithin(inner, outer)
    }
}

/// The comparison's two sides and why they were chosen, or why there is none.
public enum ComparisonChoice: Sendable, Equatable {
    public enum Why: Sendable, Equatable {
        /// Named: `--pair`, or the dataset's settings.
        case given
        /// Kota X with Kabupaten X.
        case twins
        /// No twins: the two with the most events at the lowest level.
        case busiest
    }
    public enum Missing: Sendable, Equatable {
        /// Fewer than two jurisdictions with events at the lowest level (kota/kabupaten, or
        /// provinsi, or nasional), and no Kota and Kabupaten of one name.
        case fewerThanTwo(lowest: JurisdictionLevel)
    }
    case pair(JurisdictionIndex, JurisdictionIndex, Why)
    case none(Missing)

    public var pair: (a: JurisdictionIndex, b: JurisdictionIndex)? {
        if case let .pair(a, b, _) = self { return (a, b) }
        return nil
    }

    /// What the terminal says of the choice: nothing for a pair named or of one name; the
    /// pair taken instead, or why there is no comparison.
    public func note(_ d: Dataset) -> Phrase? {
        switch self {
        case .pair(_, _, .given), .pair(_, _, .twins): return nil
        case let .pair(a, b, .busiest): return Strings.comparisonBusiest(d.jurisdictions[a].name, d.jurisdictions[b].name)
        case .none(let m): return Strings.noComparison(m)
        }
    }
}
