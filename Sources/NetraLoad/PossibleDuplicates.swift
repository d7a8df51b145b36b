import NetraCore

/// Two events that may be the same event entered twice: same kind and jurisdiction, anchors
/// at most `maxDaysApart` days apart, and titles alike or the same non-empty `source_url`;
/// unless the rows say they differ (one links to the other; tallies of different series).
/// Kept in 32-bit fields: a dense generated dataset can hold millions of pairs.
public struct DuplicatePair: Sendable, Equatable {
    private var firstRow: Int32, secondRow: Int32
    private var days: Int8
    /// True when both rows give the same non-empty `source_url`.
    public var sameSourceURL: Bool
    private var shared: Int32, either: Int32

    /// The event on the earlier line.
    public var first: EventIndex { EventIndex(Int(firstRow)) }
    /// The event on the later line.
    public var second: EventIndex { EventIndex(Int(secondRow)) }
    /// Days between their anchors (0 to `PossibleDuplicates.maxDaysApart`).
    public var daysApart: Int { Int(days) }
    /// Words the two titles share, and words in either (`shared / either` is their Jaccard
    /// index; 0 / 0 for two empty titles).
    public var sharedWords: Int { Int(shared) }
    public var eitherWords: Int { Int(either) }

    /// Rows fit in 32 bits (a file under 4 GiB); words are capped (a 64 KiB title has fewer).
    public init(first: EventIndex, second: EventIndex, daysApart: Int, sharedWords: Int, eitherWords: Int, sameSourceURL: Bool) {
        firstRow = Int32(truncatingIfNeeded: first.raw); secondRow = Int32(truncatingIfNeeded: second.raw)
        days = Int8(clamping: daysApart)
        shared = Int32(clamping: sharedWords); either = Int32(clamping: eitherWords)
        self.sameSourceURL = sameSourceURL
    }

    /// The titles' word-set Jaccard index in hundredths, rounded half up (0 for two empty titles).
    public var similarityHundredths: Int {
        eitherWords == 0 ? 0 : (sharedWords * 200 + eitherWords) / (2 * eitherWords)
    }

    /// `0.67`: the Jaccard index with two decimals.
    public var similarityText: String {
        let h = similarityHundredths
        return "\(h / 100).\(h % 100 < 10 ? "0" : "")\(h % 100)"
    }

    /// True when the titles are alike: Jaccard ≥ 0.6, by integers (3/5 exactly counts).
    public var titlesAlike: Bool { eitherWords > 0 && 5 * sharedWords >= 3 * eitherWords }
}

/// What the search found: the pairs kept (at most `PossibleDuplicates.maxPairsPerEvent` for
/// each event as the later row), and how many pairs there are in all.
public struct DuplicateSearch: Sendable {
    public var pairs: [DuplicatePair]
    public var total: Int
}

/// Finds possible duplicates (ACLED's rule of one event per actors, day and place; the same
/// story entered twice from two outlets) without comparing every pair, in time and memory that
/// grow with the events, not their square:
///
/// - events are bucketed by kind and jurisdiction and walked in date order; each is compared
///   only with earlier ones of its bucket within `maxDaysApart` days that could match: that
///   share the same `source_url`, or a word among the rarest of each title (the prefix filter:
///   two titles with a Jaccard index of 0.6 or more share a word among the first |x| − ⌈0.6·|x|⌉ + 1
///   of each, words ordered by how few titles hold them), so a common word ("ASN") never makes
///   every title a candidate of every other;
/// - identical candidates (same day, words, address, status and unit, no links) are one group,
///   compared once: ten thousand copies of one event are one comparison and a count;
/// - at most `maxPairsPerEvent` pairs are kept for each event as the later row; `total`
///   counts them all.
public enum PossibleDuplicates {
    /// The most days between two anchors for a pair to count.
    public static let maxDaysApart = 3
    /// The most pairs kept for one event (as the later row): ten thousand copies of one event
    /// are fifty million pairs, which no one reads.
    public static let maxPairsPerEvent = 10

    /// The pairs kept, sorted by the first event's line, then the second's.
    public static func find(_ events: EventTable) -> [DuplicatePair] { search(events).pairs }

