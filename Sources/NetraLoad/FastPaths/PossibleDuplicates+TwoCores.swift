import NetraCore
import Synchronization

/// The possible-duplicates search of `PossibleDuplicates.search` made in time linear in the
/// events and on two cores, with the same result (`PossibleDuplicatesTests` holds the two to
/// the same pairs, in the same order, the same total and as many comparisons). What changes
/// is only how:
///
/// - the events are put in (kind, jurisdiction, day, row) order by two counting sorts, not a
///   comparison sort;
/// - titles are numbered by their bytes (a templated or generated dataset says a few thousand
///   titles a million times) and each distinct title's words are found once, ranked (rarest
///   first, ties by hash) and kept once in a flat array; titles with the same words are one
///   word set, so a title's prefix is its set's first ranks, identical words are one number,
///   and no dictionary is asked while comparing;
/// - addresses are numbered within their bucket (a pair never leaves its bucket), each
///   bucket's table small enough to stay in cache, on two cores; tally units once per
///   distinct cell;
/// - the buckets are walked in chunks of about as many groups each, handed to whichever core
///   is free (a pair never leaves its bucket, nor does an event's count of kept pairs);
/// - pairs are ordered by rows (the loader's rows are in line order), by a counting sort, or
///   only the first `limit` are kept as they come.
///
/// It applies when the events' lines increase with their rows (every loaded dataset); for
/// events made in code in another order it returns nil and the plain search runs.
extension PossibleDuplicates {
    /// What one chunk of buckets found.
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
        /// Word sets: `setRanks[setStart[s]..<setStart[s + 1]]`, sorted ranks (rarest first).
        var setStart: [Int32] = [0]
        var setRanks: [UInt32] = []
        var distinctWords = 0
        /// The most addresses of one bucket, plus one (0 is the empty address).
        var distinctURLs = 1
        /// What the walk reads of each group's first member, in group order: its word set,
        /// address (numbered within its bucket), unit, status, whether it is a tally, and
        /// the groups it links to or is linked from in its bucket within the window (only
        /// those can a link say it differs from): `partners[partnerStart[g]..<partnerStart[g + 1]]`.
        var groupSet: [Int32] = []
        var groupURL: [Int32] = [], groupUnit: [Int32] = []
        var groupStatus: [CaseStatus?] = []
        var groupTally: [Bool] = []
        var partnerStart: [Int32] = [0], partners: [Int32] = []
    }

    /// The text cells read through pointers into the store: a slice per cell would retain the
    /// store's buffer and give it back, atomically, on both cores at once.
    private struct Cells: @unchecked Sendable {
        let file: UnsafeBufferPointer<UInt8>, decoded: UnsafeBufferPointer<UInt8>
        let refs: UnsafeBufferPointer<EventTextRefs>

        @inline(__always) func bytes(_ r: TextRef) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: (r.isDecoded ? decoded : file)[r.range]))
        }
        @inline(__always) func title(_ k: Int) -> UnsafeRawBufferPointer { bytes(refs[k].title) }
        @inline(__always) func url(_ k: Int) -> UnsafeRawBufferPointer { bytes(refs[k].sourceURL) }
    }

    /// Runs `body` with the events' cells as pointers (valid only inside it).
    private static func withCells<R>(_ events: EventTable, _ body: (Cells) -> R) -> R {
        let file = events.text.file, decoded = events.text.decoded, refs = events.cells.values
        return file.withUnsafeBufferPointer { f in
            decoded.withUnsafeBufferPointer { d in
                refs.withUnsafeBufferPointer { r in body(Cells(file: f, decoded: d, refs: r)) }
            }
        }
    }

    /// How a bucket is walked: `cheapest` chooses by its windows and sets (see `Walker.run`);
    /// the tests make every dataset walk each way, held to the plain search.
    enum Walk: Sendable {
        case cheapest, scan, sets, lists
    }

    /// The search on two cores; nil when the events' lines do not increase with their rows.
    static func searchOnTwoCores(
        _ events: EventTable, perEvent: Int, limit: Int?, comparisons: inout Int, walk: Walk = .cheapest
    ) -> DuplicateSearch? {
        let n = events.count
        guard n > 1, n < Int(Int32.max) else { return n > 1 ? nil : DuplicateSearch(pairs: [], total: 0) }
        let lines = events.lines.values
        for k in 1..<n where lines[k] <= lines[k - 1] { return nil }
        guard let p = prepare(events) else { return nil }
        // Chunks of buckets of about as many groups each, taken by whichever core is free.
        let groups = p.groupDay.count
        let per = max(1, groups / 64)
        var chunks: [Range<Int>] = []
        var first = 0, size = 0
        for b in p.buckets.indices {
            size += p.buckets[b].count
            if size >= per { chunks.append(first..<b + 1); first = b + 1; size = 0 }
        }
        if first < p.buckets.count { chunks.append(first..<p.buckets.count) }
        let parts = Mutex<[Part]>([])
        let ranges = chunks
        Parallel.forEach(ranges.count) { c in
            let found = Self.walk(p, buckets: ranges[c], perEvent: perEvent, limit: limit, choice: walk)
            parts.withLock { $0.append(found) }
        }
        var pairs: [DuplicatePair] = []
        var total = 0
        for part in parts.withLock({ $0 }) {
            comparisons += part.comparisons
            total += part.total
            pairs += part.pairs
        }
        if let limit {
            pairs.sort { key($0) < key($1) }
            if pairs.count > limit { pairs.removeLast(pairs.count - max(0, limit)) }
        } else {
            pairs = ordered(pairs, events: n)
        }
        return DuplicateSearch(pairs: pairs, total: total)
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

    /// Orders the events, makes the word sets, the addresses' and units' numbers and the
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
        // Events that link or are linked to; and the links within a bucket and the window (only
        // those can say two candidates differ), read in one pass.
        var linked = [Bool](repeating: false, count: n)
        var links: [(Int32, Int32)] = []
        let allLinks = events.links.values
        for k in 0..<n where near[k] {
            let l = allLinks[k]
            guard !l.isEmpty else { continue }
            linked[k] = true
            for t in l where t.target.raw >= 0 && t.target.raw < n {
                let o = t.target.raw
                linked[o] = true
                if bucketOf[o] == bucketOf[k] && abs(Int(dayOf[o]) - Int(dayOf[k])) <= maxDaysApart { links.append((Int32(k), Int32(o))) }
            }
        }
        let (set, (url, alone)) = withCells(events) { cells in
            let set = wordSets(cells, near: near, into: &p)
            let url = numberAddresses(cells, order: order, bucketOf: bucketOf, near: near, into: &p)
            return (set, url)
        }
        let unit = numberUnits(events, near: near)
        let groupOf = group(
            events, order: order, bucketOf: bucketOf, dayOf: dayOf, near: near, linked: linked, set: set, url: url, alone: alone,
            unit: unit, into: &p)
        // Each group's partners: the groups of the events it links to or is linked from in its
        // own bucket within the window (such events are never grouped: one event a group).
        for i in links.indices { links[i] = (groupOf[Int(links[i].0)], groupOf[Int(links[i].1)]) }
        let groups = p.groupDay.count
        p.partnerStart = [Int32](repeating: 0, count: groups + 1)
        for (a, b) in links { p.partnerStart[Int(a) + 1] += 1; p.partnerStart[Int(b) + 1] += 1 }
        for g in 0..<groups { p.partnerStart[g + 1] += p.partnerStart[g] }
        p.partners = [Int32](repeating: 0, count: Int(p.partnerStart[groups]))
        var at = p.partnerStart
        for (a, b) in links {
            p.partners[Int(at[Int(a)])] = b; at[Int(a)] += 1
            p.partners[Int(at[Int(b)])] = a; at[Int(b)] += 1
        }
        let statuses = events.statuses.values, members = p.members, starts = p.groupStart
        let first = (0..<groups).map { Int(members[Int(starts[$0])]) }
        p.groupSet = first.map { set[$0] }
        p.groupURL = first.map { url[$0] }; p.groupUnit = first.map { unit[$0] }
        p.groupStatus = first.map { statuses[$0] }; p.groupTally = first.map { kinds[$0] == .caseTally }
        return p
    }

    /// A fast hash of a byte string (eight bytes at a step), the same on every run.
    @inline(__always) private static func hashBytes(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let raw = b.baseAddress else { return h }
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        while i < b.count { tail = tail << 8 | UInt64(b[i]); i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    @inline(__always) private static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let ra = a.baseAddress, let rb = b.baseAddress else { return true }
        var i = 0
        while i + 8 <= a.count {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < a.count { if a[i] != b[i] { return false }; i += 1 }
        return true
    }

    /// Byte strings numbered by their bytes, in order of first appearance (open addressing;
    /// the strings are pointers into the store, valid while the caller holds it: handed from
    /// one core to the other only inside `withCells`).
    private struct Interner: @unchecked Sendable {
        private var slots: [Int32]
        private var mask: Int
        private(set) var strings: [UnsafeRawBufferPointer] = []
        private(set) var hashes: [UInt64] = []
        /// Slots in use, to clear them alone (`clear`).
        private var used: [Int32] = []

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [Int32](repeating: -1, count: size)
            mask = size - 1
        }

        var count: Int { strings.count }

        /// The number of `b` (whose hash is `h`), a new one when it is new.
        @inline(__always) mutating func number(_ b: UnsafeRawBufferPointer, hash h: UInt64) -> Int32 {
            if strings.count * 2 >= slots.count { grow() }
            var i = Int(truncatingIfNeeded: h >> 7) & mask
            while true {
                let s = slots[i]
                if s < 0 {
                    slots[i] = Int32(strings.count); used.append(Int32(i))
                    strings.append(b); hashes.append(h)
                    return Int32(strings.count - 1)
                }
                if hashes[Int(s)] == h && sameBytes(strings[Int(s)], b) { return s }
                i = (i + 1) & mask
            }
        }

        /// Empty again, for `capacity` strings, clearing only the slots used.
        mutating func clear(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            if size > slots.count {
                slots = [Int32](repeating: -1, count: size)
            } else {
                for i in used { slots[Int(i)] = -1 }
            }
            used.removeAll(keepingCapacity: true)
            mask = size - 1
            strings.removeAll(keepingCapacity: true); hashes.removeAll(keepingCapacity: true)
        }

        private mutating func grow() {
            let size = (mask + 1) * 2
            if size > slots.count { slots = [Int32](repeating: -1, count: size) } else { for i in used { slots[Int(i)] = -1 } }
            mask = size - 1
            used.removeAll(keepingCapacity: true)
            for (id, h) in hashes.enumerated() {
                var i = Int(truncatingIfNeeded: h >> 7) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(id); used.append(Int32(i))
            }
        }
    }

    /// Each near event's title as a word set (its number is returned per event; -1 when not
    /// near): titles numbered by their bytes on two cores, each distinct title's words found
    /// once and ranked rarest first, ties by hash (the plain search's `prefix` order: how many
    /// near events' titles hold a word), and titles with the same words made one set.
    private static func wordSets(_ cells: Cells, near: [Bool], into p: inout Prepared) -> [Int32] {
        let n = near.count
        let half = n / 2
        // Titles by their bytes, in each half of the rows.
        @Sendable func titles(_ range: Range<Int>) -> (interner: Interner, of: [Int32], held: [Int]) {
            var t = Interner(capacity: 1024)
            var of = [Int32](repeating: -1, count: range.count)
            var held: [Int] = []
            for k in range where near[k] {
                let b = cells.title(k)
                let id = t.number(b, hash: hashBytes(b))
                if Int(id) == held.count { held.append(1) } else { held[Int(id)] += 1 }
                of[k - range.lowerBound] = id
            }
            return (t, of, held)
        }
        let (a, b) = Parallel.both({ titles(0..<half) }, { titles(half..<n) })
        // The second half's titles numbered as the first's.
        var all = a.interner
        var held = a.held
        var renumber = [Int32](repeating: 0, count: b.interner.count)
        for id in 0..<b.interner.count {
            let g = all.number(b.interner.strings[id], hash: b.interner.hashes[id])
            if Int(g) == held.count { held.append(0) }
            held[Int(g)] += b.held[id]
            renumber[id] = g
        }
        var titleOf = a.of
        titleOf.reserveCapacity(n)
        for t in b.of { titleOf.append(t < 0 ? -1 : renumber[Int(t)]) }
        // Each title's words, and how many near events' titles hold each.
        let titleCount = all.count
        var wordStart = [Int32](repeating: 0, count: titleCount + 1)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(titleCount * 8)
        for t in 0..<titleCount {
            appendTitleWords(all.strings[t], to: &hashes)
            wordStart[t + 1] = Int32(hashes.count)
        }
        var table = WordTable(capacity: 1024)
        var slotOf = [UInt32](repeating: 0, count: hashes.count)
        for t in 0..<titleCount {
            for i in Int(wordStart[t])..<Int(wordStart[t + 1]) { slotOf[i] = table.count(hashes[i], times: held[t]) }
        }
        let distinct = table.keys.count
        var byRarity = Array(0..<distinct)
        byRarity.sort { (table.counts[$0], table.keys[$0]) < (table.counts[$1], table.keys[$1]) }
        var rank = [UInt32](repeating: 0, count: distinct)
        for (r, id) in byRarity.enumerated() { rank[id] = UInt32(r) }
        var ranks = [UInt32](repeating: 0, count: hashes.count)
        for i in 0..<hashes.count { ranks[i] = rank[Int(slotOf[i])] }
        // Titles with the same ranks are one word set.
        var setOf = [Int32](repeating: 0, count: titleCount)
        ranks.withUnsafeMutableBufferPointer { ranks in
            var sets = Interner(capacity: titleCount)
            for t in 0..<titleCount {
                let s = Int(wordStart[t]), e = Int(wordStart[t + 1])
                if e - s > 1 { ranks[s..<e].sort() }
                let view = UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(ranks)[(s * 4)..<(e * 4)])
                let id = sets.number(view, hash: hashBytes(view))
                setOf[t] = id
                if Int(id) == p.setStart.count - 1 {
                    p.setRanks += ranks[s..<e]
                    p.setStart.append(Int32(p.setRanks.count))
                }
            }
        }
        p.distinctWords = distinct
        var set = titleOf
        for k in 0..<n where set[k] >= 0 { set[k] = setOf[Int(set[k])] }
        return set
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

        /// Counts `h` `times` more; its number.
        mutating func count(_ h: UInt64, times: Int) -> UInt32 {
            if keys.count * 2 >= slots.count { grow() }
            var i = Int(truncatingIfNeeded: ((h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while true {
                let s = slots[i]
                if s < 0 {
                    slots[i] = Int32(keys.count); keys.append(h); counts.append(times)
                    return UInt32(keys.count - 1)
                }
                if keys[Int(s)] == h { counts[Int(s)] += times; return UInt32(s) }
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

    /// Each near event's `source_url` as a number within its bucket (equal bytes, equal
    /// numbers; 0 when empty), on two cores: hashed in the rows' order (the file read as it
    /// lies), then numbered bucket by bucket, the bytes read again only when two hashes agree.
    /// Also says which events' addresses are their bucket's alone (such an event is identical
    /// to no other: `group` makes it a group without comparing).
    private static func numberAddresses(
        _ cells: Cells, order: [Int32], bucketOf: [Int32], near: [Bool], into p: inout Prepared
    ) -> (url: [Int32], alone: [Bool]) {
        let n = order.count
        var hashes = [UInt64](repeating: 0, count: n)  // 0: empty, or not near
        hashes.withUnsafeMutableBufferPointer { out in
            let shared = UnsafeTransfer(out)
            Parallel.forEach(2) { part in
                let out = shared.value
                for k in (part == 0 ? 0..<n / 2 : n / 2..<n) where near[k] {
                    let b = cells.url(k)
                    if !b.isEmpty { out[k] = max(1, hashBytes(b)) }
                }
            }
        }
        // The first bucket's start at or after the middle.
        var cut = n / 2
        while cut > 0 && cut < n && bucketOf[Int(order[cut])] == bucketOf[Int(order[cut - 1])] { cut += 1 }
        var url = [Int32](repeating: 0, count: n)
        var alone = [Bool](repeating: false, count: n)
        let hashed = hashes
        let most = url.withUnsafeMutableBufferPointer { out in
            alone.withUnsafeMutableBufferPointer { lone in
                let shared = UnsafeTransfer(out), sharedLone = UnsafeTransfer(lone)
                @Sendable func number(_ range: Range<Int>) -> Int {
                    let out = shared.value, lone = sharedLone.value
                    var t = Interner(capacity: 16)
                    var uses: [Int32] = []
                    var most = 0
                    var i = range.lowerBound
                    while i < range.upperBound {
                        let bucket = bucketOf[Int(order[i])]
                        var j = i
                        while j < range.upperBound && bucketOf[Int(order[j])] == bucket { j += 1 }
                        t.clear(capacity: j - i)
                        uses.removeAll(keepingCapacity: true)
                        for e in order[i..<j] {
                            let h = hashed[Int(e)]
                            guard h != 0 else { continue }
                            let id = t.number(cells.url(Int(e)), hash: h)
                            if Int(id) == uses.count { uses.append(1) } else { uses[Int(id)] += 1 }
                            out[Int(e)] = id + 1
                        }
                        for e in order[i..<j] where hashed[Int(e)] != 0 && uses[Int(out[Int(e)]) - 1] == 1 { lone[Int(e)] = true }
                        most = max(most, t.count)
                        i = j
                    }
                    return most
                }
                let middle = cut
                let (a, b) = Parallel.both({ number(0..<middle) }, { number(middle..<n) })
                return max(a, b)
            }
        }
        p.distinctURLs = most + 1
        return (url, alone)
    }

    /// Each near case tally's unit, trimmed, as a number (as `String`s compare: canonically),
    /// the `String` made once per distinct cell.
    private static func numberUnits(_ events: EventTable, near: [Bool]) -> [Int32] {
        let n = events.count
        var unit = [Int32](repeating: 0, count: n)
        var known: [String: Int32] = [:]
        var byCell: [Int32] = []  // per distinct cell: its unit's number
        withCells(events) { cells in
            var t = Interner(capacity: 16)
            for k in 0..<n where near[k] && events.kinds.values[k] == .caseTally {
                let b = cells.bytes(cells.refs[k].unit)
                let cell = Int(t.number(b, hash: hashBytes(b)))
                if cell == byCell.count {
                    let u = String(decoding: b, as: UTF8.self).trimmingSpaces
                    if let id = known[u] { byCell.append(id) } else { let id = Int32(known.count + 1); known[u] = id; byCell.append(id) }
                }
                unit[k] = byCell[cell]
            }
        }
        return unit
    }

    /// Groups of identical candidates, as the plain search makes them: within one day of a
    /// bucket, in row order, an unlinked event joins the first group identical to it (one whose
    /// address is its bucket's alone is identical to none: not compared). Returns each event's
    /// group (-1 when not near).
    private static func group(
        _ events: EventTable, order: [Int32], bucketOf: [Int32], dayOf: [Int32], near: [Bool], linked: [Bool],
        set: [Int32], url: [Int32], alone: [Bool], unit: [Int32], into p: inout Prepared
    ) -> [Int32] {
        let n = events.count
        let statuses = events.statuses.values
        var groupOf = [Int32](repeating: -1, count: n)
        var reps: [Int32] = []  // each group's first member
        var sizes: [Int32] = []
        func same(_ a: Int, _ b: Int) -> Bool {
            set[a] == set[b] && url[a] == url[b] && statuses[a] == statuses[b] && unit[a] == unit[b]
        }
        func hash(_ a: Int) -> Int {
            var h = Hasher()
            h.combine(url[a]); h.combine(statuses[a]); h.combine(unit[a]); h.combine(set[a])
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
                    if !linked[e] && !alone[e] {
                        var found: Int32 = -1
                        if reps.count - dayGroups <= 16 {
                            for g in dayGroups..<reps.count where !linked[Int(reps[g])] && same(Int(reps[g]), e) { found = Int32(g); break }
                        } else {
                            if seen.isEmpty {
                                for g in dayGroups..<reps.count where !linked[Int(reps[g])] { seen[hash(Int(reps[g])), default: []].append(Int32(g)) }
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
        return groupOf
    }

    /// The plain search's walk over `buckets`, on one core.
    private static func walk(_ p: Prepared, buckets: Range<Int>, perEvent: Int, limit: Int?, choice: Walk) -> Part {
        guard !buckets.isEmpty else { return Part() }
        var w = Walker(p, buckets: buckets, perEvent: perEvent, limit: limit, choice: choice)
        defer { w.deallocate() }
        w.run()
        return w.out
    }

    /// The widest window (groups of a bucket within `maxDaysApart` days before one), on
    /// average, for which a bucket's windows are read group by group.
    static let scannedWindow = 8

    /// The cheapest walk of a bucket's groups (`range`, of `sets` word sets): reading each
    /// window costs its groups (the sum of the windows), walking by sets the pairs of sets.
    private static func cheapest(_ p: Prepared, _ range: Range<Int>, sets: Int) -> Walk {
        var lo = range.lowerBound, windows = 0
        for g in range {
            while p.groupDay[g] - p.groupDay[lo] > Int32(maxDaysApart) { lo += 1 }
            windows += g - lo
        }
        return windows <= scannedWindow * range.count ? .scan : sets * sets <= windows ? .sets : .lists
    }

    /// The walk `cheapest` gives each bucket that has groups, in order (what the tests read).
    static func cheapestWalks(_ events: EventTable) -> [Walk] {
        guard let p = prepare(events) else { return [] }
        return p.buckets.filter { !$0.isEmpty }.map { range in
            cheapest(p, range, sets: Set(range.map { p.groupSet[$0] }).count)
        }
    }

    /// One core's walk: its state in one value, so that the loop's helpers mutate fields, not
    /// captured variables. Members are named by their place in `members`.
    ///
    /// A bucket whose windows are narrow (a generated or real dataset: a few events a day) is
    /// walked by reading every group of each window: a candidate is one whose prefix shares a
    /// word with the group's, or that has its address, as the word lists would give it, and
    /// they come oldest first without gathering or sorting. A wide window (thousands of events
    /// on one day) is walked through the lists, as the plain search does.
    private struct Walker {
        let p: Prepared
        let buckets: Range<Int>
        let perEvent: Int32
        let cap: Int?
        let choice: Walk
        let firstGroup: Int, firstMember: Int
        var out = Part()
        /// Pairs kept for each member (by place) as the later row; the group each group was last
        /// gathered for (pointers: written in the inner loops, without a uniqueness check each time).
        let kept: UnsafeMutableBufferPointer<Int32>
        let stamp: UnsafeMutableBufferPointer<Int32>
        // Lists of groups by word and by address, newest first (`nodeNext` links back); reset
        // per bucket by stamping the heads with the bucket.
        var wordHead: [Int32], wordHeadBucket: [Int32]
        var urlHead: [Int32], urlHeadBucket: [Int32]
        var nodeGroup: [Int32] = [], nodeNext: [Int32] = []
        var candidates: [Int32] = []
        // With a limit, only pairs below the limit-th smallest seen so far are kept.
        var threshold = UInt64.max
        /// For the pairs of sets met last (a bucket's candidates hold a few sets many times
        /// over), by the two sets' numbers, direct-mapped: the words they share times two, plus
        /// one when their prefixes share a word.
        let memoKey: UnsafeMutableBufferPointer<Int64>, memoValue: UnsafeMutableBufferPointer<Int32>
        /// The bucket's sets: each set's number within the bucket (valid where `setBucket` is
        /// the bucket), and back.
        let setLocal: UnsafeMutableBufferPointer<Int32>, setBucket: UnsafeMutableBufferPointer<Int32>
        var localSets: [Int32] = []
        // Walking by sets: the bucket's groups by set (set i's walked so far are
        // `bySet[setLo[i]..<setEnd[i]]` from the first within the window), as many as the
        // largest bucket's groups; each set's candidate sets
        // (`candidateSets[candidateStart[i]..<candidateStart[i + 1]]`: a set times two, plus one
        // when alike) with the words each shares.
        let bySet: UnsafeMutableBufferPointer<Int32>, setLo: UnsafeMutableBufferPointer<Int32>
        let setEnd: UnsafeMutableBufferPointer<Int32>
        var candidateStart: [Int32] = [], candidateSets: [Int32] = [], candidateShared: [Int32] = []
        /// The candidates that match, oldest first: a group times 2³², plus the words shared.
        let matched: UnsafeMutableBufferPointer<UInt64>

        init(_ p: Prepared, buckets: Range<Int>, perEvent: Int, limit: Int?, choice: Walk) {
            self.p = p
            self.choice = choice
            self.buckets = buckets
            self.perEvent = Int32(clamping: perEvent)
            cap = limit.map { max(0, $0) }
            firstGroup = p.buckets[buckets.lowerBound].lowerBound
            let groupEnd = p.buckets[buckets.upperBound - 1].upperBound
            firstMember = Int(p.groupStart[firstGroup])
            kept = .allocate(capacity: Int(p.groupStart[groupEnd]) - firstMember)
            kept.initialize(repeating: 0)
            stamp = .allocate(capacity: groupEnd - firstGroup)
            stamp.initialize(repeating: -1)
            memoKey = .allocate(capacity: 1024)
            memoKey.initialize(repeating: -1)
            memoValue = .allocate(capacity: 1024)
            memoValue.initialize(repeating: 0)
            let sets = p.setStart.count - 1
            setLocal = .allocate(capacity: sets)
            setLocal.initialize(repeating: 0)
            setBucket = .allocate(capacity: sets)
            setBucket.initialize(repeating: -1)
            let largest = buckets.map { p.buckets[$0].count }.max() ?? 0
            bySet = .allocate(capacity: largest); setLo = .allocate(capacity: largest); setEnd = .allocate(capacity: largest)
            matched = .allocate(capacity: largest)
            wordHead = [Int32](repeating: -1, count: p.distinctWords); wordHeadBucket = wordHead
            urlHead = [Int32](repeating: -1, count: p.distinctURLs); urlHeadBucket = urlHead
        }

        func deallocate() {
            kept.deallocate(); stamp.deallocate(); memoKey.deallocate(); memoValue.deallocate()
            setLocal.deallocate(); setBucket.deallocate()
            bySet.deallocate(); setLo.deallocate(); setEnd.deallocate(); matched.deallocate()
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
        @inline(__always)
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

        /// How many of a set's words are its prefix (the plain search's `prefix`).
        @inline(__always) static func prefixLength(_ c: Int) -> Int { c == 0 ? 0 : c - (3 * c + 4) / 5 + 1 }

        /// Sets rs and hs (two sets): the words they share times two, plus one when their
        /// prefixes share a word (a shared word at places below both prefixes' lengths).
        @inline(__always)
        mutating func relation(_ rs: Int32, _ hs: Int32) -> Int {
            let memo = Int64(rs) << 32 | Int64(hs)
            let slot = Int(truncatingIfNeeded: (UInt64(bitPattern: memo) &* 0x9E37_79B9_7F4A_7C15) >> 54)
            if memoKey[slot] == memo { return Int(memoValue[slot]) }
            let ws = Int(p.setStart[Int(rs)]), we = Int(p.setStart[Int(rs) + 1])
            let os = Int(p.setStart[Int(hs)]), oe = Int(p.setStart[Int(hs) + 1])
            let wt = ws + Self.prefixLength(we - ws), ot = os + Self.prefixLength(oe - os)
            var i = os, j = ws, shared = 0, share = 0
            while i < oe && j < we {
                let x = p.setRanks[i], y = p.setRanks[j]
                if x == y {
                    if i < ot && j < wt { share = 1 }
                    shared += 1; i += 1; j += 1
                } else if x < y {
                    i += 1
                } else {
                    j += 1
                }
            }
            memoKey[slot] = memo; memoValue[slot] = Int32(shared * 2 + share)
            return shared * 2 + share
        }

        /// Compares group g (of `wc` words and address rURL, on day rd) with the older
        /// candidate h (of `oc` words, `shared` with g's), and pairs them up when they match.
        @inline(__always)
        mutating func compare(_ h: Int, _ g: Int, day rd: Int32, url rURL: Int32, shared: Int, words wc: Int, others oc: Int) {
            out.comparisons += 1
            let sameURL = rURL != 0 && rURL == p.groupURL[h]
            let either = oc + wc - shared
            let alike = either > 0 && 5 * shared >= 3 * either
            guard alike || sameURL else { return }
            // The rows say they differ: a link between them, or tallies of two series.
            let ps = Int(p.partnerStart[g]), pe = Int(p.partnerStart[g + 1])
            if ps < pe && linked(p.partners, ps..<pe, h) { return }
            if p.groupTally[h] && (p.groupStatus[h] != p.groupStatus[g] || p.groupUnit[h] != p.groupUnit[g]) { return }
            pairUp(h, g, Int(rd - p.groupDay[h]), shared, either, sameURL)
        }

        /// True when group h is among `partners[range]`.
        @inline(__always) func linked(_ partners: [Int32], _ range: Range<Int>, _ h: Int) -> Bool {
            for i in range where partners[i] == Int32(h) { return true }
            return false
        }

        @inline(__always) func words(_ s: Int32) -> Int { Int(p.setStart[Int(s) + 1] - p.setStart[Int(s)]) }

        mutating func run() {
            for bi in buckets {
                let range = p.buckets[bi], bucket = Int32(bi)
                // How wide its windows are, and how many sets it holds: the cheapest walk.
                localSets.removeAll(keepingCapacity: true)
                for g in range {
                    let s = Int(p.groupSet[g])
                    if setBucket[s] != bucket { setBucket[s] = bucket; setLocal[s] = Int32(localSets.count); localSets.append(Int32(s)) }
                }
                let how = choice == .cheapest ? cheapest(p, range, sets: localSets.count) : choice
                switch how {
                case .scan: scan(range)
                case .sets: walkSets(range, bucket: bucket)
                case .lists, .cheapest: walkLists(range, bucket: bucket)
                }
            }
            if let cap, out.pairs.count > cap {
                out.pairs.sort { key($0) < key($1) }
                out.pairs.removeLast(out.pairs.count - cap)
            }
        }

        @inline(__always) func alike(_ shared: Int, _ either: Int) -> Bool { either > 0 && 5 * shared >= 3 * either }

        /// A bucket of wide windows and few sets (a templated dataset): each group against the
        /// groups of its window set by set, a set whose prefix shares no word with the group's
        /// skipped whole, one whose words are not alike counted and skipped (its groups of the
        /// same address are found on the address's list).
        mutating func walkSets(_ range: Range<Int>, bucket: Int32) {
            let m = localSets.count
            for i in 0..<m { setEnd[i] = 0 }
            for g in range { setEnd[Int(setLocal[Int(p.groupSet[g])])] += 1 }
            var first: Int32 = 0
            for i in 0..<m {
                let c = setEnd[i]
                setLo[i] = first; setEnd[i] = first
                first += c
            }
            candidateStart.removeAll(keepingCapacity: true); candidateSets.removeAll(keepingCapacity: true)
            candidateShared.removeAll(keepingCapacity: true)
            candidateStart.append(0)
            for i in 0..<m {
                let si = localSets[i]
                for j in 0..<m {
                    let sj = localSets[j]
                    let r = relation(si, sj)
                    guard r & 1 == 1 else { continue }
                    let shared = r >> 1
                    let either = words(si) + words(sj) - shared
                    candidateSets.append(Int32(j * 2 + (alike(shared, either) ? 1 : 0))); candidateShared.append(Int32(shared))
                }
                candidateStart.append(Int32(candidateSets.count))
            }
            for g in range {
                let rd = p.groupDay[g], rURL = p.groupURL[g], rs = p.groupSet[g]
                let wc = words(rs), l = Int(setLocal[Int(rs)])
                var count = 0
                var sources = 0
                for c in Int(candidateStart[l])..<Int(candidateStart[l + 1]) {
                    let j = Int(candidateSets[c] >> 1)
                    var s = Int(setLo[j])
                    let e = Int(setEnd[j])
                    while s < e && rd - p.groupDay[Int(bySet[s])] > Int32(maxDaysApart) { s += 1 }
                    setLo[j] = Int32(s)
                    guard s < e else { continue }
                    out.comparisons += e - s
                    guard candidateSets[c] & 1 == 1 else { continue }
                    sources += 1
                    let shared = UInt64(UInt32(candidateShared[c]))
                    for k in s..<e {
                        matched[count] = UInt64(UInt32(bySet[k])) << 32 | shared
                        count += 1
                    }
                }
                // Groups of the same address: those whose prefix shares no word were no
                // candidates above; those not alike were skipped.
                if rURL != 0 && urlHeadBucket[Int(rURL)] == bucket {
                    var node = urlHead[Int(rURL)]
                    while node >= 0 {
                        let h = Int(nodeGroup[Int(node)])
                        if rd - p.groupDay[h] > Int32(maxDaysApart) { break }
                        let hs = p.groupSet[h]
                        let r = hs == rs ? wc * 2 + (wc > 0 ? 1 : 0) : relation(rs, hs)
                        let shared = r >> 1
                        if r & 1 == 0 { out.comparisons += 1 }
                        if r & 1 == 0 || !alike(shared, words(hs) + wc - shared) {
                            matched[count] = UInt64(UInt32(h)) << 32 | UInt64(UInt32(shared))
                            count += 1
                            sources = 2
                        }
                        node = nodeNext[Int(node)]
                    }
                }
                if sources > 1 { matched[0..<count].sort() }
                let ps = Int(p.partnerStart[g]), pe = Int(p.partnerStart[g + 1])
                let gm = Int(p.groupStart[g]), single = p.groupStart[g + 1] - p.groupStart[g] == 1
                for v in matched[0..<count] {
                    let h = Int(v >> 32), shared = Int(v & 0xFFFF_FFFF)
                    let sameURL = rURL != 0 && rURL == p.groupURL[h]
                    let either = words(p.groupSet[h]) + wc - shared
                    // The rows say they differ: a link between them, or tallies of two series.
                    if ps < pe && linked(p.partners, ps..<pe, h) { continue }
                    if p.groupTally[h] && (p.groupStatus[h] != p.groupStatus[g] || p.groupUnit[h] != p.groupUnit[g]) { continue }
                    let hm = Int(p.groupStart[h])
                    if single && p.groupStart[h + 1] - p.groupStart[h] == 1 {
                        // One event each (every row with its own address): one pair.
                        out.total += 1
                        let apart = Int(rd - p.groupDay[h])
                        if p.members[hm] < p.members[gm] { keep(hm, gm, apart, shared, either, sameURL) } else { keep(gm, hm, apart, shared, either, sameURL) }
                    } else {
                        pairUp(h, g, Int(rd - p.groupDay[h]), shared, either, sameURL)
                    }
                }
                // Within the group: identical words (alike unless empty) or one address.
                if p.groupStart[g + 1] - p.groupStart[g] > 1 && (wc > 0 || rURL != 0) { pairUp(g, g, 0, wc, wc, rURL != 0) }
                bySet[Int(setEnd[l])] = Int32(g); setEnd[l] += 1
                if rURL != 0 { push(g, url: Int(rURL), bucket: bucket) }
            }
            nodeGroup.removeAll(keepingCapacity: true); nodeNext.removeAll(keepingCapacity: true)
        }

        /// A bucket of narrow windows: each group against every older one of its window.
        mutating func scan(_ range: Range<Int>) {
            var lo = range.lowerBound
            for g in range {
                let rd = p.groupDay[g], rURL = p.groupURL[g], rs = p.groupSet[g]
                let wc = words(rs)
                while rd - p.groupDay[lo] > Int32(maxDaysApart) { lo += 1 }
                for h in lo..<g {
                    let hs = p.groupSet[h]
                    var shared = wc, share = wc > 0
                    if hs != rs {
                        let r = relation(rs, hs)
                        shared = r >> 1; share = r & 1 != 0
                    }
                    guard share || (rURL != 0 && rURL == p.groupURL[h]) else { continue }
                    compare(h, g, day: rd, url: rURL, shared: shared, words: wc, others: words(hs))
                }
                // Within the group: identical words (alike unless empty) or one address.
                if p.groupStart[g + 1] - p.groupStart[g] > 1 && (wc > 0 || rURL != 0) { pairUp(g, g, 0, wc, wc, rURL != 0) }
            }
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

        /// The candidates oldest first: few, so by insertion.
        mutating func sortCandidates() {
            let c = candidates.count
            if c > 32 { candidates.sort(); return }
            var i = 1
            while i < c {
                let v = candidates[i]
                var j = i
                while j > 0 && candidates[j - 1] > v { candidates[j] = candidates[j - 1]; j -= 1 }
                candidates[j] = v
                i += 1
            }
        }

        /// A bucket of wide windows: each group's candidates gathered from the lists of its
        /// prefix's words and of its address.
        mutating func walkLists(_ range: Range<Int>, bucket bucketStamp: Int32) {
            for g in range {
                let rd = p.groupDay[g]
                let rURL = p.groupURL[g]
                let rs = p.groupSet[g]
                let ws = Int(p.setStart[Int(rs)]), wc = Int(p.setStart[Int(rs) + 1]) - ws
                let tokens = Self.prefixLength(wc)
                candidates.removeAll(keepingCapacity: true)
                for t in ws..<ws + tokens {
                    let w = Int(p.setRanks[t])
                    if wordHeadBucket[w] == bucketStamp { gather(wordHead[w], day: rd, for: g) }
                }
                if rURL != 0 && urlHeadBucket[Int(rURL)] == bucketStamp { gather(urlHead[Int(rURL)], day: rd, for: g) }
                if candidates.count > 1 { sortCandidates() }
                for ci in candidates.indices {
                    let h = Int(candidates[ci])
                    let hs = p.groupSet[h]
                    let shared = hs == rs ? wc : relation(rs, hs) >> 1
                    compare(h, g, day: rd, url: rURL, shared: shared, words: wc, others: words(hs))
                }
                // Within the group: identical words (alike unless empty) or one address.
                if p.groupStart[g + 1] - p.groupStart[g] > 1 && (wc > 0 || rURL != 0) { pairUp(g, g, 0, wc, wc, rURL != 0) }
                for t in ws..<ws + tokens { push(g, word: Int(p.setRanks[t]), bucket: bucketStamp) }
                if rURL != 0 { push(g, url: Int(rURL), bucket: bucketStamp) }
            }
            // A bucket's lists are not read again.
            nodeGroup.removeAll(keepingCapacity: true); nodeNext.removeAll(keepingCapacity: true)
        }
    }
}
