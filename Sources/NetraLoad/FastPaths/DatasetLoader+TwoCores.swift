import NetraCore

extension DatasetLoader {
    /// Pending links at least this many are resolved on two cores.
    static let twoCoreLinks = 1 << 16

    /// A clean `events.csv` read on two cores: the rows after the header cut in two at a
    /// record boundary, each part read into its own rows, the second appended to the first
    /// and every id entered once. Nil at the first sign of a problem (the plain reading then
    /// reports it). `SplitLoadTests` and the fuzzer hold it to the plain reading.
    static func readOnTwoCores(
        _ table: inout Table, _ context: RowContext, scan: CSVReader.Scan,
        extraNames: inout [String]
    ) -> EventRows? {
        let size = table.bytes.count
        guard
            let (header, joined) = table.readInTwo(
                required: EventColumn.requiredNames, optional: EventColumn.optionalNames, order: EventColumn.names,
                minimumBytes: 0, scan: scan,
                // The first part has room for all: the second is appended to it in place.
                make: { header, part in
                    var rows = context.rows(size / 600, room: part == 0 ? size / 300 : size / 600, entersIDs: false)
                    rows.added = context.added(among: header.extraNames)
                    return rows
                },
                row: { state, rec, col, extras in
                    var sink: [Diagnostic] = []
                    state.add(rec, ColumnPositions(col), extras, &sink)
                    return sink.isEmpty
                },
                join: { first, second, lineShift in first.append(&second, lineShift: lineShift) })
        else { return nil }
        extraNames = header.extraNames
        assert(joined.rowLine.count == joined.rowID.count, "a line and an id per row")
        return joined
    }

    /// `resolveLinks` on two cores, each taking whole events (the pending list is in event
    /// order) and storing their links in `events` (each event's slot written by one core
    /// only): the same links and messages in the same order. Tests compare the two.
    static func resolveLinksOnTwoCores(_ r: EventRows, file: String, data: [UInt8], into events: inout EventTable) -> [Diagnostic] {
        let pending = r.pending
        var cut = pending.count / 2
        while cut > 0 && cut < pending.count && pending[cut].event == pending[cut - 1].event { cut += 1 }
        assert(cut == 0 || cut == pending.count || pending[cut].event != pending[cut - 1].event, "a cut between events")
        let middle = cut
        return events.links.values.withUnsafeMutableBufferPointer { links in
            let shared = UnsafeTransfer(links)
            let (a, b) = Parallel.both(
                { resolveLinks(r, file: file, data: data, range: 0..<middle) { shared.value[$0] = $1 } },
                { resolveLinks(r, file: file, data: data, range: middle..<pending.count) { shared.value[$0] = $1 } })
            return a + b
        }
    }
}
