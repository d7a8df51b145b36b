import NetraCore

extension Strings {
    /// `Data per 31 Desember 2023`: the day every figure of an output stands on.
    public static func dataAsOf(_ day: Day) -> Phrase {
        Phrase(id: "Data per \(DateText.long(day, .id))", en: "Data as of \(DateText.long(day, .en))")
    }

    /// `Data per 31 Desember 2023 · ` before a footer, or nothing for a dataset without events.
    public static func asOfPrefix(_ day: Day?, _ lang: Language) -> String {
        day.map { dataAsOf($0).text(lang) + " · " } ?? ""
    }

    /// The note under the days to the next election when they are counted from a day other
    /// than the month's end: `dari 10 Jan 2024, `.
    public static func fromDay(_ day: String) -> Phrase {
        Phrase(id: "dari \(day), ", en: "from \(day), ")
    }
}
