import NetraCore

extension DatasetLoader.EventRows {
    /// Appends the rows of the part of the file after this one and enters every id. False
    /// when an id comes twice: the caller then reads the whole file again to say where.
    /// `next` is emptied list by list as each is appended: both parts whole at once were the
    /// load's peak of memory. `next`'s lines were counted from 1: `lineShift` is added to each.
    mutating func append(_ next: inout Self, lineShift: Int) -> Bool {
        let decodedBase = UInt32(clamping: decoded.count)
        func rebase(_ r: TextRef) -> TextRef {
            r.isDecoded ? TextRef(start: r.start + decodedBase, count: r.count) : r
        }
        // Events and rows of one file number under 2^31 (EventRows), so these sums fit.
        let eventBase = UInt32(clamping: events.count)
        decoded += next.decoded
        next.decoded = []
        // Lines of a file of at most `FileIO.maxInputBytes` bytes fit in 32 bits (`narrow`).
        let shift = narrow(lineShift)
        rowLine += next.rowLine.lazy.map { $0 + shift }
        next.rowLine = []
        rowEvent += next.rowEvent.lazy.map { $0 < 0 ? -1 : $0 + Int32(bitPattern: eventBase) }
        next.rowEvent = []
        rowID += next.rowID.lazy.map(rebase)
        next.rowID = []
        rowTop += next.rowTop
        next.rowTop = []
        let sourceMap = next.sources.keys.map { k in sources.intern(k[...]) }
        events.append(&next.events, rebase: rebase, outlets: sourceMap, lineShift: lineShift)
        pending += next.pending.lazy.map { l in
            var l = l
            l.event += eventBase
            l.target = rebase(l.target)
            return l
        }
        next.pending = []
        linkLine += next.linkLine.lazy.map { $0 + shift }
        next.linkLine = []
        linkLineStart += next.linkLineStart
        next.linkLineStart = []
        linkOffset += next.linkOffset
        next.linkOffset = []
        // One id table for both parts, each half of it filled on its own core; an id in
        // two rows anywhere sends the caller back to reading in one piece.
        guard let table = IDTable.build(rowID, tops: rowTop, file: store.file, decoded: decoded) else { return false }
        ids = table
        return true
    }
}
