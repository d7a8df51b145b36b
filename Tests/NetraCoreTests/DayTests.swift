import Testing
@testable import NetraCore

@Suite struct DayTests {
    @Test func ordinalsRoundTrip() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 2024, month: 2, day: 14)?.ordinal == 19767)
        for o in stride(from: -719_000, to: 2_900_000, by: 997) {
            let d = Day(ordinal: o)
            let c = d.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == d)
        }
    }

    /// The table (FastPaths/Day+Table.swift) against the arithmetic: every day it holds, the
    /// days around its ends, and days far outside it.
    @Test func tableGivesTheWorkedOutComponents() {
        #expect(Day(year: 1900, month: 1, day: 1)?.ordinal == Day.tableStart)
        let inside = Day.tableStart..<(Day.tableStart + Day.tableCount)
        for o in (inside.lowerBound - 400)...(inside.upperBound + 400) {
            let d = Day(ordinal: o)
            #expect(d.components == d.civil, "\(o)")
        }
        for o in [-719_162, -100_000, 0, 19_723, 200_000, 2_932_896] {
            #expect(Day(ordinal: o).components == Day(ordinal: o).civil)
        }
        for (y, m, d) in [(2024, 2, 29), (2079, 6, 6), (2079, 6, 7), (9999, 12, 31), (1, 1, 1), (1899, 12, 31)] {
            let c = Day(year: y, month: m, day: d)?.components
            #expect(c?.year == y && c?.month == m && c?.day == d, "\(y)-\(m)-\(d)")
        }
    }

    @Test func impossibleDaysAreNil() {
        #expect(Day(year: 2024, month: 2, day: 30) == nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
    }

    @Test func leadOfThePledgeToPemilu() throws {
        let pledge = try #require(Day(year: 2023, month: 11, day: 2))
        let pemilu = try #require(Day(year: 2024, month: 2, day: 14))
        #expect(pledge.days(to: pemilu) == 104)
        #expect(pemilu.weekday == 3)  // a Wednesday
    }

    @Test func writtenDateForms() throws {
        let m = try WrittenDate.parse("2023-11").get()
        #expect(m.form == .month && m.anchor.iso == "2023-11-01" && m.last.iso == "2023-11-30" && m.text == "2023-11")
        let y = try WrittenDate.parse("2022").get()
        #expect(y.anchor.iso == "2022-01-01" && y.last.iso == "2022-12-31")
        #expect(WrittenDate.parse("2024-02-30") == .failure(.impossible))
        #expect(WrittenDate.parse("2024-13") == .failure(.impossible))
        #expect(WrittenDate.parse("22/01/2024") == .failure(.malformed))
        #expect(WrittenDate.parse("2024-1-5") == .failure(.malformed))
        #expect(WrittenDate.parse("") == .failure(.malformed))
    }

    @Test func monthParsing() {
        #expect(Month(parsing: "2024-01")?.iso == "2024-01")
        #expect(Month(parsing: "2024-13") == nil)
        #expect(Month(parsing: "Jan") == nil)
        #expect(Month(parsing: "2024-1") == nil)
        #expect(Month(year: 2024, month: 1).previous.iso == "2023-12")
    }
}
