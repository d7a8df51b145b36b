import NetraCore

/// The words of the briefing sheet: its headline, groups, pages and sources.
extension Strings {
    /// `Januari 2024: Bawaslu Kota Bekasi hentikan laporan jersey; 0 insiden baru`: the month
    /// and what happened in it, `outcome` being its latest decision's title, if any.
    public static func sheetHeadline(month: String, outcome: String?, events: Int, preventionOnly: Bool, newIncidents: Int) -> Phrase {
        let incidents = Phrase(id: "\(newIncidents) insiden baru", en: "\(newIncidents) new incident\(newIncidents == 1 ? "" : "s")")
        if events == 0 {
            return Phrase(id: "\(month): tidak ada peristiwa tercatat", en: "\(month): no events recorded")
        }
        if let outcome {
            return Phrase(id: "\(month): \(outcome); \(incidents.id)", en: "\(month): \(outcome); \(incidents.en)")
        }
        let what = preventionOnly
            ? Phrase(id: "\(events) kegiatan pencegahan", en: "\(events) prevention event\(events == 1 ? "" : "s")")
            : Phrase(id: "\(events) peristiwa", en: "\(events) event\(events == 1 ? "" : "s")")
        return Phrase(id: "\(month): \(what.id), \(incidents.id)", en: "\(month): \(what.en), \(incidents.en)")
    }

    /// The line under the headline.
    public static func sheetSubtitle(asOf day: Day) -> Phrase {
        let asOf = dataAsOf(day)
        return Phrase(id: "\(asOf.id) · dibuat dengan Netra", en: "\(asOf.en) · made with Netra")
    }

    /// The heading of the month's incidents, decisions and sanctions, listed first.
    public static let sheetOutcomes = Phrase(id: "Insiden dan putusan", en: "Incidents and decisions")
    /// The heading of the month's other events.
    public static let sheetOthers = Phrase(id: "Kegiatan lain", en: "Other events")
    /// The heading of earlier events first reported in the month.
    public static let sheetNewlyKnown = Phrase(id: "Baru diberitakan bulan ini", en: "First reported this month")

    /// The top of a page after the first.
    public static func sheetContinued(month: String) -> Phrase {
        Phrase(id: "\(month) · lanjutan", en: "\(month) · continued")
    }

    /// Every page's footer: which page of how many, and what the sources are.
    public static func sheetPageFooter(page: Int, of pages: Int, events: Int, outlets: Int) -> Phrase {
        let n = (id: NumberFormat.number(events, .id), en: NumberFormat.number(events, .en))
        return Phrase(id: "Halaman \(page)/\(pages) · \(n.id) peristiwa dari \(outlets) media · Netra",
                      en: "Page \(page)/\(pages) · \(n.en) event\(events == 1 ? "" : "s") from \(outlets) outlet\(outlets == 1 ? "" : "s") · Netra")
    }

    /// An incident's status as of the sheet's day, or the status a decision set.
    public static func sheetStatus(_ status: CaseStatus) -> Phrase {
        let s = Strings.status(status)
        return Phrase(id: "Status: \(s.id.lowercased())", en: "Status: \(s.en.lowercased())")
    }

    /// The events of a month too big for the sheet's pages, counted by kind.
    public static func sheetLeftOut(_ n: String, kinds: String, pages: Int) -> Phrase {
        Phrase(id: "+\(n) peristiwa lain bulan ini tidak muat dalam \(pages) halaman: \(kinds)",
               en: "+\(n) more events this month do not fit in \(pages) pages: \(kinds)")
    }

    /// How long before an election a prevention event came: `43 hari sebelum Pilkada Serentak
    /// 2024`; an imprecise date gives its range (`45–409 hari`) or its least (`sedikitnya 100
    /// hari`, for an on-or-before date), never one exact-looking figure.
    public static func leadBefore(_ r: LeadTimeRange, election: String) -> Phrase {
        func days(_ lang: Language) -> String {
            let n = { (v: Int) in NumberFormat.number(v, lang) }
            switch (r.low, r.high) {
            case let (lo?, hi?) where lo == hi: return n(lo)
            case let (lo?, hi?): return n(lo) + "–" + n(hi)
            case let (lo?, nil): return (lang == .id ? "sedikitnya " : "at least ") + n(lo)
            case let (nil, hi?): return (lang == .id ? "paling lama " : "at most ") + n(hi)
            case (nil, nil): return n(r.day)
            }
        }
        return Phrase(id: "\(days(.id)) hari sebelum \(election)", en: "\(days(.en)) days before \(election)")
    }

    /// Every sheet phrase with sample values, for the test that each has both languages.
    static var sheetSamples: [Phrase] {
        [sheetHeadline(month: "x", outcome: "y", events: 2, preventionOnly: false, newIncidents: 1),
         sheetHeadline(month: "x", outcome: nil, events: 2, preventionOnly: true, newIncidents: 0),
         sheetHeadline(month: "x", outcome: nil, events: 0, preventionOnly: false, newIncidents: 0),
         sheetSubtitle(asOf: Month(year: 2024, month: 1).lastDay), sheetOutcomes, sheetOthers, sheetNewlyKnown, sheetContinued(month: "x"),
         sheetPageFooter(page: 1, of: 2, events: 3, outlets: 2), sheetLeftOut("2", kinds: "x", pages: 12),
         leadBefore(LeadTimeRange(day: 43, low: 43, high: 43), election: "x"),
         leadBefore(LeadTimeRange(day: 100, low: 100, high: nil), election: "x"),
         leadBefore(LeadTimeRange(day: 409, low: 45, high: 409), election: "x")]
            + CaseStatus.allCases.map(sheetStatus)
    }
}
