import Testing
@testable import NetraCore

@Suite struct IDTableTests {
    /// Ids `row-0` … `row-N`, as bytes, with a table grown from the smallest size.
    @Test func growsFromNothingAndFindsEveryIDWithItsFirstRow() {
        let ids = (0..<20_000).map { Array("row-\($0)".utf8) }
        var table = IDTable(capacity: 0)
        for (k, id) in ids.enumerated() {
            let first = id.withUnsafeBufferPointer { b in table.insert(b, k) { ids[$0] == Array(b) } }
            #expect(first == nil)
        }
        #expect(table.count == 20_000)
        // A repeat names the row that had the id first and is not stored.
        let again = ids[12_345].withUnsafeBufferPointer { b in table.insert(b, 20_000) { ids[$0] == Array(b) } }
        #expect(again == 12_345)
        #expect(table.count == 20_000)
        for k in stride(from: 0, to: 20_000, by: 997) {
            #expect(ids[k].withUnsafeBufferPointer { b in table.find(b) { ids[$0] == Array(b) } } == k)
        }
        #expect(Array("row-20000".utf8).withUnsafeBufferPointer { b in table.find(b) { ids[$0] == Array(b) } } == nil)
    }

    @Test func twoTablesJoinedNumberTheSecondFromItsOffset() {
        let first = ["a", "b", "c"].map { Array($0.utf8) }, second = ["d", "e"].map { Array($0.utf8) }
        let all = first + second
        var a = IDTable(capacity: 3), b = IDTable(capacity: 2)
        for (k, id) in first.enumerated() { _ = id.withUnsafeBufferPointer { p in a.insert(p, k) { first[$0] == Array(p) } } }
        for (k, id) in second.enumerated() { _ = id.withUnsafeBufferPointer { p in b.insert(p, k) { second[$0] == Array(p) } } }
        let joined = IDTable.joined(a, b, offset: 3)
        #expect(joined.count == 5)
        for (k, id) in all.enumerated() {
            #expect(id.withUnsafeBufferPointer { p in joined.find(p) { all[$0] == Array(p) } } == k)
        }
    }
}
