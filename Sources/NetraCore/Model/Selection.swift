/// What `--from`, `--to`, `--jurisdiction` and `--kind` keep: events anchored from `from` to
/// `to` (both included), in any of `jurisdictions` or under them, of any of `kinds`. An
/// empty list keeps every jurisdiction or kind; a nil day leaves that end open.
public struct Selection: Sendable, Equatable {
    public var from: Day?
    public var to: Day?
    /// Written as given (`2023-11` or `2023-11-04`), for the note that says what was filtered.
    public var fromText: WrittenDate?
    public var toText: WrittenDate?
    public var jurisdictions: [JurisdictionIndex]
    public var kinds: [EventKind]

    /// `from`/`to` as the written dates: `--from 2023-11` starts on 1 November, `--to 2024-01`
    /// ends on 31 January (the last day the text can mean).
    public init(from: WrittenDate? = nil, to: WrittenDate? = nil, jurisdictions: [JurisdictionIndex] = [], kinds: [EventKind] = []) {
        self.from = from?.anchor; self.to = to?.last
        fromText = from; toText = to
        self.jurisdictions = jurisdictions; self.kinds = kinds
    }

    /// True when it keeps everything whatever the data.
    public var isEverything: Bool { from == nil && to == nil && jurisdictions.isEmpty && kinds.isEmpty }
}

extension Dataset {
    /// For each jurisdiction, whether the selection keeps its events (it or an ancestor chosen).
    func kept(by s: Selection) -> Column<JurisdictionIndex, Bool> {
        guard !s.jurisdictions.isEmpty else { return Column(repeating: true, count: jurisdictions.count) }
        var keep = Column<JurisdictionIndex, Bool>(repeating: false, count: jurisdictions.count)
        for j in jurisdictions.indices { keep[j] = s.jurisdictions.contains { isWithin(j, $0) } }
        return keep
    }

    /// The events that take part by `asOf` (all when nil) and that `selection` keeps, with the
    /// links among them, and each kept event's row here: what every output is made from, so
    /// that a filter is applied once. The day stays the one the whole dataset stands on.
    public func cut(asOf: Day?, selection: Selection?) -> (dataset: Dataset, rows: [EventIndex]) {
        let s = selection.flatMap { $0.isEverything ? nil : $0 }
        guard asOf != nil || s != nil else { return (self, Array(events.indices)) }
        let places = s.map { kept(by: $0) }
        var kinds = [Bool](repeating: s?.kinds.isEmpty ?? true, count: EventKind.allCases.count)
        for k in s?.kinds ?? [] { kinds[k.order] = true }
        let (table, rows) = events.filter(keepingLinks: { k in
            if let asOf, !takesPart(k, asOf: asOf) { return false }
            guard let s, let places else { return true }
            let anchor = events.dates[k].anchor
            if let from = s.from, anchor < from { return false }
            if let to = s.to, anchor > to { return false }
            return places[events.jurisdictions[k]] && kinds[events.kinds[k].order]
        })
        var cut = self
        if rows.count != events.count {
            cut = Dataset(
                events: table, jurisdictions: Array(jurisdictions), elections: Array(elections),
                extraEventColumns: extraEventColumns, name: name)
        }
        cut.standsOn = asOf ?? standsOn
        cut.settings = settings
        cut.schema = schema
        cut.selection = s
        return (cut, rows)
    }
}
