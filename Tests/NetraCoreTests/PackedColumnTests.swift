import Testing

@testable import NetraCore

@Suite struct PackedColumnTests {
    /// Every value a file can give comes back as it went in, nil included: the first and last
    /// days of years 1 and 9999, the epoch, counts 0 and the billion limit.
    @Test func valuesComeBackAsTheyWentIn() throws {
        let first = try #require(Day(year: 1, month: 1, day: 1)), last = try #require(Day(year: 9999, month: 12, day: 31))
        let days: [Day?] = [first, nil, Day(ordinal: 0), last, nil]
        var dc = PackedColumn<EventIndex, Day>()
        for d in days { dc.append(d) }
        #expect(dc.values == days)
        #expect(dc[EventIndex(3)] == last && dc[EventIndex(1)] == nil && dc.count == 5)
        let counts: [Int?] = [0, nil, CSVLimits.maxCount, 7, -3]
        var cc = PackedColumn<EventIndex, Int>()
        for c in counts { cc.append(c) }
        #expect(cc.values == counts)
        // Joined columns keep both parts in order.
        var joined = cc
        joined += cc
        #expect(joined.values == counts + counts && joined != cc)
        // Four bytes a value, where an optional takes sixteen.
        #expect(MemoryLayout<Int32>.stride * 4 == MemoryLayout<Int?>.stride)
        #expect(Int(CSVLimits.maxCount).packed != nil && Int(Int32.min).packed == nil && Int(Int64(Int32.max) + 1).packed == nil)
    }
}
