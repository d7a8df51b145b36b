import NetraCore

/// The CSV exports analysts load into their own tools. Their columns are a contract:
/// README.md documents each one.
public enum ExportKind: String, CaseIterable, Sendable {
    case events, monthly, leadtimes, compare

    /// The file `netra report` writes it to.
    public var fileName: String { "\(rawValue).csv" }
}

extension Analysis {
    /// The export of `kind` as CSV bytes.
    public func export(_ kind: ExportKind, flavour: CSVFlavour = .plain, rollup: Bool = false,
                       pair: (a: Int, b: Int)? = nil) -> [UInt8] {
        switch kind {
        case .events: return eventsCSV(flavour: flavour)
        case .monthly: return monthlyCSV(flavour: flavour, rollup: rollup)
        case .leadtimes: return leadTimesCSV(flavour: flavour)
        case .compare:
            guard let p = pair ?? dataset.defaultComparisonPair().map({ ($0.a, $0.b) }) else {
                var w = CSVWriter(flavour: flavour)
                w.row(["metric"])
                return w.bytes
            }
            return compareCSV(compare(p.a, p.b), flavour: flavour)
        }
    }

    /// `month,jurisdiction,kind,events,count_sum`
    public func monthlyCSV(flavour: CSVFlavour, rollup: Bool) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["month", "jurisdiction", "kind", "events", "count_sum"])
        for r in monthly(rollup: rollup) {
            w.row([.text(r.month.iso), .text(dataset.jurisdictions[r.jurisdiction].id), .text(r.kind.rawValue),
                   .int(r.events), .int(r.countSum)])
        }
        return w.bytes
    }

    /// `measure,event_id,jurisdiction,target_id,days,exact`
    public func leadTimesCSV(flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour, capacity: leadTimes.count * 64)
        w.row(["measure", "event_id", "jurisdiction", "target_id", "days", "exact"])
        for t in leadTimes {
            w.row([.text(t.measure.rawValue), .text(dataset.events[t.event].id),
                   .text(dataset.jurisdictions[t.jurisdiction].id), .text(targetID(t.target)),
                   .int(t.days), .text(t.exact ? "true" : "false")])
        }
        return w.bytes
    }

    /// `measure,jurisdiction,n,median,min,max,exact_n`: the summary behind the lead-time chart.
    public func leadTimeSummaryCSV(flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["measure", "jurisdiction", "n", "median", "min", "max", "exact_n"])
        for s in leadTimeSummary() {
            w.row([.text(s.measure.rawValue), .text(dataset.jurisdictions[s.jurisdiction].id), .int(s.n),
                   .number(s.median.description), .int(s.min), .int(s.max), .int(s.exactCount)])
        }
        return w.bytes
    }

    /// `metric,<id A>,<id B>`
    public func compareCSV(_ c: Comparison, flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["metric", dataset.jurisdictions[c.a].id, dataset.jurisdictions[c.b].id])
        for r in c.rows {
            w.row([.text(r.metric.rawValue), cell(r.a), cell(r.b)])
        }
        return w.bytes
    }

    /// Every input column, then the computed ones (see `computedEventColumns`); with
    /// `only`, just those events, in that order.
    public func eventsCSV(flavour: CSVFlavour, only: [Int]? = nil) -> [UInt8] {
        let d = dataset
        var w = CSVWriter(flavour: flavour, capacity: d.events.count * 400)
        w.row(DatasetLoader.eventColumns + d.extraEventColumns + Analysis.computedEventColumns)
        // Per event: prevention lead and first handling days, from the lead times.
        var prevention = [LeadTime?](repeating: nil, count: d.events.count)
        var handling = [[Int?]](repeating: [nil, nil, nil, nil], count: 0)
        var handlingIndex = [Int](repeating: -1, count: d.events.count)
        var lag = [Int?](repeating: nil, count: d.events.count)
        for t in leadTimes {
            switch t.measure {
            case .prevention: prevention[t.event] = t
            case .reportingLag: lag[t.event] = t.days
            case .response, .report, .decision, .sanction:
                if handlingIndex[t.event] < 0 {
                    handlingIndex[t.event] = handling.count
                    handling.append([nil, nil, nil, nil])
                }
                let slot = [LeadTimeMeasure.response, .report, .decision, .sanction].firstIndex(of: t.measure) ?? 0
                handling[handlingIndex[t.event]][slot] = t.days
            }
        }
        for k in only ?? Array(d.events.indices) {
            let e = d.events[k]
            var cells: [CSVCell] = [
                .text(e.id), .text(e.date.written.text), .text(e.date.precision.rawValue), .text(e.endDate?.iso ?? ""),
                .text(e.kind.rawValue), .text(d.jurisdictions[e.jurisdiction].id), .text(e.title), .text(e.actors),
                .text(e.place), .int(e.count), .text(e.unit), .text(e.status?.rawValue ?? ""),
                .text(e.links.map { "\($0.relation.rawValue):\(d.events[$0.target].id)" }.joined(separator: ";")),
                .text(e.source), .text(e.sourceURL), .text(e.sourceDate?.iso ?? ""), .text(e.quote), .text(e.notes),
            ]
            cells += e.extras.map(CSVCell.text)
            let h = handlingIndex[k] >= 0 ? handling[handlingIndex[k]] : [nil, nil, nil, nil]
            let p = prevention[k]
            var electionID = ""
            if case .election(let el)? = p?.target { electionID = d.elections[el].id }
            cells += [
                .text(e.date.anchor.month.iso), .text(e.date.anchor.iso), .text(e.date.isExact ? "true" : "false"),
                .int(p?.days), .text(electionID),
                .int(h[0]), .int(h[1]), .int(h[2]), .int(h[3]), .int(lag[k]),
            ]
            w.row(cells)
        }
        return w.bytes
    }

    /// The columns the events export adds after the input ones.
    public static let computedEventColumns = [
        "month", "anchor_date", "date_exact", "prevention_lead_days", "prevention_election",
        "first_response_days", "first_report_days", "first_decision_days", "first_sanction_days",
        "reporting_lag_days",
    ]

    func targetID(_ t: LeadTime.Target) -> String {
        switch t {
        case .election(let e): return dataset.elections[e].id
        case .event(let e): return dataset.events[e].id
        case .none: return ""
        }
    }

    func cell(_ v: MetricValue) -> CSVCell { v.isNumeric ? .number(v.description) : .text(v.description) }
}
