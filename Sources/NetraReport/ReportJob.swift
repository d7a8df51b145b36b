import NetraCore
import NetraAnalytics
import NetraRender

/// Settings shared by the report and the briefing.
public struct JobOptions: Sendable {
    public var language: Language
    /// 1 for 1600 × 900 charts, 2 for sharp 2× output.
    public var scale: Int
    public var fonts: FontSet

    public init(language: Language = .id, scale: Int = 1, fonts: FontSet) {
        self.language = language
        self.scale = scale
        self.fonts = fonts
    }

    var chartOptions: ChartOptions {
        ChartOptions(language: language, scale: scale, fontPath: fonts.regular, boldFontPath: fonts.bold)
    }
}

/// The full report: every chart and every CSV export, under stable names.
public enum ReportJob {
    /// Renders and exports everything in memory; nothing is written here.
    public static func build(_ a: Analysis, options: JobOptions, progress: any ProgressSink = SilentProgress()) throws(RenderError) -> [OutputFile] {
        let d = a.dataset
        let o = options.chartOptions
        var files: [OutputFile] = []
        progress.step("charts")
        files.append(OutputFile(name: "monthly.png", bytes: try MonthlyBarsChart.render(d, options: o).png))
        for j in jurisdictionsWithEvents(d) {
            progress.detail("monthly chart for \(d.jurisdictions[j].id)")
            files.append(OutputFile(name: "monthly-\(d.jurisdictions[j].id).png", bytes: try MonthlyBarsChart.render(d, jurisdiction: j, options: o).png))
        }
        progress.detail("timeline")
        files.append(OutputFile(name: "timeline.png", bytes: try TimelineChart.render(d, graph: a.graph, options: o).png))
        let pair = d.defaultComparisonPair().map { (a: $0.a, b: $0.b) }
        if let pair {
            progress.detail("comparison")
            files.append(OutputFile(name: "compare.png", bytes: try ComparisonChart.render(d, first: pair.a, second: pair.b, options: o).png))
        }
        progress.detail("lead times")
        let points = a.leadTimes.map {
            LeadTimePoint(measure: measureLabel($0.measure, options.language), jurisdiction: d.jurisdictions[$0.jurisdiction].id,
                          days: $0.days, exact: $0.exact)
        }
        files.append(OutputFile(name: "leadtimes.png", bytes: try LeadTimesChart.render(points, dataset: d, options: o).png))
        progress.detail("cases and signatories")
        files.append(OutputFile(name: "cases.png", bytes: try CasesChart.render(d, options: o).png))
        progress.step("exports")
        files.append(OutputFile(name: "events.csv", bytes: a.eventsCSV(flavour: .plain)))
        files.append(OutputFile(name: "monthly.csv", bytes: a.monthlyCSV(flavour: .plain, rollup: false)))
        files.append(OutputFile(name: "monthly-rollup.csv", bytes: a.monthlyCSV(flavour: .plain, rollup: true)))
        files.append(OutputFile(name: "leadtimes.csv", bytes: a.leadTimesCSV(flavour: .plain)))
        files.append(OutputFile(name: "leadtime-summary.csv", bytes: a.leadTimeSummaryCSV(flavour: .plain)))
        if let pair {
            files.append(OutputFile(name: "compare.csv", bytes: a.compareCSV(a.compare(pair.a, pair.b), flavour: .plain)))
        }
        return files
    }

    /// The lead-time chart's row label for a measure.
    static func measureLabel(_ m: LeadTimeMeasure, _ lang: Language) -> String {
        let id = lang == .id
        switch m {
        case .prevention: return "prevention_lead"
        case .response: return id ? "Insiden → tanggapan pertama" : "Incident → first response"
        case .report: return id ? "Insiden → laporan pertama" : "Incident → first report"
        case .decision: return id ? "Insiden → putusan pertama" : "Incident → first decision"
        case .sanction: return id ? "Insiden → sanksi pertama" : "Incident → first sanction"
        case .reportingLag: return "reporting_lag"
        }
    }

    /// Jurisdictions that have events of their own or under them, in file order.
    static func jurisdictionsWithEvents(_ d: Dataset) -> [Int] {
        var has = [Bool](repeating: false, count: d.jurisdictions.count)
        var own = [Bool](repeating: false, count: d.jurisdictions.count)
        for e in d.events { own[e.jurisdiction] = true }
        for j in d.jurisdictions.indices where own[j] { for x in d.lineage(of: j) { has[x] = true } }
        return d.jurisdictions.indices.filter { has[$0] }
    }
}
