import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

/// The report's charts, made in one place so that the PNGs and `report.html`'s SVGs are laid
/// out from the same values.
enum ReportCharts {
    static func monthly(_ a: Analysis) -> MonthlyBarsChart { MonthlyBarsChart(a.monthlyTable, dataset: a.dataset) }

    static func timeline(_ a: Analysis) -> TimelineChart { TimelineChart(a.dataset, graph: a.graph) }

    static func comparison(_ a: Analysis, _ options: JobOptions, tallies: TallySeries? = nil) -> Comparison? {
        options.comparisonChoice(a.dataset).pair.map { a.compare($0.a, $0.b, tallies: tallies) }
    }

    static func leadTimes(_ a: Analysis, _ lang: Language) -> LeadTimesChart {
        // Counted per measure, jurisdiction and day first: no String per lead time.
        LeadTimesChart(
            a.leadTimeSeries(label: { ReportJob.measureLabel($0, lang) }), dataset: a.dataset, events: a.leadTimeEvents,
            headline: a.leadTimeHeadline)
    }
}
