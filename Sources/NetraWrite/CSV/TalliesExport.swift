import NetraAnalytics
import NetraCore

extension Analysis {
    /// `jurisdiction,unit,status,date,count,event_id,latest`: one row per `case_tally`, by
    /// jurisdiction id, unit, status, date, count (none first), event id; `latest` marks the
    /// tally that stands in its series (README.md, *tallies.csv*).
    public func talliesCSV(flavour: CSVFlavour, tallies: TallySeries? = nil) -> [UInt8] {
        let t = tallies ?? self.tallies
        let d = dataset
        var w = CSVWriter(flavour: flavour)
        w.row(["jurisdiction", "unit", "status", "date", "count", "event_id", "latest"])
        let yes = w.encoded("true"), no = w.encoded("false")
        for s in t.series {
            let jurisdiction = w.encoded(d.jurisdictions[s.key.jurisdiction].id)
            let unit = w.encoded(s.key.unit)
            let status = s.key.status.map { w.encoded($0.rawValue) } ?? []
            for x in s.tallies {
                w.cell(jurisdiction); w.separator()
                w.cell(unit); w.separator()
                w.cell(status); w.separator()
                w.day(x.day); w.separator()
                w.int(x.count); w.separator()
                w.text(.id, of: x.event, in: d.events); w.separator()
                w.cell(x.latest ? yes : no); w.endRow()
            }
        }
        return w.bytes
    }
}
