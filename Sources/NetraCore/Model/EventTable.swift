/// The dataset's events as columns: one array per field, indexed by `EventIndex`, and every
/// text cell a span of one `TextStore`. Analyses read the columns they need
/// (`events.kinds[k]`); `events[k]` reads one event out as a value.
public struct EventTable: RandomAccessCollection, Sendable {
    public typealias Index = EventIndex
    public typealias Indices = Range<EventIndex>

    public private(set) var dates = Column<EventIndex, EventDate>()
    public private(set) var endDates = PackedColumn<EventIndex, Day>()
    public private(set) var kinds = Column<EventIndex, EventKind>()
    public private(set) var jurisdictions = Column<EventIndex, JurisdictionIndex>()
    public private(set) var counts = PackedColumn<EventIndex, Int>()
    public private(set) var statuses = Column<EventIndex, CaseStatus?>()
    /// Each event's links to its causes; filled in by the loader once every id is known.
    public package(set) var links = Column<EventIndex, [Link]>()
    public private(set) var sourceDates = PackedColumn<EventIndex, Day>()
    /// The first day each event was public, when a cited report shows it (`known_date`).
    public private(set) var knownDates = PackedColumn<EventIndex, Day>()
    /// Each event's outlet, as an index into `text.sources`.
    public private(set) var sources = Column<EventIndex, Int>()
    /// Values of `Dataset.extraEventColumns`, in that order.
    public private(set) var extras = Column<EventIndex, [String]>()
    /// Line in `events.csv` where the row starts.
    public private(set) var lines = Column<EventIndex, Int>()
    /// Where each event's text cells sit in `text`.
    @usableFromInline package private(set) var cells = Column<EventIndex, EventTextRefs>()
    /// The one store every text cell of the table lives in.
    public private(set) var text: TextStore

    /// An empty table over `text`, with room for `capacity` rows.
    @usableFromInline package init(text: TextStore, capacity: Int = 0) {
        self.text = text
        reserveCapacity(capacity)
    }

    /// Gives the table its finished store, once every row is read: the same file with the
    /// cells whose quotes were undone (`decoded`) and the outlets.
    @usableFromInline package mutating func seal(decoded: [UInt8], sources: [String]) {
        text = TextStore(file: text.file, decoded: decoded, sources: sources)
    }

    /// Events made in code, gathered into one table: their text copied into one store.
    public init(_ events: [Event]) {
        if let first = events.first?.text, events.allSatisfy({ $0.text === first }) {
            self.init(text: first, capacity: events.count)
            for e in events { append(e.row) }
            return
        }
        var bytes: [UInt8] = []
        var sourceNames: [String] = [], sourceIndex: [String: Int] = [:]
        var rows: [EventRow] = []
        rows.reserveCapacity(events.count)
        for e in events {
            var row = e.row
            row.text = EventTextRefs { f in
                let b = e.bytes(f)
                defer { bytes += b }
                return b.isEmpty ? .empty : TextRef(start: UInt32(bytes.count), count: UInt32(b.count))
            }
            let s = e.source
            if let k = sourceIndex[s] {
                row.source = k
            } else {
                sourceIndex[s] = sourceNames.count; row.source = sourceNames.count; sourceNames.append(s)
            }
            rows.append(row)
        }
        self.init(text: TextStore(file: bytes, decoded: [], sources: sourceNames), capacity: events.count)
        for row in rows { append(row) }
    }

    mutating func reserveCapacity(_ n: Int) {
        guard n > 0 else { return }
        dates.reserveCapacity(n); endDates.reserveCapacity(n); kinds.reserveCapacity(n); jurisdictions.reserveCapacity(n)
        counts.reserveCapacity(n); statuses.reserveCapacity(n); links.reserveCapacity(n); sourceDates.reserveCapacity(n)
        knownDates.reserveCapacity(n)
        sources.reserveCapacity(n); extras.reserveCapacity(n); lines.reserveCapacity(n); cells.reserveCapacity(n)
    }

    /// Adds one row; its text cells are spans of `text`.
    @inline(__always)
    @usableFromInline package mutating func append(_ r: EventRow) {
        dates.append(r.date); endDates.append(r.endDate); kinds.append(r.kind); jurisdictions.append(r.jurisdiction)
        counts.append(r.count); statuses.append(r.status); links.append(r.links); sourceDates.append(r.sourceDate)
        knownDates.append(r.knownDate)
        extras.append(r.extras); lines.append(r.line); cells.append(r.text); sources.append(r.source)
        assert(cells.count == dates.count && sources.count == dates.count, "every column has a value per row")
    }

