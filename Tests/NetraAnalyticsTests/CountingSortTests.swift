import Testing
import NetraTestSupport
@testable import NetraAnalytics

/// The counting sorts (`FastPaths/CountingSort.swift`) give what `sorted()` gives, or nil.
@Suite struct CountingSortTests {
    static func days(_ count: Int, span: ClosedRange<Int>, seed: UInt64) -> [Int] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Int.random(in: span, using: &g) }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func countedIsSorted(seed: UInt64) throws {
        for (n, span) in [(64, -3...3), (1_000, -400...900), (5_000, 0...0), (20_000, -2_000...30_000)] {
            let xs = Self.days(n, span: span, seed: seed)
            #expect(try #require(CountingSort.sorted(xs)) == xs.sorted())
            var g = SeededGenerator(seed: seed)
            let values = xs.map { LeadValue(days: $0, atLeast: Bool.random(using: &g)) }
            #expect(try #require(CountingSort.sorted(values)) == values.sorted())
            #expect(MedianOrValues(values) == MedianOrValues(comparing: values))
            #expect(MedianOrValues(values).median == Median(xs.sorted().map { $0 }))
            #expect(Median(xs) == Median(sorted: xs.sorted()))
        }
    }

    @Test func wideOrShortListsAreLeftToThePlainSort() {
        #expect(CountingSort.sorted([Int](repeating: 1, count: CountingSort.fewest - 1)) == nil)
        let wide = [Int.min, Int.max] + [Int](repeating: 0, count: 100)
        #expect(CountingSort.sorted(wide) == nil)
        #expect(CountingSort.sorted([-10_000_000, 10_000_000] + [Int](repeating: 0, count: 100)) == nil)
        // The plain path still answers for them.
        #expect(Median(wide) == Median(sorted: wide.sorted()))
        let values = wide.map { LeadValue(days: $0, atLeast: $0 == 0) }
        #expect(MedianOrValues(values) == MedianOrValues(comparing: values))
        #expect(MedianOrValues([]).median == nil)
    }
}
