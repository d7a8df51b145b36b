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

/// The lead times of one row — a measure in a jurisdiction — counted per day, so that a row
/// costs the same to lay out and draw for ten values or a million.
public struct LeadTimeSeries: Sendable, Hashable {
    /// The measure's key (`prevention_lead`, `response_time`, `reporting_lag`) or a label.
    public var measure: String
    /// A jurisdiction id (shown by its name when the dataset knows it) or a name.
    public var jurisdiction: String
    /// Days in increasing order, each once, none empty.
    public private(set) var bins: [LeadTimeBin]
    /// Number of values.
    public private(set) var count: Int

    /// A series from bins in any order; bins of one day are merged and empty ones dropped.
    public init(measure: String, jurisdiction: String, bins: [LeadTimeBin]) {
        self.measure = measure
        self.jurisdiction = jurisdiction
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
    }

    /// A series from single values: those resting on exact dates and those that do not.
    public init(measure: String, jurisdiction: String, exactDays: [Int], inexactDays: [Int] = []) {
        self.init(measure: measure, jurisdiction: jurisdiction,
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

    /// The median (the mean of the middle two for an even count); 0 when empty.
    public var median: Double {
        guard count > 0 else { return 0 }
        return count % 2 == 1 ? Double(value(atRank: count / 2))
                              : Double(value(atRank: count / 2 - 1) + value(atRank: count / 2)) / 2
    }

    /// One series per measure and jurisdiction of `leadTimes`: measures in order of first
    /// appearance, jurisdictions likewise within each. Counts per day with integer keys, so
    /// no String is made per value; `label` and `jurisdictionID` are asked once per series.
    public static func grouping(_ leadTimes: [LeadTime], jurisdictionCount: Int,
                                label: (LeadTimeMeasure) -> String,
                                jurisdictionID: (JurisdictionIndex) -> String) -> [LeadTimeSeries] {
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
        for (n, t) in leadTimes.enumerated() where t.jurisdiction.raw < jc {
            let m = index(t.measure), k = m * jc + t.jurisdiction.raw
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
        for t in leadTimes where t.jurisdiction.raw < jc {
            let k = index(t.measure) * jc + t.jurisdiction.raw
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
            return LeadTimeSeries(measure: label(measures[k / jc]), jurisdiction: jurisdictionID(JurisdictionIndex(k % jc)), bins: bins)
        }
    }
}

extension Analysis {
    /// The lead times as series per measure and jurisdiction (by id), each named by `label`.
    public func leadTimeSeries(label: (LeadTimeMeasure) -> String) -> [LeadTimeSeries] {
        let d = dataset
        return LeadTimeSeries.grouping(leadTimes, jurisdictionCount: d.jurisdictions.count,
                                       label: label, jurisdictionID: { d.jurisdictions[$0].id })
    }
}
