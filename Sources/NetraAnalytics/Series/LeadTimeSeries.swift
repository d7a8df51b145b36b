import NetraCore

/// How many lead times of a row fall on one day.
public struct LeadTimeBin: Sendable, Hashable {
    /// Lead time in days (negative when the second date comes first).
    public var day: Int
    /// Values on this day whose dates were all exact.
    public var exact: Int
    /// Values on this day resting on an imprecise date.
    public var inexact: Int

    /// A bin from its parts.
    public init(day: Int, exact: Int, inexact: Int) {
        self.day = day; self.exact = exact; self.inexact = inexact
    }

    /// Every value on this day.
    public var count: Int { exact + inexact }
}

/// The values a lead time resting on an inexact date can take: from its least to its
/// greatest, each `nil` when unbounded (an `on-or-before` date can be any day before).
public struct LeadTimeRange: Sendable, Hashable, Comparable {
    /// The figure from the anchors, as the CSVs write it.
    public var day: Int
    /// The least value the dates allow, `nil` for no bound.
    public var low: Int?
    /// The greatest value the dates allow, `nil` for no bound.
    public var high: Int?

    public init(day: Int, low: Int?, high: Int?) {
        self.day = day; self.low = low; self.high = high
    }

    public static func < (a: LeadTimeRange, b: LeadTimeRange) -> Bool {
        (a.low ?? .min, a.high ?? .max, a.day) < (b.low ?? .min, b.high ?? .max, b.day)
    }
}

/// The lead times of one row — a measure in a jurisdiction — counted per day, so that a row
/// costs the same to lay out and draw for ten values or a million.
public struct LeadTimeSeries: Sendable, Hashable {
    /// The measure's key (`prevention_lead`, `response_time`, `reporting_lag`) or a label.
    public var measure: String
    /// A jurisdiction id (shown by its name when the dataset knows it) or a name.
    public var jurisdiction: String
    /// The measure the values are of, when known (`nil` for a measure given only by a
    /// label): what the chart's panels, each with its own axis, are chosen by.
    public var kind: LeadTimeMeasure?
    /// Days in increasing order, each once, none empty.
    public private(set) var bins: [LeadTimeBin]
    /// Number of values.
    public private(set) var count: Int
    /// What the row says as a reader is told it (its median from three values, `≥` over a
    /// lower bound), when its maker knew the events; nil for series built from bins alone.
    public var typical: MedianOrValues?
    /// The range of each inexact value, sorted, when the series has at most `rangeLimit`
    /// values and its maker knew them; empty otherwise (a chart then draws bins only).
    public private(set) var ranges: [LeadTimeRange]

    /// Up to this many values, a series carries its inexact values' ranges: few enough to
    /// draw one by one (the lead-time chart's swarm rows).
    public static let rangeLimit = 200

    /// A series from bins in any order; bins of one day are merged and empty ones dropped.
    /// `ranges`, when given, are the inexact values' ranges (one per inexact value).
    public init(
        measure: String, jurisdiction: String, bins: [LeadTimeBin], ranges: [LeadTimeRange] = [],
        kind: LeadTimeMeasure? = nil
    ) {
        self.measure = measure
        self.jurisdiction = jurisdiction
        self.kind = kind ?? Self.kind(ofKey: measure)
        var merged: [LeadTimeBin] = []
        for b in bins.sorted(by: { $0.day < $1.day }) where b.exact > 0 || b.inexact > 0 {
            if let last = merged.last, last.day == b.day {
                merged[merged.count - 1].exact += b.exact
                merged[merged.count - 1].inexact += b.inexact
            } else {
                merged.append(LeadTimeBin(day: b.day, exact: max(0, b.exact), inexact: max(0, b.inexact)))
            }
        }
        self.bins = merged
        count = merged.reduce(0) { $0 + $1.count }
        self.ranges = count <= Self.rangeLimit ? ranges.sorted() : []
    }

    /// The measure a key names (`prevention`, `prevention_lead`, `response_time`,
    /// `reporting_lag`, camel-case forms too); `nil` for any other text.
    public static func kind(ofKey key: String) -> LeadTimeMeasure? {
        if let m = LeadTimeMeasure(rawValue: key) { return m }
        switch key {
        case "prevention_lead", "preventionLead": return .prevention
        case "response_time", "responseTime": return .response
        case "reportingLag": return .reportingLag
        default: return nil
        }
    }

    /// True when every inexact value has its range.
    public var hasRanges: Bool { ranges.count == bins.reduce(0) { $0 + $1.inexact } && !ranges.isEmpty }

    /// A series from single values: those resting on exact dates and those that do not.
    public init(measure: String, jurisdiction: String, exactDays: [Int], inexactDays: [Int] = []) {
        self.init(
            measure: measure, jurisdiction: jurisdiction,
            bins: exactDays.map { LeadTimeBin(day: $0, exact: 1, inexact: 0) }
                + inexactDays.map { LeadTimeBin(day: $0, exact: 0, inexact: 1) })
    }

    /// The value of rank `k` (0-based) in increasing order.
    public func value(atRank k: Int) -> Int {
        var seen = 0
        for b in bins {
            seen += b.count
            if k < seen { return b.day }
        }
        return bins.last?.day ?? 0
    }

