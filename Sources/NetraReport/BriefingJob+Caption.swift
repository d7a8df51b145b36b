import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

extension BriefingJob {
    /// The most a caption holds: a chat message under an image stays short.
    public static let captionLimit = 700

    /// `caption.txt`: the month's message in three to five plain sentences, from the same
    /// figures as the sheet (its headline, the new incidents and their status, the rulings,
    /// the month's events and the days to the next election, the day and the outlets).
    /// Names are dropped for counts, then the headline shortened, until it fits `captionLimit`.
    public static func caption(_ a: Analysis, _ f: BriefingFigures, _ lang: Language) -> [String] {
        let d = a.dataset
        let events = d.events
        let statuses = CaseStatus.allCases.map(Optional.some) + [nil]
        func number(_ n: Int) -> String { NumberFormat.number(n, lang) }
        // Plain text: no line breaks, and none of the characters a chat app reads as formatting.
        func plain(_ s: String) -> String {
            String(s.map { "\n\r\t*_~`".contains($0) ? " " : $0 }).trimmingSpaces
        }
        func sentence(_ s: String) -> String { s.hasSuffix(".") || s.hasSuffix("!") || s.hasSuffix("?") ? s : s + "." }

        let incidents = f.newIncidentsReported
        let named = incidents.map { (title: plain(events[$0].title(lang)), status: Strings.status(a.statusAsOf[$0])) }
        var byStatus: [(n: String, status: Phrase)] = []
        for s in statuses {
            let n = incidents.filter { a.statusAsOf[$0] == s }.count
            if n > 0 { byStatus.append((number(n), Strings.status(s))) }
        }
        let incidentsCounted =
            incidents.isEmpty
            ? Strings.captionNoIncidents
            : Strings.captionIncidentsCounted(number(incidents.count), count: incidents.count, byStatus: byStatus)
        let incidentsNamed = incidents.isEmpty ? Strings.captionNoIncidents : Strings.captionIncidents(named)

        let rulings = BriefingSheet.ordered(a, f).first.filter { events.kinds[$0].rules }
        let rulingsNamed =
            rulings.isEmpty
            ? nil
            : Strings.captionDecisions(
                rulings.map { k in
                    (plain(events[k].title(lang)), events[k].date, events[k].status.map(Strings.status))
                })
        let rulingsCounted = rulings.isEmpty ? nil : Strings.captionDecisionsCounted(number(rulings.count), count: rulings.count)

        let election = f.nextElection.map { (days: number($0.days), count: $0.days, name: plain(d.elections[$0.index].name)) }
        // The sheet's headline without the titles, which the sentences after it give with their
        // status and day; it counts the month's events only when there is no new incident.
        let headline = plain(BriefingSheet.headline(a, f, lang, withOutcome: false, titles: false))
        let counted = incidents.isEmpty && f.total > 0
        let tail = [
            Strings.captionActivity(counted ? nil : number(f.total), count: f.total, election: election).text(lang),
            Strings.captionAsOf(f.asOf, outlets: f.outlets).text(lang)
        ]

        // The fullest message that fits: names, then counts, then a shorter headline.
        let tries: [(Phrase, Phrase?)] = [(incidentsNamed, rulingsNamed), (incidentsCounted, rulingsNamed), (incidentsCounted, rulingsCounted)]
        var out: [String] = []
        for (inc, rul) in tries {
            out = [sentence(headline), inc.text(lang)] + (rul.map { [$0.text(lang)] } ?? []) + tail
            if out.joined(separator: " ").count <= captionLimit { return out }
        }
        // Still too long (a headline of very long titles): the headline gives way, word by word.
        let room = captionLimit - out.dropFirst().joined(separator: " ").count - 2
        var short = ""
        for word in headline.split(separator: " ") {
            guard short.count + word.count + 1 < room else { break }
            short += (short.isEmpty ? "" : " ") + word
        }
        out[0] = short + "…"
        return out
    }
}
