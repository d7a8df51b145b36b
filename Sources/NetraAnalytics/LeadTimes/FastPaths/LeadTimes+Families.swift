import NetraCore

extension LeadTimes.Figures {
    /// The figures of two disjoint families of measures (`LeadTimes.figures(_:graph:of:)`) as
    /// one: what `figures(_:graph:)` gives in one pass. `Analysis` works out the dated
    /// measures on one core while the other builds the graph, then the handling measures
    /// beside the incidents' statuses.
    func joined(_ other: LeadTimes.Figures) -> LeadTimes.Figures {
        precondition(byMeasure.count == other.byMeasure.count, "the same measures")
        var lists = byMeasure, slots = slot
        for m in lists.indices where !other.byMeasure[m].isEmpty {
            precondition(lists[m].isEmpty, "each measure from one family")
            lists[m] = other.byMeasure[m]
            slots[m] = other.slot[m]
        }
        return LeadTimes.Figures(byMeasure: lists, slot: slots)
    }
}
