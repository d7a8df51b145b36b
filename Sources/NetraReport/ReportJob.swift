import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
import NetraWrite

/// Settings shared by the report and the briefing.
public struct JobOptions: Sendable {
    public var language: Language
    /// 1 for charts at their size, 2 for sharp 2× output.
    public var scale: Int
    /// Wide (1600 × 900) for slides, phone (1080 × 1350) for chat groups.
    public var size: ChartSize
    public var fonts: FontSet
    /// What the report's maps shade their regions by (`--map-measure`).
    public var mapMeasure: MapMeasure
    /// Whose report it is (`--office`, else the dataset's settings): it heads the sheet's pages,
    /// every chart's footer and report.html; nil for none (nothing is made up).
    public var office: String?
    /// The two jurisdiction ids to compare (`--pair`); nil for the dataset's own choice.
    public var pair: (a: String, b: String)?

    public init(
        language: Language = .id, scale: Int = 1, size: ChartSize = .wide, fonts: FontSet, mapMeasure: MapMeasure = .events,
        office: String? = nil, pair: (a: String, b: String)? = nil
    ) {
        self.language = language
        self.scale = scale
        self.size = size
        self.fonts = fonts
        self.mapMeasure = mapMeasure
        self.office = office.flatMap { $0.isEmpty ? nil : $0 }
        self.pair = pair
    }

    var chartOptions: ChartOptions {
        var o = ChartOptions(language: language, scale: scale, size: size, fontPath: fonts.regular, boldFontPath: fonts.bold)
        o.office = office
        return o
    }

    /// Which two jurisdictions of `d` the comparison sets side by side, or why none.
    public func comparisonChoice(_ d: Dataset) -> ComparisonChoice {
        let given = pair.flatMap { p in d.jurisdictionIndex[p.a].flatMap { a in d.jurisdictionIndex[p.b].map { (a: a, b: $0) } } }
        return d.comparisonChoice(given: given)
    }
}

/// The full report: every chart and every CSV export, under stable names.
public enum ReportJob {
    /// Every chart and export, as files made when they are written (in parallel, the big
    /// exports streamed); nothing is drawn or written here.
    public static func build(
        _ a: Analysis, options: JobOptions, clocks book: ClockBook = .shipped(),
        progress: any ProgressSink = SilentProgress(), sharingLayouts: Bool = true
    ) -> [OutputFile] {
        let d = a.dataset
        let o = options.chartOptions
        // Charts report.html draws too are laid out once for both (FastPaths/SharedLayouts.swift).
        let shared = sharingLayouts ? SharedLayouts.forPNGs(at: o) : nil
        let made = Prepared(a, options: options, clocks: book, shared: shared)
        var files: [OutputFile] = []
        progress.step(Strings.stepChartsAndExports.text(options.language))
        files.append(
            OutputFile(name: "monthly.png", cost: 3) { () throws(RenderError) in
                try rendered({ ReportCharts.monthly(a) }, shared, "monthly", options: o)
            })
        let charted = jurisdictionsWithEvents(d)
        let names = OutputFolder.distinctNames(charted.map { d.jurisdictions[$0].id }, prefix: "monthly-", ext: ".png")
        // One month range for every jurisdiction's chart and one y maximum for those of one
        // parent, so that Kota and Kabupaten can be set side by side and equal bars mean equal counts.
        // The y maximum is shared among siblings (a province's own would flatten its cities).
        let wide = MonthlyBarsChart.sharedScale(a.monthlyTable, dataset: d, jurisdictions: charted)
        var yMax: [JurisdictionIndex?: Int] = [:]
        for (p, siblings) in Dictionary(grouping: charted, by: { d.jurisdictions[$0].parent }) {
            yMax[p] = MonthlyBarsChart.sharedScale(a.monthlyTable, dataset: d, jurisdictions: siblings).yMax
        }
        for (j, name) in zip(charted, names) {
            let shared = MonthlyScale(months: wide.months, years: wide.years, yMax: yMax[d.jurisdictions[j].parent] ?? wide.yMax)
            files.append(
                OutputFile(name: name, cost: 3) { () throws(RenderError) in
                    try MonthlyBarsChart(a.monthlyTable, dataset: d, jurisdiction: j, shared: shared, outlets: a.outlets).laidOut(options: o)
                })
        }
        files.append(
            OutputFile(name: "timeline.png", cost: 8) { () throws(RenderError) in
                // report.html lays the timeline out only for its counted markers.
                try rendered({ ReportCharts.timeline(a) }, d.events.count > HTMLReport.detailLimit ? shared : nil, "timeline", options: o)
            })
        // One comparison feeds both the chart and the CSV, so they cannot disagree.
        let choice = made.choice
        let comparison = made.comparison
        if let comparison {
            files.append(
                OutputFile(name: "compare.png", cost: 3) { () throws(RenderError) in
                    try rendered({ ComparisonChart(comparison, dataset: d) }, shared, "compare", options: o)
                })
        }
        let lang = options.language
        files.append(
            OutputFile(name: "leadtimes.png", cost: 5) { () throws(RenderError) in
                // Taken even when its layout is already made, so that it is let go after its two users.
                let chart = sharedLayout(shared, "leadtimes-chart", options: o) { ReportCharts.leadTimes(a, lang) }
                return try rendered({ chart }, shared, "leadtimes", options: o)
            })
        // One set of tally series feeds both the chart and tallies.csv, so they cannot disagree.
        let tallies = made.tallies
        // As many images as it takes to draw every series, each its own file.
        switch made.casePages {
        case .success(let pages):
            for page in pages {
                let number = page.page?.number ?? 1
                files.append(
                    OutputFile(name: CasesChart.fileName(page: number), cost: 4) { () throws(RenderError) in
                        try rendered({ page }, shared, "cases-\(number)", options: o)
                    })
            }
        case .failure(let error):
            // Said when the files are written, like any drawing error.
            files.append(OutputFile(name: CasesChart.fileName(page: 1), render: { () throws(RenderError) -> [UInt8] in throw error }))
        }
        // Case clocks as of the day the figures stand on: one computation feeds the chart and
        // both CSVs (cases.png is the tallies' chart; this one is clocks.png).
        if let clocks = made.clocks {
            files.append(
                OutputFile(name: "clocks.png", cost: 3 + clocks.clocks.count / 5_000) { () throws(RenderError) in
                    try ClocksChart(clocks, dataset: d).laidOut(options: o)
                })
            files.append(OutputFile(name: "cases.csv", cost: 1) { () throws(RenderError) in clocks.ledgerCSV(d, flavour: .plain) })
            files.append(
                OutputFile(name: "case-clocks.csv", cost: 2 + clocks.clocks.count / 2_000) { clocks.writeCSV(clocks.clocks, d, flavour: .plain, into: $0) })
        }
        // A map per province of the dataset (and of the provinces when there are several).
        files += ReportMaps.files(a, options: options, shared: shared)
        // The interactive page, its charts laid out from the same values as the PNGs.
        files.append(HTMLReport(a, options: options, comparison: comparison, tallies: tallies, figures: made.figures, shared: shared).file)
        // Exports: the two that grow with the events are streamed. Costs follow each file's
        // time at 1M events (measured), so that the longest start first and both cores end
        // together; report.html starts third, so it lays out the timeline and lead-time charts
        // early and their PNGs mostly find them made.
        files.append(OutputFile(name: "events.csv", cost: 10 + d.events.count / 2_000) { a.writeEventsCSV(flavour: .plain, into: $0) })
        files.append(OutputFile(name: "monthly.csv", cost: 2) { () throws(RenderError) in a.monthlyCSV(flavour: .plain, rollup: false) })
        files.append(OutputFile(name: "monthly-rollup.csv", cost: 2) { () throws(RenderError) in a.monthlyCSV(flavour: .plain, rollup: true) })
        files.append(OutputFile(name: "leadtimes.csv", cost: 5 + a.leadTimes.count / 5_000) { a.writeLeadTimesCSV(flavour: .plain, into: $0) })
        files.append(
            OutputFile(name: "leadtime-summary.csv", cost: 2 + a.leadTimes.count / 20_000) { () throws(RenderError) in a.leadTimeSummaryCSV(flavour: .plain) })
        files.append(OutputFile(name: "trends.csv", cost: 2) { () throws(RenderError) in a.trendsCSV(flavour: .plain) })
        files.append(
            OutputFile(name: "tallies.csv", cost: 2 + d.events.count / 50_000) { a.writeTalliesCSV(flavour: .plain, tallies: tallies, into: $0) })
        if let comparison {
            files.append(OutputFile(name: "compare.csv", cost: 2) { () throws(RenderError) in a.compareCSV(comparison, flavour: .plain) })
        }
        // Every export in one workbook, its sheets named in the report's language; a dataset
        // too big to browse in a spreadsheet gets the CSVs only (README, *The workbook*).
        if d.events.count <= workbookEventLimit {
            files.append(OutputFile(name: "netra.xlsx", cost: 10 + d.events.count / 1_000) { a.workbook(lang: lang, pair: choice.pair) })
        }
        return files
    }

