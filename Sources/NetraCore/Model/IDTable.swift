/// An open-addressing table from id bytes to a number (a row or an event), holding no
/// copies of the ids: callers compare against their own bytes. A million `String` keys in
/// a `Dictionary` would be a million heap blocks, each hashed with SipHash.
struct IDTable: Sendable {
    /// Tables made apart (one per part of a file read on two cores) and joined: each numbers
    /// its entries from `offset`. An entry is the hash's top half and the number + 1 in one
    /// word (0: empty), so a probe touches one cache line, not two. The top bits of the hash
    /// also pick the slot, so a table can grow from what its entries hold.
    private struct Segment: Sendable {
        var entries: [UInt64]
        var bits: Int
        var offset: Int
        var used = 0

        init(bits: Int, offset: Int) {
            entries = [UInt64](repeating: 0, count: 1 << bits)
            self.bits = bits
            self.offset = offset
        }

        /// The first slot for a hash whose top half is `top`.
        @inline(__always)
        func slot(_ top: UInt64) -> Int { Int(truncatingIfNeeded: top >> UInt64(32 - bits)) }
    }
    private var segments: [Segment]
    private(set) var count = 0

    init(capacity: Int) {
        var bits = 4
        while bits < 32 && (1 << bits) < capacity * 2 { bits += 1 }
        segments = [Segment(bits: bits, offset: 0)]
    }

    /// A table with no room, to stand in for one taken out for a while.
    static let placeholder = IDTable(segments: [])

    private init(segments: [Segment]) { self.segments = segments }

    /// `first`'s entries, then `second`'s numbered from `offset`. The caller has made sure
    /// that no id is in both.
    static func joined(_ first: IDTable, _ second: IDTable, offset: Int) -> IDTable {
        var t = first
        t.segments += second.segments.map { var s = $0; s.offset += offset; return s }
        t.count += second.count
        return t
    }

    /// A fast, well-mixed hash of bytes, 8 at a time.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < b.count { tail |= UInt64(b[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    private static let numberMask: UInt64 = 0xFFFF_FFFF

    /// The number stored for `b`, if any; `same(n)` tells whether entry `n`'s id is `b`.
    func find(_ b: UnsafeBufferPointer<UInt8>, same: (Int) -> Bool) -> Int? {
        let top = IDTable.hash(b) >> 32
        let tag = top << 32
        for s in segments {
            let mask = s.entries.count - 1
            var i = s.slot(top)
            while true {
                let e = s.entries[i]
                if e == 0 { break }
                if e & ~IDTable.numberMask == tag {
                    let n = Int(e & IDTable.numberMask) - 1 + s.offset
                    if same(n) { return n }
                }
                i = (i + 1) & mask
            }
        }
        return nil
    }

    /// Stores `n` for `b` unless `b` is there already; returns the number already stored.
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, _ n: Int, same: (Int) -> Bool) -> Int? {
        if segments.count > 1, let old = find(b, same: same) { return old }
        let top = IDTable.hash(b) >> 32
        let tag = top << 32
        let last = segments.count - 1
        let offset = segments[last].offset
        let mask = segments[last].entries.count - 1
        var i = segments[last].slot(top)
        while true {
            let e = segments[last].entries[i]
            if e == 0 { break }
            if e & ~IDTable.numberMask == tag {
                let old = Int(e & IDTable.numberMask) - 1 + offset
                if same(old) { return old }
            }
            i = (i + 1) & mask
        }
        // Numbers are rows of one file, well under 2^32.
        segments[last].entries[i] = tag | UInt64(UInt32(truncatingIfNeeded: n - offset + 1))
        count += 1
        segments[last].used += 1
        if segments[last].used * 2 > segments[last].entries.count { grow() }
        return nil
    }

    /// Doubles the last segment, each entry placed again by its stored top half.
    private mutating func grow() {
        let last = segments.count - 1
        // Past 2^31 slots the top half of the hash cannot place an entry; a file under
        // 4 GiB never holds that many rows.
        guard segments[last].bits < 32 else { return }
        let old = segments[last].entries
        var bigger = Segment(bits: segments[last].bits + 1, offset: segments[last].offset)
        bigger.used = segments[last].used
        let mask = bigger.entries.count - 1
        for e in old where e != 0 {
            var i = bigger.slot(e >> 32)
            while bigger.entries[i] != 0 { i = (i + 1) & mask }
            bigger.entries[i] = e
        }
        segments[last] = bigger
    }
}

/// Finds events by id: `dataset.eventIndex["kota-2023-11-02-pledge"]`.
public struct EventIndex: Sendable {
    let table: IDTable
    let events: [Event]

    init(table: IDTable, events: [Event]) {
        self.table = table
        self.events = events
    }

    /// Indexes `events` by id; the first of equal ids wins.
    init(_ events: [Event]) {
        var t = IDTable(capacity: events.count)
        for k in events.indices {
            _ = events[k].withUTF8(.id) { b in t.insert(b, k) { n in events[n].withUTF8(.id) { $0.elementsEqual(b) } } }
        }
        self.init(table: t, events: events)
    }

    /// The index of the event with this id.
    public subscript(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { b in table.find(b) { n in events[n].withUTF8(.id) { $0.elementsEqual(b) } } }
    }

    public var count: Int { table.count }
}
