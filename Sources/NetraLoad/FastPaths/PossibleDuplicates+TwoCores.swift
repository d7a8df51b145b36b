import NetraCore

/// The possible-duplicates search of `PossibleDuplicates.search` made in time linear in the
/// events and on two cores, with the same result (`PossibleDuplicatesTests` holds the two to
/// the same pairs, in the same order, and the same total). What changes is only how:
///
/// - the events are put in (kind, jurisdiction, day, row) order by two counting sorts, not a
///   comparison sort;
/// - each title's words become ranks (rarest first, ties by hash), kept in one flat array, so a
///   title's prefix is its first ranks and no dictionary is asked while comparing; addresses
///   and tally units become numbers once;
/// - the buckets are split between the two cores (a pair never leaves its bucket, nor does
///   an event's count of kept pairs);
/// - pairs are ordered by rows (the loader's rows are in line order), by a counting sort, or
///   only the first `limit` are kept as they come.
///
/// It applies when the events' lines increase with their rows (every loaded dataset); for
/// events made in code in another order it returns nil and the plain search runs.
extension PossibleDuplicates {
    /// What one core found in its buckets.
    private struct Part: Sendable {
        var pairs: [DuplicatePair] = []
        var total = 0
        var comparisons = 0
    }

    /// Everything the cores read, made once before they start.
    private struct Prepared: Sendable {
        /// Groups of identical candidates: `members[groupStart[g]..<groupStart[g + 1]]`, by row.
        var groupStart: [Int32] = [0]
        var members: [Int32] = []
        /// Each group's day; each bucket's groups.
        var groupDay: [Int32] = []
        var buckets: [Range<Int>] = []
        /// Each event's title words as ranks, sorted: `ranks[wordStart[k]..<wordStart[k] + wordCount[k]]`.
        var wordStart: [Int32] = []
        var wordCount: [Int32] = []
        var ranks: [UInt32] = []
        var distinctWords = 0
        /// Each event's `source_url` as a number (0: empty), and how many there are.
        var url: [Int32] = []
        var distinctURLs = 0
        /// Each case tally's unit (trimmed) as a number.
        var unit: [Int32] = []
        var linked: [Bool] = []
        /// What the walk reads of each group's first member, in group order (groups of a
        /// bucket are near each other in memory): its words (`groupRanks`), address, unit,
        /// status, whether it is a tally, and whether it links or is linked to an event of its
        /// bucket within the window (only then can a link say two candidates differ).
        var groupWordStart: [Int32] = [], groupWordCount: [Int32] = []
        var groupRanks: [UInt32] = []
        var groupURL: [Int32] = [], groupUnit: [Int32] = []
        var groupStatus: [CaseStatus?] = []
        var groupTally: [Bool] = [], groupPartnered: [Bool] = []
    }

    /// The search on two cores; nil when the events' lines do not increase with their rows.
    static func searchOnTwoCores(_ events: EventTable, perEvent: Int, limit: Int?, comparisons: inout Int) -> DuplicateSearch? {
        let n = events.count
        guard n > 1, n < Int(Int32.max) else { return n > 1 ? nil : DuplicateSearch(pairs: [], total: 0) }
        let lines = events.lines.values
        for k in 1..<n where lines[k] <= lines[k - 1] { return nil }
        guard let p = prepare(events) else { return nil }
        // The buckets in two runs of about as many groups each.
        let groups = p.groupDay.count
        var cut = 0
        while cut < p.buckets.count && p.buckets[cut].upperBound * 2 < groups { cut += 1 }
        let halves = [0..<min(cut + 1, p.buckets.count), min(cut + 1, p.buckets.count)..<p.buckets.count]
        let (a, b) = Parallel.both(
            { walk(events, p, buckets: halves[0], perEvent: perEvent, limit: limit) },
            { walk(events, p, buckets: halves[1], perEvent: perEvent, limit: limit) })
        comparisons += a.comparisons + b.comparisons
        var pairs = a.pairs + b.pairs
        if let limit {
            pairs.sort { key($0) < key($1) }
            if pairs.count > limit { pairs.removeLast(pairs.count - max(0, limit)) }
        } else {
            pairs = ordered(pairs, events: n)
        }
        return DuplicateSearch(pairs: pairs, total: a.total + b.total)
    }