    /// Charts draw a median only from this many values on: of one or two it says nothing.
    public static let medianMinimum = 3

    /// The median (the mean of the middle two for an even count); 0 when empty.
    public var median: Double {
        guard count > 0 else { return 0 }
        return count % 2 == 1
            ? Double(value(atRank: count / 2))
            : Double(value(atRank: count / 2 - 1) + value(atRank: count / 2)) / 2
    }

    /// One series per measure and jurisdiction of `leadTimes`: measures in order of first
    /// appearance, jurisdictions likewise within each. Counts per day with integer keys, so
    /// no String is made per value; `label` and `jurisdictionID` are asked once per series.
    /// `range`, when given, gives an inexact value's range; it is asked only for series of at
    /// most `rangeLimit` values.
    public static func grouping(
        _ leadTimes: [LeadTime], jurisdictionCount: Int,
        label: (LeadTimeMeasure) -> String,
        jurisdictionID: (JurisdictionIndex) -> String,
        range: ((LeadTime) -> LeadTimeRange)? = nil
    ) -> [LeadTimeSeries] {
        grouping(leadTimes, keeping: nil, jurisdictionCount: jurisdictionCount, label: label, jurisdictionID: jurisdictionID, range: range)
    }

    /// The same, of the lead times whose `keeping` entry is true (all when nil): what
    /// `grouping` gives for `leadTimes` filtered, with no copy of a million lead times made.
    static func grouping(
        _ leadTimes: [LeadTime], keeping: [Bool]?, jurisdictionCount: Int,
        label: (LeadTimeMeasure) -> String,
        jurisdictionID: (JurisdictionIndex) -> String,
        range: ((LeadTime) -> LeadTimeRange)? = nil
    ) -> [LeadTimeSeries] {
        assert(keeping.map { $0.count == leadTimes.count } ?? true, "one entry per lead time")
        func kept(_ n: Int) -> Bool { keeping.map { $0[n] } ?? true }
        let measures = LeadTimeMeasure.allCases
        let jc = max(0, jurisdictionCount)
        let keys = measures.count * jc
        guard keys > 0 else { return [] }
        func index(_ m: LeadTimeMeasure) -> Int {
            switch m {
            case .prevention: 0
            case .response: 1
            case .report: 2
            case .decision: 3
            case .sanction: 4
            case .reportingLag: 5
            }
        }
        // Pass 1: first appearance and the span of days of each key.
        var first = [Int](repeating: -1, count: keys)
        var measureFirst = [Int](repeating: -1, count: measures.count)
        var lo = [Int](repeating: .max, count: keys), hi = [Int](repeating: .min, count: keys)
        var count = [Int](repeating: 0, count: keys)
        for (n, t) in leadTimes.enumerated() where t.jurisdiction.raw < jc && kept(n) {
            let m = index(t.measure), k = m * jc + t.jurisdiction.raw
            count[k] += 1
            if first[k] < 0 { first[k] = n }
            if measureFirst[m] < 0 { measureFirst[m] = n }
            if t.days < lo[k] { lo[k] = t.days }
            if t.days > hi[k] { hi[k] = t.days }
        }
        // Pass 2: counts per day, dense over each key's span (a few hundred days in practice);
        // a key whose span is absurdly wide counts in a dictionary instead.
        let denseLimit = 1 << 20
        var exact = [[Int32]](repeating: [], count: keys), inexact = [[Int32]](repeating: [], count: keys)
        var sparse: [Int: [Int: (Int, Int)]] = [:]
        for k in 0..<keys where first[k] >= 0 {
            let (span, overflow) = hi[k].subtractingReportingOverflow(lo[k])
            if !overflow && span < denseLimit {
                exact[k] = [Int32](repeating: 0, count: span + 1)
                inexact[k] = [Int32](repeating: 0, count: span + 1)
            } else {
                sparse[k] = [:]
            }
        }
        var ranges = [[LeadTimeRange]](repeating: [], count: keys)
        for (n, t) in leadTimes.enumerated() where t.jurisdiction.raw < jc && kept(n) {
            let k = index(t.measure) * jc + t.jurisdiction.raw
            if !t.exact, let range, count[k] <= rangeLimit { ranges[k].append(range(t)) }
            if exact[k].isEmpty {
                sparse[k, default: [:]][t.days, default: (0, 0)].0 += t.exact ? 1 : 0
                sparse[k, default: [:]][t.days, default: (0, 0)].1 += t.exact ? 0 : 1
            } else if t.exact {
                exact[k][t.days - lo[k]] += 1
            } else {
                inexact[k][t.days - lo[k]] += 1
            }
        }
        let order = (0..<keys).filter { first[$0] >= 0 }.sorted {
            (measureFirst[$0 / jc], first[$0]) < (measureFirst[$1 / jc], first[$1])
        }
        return order.map { k in
            var bins: [LeadTimeBin] = []
            if let table = sparse[k] {
                bins = table.map { LeadTimeBin(day: $0.key, exact: $0.value.0, inexact: $0.value.1) }
            } else {
                for d in exact[k].indices where exact[k][d] > 0 || inexact[k][d] > 0 {
                    bins.append(LeadTimeBin(day: lo[k] + d, exact: Int(exact[k][d]), inexact: Int(inexact[k][d])))
                }
            }
            return LeadTimeSeries(
                measure: label(measures[k / jc]), jurisdiction: jurisdictionID(JurisdictionIndex(k % jc)), bins: bins,
                ranges: ranges[k], kind: measures[k / jc])
        }
    }
}