    /// Row `k` as the value it was appended as.
    @inline(__always)
    func row(_ k: EventIndex) -> EventRow {
        EventRow(
            date: dates[k], endDate: endDates[k], kind: kinds[k], jurisdiction: jurisdictions[k], count: counts[k],
            status: statuses[k], links: links[k], source: sources[k], sourceDate: sourceDates[k], knownDate: knownDates[k],
            text: cells[k], extras: extras[k], line: lines[k])
    }

    /// Appends the rows of `next`, which shares this table's store, mending each text span
    /// with `rebase` and each outlet with `outlets` (the next part's outlet → this one's).
    /// Column by column, not row by row: the join runs on one core while the other waits
    /// (docs/PERFORMANCE.md). A column left out here leaves the table short: the assert
    /// below and the two-core equivalence test (every field of every row) catch it.
    /// `next` is left empty, each column freed as soon as it is appended: the two parts whole
    /// at once were the load's peak of memory.
    /// `lineShift` is added to each of `next`'s line numbers.
    @usableFromInline package mutating func append(_ next: inout EventTable, rebase: (TextRef) -> TextRef, outlets: [Int], lineShift: Int = 0) {
        assert(next.text === text, "joined parts share one store")
        let n = next.count
        dates += next.dates; next.dates = Column()
        endDates += next.endDates; next.endDates = PackedColumn()
        kinds += next.kinds; next.kinds = Column()
        jurisdictions += next.jurisdictions; next.jurisdictions = Column()
        counts += next.counts; next.counts = PackedColumn()
        statuses += next.statuses; next.statuses = Column()
        links += next.links; next.links = Column()
        sourceDates += next.sourceDates; next.sourceDates = PackedColumn()
        knownDates += next.knownDates; next.knownDates = PackedColumn()
        extras += next.extras; next.extras = Column()
        lines.values += next.lines.values.lazy.map { $0 + lineShift }; next.lines = Column()
        cells.reserveCapacity(cells.count + n)
        for r in next.cells { cells.append(r.rebased(rebase)) }
        next.cells = Column()
        sources.reserveCapacity(sources.count + n)
        for s in next.sources { sources.append(outlets[s]) }
        next.sources = Column()
        assert(cells.count == dates.count && sources.count == dates.count && lines.count == dates.count, "every column has a value per row")
    }

    // MARK: Collection

    public var startIndex: EventIndex { EventIndex(0) }
    public var endIndex: EventIndex { EventIndex(dates.count) }
    public var count: Int { dates.count }
    public var indices: Range<EventIndex> { startIndex..<endIndex }

    /// Event `k` read out as a value.
    public subscript(k: EventIndex) -> Event {
        Event(row(k), text: text)
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

    /// Where text cell `field` of event `k` sits in `text`.
    @inline(__always)
    @usableFromInline package func ref(_ field: EventText, _ k: EventIndex) -> TextRef { cells[k][field] }

    /// A text cell of event `k` as an `EventCell`.
    @inline(__always)
    func textCell(_ field: EventText, _ k: EventIndex) -> EventCell { .text(cells[k][field]) }

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
        // The rows first, so that each column is made at its size: grown by doubling, each
        // would be copied as it grew and left with up to twice the room.
        let rows = indices.filter(keep)
        var out = EventTable(text: text, capacity: rows.count)
        for k in rows {
            var r = row(k)
            r.links = []
            out.append(r)
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
            var r = row(k)
            r.links = kept
            out.append(r)
        }
        return (out, rows)
    }

    /// Distinct outlets among `rows` (told apart by `outletKey`), for chart footers.
    public func outletCount<S: Sequence<EventIndex>>(_ rows: S) -> Int {
        var seen = [Bool](repeating: false, count: text.sources.count)
        var outlets = Set<String>()
        for k in rows where k >= startIndex && k < endIndex {
            let s = sources[k]
            guard !seen[s] else { continue }
            seen[s] = true
            if let key = Self.outletKey(text.sources[s]) { outlets.insert(key) }
        }
        return outlets.count
    }

    /// What tells one outlet from another: its `source` with spaces trimmed and case folded
    /// (`ANTARA Jabar` is `Antara Jabar`); nil for a blank one, which names no outlet.
    public static func outletKey(_ source: String) -> String? {
        let t = source.trimmingSpaces
        return t.isEmpty ? nil : t.lowercased()
    }
}

extension EventTable {
    /// True for the registration of a report: a `decision` that sets no status. It is not a
    /// ruling: never named "Putusan", never an incident's first decision.
    public func isRegistration(_ k: EventIndex) -> Bool {
        kinds[k] == .decision && statuses[k] == nil
    }
}