    /// `find`, counting the comparisons it made (what the test of its cost reads).
    static func find(_ events: EventTable, comparisons: inout Int) -> [DuplicatePair] {
        search(events, comparisons: &comparisons).pairs
    }

    /// How the search runs: `plain` is the bucketed search below, on one core;
    /// `twoCores` (FastPaths/PossibleDuplicates+TwoCores.swift) finds the same pairs in time
    /// linear in the events, on two cores, and falls back to `plain` where it does not apply.
    public enum Speed: Sendable {
        case plain
        case twoCores
    }

    /// The pairs kept and the count of all of them. With `limit`, only the first `limit`
    /// pairs (in the same order) are returned; `total` still counts them all.
    public static func search(
        _ events: EventTable, perEvent: Int = maxPairsPerEvent, limit: Int? = nil,
        speed: Speed = .twoCores
    ) -> DuplicateSearch {
        var comparisons = 0
        return search(events, perEvent: perEvent, limit: limit, speed: speed, comparisons: &comparisons)
    }

    /// `search`, counting the comparisons it made.
    static func search(
        _ events: EventTable, perEvent: Int = maxPairsPerEvent, limit: Int?, speed: Speed,
        comparisons: inout Int
    ) -> DuplicateSearch {
        if speed == .twoCores,
            let found = searchOnTwoCores(events, perEvent: perEvent, limit: limit, comparisons: &comparisons)
        {
            return found
        }
        var found = search(events, perEvent: perEvent, comparisons: &comparisons)
        if let limit, found.pairs.count > max(0, limit) { found.pairs.removeLast(found.pairs.count - max(0, limit)) }
        return found
    }

    /// What makes two candidates the same for the search: they pair with every other event
    /// alike, and with each other.
    private struct Identity: Hashable {
        var day: Int
        var words: [UInt64]
        var url: [UInt8]
        var status: CaseStatus?
        var unit: String
    }