    @inline(__always) private static func key(_ p: DuplicatePair) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: p.first.raw)) << 32 | UInt64(UInt32(truncatingIfNeeded: p.second.raw))
    }

    /// Pairs by first row, then second: a counting sort by the first, then each run by the second.
    private static func ordered(_ pairs: [DuplicatePair], events n: Int) -> [DuplicatePair] {
        guard pairs.count > 1 else { return pairs }
        var start = [Int](repeating: 0, count: n + 1)
        for p in pairs { start[p.first.raw + 1] += 1 }
        for k in 0..<n { start[k + 1] += start[k] }
        var at = start
        var out = pairs
        for p in pairs { out[at[p.first.raw]] = p; at[p.first.raw] += 1 }
        for k in 0..<n where start[k + 1] - start[k] > 1 {
            out[start[k]..<start[k + 1]].sort { $0.second.raw < $1.second.raw }
        }
        return out
    }

    /// Orders the events, makes the words' ranks, the addresses' and units' numbers and the
    /// groups of identical candidates.
    private static func prepare(_ events: EventTable) -> Prepared? {
        let n = events.count
        let kinds = events.kinds.values, jurs = events.jurisdictions.values, dates = events.dates.values
        var maxJ = 0, minDay = Int.max, maxDay = Int.min
        for k in 0..<n {
            maxJ = max(maxJ, jurs[k].raw)
            let d = dates[k].anchor.ordinal
            minDay = min(minDay, d); maxDay = max(maxDay, d)
        }
        // Counting sorts need a span of days about the size of the data (any real dataset).
        guard maxDay - minDay < 4 * n + 100_000 else { return nil }
        let span = maxDay - minDay + 1
        let bucketCount = EventKind.allCases.count * (maxJ + 1)
        var bucketOf = [Int32](repeating: 0, count: n), dayOf = [Int32](repeating: 0, count: n)
        for k in 0..<n {
            bucketOf[k] = Int32(kinds[k].order * (maxJ + 1) + jurs[k].raw)
            dayOf[k] = Int32(dates[k].anchor.ordinal - minDay)
        }
        // By day, then (stably) by bucket: (bucket, day, row).
        var byDay = [Int32](repeating: 0, count: n)
        do {
            var start = [Int](repeating: 0, count: span + 1)
            for k in 0..<n { start[Int(dayOf[k]) + 1] += 1 }
            for d in 0..<span { start[d + 1] += start[d] }
            for k in 0..<n { let d = Int(dayOf[k]); byDay[start[d]] = Int32(k); start[d] += 1 }
        }
        var order = [Int32](repeating: 0, count: n)
        do {
            var start = [Int](repeating: 0, count: bucketCount + 1)
            for k in 0..<n { start[Int(bucketOf[k]) + 1] += 1 }
            for b in 0..<bucketCount { start[b + 1] += start[b] }
            for e in byDay { let b = Int(bucketOf[Int(e)]); order[start[b]] = e; start[b] += 1 }
        }
        byDay = []
        // Only events with a neighbour within the window take part.
        var near = [Bool](repeating: false, count: n)
        for i in 1..<n {
            let a = Int(order[i - 1]), b = Int(order[i])
            if bucketOf[a] == bucketOf[b] && dayOf[b] - dayOf[a] <= Int32(maxDaysApart) { near[a] = true; near[b] = true }
        }
        var p = Prepared()
        p.linked = [Bool](repeating: false, count: n)
        for k in 0..<n where near[k] {
            let l = events.links.values[k]
            if !l.isEmpty { p.linked[k] = true; for t in l where t.target.raw >= 0 && t.target.raw < n { p.linked[t.target.raw] = true } }
        }
        rankWords(events, near: near, into: &p)
        numberAddresses(events, near: near, into: &p)
        numberUnits(events, near: near, into: &p)
        group(events, order: order, bucketOf: bucketOf, dayOf: dayOf, near: near, into: &p)
        // Events linked to one of their own bucket within the window.
        var partnered = [Bool](repeating: false, count: n)
        for k in 0..<n where near[k] {
            for t in events.links.values[k] where t.target.raw >= 0 && t.target.raw < n {
                let o = t.target.raw
                if bucketOf[o] == bucketOf[k] && abs(Int(dayOf[o]) - Int(dayOf[k])) <= maxDaysApart { partnered[k] = true; partnered[o] = true }
            }
        }
        let groups = p.groupDay.count
        p.groupWordStart.reserveCapacity(groups); p.groupWordCount.reserveCapacity(groups)
        p.groupRanks.reserveCapacity(p.ranks.count)
        p.groupURL.reserveCapacity(groups); p.groupUnit.reserveCapacity(groups); p.groupStatus.reserveCapacity(groups)
        p.groupTally.reserveCapacity(groups); p.groupPartnered.reserveCapacity(groups)
        let statuses = events.statuses.values
        for g in 0..<groups {
            let r = Int(p.members[Int(p.groupStart[g])])
            let s = Int(p.wordStart[r]), c = Int(p.wordCount[r])
            p.groupWordStart.append(Int32(p.groupRanks.count)); p.groupWordCount.append(Int32(c))
            p.groupRanks += p.ranks[s..<s + c]
            p.groupURL.append(p.url[r]); p.groupUnit.append(p.unit[r]); p.groupStatus.append(statuses[r])
            p.groupTally.append(kinds[r] == .caseTally); p.groupPartnered.append(partnered[r])
        }
        p.ranks = []; p.wordStart = []; p.wordCount = []; p.url = []; p.unit = []
        return p
    }

    /// Each near event's title words, on two cores, as ranks: rarest first, ties by hash
    /// (the plain search's `prefix` order), each event's sorted.
    private static func rankWords(_ events: EventTable, near: [Bool], into p: inout Prepared) {
        let n = events.count
        let half = n / 2
        @Sendable func words(_ range: Range<Int>) -> (flat: [UInt64], count: [Int32]) {
            var flat: [UInt64] = [], count = [Int32](repeating: 0, count: range.count)
            flat.reserveCapacity(range.count * 8)
            for k in range where near[k] {
                let before = flat.count
                appendTitleWords(events.bytes(.title, EventIndex(k)), to: &flat)
                count[k - range.lowerBound] = Int32(flat.count - before)
            }
            return (flat, count)
        }
        let (a, b) = Parallel.both({ words(0..<half) }, { words(half..<n) })
        var hashes = a.flat
        hashes += b.flat
        p.wordCount = a.count + b.count
        p.wordStart = [Int32](repeating: 0, count: n)
        var at: Int32 = 0
        for k in 0..<n { p.wordStart[k] = at; at += p.wordCount[k] }
        // Distinct words and how many titles hold each (a title's words are distinct).
        var table = WordTable(capacity: 1024)
        var slotOf = [UInt32](repeating: 0, count: hashes.count)
        for (i, h) in hashes.enumerated() { slotOf[i] = table.count(h) }
        let distinct = table.keys.count
        var byRarity = Array(0..<distinct)
        byRarity.sort { (table.counts[$0], table.keys[$0]) < (table.counts[$1], table.keys[$1]) }
        var rank = [UInt32](repeating: 0, count: distinct)
        for (r, id) in byRarity.enumerated() { rank[id] = UInt32(r) }
        var ranks = [UInt32](repeating: 0, count: hashes.count)
        for i in 0..<hashes.count { ranks[i] = rank[Int(slotOf[i])] }
        for k in 0..<n where p.wordCount[k] > 1 {
            let s = Int(p.wordStart[k])
            ranks[s..<s + Int(p.wordCount[k])].sort()
        }
        p.ranks = ranks
        p.distinctWords = distinct
    }

    /// Word hashes to dense numbers, with how many titles hold each: open addressing (the keys
    /// are hashes already).
    private struct WordTable {
        var slots: [Int32]
        var keys: [UInt64] = []
        var counts: [Int] = []
        var mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [Int32](repeating: -1, count: size)
            mask = size - 1
        }

        /// Counts `h` once more; its number.
        mutating func count(_ h: UInt64) -> UInt32 {
            if keys.count * 2 >= slots.count { grow() }
            var i = Int(truncatingIfNeeded: ((h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while true {
                let s = slots[i]
                if s < 0 {
                    slots[i] = Int32(keys.count); keys.append(h); counts.append(1)
                    return UInt32(keys.count - 1)
                }
                if keys[Int(s)] == h { counts[Int(s)] += 1; return UInt32(s) }
                i = (i + 1) & mask
            }
        }

        private mutating func grow() {
            let size = slots.count * 2
            slots = [Int32](repeating: -1, count: size)
            mask = size - 1
            for (id, h) in keys.enumerated() {
                var i = Int(truncatingIfNeeded: ((h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(id)
            }
        }
    }

    /// Each near event's `source_url` as a number: equal bytes, equal numbers; 0 when empty.
    private static func numberAddresses(_ events: EventTable, near: [Bool], into p: inout Prepared) {
        let n = events.count
        p.url = [Int32](repeating: 0, count: n)
        var size = 16
        while size < n * 2 { size <<= 1 }
        let mask = size - 1
        var slots = [Int32](repeating: -1, count: size)  // an event holding the address
        var next: Int32 = 1
        for k in 0..<n where near[k] {
            let b = events.bytes(.sourceURL, EventIndex(k))
            guard !b.isEmpty else { continue }
            var h = fnvBasis
            for c in b { h = (h ^ UInt64(c)) &* fnvPrime }
            var i = Int(truncatingIfNeeded: h >> 7) & mask
            while true {
                let s = slots[i]
                if s < 0 { slots[i] = Int32(k); p.url[k] = next; next += 1; break }
                if events.bytes(.sourceURL, EventIndex(Int(s))).elementsEqual(b) { p.url[k] = p.url[Int(s)]; break }
                i = (i + 1) & mask
            }
        }
        p.distinctURLs = Int(next)
    }

    /// Each near case tally's unit, trimmed, as a number (as `String`s compare: canonically).
    private static func numberUnits(_ events: EventTable, near: [Bool], into p: inout Prepared) {
        let n = events.count
        p.unit = [Int32](repeating: 0, count: n)
        var known: [String: Int32] = [:]
        for k in 0..<n where near[k] && events.kinds.values[k] == .caseTally {
            let u = events.string(.unit, EventIndex(k)).trimmingSpaces
            if let id = known[u] { p.unit[k] = id } else { let id = Int32(known.count + 1); known[u] = id; p.unit[k] = id }
        }
    }

    /// Groups of identical candidates, as the plain search makes them: within one day of a
    /// bucket, in row order, an unlinked event joins the first group identical to it.
    private static func group(
        _ events: EventTable, order: [Int32], bucketOf: [Int32], dayOf: [Int32], near: [Bool],
        into p: inout Prepared
    ) {
        let n = events.count
        let statuses = events.statuses.values
        var groupOf = [Int32](repeating: -1, count: n)
        var reps: [Int32] = []  // each group's first member
        var sizes: [Int32] = []
        func same(_ a: Int, _ b: Int) -> Bool {
            guard p.url[a] == p.url[b], statuses[a] == statuses[b], p.unit[a] == p.unit[b], p.wordCount[a] == p.wordCount[b] else { return false }
            let sa = Int(p.wordStart[a]), sb = Int(p.wordStart[b]), c = Int(p.wordCount[a])
            for i in 0..<c where p.ranks[sa + i] != p.ranks[sb + i] { return false }
            return true
        }
        func hash(_ a: Int) -> Int {
            var h = Hasher()
            h.combine(p.url[a]); h.combine(statuses[a]); h.combine(p.unit[a])
            let s = Int(p.wordStart[a])
            for i in s..<s + Int(p.wordCount[a]) { h.combine(p.ranks[i]) }
            return h.finalize()
        }
        var i = 0
        while i < n {
            let bucket = bucketOf[Int(order[i])]
            let firstGroup = reps.count
            while i < n && bucketOf[Int(order[i])] == bucket {
                // One day of the bucket.
                let day = dayOf[Int(order[i])]
                let dayGroups = reps.count
                var seen: [Int: [Int32]] = [:]  // only for a day of many groups
                while i < n && bucketOf[Int(order[i])] == bucket && dayOf[Int(order[i])] == day {
                    let e = Int(order[i])
                    i += 1
                    guard near[e] else { continue }
                    if !p.linked[e] {
                        var found: Int32 = -1
                        if reps.count - dayGroups <= 16 {
                            for g in dayGroups..<reps.count where !p.linked[Int(reps[g])] && same(Int(reps[g]), e) { found = Int32(g); break }
                        } else {
                            if seen.isEmpty {
                                for g in dayGroups..<reps.count where !p.linked[Int(reps[g])] { seen[hash(Int(reps[g])), default: []].append(Int32(g)) }
                            }
                            let h = hash(e)
                            if let list = seen[h] { for g in list where same(Int(reps[Int(g)]), e) { found = g; break } }
                            if found < 0 { seen[h, default: []].append(Int32(reps.count)) }
                        }
                        if found >= 0 { groupOf[e] = found; sizes[Int(found)] += 1; continue }
                    }
                    groupOf[e] = Int32(reps.count)
                    reps.append(Int32(e)); sizes.append(1)
                    p.groupDay.append(day)
                }
            }
            p.buckets.append(firstGroup..<reps.count)
        }
        // Members of each group, by row (the order the rows come in within a day).
        var start = [Int32](repeating: 0, count: reps.count + 1)
        for g in 0..<reps.count { start[g + 1] = start[g] + sizes[g] }
        var at = start
        var members = [Int32](repeating: 0, count: Int(start[reps.count]))
        for e in order where groupOf[Int(e)] >= 0 {
            let g = Int(groupOf[Int(e)])
            members[Int(at[g])] = e; at[g] += 1
        }
        p.groupStart = start
        p.members = members
    }

    /// The plain search's walk over `buckets`, on one core.
    private static func walk(_ events: EventTable, _ p: Prepared, buckets: Range<Int>, perEvent: Int, limit: Int?) -> Part {
        guard !buckets.isEmpty else { return Part() }
        var w = Walker(events, p, buckets: buckets, perEvent: perEvent, limit: limit)
        w.run()
        return w.out
    }

    /// One core's walk: its state in one value, so that the loop's helpers mutate fields, not
    /// captured variables. Members are named by their place in `members`.
    private struct Walker {
        let events: EventTable
        let p: Prepared
        let buckets: Range<Int>
        let perEvent: Int32
        let cap: Int?
        let firstGroup: Int, firstMember: Int
        var out = Part()
        /// Pairs kept for each member (by place) as the later row.
        var kept: [Int32]
        var stamp: [Int32]
        // Lists of groups by word and by address, newest first (`nodeNext` links back); reset
        // per bucket by stamping the heads with the bucket.
        var wordHead: [Int32], wordHeadBucket: [Int32]
        var urlHead: [Int32], urlHeadBucket: [Int32]
        var nodeGroup: [Int32] = [], nodeNext: [Int32] = []
        var candidates: [Int32] = []
        // With a limit, only pairs below the limit-th smallest seen so far are kept.
        var threshold = UInt64.max

        init(_ events: EventTable, _ p: Prepared, buckets: Range<Int>, perEvent: Int, limit: Int?) {
            self.events = events
            self.p = p
            self.buckets = buckets
            self.perEvent = Int32(clamping: perEvent)
            cap = limit.map { max(0, $0) }
            firstGroup = p.buckets[buckets.lowerBound].lowerBound
            let groupEnd = p.buckets[buckets.upperBound - 1].upperBound
            firstMember = Int(p.groupStart[firstGroup])
            kept = [Int32](repeating: 0, count: Int(p.groupStart[groupEnd]) - firstMember)
            stamp = [Int32](repeating: -1, count: groupEnd - firstGroup)
            wordHead = [Int32](repeating: -1, count: p.distinctWords); wordHeadBucket = wordHead
            urlHead = [Int32](repeating: -1, count: p.distinctURLs); urlHeadBucket = urlHead
        }

        /// Keeps the pair of member x above member y (by place), unless y has enough.
        @inline(__always)
        mutating func keep(_ xi: Int, _ yi: Int, _ apart: Int, _ shared: Int, _ either: Int, _ sameURL: Bool) {
            guard kept[yi - firstMember] < perEvent else { return }
            kept[yi - firstMember] += 1
            let x = Int(p.members[xi]), y = Int(p.members[yi])
            if let cap {
                let k = UInt64(UInt32(truncatingIfNeeded: x)) << 32 | UInt64(UInt32(truncatingIfNeeded: y))
                guard k < threshold else { return }
                out.pairs.append(
                    DuplicatePair(
                        first: EventIndex(x), second: EventIndex(y), daysApart: apart, sharedWords: shared,
                        eitherWords: either, sameSourceURL: sameURL))
                if out.pairs.count >= 2 * cap + 1024 {
                    out.pairs.sort { key($0) < key($1) }
                    out.pairs.removeLast(out.pairs.count - cap)
                    threshold = out.pairs.last.map(key) ?? 0
                }
                return
            }
            out.pairs.append(
                DuplicatePair(
                    first: EventIndex(x), second: EventIndex(y), daysApart: apart, sharedWords: shared,
                    eitherWords: either, sameSourceURL: sameURL))
        }

        /// The pairs of each member of `mp` with the members of `mq` on rows above it.
        mutating func pairs(of mp: Range<Int>, with mq: Range<Int>, _ apart: Int, _ shared: Int, _ either: Int, _ sameURL: Bool) {
            for yi in mp {
                let y = p.members[yi]
                var j = mq.lowerBound
                while j < mq.upperBound && kept[yi - firstMember] < perEvent && p.members[j] < y {
                    keep(j, yi, apart, shared, either, sameURL); j += 1
                }
            }
        }

        /// The pairs between groups a (older) and b, or within a when a == b (rows are in lines' order).
        mutating func pairUp(_ a: Int, _ b: Int, _ apart: Int, _ shared: Int, _ either: Int, _ sameURL: Bool) {
            let ma = Int(p.groupStart[a])..<Int(p.groupStart[a + 1])
            if a == b {
                out.total += ma.count * (ma.count - 1) / 2
                for k in ma.dropFirst() {
                    var j = ma.lowerBound
                    while j < k && kept[k - firstMember] < perEvent { keep(j, k, apart, shared, either, sameURL); j += 1 }
                }
                return
            }
            let mb = Int(p.groupStart[b])..<Int(p.groupStart[b + 1])
            out.total += ma.count * mb.count
            if ma.count == 1 && mb.count == 1 {
                let xa = ma.lowerBound, xb = mb.lowerBound
                if p.members[xa] < p.members[xb] { keep(xa, xb, apart, shared, either, sameURL) } else { keep(xb, xa, apart, shared, either, sameURL) }
                return
            }
            pairs(of: ma, with: mb, apart, shared, either, sameURL)
            pairs(of: mb, with: ma, apart, shared, either, sameURL)
        }

        /// Adds the groups on `head`'s list within the window of day `rd` to the candidates.
        @inline(__always)
        mutating func gather(_ head: Int32, day rd: Int32, for g: Int) {
            var node = head
            while node >= 0 {
                let h = Int(nodeGroup[Int(node)])
                if rd - p.groupDay[h] > Int32(maxDaysApart) { break }
                if stamp[h - firstGroup] != Int32(g) { stamp[h - firstGroup] = Int32(g); candidates.append(Int32(h)) }
                node = nodeNext[Int(node)]
            }
        }

        /// Puts group g first on word w's list.
        mutating func push(_ g: Int, word w: Int, bucket: Int32) {
            let head = wordHeadBucket[w] == bucket ? wordHead[w] : -1
            wordHeadBucket[w] = bucket
            wordHead[w] = Int32(nodeGroup.count)
            nodeGroup.append(Int32(g)); nodeNext.append(head)
        }

        mutating func push(_ g: Int, url u: Int, bucket: Int32) {
            let head = urlHeadBucket[u] == bucket ? urlHead[u] : -1
            urlHeadBucket[u] = bucket
            urlHead[u] = Int32(nodeGroup.count)
            nodeGroup.append(Int32(g)); nodeNext.append(head)
        }

        mutating func run() {
            for bi in buckets {
                let bucketStamp = Int32(bi)
                for g in p.buckets[bi] {
                    let rd = p.groupDay[g]
                    let rURL = p.groupURL[g]
                    let ws = Int(p.groupWordStart[g]), wc = Int(p.groupWordCount[g])
                    let tokens = wc == 0 ? 0 : wc - (3 * wc + 4) / 5 + 1
                    candidates.removeAll(keepingCapacity: true)
                    for t in ws..<ws + tokens {
                        let w = Int(p.groupRanks[t])
                        if wordHeadBucket[w] == bucketStamp { gather(wordHead[w], day: rd, for: g) }
                    }
                    if rURL != 0 && urlHeadBucket[Int(rURL)] == bucketStamp { gather(urlHead[Int(rURL)], day: rd, for: g) }
                    if candidates.count > 1 { candidates.sort() }
                    for ci in candidates.indices {
                        let h = Int(candidates[ci])
                        out.comparisons += 1
                        let sameURL = rURL != 0 && rURL == p.groupURL[h]
                        // Shared and total distinct words (both sorted by rank).
                        let os = Int(p.groupWordStart[h]), oc = Int(p.groupWordCount[h])
                        var shared = 0
                        if oc == wc && (0..<wc).allSatisfy({ p.groupRanks[os + $0] == p.groupRanks[ws + $0] }) {
                            shared = wc
                        } else {
                            var i = os, j = ws
                            while i < os + oc && j < ws + wc {
                                let x = p.groupRanks[i], y = p.groupRanks[j]
                                if x == y { shared += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
                            }
                        }
                        let either = oc + wc - shared
                        let alike = either > 0 && 5 * shared >= 3 * either
                        guard alike || sameURL else { continue }
                        // The rows say they differ: a link between them, or tallies of two series.
                        if p.groupPartnered[h] && p.groupPartnered[g] {
                            let ea = EventIndex(Int(p.members[Int(p.groupStart[h])])), eb = EventIndex(Int(p.members[Int(p.groupStart[g])]))
                            if events.links[ea].contains(where: { $0.target == eb }) || events.links[eb].contains(where: { $0.target == ea }) { continue }
                        }
                        if p.groupTally[h] && (p.groupStatus[h] != p.groupStatus[g] || p.groupUnit[h] != p.groupUnit[g]) { continue }
                        pairUp(h, g, Int(rd - p.groupDay[h]), shared, either, sameURL)
                    }
                    // Within the group: identical words (alike unless empty) or one address.
                    if p.groupStart[g + 1] - p.groupStart[g] > 1 && (wc > 0 || rURL != 0) { pairUp(g, g, 0, wc, wc, rURL != 0) }
                    for t in ws..<ws + tokens { push(g, word: Int(p.groupRanks[t]), bucket: bucketStamp) }
                    if rURL != 0 { push(g, url: Int(rURL), bucket: bucketStamp) }
                }
                // A bucket's lists are not read again.
                nodeGroup.removeAll(keepingCapacity: true); nodeNext.removeAll(keepingCapacity: true)
            }
            if let cap, out.pairs.count > cap {
                out.pairs.sort { key($0) < key($1) }
                out.pairs.removeLast(out.pairs.count - cap)
            }
        }
    }
}
