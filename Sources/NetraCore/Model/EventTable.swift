/// The dataset's events as columns: one array per field, indexed by `EventIndex`, and every
/// text cell a span of one `TextStore`. Analyses read the columns they need
/// (`events.kinds[k]`); `events[k]` reads one event out as a value.
public struct EventTable: RandomAccessCollection, Sendable {
    public typealias Index = EventIndex
    public typealias Indices = Range<EventIndex>

    public private(set) var dates: Column<EventIndex, EventDate>
    public private(set) var endDates: Column<EventIndex, Day?>
    public private(set) var kinds: Column<EventIndex, EventKind>
    public private(set) var jurisdictions: Column<EventIndex, JurisdictionIndex>
    public private(set) var counts: Column<EventIndex, Int?>
    public private(set) var statuses: Column<EventIndex, CaseStatus?>
    /// Each event's links to its causes; filled in by the loader once every id is known.
    public internal(set) var links: Column<EventIndex, [Link]>
    public private(set) var sourceDates: Column<EventIndex, Day?>
    /// The first day each event was public, when a cited report shows it (`known_date`).
    public private(set) var knownDates: Column<EventIndex, Day?>
    /// Each event's outlet, as an index into `text.sources`.
    public private(set) var sources: Column<EventIndex, Int>
    /// Values of `Dataset.extraEventColumns`, in that order.
    public private(set) var extras: Column<EventIndex, [String]>
    /// Line in `events.csv` where the row starts.
    public private(set) var lines: Column<EventIndex, Int>
    /// Where each event's text cells sit in `text`.
    private(set) var cells: Column<EventIndex, EventTextRefs>
    /// The one store every text cell of the table lives in.
    public let text: TextStore

    /// An empty table over `text`, with room for `capacity` rows.
    init(text: TextStore, capacity: Int = 0) {
        self.text = text
        dates = Column(); endDates = Column(); kinds = Column(); jurisdictions = Column(); counts = Column()
        statuses = Column(); links = Column(); sourceDates = Column(); knownDates = Column(); sources = Column(); extras = Column()
        lines = Column(); cells = Column()
        reserveCapacity(capacity)
    }

    /// Events made in code, gathered into one table: their text copied into one store.
    public init(_ events: [Event]) {
        if let first = events.first?.text, events.allSatisfy({ $0.text === first }) {
            self.init(text: first, capacity: events.count)
            for e in events { append(e, refs: e.refs, sourceIndex: e.sourceIndex) }
            return
        }
        var bytes: [UInt8] = []
        var sourceNames: [String] = [], sourceIndex: [String: Int] = [:]
        var refs: [EventTextRefs] = [], outlets: [Int] = []
        for e in events {
            func copy(_ f: EventText) -> TextRef {
                let b = e.bytes(f)
                defer { bytes += b }
                return b.isEmpty ? .empty : TextRef(start: UInt32(bytes.count), count: UInt32(b.count))
            }
            refs.append(EventTextRefs(id: copy(.id), title: copy(.title), titleEN: copy(.titleEN), actors: copy(.actors), place: copy(.place),
                                      unit: copy(.unit), sourceURL: copy(.sourceURL), quote: copy(.quote), notes: copy(.notes)))
            let s = e.source
            if let k = sourceIndex[s] { outlets.append(k) } else {
                sourceIndex[s] = sourceNames.count; outlets.append(sourceNames.count); sourceNames.append(s)
            }
        }
        self.init(text: TextStore(file: bytes, decoded: [], sources: sourceNames), capacity: events.count)
        for (k, e) in events.enumerated() { append(e, refs: refs[k], sourceIndex: outlets[k]) }
    }

    mutating func reserveCapacity(_ n: Int) {
        guard n > 0 else { return }
        dates.reserveCapacity(n); endDates.reserveCapacity(n); kinds.reserveCapacity(n); jurisdictions.reserveCapacity(n)
        counts.reserveCapacity(n); statuses.reserveCapacity(n); links.reserveCapacity(n); sourceDates.reserveCapacity(n)
        knownDates.reserveCapacity(n)
        sources.reserveCapacity(n); extras.reserveCapacity(n); lines.reserveCapacity(n); cells.reserveCapacity(n)
    }

    /// Adds one row; its text cells are spans of `text`.
    mutating func append(date: EventDate, endDate: Day?, kind: EventKind, jurisdiction: JurisdictionIndex, count: Int?,
                         status: CaseStatus?, links rowLinks: [Link], sourceDate: Day?, knownDate: Day?, extras rowExtras: [String], line: Int,
                         refs: EventTextRefs, sourceIndex: Int) {
        dates.append(date); endDates.append(endDate); kinds.append(kind); jurisdictions.append(jurisdiction)
        counts.append(count); statuses.append(status); links.append(rowLinks); sourceDates.append(sourceDate)
        knownDates.append(knownDate)
        extras.append(rowExtras); lines.append(line); cells.append(refs); sources.append(sourceIndex)
        assert(cells.count == dates.count && sources.count == dates.count, "every column has a value per row")
    }

    private mutating func append(_ e: Event, refs: EventTextRefs, sourceIndex: Int) {
        append(date: e.date, endDate: e.endDate, kind: e.kind, jurisdiction: e.jurisdiction, count: e.count,
               status: e.status, links: e.links, sourceDate: e.sourceDate, knownDate: e.knownDate, extras: e.extras, line: e.line,
               refs: refs, sourceIndex: sourceIndex)
    }

