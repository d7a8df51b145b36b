import NetraAnalytics
import NetraCore

/// The CSV exports analysts load into their own tools. Their columns are a contract:
/// README.md documents each one.
public enum ExportKind: String, CaseIterable, Sendable {
    case events, monthly, leadtimes, compare, tallies, trends, duplicates

    /// The file `netra report` writes it to.
    public var fileName: String { "\(rawValue).csv" }
}

extension Analysis {
    /// The export of `kind` as CSV bytes.
    public func export(
        _ kind: ExportKind, flavour: CSVFlavour = .plain, rollup: Bool = false,
        pair: (a: JurisdictionIndex, b: JurisdictionIndex)? = nil
    ) -> [UInt8] {
        switch kind {
        case .events: return eventsCSV(flavour: flavour)
        case .monthly: return monthlyCSV(flavour: flavour, rollup: rollup)
        case .leadtimes: return leadTimesCSV(flavour: flavour)
        case .tallies: return talliesCSV(flavour: flavour)
        case .trends: return trendsCSV(flavour: flavour)
        case .duplicates: return duplicatesCSV(flavour: flavour)
        case .compare:
            guard let p = pair ?? dataset.defaultComparisonPair().map({ ($0.a, $0.b) }) else {
                var w = CSVWriter(flavour: flavour)
                w.row(["metric"])
                return w.bytes
            }
            return compareCSV(compare(p.a, p.b), flavour: flavour)
        }
    }

