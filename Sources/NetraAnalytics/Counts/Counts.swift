import NetraCore

/// Events of one kind in one jurisdiction in one month.
public struct MonthlyCount: Sendable, Hashable {
    public var month: Month
    public var jurisdiction: JurisdictionIndex
    public var kind: EventKind
    public var events: Int
    /// Sum of the `count` of those events that carry one; nil when none does and for
    /// `case_tally` rows, whose counts are snapshots that never add up.
    public var countSum: Int?
    /// How many events went into `countSum`.
    public var counted: Int
}

/// Events and count sums per month × jurisdiction × kind in dense arrays, counted in one
/// pass so that every table and chart reads from the same figures.
public struct MonthlyTable: Sendable {
    /// The first month with an event (nil for no events) and how many months follow it.
    public let first: Month?
    public let months: Int
    /// Each event counted in its own jurisdiction and, rolled up, in every one above it.
    public let rollup: Bool
    let jurisdictions: Int
    /// Each month's row in the arrays below (0 = `first`), -1 for a month without events: a
    /// row per month that has events, not per month between the first and the last (a year
    /// typed 0024 for 2024 in a national dataset made 24,000 months of 553 jurisdictions,
    /// 13 GB). `monthsWithEvents` lists those months in order.
    let rowOf: [Int32]
    public let monthsWithEvents: [Int]
    private(set) var events: [Int]
    private(set) var sums: [Int]
    /// Events whose count went into `sums`.
    private(set) var counted: [Int]
    /// Of `events`, those known only by their year (kept in January, their anchor's month):
    /// the CSVs count them by anchor, the charts draw them apart.
    private(set) var yearOnly: [Int]
    /// Jurisdictions with no parent: rolled up, together they hold every event once.
    let roots: [JurisdictionIndex]

    static let kinds = EventKind.allCases.count

    public init(_ d: Dataset, rollup: Bool) {
        self.rollup = rollup
        jurisdictions = d.jurisdictions.count
        roots = d.jurisdictions.indices.filter { d.jurisdictions[$0].parent == nil }
        guard !d.events.isEmpty else {
            first = nil; months = 0; rowOf = []; monthsWithEvents = []; events = []; sums = []; counted = []; yearOnly = []
            return
        }
        // Each anchor's month worked out once (it takes a calendar conversion), min and max on the way.
        let monthOf = d.events.dates.map { $0.anchor.month.index }
        let lo = monthOf.min() ?? 0, hi = monthOf.max() ?? 0
        let months = hi - lo + 1
        var rowOf = [Int32](repeating: -1, count: months)
        for m in monthOf { rowOf[m - lo] = 0 }
        var withEvents: [Int] = []
        for m in 0..<months where rowOf[m] == 0 {
            rowOf[m] = Int32(withEvents.count)
            withEvents.append(m)
        }
        let rows = withEvents.count
        let js = jurisdictions, kinds = Self.kinds
        var events = [Int](repeating: 0, count: rows * js * kinds)
        var sums = [Int](repeating: 0, count: rows * js * kinds)
        var counted = [Int](repeating: 0, count: rows * js * kinds)
        var yearOnly = [Int](repeating: 0, count: rows * js * kinds)
        for k in d.events.indices {
            let m = Int(rowOf[monthOf[k.raw] - lo])
            let kind = d.events.kinds[k]
            let monthUnknown = d.events.dates[k].precision == .year
            // A tally is a snapshot: adding it to another (or to itself a month later) means nothing.
            let count = kind == .caseTally ? nil : d.events.counts[k]
            let key = (m * js + d.events.jurisdictions[k].raw) * kinds + kind.order
            events[key] += 1
            if monthUnknown { yearOnly[key] += 1 }
            // Counts are capped at a billion when loaded: a sum overflows only past nine
            // billion events, rolled up or not.
            if let count { sums[key] += count; counted[key] += 1 }
        }
        if rollup {
            // Children before parents: each jurisdiction's figures, already holding those under
            // it, are added once to its parent's (linear however deep the tree).
            for j in d.tree.topDown.reversed() {
                guard let p = d.jurisdictions[j].parent, p.raw >= 0, p.raw < js, p != j else { continue }
                for m in 0..<rows {
                    let from = (m * js + j.raw) * kinds, to = (m * js + p.raw) * kinds
                    for x in 0..<kinds {
                        events[to + x] += events[from + x]
                        yearOnly[to + x] += yearOnly[from + x]
                        sums[to + x] += sums[from + x]
                        counted[to + x] += counted[from + x]
                    }
                }
            }
        }
        first = Month(index: lo)
        self.months = months
        self.rowOf = rowOf
        monthsWithEvents = withEvents
        self.events = events
        self.sums = sums
        self.counted = counted
        self.yearOnly = yearOnly
    }

    /// Every event count multiplied by `factor`: a million-event dataset's magnitudes without
    /// its events, for tests of how charts write big numbers.
    func scaled(by factor: Int) -> MonthlyTable {
        var t = self
        t.events = events.map { $0 * factor }
        t.yearOnly = yearOnly.map { $0 * factor }
        return t
    }

    /// Where month `m`'s cell for `j` and `kind` is, nil for a month without events.
    func key(_ m: Int, _ j: JurisdictionIndex, _ kind: EventKind) -> Int? {
        let row = Int(rowOf[m])
        return row < 0 ? nil : (row * jurisdictions + j.raw) * Self.kinds + kind.order
    }