    /// What several of the report's files share, made before any is written: on both cores, the
    /// tally series, the comparison, the cases chart's pages and the key figures beside the case
    /// clocks (each a pass over every event).
    struct Prepared {
        var choice: ComparisonChoice
        var comparison: Comparison?
        var tallies: TallySeries
        /// The cases chart cut into pages (text only), or why it cannot be.
        var casePages: Result<[CasesChart], RenderError>
        var figures: KeyFigures
        var clocks: CaseClocks?

        init(_ a: Analysis, options: JobOptions, clocks book: ClockBook, shared: SharedLayouts?) {
            let o = options.chartOptions
            let choice = options.comparisonChoice(a.dataset)
            let ((tallies, comparison, pages, figures), clocks) = Parallel.both(
                { () -> (TallySeries, Comparison?, Result<[CasesChart], RenderError>, KeyFigures) in
                    let tallies = a.tallies
                    let comparison = choice.pair.map { a.compare($0.a, $0.b, tallies: tallies) }
                    let cases = CasesChart(tallies, dataset: a.dataset)
                    let pages = Result { () throws(RenderError) in
                        try sharedLayout(shared, "cases-pages", options: o) { () throws(RenderError) in try cases.pages(options: o) }
                    }
                    return (tallies, comparison, pages, KeyFigures(a))
                }, { a.caseClocks(book) })
            self.choice = choice
            self.comparison = comparison
            self.tallies = tallies
            casePages = pages
            self.figures = figures
            self.clocks = clocks
        }
    }

    /// The most events the report puts into `netra.xlsx` (a workbook is held in memory whole
    /// while it is made; `netra export xlsx` takes up to Excel's row limit).
    public static let workbookEventLimit = 50_000

    /// The lead-time chart's row label for a measure.
    static func measureLabel(_ m: LeadTimeMeasure, _ lang: Language) -> String { Strings.leadTime(m).text(lang) }

    /// Jurisdictions that have events of their own or under them, in file order.
    static func jurisdictionsWithEvents(_ d: Dataset) -> [JurisdictionIndex] {
        let n = d.eventsWithin()
        return d.jurisdictions.indices.filter { n[$0] > 0 }
    }
}
