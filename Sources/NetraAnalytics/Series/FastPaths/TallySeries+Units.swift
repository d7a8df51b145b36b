import NetraCore

// Speed code, fenced: the tally series' units read without a String per row. The plain path
// (`TallySeries(_:)`) makes and trims a String for every tally and pledge; the analysis's
// (`TallySeries(_:byID:)`) names each distinct unit once, here. `TallySeriesRankTests` holds
// the two to the same series, units with spaces and tabs around them included.

/// Each distinct unit (trimmed of spaces and tabs) as it is first met: its bytes and its name.
struct UnitNames {
    private var known: [(bytes: [UInt8], name: String)] = []
    /// Where the last row's unit was found: a run of rows mostly repeats one unit.
    private var last = 0
    /// At most this many units are kept and searched; past them each row's unit is made as the
    /// plain path makes it (a file of a million different units must not be searched one by one).
    private static let searched = 16

    /// The unit of row `k`, trimmed.
    mutating func name(of k: EventIndex, in events: EventTable) -> String {
        events.text.withBytes(events.ref(.unit, k)) { cell in
            var lo = 0, hi = cell.count
            while lo < hi, cell[lo] == 0x20 || cell[lo] == 0x09 { lo += 1 }
            while hi > lo, cell[hi - 1] == 0x20 || cell[hi - 1] == 0x09 { hi -= 1 }
            // A space cut off next to a non-ASCII character may belong to it (a combining
            // mark after it, a prepended sign before it): the plain path's own answer then.
            if (lo > 0 && lo < hi && cell[lo] >= 0x80) || (hi < cell.count && hi > lo && cell[hi - 1] >= 0x80) {
                return events.string(.unit, k).trimmingSpaces
            }
            let unit = cell.extracting(lo..<hi)
            if last < known.count, Self.same(known[last].bytes, unit) { return known[last].name }
            if let n = known.indices.first(where: { Self.same(known[$0].bytes, unit) }) {
                last = n
                return known[n].name
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(unit.count)
            for i in unit.indices { bytes.append(unit[i]) }
            let name = String(decoding: bytes, as: UTF8.self)
            if known.count < Self.searched {
                known.append((bytes, name))
                last = known.count - 1
            }
            return name
        }
    }

    private static func same(_ a: [UInt8], _ b: Span<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.indices where a[i] != b[i] { return false }
        return true
    }
}
