import NetraLoad
import NetraAnalytics
import NetraCore

extension Analysis {
    /// `event_id,other_id,days_apart,title_similarity,same_source_url`: one row per possible
    /// duplicate pair among the events that take part, `event_id` the one on the earlier line.
    public func duplicatesCSV(flavour: CSVFlavour, pairs: [DuplicatePair]? = nil) -> [UInt8] {
        let e = dataset.events
        var w = CSVWriter(flavour: flavour)
        w.row(["event_id", "other_id", "days_apart", "title_similarity", "same_source_url"])
        for p in pairs ?? PossibleDuplicates.find(e) {
            w.row([
                .text(e.id(p.first)), .text(e.id(p.second)), .int(p.daysApart),
                .number(p.similarityText), .text(p.sameSourceURL ? "true" : "false")
            ])
        }
        return w.bytes
    }
}
