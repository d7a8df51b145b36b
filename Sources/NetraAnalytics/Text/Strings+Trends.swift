import NetraCore
import NetraText

/// The change labels in words, and the briefing's trend line.
extension Strings {
    /// A change label as the briefing says it.
    public static func trend(_ label: TrendLabel) -> Phrase {
        switch label {
        case .largeIncrease: return Phrase(id: "naik tajam", en: "large increase")
        case .moderateIncrease: return Phrase(id: "naik sedang", en: "moderate increase")
        case .stable: return Phrase(id: "stabil", en: "stable")
        case .moderateDecrease: return Phrase(id: "turun sedang", en: "moderate decrease")
        case .largeDecrease: return Phrase(id: "turun tajam", en: "large decrease")
        case .lowBaseline: return Phrase(id: "data terlalu sedikit", en: "too little data")
        }
    }

    /// `Tren: naik tajam · 12 peristiwa, rata-rata 3 bulan sebelumnya 2,7 (+344,4%)`: the
    /// month's label, what it rests on, and why when there is too little.
    public static func trendLine(_ p: TrendPoint) -> Phrase {
        let label = trend(p.label)
        // One decimal always, as trends.csv writes it (`4,0`, not `4`).
        func decimal(_ tenths: Int, _ lang: Language) -> String {
            (tenths < 0 ? "−" : "") + NumberFormat.number(abs(tenths) / 10, lang) + String(NumberFormat.decimalMark(lang)) + String(abs(tenths) % 10)
        }
        let events = Phrase(
            id: "\(NumberFormat.number(p.events, .id)) peristiwa",
            en: "\(NumberFormat.number(p.events, .en)) event\(p.events == 1 ? "" : "s")")
        guard let base = p.baselineTenths else {
            return Phrase(
                id: "Tren: \(label.id) · \(events.id); belum ada 3 bulan data sebelumnya",
                en: "Trend: \(label.en) · \(events.en); fewer than 3 months of data before it")
        }
        let baseline = Phrase(
            id: "rata-rata 3 bulan sebelumnya \(decimal(base, .id))",
            en: "against a mean of \(decimal(base, .en)) over the 3 months before")
        guard let change = p.changeTenths else {
            return Phrase(
                id: "Tren: \(label.id) · \(events.id), \(baseline.id) (kurang dari 3 per bulan)",
                en: "Trend: \(label.en) · \(events.en) \(baseline.en) (under 3 a month)")
        }
        let sign = change > 0 ? "+" : ""
        return Phrase(
            id: "Tren: \(label.id) · \(events.id), \(baseline.id) (\(sign)\(decimal(change, .id))%)",
            en: "Trend: \(label.en) · \(events.en) \(baseline.en) (\(sign)\(decimal(change, .en))%)")
    }

    static var trendSamples: [Phrase] {
        TrendLabel.allCases.map(trend) + [
            trendLine(TrendPoint(month: Month(year: 2024, month: 1), jurisdiction: nil, events: 12, baselineSum: nil)),
            trendLine(TrendPoint(month: Month(year: 2024, month: 1), jurisdiction: nil, events: 12, baselineSum: 8)),
            trendLine(TrendPoint(month: Month(year: 2024, month: 1), jurisdiction: nil, events: 1, baselineSum: 20))
        ]
    }
}

/// The words of `netra diff`.
extension Strings {
    /// `3 ditambah, 1 dihapus, 2 diubah`.
    public static func diffSummary(added: Int, removed: Int, changed: Int) -> Phrase {
        Phrase(
            id: "\(NumberFormat.number(added, .id)) ditambah, \(NumberFormat.number(removed, .id)) dihapus, \(NumberFormat.number(changed, .id)) diubah",
            en: "\(NumberFormat.number(added, .en)) added, \(NumberFormat.number(removed, .en)) removed, \(NumberFormat.number(changed, .en)) changed")
    }

    /// One change's word.
    public static func diffChange(_ c: DatasetDiff.Change) -> Phrase {
        switch c {
        case .added: return Phrase(id: "ditambah", en: "added")
        case .removed: return Phrase(id: "dihapus", en: "removed")
        case .changed: return Phrase(id: "diubah", en: "changed")
        }
    }

    static var diffSamples: [Phrase] {
        [diffSummary(added: 3, removed: 1, changed: 2)] + DatasetDiff.Change.allCases.map(diffChange)
    }
}
