/// Working days: Monday to Friday, less national holidays and collective leave (cuti bersama),
/// for the years the calendar covers. A day outside them has no answer, never a guess.
public struct WorkingCalendar: Sendable {
    /// Why a day off is off.
    public enum DayOff: String, CaseIterable, Sendable {
        case liburNasional = "libur_nasional"
        case cutiBersama = "cuti_bersama"
    }

    public struct Entry: Sendable, Equatable {
        public var day: Day
        public var type: DayOff
        public var name: String
        /// The decree (SKB, Keppres) the day comes from.
        public var decree: String
        public var sourceURL: String
        /// Where sources disagree on the day, what the other says.
        public var notes: String = ""
    }

    public let entries: [Entry]
    /// The first and last year the calendar lists a day of (for messages).
    public let years: ClosedRange<Int>?
    /// The years it covers: those it lists a day of. A year between them with no row is not
    /// covered (its holidays are unknown), rather than taken for a year without any.
    private let listed: Set<Int>
    /// Working days from 1 January of the first year up to and including each day (prefix sums).
    private let cumulative: [Int32]
    private let first: Day?

    public init(days: [Entry]) {
        entries = days.sorted { $0.day < $1.day }
        let ys = days.map(\.day.year)
        years = ys.min().flatMap { lo in ys.max().map { lo...$0 } }
        listed = Set(ys)
        let off = Set(days.map(\.day.ordinal))
        guard let r = years, let lo = Day(year: r.lowerBound, month: 1, day: 1), let hi = Day(year: r.upperBound, month: 12, day: 31) else {
            first = nil; cumulative = []; return
        }
        var sums: [Int32] = []
        sums.reserveCapacity(lo.days(to: hi) + 1)
        var n: Int32 = 0
        for o in lo.ordinal...hi.ordinal {
            let w = Day(ordinal: o).weekday
            if w != 0 && w != 6 && !off.contains(o) { n += 1 }
            sums.append(n)
        }
        first = lo; cumulative = sums
    }

    /// A day the calendar cannot say anything about.
    public struct OutsideYears: Error, Sendable, Equatable {
        public var day: Day
        public var years: ClosedRange<Int>?
    }

    public func covers(_ day: Day) -> Bool { listed.contains(day.year) }

    /// The prefix-sum slot of a covered day.
    private func slot(_ day: Day) throws(OutsideYears) -> Int {
        guard covers(day), let first else { throw OutsideYears(day: day, years: years) }
        return first.days(to: day)
    }

    /// True for a working day; throws for a day outside the covered years.
    public func isWorkingDay(_ day: Day) throws(OutsideYears) -> Bool {
        let k = try slot(day)
        return cumulative[k] - (k > 0 ? cumulative[k - 1] : 0) == 1
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    /// Every year in between must be covered: the first day of one that is not is the error.
    public func workingDays(from: Day, to: Day) throws(OutsideYears) -> Int {
        guard to > from else { return 0 }
        let start = from.adding(days: 1)
        for y in start.year...to.year where !listed.contains(y) {
            throw OutsideYears(day: y == start.year ? start : Day(year: y, month: 1, day: 1) ?? start, years: years)
        }
        return Int(cumulative[try slot(to)] - cumulative[try slot(start)]) + (try isWorkingDay(start) ? 1 : 0)
    }

    /// Reads `date,type,name,decree,source_url[,notes]`; every row needs its decree and its source.
    public static func parse(_ bytes: [UInt8], file: String) throws(DatasetError) -> WorkingCalendar {
        var table = Table(file: file, bytes: bytes)
        var days: [Entry] = []
        var seen: Set<Int> = []
        table.read(required: ["date", "type", "name", "decree", "source_url"], optional: ["notes"]) { rec, cols, _, sink in
            func at(_ k: Int) -> (text: String, line: Int, column: Int) {
                guard let c = rec.has(cols[k]) else { return ("", rec.line, 1) }
                let p = rec.position(c)
                return (rec.trimmedString(c), p.line, p.column)
            }
            var ok = true
            func say(_ k: Int, _ en: String, _ id: String) {
                let a = at(k); sink.append(Diagnostic(file: file, line: a.line, column: a.column, said: Said(en: en, id: id))); ok = false
            }
            var day: Day?
            if case .success(let w) = WrittenDate.parse(at(0).text), w.form == .day {
                day = w.anchor
            } else {
                say(0, "date: '\(at(0).text)' is not a day written YYYY-MM-DD", "date: '\(at(0).text)' bukan hari yang ditulis YYYY-MM-DD")
            }
            if let d = day, !seen.insert(d.ordinal).inserted { say(0, "date: \(d.iso) is listed twice", "date: \(d.iso) tercantum dua kali") }
            let type = DayOff(rawValue: at(1).text)
            if type == nil {
                say(1, "type: '\(at(1).text)' is not one of \(DayOff.allowedList)", "type: '\(at(1).text)' bukan salah satu dari \(DayOff.allowedList)")
            }
            if at(3).text.isEmpty {
                say(3, "decree is empty; every day names the decree it comes from", "decree kosong; setiap hari menyebut keputusan asalnya")
            }
            if at(4).text.isEmpty { say(4, "source_url is empty; every day names its source", "source_url kosong; setiap hari menyebut sumbernya") }
            guard ok, let day, let type else { return }
            days.append(Entry(day: day, type: type, name: at(2).text, decree: at(3).text, sourceURL: at(4).text, notes: at(5).text))
        }
        guard table.diagnostics.isEmpty else { throw DatasetError(table.diagnostics) }
        return WorkingCalendar(days: days)
    }
}
