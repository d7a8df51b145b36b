import NetraAnalytics
import NetraCore

extension Analysis {
    /// `jurisdiction,unit,status,date,count,event_id,latest`: one row per `case_tally`, by
    /// jurisdiction id, unit, status, date, count (none first), event id; `latest` marks the
    /// tally that stands in its series (README.md, *tallies.csv*).
    public func talliesCSV(flavour: CSVFlavour, tallies: TallySeries? = nil) -> [UInt8] {
        let sink = ByteSink()
        writeTalliesCSV(flavour: flavour, tallies: tallies, into: sink)
        return sink.collected
    }

    /// The tallies export, written into `sink` chunk by chunk, a row at a time into room made
    /// for it (`CSVWriter.row(bound:)`).
    public func writeTalliesCSV(flavour: CSVFlavour, tallies: TallySeries? = nil, into sink: ByteSink) {
        let t = tallies ?? self.tallies
        let d = dataset
        let events = d.events, store = events.text
        var w = CSVWriter(flavour: flavour, capacity: 2 * ByteSink.chunk)
        w.row(["jurisdiction", "unit", "status", "date", "count", "event_id", "latest"])
        let yes = w.encoded("true"), no = w.encoded("false")
        for s in t.series {
            let jurisdiction = w.encoded(d.jurisdictions[s.key.jurisdiction].id)
            let unit = w.encoded(s.key.unit)
            let status = s.key.status.map { w.encoded($0.rawValue) } ?? []
            // The series' cells, the latest mark, a date, a count, delimiters and the line end.
            let room = jurisdiction.count + unit.count + status.count + max(yes.count, no.count) + CSVCells.dateBound + CSVCells.intBound + 6 + 2
            for x in s.tallies {
                let id = events.ref(.id, x.event)
                w.row(bound: room + CSVCells.textBound(id.range.count)) { o, f in
                    CSVCells.encoded(jurisdiction, &o); CSVCells.separator(f, &o)
                    CSVCells.encoded(unit, &o); CSVCells.separator(f, &o)
                    CSVCells.encoded(status, &o); CSVCells.separator(f, &o)
                    CSVCells.day(x.day, f, &o); CSVCells.separator(f, &o)
                    CSVCells.int(x.count, &o); CSVCells.separator(f, &o)
                    store.withBytes(id) { CSVCells.text($0, plain: id.isPlain, f, &o) }
                    CSVCells.separator(f, &o)
                    if x.latest { CSVCells.encoded(yes, &o) } else { CSVCells.encoded(no, &o) }
                    CSVCells.endRow(f, &o)
                }
                w.spill(into: sink)
            }
        }
        w.finish(into: sink)
    }
}
