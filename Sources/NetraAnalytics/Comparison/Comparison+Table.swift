import NetraCore
import NetraText

extension Comparison {
    /// The side-by-side table for a terminal, aligned, with `—` where there is no figure.
    public func table(_ analysis: Analysis, language: Language) -> String {
        let d = analysis.dataset
        let head = [StringKey.metricColumn.text(language), d.jurisdictions[a].name, d.jurisdictions[b].name]
        var rows = [head]
        for r in shownRows(language) { rows.append([r.label, r.a, r.b]) }
        // Names and units come from cells: a line break or escape in one must not forge a line.
        rows = rows.map { $0.map(Diagnostic.printable) }
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

    /// The rows as a reader is shown them (the terminal, the page): a median with its n
    /// (or the values, under three), "sedikitnya" before a sum with unknown parts, dates in
    /// words; the CSV's `_n`, `_lower_bound` and `_complete` rows are said in those values.
    public func shownRows(_ language: Language) -> [(label: String, a: String, b: String)] {
        let incomplete = (a: breakdown.a.uncountedPledges > 0, b: breakdown.b.uncountedPledges > 0)
        var out: [(label: String, a: String, b: String)] = []
        for r in rows {
            if r.key.hasSuffix("_n") || r.key.hasSuffix("_lower_bound") || r.key == ComparisonMetric.pledgeSignatoriesComplete.rawValue { continue }
            let atLeast = r.key == ComparisonMetric.pledgeSignatories.rawValue ? incomplete : (false, false)
            out.append((r.label.text(language), show(r.a, language, atLeast: atLeast.0), show(r.b, language, atLeast: atLeast.1)))
        }
        return out
    }

    private func show(_ v: MetricValue, _ lang: Language, atLeast: Bool) -> String {
        switch v {
        case .count(let n): return NumberFormat.number(n, lang, minus: "-")
        case .figure(let n):
            guard let n else { return Strings.unknownMark }
            let figure = NumberFormat.number(n, lang, minus: "-")
            return atLeast ? Strings.atLeast(figure).text(lang) : figure
        case .median(let m): return m.isEmpty ? "—" : NumberFormat.typical(m, lang, minus: "-") + " (n=\(m.n))"
        case .date(let day): return day.map { DateText.long($0, lang) } ?? "—"
        case .flag(let b): return (b ? StringKey.yes : StringKey.no).text(lang)
        }
    }
}
