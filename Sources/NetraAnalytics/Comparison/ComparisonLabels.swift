/// The language of labels, dates and month names.
public enum Language: String, CaseIterable, Sendable {
    /// Bahasa Indonesia, the default.
    case id
    case en
}

extension ComparisonMetric {
    /// What a reader sees for the metric.
    public func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.preventionEvents, .id): return "Kegiatan pencegahan"
        case (.preventionEvents, .en): return "Prevention events"
        case (.firstPreventionDate, .id): return "Pencegahan pertama"
        case (.firstPreventionDate, .en): return "First prevention"
        case (.medianPreventionLeadDays, .id): return "Median jarak ke pemilu (hari)"
        case (.medianPreventionLeadDays, .en): return "Median lead to election (days)"
        case (.pledgeSignatories, .id): return "Penanda tangan ikrar"
        case (.pledgeSignatories, .en): return "Pledge signatories"
        case (.incidentsTotal, .id): return "Insiden"
        case (.incidentsTotal, .en): return "Incidents"
        case (.incidentsAlleged, .id): return "  dugaan"
        case (.incidentsAlleged, .en): return "  alleged"
        case (.incidentsConfirmed, .id): return "  terbukti"
        case (.incidentsConfirmed, .en): return "  confirmed"
        case (.incidentsDismissed, .id): return "  dihentikan"
        case (.incidentsDismissed, .en): return "  dismissed"
        case (.incidentsSanctioned, .id): return "  disanksi"
        case (.incidentsSanctioned, .en): return "  sanctioned"
        case (.medianFirstResponseDays, .id): return "Median ke tanggapan pertama (hari)"
        case (.medianFirstResponseDays, .en): return "Median to first response (days)"
        case (.medianFirstReportDays, .id): return "Median ke laporan pertama (hari)"
        case (.medianFirstReportDays, .en): return "Median to first report (days)"
        case (.medianFirstDecisionDays, .id): return "Median ke putusan pertama (hari)"
        case (.medianFirstDecisionDays, .en): return "Median to first decision (days)"
        case (.medianFirstSanctionDays, .id): return "Median ke sanksi pertama (hari)"
        case (.medianFirstSanctionDays, .en): return "Median to first sanction (days)"
        case (.casesLatest, .id): return "Rekap kasus terakhir"
        case (.casesLatest, .en): return "Latest case tally"
        case (.casesLatestDate, .id): return "Tanggal rekap terakhir"
        case (.casesLatestDate, .en): return "Date of latest tally"
        }
    }
}

extension Comparison {
    /// The side-by-side table for a terminal, aligned, with `—` where there is no figure.
    public func table(_ analysis: Analysis, language: Language) -> String {
        let d = analysis.dataset
        let head = [language == .id ? "Ukuran" : "Metric", d.jurisdictions[a].name, d.jurisdictions[b].name]
        var rows = [head]
        for r in self.rows {
            rows.append([r.metric.label(language), show(r.a, language), show(r.b, language)])
        }
        let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
        func padded(_ s: String, _ w: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return right ? fill + s : s + fill
        }
        var out: [String] = []
        for (k, r) in rows.enumerated() {
            out.append(padded(r[0], widths[0], right: false) + "  " + padded(r[1], widths[1], right: true) + "  " + padded(r[2], widths[2], right: true))
            if k == 0 { out.append(String(repeating: "─", count: widths[0] + widths[1] + widths[2] + 4)) }
        }
        return out.joined(separator: "\n")
    }

    private func show(_ v: MetricValue, _ lang: Language) -> String {
        switch v {
        case .count(let n): return groupThousands(n, lang)
        case .median(let m): return m.map { lang == .id ? String($0.description.map { $0 == "." ? "," : $0 }) : $0.description } ?? "—"
        case .date(let day): return day.map { DateText.long($0, lang) } ?? "—"
        }
    }
}

/// `24.013` in Indonesian, `24,013` in English.
public func groupThousands(_ n: Int, _ lang: Language) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(lang == .id ? "." : ",") }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}
