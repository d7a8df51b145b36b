import NetraAnalytics
import NetraCore

extension CaseClocks {
    static let header = [
        "rule", "regime", "article", "verified", "case", "jurisdiction", "start_stage", "start_event",
        "start_date", "end_stage", "end_event", "end_date", "days", "working_days", "limit", "unit",
        "state", "problem"
    ]

    /// The clocks as CSV, one a row: the rule and its article, the case, the days (`≥ 16` when
    /// a date is imprecise), the limit, and the state.
    public func csv(_ list: [CaseClock], _ d: Dataset, flavour: CSVFlavour) -> [UInt8] {
        let sink = ByteSink()
        writeCSV(list, d, flavour: flavour, into: sink)
        return sink.collected
    }

    /// The clocks' CSV written into `sink` chunk by chunk (a million events make 70 MB of
    /// it), cell by cell: ids copied from the dataset's bytes, no String or cell array per row.
    public func writeCSV(_ list: [CaseClock], _ d: Dataset, flavour: CSVFlavour, into sink: ByteSink) {
        var w = CSVWriter(flavour: flavour, capacity: min(list.count * 300, 2 * ByteSink.chunk))
        w.row(Self.header)
        let ev = d.events
        let jurisdictions = d.jurisdictions.map { w.encoded($0.id) }
        func id(_ k: EventIndex) { w.text(.id, of: k, in: ev) }
        // Dates and day counts written as the text they read as (`written` and `int` give the
        // same bytes as that text for a date and for a count of 0 or more), with no String made
        // per row; a bound (`≥ 18`) and a negative count (neutralised in Excel's flavour) as text.
        func days(_ n: ClockDays) {
            if case .exact(let v) = n, v >= 0 { w.int(v) } else { w.text(n.text) }
        }
        for c in list {
            let rule = c.rule
            w.text(rule.id); w.separator()
            w.text(rule.regime.rawValue); w.separator()
            w.text(rule.article); w.separator()
            w.text(rule.verified ? "verified" : "unverified"); w.separator()
            id(c.caseFile.report); w.separator()
            w.cell(jurisdictions[c.caseFile.jurisdiction.raw]); w.separator()
            w.text(rule.start.rawValue); w.separator()
            id(c.start); w.separator()
            w.written(ev.dates[c.start].written); w.separator()
            w.text(rule.end.rawValue); w.separator()
            if let end = c.end { id(end); w.separator(); w.written(ev.dates[end].written) } else { w.separator() }
            w.separator()
            days(c.days); w.separator()
            if let working = c.workingDays { days(working) }
            w.separator()
            w.int(rule.limit); w.separator()
            w.text(rule.unit.rawValue); w.separator()
            w.text(c.state.rawValue); w.separator()
            if let p = c.problem { w.text("outside the working-day calendar: \(p.day.iso)") }
            w.endRow()
            w.spill(into: sink)
        }
        w.finish(into: sink)
    }

    /// The ledger as CSV: `jurisdiction,received,decided,forwarded,sanctioned,waiting,days_outstanding,median_days_outstanding,longest_days_outstanding`.
    public func ledgerCSV(_ d: Dataset, flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row([
            "jurisdiction", "received", "decided", "forwarded", "sanctioned", "waiting", "days_outstanding",
            "median_days_outstanding", "longest_days_outstanding", "as_of"
        ])
        for r in ledger(d) {
            w.row([
                .text(d.jurisdictions[r.jurisdiction].id), .int(r.received), .int(r.decided), .int(r.forwarded),
                .int(r.sanctioned), .int(r.waiting), .text(r.waitingDays.map(\.text).joined(separator: ";")),
                .number(r.median?.description ?? ""), .text(r.waitingDays.first?.text ?? ""), .text(asOf.iso)
            ])
        }
        return w.bytes
    }
}
