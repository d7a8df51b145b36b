import NetraCore

/// Case tallies as snapshot series, and pledge signatories as running sums: what
/// `tallies.csv` lists and the cases chart draws, worked out once.
///
/// A tally series is (jurisdiction, unit, status): its latest tally stands (latest anchor,
/// then the larger count, then the larger id); tallies are never summed, nor put with
/// another unit. Signatories add up, per jurisdiction and unit.
public struct TallySeries: Sendable {
    /// What a series is: the body, what it counts, and the status counted.
    public struct Key: Hashable, Sendable {
        /// The body whose tallies these are.
        public var jurisdiction: JurisdictionIndex
        /// The tallies' unit, trimmed (empty when the row has none).
        public var unit: String
        /// The tallies' status (`nil` when the cell is empty).
        public var status: CaseStatus?

        public init(jurisdiction: JurisdictionIndex, unit: String, status: CaseStatus?) {
            self.jurisdiction = jurisdiction; self.unit = unit; self.status = status
        }
    }

    /// One `case_tally` event.
    public struct Tally: Hashable, Sendable {
        public var event: EventIndex
        /// Its anchor.
        public var day: Day
        /// `nil` when the row has no count: unknown, not zero.
        public var count: Int?
        /// True for the one that stands in its series.
        public var latest: Bool
    }

    /// One series' tallies, oldest first (anchor, then count with none first, then id), so
    /// the last one is the one that stands.
    public struct Series: Sendable {
        public var key: Key
        public var tallies: [Tally]
        /// The tally that stands.
        public var latest: Tally? { tallies.last }
        /// The standing value day by day: the last tally of each day (`nil` when it has no count).
        public var steps: [(day: Day, value: Int?)] {
            var out: [(day: Day, value: Int?)] = []
            for t in tallies {
                if let last = out.last, last.day == t.day { out[out.count - 1].value = t.count } else { out.append((t.day, t.count)) }
            }
            return out
        }
    }

    /// A jurisdiction's pledge signatories in one unit, as a running sum by day.
    public struct Signatories: Sendable {
        public var jurisdiction: JurisdictionIndex
        /// The pledges' unit, trimmed (`pernyataan`).
        public var unit: String
        public var values: [(day: Day, value: Int)]
        /// Pledges of the jurisdiction that give no count: while any, the sum is a lower bound
        /// ("sedikitnya 24.013").
        public var uncounted: Int = 0
        /// The counted pledges summed, by day then row: what a chart of the sum cites.
        public var events: [EventIndex] = []
    }

    /// Every series, by jurisdiction id, unit, status (byte order; no status first): the
    /// export's order.
    public let series: [Series]
    /// Signatories by jurisdiction id, then unit.
    public let signatories: [Signatories]

    /// One pass over the events: every `case_tally` (with a count or not) into its series;
    /// every `pledge` with a count into its jurisdiction's running sum.
    public init(_ dataset: Dataset) { self.init(dataset, idRank: nil) }

    /// The same, with `byID` made from `dataset`'s events (`Analysis.idOrder`): tallies of one
    /// day and count are put in order by their rank in it, no id compared (ranks follow ids,
    /// then rows, as the stable sort on ids does).
    public init(_ dataset: Dataset, byID: IDOrder) { self.init(dataset, byID: byID, twoCoreEvents: Gathered.twoCoreEvents) }

    /// The same, gathered on two cores from `twoCoreEvents` events on (tests try every way).
    init(_ dataset: Dataset, byID: IDOrder, twoCoreEvents: Int) {
        precondition(byID.rank.count == dataset.events.count, "the id order of these events")
        self.init(dataset, idRank: byID.rank, twoCoreEvents: twoCoreEvents)
    }

