import Synchronization

/// An open-addressing table from id bytes to a number (a row or an event), holding no
/// copies of the ids: callers compare against their own bytes. A million `String` keys in
/// a `Dictionary` would be a million heap blocks, each hashed with SipHash.
@usableFromInline package struct IDTable: Sendable {
    /// Two tables, one for the ids whose hash has its top bit clear and one for the rest, so
    /// that two cores can fill one each. An entry is the hash's top half and the number + 1 in
    /// one word (0: empty): a probe touches one cache line. The hash bits under the top one
    /// pick the slot, so a table can grow from what its entries hold.
    struct Part: Sendable {
        var entries: [UInt64]
        var bits: Int
        var used = 0

        init(bits: Int) {
            entries = [UInt64](repeating: 0, count: 1 << bits)
            self.bits = bits
        }

        /// The first slot for a hash whose top half is `top`.
        @inline(__always)
        func slot(_ top: UInt64) -> Int { Int(truncatingIfNeeded: ((top << 1) & 0xFFFF_FFFF) >> UInt64(32 - bits)) }

        func find(_ top: UInt64, same: (Int) -> Bool) -> Int? {
            let tag = top << 32, mask = entries.count - 1
            var i = slot(top)
            while true {
                let e = entries[i]
                if e == 0 { return nil }
                if e & ~IDTable.numberMask == tag {
                    let n = Int(e & IDTable.numberMask) - 1
                    if same(n) { return n }
                }
                i = (i + 1) & mask
            }
        }

        /// Stores `n` unless an equal id is there; returns that id's number.
        mutating func insert(_ top: UInt64, _ n: Int, same: (Int) -> Bool) -> Int? {
            if let old = find(top, same: same) { return old }
            let mask = entries.count - 1
            var i = slot(top)
            while entries[i] != 0 { i = (i + 1) & mask }
            // Numbers are rows of one file, well under 2^32.
            entries[i] = top << 32 | UInt64(UInt32(truncatingIfNeeded: n + 1))
            used += 1
            if used * 2 > entries.count { grow() }
            return nil
        }

        /// Doubles the table, each entry placed again by its stored top half. Past 2^31 slots
        /// the top half cannot place an entry; a file under 4 GiB never holds that many rows.
        private mutating func grow() {
            guard bits < 31 else { return }
            var bigger = Part(bits: bits + 1)
            bigger.used = used
            let mask = bigger.entries.count - 1
            for e in entries where e != 0 {
                var i = bigger.slot(e >> 32)
                while bigger.entries[i] != 0 { i = (i + 1) & mask }
                bigger.entries[i] = e
            }
            self = bigger
        }
    }

    // Two stored parts, not an array of them: a lookup reads a part of the table it was
    // handed, where an array's element would be copied out (its entries retained and
    // released, on both cores at once when two cores look up).
    var low: Part, high: Part
    var count: Int { low.used + high.used }

    @usableFromInline package init(capacity: Int) {
        var bits = 4
        while bits < 31 && (1 << bits) < capacity { bits += 1 }
        low = Part(bits: bits)
        high = Part(bits: bits)
    }

    private static let numberMask: UInt64 = 0xFFFF_FFFF

    /// A table with no room, to stand in for one taken out for a while.
    @usableFromInline package static let placeholder = IDTable(capacity: 0)

    /// A fast, well-mixed hash of bytes, 8 at a time (each word read little-endian).
    @inline(__always)
    static func hash(_ b: Span<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        var i = 0
        while i + 8 <= b.count {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(b[i + k]) << UInt64(8 * k) }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < b.count { tail |= UInt64(b[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// The top half of `b`'s hash: what the table keeps of it.
    @inline(__always)
    @usableFromInline package static func top(_ b: Span<UInt8>) -> UInt32 { UInt32(truncatingIfNeeded: hash(b) >> 32) }

    /// The number stored for `b`, if any; `same(n)` tells whether entry `n`'s id is `b`.
    func find(_ b: Span<UInt8>, same: (Int) -> Bool) -> Int? {
        let top = UInt64(IDTable.top(b))
        return top >> 31 == 0 ? low.find(top, same: same) : high.find(top, same: same)
    }

    /// Stores `n` for `b` unless `b` is there already; returns the number already stored.
    mutating func insert(_ b: Span<UInt8>, _ n: Int, same: (Int) -> Bool) -> Int? {
        let top = UInt64(IDTable.top(b))
        return top >> 31 == 0 ? low.insert(top, n, same: same) : high.insert(top, n, same: same)
    }

    /// The number stored for the id `b`, where entry `n`'s id is the cell `ref(n)` of `file`
    /// and `decoded`. Spans, not array slices: two cores looking up at once would otherwise
    /// fight over the arrays' reference counts.
    @usableFromInline package func find(_ b: Span<UInt8>, file: Span<UInt8>, decoded: Span<UInt8>, ref: (Int) -> TextRef) -> Int? {
        find(b) { n in
            let r = ref(n)
            return IDTable.same((r.isDecoded ? decoded : file).extracting(r.range), b)
        }
    }

    /// `insert`, with the ids found as `find(_:file:decoded:ref:)` finds them.
    @usableFromInline package mutating func insert(_ b: Span<UInt8>, _ n: Int, file: Span<UInt8>, decoded: Span<UInt8>, ref: (Int) -> TextRef) -> Int? {
        insert(b, n) { m in
            let r = ref(m)
            return IDTable.same((r.isDecoded ? decoded : file).extracting(r.range), b)
        }
    }

    /// Whether two ids have the same bytes.
    @inline(__always)
    static func same(_ a: Span<UInt8>, _ b: Span<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}

/// Finds events by id: `dataset.eventsByID["kota-2023-11-02-pledge"]`.
public struct EventIDs: Sendable {
    let table: IDTable
    let events: EventTable

    @usableFromInline package init(table: IDTable, events: EventTable) {
        self.table = table
        self.events = events
    }

    /// Indexes `events` by id; the first of equal ids wins.
    init(_ events: EventTable) {
        var t = IDTable(capacity: events.count)
        let file = events.text.file, decoded = events.text.decoded
        let fileSpan = file.span, decodedSpan = decoded.span
        for k in events.indices {
            let r = events.cells[k].id
            _ = t.insert((r.isDecoded ? decodedSpan : fileSpan).extracting(r.range), k.raw, file: fileSpan, decoded: decodedSpan) {
                events.cells[EventIndex($0)].id
            }
        }
        self.init(table: t, events: events)
    }

    /// The event with this id.
    public subscript(_ id: String) -> EventIndex? {
        let key = Array(id.utf8)
        let file = events.text.file, decoded = events.text.decoded
        return table.find(key.span, file: file.span, decoded: decoded.span) { events.cells[EventIndex($0)].id }.map(EventIndex.init)
    }

    public var count: Int { table.count }
}
