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

/// Finds possible duplicates (ACLED's rule of one event per actors, day and place; the same
/// story entered twice from two outlets) without comparing every pair: events are sorted by
/// kind, jurisdiction and anchor, and each is compared only with those after it in its
/// bucket within `maxDaysApart` days, so the cost grows with the events, not their square.
public enum PossibleDuplicates {
    /// The most days between two anchors for a pair to count.
    public static let maxDaysApart = 3

    /// Every pair, sorted by the first event's line, then the second's.
    public static func find(_ events: EventTable) -> [DuplicatePair] {
        var comparisons = 0
        return find(events, comparisons: &comparisons)
    }

    /// `find`, counting the pairs it compared (what the test of its cost reads).
    static func find(_ events: EventTable, comparisons: inout Int) -> [DuplicatePair] {
        let n = events.count
        guard n > 1 else { return [] }
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
        // Word sets are made only for events that have a neighbour to be compared with.
        var words = [[UInt64]?](repeating: nil, count: n)
        func wordSet(_ k: Int) -> [UInt64] {
            if let w = words[k] { return w }
            let w = titleWords(events.bytes(.title, EventIndex(k)))
            words[k] = w
            return w
        }
        var pairs: [DuplicatePair] = []
        for i in 0..<n {
            let a = order[i]
            let dayA = dates.values[a].anchor.ordinal
            var j = i + 1
            while j < n {
                let b = order[j]
                guard kinds.values[b] == kinds.values[a], jurs.values[b] == jurs.values[a] else { break }
                let apart = dates.values[b].anchor.ordinal - dayA
                guard apart <= maxDaysApart else { break }
                j += 1
                comparisons += 1
                let ea = EventIndex(a), eb = EventIndex(b)
                let url = events.bytes(.sourceURL, ea)
                let sameURL = !url.isEmpty && url == events.bytes(.sourceURL, eb)
                let (shared, either) = jaccard(wordSet(a), wordSet(b))
                let later = events.lines[eb] < events.lines[ea] || (events.lines[eb] == events.lines[ea] && b < a)
                let pair = DuplicatePair(first: later ? eb : ea, second: later ? ea : eb, daysApart: apart, sharedWords: shared,
                                         eitherWords: either, sameSourceURL: sameURL)
                guard pair.titlesAlike || sameURL, !distinct(ea, eb, events) else { continue }
                pairs.append(pair)
            }
        }
        pairs.sort { x, y in
            let lx = events.lines[x.first], ly = events.lines[y.first]
            if lx != ly { return lx < ly }
            let sx = events.lines[x.second], sy = events.lines[y.second]
            if sx != sy { return sx < sy }
            return (x.first.raw, x.second.raw) < (y.first.raw, y.second.raw)
        }
        return pairs
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
        out.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for w in out where unique.last != w { unique.append(w) }
        return unique
    }

    static let fnvBasis: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3
}
