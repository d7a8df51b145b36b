import NetraCore

extension TallySeries.Tally {
    /// One series' tallies in their order (anchor, count with none first, then id) with the
    /// ids' ranks in the id order (`IDOrder.rank`) standing for the ids: ranks follow ids,
    /// then rows, as the plain stable sort on ids does, and no id is read.
    static func sortedByRank(_ tallies: [TallySeries.Tally], _ idRank: Column<EventIndex, Int32>) -> [TallySeries.Tally] {
        tallies.sorted { a, b in (a.day, a.count ?? -1, idRank[a.event]) < (b.day, b.count ?? -1, idRank[b.event]) }
    }
}
