import NetraCore
import NetraText

// The catalogue's words for analytics' own values (lead-time measures, comparison metrics,
// medians, lead-time ranges): the rest of the catalogue is NetraText, below analytics.

extension NumberFormat {
    /// A median of days as written (`12`, `12,5` / `12.5`, never grouped); `—` when there is none.
    public static func median(_ m: Median?, _ lang: Language, minus: String = "−") -> String {
        guard let m else { return "—" }
        let mark = decimalMark(lang)
        return m.description.map { $0 == "." ? String(mark) : $0 == "-" ? minus : String($0) }.joined()
    }

    /// A lead value: `12`, or `≥ 12` for a lower bound.
    public static func lead(_ v: LeadValue, _ lang: Language, minus: String = "−") -> String {
        (v.atLeast ? "≥ " : "") + number(v.days, lang, minus: minus)
    }

    /// What a group of lead times says: its median (`≥` when a lower bound) from three values
    /// on, else the values themselves (`2 dan 5`, `≥ 3`), `—` for none.
    public static func typical(_ m: MedianOrValues, _ lang: Language, minus: String = "−") -> String {
        if let med = m.median { return (m.atLeast ? "≥ " : "") + median(med, lang, minus: minus) }
        let parts = m.values.map { lead($0, lang, minus: minus) }
        switch parts.count {
        case 0: return "—"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + (lang == .id ? " dan " : " and ") + (parts.last ?? "")
        }
    }
}

extension Strings {
    /// A lead-time measure as the lead-time chart names its rows.
    public static func leadTime(_ m: LeadTimeMeasure) -> Phrase {
        switch m {
        case .prevention: return Phrase(id: "Jeda pencegahan ke pemilu", en: "Prevention lead to election")
        case .response: return Phrase(id: "Insiden → tanggapan pertama", en: "Incident → first response")
        case .report: return Phrase(id: "Insiden → laporan pertama", en: "Incident → first report")
        case .decision: return Phrase(id: "Insiden → putusan pertama", en: "Incident → first decision")
        case .sanction: return Phrase(id: "Insiden → sanksi pertama", en: "Incident → first sanction")
        case .reportingLag: return Phrase(id: "Jeda pemberitaan", en: "Reporting lag")
        }
    }

    /// Incidents' response time taken as one measure (`response_time`), for series named by key.
    public static let responseTime = Phrase(id: "Waktu tanggap insiden", en: "Incident response time")

    /// A lead-time measure key (`prevention_lead`, `response_time`, `reporting_lag`, or the
    /// camel-case forms) in words; `nil` for other text, which is shown as given.
    public static func measureKey(_ key: String) -> Phrase? {
        switch key {
        case "prevention_lead", "preventionLead": return leadTime(.prevention)
        case "response_time", "responseTime": return responseTime
        case "reporting_lag", "reportingLag": return leadTime(.reportingLag)
        default: return nil
        }
    }

    /// A comparison metric as the terminal table names it.
    public static func metric(_ m: ComparisonMetric) -> Phrase {
        switch m {
        case .preventionEvents: return Phrase(id: "Kegiatan pencegahan", en: "Prevention events")
        case .firstPreventionDate: return Phrase(id: "Pencegahan pertama", en: "First prevention")
        case .medianPreventionLeadDays: return Phrase(id: "Jarak ke pemilu, hari (median dari 3+)", en: "Lead to election, days (median of 3+)")
        case .pledgeSignatories: return Phrase(id: "Penanda tangan ikrar", en: "Pledge signatories")
        case .pledgeSignatoriesComplete: return Phrase(id: "  setiap ikrar berjumlah", en: "  every pledge counted")
        case .incidentsTotal: return Phrase(id: "Insiden", en: "Incidents")
        case .incidentsAlleged: return Phrase(id: "  dugaan", en: "  alleged")
        case .incidentsConfirmed: return Phrase(id: "  terbukti", en: "  confirmed")
        case .incidentsDismissed: return Phrase(id: "  dihentikan", en: "  dismissed")
        case .incidentsSanctioned: return Phrase(id: "  disanksi", en: "  sanctioned")
        case .incidentsUnknown: return Phrase(id: "  status tidak diketahui", en: "  status unknown")
        case .medianFirstResponseDays: return Phrase(id: "Hari ke tanggapan pertama (median dari 3+)", en: "Days to first response (median of 3+)")
        case .medianFirstReportDays: return Phrase(id: "Hari ke laporan pertama (median dari 3+)", en: "Days to first report (median of 3+)")
        case .medianFirstDecisionDays: return Phrase(id: "Hari ke putusan pertama (median dari 3+)", en: "Days to first decision (median of 3+)")
        case .medianFirstSanctionDays: return Phrase(id: "Hari ke sanksi pertama (median dari 3+)", en: "Days to first sanction (median of 3+)")
        }
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

    static var measureSamples: [Phrase] {
        LeadTimeMeasure.allCases.map(leadTime) + [responseTime] + ComparisonMetric.allCases.map(metric) + [
            leadBefore(LeadTimeRange(day: 43, low: 43, high: 43), election: "x"),
            leadBefore(LeadTimeRange(day: 100, low: 100, high: nil), election: "x"),
            leadBefore(LeadTimeRange(day: 409, low: 45, high: 409), election: "x")
        ]
    }

    /// Every phrase of the catalogue, fixed words, vocabulary, months and templates (with
    /// sample values): what the test of both languages walks.
    public static var all: [Phrase] {
        StringKey.allCases.map(\.phrase)
            + EventKind.allCases.map(kind)
            + (CaseStatus.allCases.map { Optional($0) } + [nil]).map(status)
            + measureSamples
            + months + shortMonths + templateSamples + sheetSamples + tallySamples + timelineSamples + unknownPhrases + PrecisionText.all + scaleSamples
            + htmlSamples
            + trendSamples + diffSamples + selectionSamples + initSamples + captionSamples
            + problemSamples + usageSamples
    }
}
