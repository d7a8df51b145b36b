import NetraCore

/// The outlets (distinct `source` values, told apart as `EventTable.outletCount` does) of
/// each jurisdiction's scope: it and every jurisdiction under it, as `Dataset.eventsWithin(_:kinds:)`
/// takes it. Worked out once, in one pass over the events and one up the jurisdiction tree,
/// so that a chart's footer looks its count up: a walk over every event per chart was
/// O(charts × events), hundreds of millions of steps for 500+ jurisdictions at 1M events.
public struct ScopeOutlets: Sendable {
    static let kinds = EventKind.allCases.count

    /// Each jurisdiction's own events' outlets by kind, each outlet once: those of jurisdiction
    /// `j` and kind `k` are `own[start[b] ..< start[b + 1]]` for `b = j × kinds + k.order`.
    let start: [Int]
    let own: [Int]
    /// Outlets in each jurisdiction's scope, all kinds together.
    let within: [Int]
    /// The jurisdiction each one is rolled up into (its parent when the tree puts it under
    /// it, not for a member of a parent cycle taken as a root), -1 for none.
    let up: [Int]
    /// Parents before children.
    let topDown: [JurisdictionIndex]
    /// How many outlet numbers `own` uses.
    let outlets: Int
    /// The dataset's own count, over every event: a footer of everything says it.
    let total: Int

    public init(_ d: Dataset) { self.init(d, dense: nil) }

    /// `dense` picks how each (jurisdiction, kind)'s outlets are found (tests try both); `nil`
    /// picks a flag per (jurisdiction, kind, outlet) when those are no more than the rows
    /// (and a few thousand besides), else a counting sort of the rows.
    init(_ d: Dataset, dense: Bool?) {
        let table = d.events
        let nJ = d.jurisdictions.count
        let names = table.text.sources
        let buckets = nJ * Self.kinds
        // Each source text's outlet number (-1: blank, no outlet).
        var outletOf = [Int](repeating: -1, count: names.count)
        var numbers: [String: Int] = [:]
        for (s, name) in names.enumerated() {
            guard let key = EventTable.outletKey(name) else { continue }
            let o = numbers[key] ?? numbers.count
            numbers[key] = o
            outletOf[s] = o
        }
        let outlets = numbers.count
        let (cells, overflow) = buckets.multipliedReportingOverflow(by: outlets)
        let flags = dense ?? (!overflow && cells <= table.count + 4_096)
        let (start, own) =
            flags
            ? Self.flagged(table, nJ: nJ, outletOf: outletOf, outlets: outlets)
            : Self.sorted(table, nJ: nJ, outletOf: outletOf, outlets: outlets)

        // Up the tree, children before parents: each scope's outlets are its own and its
        // children's; the larger set takes the smaller in, and a child's is let go once counted.
        var up = [Int](repeating: -1, count: nJ)
        for j in d.jurisdictions.indices {
            if let p = d.jurisdictions[j].parent, p.raw >= 0, p.raw < nJ, p != j, d.isWithin(j, p) { up[j.raw] = p.raw }
        }
        var sets = [Set<Int>?](repeating: nil, count: nJ)
        var within = [Int](repeating: 0, count: nJ)
        for j in d.tree.topDown.reversed() {
            let jr = j.raw
            var mine = sets[jr] ?? []
            sets[jr] = nil
            for i in start[jr * Self.kinds]..<start[(jr + 1) * Self.kinds] { mine.insert(own[i]) }
            within[jr] = mine.count
            let p = up[jr]
            guard p >= 0 else { continue }
            if var theirs = sets[p] {
                sets[p] = nil
                if theirs.count < mine.count { swap(&theirs, &mine) }
                theirs.formUnion(mine)
                sets[p] = theirs
            } else {
                sets[p] = mine
            }
        }
        self.start = start
        self.own = own
        self.within = within
        self.up = up
        topDown = d.tree.topDown
        self.outlets = outlets
        total = d.outletCount
    }

