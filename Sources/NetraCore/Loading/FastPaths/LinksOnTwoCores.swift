extension DatasetLoader {
    /// Pending links at least this many are resolved on two cores.
    static let twoCoreLinks = 1 << 16

    /// `resolveLinks` on two cores, each taking whole events (the pending list is in event
    /// order): the same links and messages in the same order. Tests compare the two.
    static func resolveLinksOnTwoCores(_ r: EventRows, file: String, data: [UInt8]) -> ResolvedLinks {
        let pending = r.pending
        var cut = pending.count / 2
        while cut > 0 && cut < pending.count && pending[cut].event == pending[cut - 1].event { cut += 1 }
        assert(cut == 0 || cut == pending.count || pending[cut].event != pending[cut - 1].event, "a cut between events")
        let middle = cut
        let (a, b) = Parallel.both({ resolveLinks(r, file: file, data: data, range: 0..<middle) },
                                   { resolveLinks(r, file: file, data: data, range: middle..<pending.count) })
        return ResolvedLinks(links: a.links + b.links, unknown: a.unknown + b.unknown)
    }
}
