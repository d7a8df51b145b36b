import NetraCore

/// The words of the briefing sheet: its headline, groups, pages and sources.
extension Strings {
    /// `Februari 2024: Bawaslu Jawa Barat koreksi putusan jersey …; 1 insiden baru`:
    /// the month and its story. `outcome` is its latest ruling's title; new incidents are
    /// named only when there are some (one alone, with no ruling, by its title); else the
    /// month's activity, or its tallies when it had nothing else.
    public static func sheetHeadline(
        month: String, outcome: String?, activity: Int, tallies: Int, preventionOnly: Bool,
        newIncidents: Int, incidentTitle: String?
    ) -> Phrase {
        var id: [String] = [], en: [String] = []
        if let outcome { id.append(outcome); en.append(outcome) }
        if let incidentTitle, newIncidents == 1 {
            id.append("insiden baru diberitakan: \(incidentTitle)"); en.append("new incident reported: \(incidentTitle)")
        } else if newIncidents > 0 {
            id.append("\(newIncidents) insiden baru")
            en.append("\(newIncidents) new incident\(newIncidents == 1 ? "" : "s")")
        }
        if id.isEmpty && activity > 0 {
            id.append(preventionOnly ? "\(activity) kegiatan pencegahan" : "\(activity) peristiwa")
            en.append(preventionOnly ? "\(activity) prevention event\(activity == 1 ? "" : "s")" : "\(activity) event\(activity == 1 ? "" : "s")")
        }
        if id.isEmpty && tallies > 0 {
            id.append("\(tallies) rekap kasus diterbitkan"); en.append("\(tallies) case tall\(tallies == 1 ? "y" : "ies") published")
        }
        if id.isEmpty {
            return Phrase(id: "\(month): tidak ada peristiwa tercatat", en: "\(month): no events recorded")
        }
        return Phrase(id: "\(month): " + id.joined(separator: "; "), en: "\(month): " + en.joined(separator: "; "))
    }

    /// The heading of the month's events that became known only after the sheet's day.
    public static func sheetKnownLater(after day: String) -> Phrase {
        Phrase(id: "Diberitakan setelah \(day)", en: "Reported after \(day)")
    }

    /// The activity tile's note: the month's case tallies are listed but not counted.
    public static func sheetTalliesApart(_ n: Int) -> Phrase {
        Phrase(id: "tanpa \(n) rekap kasus", en: "excl. \(n) case tall\(n == 1 ? "y" : "ies")")
    }

    /// Of the month's new incidents, how many also happened in it.
    public static func sheetAlsoHappened(_ n: Int, of total: Int) -> Phrase {
        if n == total {
            return Phrase(id: total == 1 ? "terjadi bulan ini" : "semua terjadi bulan ini", en: total == 1 ? "happened this month" : "all happened this month")
        }
        if n == 0 { return Phrase(id: "terjadi sebelumnya", en: "happened earlier") }
        return Phrase(id: "\(n) terjadi bulan ini", en: "\(n) happened this month")
    }

    /// Under a lead-time tile: how many incidents the figure rests on.
    public static func sheetIncidentsSoFar(_ n: Int) -> Phrase {
        Phrase(id: "insiden s.d. bulan ini, n=\(n)", en: "incidents so far, n=\(n)")
    }

    /// A lead-time tile's label when it shows fewer than three values, not a median.
    public static let daysToResponse = Phrase(id: "Hari ke tanggapan", en: "Days to response")
    public static let daysToReport = Phrase(id: "Hari ke laporan", en: "Days to report")

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
        return Phrase(
            id: "Halaman \(page)/\(pages) · \(n.id) peristiwa dari \(outlets) media · Netra",
            en: "Page \(page)/\(pages) · \(n.en) event\(events == 1 ? "" : "s") from \(outlets) outlet\(outlets == 1 ? "" : "s") · Netra")
    }

    /// An incident's status as of the sheet's day.
    public static func sheetStatus(_ status: CaseStatus) -> Phrase {
        let s = Strings.status(status)
        return Phrase(id: "Status: \(s.id.lowercased())", en: "Status: \(s.en.lowercased())")
    }

    /// The status a ruling or sanction set for the incidents it reaches.
    public static func sheetStatusSet(_ status: CaseStatus) -> Phrase {
        let s = Strings.status(status)
        return Phrase(id: "Menetapkan: \(s.id.lowercased())", en: "Set status: \(s.en.lowercased())")
    }

    /// The events of a month too big for the sheet's pages, counted by kind.
    public static func sheetLeftOut(_ n: String, kinds: String, pages: Int) -> Phrase {
        Phrase(
            id: "+\(n) peristiwa lain bulan ini tidak muat dalam \(pages) halaman: \(kinds)",
            en: "+\(n) more events this month do not fit in \(pages) pages: \(kinds)")
    }

    /// Every sheet phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var sheetSamples: [Phrase] {
        [
            sheetHeadline(month: "x", outcome: "y", activity: 2, tallies: 0, preventionOnly: false, newIncidents: 1, incidentTitle: nil),
            sheetHeadline(month: "x", outcome: nil, activity: 2, tallies: 0, preventionOnly: true, newIncidents: 0, incidentTitle: nil),
            sheetHeadline(month: "x", outcome: nil, activity: 0, tallies: 0, preventionOnly: false, newIncidents: 0, incidentTitle: nil),
            sheetHeadline(month: "x", outcome: nil, activity: 0, tallies: 2, preventionOnly: false, newIncidents: 0, incidentTitle: nil),
            sheetHeadline(month: "x", outcome: nil, activity: 1, tallies: 0, preventionOnly: false, newIncidents: 1, incidentTitle: "t"),
            sheetKnownLater(after: "x"), sheetTalliesApart(1), sheetTalliesApart(2), sheetAlsoHappened(0, of: 1), sheetAlsoHappened(1, of: 1),
            sheetAlsoHappened(1, of: 2), sheetAlsoHappened(2, of: 2), sheetIncidentsSoFar(2), daysToResponse, daysToReport,
            atLeast("1"), uncountedPledges(1), uncountedPledges(2), atLeastNote(1), metricN, metricLowerBound,
            tallyRow(unit: "x", status: .alleged), tallyRow(unit: "", status: nil), tallyRowDate, registration,
            sheetSubtitle(asOf: Month(year: 2024, month: 1).lastDay), sheetOutcomes, sheetOthers, sheetNewlyKnown, sheetContinued(month: "x"),
            sheetPageFooter(page: 1, of: 2, events: 3, outlets: 2), sheetLeftOut("2", kinds: "x", pages: 12)
        ]
            + CaseStatus.allCases.map(sheetStatus) + CaseStatus.allCases.map(sheetStatusSet)
    }
}
