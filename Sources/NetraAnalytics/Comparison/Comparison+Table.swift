import NetraCore

extension Comparison {
    /// The side-by-side table for a terminal, aligned, with `—` where there is no figure.
    public func table(_ analysis: Analysis, language: Language) -> String {
        let d = analysis.dataset
        let head = [StringKey.metricColumn.text(language), d.jurisdictions[a].name, d.jurisdictions[b].name]
        var rows = [head]
        for r in self.rows {
            rows.append([Strings.metric(r.metric).text(language), show(r.a, language), show(r.b, language)])
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
        // The day the figures stand on, under the table: "Data per 23 Agustus 2024".
        if let day = analysis.standsOn { out.append(Strings.dataAsOf(day).text(language)) }
        return out.joined(separator: "\n")
    }

    private func show(_ v: MetricValue, _ lang: Language) -> String {
        switch v {
        case .count(let n): return NumberFormat.number(n, lang, minus: "-")
        case .figure(let n): return n.map { NumberFormat.number($0, lang, minus: "-") } ?? Strings.unknownMark
        case .median(let m): return NumberFormat.median(m, lang)
        case .date(let day): return day.map { DateText.long($0, lang) } ?? "—"
        }
    }
}
