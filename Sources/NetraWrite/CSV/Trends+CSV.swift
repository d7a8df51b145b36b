import NetraAnalytics
import NetraCore

extension Analysis {
    /// `month,jurisdiction,events,baseline,change_pct,label`.
    public func trendsCSV(flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["month", "jurisdiction", "events", "baseline", "change_pct", "label"])
        for p in Trends.rows(monthlyTable, dataset) {
            w.row([
                .text(p.month.iso), .text(p.jurisdiction.map { dataset.jurisdictions[$0].id } ?? ""), .int(p.events),
                .number(p.baselineTenths.map(Trends.tenths) ?? ""), .number(p.changeTenths.map(Trends.tenths) ?? ""),
                .text(p.label.rawValue)
            ])
        }
        return w.bytes
    }
}
