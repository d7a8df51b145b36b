/// An open-addressing table from id bytes to a number (a row or an event), holding no
/// copies of the ids: callers compare against their own bytes. A million `String` keys in
/// a `Dictionary` would be a million heap blocks, each hashed with SipHash.
struct IDTable: Sendable {
    /// Tables made apart (one per part of a file read on two cores) and joined: each numbers
    /// its entries from `offset`.
    private struct Segment: Sendable {
        var slots: [Int32]
        var hashes: [UInt64]
        var offset: Int
        var used = 0
    }
    private var segments: [Segment]
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        segments = [Segment(slots: [Int32](repeating: -1, count: size), hashes: [UInt64](repeating: 0, count: size), offset: 0)]
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

    /// The number stored for `b`, if any; `same(n)` tells whether entry `n`'s id is `b`.
    func find(_ b: UnsafeBufferPointer<UInt8>, same: (Int) -> Bool) -> Int? {
        let h = IDTable.hash(b)
        for s in segments {
            let mask = s.slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let n = s.slots[i]
                if n < 0 { break }
                if s.hashes[i] == h && same(Int(n) + s.offset) { return Int(n) + s.offset }
                i = (i + 1) & mask
            }
        }
        return nil
    }

    /// Stores `n` for `b` unless `b` is there already; returns the number already stored.
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, _ n: Int, same: (Int) -> Bool) -> Int? {
        if segments.count > 1, let old = find(b, same: same) { return old }
        let h = IDTable.hash(b)
        let last = segments.count - 1
        let offset = segments[last].offset
        let mask = segments[last].slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = segments[last].slots[i]
            if s < 0 { break }
            if segments[last].hashes[i] == h && same(Int(s) + offset) { return Int(s) + offset }
            i = (i + 1) & mask
        }
        segments[last].slots[i] = Int32(n - offset)
        segments[last].hashes[i] = h
        count += 1
        segments[last].used += 1
        if segments[last].used * 2 > segments[last].slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        let last = segments.count - 1
        let oldSlots = segments[last].slots, oldHashes = segments[last].hashes
        var slots = [Int32](repeating: -1, count: oldSlots.count * 2)
        var hashes = [UInt64](repeating: 0, count: oldSlots.count * 2)
        let mask = slots.count - 1
        for k in oldSlots.indices where oldSlots[k] >= 0 {
            var i = Int(truncatingIfNeeded: oldHashes[k]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = oldSlots[k]
            hashes[i] = oldHashes[k]
        }
        segments[last].slots = slots
        segments[last].hashes = hashes
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
