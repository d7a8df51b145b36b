import NetraCore

extension HTMLReport {
    /// The first `limit` events by (anchor day, row), in that order, in time linear in the
    /// events: a count per day finds the day the limit falls on, and only the events before
    /// it (and the first of that day) are sorted. The same as `firstByDateSorting`
    /// (`HTMLReportTests` holds the two to it), which sorted a million events to list a thousand.
    static func firstByDate(_ events: EventTable, limit: Int) -> [EventIndex] {
        let n = events.count, limit = max(0, limit)
        let dates = events.dates.values
        var lo = Int.max, hi = Int.min
        for d in dates { lo = min(lo, d.anchor.ordinal); hi = max(hi, d.anchor.ordinal) }
        // Few events, or days spread wider than the events (no real dataset): sort them all.
        guard n > limit, limit > 0, hi - lo < 4 * n + 100_000 else { return firstByDateSorting(events, limit: limit) }
        var perDay = [Int](repeating: 0, count: hi - lo + 1)
        for d in dates { perDay[d.anchor.ordinal - lo] += 1 }
        // The day on which the limit falls, and how many of that day's events are listed.
        var last = 0, before = 0
        while before + perDay[last] < limit { before += perDay[last]; last += 1 }
        var fromLast = limit - before
        var out: [EventIndex] = []
        out.reserveCapacity(limit)
        for k in 0..<n {
            let day = dates[k].anchor.ordinal - lo
            if day < last { out.append(EventIndex(k)) } else if day == last && fromLast > 0 { out.append(EventIndex(k)); fromLast -= 1 }
        }
        out.sort { (dates[$0.raw].anchor.ordinal, $0.raw) < (dates[$1.raw].anchor.ordinal, $1.raw) }
        return out
    }
}
