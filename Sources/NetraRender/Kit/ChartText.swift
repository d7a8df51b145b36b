import NetraCore
import NetraText
import NetraAnalytics

/// What charts say about their data's source (words from `Strings`, numbers from `NumberFormat`).
public enum ChartText {
    /// The last part of a dataset's folder path (`datasets/bekasi-2024` → `bekasi-2024`).
    public static func datasetName(_ dataset: Dataset) -> String {
        let trimmed = dataset.name.hasSuffix("/") ? String(dataset.name.dropLast()) : dataset.name
        let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
        return last.isEmpty ? "netra" : last
    }

    /// What the dataset's filter kept, for a subtitle; empty for no filter.
    public static func filterNote(_ dataset: Dataset, _ lang: Language) -> String {
        Strings.selection(dataset.selection, dataset)?.text(lang) ?? ""
    }

    /// `Data per 31 Desember 2023 · Sumber: dataset bekasi-2024 (12 media)` (in English: `Data as of …`),
    /// counting distinct `source` values among `events` (all events when `nil`).
    public static func sourceFooter(_ dataset: Dataset, _ lang: Language, events: [EventIndex]? = nil) -> String {
        sourceFooter(dataset, lang, outlets: events.map { dataset.events.outletCount($0) } ?? dataset.outletCount)
    }

    /// The same footer naming `n` outlets, counted by an analysis value (`ScopeOutlets`).
    public static func sourceFooter(_ dataset: Dataset, _ lang: Language, outlets n: Int) -> String {
        Strings.asOfPrefix(dataset.standsOn, lang)
            + Strings.chartFooter(dataset: datasetName(dataset), outlets: NumberFormat.number(n, lang), count: n).text(lang)
    }
}
