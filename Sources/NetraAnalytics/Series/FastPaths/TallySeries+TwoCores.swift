import NetraCore

// Speed code, fenced: the analysis's tally series gathered on two cores, each half of the
// events into its own series, then the second half's appended to the first's. Each series
// keeps its rows in row order, so the series are the one pass's; `TallySeriesRankTests`
// holds the analysis's series to the plain path's, with and without the split.

extension TallySeries.Gathered {
    /// Events at least this many are gathered on two cores.
    static let twoCoreEvents = 1 << 15

    /// `init(dataset, dataset.events.indices, namingUnits: true)`, on two cores when there
    /// are at least `minimum` events.
    static func onTwoCores(_ dataset: Dataset, minimum: Int = twoCoreEvents) -> Self {
        let all = dataset.events.indices
        guard all.count >= minimum, all.count > 1 else { return Self(dataset, all, namingUnits: true) }
        let middle = EventIndex(all.count / 2)
        var (first, second) = Parallel.both(
            { Self(dataset, all.lowerBound..<middle, namingUnits: true) },
            { Self(dataset, middle..<all.upperBound, namingUnits: true) })
        first.append(second)
        return first
    }

    /// Adds the rows gathered after these, each series' after its own.
    mutating func append(_ later: Self) {
        for (key, rows) in later.tallies { tallies[key, default: []] += rows }
        for (key, rows) in later.pledges { pledges[key, default: []] += rows }
        for (j, n) in later.uncounted { uncounted[j, default: 0] += n }
    }
}
