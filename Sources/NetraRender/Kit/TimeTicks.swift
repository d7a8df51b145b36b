import NetraCore
import NetraText
import NetraAnalytics

/// The step of a time axis, from days to years as the span grows.
public enum TimeTickUnit: Sendable, Hashable {
    case days(Int)
    /// Mondays, every n weeks.
    case weeks(Int)
    /// First days of months, every n months (3 = quarters: Jan, Apr, Jul, Oct).
    case months(Int)
    /// First of January, every n years.
    case years(Int)
}

/// Ticks of a time axis over days, gnuplot-style: the finest step whose ticks fit.
public struct TimeTicks: Sendable, Equatable {
    /// The step chosen.
    public let unit: TimeTickUnit
    /// The tick days, in order.
    public let days: [Day]

    /// The steps tried, finest first: days → weeks → months → quarters → years.
    public static let steps: [TimeTickUnit] = [
        .days(1), .days(2), .weeks(1), .weeks(2), .months(1), .months(3),
        .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100), .years(500)
    ]

    /// The ticks inside `from…to` for the finest step giving at most `maxCount` of them.
    public init(from: Day, to: Day, maxCount: Int) {
        let lo = min(from, to), hi = max(from, to)
        let limit = max(2, maxCount)
        for unit in TimeTicks.steps {
            if let ticks = TimeTicks.ticks(unit, lo, hi, limit: limit) {
                self.unit = unit; self.days = ticks; return
            }
        }
        unit = .years(1000); days = []
    }

    /// The ticks for `unit`, or `nil` as soon as there are more than `limit`.
    static func ticks(_ unit: TimeTickUnit, _ lo: Day, _ hi: Day, limit: Int) -> [Day]? {
        var out: [Day] = []
        func add(_ d: Day) -> Bool {
            if d >= lo && d <= hi { out.append(d) }
            return out.count <= limit
        }
        switch unit {
        case .days(let n):
            // A rough count first, so a span of centuries is not walked day by day.
            if (hi.ordinal - lo.ordinal) / n > limit + 1 { return nil }
            var o = lo.ordinal
            while ((o % n) + n) % n != 0 { o += 1 }
            while o <= hi.ordinal { if !add(Day(ordinal: o)) { return nil }; o += n }
        case .weeks(let n):
            if (hi.ordinal - lo.ordinal) / (7 * n) > limit + 1 { return nil }
            // Day 0 (1970-01-01) was a Thursday, so Mondays are ordinals ≡ 4 (mod 7).
            var o = lo.ordinal
            while ((o - 4) % 7 + 7) % 7 != 0 || (floorDiv(o - 4, 7) % n + n) % n != 0 { o += 1 }
            while o <= hi.ordinal { if !add(Day(ordinal: o)) { return nil }; o += 7 * n }
        case .months(let n):
            let m0 = lo.month.index, m1 = hi.month.index
            if (m1 - m0) / n > limit + 1 { return nil }
            var m = m0
            while (m % n + n) % n != 0 { m += 1 }
            while m <= m1 { if !add(Month(index: m).firstDay) { return nil }; m += n }
        case .years(let n):
            let y0 = lo.year, y1 = hi.year
            if (y1 - y0) / n > limit + 1 { return nil }
            var y = y0
            while (y % n + n) % n != 0 { y += 1 }
            while y <= y1 {
                if let d = Day(year: y, month: 1, day: 1) { if !add(d) { return nil } }
                y += n
            }
        }
        return out
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Tick labels: the first line names the day or month (`22 Jan`, `Jan`, `2024`), the second
    /// gives the year under the first tick and wherever the year changes.
    public func labels(_ lang: Language) -> [(primary: String, year: String?)] {
        var lastYear: Int?
        return days.map { d in
            let c = d.components
            let newYear = lastYear != c.year
            lastYear = c.year
            switch unit {
            case .days, .weeks:
                return (DateText.dayMonth(d, lang), newYear ? String(c.year) : nil)
            case .months:
                return (DateText.shortMonthName(c.month, lang), newYear ? String(c.year) : nil)
            case .years:
                return (String(c.year), nil)
            }
        }
    }
}

/// A linear map from days to pixels; a day maps to its start.
public struct TimeScale: Sendable, Equatable {
    /// First day of the domain.
    public let from: Day
    /// Last day of the domain.
    public let to: Day
    /// Pixels the domain maps onto.
    public let range: (lo: Double, hi: Double)

    /// A scale from `from…to` onto `range` (a single day is widened to two).
    public init(from: Day, to: Day, range: (Double, Double)) {
        let lo = min(from, to), hi = max(from, to)
        self.from = lo
        self.to = hi.ordinal > lo.ordinal ? hi : lo.adding(days: 1)
        self.range = (range.0, range.1)
    }

    /// The x of the start of `day`.
    public func callAsFunction(_ day: Day) -> Double { x(ordinal: Double(day.ordinal)) }

    /// The x of a fractional day ordinal.
    public func x(ordinal: Double) -> Double {
        let span = Double(to.ordinal - from.ordinal)
        return range.lo + (ordinal - Double(from.ordinal)) / span * (range.hi - range.lo)
    }

    /// Pixels per day.
    public var pixelsPerDay: Double { (range.hi - range.lo) / Double(to.ordinal - from.ordinal) }

    public static func == (a: TimeScale, b: TimeScale) -> Bool { a.from == b.from && a.to == b.to && a.range == b.range }
}
