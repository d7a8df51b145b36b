import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

/// One month's briefing: its charts in context, key figures, event list and the sheet's pages.
public enum BriefingJob {
    /// How many months of context the briefing's charts show, the briefing month included.
    public static let contextMonths = 12
    /// Months a briefing's timeline shows: the month and the three before it.
    public static let timelineMonths = 4

    /// The folder name: `briefing-2024-01`.
    public static func folderName(_ month: Month) -> String { "briefing-\(month.iso)" }

    /// Everything under `briefing-YYYY-MM/`, as files made when they are written.
    /// Without an as-of day, the briefing stands on the month's last day: nothing known
    /// later is counted or drawn.
    public static func build(
        _ analysis: Analysis, month: Month, options: JobOptions, clocks book: ClockBook = .shipped(),
        progress: any ProgressSink = SilentProgress()
    ) -> [OutputFile] {
        let a = standing(analysis, month)
        let d = a.dataset
        let lang = options.language
        let fonts = options.fonts
        let f = BriefingFigures(a, month: month)
        // Reports past a legal limit as of the month's end: a line of their own when there are any.
        let overdue = overdueLines(a, options, book)
        let dir = folderName(month) + "/"
        progress.step(Strings.stepBriefing(month.iso).text(lang))

        // The months before it up to that month.
        let upTo = upToMonth(d, through: month)
        let wide = options.chartOptions
        // The timeline is about the month: the three before it and the month, at the phone
        // size the sheet is read at, headlined by the month's own events.
        // Not before January of year 1, where days begin (a briefing of 0001-02 has two months).
        let window = Month(index: max(month.index - timelineMonths + 1, Month(year: 1, month: 1).index)).firstDay...month.lastDay
        let phone = ChartOptions(language: lang, scale: options.scale, size: .phone, fontPath: fonts.regular, boldFontPath: fonts.bold)

        // The sheet's pages are laid out now (text only), so that each is its own file; the
        // month's chart is laid out into the last page's slot when that page is drawn.
        var files: [OutputFile] = []
        do {
            let pages = try sheetPages(a, f, upTo, options, overdue: overdue)
            for page in pages {
                files.append(
                    OutputFile(name: dir + BriefingSheet.fileName(page: page.number), cost: 4) { () throws(RenderError) in
                        BriefingSheet.laidOut(page, chart: try sheetChart(page, upTo, lang, fonts), fonts: fonts)
                    })
            }
            // The same pages on A4, from the same plans, for printing.
            files.append(
                OutputFile(name: dir + BriefingPDF.fileName, cost: 2 * pages.count) { () throws(RenderError) -> [UInt8] in
                    var charted: [(page: SheetPage, chart: ChartPlan?)] = []
                    for page in pages { charted.append((page, try sheetChart(page, upTo, lang, fonts))) }
                    return try BriefingPDF.document(charted, fonts: fonts)
                })
        } catch {
            // Said when the files are written, like any drawing error.
            files.append(OutputFile(name: dir + BriefingSheet.fileName(page: 1), render: { () throws(RenderError) -> [UInt8] in throw error }))
        }
        // The month's map, when its events span two or more kabupaten/kota.
        files += ReportMaps.files(a, options: options, prefix: dir, month: month)
        // The office's comparison as it stood at the month's end.
        if let p = options.comparisonChoice(d).pair {
            let comparison = a.compare(p.a, p.b)
            files.append(
                OutputFile(name: dir + "compare.png", cost: 3) { () throws(RenderError) in
                    try ComparisonChart(comparison, dataset: d).laidOut(options: wide)
                })
        }
        return files + [
            OutputFile(name: dir + "monthly.png", cost: 3) { () throws(RenderError) in
                try MonthlyBarsChart(MonthlyTable(upTo, rollup: true), dataset: upTo, highlight: month).laidOut(options: wide)
            },
            OutputFile(name: dir + "timeline.png", cost: 6) { () throws(RenderError) in
                try TimelineChart(d, graph: a.graph, window: window, highlight: month).laidOut(options: phone)
            },
            OutputFile(name: dir + "events.csv", cost: 1) { () throws(RenderError) in a.eventsCSV(flavour: .plain, only: f.events) },
            OutputFile(name: dir + "events.md", bytes: Array(markdown(a, f, lang, overdue: overdue).utf8)),
            OutputFile(name: dir + "caption.txt", bytes: Array((caption(a, f, lang).joined(separator: " ") + "\n").utf8)),
            OutputFile(name: dir + "figures.csv", cost: 1) { () throws(RenderError) in a.figuresCSV(f, flavour: .plain) }
        ]
    }

