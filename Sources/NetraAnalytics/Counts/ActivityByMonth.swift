import NetraCore

/// Activity by the month it happened in, as a timeline's title says it ("Bulan terpadat Jan
/// 2024: 12 dari 34 peristiwa, 5 di Jawa Barat"): events that are something done, not case
/// tallies (`EventKind.countsAsActivity`), within a window of days when one is given. An event
/// counts in its month only when its date names the month or the day: a year-only date is
/// activity but says nothing of its month.
public struct ActivityByMonth: Sendable {
    /// Activity in the window, year-only dates included.
    public let total: Int
    /// Activity by month (`Month.index`); months with none are left out.
    public let perMonth: [Int: Int]
    let dataset: Dataset
    let window: ClosedRange<Day>?
    /// Jurisdictions at this index or past it are not counted (the chart's lanes).
    let jurisdictions: Int

    public init(_ dataset: Dataset, window: ClosedRange<Day>?, jurisdictions: Int) {
        self.dataset = dataset
        self.window = window
        self.jurisdictions = jurisdictions
        // Counted in an array by month (years 0…9999; a dictionary past them): no dictionary
        // touched per event.
        var dense = [Int](repeating: 0, count: 12 * 10_000)
        var beyond: [Int: Int] = [:]
        var total = 0
        for i in dataset.events.indices {
            guard let counted = Self.countedMonth(i, dataset, window, jurisdictions) else { continue }
            total += 1
            guard let m = counted else { continue }
            if m >= 0 && m < dense.count { dense[m] += 1 } else { beyond[m, default: 0] += 1 }
        }
        var perMonth = beyond
        for m in dense.indices where dense[m] > 0 { perMonth[m] = dense[m] }
        self.total = total
        self.perMonth = perMonth
    }

    /// Activity in month `month` (`Month.index`) by jurisdiction (its raw index).
    public func perJurisdiction(inMonth month: Int) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for i in dataset.events.indices where Self.countedMonth(i, dataset, window, jurisdictions) == .some(month) {
            out[dataset.events.jurisdictions[i].raw, default: 0] += 1
        }
        return out
    }

    /// The month event `i` counts in; `.some(nil)` for activity with a year-only date, nil
    /// for an event that is not counted.
    static func countedMonth(_ i: EventIndex, _ d: Dataset, _ window: ClosedRange<Day>?, _ jurisdictions: Int) -> Int?? {
        let events = d.events
        guard events.jurisdictions[i].raw < jurisdictions, events.kinds[i].countsAsActivity else { return nil }
        let (a, b) = events.dates[i].days(through: events.endDates[i])
        if let w = window, b < w.lowerBound || a > w.upperBound { return nil }
        guard events.dates[i].precision != .year else { return .some(nil) }
        return a.month.index
    }
}
