/// A calendar day, as a count of days since 1970-01-01.
///
/// Dates in Netra are days in WIB (Asia/Jakarta) as written in the data: there is no time of
/// day and no time zone to drift across, so no `Date` or `Calendar` is involved.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day with these components, or `nil` when it does not exist (`2024-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(year: year, month: month)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Year, month and day of month: looked up for the days of 1900–2079
    /// (FastPaths/Day+Table.swift), worked out (`civil`) for the others.
    public var components: (year: Int, month: Int, day: Int) {
        let k = ordinal &- Day.tableStart
        guard k >= 0, k < Day.tableCount else { return civil }
        let c = Day.civilTable[k]
        return (Int(c >> 16), Int((c >> 8) & 0xFF), Int(c & 0xFF))
    }

    /// Year, month and day of month, worked out (Howard Hinnant's civil_from_days): the plain path.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Month { let c = components; return Month(year: c.year, month: c.month) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((ordinal % 7) + 11) % 7 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO form, `2024-01-22`.
    public var iso: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public var description: String { iso }
}

/// A calendar month.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since January of year 0: orders and steps simply.
    public let index: Int

    public init(index: Int) { self.index = index }
    public init(year: Int, month: Int) { index = year * 12 + (month - 1) }

    public var year: Int { index / 12 }
    /// 1…12.
    public var number: Int { index % 12 + 1 }
    public var firstDay: Day { Day(year: year, month: number, day: 1) ?? Day(ordinal: 0) }
    public var lastDay: Day { Day(year: year, month: number, day: Day.daysIn(year: year, month: number)) ?? firstDay }
    public var next: Month { Month(index: index + 1) }
    public var previous: Month { Month(index: index - 1) }

    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }

    /// `2024-01`.
    public var iso: String { "\(pad(year, 4))-\(pad(number, 2))" }
    public var description: String { iso }

    /// Parses `YYYY-MM` strictly; `nil` for anything else (`2024-13`, `Jan`).
    public init?(parsing text: String) {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
            let y = parseDigits(b[0..<4]), let m = parseDigits(b[5..<7]), (1...12).contains(m), y >= 1
        else { return nil }
        self.init(year: y, month: m)
    }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Parses a run of ASCII digits; `nil` if empty or anything else is in it.
@inline(__always)
@usableFromInline package func parseDigits<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    if bytes.isEmpty || bytes.count > 18 { return nil }
    var v = 0
    for c in bytes {
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
    }
    return v
}