/// What the lead-time chart's title may claim, from the analysis: prevention's typical lead
/// and how many incidents have any recorded follow-up at all.
public struct LeadTimeHeadline: Sendable, Hashable {
    public var prevention: MedianOrValues
    public var incidents: Int
    /// Incidents reached by a response, report, decision or sanction.
    public var followedUp: Int
    public init(prevention: MedianOrValues, incidents: Int, followedUp: Int) {
        self.prevention = prevention; self.incidents = incidents; self.followedUp = followedUp
    }
}

extension Analysis {
    /// The lead times that measure something (`measuredLeadTimes`) as series per measure and
    /// jurisdiction (by id), each named by `label` and carrying what it says (`typical`).
    public func leadTimeSeries(label: (LeadTimeMeasure) -> String) -> [LeadTimeSeries] {
        let d = dataset
        let js = d.jurisdictions.count
        // One pass: which lead times measure something (marked, not copied: a million of
        // them), and their values in a list per measure × jurisdiction, found by index (not
        // hashed per lead time).
        var measured = [Bool](repeating: false, count: leadTimes.count)
        var values = [[LeadValue]](repeating: [], count: LeadTimeMeasure.allCases.count * js)
        for (n, t) in leadTimes.enumerated() {
            guard let v = leadValue(t) else { continue }
            measured[n] = true
            values[t.measure.order * js + t.jurisdiction.raw].append(v)
        }
        var series = LeadTimeSeries.grouping(
            leadTimes, keeping: measured, jurisdictionCount: js,
            label: label, jurisdictionID: { d.jurisdictions[$0].id }, range: leadTimeRange)
        for i in series.indices {
            guard let m = series[i].kind, let j = d.jurisdictionIndex[series[i].jurisdiction] else { continue }
            // Taken out of its list (each index is one series'), so it is sorted where it lies.
            series[i].typical = MedianOrValues(Self.taken(&values[m.order * js + j.raw]))
        }
        return series
    }

    /// The list left empty, its values handed over with their only reference.
    private static func taken(_ list: inout [LeadValue]) -> [LeadValue] {
        var out: [LeadValue] = []
        swap(&out, &list)
        return out
    }

    /// The figures the lead-time chart's title may state.
    public var leadTimeHeadline: LeadTimeHeadline {
        let events = dataset.events
        var followed = Set<EventIndex>()
        for t in leadTimes where t.measure.reachedKind != nil { followed.insert(t.event) }
        let incidents = events.indices.reduce(0) { $0 + (events.kinds[$1] == .incident ? 1 : 0) }
        return LeadTimeHeadline(prevention: medianOrValues(.prevention), incidents: incidents, followedUp: followed.count)
    }

    /// The events the lead times are measured from and to, each once in file order: what
    /// the lead-time chart draws, for its footer's outlets.
    public var leadTimeEvents: [EventIndex] {
        var seen = [Bool](repeating: false, count: dataset.events.count)
        for t in leadTimes {
            if t.event.raw < seen.count { seen[t.event.raw] = true }
            if case .event(let e) = t.target, e.raw < seen.count { seen[e.raw] = true }
        }
        return dataset.events.indices.filter { seen[$0.raw] }
    }

    /// The values `t` can take under every reading of its dates: a month or year date can be
    /// any of its days, an `on-or-before` date any day up to it. A response, report, decision
    /// or sanction does not come before its incident, nor a report before its event, so those
    /// ranges start at 0 at the least (unless the anchors already put them below).
    public func leadTimeRange(_ t: LeadTime) -> LeadTimeRange {
        let d = dataset
        let from = d.events.dates[t.event]
        // The target's least and greatest day (nil: unbounded below).
        let to: (earliest: Day?, latest: Day)?
        switch t.measure {
        case .prevention:
            if case .election(let e) = t.target { to = (d.elections[e].date, d.elections[e].date) } else { to = nil }
        case .response, .report, .decision, .sanction:
            if case .event(let r) = t.target { let rd = d.events.dates[r]; to = (rd.earliest, rd.latest) } else { to = nil }
        case .reportingLag:
            to = d.events.sourceDates[t.event].map { ($0, $0) }
        }
        guard let to else { return LeadTimeRange(day: t.days, low: t.days, high: t.days) }
        // Least: the target as early as it can be, the start as late; greatest: the other way.
        var low = to.earliest.map { from.latest.days(to: $0) }
        let high = from.earliest.map { $0.days(to: to.latest) }
        if t.measure != .prevention, t.days >= 0 { low = max(low ?? 0, 0) }
        return LeadTimeRange(day: t.days, low: low, high: high)
    }
}
