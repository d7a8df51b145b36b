import NetraCore
import NetraText
import NetraAnalytics

/// `netra export xlsx` and the report's `netra.xlsx`: the exports as sheets of one workbook.
/// Each sheet is an export's own rows (the plain CSV, read back), its cells typed by column:
/// nothing is counted again.
extension Analysis {
    /// `rollup` and `pair` as for the monthly and compare exports.
    public func workbook(lang: Language, rollup: Bool = false, pair: (a: JurisdictionIndex, b: JurisdictionIndex)? = nil) -> Workbook {
        func sheet(_ key: StringKey, _ table: (header: [String], rows: [[Cell]])) -> Sheet {
            Sheet(name: key.text(lang), header: table.header, rows: table.rows)
        }
        let events = Self.parse(export(.events), schema: dataset.schema)
        var sheets = [summary(lang: lang, events: events, monthly: Self.parse(export(.monthly)))]
        sheets.append(sheet(.sheetEvents, events))
        sheets.append(sheet(.sheetMonthly, Self.parse(export(.monthly, rollup: rollup))))
        sheets.append(sheet(.sheetTallies, Self.parse(export(.tallies))))
        sheets.append(sheet(.sheetLeadTimes, Self.parse(export(.leadtimes))))
        var compare = Self.parse(export(.compare, pair: pair), numericAfterFirst: true)
        // No pair to compare: the sheet says why, where the figures would be.
        if pair == nil, case .none = dataset.comparisonChoice(), let why = dataset.comparisonChoice().note(dataset) {
            compare.rows.append([.text(why.text(lang))])
        }
        sheets.append(sheet(.sheetComparison, compare))
        // The folder's own name: the same dataset gives the same bytes wherever it lives.
        let name = dataset.name.split(separator: "/").last.map(String.init) ?? ""
        return Workbook(sheets: sheets, title: name.isEmpty ? "Netra" : "Netra: " + name)
    }

    /// Ringkasan: the day the figures stand on, the key figures and the sources, all read
    /// off the events and monthly exports' rows (the monthly rows the events' own: a
    /// rolled-up row would count an event again).
    func summary(lang: Language, events: (header: [String], rows: [[Cell]]), monthly: (header: [String], rows: [[Cell]])) -> Sheet {
        func col(_ h: [String], _ name: String) -> Int? { h.firstIndex(of: name) }
        func text(_ c: Cell) -> String? { if case .text(let t) = c { return t } else { return nil } }
        var rows: [[Cell]] = []
        rows.append([.text(StringKey.asOfFigure.text(lang)), standsOn.map { .date($0) } ?? .empty])
        rows.append([.text(StringKey.eventsFigure.text(lang)), .int(events.rows.count)])
        rows.append([.text(StringKey.jurisdictionsFigure.text(lang)), .int(dataset.jurisdictions.count)])
        rows.append([.text(StringKey.electionsFigure.text(lang)), .int(dataset.elections.count)])
        if let a = col(events.header, "anchor_date") {
            let days = events.rows.compactMap { r -> Day? in if a < r.count, case .date(let d) = r[a] { return d } else { return nil } }
            if let first = days.min(), let last = days.max() {
                rows.append([.text(StringKey.firstEventFigure.text(lang)), .date(first)])
                rows.append([.text(StringKey.lastEventFigure.text(lang)), .date(last)])
            }
        }
        if let k = col(monthly.header, "kind"), let n = col(monthly.header, "events") {
            var byKind: [String: Int] = [:]
            for r in monthly.rows where k < r.count && n < r.count {
                if let kind = text(r[k]), case .int(let c) = r[n] { byKind[kind, default: 0] += c }
            }
            for kind in EventKind.allCases {
                if let c = byKind[kind.rawValue] {
                    rows.append([.text(StringKey.eventsOfKind.text(lang) + Strings.kind(kind).text(lang)), .int(c)])
                }
            }
        }
        if let s = col(events.header, "source") {
            var bySource: [String: Int] = [:]
            for r in events.rows where s < r.count { if let t = text(r[s]) { bySource[t, default: 0] += 1 } }
            rows.append([])
            rows.append([.text(StringKey.sourcesHeading.text(lang)), .text(StringKey.eventsColumn.text(lang))])
            for (name, n) in bySource.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                rows.append([.text(name), .int(n)])
            }
        }
        return Sheet(name: StringKey.sheetSummary.text(lang), header: [StringKey.figureColumn.text(lang), StringKey.valueColumn.text(lang)], rows: rows)
    }

    /// What the cells of the exports' own columns of days and of whole numbers are.
    static let computedValues: [String: CellValue] = {
        var out: [String: CellValue] = [:]
        for name in ["anchor_date", "known_by"] { out[name] = .day }
        for name in [
            "events", "count_sum", "counted", "days", "n", "min", "max", "exact_n",
            "prevention_lead_days", "first_response_days", "first_report_days", "first_decision_days",
            "first_sanction_days", "reporting_lag_days"
        ] { out[name] = .number }
        return out
    }()

    /// What a column's cells are: an input column's as the schema declares them, else an
    /// export's own.
    static func value(of column: String, schema: EventSchema = .standard) -> CellValue {
        schema.value(of: column) ?? computedValues[column] ?? .text
    }

    /// A cell as its column holds it: a day in a date column, a whole number in a count
    /// column, a number in the comparison's figures; anything else (a month, a year) text.
    static func typed(_ raw: String, column: String, numeric: Bool) -> Cell {
        typed(raw, value: value(of: column), median: column == "median", numeric: numeric)
    }

    static func typed(_ raw: String, value: CellValue, median: Bool, numeric: Bool) -> Cell {
        if raw.isEmpty { return .empty }
        switch value {
        case .day: if let d = day(raw) { return .date(d) }
        case .number: if let i = Int(raw) { return .int(i) }
        case .text: break
        }
        if median || numeric, let x = Double(raw), x.isFinite, raw.first != "+" { return .number(x) }
        return .text(raw)
    }

    /// A full `YYYY-MM-DD` day, else nil.
    static func day(_ raw: String) -> Day? {
        if case .success(let w) = WrittenDate.parse(raw), w.form == .day { return w.anchor }
        return nil
    }

    /// The header and the typed rows of a plain CSV export, in one pass (a big events
    /// export is not held as text besides); `numericAfterFirst` for the comparison's figures.
    static func parse(_ csv: [UInt8], numericAfterFirst: Bool = false, schema: EventSchema = .standard) -> (header: [String], rows: [[Cell]]) {
        var header: [String]?
        // Each column's type and whether it is the median, found once from the header.
        var columns: [(value: CellValue, median: Bool)] = []
        var rows: [[Cell]] = []
        _ = CSVReader.read(csv, delimiter: 0x2C) { rec in
            guard header != nil else {
                let h = (0..<rec.count).map { rec.string($0) }
                header = h
                columns = h.map { (value(of: $0, schema: schema), $0 == "median") }
                return
            }
            rows.append(
                (0..<rec.count).map { k in
                    let c = k < columns.count ? columns[k] : (value: CellValue.text, median: false)
                    return typed(rec.string(k), value: c.value, median: c.median, numeric: numericAfterFirst && k > 0)
                })
        }
        return (header ?? [], rows)
    }
}
