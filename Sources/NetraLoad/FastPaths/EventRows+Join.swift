import NetraCore

extension DatasetLoader.EventRows {
    /// Appends the rows of the part of the file after this one and enters every id. False
    /// when an id comes twice: the caller then reads the whole file again to say where.
    mutating func append(_ next: Self) -> Bool {
        let decodedBase = UInt32(decoded.count)
        func rebase(_ r: TextRef) -> TextRef {
            r.isDecoded ? TextRef(start: r.start + decodedBase, count: r.count) : r
        }
        let eventBase = events.count
        decoded += next.decoded
        rowLine += next.rowLine
        rowEvent += next.rowEvent.lazy.map { $0 < 0 ? -1 : $0 + eventBase }
        rowID += next.rowID.lazy.map(rebase)
        let sourceMap = next.sources.keys.map { k in sources.intern(k[...]) }
        events.append(next.events, rebase: rebase, outlets: sourceMap)
        pending += next.pending.lazy.map { l in
            var l = l
            l.event += eventBase
            l.target = rebase(l.target)
            return l
        }
        linkLine += next.linkLine
        linkLineStart += next.linkLineStart
        linkOffset += next.linkOffset
        // One id table for both parts, each half of it filled on its own core; an id in
        // two rows anywhere sends the caller back to reading in one piece.
        guard let table = IDTable.build(rowID, file: store.file, decoded: decoded) else { return false }
        ids = table
        return true
    }
}
