import NetraCore

/// A small read-only map from byte strings to integers: codes and ids looked up straight
/// from a CSV field, without making a String per row.
struct ByteLookup: Sendable {
    private var keys: [[UInt8]] = []
    private var values: [Int] = []
    private var slots: [Int32]
    private let mask: Int
    /// For the rare non-ASCII miss: String equality is canonical equivalence, bytes are not.
    private var byString: [String: Int] = [:]
    private var nonASCIIKey = false

    init(_ pairs: [(String, Int)]) {
        var size = 8
        while size < pairs.count * 2 { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: -1, count: size)
        for (key, value) in pairs where byString[key] == nil {
            byString[key] = value
            if key.utf8.contains(where: { $0 >= 0x80 }) { nonASCIIKey = true }
            let k = Array(key.utf8)
            var i = ByteLookup.hash(k.span) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(keys.count)
            keys.append(k)
            values.append(value)
        }
    }

    /// FNV-1a of the bytes a span shows, folded.
    @inline(__always)
    static func hash(_ b: Span<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in b.indices { h = (h ^ UInt64(b[i])) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value of the key `b` shows. A span, not a slice: the loader looks up a field of
    /// the file on both cores at once, and a slice of it would retain and release the file's
    /// one buffer each time, both cores contending for its count.
    func find(_ b: Span<UInt8>) -> Int? {
        var i = ByteLookup.hash(b) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            if keys[s].count == b.count && ByteLookup.same(keys[s], b) { return values[s] }
            i = (i + 1) & mask
        }
        var nonASCII = nonASCIIKey
        for i in b.indices where b[i] >= 0x80 { nonASCII = true }
        if nonASCII { return byString[String(decoding: (0..<b.count).map { b[$0] }, as: UTF8.self)] }
        return nil
    }

    func find(_ b: ArraySlice<UInt8>) -> Int? { find(b.span) }

    @inline(__always)
    static func same(_ key: [UInt8], _ b: Span<UInt8>) -> Bool {
        for i in key.indices where key[i] != b[i] { return false }
        return true
    }
}

extension ByteLookup {
    static let kinds = ByteLookup(EventKind.allCases.enumerated().map { ($1.rawValue, $0) })
    static let precisions = ByteLookup(Precision.allCases.enumerated().map { ($1.rawValue, $0) })
    static let statuses = ByteLookup(CaseStatus.allCases.enumerated().map { ($1.rawValue, $0) })
    static let relations = ByteLookup(Relation.allCases.enumerated().map { ($1.rawValue, $0) })
}

/// Gives each distinct byte string a number, in order of first appearance: outlet names
/// repeat across a million rows, and are kept once each.
struct ByteInterner {
    private(set) var keys: [[UInt8]] = []
    private var slots = [Int32](repeating: -1, count: 64)

    /// The number of `b`, new or not.
    mutating func intern(_ b: ArraySlice<UInt8>) -> Int {
        var mask = slots.count - 1
        var i = ByteLookup.hash(b.span) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            if keys[s].count == b.count && keys[s].elementsEqual(b) { return s }
            i = (i + 1) & mask
        }
        let n = keys.count
        keys.append(Array(b))
        slots[i] = Int32(n)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (k, key) in keys.enumerated() {
                var j = ByteLookup.hash(key.span) & mask
                while slots[j] >= 0 { j = (j + 1) & mask }
                slots[j] = Int32(k)
            }
        }
        return n
    }
}
