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
    /// Every chart and export, as files made when they are written (in parallel, the big
    /// exports streamed); nothing is drawn or written here.
    public static func build(_ a: Analysis, options: JobOptions, progress: any ProgressSink = SilentProgress()) -> [OutputFile] {
        let d = a.dataset
        let o = options.chartOptions
        var files: [OutputFile] = []
        progress.step("charts and exports")
        files.append(OutputFile(name: "monthly.png", cost: 3) { () throws(RenderError) in
            try MonthlyBarsChart.render(d, table: a.monthlyTable, options: o)
        })
        for j in jurisdictionsWithEvents(d) {
            files.append(OutputFile(name: "monthly-\(OutputFolder.safeName(d.jurisdictions[j].id)).png", cost: 3) { () throws(RenderError) in
                try MonthlyBarsChart.render(d, jurisdiction: j, table: a.monthlyTable, options: o)
            })
        }
        files.append(OutputFile(name: "timeline.png", cost: 8) { () throws(RenderError) in
            try TimelineChart.render(d, graph: a.graph, options: o)
        })
        let pair = d.defaultComparisonPair().map { (a: $0.a, b: $0.b) }
        if let pair {
            files.append(OutputFile(name: "compare.png", cost: 3) { () throws(RenderError) in
                try ComparisonChart.render(d, first: pair.a, second: pair.b, options: o)
            })
        }
        let lang = options.language
        files.append(OutputFile(name: "leadtimes.png", cost: 5) { () throws(RenderError) in
            // Counted per measure, jurisdiction and day first: no String per lead time.
            let series = LeadTimeSeries.grouping(a.leadTimes, jurisdictionCount: d.jurisdictions.count,
                                                 label: { measureLabel($0, lang) }, jurisdictionID: { d.jurisdictions[$0].id })
            return try LeadTimesChart.render(series, dataset: d, options: o)
        })
        files.append(OutputFile(name: "cases.png", cost: 4) { () throws(RenderError) in
            try CasesChart.render(d, options: o)
        })
        // Exports: the two that grow with the events are streamed, and started first.
        files.append(OutputFile(name: "events.csv", cost: 10 + d.events.count / 2_000) { a.writeEventsCSV(flavour: .plain, into: $0) })
        files.append(OutputFile(name: "monthly.csv", cost: 2) { () throws(RenderError) in a.monthlyCSV(flavour: .plain, rollup: false) })
        files.append(OutputFile(name: "monthly-rollup.csv", cost: 2) { () throws(RenderError) in a.monthlyCSV(flavour: .plain, rollup: true) })
        files.append(OutputFile(name: "leadtimes.csv", cost: 5 + a.leadTimes.count / 2_000) { a.writeLeadTimesCSV(flavour: .plain, into: $0) })
        files.append(OutputFile(name: "leadtime-summary.csv", cost: 2) { () throws(RenderError) in a.leadTimeSummaryCSV(flavour: .plain) })
        if let pair {
            files.append(OutputFile(name: "compare.csv", cost: 2) { () throws(RenderError) in a.compareCSV(a.compare(pair.a, pair.b), flavour: .plain) })
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
        for k in d.events.indices { own[d.events[k].jurisdiction] = true }
        for j in d.jurisdictions.indices where own[j] { for x in d.lineage(of: j) { has[x] = true } }
        return d.jurisdictions.indices.filter { has[$0] }
    }
}
