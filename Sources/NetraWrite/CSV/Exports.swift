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
        for t in leadTimes {
            if t.measure != lastMeasure { lastMeasure = t.measure; measureCell = measures[t.measure.order] }
            w.cell(measureCell); w.separator()
            let id = ids.id(t.event)
            w.text(ids.bytes.span.extracting(id.range), plain: id.plain); w.separator()
            w.cell(jurisdictions[t.jurisdiction.raw]); w.separator()
            switch t.target {
            case .event(let e): let id = ids.id(e); w.text(ids.bytes.span.extracting(id.range), plain: id.plain)
            case .election(let e): w.cell(elections[e.raw])
            case .none: break
            }
            w.separator()
            w.int(t.days); w.separator()
            // Not `t.exact ? yes : no`: the array picked by `?:` is a copy, retained per row.
            if t.exact { w.cell(yes) } else { w.cell(no) }
            w.endRow()
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
        // Per event: prevention lead and first handling days, from the lead times; the four
        // handling figures of the i-th incident with any sit at handling[4i..<4i+4].
        // In 32 bits, `none` for no figure: four arrays of a million entries each.
        let n = d.events.count
        let none = Int32.min
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
        func figure(_ v: Int32) -> Int? { v == none ? nil : Int(v) }
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
        func each(_ k: EventIndex) {
            let date = events.dates[k]
            for (n, column) in schema.enumerated() {
                if n > 0 { w.separator() }
                switch column.cell(events, k) {
                case .text(let r): w.text(r, in: store)
                case .date(let written): w.written(written)
                case .precision(let p): w.cell(precisions[p.order])
                case .day(let day): w.day(day)
                case .kind(let kind): w.cell(kinds[kind.order])
                case .jurisdiction(let j): w.cell(jurisdictions[j.raw])
                case .number(let n): w.int(n)
                case .status(let st): if let st { w.cell(statuses[st.order]) }
                case .links(let links):
                    // `relation:target;…` made as bytes, then quoted like any text cell.
                    linkBytes.removeAll(keepingCapacity: true)
                    for (i, l) in links.enumerated() {
                        if i > 0 { linkBytes.append(0x3B) }
                        linkBytes += l.relation.rawValue.utf8
                        linkBytes.append(0x3A)
                        store.withBytes(events.ref(.id, l.target)) { linkBytes.append(span: $0) }
                    }
                    w.text(linkBytes.span)
                case .outlet(let o): w.cell(sources[o])
                }
            }
            for x in events.extras[k] { w.separator(); w.text(x) }
            w.separator()
            w.month(date.anchor.month); w.separator()
            w.day(date.anchor); w.separator()
            w.cell(date.isExact ? yes : no); w.separator()
            w.day(d.knownDay(k)); w.separator()
            if let st = statusAsOf[k] { w.cell(statuses[st.order]) }
            w.separator()
            w.int(figure(preventionDays[k])); w.separator()
            if preventionElection[k] >= 0 { w.cell(elections[Int(preventionElection[k])]) }
            w.separator()
            let h = Int(handlingIndex[k])
            for s in 0..<4 {
                if h >= 0 { w.int(figure(handling[h + s])) }
                w.separator()
            }
            w.int(figure(lag[k]))
            w.endRow()
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
