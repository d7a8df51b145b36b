/// The dataset as it stood on a day: only the events that had happened and were known by then.
extension Dataset {
    /// The day event `k` counts as known: its `known_date`, else its `source_date`, else its anchor.
    public func knownDay(_ k: EventIndex) -> Day {
        events.knownDates[k] ?? events.sourceDates[k] ?? events.dates[k].anchor
    }

    /// The day event `k` became news: its `known_date`, else its `source_date`, else the last
    /// day its date can mean (a year-only 2022 is certainly past on 31 December 2022), and
    /// never before it happened. A month's new incidents are those reported in it.
    public func reportedDay(_ k: EventIndex) -> Day {
        max(events.dates[k].anchor, events.knownDates[k] ?? events.sourceDates[k] ?? events.dates[k].latest)
    }

    /// True when event `k` had happened (its anchor) and was known by the end of `day`.
    public func takesPart(_ k: EventIndex, asOf day: Day) -> Bool {
        events.dates[k].anchor <= day && knownDay(k) <= day
    }

    /// The last day an event happened or became known: as of it, every event takes part
    /// (nil for no events). What "everything" is as of.
    public var latestKnownDay: Day? {
        var latest: Day?
        for k in events.indices {
            let d = max(events.dates[k].anchor, knownDay(k))
            if latest.map({ d > $0 }) ?? true { latest = d }
        }
        return latest
    }

    /// The events that take part by `day`, with the links among them, and for each kept
    /// event its row in this dataset. Elections stay: a coming election is known ahead.
    public func asOf(_ day: Day) -> (dataset: Dataset, rows: [EventIndex]) {
        let (table, rows) = events.filter(keepingLinks: { takesPart($0, asOf: day) })
        var cut = self
        if rows.count != events.count {
            cut = Dataset(
                events: table, jurisdictions: Array(jurisdictions), elections: Array(elections),
                extraEventColumns: extraEventColumns, name: name)
        }
        cut.standsOn = day
        cut.settings = settings
        cut.schema = schema
        return (cut, rows)
    }
}