    /// Events in month `m` (0 = `first`) of `kind` in jurisdiction `j`; with `monthKnown`,
    /// only those whose month is known (not the year-only events kept in January).
    public func events(month m: Int, jurisdiction j: JurisdictionIndex, kind: EventKind, monthKnown: Bool = false) -> Int {
        guard let k = key(m, j, kind) else { return 0 }
        return monthKnown ? events[k] - yearOnly[k] : events[k]
    }

    /// The sum of those events' counts, nil when none carried one (always for `case_tally`).
    public func countSum(month m: Int, jurisdiction j: JurisdictionIndex, kind: EventKind) -> Int? {
        guard let k = key(m, j, kind) else { return nil }
        return counted[k] > 0 ? sums[k] : nil
    }

    /// How many of those events' counts went into `countSum`.
    public func counted(month m: Int, jurisdiction j: JurisdictionIndex, kind: EventKind) -> Int { key(m, j, kind).map { counted[$0] } ?? 0 }

    /// What a monthly chart draws, in `jurisdiction` and those under it (everywhere when nil):
    /// events per month whose month is known, from the first such month to the last, and
    /// apart from them, per year, the events known only by their year, which must not be
    /// drawn as if they happened in January.
    public func kindCounts(within jurisdiction: JurisdictionIndex?) -> MonthlyKindCounts {
        guard let first else { return MonthlyKindCounts() }
        let scope: [JurisdictionIndex]
        if let jurisdiction {
            scope = jurisdiction.raw < jurisdictions ? [jurisdiction] : []
        } else {
            scope = rollup ? roots : (0..<jurisdictions).map(JurisdictionIndex.init)
        }
        var counts: [[Int]] = []
        counts.reserveCapacity(months)
        var out = MonthlyKindCounts()
        var lo = -1, hi = -1
        for m in 0..<months {
            var row = [Int](repeating: 0, count: Self.kinds), undated = row
            let r = Int(rowOf[m])
            for j in scope where r >= 0 {
                let base = (r * jurisdictions + j.raw) * Self.kinds
                for k in 0..<Self.kinds {
                    row[k] += events[base + k] - yearOnly[base + k]
                    undated[k] += yearOnly[base + k]
                }
            }
            if row.contains(where: { $0 > 0 }) { if lo < 0 { lo = m }; hi = m }
            counts.append(row)
            // Year-only events sit in their year's January, so each year is met once here.
            if undated.contains(where: { $0 > 0 }) {
                out.years.append(Month(index: first.index + m).year)
                out.yearOnly.append(undated)
            }
        }
        if lo >= 0 {
            out.months = (lo...hi).map { Month(index: first.index + $0) }
            out.counts = Array(counts[lo...hi])
        }
        return out
    }
}

/// Events per kind for a monthly chart: by month where the month is known, by year where
/// only the year is. `counts[i][kind.order]` belongs to `months[i]`, `yearOnly[i]` to `years[i]`.
public struct MonthlyKindCounts: Sendable, Equatable {
    /// Every month from the first to the last with an event whose month is known, gaps included.
    public var months: [Month] = []
    public var counts: [[Int]] = []
    /// Years with events known only by their year, in order.
    public var years: [Int] = []
    public var yearOnly: [[Int]] = []

    public init(months: [Month] = [], counts: [[Int]] = [], years: [Int] = [], yearOnly: [[Int]] = []) {
        self.months = months; self.counts = counts; self.years = years; self.yearOnly = yearOnly
    }

    /// Events per month, all kinds together.
    public var totals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Events known only by their year, per year.
    public var yearTotals: [Int] { yearOnly.map { $0.reduce(0, +) } }
    /// Every event counted, both parts.
    public var total: Int { totals.reduce(0, +) + yearTotals.reduce(0, +) }
    /// True when there is nothing to draw.
    public var isEmpty: Bool { months.isEmpty && years.isEmpty }

    /// The same months with only the kinds that count as activity: case tallies (snapshots of
    /// others' counts) left out, their months kept.
    public var activity: MonthlyKindCounts {
        func keep(_ row: [Int]) -> [Int] {
            var r = row
            for k in EventKind.allCases where !k.countsAsActivity && k.order < r.count { r[k.order] = 0 }
            return r
        }
        return MonthlyKindCounts(months: months, counts: counts.map(keep), years: years, yearOnly: yearOnly.map(keep))
    }
}

/// Counting events by month, kind and jurisdiction.
public enum Counts {
    /// Rows sorted by month, jurisdiction id, then kind name. Every figure is taken from the
    /// event's anchor, so a span counts once, in the month it starts.
    public static func monthly(_ d: Dataset, rollup: Bool) -> [MonthlyCount] {
        rows(MonthlyTable(d, rollup: rollup), d)
    }

    /// The table's non-empty cells as rows, in that order.
    public static func rows(_ t: MonthlyTable, _ d: Dataset) -> [MonthlyCount] {
        guard let first = t.first else { return [] }
        let jOrder = d.jurisdictions.indices.sorted { d.jurisdictions[$0].id < d.jurisdictions[$1].id }
        let kOrder = EventKind.allCases.sorted { $0.rawValue < $1.rawValue }
        var out: [MonthlyCount] = []
        for m in t.monthsWithEvents {
            for j in jOrder {
                for k in kOrder {
                    let n = t.events(month: m, jurisdiction: j, kind: k)
                    if n > 0 {
                        out.append(
                            MonthlyCount(
                                month: Month(index: first.index + m), jurisdiction: j, kind: k,
                                events: n, countSum: t.countSum(month: m, jurisdiction: j, kind: k),
                                counted: t.counted(month: m, jurisdiction: j, kind: k)))
                    }
                }
            }
        }
        return out
    }
}