    /// `month,jurisdiction,kind,events,count_sum,counted`
    public func monthlyCSV(flavour: CSVFlavour, rollup: Bool) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["month", "jurisdiction", "kind", "events", "count_sum", "counted"])
        for r in monthly(rollup: rollup) {
            w.month(r.month); w.separator()
            w.text(dataset.jurisdictions[r.jurisdiction].id); w.separator()
            w.text(r.kind.rawValue); w.separator()
            w.int(r.events); w.separator()
            w.int(r.countSum); w.separator()
            w.int(r.counted); w.endRow()
        }
        return w.bytes
    }

    /// `measure,event_id,jurisdiction,target_id,days,exact`
    public func leadTimesCSV(flavour: CSVFlavour) -> [UInt8] {
        let sink = ByteSink()
        writeLeadTimesCSV(flavour: flavour, into: sink)
        return sink.collected
    }

    /// The lead-times export, written into `sink` chunk by chunk.
    public func writeLeadTimesCSV(flavour: CSVFlavour, into sink: ByteSink) {
        var w = CSVWriter(flavour: flavour, capacity: min(leadTimes.count * 64, 2 * ByteSink.chunk))
        w.row(["measure", "event_id", "jurisdiction", "target_id", "days", "exact"])
        let d = dataset
        // Values that repeat, encoded once.
        let measures = LeadTimeMeasure.allCases.map { w.encoded($0.rawValue) }
        let jurisdictions = d.jurisdictions.map { w.encoded($0.id) }
        let elections = d.elections.map { w.encoded($0.id) }
        let yes = w.encoded("true"), no = w.encoded("false")
        var lastMeasure = LeadTimeMeasure.prevention, measureCell = measures[0]
        let ids = idOrder.copy(d.events)
        // Room for a row but its ids (`CSVWriter.row(bound:)`), and the cells encoded once.
        let encodedMost = (measures + jurisdictions + elections + [yes, no]).map(\.count).max() ?? 0
        let rowRoom = 4 * encodedMost + CSVCells.intBound + 6 + 2
        for t in leadTimes {
            if t.measure != lastMeasure { lastMeasure = t.measure; measureCell = measures[t.measure.order] }
            let measure = measureCell  // a `let` for the row (a captured var is checked per read)
            let id = ids.id(t.event)
            let target: (range: Range<Int>, plain: Bool)? = if case .event(let e) = t.target { ids.id(e) } else { nil }
            let bound = rowRoom + CSVCells.textBound(id.range.count) + CSVCells.textBound(target?.range.count ?? 0)
            w.row(bound: bound) { o, f in
                CSVCells.encoded(measure, &o); CSVCells.separator(f, &o)
                CSVCells.text(ids.bytes.span.extracting(id.range), plain: id.plain, f, &o); CSVCells.separator(f, &o)
                CSVCells.encoded(jurisdictions[t.jurisdiction.raw], &o); CSVCells.separator(f, &o)
                if let target {
                    CSVCells.text(ids.bytes.span.extracting(target.range), plain: target.plain, f, &o)
                } else if case .election(let e) = t.target {
                    CSVCells.encoded(elections[e.raw], &o)
                }
                CSVCells.separator(f, &o)
                CSVCells.int(t.days, &o); CSVCells.separator(f, &o)
                // Not `t.exact ? yes : no`: the array picked by `?:` is a copy, retained per row.
                if t.exact { CSVCells.encoded(yes, &o) } else { CSVCells.encoded(no, &o) }
                CSVCells.endRow(f, &o)
            }
            w.spill(into: sink)
        }
        w.finish(into: sink)
    }

    /// `measure,jurisdiction,n,median,min,max,exact_n`: the summary behind the lead-time chart.
    public func leadTimeSummaryCSV(flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["measure", "jurisdiction", "n", "median", "min", "max", "exact_n"])
        for s in leadTimeSummary() {
            w.row([
                .text(s.measure.rawValue), .text(dataset.jurisdictions[s.jurisdiction].id), .int(s.n),
                .number(s.n >= MedianOrValues.fewest ? s.median.description : ""), .int(s.min), .int(s.max), .int(s.exactCount)
            ])
        }
        return w.bytes
    }

    /// A briefing's `figures.csv`: `figure,value`, an empty value where nothing is known.
    public func figuresCSV(_ f: BriefingFigures, flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["figure", "value"])
        for r in f.rows(dataset) { w.row([.text(r.figure), r.numeric ? .number(r.value) : .text(r.value)]) }
        return w.bytes
    }

    /// `metric,<id A>,<id B>`
    public func compareCSV(_ c: Comparison, flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["metric", dataset.jurisdictions[c.a].id, dataset.jurisdictions[c.b].id])
        for r in c.rows {
            w.row([.text(r.key), cell(r.a), cell(r.b)])
        }
        return w.bytes
    }

    /// Every input column, then the computed ones (see `computedEventColumns`); with
    /// `only`, just those events, in that order.
    public func eventsCSV(flavour: CSVFlavour, only: [EventIndex]? = nil) -> [UInt8] {
        let sink = ByteSink()
        writeEventsCSV(flavour: flavour, only: only, into: sink)
        return sink.collected
    }

    /// The events export, written into `sink` chunk by chunk.
    public func writeEventsCSV(flavour: CSVFlavour, only: [EventIndex]? = nil, into sink: ByteSink) {
        writeEventsCSV(flavour: flavour, only: only) { sink.write($0) }
    }

    /// The events export, handed to `emit` a chunk (about `ByteSink.chunk` bytes) at a time.
    public func writeEventsCSV(flavour: CSVFlavour, only: [EventIndex]? = nil, to emit: ([UInt8]) -> Void) {
        let d = dataset
        var w = CSVWriter(flavour: flavour, capacity: min(d.events.count * 400, 2 * ByteSink.chunk))
        w.row(EventColumn.names + Self.extraHeaders(d.extraEventColumns) + Analysis.computedEventColumns)
        let n = d.events.count
        // Read in each row, not changed after: a `let` (a captured `var` is checked for
        // exclusive access on every read, five times a row).
        let figures = EventFigures(leadTimes, events: n)
        func figure(_ v: Int32) -> Int? { v == EventFigures.none ? nil : Int(v) }
        var linkBytes: [UInt8] = []
        // Values that repeat, encoded once.
        let precisions = Precision.allCases.map { w.encoded($0.rawValue) }
        let kinds = EventKind.allCases.map { w.encoded($0.rawValue) }
        let statuses = CaseStatus.allCases.map { w.encoded($0.rawValue) }
        let jurisdictions = d.jurisdictions.map { w.encoded($0.id) }
        let elections = d.elections.map { w.encoded($0.id) }
        let yes = w.encoded("true"), no = w.encoded("false")
        // Outlets by index, encoded once.
        let events = d.events
        let sources = events.text.sources.map { w.encoded($0) }
        let store = events.text
        let schema = EventColumn.schema
        // Room for a row is made once (`CSVWriter.row(bound:)`): the most its cells can take.
        // Text cells at their most for their size; every other cell at its most.
        let encodedMost = (precisions + kinds + statuses + jurisdictions + elections + sources + [yes, no]).map(\.count).max() ?? 0
        func room(_ column: EventColumn) -> Int {
            switch column {
            case .id, .title, .titleEN, .actors, .place, .unit, .sourceURL, .quote, .notes, .links: return 0  // by row, below
            case .date, .endDate, .sourceDate, .knownDate: return CSVCells.dateBound
            case .precision, .kind, .jurisdiction, .status, .source: return encodedMost
            case .count: return CSVCells.intBound
            }
        }
        // The computed columns: month, anchor_date, known_by; date_exact, status_as_of,
        // prevention_election; six figures. A delimiter before every cell but the first (the
        // extra columns' own below, by row), and the line end.
        let rowRoom =
            schema.reduce(0) { $0 + room($1) } + 3 * CSVCells.dateBound + 3 * encodedMost + 6 * CSVCells.intBound
            + schema.count + Analysis.computedEventColumns.count + 2
        let textFields = EventText.allCases
        func each(_ k: EventIndex) {
            let date = events.dates[k]
            // `relation:target;…` made as bytes first, then quoted like any text cell.
            let links = events.links[k]
            linkBytes.removeAll(keepingCapacity: true)
            for (i, l) in links.enumerated() {
                if i > 0 { linkBytes.append(0x3B) }
                linkBytes += l.relation.rawValue.utf8
                linkBytes.append(0x3A)
                store.withBytes(events.ref(.id, l.target)) { linkBytes.append(span: $0) }
            }
            let linkCell = linkBytes  // a `let` for the row, as above (let go before the next row's links)
            let extras = events.extras[k]
            var bound = rowRoom + CSVCells.textBound(linkCell.count)
            for f in textFields { bound += CSVCells.textBound(events.ref(f, k).range.count) }
            for x in extras { bound += 1 + CSVCells.textBound(x.utf8.count) }
            let h = Int(figures.handlingIndex[k])
            w.row(bound: bound) { o, f in
                for (n, column) in schema.enumerated() {
                    if n > 0 { CSVCells.separator(f, &o) }
                    switch column.cell(events, k) {
                    case .text(let r): store.withBytes(r) { CSVCells.text($0, plain: r.isPlain, f, &o) }
                    case .date(let written): CSVCells.written(written, f, &o)
                    case .precision(let p): CSVCells.encoded(precisions[p.order], &o)
                    case .day(let day): CSVCells.day(day, f, &o)
                    case .kind(let kind): CSVCells.encoded(kinds[kind.order], &o)
                    case .jurisdiction(let j): CSVCells.encoded(jurisdictions[j.raw], &o)
                    case .number(let n): CSVCells.int(n, &o)
                    case .status(let st): if let st { CSVCells.encoded(statuses[st.order], &o) }
                    case .links: CSVCells.text(linkCell.span, plain: false, f, &o)
                    case .outlet(let s): CSVCells.encoded(sources[s], &o)
                    }
                }
                for x in extras {
                    CSVCells.separator(f, &o)
                    CSVCells.text(x.utf8.span, plain: false, f, &o)
                }
                CSVCells.separator(f, &o)
                CSVCells.month(date.anchor.month, f, &o); CSVCells.separator(f, &o)
                CSVCells.day(date.anchor, f, &o); CSVCells.separator(f, &o)
                // Not `date.isExact ? yes : no`: the array picked by `?:` is a copy, retained per row.
                if date.isExact { CSVCells.encoded(yes, &o) } else { CSVCells.encoded(no, &o) }
                CSVCells.separator(f, &o)
                CSVCells.day(d.knownDay(k), f, &o); CSVCells.separator(f, &o)
                if let st = statusAsOf[k] { CSVCells.encoded(statuses[st.order], &o) }
                CSVCells.separator(f, &o)
                CSVCells.int(figure(figures.preventionDays[k]), &o); CSVCells.separator(f, &o)
                if figures.preventionElection[k] >= 0 { CSVCells.encoded(elections[Int(figures.preventionElection[k])], &o) }
                CSVCells.separator(f, &o)
                for s in 0..<4 {
                    if h >= 0 { CSVCells.int(figure(figures.handling[h + s]), &o) }
                    CSVCells.separator(f, &o)
                }
                CSVCells.int(figure(figures.lag[k]), &o)
                CSVCells.endRow(f, &o)
            }
            w.spill(emit)
        }
        if let only { for k in only { each(k) } } else { for k in events.indices { each(k) } }
        w.finish(emit)
    }

    /// The columns the events export adds after the input ones.
    /// The input's extra columns as the events export heads them: one named like a computed
    /// column (`month`) becomes `input_month`, so that no header appears twice.
    public static func extraHeaders(_ names: [String]) -> [String] {
        var taken = Set(EventColumn.names + computedEventColumns)
        return names.map { name in
            var out = name
            while taken.contains(out) { out = "input_" + out }
            taken.insert(out)
            return out
        }
    }

    public static let computedEventColumns = [
        "month", "anchor_date", "date_exact", "known_by", "status_as_of", "prevention_lead_days", "prevention_election",
        "first_response_days", "first_report_days", "first_decision_days", "first_sanction_days",
        "reporting_lag_days"
    ]

    /// The id a lead time is measured to (an election or an event), or empty.
    func targetID(_ t: LeadTime.Target) -> String {
        switch t {
        case .election(let e): return dataset.elections[e].id
        case .event(let e): return dataset.events.id(e)
        case .none: return ""
        }
    }

    func cell(_ v: MetricValue) -> CSVCell { v.isNumeric ? .number(v.description) : .text(v.description) }
}

