import NetraCore

/// A lead time as a reader may be told it: exact, or a least value (`≥ 12`) when an
/// imprecise date bounds it only from below.
public struct LeadValue: Sendable, Hashable, Comparable {
    /// Days; the least the dates allow when `atLeast`.
    public var days: Int
    /// True when the figure is a lower bound, never to be shown as exact.
    public var atLeast: Bool

    public init(days: Int, atLeast: Bool) {
        self.days = days; self.atLeast = atLeast
    }

    public static func < (a: LeadValue, b: LeadValue) -> Bool { (a.days, a.atLeast ? 1 : 0) < (b.days, b.atLeast ? 1 : 0) }
}

/// What a group of lead times says about the typical case: the median of at least three
/// values, else the values themselves (two values have no middle worth the name).
public struct MedianOrValues: Sendable, Hashable {
    /// A median needs this many values.
    public static let fewest = 3

    /// Every value, smallest first.
    public let values: [LeadValue]

    /// Sorted in place when the caller hands over its only reference (no second copy of a
    /// million values).
    /// Counted rather than compared when there are many (`FastPaths/CountingSort.swift`).
    public init(_ values: consuming [LeadValue]) {
        if let counted = CountingSort.sorted(values) {
            self.values = counted
        } else {
            values.sort()
            self.values = values
        }
        assert(zip(self.values, self.values.dropFirst()).allSatisfy { $0 <= $1 }, "sorted")
    }

    /// Sorted by comparing: the plain way, which the counting sort is tested against.
    init(comparing values: [LeadValue]) { self.values = values.sorted() }

    public var n: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The median of the values' days, nil under `fewest` values. Lower bounds give a lower
    /// bound: each value is at least its figure, so the median is at least theirs.
    public var median: Median? { n >= Self.fewest ? Median(sorted: values.map(\.days)) : nil }

    /// True when any value is a lower bound, and so is the median.
    public var atLeast: Bool { values.contains(where: \.atLeast) }
}

extension Analysis {
    /// The figure `t` gives a reader, or nil when it says nothing: a lead measured from an
    /// `on-or-before` date to the same day (an event dated by its own report) is zero by
    /// construction, not a measured 0. From an imprecise date, the least value its dates allow.
    public func leadValue(_ t: LeadTime) -> LeadValue? {
        if t.exact { return LeadValue(days: t.days, atLeast: false) }
        let r = leadTimeRange(t)
        let least = r.low ?? t.days
        // Unbounded above and at most 0 below: nothing was measured.
        if r.high == nil && least <= 0 { return nil }
        return LeadValue(days: least, atLeast: true)
    }

    /// The lead times a reader is shown: those that measure something (see `leadValue`).
    public var measuredLeadTimes: [LeadTime] { leadTimes.filter { leadValue($0) != nil } }

    /// The values of `measure` as a reader is told them (those that measure nothing left out).
    public func medianOrValues(_ measure: LeadTimeMeasure) -> MedianOrValues {
        MedianOrValues(leadTimes.lazy.filter { $0.measure == measure }.compactMap { self.leadValue($0) })
    }
}
