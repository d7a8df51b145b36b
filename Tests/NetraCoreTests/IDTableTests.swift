import Testing
@testable import NetraCore

@Suite struct IDTableTests {
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
