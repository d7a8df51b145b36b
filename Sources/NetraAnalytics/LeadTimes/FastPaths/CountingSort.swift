/// Sorts of whole values by counting them, for lists whose values span few days compared to
/// their number (a million lead times fall on a few thousand days): linear where `sorted()`
/// is n log n. Values with the same key are the same value, so the result is exactly what
/// `sorted()` gives. Each answers nil when counting would not pay, and the caller sorts.
enum CountingSort {
    /// Fewer values than this are sorted the plain way.
    static let fewest = 64

    /// `values` in increasing order, or nil (too few, or spread over too many days).
    static func sorted(_ values: [Int]) -> [Int]? {
        sorted(values, slotsPerDay: 1, day: { $0 }, slot: { _ in 0 }, value: { day, _ in day })
    }

    /// `values` in `LeadValue` order (days, then exact before at least), or nil.
    static func sorted(_ values: [LeadValue]) -> [LeadValue]? {
        sorted(
            values, slotsPerDay: 2, day: \.days, slot: { $0.atLeast ? 1 : 0 },
            value: { day, slot in LeadValue(days: day, atLeast: slot == 1) })
    }

    /// Counts per (day - least day) × `slotsPerDay` + slot, read back in that order: `slot`
    /// must order the values of one day as their `<` does, and `value` make them again.
    private static func sorted<T>(
        _ values: [T], slotsPerDay: Int, day: (T) -> Int, slot: (T) -> Int, value: (Int, Int) -> T
    ) -> [T]? {
        guard values.count >= fewest, var lo = values.first.map(day) else { return nil }
        var hi = lo
        for v in values {
            let d = day(v)
            if d < lo { lo = d }
            if d > hi { hi = d }
        }
        // Worth it while the table is not much larger than the list.
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < 4 * values.count + 4_096 else { return nil }
        var counts = [Int](repeating: 0, count: (span + 1) * slotsPerDay)
        for v in values { counts[(day(v) - lo) * slotsPerDay + slot(v)] += 1 }
        var out: [T] = []
        out.reserveCapacity(values.count)
        for (i, c) in counts.enumerated() where c > 0 {
            out.append(contentsOf: repeatElement(value(lo + i / slotsPerDay, i % slotsPerDay), count: c))
        }
        assert(out.count == values.count, "every value once")
        return out
    }
}
