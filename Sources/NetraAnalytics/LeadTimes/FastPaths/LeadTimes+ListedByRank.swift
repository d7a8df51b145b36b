import NetraCore

extension LeadTimes.Figures {
    /// What `listed(by: order.order)` gives, gathered the other way round: each measure's
    /// figures (kept in row order) put at their events' ranks in `order`, then read out in rank
    /// order. Random access once per figure, not once per event and measure: at a million
    /// events the plain way's six passes over the id order each missed the cache per event.
    func listed(by order: IDOrder) -> [LeadTime] {
        let n = order.rank.count
        var out: [LeadTime] = []
        out.reserveCapacity(byMeasure.reduce(0) { $0 + $1.count })
        var byRank = [Int32](repeating: -1, count: n)
        for list in byMeasure where !list.isEmpty {
            // A later figure of the same event and measure replaces the earlier, as in `slot`.
            for (i, t) in list.enumerated() { byRank[Int(order.rank[t.event])] = Int32(truncatingIfNeeded: i) }
            for r in 0..<n where byRank[r] >= 0 {
                out.append(list[Int(byRank[r])])
                byRank[r] = -1
            }
        }
        assert(out.count <= out.capacity, "one figure per event and measure at most")
        return out
    }
}