    /// Appends the rows of `next`, which shares this table's store, mending each text span
    /// with `rebase` and each outlet with `outlets` (the next part's outlet → this one's).
    mutating func append(_ next: EventTable, rebase: (TextRef) -> TextRef, outlets: [Int]) {
        assert(next.text === text, "joined parts share one store")
        dates += next.dates; endDates += next.endDates; kinds += next.kinds; jurisdictions += next.jurisdictions
        counts += next.counts; statuses += next.statuses; links += next.links; sourceDates += next.sourceDates
        knownDates += next.knownDates
        extras += next.extras; lines += next.lines
        cells.reserveCapacity(cells.count + next.count)
        for r in next.cells {
            cells.append(EventTextRefs(id: rebase(r.id), title: rebase(r.title), titleEN: rebase(r.titleEN), actors: rebase(r.actors), place: rebase(r.place),
                                       unit: rebase(r.unit), sourceURL: rebase(r.sourceURL), quote: rebase(r.quote),
                                       notes: rebase(r.notes)))
        }
        sources.reserveCapacity(sources.count + next.count)
        for s in next.sources { sources.append(outlets[s]) }
    }

    // MARK: Collection

    public var startIndex: EventIndex { EventIndex(0) }
    public var endIndex: EventIndex { EventIndex(dates.count) }
    public var count: Int { dates.count }
    public var indices: Range<EventIndex> { startIndex..<endIndex }

    /// Event `k` read out as a value.
    public subscript(k: EventIndex) -> Event {
        Event(date: dates[k], endDate: endDates[k], kind: kinds[k], jurisdiction: jurisdictions[k], count: counts[k],
              status: statuses[k], links: links[k], sourceDate: sourceDates[k], knownDate: knownDates[k], extras: extras[k], line: lines[k],
              text: text, refs: cells[k], sourceIndex: sources[k])
    }

    // MARK: Text cells

    /// A text cell of event `k`.
    public func string(_ field: EventText, _ k: EventIndex) -> String { text.string(cells[k][field]) }

    /// A text cell's UTF-8 bytes (a slice of the store, not a copy).
    @inline(__always)
    public func bytes(_ field: EventText, _ k: EventIndex) -> ArraySlice<UInt8> { text.bytes(cells[k][field]) }

    /// True when the cell holds no `,`, `"`, CR or LF, as known from how the file wrote it
    /// (false when unknown): a plain CSV export may copy it without looking.
    @inline(__always)
    public func isPlain(_ field: EventText, _ k: EventIndex) -> Bool { cells[k][field].isPlain }

    /// Event `k`'s id.
    public func id(_ k: EventIndex) -> String { string(.id, k) }

    /// Event `k`'s outlet.
    public func source(_ k: EventIndex) -> String { text.sources[sources[k]] }

    /// Orders ids by their UTF-8 bytes (code-point order, as `String` orders NFC text), with
    /// no String made: analytics sort and tie-break on ids a million times.
    public func idPrecedes(_ a: EventIndex, _ b: EventIndex) -> Bool {
        bytes(.id, a).lexicographicallyPrecedes(bytes(.id, b))
    }

    /// True when the two ids are the same bytes.
    public func sameID(_ a: EventIndex, _ b: EventIndex) -> Bool { bytes(.id, a) == bytes(.id, b) }

    // MARK: Cuts

    /// The rows for which `keep` holds, in order, without their links (which would point
    /// at rows that may be gone).
    public func filter(droppingLinks keep: (EventIndex) -> Bool) -> EventTable {
        var out = EventTable(text: text)
        for k in indices where keep(k) {
            out.append(date: dates[k], endDate: endDates[k], kind: kinds[k], jurisdiction: jurisdictions[k], count: counts[k],
                       status: statuses[k], links: [], sourceDate: sourceDates[k], knownDate: knownDates[k], extras: extras[k], line: lines[k],
                       refs: cells[k], sourceIndex: sources[k])
        }
        return out
    }

    /// The rows for which `keep` holds, in order, with the links among them (a link to a
    /// row left out is dropped), and for each kept row its row here.
    public func filter(keepingLinks keep: (EventIndex) -> Bool) -> (table: EventTable, rows: [EventIndex]) {
        var rows: [EventIndex] = []
        var renumbered = [Int](repeating: -1, count: count)
        for k in indices where keep(k) {
            renumbered[k.raw] = rows.count
            rows.append(k)
        }
        var out = EventTable(text: text, capacity: rows.count)
        for k in rows {
            let kept = links[k].compactMap { l -> Link? in
                let to = renumbered[l.target.raw]
                return to >= 0 ? Link(relation: l.relation, target: EventIndex(to)) : nil
            }
            out.append(date: dates[k], endDate: endDates[k], kind: kinds[k], jurisdiction: jurisdictions[k], count: counts[k],
                       status: statuses[k], links: kept, sourceDate: sourceDates[k], knownDate: knownDates[k], extras: extras[k],
                       line: lines[k], refs: cells[k], sourceIndex: sources[k])
        }
        return (out, rows)
    }

    /// Distinct outlets among `rows` (spaces trimmed, case folded), for chart footers.
    public func outletCount<S: Sequence<EventIndex>>(_ rows: S) -> Int {
        var seen = [Bool](repeating: false, count: text.sources.count)
        var outlets = Set<String>()
        for k in rows where k >= startIndex && k < endIndex {
            let s = sources[k]
            guard !seen[s] else { continue }
            seen[s] = true
            let t = text.sources[s].trimmingSpaces
            if !t.isEmpty { outlets.insert(t.lowercased()) }
        }
        return outlets.count
    }
}

extension EventTable {
    /// True for the registration of a report: a `decision` that sets no status. It is not a
    /// ruling: never named "Putusan", never an incident's first decision.
    public func isRegistration(_ k: EventIndex) -> Bool {
        kinds[k] == .decision && statuses[k] == nil
    }
}
