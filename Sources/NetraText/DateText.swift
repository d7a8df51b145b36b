import NetraCore

/// Dates and month names as readers of each language write them: the one place for them,
/// used by charts, sheet, Markdown and terminal alike (names from `Strings`).
public enum DateText {
    /// `Januari` / `January`.
    public static func monthName(_ number: Int, _ lang: Language) -> String { Strings.month(number).text(lang) }

    /// `Jan`, `Agu` / `Aug`.
    public static func shortMonthName(_ number: Int, _ lang: Language) -> String { Strings.shortMonth(number).text(lang) }

    /// `22 Januari 2024` / `22 January 2024`.
    public static func long(_ day: Day, _ lang: Language) -> String {
        let c = day.components
        return "\(c.day) \(monthName(c.month, lang)) \(c.year)"
    }

    /// `22 Jan 2024`.
    public static func short(_ day: Day, _ lang: Language) -> String {
        let c = day.components
        return "\(c.day) \(shortMonthName(c.month, lang)) \(c.year)"
    }

    /// `22 Jan`.
    public static func dayMonth(_ day: Day, _ lang: Language) -> String {
        let c = day.components
        return "\(c.day) \(shortMonthName(c.month, lang))"
    }

    /// `Januari 2024` / `January 2024`.
    public static func month(_ m: Month, _ lang: Language) -> String { "\(monthName(m.number, lang)) \(m.year)" }

    /// `Jan 2024`.
    public static func shortMonth(_ m: Month, _ lang: Language) -> String { "\(shortMonthName(m.number, lang)) \(m.year)" }

    /// An event's date as precisely as it is known: `22 Januari 2024`, `November 2023`, `2022`,
    /// `≤ 13 Mei 2024` / `by 13 May 2024` (on or before); `short` uses `Jan`-style month names.
    public static func event(_ date: EventDate, _ lang: Language, short isShort: Bool = false) -> String {
        let text: String
        switch date.written.form {
        case .day: text = isShort ? short(date.anchor, lang) : long(date.anchor, lang)
        case .month: text = isShort ? shortMonth(date.anchor.month, lang) : month(date.anchor.month, lang)
        case .year: text = String(date.anchor.year)
        }
        if date.precision == .onOrBefore { return StringKey.onOrBeforePrefix.text(lang) + text }
        return text
    }
}
