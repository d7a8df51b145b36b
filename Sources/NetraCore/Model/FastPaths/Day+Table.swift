// Speed code, fenced: a day's year, month and day looked up in a table of the days of 1900 to
// 2079 (256 KB, made once) instead of worked out with five divisions. The events export writes
// four dates a row, the monthly table and the timeline's title ask every event's month: 2 % of
// the 1M report's CPU. `Day.civil` is the plain path; `DayTests` holds the two to the same
// components on every day of the table and around its ends.

extension Day {
    /// 1900-01-01, the table's first day.
    static let tableStart = -25_567
    /// 65,536 days: to 2079-06-06.
    static let tableCount = 1 << 16

    /// Each day's components packed as year << 16 | month << 8 | day.
    static let civilTable: [UInt32] = (0..<tableCount).map { k in
        let c = Day(ordinal: tableStart + k).civil
        return UInt32(c.year) << 16 | UInt32(c.month) << 8 | UInt32(c.day)
    }
}