    static func search(_ events: EventTable, perEvent: Int = maxPairsPerEvent, comparisons: inout Int) -> DuplicateSearch {
        let n = events.count
        guard n > 1 else { return DuplicateSearch(pairs: [], total: 0) }
        // (kind, jurisdiction, anchor, row): a bucket is a run of equal kind and jurisdiction.
        var order = Array(0..<n)
        let kinds = events.kinds, jurs = events.jurisdictions, dates = events.dates
        order.sort { a, b in
            let ka = kinds.values[a].order, kb = kinds.values[b].order
            if ka != kb { return ka < kb }
            let ja = jurs.values[a].raw, jb = jurs.values[b].raw
            if ja != jb { return ja < jb }
            let da = dates.values[a].anchor.ordinal, db = dates.values[b].anchor.ordinal
            if da != db { return da < db }
            return a < b
        }
        func sameBucket(_ a: Int, _ b: Int) -> Bool { kinds.values[a] == kinds.values[b] && jurs.values[a] == jurs.values[b] }
        func day(_ a: Int) -> Int { dates.values[a].anchor.ordinal }
        // Only events with a neighbour within the window take part (word sets made for them alone).
        var near = [Bool](repeating: false, count: n)
        for i in 1..<n {
            let a = order[i - 1], b = order[i]
            if sameBucket(a, b) && day(b) - day(a) <= maxDaysApart { near[a] = true; near[b] = true }
        }
        // An event that links or is linked to may differ from one copy and not another: never grouped.
        var linked = [Bool](repeating: false, count: n)
        for k in 0..<n where near[k] {
            let l = events.links.values[k]
            if !l.isEmpty { linked[k] = true; for t in l where t.target.raw >= 0 && t.target.raw < n { linked[t.target.raw] = true } }
        }
        var words = [[UInt64]](repeating: [], count: n)
        var frequency: [UInt64: Int] = [:]
        for k in 0..<n where near[k] {
            words[k] = titleWords(events.bytes(.title, EventIndex(k)))
            for w in words[k] { frequency[w, default: 0] += 1 }
        }
        // Groups of identical candidates, in date order within each bucket.
        var members: [[Int]] = []
        var groupOf = [Int](repeating: -1, count: n)
        var i = 0
        var buckets: [Range<Int>] = []  // runs of groups
        while i < n {
            let a = order[i]
            var j = i
            let firstGroup = members.count
            while j < n && sameBucket(order[j], a) {
                // One day of the bucket: identical events made one group.
                var k = j
                var seen: [Identity: Int] = [:]
                while k < n && sameBucket(order[k], a) && day(order[k]) == day(order[j]) {
                    let e = order[k]
                    k += 1
                    guard near[e] else { continue }
                    let ei = EventIndex(e)
                    if !linked[e] {
                        let id = Identity(
                            day: day(e), words: words[e], url: Array(events.bytes(.sourceURL, ei)), status: events.statuses[ei],
                            unit: events.kinds[ei] == .caseTally ? events.string(.unit, ei).trimmingSpaces : "")
                        if let g = seen[id] { members[g].append(e); groupOf[e] = g; continue }
                        seen[id] = members.count
                    }
                    groupOf[e] = members.count
                    members.append([e])
                }
                j = k
            }
            buckets.append(firstGroup..<members.count)
            i = j
        }
        // Members by line, so that each pairs first with those above it.
        let lines = events.lines
        for g in members.indices where members[g].count > 1 {
            members[g].sort { (lines.values[$0], $0) < (lines.values[$1], $1) }
        }
        var pairs: [DuplicatePair] = []
        var total = 0
        var kept = [Int32](repeating: 0, count: n)
        func keep(_ x: Int, _ y: Int, _ apart: Int, _ shared: Int, _ either: Int, _ url: Bool) {
            // x is above y; the pair is y's.
            guard kept[y] < perEvent else { return }
            kept[y] += 1
            pairs.append(
                DuplicatePair(
                    first: EventIndex(x), second: EventIndex(y), daysApart: apart, sharedWords: shared,
                    eitherWords: either, sameSourceURL: url))
        }
        func above(_ x: Int, _ y: Int) -> Bool { (lines.values[x], x) < (lines.values[y], y) }
        /// The pairs between the members of groups g and h (or within g when g == h), kept up to
        /// the limit of each later row: each member walks the other group's members above it.
        func pairUp(_ g: Int, _ h: Int, _ apart: Int, _ shared: Int, _ either: Int, _ url: Bool) {
            if g == h {
                let m = members[g]
                total += m.count * (m.count - 1) / 2
                for k in 1..<m.count {
                    var j = 0
                    while j < k && kept[m[k]] < perEvent { keep(m[j], m[k], apart, shared, either, url); j += 1 }
                }
                return
            }
            total += members[g].count * members[h].count
            for (p, q) in [(g, h), (h, g)] {
                for y in members[p] {
                    var j = 0
                    let other = members[q]
                    while j < other.count && kept[y] < perEvent && above(other[j], y) { keep(other[j], y, apart, shared, either, url); j += 1 }
                }
            }
        }
        // The rarest words first (ties by hash): a title's prefix is its rarest words.
        func prefix(_ w: [UInt64]) -> [UInt64] {
            guard !w.isEmpty else { return [] }
            let sorted = w.sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
            let length = w.count - (3 * w.count + 4) / 5 + 1
            return Array(sorted.prefix(length))
        }
        var stamp = [Int](repeating: -1, count: members.count)
        for bucket in buckets {
            var byWord: [UInt64: [Int]] = [:]
            var byURL: [[UInt8]: [Int]] = [:]
            for g in bucket {
                let r = members[g][0]
                let rd = day(r)
                let rURL = Array(events.bytes(.sourceURL, EventIndex(r)))
                let tokens = prefix(words[r])
                var candidates: [Int] = []
                func gather(_ list: [Int]?) {
                    guard let list else { return }
                    // Lists grow in date order: walk back from the newest while within the window.
                    var k = list.count - 1
                    while k >= 0 {
                        let h = list[k]
                        if rd - day(members[h][0]) > maxDaysApart { break }
                        if stamp[h] != g { stamp[h] = g; candidates.append(h) }
                        k -= 1
                    }
                }
                for t in tokens { gather(byWord[t]) }
                if !rURL.isEmpty { gather(byURL[rURL]) }
                // Oldest first, so that pairs come out in a stable order.
                candidates.sort()
                for h in candidates {
                    let o = members[h][0]
                    comparisons += 1
                    let ea = EventIndex(o), eb = EventIndex(r)
                    let sameURL = !rURL.isEmpty && rURL.elementsEqual(events.bytes(.sourceURL, ea))
                    let (shared, either) = jaccard(words[o], words[r])
                    let alike = either > 0 && 5 * shared >= 3 * either
                    guard alike || sameURL, !distinct(ea, eb, events) else { continue }
                    pairUp(h, g, rd - day(o), shared, either, sameURL)
                }
                // Within the group: identical words (alike unless empty) or one address.
                if members[g].count > 1 {
                    let either = words[r].count
                    if either > 0 || !rURL.isEmpty { pairUp(g, g, 0, either, either, !rURL.isEmpty) }
                }
                for t in tokens { byWord[t, default: []].append(g) }
                if !rURL.isEmpty { byURL[rURL, default: []].append(g) }
            }
        }
        pairs.sort { x, y in
            let lx = events.lines[x.first], ly = events.lines[y.first]
            if lx != ly { return lx < ly }
            let sx = events.lines[x.second], sy = events.lines[y.second]
            if sx != sy { return sx < sy }
            return (x.first.raw, x.second.raw) < (y.first.raw, y.second.raw)
        }
        return DuplicateSearch(pairs: pairs, total: total)
    }

