/// Words around a value (a month, a name, a count), both languages side by side.
public enum Strings {
    /// `Ringkasan Bulanan — Januari 2024`: the sheet's and the Markdown's title.
    public static func briefingTitle(_ month: String) -> Phrase {
        Phrase(id: "Ringkasan Bulanan — \(month)", en: "Monthly Briefing — \(month)")
    }

    /// The sheet's line under its title.
    public static func briefingSubtitle(_ dataset: String) -> Phrase {
        Phrase(id: "Netralitas ASN menjelang pemilu · data: \(dataset)", en: "ASN neutrality around elections · data: \(dataset)")
    }

    /// A month without events.
    public static func noEvents(in month: String) -> Phrase {
        Phrase(id: "Tidak ada kegiatan tercatat pada \(month).", en: "No events recorded in \(month).")
    }

    /// The events a sheet had no room for.
    public static func moreEvents(_ n: Int) -> Phrase {
        Phrase(id: "+\(n) kegiatan lain: lihat events.md", en: "+\(n) more events: see events.md")
    }

    /// The sheet's footer.
    public static func sheetFooter(events: Int, outlets: Int) -> Phrase {
        Phrase(
            id: "Sumber: \(events) kegiatan dari \(outlets) media (kolom source/quote di events.csv) · dibuat dengan Netra",
            en: "Source: \(events) events from \(outlets) outlets (source/quote columns in events.csv) · made with Netra")
    }

    /// A key figure's label: days to the next election.
    public static func daysTo(_ election: String) -> Phrase {
        Phrase(id: "Hari menuju \(election)", en: "Days to \(election)")
    }

    /// A chart's footer; `outlets` is written as given (already grouped), `count` chooses the English noun.
    public static func chartFooter(dataset: String, outlets: String, count: Int) -> Phrase {
        Phrase(
            id: "Sumber: dataset \(dataset) (\(outlets) media) · Netra",
            en: "Source: dataset \(dataset) (\(outlets) \(count == 1 ? "outlet" : "outlets")) · Netra")
    }

    /// Every phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var templateSamples: [Phrase] {
        [
            briefingTitle("x"), briefingSubtitle("x"), noEvents(in: "x"), moreEvents(2), sheetFooter(events: 2, outlets: 2),
            daysTo("x"), chartFooter(dataset: "x", outlets: "1", count: 1), chartFooter(dataset: "x", outlets: "2", count: 2)
        ]
    }
}