    /// The analysis as it stood at the month's end (or on its own as-of day).
    static func standing(_ analysis: Analysis, _ month: Month) -> Analysis {
        analysis.asOf == nil ? analysis.asOf(month.lastDay) : analysis
    }

    /// Reports past a legal limit on the day the briefing stands on, a line each.
    static func overdueLines(_ a: Analysis, _ options: JobOptions, _ book: ClockBook) -> [String] {
        a.caseClocks(book)?.overdueLines(options.language) ?? []
    }

    /// The sheet's pages as `build` lays them out (text only; the chart goes in when drawn).
    static func sheetPages(
        _ a: Analysis, _ f: BriefingFigures, _ upTo: Dataset, _ options: JobOptions,
        overdue: [String]
    ) throws(RenderError) -> [SheetPage] {
        try BriefingSheet.layout(
            a, figures: f, language: options.language, fonts: options.fonts, overdue: overdue, office: options.office,
            plotHeight: plotHeight(f.month, upTo, options.language, options.fonts))
    }

    /// The sheet of `month` as `build` makes it: the figures, the pages laid out with their
    /// chart (drawn when a page's PNG is asked for), and the cut the chart is drawn from.
    static func sheet(
        _ analysis: Analysis, month: Month, options: JobOptions,
        clocks book: ClockBook = .shipped()
    ) throws(RenderError) -> (figures: BriefingFigures, pages: [LaidOutChart<SheetPage>], upTo: Dataset) {
        let a = standing(analysis, month)
        let f = BriefingFigures(a, month: month)
        let upTo = upToMonth(a.dataset, through: month)
        var laidOut: [LaidOutChart<SheetPage>] = []
        for page in try sheetPages(a, f, upTo, options, overdue: overdueLines(a, options, book)) {
            laidOut.append(BriefingSheet.laidOut(page, chart: try sheetChart(page, upTo, options.language, options.fonts), fonts: options.fonts))
        }
        return (f, laidOut, upTo)
    }

    /// The month's chart as the sheet embeds it, laid out at its slot's size with the sheet's
    /// type (no text under 35 px) and without a footer of its own, or nil for a page without a slot.
    static func sheetChart(_ page: SheetPage, _ upTo: Dataset, _ lang: Language, _ fonts: FontSet) throws(RenderError) -> ChartPlan? {
        guard let slot = page.chartSlot else { return nil }
        return try sheetChartLayout(page.month, upTo, lang, fonts, width: slot.width, height: slot.height).chart
    }

    /// The height of the month chart's plot when the sheet gives it a slot `h` px tall: the
    /// sheet puts the chart on its last page only where the plot reads.
    static func plotHeight(_ month: Month, _ upTo: Dataset, _ lang: Language, _ fonts: FontSet) -> (Double) throws(RenderError) -> Double {
        { (h: Double) throws(RenderError) -> Double in
            try sheetChartLayout(month, upTo, lang, fonts, width: BriefingSheet.chartWidth, height: h).plot.height
        }
    }

    /// The month's chart laid out `width × height` in the sheet's type, without a footer of its
    /// own (the page's footer names the sources).
    static func sheetChartLayout(
        _ month: Month, _ upTo: Dataset, _ lang: Language, _ fonts: FontSet,
        width: Double, height: Double
    ) throws(RenderError) -> MonthlyBarsPlan {
        var options = ChartOptions(
            language: lang, scale: 1, width: Int(width), height: Int(height),
            fontPath: fonts.regular, boldFontPath: fonts.bold, type: .sheet)
        options.embedded = true
        return try MonthlyBarsChart(MonthlyTable(upTo, rollup: true), dataset: upTo, highlight: month).layout(options: options)
    }

    /// The dataset cut to the events anchored in `from … through`, links dropped (the cut
    /// feeds only the monthly chart, which does not follow them).
    static func upToMonth(_ d: Dataset, through: Month) -> Dataset {
        let from = Month(index: through.index - contextMonths + 1)
        let events = d.events.filter(droppingLinks: { k in
            let m = d.events.dates[k].anchor.month
            return m >= from && m <= through
        })
        var cut = Dataset(
            events: events, jurisdictions: Array(d.jurisdictions), elections: Array(d.elections),
            extraEventColumns: d.extraEventColumns, name: d.name)
        cut.standsOn = d.standsOn
        cut.selection = d.selection
        return cut
    }

