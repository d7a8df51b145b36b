import Testing
@testable import NetraCore

@Suite struct IDTableTests {
    /// The hash reads a word at a time; it is the byte-by-byte definition (each word read
    /// little-endian), at every length and offset within a word: the table's slots, and so
    /// a dataset's loading, do not depend on how it is computed.
    @Test func hashIsTheByteByByteDefinition() {
        func reference(_ b: [UInt8]) -> UInt64 {
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
        let text = Array("kabupaten-bekasi-2024-11-27-incident-443616;ÄÖ\u{0}\u{FF}".utf8)
        for start in 0..<8 {
            for end in start...text.count {
                let b = Array(text[start..<end])
                #expect(IDTable.hash(text[start..<end].span) == reference(b), "bytes \(start)..<\(end)")
            }
        }
        #expect(IDTable.hash(Array("row-1".utf8).span) == reference(Array("row-1".utf8)))
    }

    /// Ids `row-0` … `row-N`, as bytes, with a table grown from the smallest size.
    @Test func growsFromNothingAndFindsEveryIDWithItsFirstRow() {
        let ids = (0..<20_000).map { Array("row-\($0)".utf8) }
        var table = IDTable(capacity: 0)
        for (k, id) in ids.enumerated() {
            let first = table.insert(id.span, k) { ids[$0][...] == id[...] }
            #expect(first == nil)
        }
        #expect(table.count == 20_000)
        // A repeat names the row that had the id first and is not stored.
        let repeated = ids[12_345]
        let again = table.insert(repeated.span, 20_000) { ids[$0] == repeated }
        #expect(again == 12_345)
        #expect(table.count == 20_000)
        for k in stride(from: 0, to: 20_000, by: 997) {
            let id = ids[k]
            let found = table.find(id.span) { ids[$0] == id }
            #expect(found == k)
        }
        let missing = Array("row-20000".utf8)
        let notFound = table.find(missing.span) { ids[$0] == missing }
        #expect(notFound == nil)
    }

    /// The table for a file read on two cores: built from the rows' id spans, one half of it
    /// on each core; any id twice, anywhere, and there is no table.
    @Test func builtOnTwoCoresFindsEveryRowAndRefusesARepeat() throws {
        let ids = (0..<5_000).map { "row-\($0)" }
        var file: [UInt8] = []
        var refs: [TextRef] = []
        for id in ids {
            refs.append(TextRef(start: UInt32(file.count), count: UInt32(id.utf8.count)))
            file += Array(id.utf8)
        }
        // One id undone into the decoded bytes, as a cell with doubled quotes would be.
        let decoded = Array("row-5000".utf8)
        refs.append(TextRef(start: 0, count: UInt32(decoded.count) | TextRef.decodedBit))
        let all = ids + ["row-5000"]
        let table = try #require(IDTable.build(refs, file: file, decoded: decoded))
        #expect(table.count == 5_001)
        for k in stride(from: 0, to: 5_001, by: 499) {
            let id = Array(all[k].utf8)
            let found = table.find(id.span) { all[$0] == all[k] }
            #expect(found == k)
        }
        let missing = Array("row-5001".utf8)
        let notFound = table.find(missing.span) { _ in true }
        #expect(notFound == nil)
        // "row-17" again, as the last row.
        let again = refs + [refs[17]]
        #expect(IDTable.build(again, file: file, decoded: decoded) == nil)
    }
}