    private init(_ dataset: Dataset, idRank: Column<EventIndex, Int32>?, twoCoreEvents: Int = .max) {
        let events = dataset.events
        let found: Gathered
        if idRank != nil {
            // The analysis's: on two cores when there are many events (FastPaths/TallySeries+TwoCores.swift).
            found = Gathered.onTwoCores(dataset, minimum: twoCoreEvents)
        } else {
            found = Gathered(dataset, events.indices, namingUnits: false)
        }
        let (tallies, uncounted, pledges) = (found.tallies, found.uncounted, found.pledges)
        let ids = dataset.jurisdictions.map { Array($0.id.utf8) }
        func jurisdictionPrecedes(_ a: JurisdictionIndex, _ b: JurisdictionIndex) -> Bool? {
            ids[a.raw] == ids[b.raw] ? nil : ids[a.raw].lexicographicallyPrecedes(ids[b.raw])
        }
        func textPrecedes(_ a: String, _ b: String) -> Bool? { a == b ? nil : a.utf8.lexicographicallyPrecedes(b.utf8) }

        var list: [Series] = tallies.map { key, ts in
            var sorted: [Tally]
            if let idRank {
                sorted = Tally.sortedByRank(ts, idRank)  // FastPaths/TallySeries+Ranks.swift
            } else {
                sorted = ts.sorted { a, b in
                    if a.day != b.day { return a.day < b.day }
                    if a.count != b.count { return (a.count ?? -1) < (b.count ?? -1) }
                    return events.idPrecedes(a.event, b.event)
                }
            }
            sorted[sorted.count - 1].latest = true
            return Series(key: key, tallies: sorted)
        }
        list.sort { a, b in
            if let p = jurisdictionPrecedes(a.key.jurisdiction, b.key.jurisdiction) { return p }
            if let p = textPrecedes(a.key.unit, b.key.unit) { return p }
            return textPrecedes(a.key.status?.rawValue ?? "", b.key.status?.rawValue ?? "") ?? false
        }
        series = list

        var signed: [Signatories] = pledges.map { key, ps in
            let sorted = ps.sorted { ($0.day, $0.event) < ($1.day, $1.event) }
            var values: [(day: Day, value: Int)] = []
            var sum = 0
            for p in sorted {
                // Each count is at most a billion, but the number of pledges is not bounded.
                let (next, overflow) = sum.addingReportingOverflow(p.value)
                sum = overflow ? Int.max : next
                if let last = values.last, last.day == p.day { values[values.count - 1].value = sum } else { values.append((p.day, sum)) }
            }
            return Signatories(
                jurisdiction: key.jurisdiction, unit: key.unit, values: values, uncounted: uncounted[key.jurisdiction] ?? 0,
                events: sorted.map(\.event))
        }
        signed.sort { a, b in
            if let p = jurisdictionPrecedes(a.jurisdiction, b.jurisdiction) { return p }
            return textPrecedes(a.unit, b.unit) ?? false
        }
        signatories = signed
    }

    /// The series of `key`, if it has any tally.
    public func series(_ key: Key) -> Series? { series.first { $0.key == key } }

    /// The events behind the series of `tallies` and the signatory sums of `signatories`
    /// (keys without a status), series by series: what a chart of those lines cites (its
    /// footer counts their outlets, in any order). A lookup in the series already gathered,
    /// no pass over the events and no sort (at 1M, sorting them cost netra html about 150 ms).
    public func events(tallies: Set<Key>, signatories: Set<Key>) -> [EventIndex] {
        var out = series.filter { tallies.contains($0.key) }.flatMap { $0.tallies.map(\.event) }
        for s in self.signatories where signatories.contains(Key(jurisdiction: s.jurisdiction, unit: s.unit, status: nil)) {
            out += s.events
        }
        return out
    }

    struct SignKey: Hashable, Sendable {
        var jurisdiction: JurisdictionIndex
        var unit: String
    }

    /// The tallies and pledges of some events, by series, in row order.
    struct Gathered: Sendable {
        var tallies: [Key: [Tally]] = [:]
        var uncounted: [JurisdictionIndex: Int] = [:]
        var pledges: [SignKey: [(day: Day, value: Int, event: EventIndex)]] = [:]

        /// One pass over `range`: every `case_tally` (with a count or not) into its series;
        /// every `pledge` with a count into its jurisdiction's sum, the others counted.
        /// `namingUnits`: each distinct unit named once (FastPaths/TallySeries+Units.swift),
        /// not a String made and trimmed per row.
        init(_ dataset: Dataset, _ range: Range<EventIndex>, namingUnits: Bool) {
            let events = dataset.events
            let jCount = dataset.jurisdictions.count
            var units = UnitNames()
            for i in range {
                let kind = events.kinds[i]
                guard kind == .caseTally || kind == .pledge else { continue }
                let j = events.jurisdictions[i]
                guard j.raw < jCount else { continue }
                let unit = namingUnits ? units.name(of: i, in: events) : events.string(.unit, i).trimmingSpaces
                let day = events.dates[i].anchor
                if kind == .caseTally {
                    let count = events.counts[i].flatMap { $0 >= 0 ? $0 : nil }
                    tallies[Key(jurisdiction: j, unit: unit, status: events.statuses[i]), default: []]
                        .append(Tally(event: i, day: day, count: count, latest: false))
                } else if let c = events.counts[i], c >= 0 {
                    pledges[SignKey(jurisdiction: j, unit: unit), default: []].append((day, c, i))
                } else {
                    uncounted[j, default: 0] += 1
                }
            }
        }
    }
}

extension Analysis {
    /// The dataset's tally series and signatories (one pass over the events; the report
    /// makes it once for both `tallies.csv` and `cases.png`).
    public var tallies: TallySeries { TallySeries(dataset, byID: idOrder) }
}