    /// `events.md`: the key figures and the month's events with dates and sources.
    static func markdown(_ a: Analysis, _ f: BriefingFigures, _ lang: Language, overdue: [String] = []) -> String {
        let d = a.dataset
        var s = "# " + Strings.briefingTitle(DateText.month(f.month, lang)).text(lang) + "\n\n"
        s += "**" + markdownEscaped(BriefingSheet.headline(a, f, lang)) + "**\n\n"
        s += Strings.dataAsOf(f.asOf).text(lang)
        if let note = Strings.selection(d.selection, d) { s += " · " + markdownEscaped(note.text(lang)) }
        s += "\n\n"
        s += "## " + StringKey.keyFigures.text(lang) + "\n\n"
        for t in BriefingSheet.keyFigures(a, f, lang) {
            // Labels hold election names from the data: escaped like every value taken from it.
            s +=
                "- **\(markdownEscaped(t.label.trimmingSpaces))**: \(markdownEscaped(t.value))" + (t.note.isEmpty ? "" : " (\(markdownEscaped(t.note)))") + "\n"
        }
        s += "- " + markdownEscaped(Strings.trendLine(f.trend).text(lang)) + "\n"
        for line in overdue { s += "- **" + markdownEscaped(line) + "**\n" }
        var kinds = EventKind.allCases.filter { (f.thisMonth[$0] ?? 0) + (f.previousMonth[$0] ?? 0) > 0 }
        kinds.sort()
        if !kinds.isEmpty {
            s +=
                "\n| " + StringKey.kindColumn.text(lang) + " | " + DateText.shortMonth(f.month.previous, lang) + " | " + DateText.shortMonth(f.month, lang)
                + " |\n| --- | ---: | ---: |\n"
            for k in kinds { s += "| \(Strings.kind(k).text(lang)) | \(f.previousMonth[k] ?? 0) | \(f.thisMonth[k] ?? 0) |\n" }
        }
        s += "\n## " + StringKey.eventsHeading.text(lang) + "\n\n"
        if f.events.isEmpty {
            s += Strings.noEvents(in: DateText.month(f.month, lang)).text(lang) + "\n"
        }
        // One event: when, what, where, title, status; source, lead and quote.
        // `d` is the analysis' dataset; an event known only later is one of `a.full`, shown without a status.
        func line(_ k: EventIndex, in d: Dataset = d, status: Bool = true) -> String {
            let e = d.events[k]
            var s =
                "- **\(DateText.event(e.date, lang))** · \(Strings.kind(of: d.events, k).text(lang)) · \(markdownEscaped(d.jurisdictions[e.jurisdiction].name)): \(markdownEscaped(e.title(lang)))"
            // An incident's status as of the day; a decision's, the one it set.
            if status, let st = e.kind == .incident ? a.statusAsOf[k] : e.status { s += " (\(Strings.status(st).text(lang).lowercased()))" }
            s += "  \n  " + StringKey.sourcePrefix.text(lang) + markdownEscaped(e.source)
            if !e.sourceURL.isEmpty { s += " " + markdownLink(e.sourceURL) }
            if let sd = e.sourceDate { s += ", \(DateText.long(sd, lang))" }
            if status, let lead = f.leadPhrase(a, k) { s += " · " + markdownEscaped(lead.text(lang)) }
            if !e.quote.isEmpty { s += "  \n  > " + markdownEscaped(e.quote) }
            return s + "\n"
        }
        for k in f.events { s += line(k) }
        // Earlier events first reported this month: listed apart, not counted in it.
        if !f.firstKnown.isEmpty {
            s += "\n## " + Strings.sheetNewlyKnown.text(lang) + "\n\n"
            for k in f.firstKnown { s += line(k) }
        }
        // Events of the month known only after the day: named, never counted.
        if !f.knownLater.isEmpty {
            s += "\n## " + Strings.sheetKnownLater(after: DateText.short(f.asOf, lang)).text(lang) + "\n\n"
            for k in f.knownLater { s += line(k, in: a.full, status: false) }
        }
        return s
    }

    /// An autolink for an `http`/`https` address that holds nothing an autolink would end at or
    /// a reader would run; any other address (`javascript:…`) as escaped text, never a link.
    static func markdownLink(_ url: String) -> String {
        let lower = url.lowercased()
        let web = lower.hasPrefix("https://") || lower.hasPrefix("http://")
        let clean = !url.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "\\" || $0.value == 0x7F }
        return web && clean ? "<\(url)>" : markdownEscaped(url)
    }

    /// Text from the data kept from being read as Markdown or HTML.
    static func markdownEscaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\n", "\r": out.append(" ")
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "`", "[", "]", "|", "#", "\\": out.append("\\"); out.append(c)
            default: out.append(c)
            }
        }
        return out
    }
}
