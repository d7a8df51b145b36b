import NetraCore

extension LeadTimes.Figures {
    /// What `listed(by: IDOrder)` gives, made on two cores: each lists the figures whose events
    /// rank in its half of the id order, into its own part of each measure's run of the output.
    /// Each core's table of ranks is half as large (2 MB at a million events, within its own
    /// cache), and the low half's run starts where the measure's does, the high half's where
    /// the measure's figures outside it end. An event with two figures of one measure (none
    /// does: `figures` makes at most one) would break that count: it is listed on one core.
    /// Fewer events than `from` are listed on one core.
    func listedOnTwoCores(by order: IDOrder, from: Int = 50_000) -> [LeadTime] {
        let n = order.rank.count
        let total = byMeasure.reduce(0) { $0 + $1.count }
        guard Parallel.cores > 1, n >= max(from, 2) else { return listed(by: order) }
        // Where each measure's run starts.
        var sum = 0
        let starts = byMeasure.map { list in
            defer { sum += list.count }
            return sum
        }
        let mid = n / 2
        var repeated = false
        let out = [LeadTime](unsafeUninitializedCapacity: total) { buffer, initialized in
            let shared = UnsafeTransfer(buffer)
            let (low, high) = Parallel.both(
                { self.listHalf(order, ranks: 0..<mid, into: shared.value, starts: starts, low: true) },
                { self.listHalf(order, ranks: mid..<n, into: shared.value, starts: starts, low: false) })
            repeated = low || high
            // Every slot was written unless an event repeated (then the list is made again).
            initialized = repeated ? 0 : total
        }
        return repeated ? listed(by: order) : out
    }

    /// Lists the figures whose events rank in `ranks` into their runs of `out`; true when an
    /// event has two figures of one measure (the runs are then wrong).
    private func listHalf(
        _ order: IDOrder, ranks: Range<Int>, into out: UnsafeMutableBufferPointer<LeadTime>, starts: [Int], low: Bool
    ) -> Bool {
        var byRank = [Int32](repeating: -1, count: ranks.count)
        var repeated = false
        let lo = ranks.lowerBound
        for (m, list) in byMeasure.enumerated() where !list.isEmpty {
            var mine = 0
            for (i, t) in list.enumerated() {
                let r = Int(order.rank[t.event])
                guard ranks.contains(r) else { continue }
                if byRank[r - lo] >= 0 { repeated = true } else { mine += 1 }
                byRank[r - lo] = Int32(truncatingIfNeeded: i)
            }
            var at = low ? starts[m] : starts[m] + list.count - mine
            for r in byRank.indices where byRank[r] >= 0 {
                out[at] = list[Int(byRank[r])]
                at += 1
                byRank[r] = -1
            }
        }
        return repeated
    }
}