/// Each event's figures in the events export, from the lead times: prevention lead and
/// election, reporting lag, and the four handling figures of the i-th incident with any at
/// `handling[4i..<4i+4]`. In 32 bits, `none` for no figure: four arrays of a million entries each.
private struct EventFigures {
    static let none = Int32.min
    let preventionDays: Column<EventIndex, Int32>
    let preventionElection: Column<EventIndex, Int32>
    let handling: [Int32]
    let handlingIndex: Column<EventIndex, Int32>
    let lag: Column<EventIndex, Int32>

    init(_ leadTimes: [LeadTime], events n: Int) {
        let none = Self.none
        var preventionDays = Column<EventIndex, Int32>(repeating: none, count: n)
        var preventionElection = Column<EventIndex, Int32>(repeating: -1, count: n)
        var handling: [Int32] = []
        var handlingIndex = Column<EventIndex, Int32>(repeating: -1, count: n)
        var lag = Column<EventIndex, Int32>(repeating: none, count: n)
        for t in leadTimes {
            let slot: Int
            switch t.measure {
            case .prevention:
                preventionDays[t.event] = Int32(t.days)
                if case .election(let el) = t.target { preventionElection[t.event] = Int32(el.raw) }
                continue
            case .reportingLag: lag[t.event] = Int32(t.days); continue
            case .response: slot = 0
            case .report: slot = 1
            case .decision: slot = 2
            case .sanction: slot = 3
            }
            if handlingIndex[t.event] < 0 {
                handlingIndex[t.event] = Int32(handling.count)
                for _ in 0..<4 { handling.append(none) }
            }
            handling[Int(handlingIndex[t.event]) + slot] = Int32(t.days)
        }
        self.preventionDays = preventionDays
        self.preventionElection = preventionElection
        self.handling = handling
        self.handlingIndex = handlingIndex
        self.lag = lag
    }
}