    /// Each (jurisdiction, kind)'s outlets by a flag per (jurisdiction, kind, outlet), set in
    /// one pass over the rows: `start` and `own` as the stored properties hold them.
    static func flagged(_ table: EventTable, nJ: Int, outletOf: [Int], outlets: Int) -> (start: [Int], own: [Int]) {
        let buckets = nJ * kinds
        var seen = [Bool](repeating: false, count: buckets * outlets)
        // The three columns read, held once outside the loop.
        let places = table.jurisdictions.values, sources = table.sources.values, kindOf = table.kinds.values
        for k in 0..<table.count {
            let j = places[k].raw, s = sources[k]
            guard j >= 0, j < nJ, s >= 0, s < outletOf.count, outletOf[s] >= 0 else { continue }
            seen[(j * kinds + kindOf[k].order) * outlets + outletOf[s]] = true
        }
        var start = [Int](repeating: 0, count: buckets + 1), own: [Int] = []
        for b in 0..<buckets {
            start[b] = own.count
            for o in 0..<outlets where seen[b * outlets + o] { own.append(o) }
        }
        start[buckets] = own.count
        return (start, own)
    }

    /// The same by a counting sort of the rows by (jurisdiction, kind), each bucket's repeats
    /// then dropped: for many outlets in many jurisdictions, where flags would outnumber the rows.
    static func sorted(_ table: EventTable, nJ: Int, outletOf: [Int], outlets: Int) -> (start: [Int], own: [Int]) {
        let buckets = nJ * kinds
        var counts = [Int](repeating: 0, count: buckets + 1)
        let places = table.jurisdictions.values, sources = table.sources.values, kindOf = table.kinds.values
        for k in 0..<table.count {
            let j = places[k].raw, s = sources[k]
            guard j >= 0, j < nJ, s >= 0, s < outletOf.count, outletOf[s] >= 0 else { continue }
            counts[j * kinds + kindOf[k].order + 1] += 1
        }
        // The second pass finds each row's bucket again, which costs less than keeping it.
        for b in 0..<buckets { counts[b + 1] += counts[b] }
        var next = counts
        var sorted = [Int](repeating: 0, count: counts[buckets])
        for k in 0..<table.count {
            let j = places[k].raw, s = sources[k]
            guard j >= 0, j < nJ, s >= 0, s < outletOf.count, outletOf[s] >= 0 else { continue }
            let b = j * kinds + kindOf[k].order
            sorted[next[b]] = outletOf[s]
            next[b] += 1
        }
        var lastBucket = [Int](repeating: -1, count: outlets)
        var start = [Int](repeating: 0, count: buckets + 1)
        var kept = 0
        for b in 0..<buckets {
            start[b] = kept
            for i in counts[b]..<counts[b + 1] {
                let o = sorted[i]
                guard lastBucket[o] != b else { continue }
                lastBucket[o] = b
                sorted[kept] = o
                kept += 1
            }
        }
        start[buckets] = kept
        sorted.removeLast(sorted.count - kept)
        return (start, sorted)
    }

    /// Outlets in `jurisdiction`'s scope, every kind (0 for one the dataset does not have).
    public func count(within jurisdiction: JurisdictionIndex) -> Int {
        within.indices.contains(jurisdiction.raw) ? within[jurisdiction.raw] : 0
    }

    /// Outlets of the events in any of `scope` or under it (every jurisdiction when `nil`)
    /// whose kind `kinds` takes: `EventTable.outletCount` over `Dataset.eventsWithin(scope, kinds:)`,
    /// the dataset's own count when that is every event.
    public func count(within scope: [JurisdictionIndex]?, kinds: (EventKind) -> Bool = { _ in true }) -> Int {
        let wanted = EventKind.allCases.map(kinds)
        let every = !wanted.contains(false)
        if scope == nil && every { return total }
        if every, let scope, scope.count == 1, let j = scope.first { return count(within: j) }
        let nJ = within.count
        var inside = [Bool](repeating: scope == nil, count: nJ)
        for j in scope ?? [] where j.raw >= 0 && j.raw < nJ { inside[j.raw] = true }
        for j in topDown where up[j.raw] >= 0 && inside[up[j.raw]] { inside[j.raw] = true }
        var seen = [Bool](repeating: false, count: outlets)
        var n = 0
        for j in 0..<nJ where inside[j] {
            for k in 0..<Self.kinds where wanted[k] {
                let b = j * Self.kinds + k
                for i in start[b]..<start[b + 1] where !seen[own[i]] {
                    seen[own[i]] = true
                    n += 1
                }
            }
        }
        return n
    }
}
