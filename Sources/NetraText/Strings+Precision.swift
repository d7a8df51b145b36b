/// The words charts use for dates known only to the month, the year or a latest day
/// (issue 13, point 5), both languages side by side.
public enum PrecisionText {
    /// Under the monthly chart's separate bars of events known only by their year.
    public static let monthUnknown = Phrase(id: "bulan tidak pasti", en: "month unknown")

    /// The monthly chart's subtitle: how many events are drawn apart (short: the briefing
    /// sheet's chart has room for little more).
    public static func yearOnlyNote(_ n: String) -> Phrase {
        Phrase(id: "\(n) tanpa bulan pasti", en: "\(n) with no known month")
    }

    /// The lead-time legend: a figure resting on an inexact date, drawn from its least to its greatest value.
    public static let leadRange = Phrase(id: "rentang: tanggal tidak pasti", en: "range: imprecise date")

    /// The lead-time legend: a range with no bound on one side (an `on-or-before` date).
    public static let leadOpenEnd = Phrase(id: "panah: tanpa batas (tanggal paling lambat)", en: "arrow: no bound (an on-or-before date)")

    /// The lead-time chart's subtitle, for its rows of dots and ranges.
    public static let leadMarksNote = Phrase(
        id: "titik: tanggal pasti · median hanya bila n ≥ 3",
        en: "dots: exact dates · median only when n ≥ 3")

    /// A row's figure right of the plot: its median and n, or only n when too few for a median.
    public static func leadRowFigure(median: String?, n: String) -> Phrase {
        guard let median else {
            return Phrase(id: "n = \(n) · tanpa median (n < 3)", en: "n = \(n) · no median (n < 3)")
        }
        return Phrase(id: "median \(median) hari · n = \(n)", en: "median \(median) \(median == "1" ? "day" : "days") · n = \(n)")
    }

    /// Every phrase with sample values, for the test that each has both languages.
    public static var all: [Phrase] {
        [
            monthUnknown, yearOnlyNote("2"), leadRange, leadOpenEnd, leadMarksNote,
            leadRowFigure(median: "3", n: "5"), leadRowFigure(median: nil, n: "2")
        ]
    }
}
