/// How precisely an event's `date` is known.
public enum Precision: String, CaseIterable, Sendable {
    case day
    case month
    case year
    /// The event happened by that date (known only from the day it was reported).
    case onOrBefore = "on-or-before"

    /// Position in `allCases`, by switch: `allCases.firstIndex` builds an array each time.
    public var order: Int {
        switch self {
        case .day: return 0
        case .month: return 1
        case .year: return 2
        case .onOrBefore: return 3
        }
    }
}

/// How much of a date was written: `2024-01-22`, `2024-01` or `2024`.
public enum DateForm: Sendable, Equatable {
    case day, month, year
}

/// A parsed `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, anchored on its first day.
public struct WrittenDate: Hashable, Sendable {
    /// The day the text names, or the first day of the month or year it names.
    public let anchor: Day
    public let form: DateForm

    /// The last day the text can mean (the anchor for a full date).
    public var last: Day {
        switch form {
        case .day: return anchor
        case .month: return anchor.month.lastDay
        case .year: return Day(year: anchor.year, month: 12, day: 31) ?? anchor
        }
    }

    /// The text as written.
    public var text: String {
        switch form {
        case .day: return anchor.iso
        case .month: return anchor.month.iso
        case .year: return pad(anchor.year, 4)
        }
    }

    public init(anchor: Day, form: DateForm) {
        self.anchor = anchor
        self.form = form
    }

    /// Why a date text was refused.
    public enum Problem: Error, Equatable, Sendable {
        /// Not in any of the three forms.
        case malformed
        /// Well-formed but no such day (`2024-02-30`) or month (`2024-13`).
        case impossible
    }

    /// Parses the three ISO forms strictly.
    public static func parse<C: Collection>(_ bytes: C) -> Result<WrittenDate, Problem> where C.Element == UInt8 {
        parse(ArraySlice(bytes))
    }

    /// Parses the three ISO forms strictly, in place: the loader's case, a slice of the file.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<WrittenDate, Problem> {
        let o = bytes.startIndex
        // Offsets from the start of the text, wherever the slice starts.
        func b(_ k: Int) -> UInt8 { bytes[o + k] }
        func digits(_ r: Range<Int>) -> Int? { parseDigits(bytes[(o + r.lowerBound)..<(o + r.upperBound)]) }
        switch bytes.count {
        case 4:
            guard let y = digits(0..<4) else { return .failure(.malformed) }
            guard let d = Day(year: y, month: 1, day: 1) else { return .failure(.impossible) }
            return .success(WrittenDate(anchor: d, form: .year))
        case 7:
            guard b(4) == 0x2D, let y = digits(0..<4), let m = digits(5..<7) else { return .failure(.malformed) }
            guard let d = Day(year: y, month: m, day: 1) else { return .failure(.impossible) }
            return .success(WrittenDate(anchor: d, form: .month))
        case 10:
            guard b(4) == 0x2D, b(7) == 0x2D, let y = digits(0..<4), let m = digits(5..<7),
                let dd = digits(8..<10)
            else { return .failure(.malformed) }
            guard let d = Day(year: y, month: m, day: dd) else { return .failure(.impossible) }
            return .success(WrittenDate(anchor: d, form: .day))
        default:
            return .failure(.malformed)
        }
    }

    public static func parse(_ text: String) -> Result<WrittenDate, Problem> { parse(text.utf8) }
}

/// An event's date with its precision: what the figures are measured from, and the range
/// of days it can mean when checking order.
public struct EventDate: Hashable, Sendable {
    public let written: WrittenDate
    public let precision: Precision

    public init(written: WrittenDate, precision: Precision) {
        self.written = written
        self.precision = precision
    }

    /// The day every figure is measured from.
    public var anchor: Day { written.anchor }
    /// True only for a day-precise date.
    public var isExact: Bool { precision == .day }
    /// The earliest day the event can have happened, `nil` when unbounded (`on-or-before`).
    public var earliest: Day? { precision == .onOrBefore ? nil : written.anchor }
    /// The latest day the event can have happened.
    public var latest: Day { written.last }

    /// The first and last day an event of this date can cover, through `end` when it has one.
    @inline(__always)
    public func days(through end: Day?) -> (first: Day, last: Day) {
        var last = written.last
        if let end, end > last { last = end }
        return (anchor, last)
    }
}
