import NetraCore

/// The words of `caption.txt`: the briefing's message as plain sentences, to paste under its
/// image in a chat group.
extension Strings {
    /// The new incidents named with their status: `Insiden baru: Foto jersey nomor dua (dugaan).`
    public static func captionIncidents(_ named: [(title: String, status: Phrase)]) -> Phrase {
        let id = named.map { "\($0.title) (\($0.status.id.lowercased()))" }.joined(separator: "; ")
        let en = named.map { "\($0.title) (\($0.status.en.lowercased()))" }.joined(separator: "; ")
        return named.count == 1
            ? Phrase(id: "Insiden baru: \(id).", en: "New incident: \(en).")
            : Phrase(id: "Insiden baru: \(id).", en: "New incidents: \(en).")
    }

    /// Too many new incidents to name: counted by status, `5 insiden baru: 3 dugaan, 2 dihentikan.`
    public static func captionIncidentsCounted(_ n: String, count: Int, byStatus: [(n: String, status: Phrase)]) -> Phrase {
        let id = byStatus.map { "\($0.n) \($0.status.id.lowercased())" }.joined(separator: ", ")
        let en = byStatus.map { "\($0.n) \($0.status.en.lowercased())" }.joined(separator: ", ")
        return Phrase(id: "\(n) insiden baru: \(id).", en: "\(n) new incident\(count == 1 ? "" : "s"): \(en).")
    }

    /// A month without new incidents says so in words, never "0".
    public static let captionNoIncidents = Phrase(id: "Tidak ada insiden baru.", en: "No new incidents.")

    /// The month's rulings and sanctions: `Putusan: … (22 Januari 2024, dihentikan).`
    public static func captionDecisions(_ named: [(title: String, date: EventDate, status: Phrase?)]) -> Phrase {
        func list(_ lang: Language) -> String {
            named.map { d in "\(d.title) (\(DateText.event(d.date, lang))" + (d.status.map { ", " + $0.text(lang).lowercased() } ?? "") + ")" }
                .joined(separator: "; ")
        }
        return Phrase(id: "Putusan: \(list(.id)).", en: named.count == 1 ? "Decision: \(list(.en))." : "Decisions: \(list(.en)).")
    }

    /// Too many rulings to name: `4 putusan dan sanksi bulan ini.`
    public static func captionDecisionsCounted(_ n: String, count: Int) -> Phrase {
        Phrase(id: "\(n) putusan dan sanksi bulan ini.", en: "\(n) decision\(count == 1 ? "" : "s") and sanctions this month.")
    }

    /// The month's activity (nil when the headline gave it) and the days to the next election:
    /// `10 peristiwa bulan ini; 14 hari menuju Pemilu 2024.`
    public static func captionActivity(_ n: String?, count: Int, election: (days: String, count: Int, name: String)?) -> Phrase {
        let next =
            election.map { e in
                Phrase(id: "\(e.days) hari menuju \(e.name)", en: "\(e.days) day\(e.count == 1 ? "" : "s") to \(e.name)")
            } ?? Phrase(id: "tidak ada pemilu lagi dalam data", en: "no election ahead in the data")
        guard let n else {
            return Phrase(id: next.id.prefix(1).uppercased() + next.id.dropFirst() + ".", en: next.en.prefix(1).uppercased() + next.en.dropFirst() + ".")
        }
        return Phrase(id: "\(n) peristiwa bulan ini; \(next.id).", en: "\(n) event\(count == 1 ? "" : "s") this month; \(next.en).")
    }

    /// The day the figures stand on and how many outlets they come from.
    public static func captionAsOf(_ day: Day, outlets: Int) -> Phrase {
        let asOf = dataAsOf(day)
        return Phrase(
            id: "\(asOf.id), dari \(outlets) sumber media.",
            en: "\(asOf.en), from \(outlets) news outlet\(outlets == 1 ? "" : "s").")
    }

    /// Every caption phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var captionSamples: [Phrase] {
        [
            captionIncidents([("x", status(.alleged))]), captionIncidents([("x", status(.alleged)), ("y", status(nil))]),
            captionIncidentsCounted("3", count: 3, byStatus: [("2", status(.alleged)), ("1", status(.dismissed))]), captionNoIncidents,
            captionDecisions([
                ("x", EventDate(written: WrittenDate(anchor: Month(year: 2024, month: 5).lastDay, form: .day), precision: .day), status(.dismissed))
            ]),
            captionDecisionsCounted("4", count: 4), captionActivity("1", count: 1, election: nil), captionActivity(nil, count: 1, election: nil),
            captionActivity(nil, count: 1, election: ("1", 1, "Pemilu")),
            captionActivity("3", count: 3, election: ("14", 14, "Pemilu")),
            captionAsOf(Month(year: 2024, month: 1).lastDay, outlets: 1), captionAsOf(Month(year: 2024, month: 1).lastDay, outlets: 5)
        ]
    }
}
