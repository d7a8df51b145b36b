/// Round tick values of 1, 2 or 5 × 10ᵏ, as d3-array's `ticks.js` chooses them.
public enum NiceTicks {
    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// The tick step for about `count` ticks over `lo…hi` (1, 2 or 5 × 10ᵏ; 0 when undefined).
    public static func step(_ lo: Double, _ hi: Double, count: Int) -> Double {
        guard count > 0, hi > lo, lo.isFinite, hi.isFinite else { return 0 }
        let raw = (hi - lo) / Double(count)
        let p = log10Of(raw).rounded(.down)
        let error = raw / power(10, p)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        return factor * power(10, p)
    }

    /// The ticks inside `lo…hi` at `step(lo, hi, count)`, computed as whole multiples so no
    /// rounding drift creeps in (`0.30000000000000004`).
    public static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let st = step(lo, hi, count: count)
        return ticks(lo, hi, step: st)
    }

    /// The multiples of `step` inside `lo…hi`.
    public static func ticks(_ lo: Double, _ hi: Double, step st: Double) -> [Double] {
        guard st > 0, hi >= lo else { return lo == hi ? [lo] : [] }
        // A step below 1 is handled as a division by its inverse, as d3 does, to keep values exact.
        if st < 1 {
            let inv = (1 / st).rounded()
            let i1 = (lo * inv - 1e-9).rounded(.up), i2 = (hi * inv + 1e-9).rounded(.down)
            guard i2 >= i1, i2 - i1 < 10_000 else { return [] }
            return stride(from: i1, through: i2, by: 1).map { $0 / inv }
        }
        let i1 = (lo / st - 1e-9).rounded(.up), i2 = (hi / st + 1e-9).rounded(.down)
        guard i2 >= i1, i2 - i1 < 10_000 else { return [] }
        return stride(from: i1, through: i2, by: 1).map { $0 * st }
    }

    /// `lo…hi` widened to multiples of the tick step (d3's `nice`), repeated until stable.
    public static func nice(_ lo: Double, _ hi: Double, count: Int) -> (lo: Double, hi: Double) {
        var a = lo, b = hi
        if b < a { swap(&a, &b) }
        if a == b { b = a + 1 }
        var previous = 0.0
        for _ in 0..<10 {
            let st = step(a, b, count: count)
            if st == previous || st == 0 || !st.isFinite { break }
            a = (a / st).rounded(.down) * st
            b = (b / st).rounded(.up) * st
            previous = st
        }
        return (a, b)
    }

    /// Ticks over the niced domain; with `integer`, the step is never below 1 (counts, days).
    public static func niceTicks(_ lo: Double, _ hi: Double, count: Int, integer: Bool = false) -> [Double] {
        var (a, b) = nice(lo, hi, count: count)
        var st = step(a, b, count: count)
        if integer && st < 1 {
            st = 1
            a = a.rounded(.down); b = b.rounded(.up)
            if a == b { b = a + 1 }
        }
        return ticks(a, b, step: st)
    }
}

/// A linear map from a domain of values to a pixel range.
public struct LinearScale: Sendable, Equatable {
    /// Values mapped.
    public var domain: (lo: Double, hi: Double)
    /// Pixels they map onto.
    public var range: (lo: Double, hi: Double)

    /// A scale from `domain` onto `range` (a flat domain maps to the range's start).
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (domain.0, domain.1); self.range = (range.0, range.1)
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let d = domain.hi - domain.lo
        if d == 0 { return range.lo }
        return range.lo + (value - domain.lo) / d * (range.hi - range.lo)
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