    /// True when the rows themselves say the two are different events: one links to the
    /// other (a follow-up of a pledge), or they are tallies of different series (unit or
    /// status differ: one article's 183 confirmed and 97 sanctioned are two figures, not one twice).
    static func distinct(_ a: EventIndex, _ b: EventIndex, _ events: EventTable) -> Bool {
        if events.links[a].contains(where: { $0.target == b }) || events.links[b].contains(where: { $0.target == a }) { return true }
        guard events.kinds[a] == .caseTally else { return false }
        return events.statuses[a] != events.statuses[b]
            || events.string(.unit, a).trimmingSpaces != events.string(.unit, b).trimmingSpaces
    }

    /// Shared and total distinct words of two sorted word sets.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> (shared: Int, either: Int) {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return (shared, a.count + b.count - shared)
    }

    /// A title's distinct words, case and punctuation ignored: runs of letters and digits,
    /// lowercased, each as its 64-bit FNV-1a hash (sorted; a collision is vanishingly rare
    /// and would only make two titles look a little more alike).
    public static func titleWords<Bytes: Collection<UInt8>>(_ title: Bytes) -> [UInt64] {
        var out: [UInt64] = []
        appendTitleWords(title, to: &out)
        return out
    }

    /// Appends a title's distinct words (as `titleWords` gives them) to `all`.
    static func appendTitleWords<Bytes: Collection<UInt8>>(_ title: Bytes, to all: inout [UInt64]) {
        let base = all.count
        var out = all
        all = []
        if title.allSatisfy({ $0 < 0x80 }) {
            var h: UInt64 = fnvBasis, inWord = false
            for var c in title {
                let letter = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
                let upper = c >= 0x41 && c <= 0x5A
                if letter || upper {
                    if upper { c += 0x20 }
                    h = (h ^ UInt64(c)) &* fnvPrime
                    inWord = true
                } else if inWord {
                    out.append(h); h = fnvBasis; inWord = false
                }
            }
            if inWord { out.append(h) }
        } else {
            // Beyond ASCII: Unicode's idea of a letter or a number, and of lower case.
            var h: UInt64 = fnvBasis, inWord = false
            for ch in String(decoding: Array(title), as: UTF8.self).lowercased() {
                if ch.isLetter || ch.isNumber {
                    for u in ch.utf8 { h = (h ^ UInt64(u)) &* fnvPrime }
                    inWord = true
                } else if inWord {
                    out.append(h); h = fnvBasis; inWord = false
                }
            }
            if inWord { out.append(h) }
        }
        // This title's words, sorted, each once.
        out[base...].sort()
        var end = base
        for i in base..<out.count where end == base || out[end - 1] != out[i] { out[end] = out[i]; end += 1 }
        out.removeLast(out.count - end)
        all = out
    }

    static let fnvBasis: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3
}
