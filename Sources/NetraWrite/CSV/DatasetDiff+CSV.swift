import NetraCore
import NetraAnalytics

extension DatasetDiff {
    /// `change,table,id,field,old,new`.
    public func csv(flavour: CSVFlavour) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.row(["change", "table", "id", "field", "old", "new"])
        for e in entries { w.row([e.change.rawValue, e.table.rawValue, e.id, e.field, e.old, e.new]) }
        return w.bytes
    }
}
