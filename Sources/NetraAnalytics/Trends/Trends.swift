import NetraCore

/// How a month's activity compares with the three months before (ACLED's Trendfinder bands).
/// Activity is every event but case tallies: a tally is a snapshot of others' counts, not
/// something done in the month (`EventKind.countsAsActivity`).
public enum TrendLabel: String, CaseIterable, Sendable {
    case largeIncrease = "large_increase"
    case moderateIncrease = "moderate_increase"
    case stable
    case moderateDecrease = "moderate_decrease"
    case largeDecrease = "large_decrease"
    /// Fewer than 3 events a month before it, or fewer than three months of data before it:
    /// a percentage of so little says nothing.
    case lowBaseline = "low_baseline"

    /// The band of a change given in tenths of a percent, as `change_pct` writes it: the label
    /// can be read back from the CSV's own figure.
    public init(changeTenths t: Int) {
        switch t {
        case 251...: self = .largeIncrease
        case 101...250: self = .moderateIncrease
        case -100...100: self = .stable
        case -250 ... -101: self = .moderateDecrease
        default: self = .largeDecrease
        }
    }
}

/// One month of one jurisdiction (with everything under it) against its three months before.
public struct TrendPoint: Sendable, Equatable {
    public var month: Month
    /// Nil for the whole dataset (every root jurisdiction together).
    public var jurisdiction: JurisdictionIndex?
    public var events: Int
    /// Events in the three months before, summed; nil when fewer than three months of data
    /// lie before this one (before the first month with events nothing is known).
    public var baselineSum: Int?
    /// The mean of the three months before in tenths of an event, rounded half up.
    public var baselineTenths: Int? { baselineSum.map { ($0 * 20 + 3) / 6 } }
    /// `(events − baseline) / baseline × 100` in tenths of a percent, rounded half away from
    /// zero; nil for a low or unknown baseline.
    public var changeTenths: Int? {
        guard let s = baselineSum, s >= Trends.minimumBaselineSum else { return nil }
        // (events − s/3) / (s/3) × 1000 = (3·events − s) × 1000 / s, in integers.
        let num = (3 * events - s) * 1000
        let q = (2 * abs(num) + s) / (2 * s)
        return num < 0 ? -q : q
    }
    public var label: TrendLabel { changeTenths.map(TrendLabel.init(changeTenths:)) ?? .lowBaseline }
}

/// Change labels per month: the `trends.csv` export and the briefing's trend line.
public enum Trends {
    /// A baseline under 3 events a month (under 9 in three months) is too small to compare with.
    public static let minimumBaselineSum = 9
    /// How many months before form the baseline.
    public static let baselineMonths = 3

    /// Every jurisdiction that has events (its own or under it), in file order, for every month
    /// from the first to the last month with events, sorted by month then jurisdiction id.
    public static func rows(_ table: MonthlyTable, _ d: Dataset) -> [TrendPoint] {
        guard let first = table.first, table.rollup else { return [] }
        // Months without events count 0: only the table's months with events are read, and
        // only the jurisdictions listed get a row of totals (memory follows the output).
        func activity(_ m: Int, _ j: JurisdictionIndex) -> Int {
            var n = 0
            for kind in EventKind.allCases where kind.countsAsActivity { n += table.events(month: m, jurisdiction: j, kind: kind) }
            return n
        }
        // Each jurisdiction's activity in the months with events, worked out once.
        let active = d.jurisdictions.indices.map { j in table.monthsWithEvents.map { activity($0, j) } }
        let order = d.jurisdictions.indices.filter { active[$0.raw].contains { $0 > 0 } }.sorted {
            Array(d.jurisdictions[$0].id.utf8).lexicographicallyPrecedes(Array(d.jurisdictions[$1].id.utf8))
        }
        let totals = order.map { j in
            var row = [Int](repeating: 0, count: table.months)
            for (i, m) in table.monthsWithEvents.enumerated() { row[m] = active[j.raw][i] }
            return row
        }
        var out: [TrendPoint] = []
        out.reserveCapacity(order.count * table.months)
        for m in 0..<table.months {
            for (o, j) in order.enumerated() {
                out.append(point(totals[o], m, first: first, jurisdiction: j))
            }
        }
        return out
    }

    /// The whole dataset's trend for `month` (any month: one without events counts 0, and
    /// months before the first with events are not known).
    public static func total(_ table: MonthlyTable, month: Month) -> TrendPoint {
        guard let first = table.first else {
            return TrendPoint(month: month, jurisdiction: nil, events: 0, baselineSum: nil)
        }
        var totals = [Int](repeating: 0, count: table.months)
        for m in table.monthsWithEvents {
            for j in table.roots {
                for kind in EventKind.allCases where kind.countsAsActivity { totals[m] += table.events(month: m, jurisdiction: j, kind: kind) }
            }
        }
        return point(totals, month.index - first.index, first: first, jurisdiction: nil)
    }

    /// Month `m` (from `first`, may lie outside `totals`) against the three before it.
    static func point(_ totals: [Int], _ m: Int, first: Month, jurisdiction: JurisdictionIndex?) -> TrendPoint {
        func at(_ k: Int) -> Int { k >= 0 && k < totals.count ? totals[k] : 0 }
        let sum = m >= baselineMonths ? (1...baselineMonths).reduce(0) { $0 + at(m - $1) } : nil
        return TrendPoint(month: Month(index: first.index + m), jurisdiction: jurisdiction, events: at(m), baselineSum: sum)
    }
}

extension Trends {
    /// `12.5`, `-3.0`: tenths as a number with one decimal.
    public static func tenths(_ t: Int) -> String {
        "\(t < 0 ? "-" : "")\(abs(t) / 10).\(abs(t) % 10)"
    }
}
