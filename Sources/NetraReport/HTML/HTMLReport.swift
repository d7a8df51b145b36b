import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

/// `report.html`: one self-contained page (styles, script, data and charts inline, no
/// request of any kind) with the key figures, the charts as SVG, an interactive timeline, and
/// a filterable, sortable list of the events with their sources.
///
/// It takes the analysis it is given (already cut to `--as-of`, or to any other filter), and
/// counts nothing itself: figures come from the analysis, charts from the same plans as the PNGs.
public struct HTMLReport: Sendable {
    /// Above this many events the timeline shows counted markers per lane × period, as
    /// `timeline.png` does, instead of a mark per event.
    public static let detailLimit = 1_000
    /// At most this many events are listed (the first by date); events.csv holds them all.
    public static let tableLimit = 1_000

    let analysis: Analysis
    let options: JobOptions
    let comparison: Comparison?
    let tallies: TallySeries
    /// The key figures said at the top and the kinds the filters offer, counted in NetraAnalytics.
    let figures: KeyFigures
    /// Layouts shared with the report's PNGs (nil: every chart laid out here).
    let shared: SharedLayouts?

    /// The page of `analysis` in `options`' language; `comparison`, `tallies` and `figures`
    /// are the values the report's other outputs use (made here when not given).
    public init(
        _ analysis: Analysis, options: JobOptions, comparison: Comparison? = nil, tallies: TallySeries? = nil,
        figures: KeyFigures? = nil
    ) {
        self.init(analysis, options: options, comparison: comparison, tallies: tallies, figures: figures, shared: nil)
    }

    init(
        _ analysis: Analysis, options: JobOptions, comparison: Comparison?, tallies: TallySeries?, figures: KeyFigures? = nil,
        shared: SharedLayouts?
    ) {
        self.shared = shared
        self.analysis = analysis
        self.options = options
        // What is not given is made on both cores: the tally series (gathered on both), then
        // the comparison, which reads them, beside the key figures.
        let t = tallies ?? analysis.tallies
        let (c, f) = Parallel.both(
            { comparison ?? ReportCharts.comparison(analysis, options, tallies: t) }, { figures ?? KeyFigures(analysis) })
        self.tallies = t
        self.comparison = c
        self.figures = f
    }

    /// The page as a file of the report, made when it is written.
    public var file: OutputFile {
        let page = self
        return OutputFile(name: "report.html", cost: 6 + d.events.count / 5_000) { () throws(RenderError) in try page.bytes() }
    }

    var lang: Language { options.language }
    var d: Dataset { analysis.dataset }

    /// The whole page.
    public func bytes() throws(RenderError) -> [UInt8] { Array(try html().utf8) }

    /// The whole page as text.
    public func html() throws(RenderError) -> String {
        let clustered = d.events.count > Self.detailLimit
        // The costly parts are made on both cores, the longest first: the charts' SVGs, and the
        // listed events with the timeline's data. The page puts them in its own order.
        let page = self
        let (wide, phone) = figureOptions
        var jobs: [@Sendable () -> Result<[String], RenderError>] = [{ page.listedAndData(clustered: clustered) }]
        for f in chartFigures() { jobs.append { page.figure(f, wide: wide, phone: phone).map { [$0] } } }
        var made: [[String]] = []
        for r in Parallel.map(jobs) { made.append(try r.get()) }
        let (table, data) = (made[0][0], made[0][1])
        var out = "<!doctype html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing may be fetched: no network, and no file beside this one either.
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        // The dataset by its folder's name, as the charts' footers give it: never the path as typed.
        out += "<title>\(t(Strings.htmlTitle)) · \(Markup.text(ChartText.datasetName(d)))</title>\n<style>\n\(HTMLAssets.css)</style>\n</head>\n<body>\n"
        out += header()
        out += keyFigures()
        out += controls()
        out += timelineSection(clustered: clustered)
        out += comparisonTable()
        out += "<section id=\"charts\"><h2>\(t(Strings.htmlCharts))</h2>" + made.dropFirst().map { $0[0] }.joined() + "</section>\n"
        out += table
        out +=
            "<aside id=\"details\" hidden aria-live=\"polite\"><button type=\"button\" id=\"details-close\" class=\"close\">\(t(Strings.htmlClose))</button><div id=\"details-body\"></div></aside>\n"
        out += "<footer><p>\(Markup.text(Strings.asOfPrefix(analysis.standsOn, lang)))\(t(Strings.htmlMadeWith))</p></footer>\n"
        out += "<script type=\"application/json\" id=\"netra-data\">"
        out += data
        out += "</script>\n<script>\n\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// The event table and the page's data: the events listed, and a big dataset's timeline as
    /// the PNG's (its lanes, cities merged into their province when there is no room, and its
    /// counted markers).
    func listedAndData(clustered: Bool) -> Result<[String], RenderError> {
        let listed = listedEvents()
        let o = options.chartOptions
        do throws(RenderError) {
            let plan =
                clustered
                ? try sharedLayout(shared, "timeline", options: o) { () throws(RenderError) in try ReportCharts.timeline(analysis).layout(options: o) } : nil
            return .success([table(listed), dataJSON(listed, timeline: plan)])
        } catch {
            return .failure(error)
        }
    }

    /// A catalogue phrase, escaped for HTML.
    func t(_ p: Phrase) -> String { Markup.text(p.text(lang)) }

    // MARK: Sections

    func header() -> String {
        var out = "<header>"
        // Whose report it is, above its title; nothing when the dataset names no office.
        if let office = options.office { out += "<p class=\"office\">\(Markup.text(office))</p>" }
        out += "<h1>\(t(Strings.htmlTitle))</h1>"
        if let day = analysis.standsOn { out += "<p class=\"asof\">\(t(Strings.dataAsOf(day)))</p>" }
        // What --from/--to/--jurisdiction/--kind kept, as every chart and the sheet say it.
        if let kept = Strings.selection(d.selection, d) { out += "<p class=\"selection\">\(t(kept))</p>" }
        out += "<p class=\"dataset\">\(Markup.text(ChartText.datasetName(d)))</p></header>\n"
        return out
    }

    func keyFigures() -> String {
        let f = figures
        func fig(_ label: Phrase, _ value: Int, _ note: String = "") -> String {
            "<div class=\"figure\"><dt>\(t(label))</dt><dd>\(NumberFormat.number(value, lang))</dd>\(note)</div>"
        }
        let statusNote = f.statuses.map { "\(t(Strings.status($0.status))) \(NumberFormat.number($0.count, lang))" }.joined(separator: " · ")
        var out = "<section id=\"figures\"><h2>\(t(Strings.htmlKeyFigures))</h2><dl class=\"figures\">"
        out += fig(Strings.htmlEvents, f.events)
        out += fig(Strings.htmlPrevention, f.prevention)
        out += fig(Strings.htmlIncidents, f.incidents, statusNote.isEmpty ? "" : "<p class=\"note\">\(statusNote)</p>")
        out += fig(Strings.htmlJurisdictions, f.jurisdictions)
        out += fig(Strings.htmlOutlets, f.outlets)
        out += "</dl>"
        out += "</section>\n"
        return out
    }

    /// The comparison of the two jurisdictions, the values `compare.csv` is written from.
    func comparisonTable() -> String {
        guard let c = comparison else {
            // Where the comparison would be, why there is none.
            guard let why = options.comparisonChoice(d).note(d) else { return "" }
            return "<section id=\"comparison\"><h2>\(t(StringKey.comparisonTitle.phrase))</h2><p class=\"no-comparison\">\(t(why))</p></section>\n"
        }
        var out = "<section id=\"comparison\"><h2>\(t(StringKey.comparisonTitle.phrase))</h2><table class=\"compare\"><thead><tr><th></th>"
        out += "<th>\(Markup.text(d.jurisdictions[c.a].name))</th><th>\(Markup.text(d.jurisdictions[c.b].name))</th></tr></thead><tbody>"
        for row in c.shownRows(lang) {
            out += "<tr><th scope=\"row\">\(Markup.text(row.label))</th><td>\(Markup.text(row.a))</td><td>\(Markup.text(row.b))</td></tr>"
        }
        out += "</tbody></table></section>\n"
        return out
    }

    func controls() -> String {
        var out = "<section id=\"controls\" aria-label=\"\(t(Strings.htmlFilters))\"><div class=\"controls\">"
        out += "<label>\(t(Strings.htmlKind))<select id=\"f-kind\"><option value=\"\">\(t(Strings.htmlAllKinds))</option>"
        for k in kindsPresent() { out += "<option value=\"\(k.rawValue)\">\(t(Strings.kind(k)))</option>" }
        out += "</select></label>"
        out +=
            "<label>\(t(Strings.htmlJurisdiction))<select id=\"f-jurisdiction\"><option value=\"\">\(Markup.text(StringKey.allJurisdictions.text(lang)))</option>"
        for j in ReportJob.jurisdictionsWithEvents(d) {
            out += "<option value=\"\(Markup.text(d.jurisdictions[j].id))\">\(Markup.text(d.jurisdictions[j].name))</option>"
        }
        out += "</select></label>"
        out += "<label class=\"search\">\(t(Strings.htmlSearch))<input type=\"search\" id=\"f-q\" autocomplete=\"off\"></label>"
        out += "</div><p><span id=\"shown\" aria-live=\"polite\"></span> · <a id=\"permalink\" href=\"#\">\(t(Strings.htmlPermalink))</a></p></section>\n"
        return out
    }

    func timelineSection(clustered: Bool) -> String {
        var out = "<section id=\"timeline\"><h2>\(t(Strings.htmlTimeline))</h2>"
        out += "<div class=\"tools\"><button type=\"button\" id=\"zoom-in\" aria-label=\"\(t(Strings.htmlZoomIn))\">+</button>"
        out += "<button type=\"button\" id=\"zoom-out\" aria-label=\"\(t(Strings.htmlZoomOut))\">−</button>"
        out += "<button type=\"button\" id=\"zoom-reset\">\(t(Strings.htmlZoomReset))</button></div>"
        out += "<div id=\"tl\" class=\"tl\"></div>"
        // The colour key: each kind the data holds, in the marks' colours, and the election rules.
        out += "<ul class=\"key\" aria-label=\"\(t(Strings.htmlTimelineKey))\">"
        for kind in figures.kinds {
            out +=
                "<li><span class=\"swatch\" style=\"background:\(KindPalette.color(kind).cssHex);border:1px solid \(KindPalette.outline(kind).cssHex)\"></span>\(t(Strings.kind(kind)))</li>"
        }
        if !d.elections.isEmpty { out += "<li><span class=\"rule\"></span>\(t(Strings.htmlElectionDay))</li>" }
        out += "</ul><p class=\"note\">\(t(Strings.htmlTimelineHelp))"
        if clustered { out += " " + t(Strings.htmlTimelineClustered(NumberFormat.number(d.events.count, lang))) }
        out += "</p></section>\n"
        return out
    }

    /// The page's charts as inline SVG, in its order, each laid out wide (for a screen) and
    /// portrait (for a phone).
    enum Figure: Sendable { case monthly, compare, leadTimes, cases, maps }

    func chartFigures() -> [Figure] { comparison == nil ? [.monthly, .leadTimes, .cases, .maps] : [.monthly, .compare, .leadTimes, .cases, .maps] }

    /// The options the charts are laid out at: wide (for a screen) and portrait (for a phone).
    var figureOptions: (wide: ChartOptions, phone: ChartOptions) {
        var wide = ChartOptions(language: lang, scale: 1, size: .wide, fontPath: options.fonts.regular, boldFontPath: options.fonts.bold)
        var phone = ChartOptions(language: lang, scale: 1, size: .phone, fontPath: options.fonts.regular, boldFontPath: options.fonts.bold)
        wide.office = options.office; phone.office = options.office
        return (wide, phone)
    }

    /// One chart's figure, or why it could not be laid out.
    func figure(_ f: Figure, wide: ChartOptions, phone: ChartOptions) -> Result<String, RenderError> {
        do throws(RenderError) {
            switch f {
            case .monthly: return .success(try monthlyFigure(wide: wide, phone: phone))
            case .compare: return .success(try compareFigure(wide: wide, phone: phone))
            case .leadTimes: return .success(try leadTimesFigure(wide: wide, phone: phone))
            case .cases: return .success(try casesFigure(wide: wide, phone: phone))
            case .maps: return .success(try mapFigures(wide: wide, phone: phone))
            }
        } catch {
            return .failure(error)
        }
    }

    func monthlyFigure(wide: ChartOptions, phone: ChartOptions) throws(RenderError) -> String {
        let monthly = try both("monthly", ReportCharts.monthly(analysis), wide: wide, phone: phone)
        return figure("monthly", monthly.0, monthly.1)
    }

    func compareFigure(wide: ChartOptions, phone: ChartOptions) throws(RenderError) -> String {
        guard let c = comparison else { return "" }
        let chart = try both("compare", ComparisonChart(c, dataset: d), wide: wide, phone: phone)
        return figure("compare", chart.0, chart.1)
    }

    func leadTimesFigure(wide: ChartOptions, phone: ChartOptions) throws(RenderError) -> String {
        let o = options.chartOptions
        let lead = try both(
            "leadtimes", sharedLayout(shared, "leadtimes-chart", options: o) { ReportCharts.leadTimes(analysis, lang) }, wide: wide, phone: phone)
        return figure("leadtimes", lead.0, lead.1)
    }

    /// A chart drawn on several images shows them all, one under another, at each size.
    func figure(_ name: String, _ w: [ChartPlan], _ p: [ChartPlan], files: [String]) -> String {
        let title = w.first?.texts.first(where: { $0.role == .title })?.text ?? name
        var out = "<figure class=\"chart\" id=\"chart-\(name)\">"
        for plan in w { out += SVGPainter.svg(plan, label: title, className: "wide") }
        for plan in p { out += SVGPainter.svg(plan, label: title, className: "phone") }
        out += "<figcaption>\(files.map(Markup.text).joined(separator: ", "))</figcaption></figure>"
        return out
    }

    func figure(_ name: String, _ w: ChartPlan, _ p: ChartPlan) -> String { figure(name, [w], [p], files: [name + ".png"]) }

    /// Laid out at wide and phone; the one at the PNGs' options is theirs (`shared`).
    func both<C: Chart>(_ key: String, _ chart: C, wide: ChartOptions, phone: ChartOptions) throws(RenderError) -> (ChartPlan, ChartPlan) {
        (
            try sharedLayout(shared, key, options: wide) { () throws(RenderError) in try chart.layout(options: wide) }.chart,
            try sharedLayout(shared, key, options: phone) { () throws(RenderError) in try chart.layout(options: phone) }.chart
        )
    }

    /// Every page of the cases chart, named as the report writes them at its size.
    func casesFigure(wide: ChartOptions, phone: ChartOptions) throws(RenderError) -> String {
        let cases = CasesChart(tallies, dataset: d)
        let widePages = try sharedLayout(shared, "cases-pages", options: wide) { () throws(RenderError) in try cases.pages(options: wide) }
        let phonePages = try sharedLayout(shared, "cases-pages", options: phone) { () throws(RenderError) in try cases.pages(options: phone) }
        let written = options.size == .phone ? phonePages : widePages
        var widePlans: [ChartPlan] = [], phonePlans: [ChartPlan] = []
        for page in widePages {
            let key = "cases-\(page.page?.number ?? 1)"
            widePlans.append(try sharedLayout(shared, key, options: wide) { () throws(RenderError) in try page.layout(options: wide) }.chart)
        }
        for page in phonePages {
            let key = "cases-\(page.page?.number ?? 1)"
            phonePlans.append(try sharedLayout(shared, key, options: phone) { () throws(RenderError) in try page.layout(options: phone) }.chart)
        }
        return figure("cases", widePlans, phonePlans, files: written.indices.map { CasesChart.fileName(page: $0 + 1) })
    }

    func table(_ listed: [EventIndex]) -> String {
        var out = "<section id=\"events\"><h2>\(t(Strings.htmlEventList))</h2>"
        if listed.count < d.events.count {
            out += "<p class=\"note\">\(t(Strings.htmlTableCapped(NumberFormat.number(listed.count, lang), of: NumberFormat.number(d.events.count, lang))))</p>"
        }
        out += "<table id=\"event-table\"><thead><tr>"
        for (key, label) in [
            ("date", Strings.htmlDate), ("title", Strings.htmlTitleColumn), ("kind", Strings.htmlKind),
            ("jurisdiction", Strings.htmlJurisdiction), ("status", Strings.htmlStatus), ("source", Strings.htmlSource)
        ] {
            out += "<th scope=\"col\"><button type=\"button\" data-sort=\"\(key)\">\(t(label))</button></th>"
        }
        out += "</tr></thead><tbody>"
        let events = d.events
        for i in listed {
            let id = Markup.text(events.id(i))
            let kind = events.kinds[i]
            let j = events.jurisdictions[i]
            out +=
                "<tr data-event-id=\"\(id)\" data-kind=\"\(kind.rawValue)\" data-jurisdiction=\"\(Markup.text(d.jurisdictions[j].id))\" data-day=\"\(events.dates[i].anchor.ordinal)\">"
            out += "<td data-label=\"\(t(Strings.htmlDate))\">\(Markup.text(dateText(i)))</td>"
            out +=
                "<td data-label=\"\(t(Strings.htmlTitleColumn))\"><button type=\"button\" class=\"open\" data-open=\"\(id)\">\(Markup.text(events[i].title(lang)))</button></td>"
            out +=
                "<td data-label=\"\(t(Strings.htmlKind))\"><span class=\"swatch\" style=\"background:\(KindPalette.color(kind).cssHex)\"></span>\(t(Strings.kind(of: events, i)))</td>"
            out += "<td data-label=\"\(t(Strings.htmlJurisdiction))\">\(Markup.text(d.jurisdictions[j].name))</td>"
            out += "<td data-label=\"\(t(Strings.htmlStatus))\">\(Markup.text(statusText(i)))</td>"
            out += "<td data-label=\"\(t(Strings.htmlSource))\">\(sourceHTML(i))</td></tr>"
        }
        out += "</tbody></table><p id=\"no-match\" class=\"note\" hidden>\(t(Strings.htmlNoMatch))</p></section>\n"
        return out
    }

    /// The source's name, a link when its address is `http(s)`, else the address as text.
    func sourceHTML(_ i: EventIndex) -> String {
        let name = Markup.text(d.events.source(i))
        let address = d.events.string(.sourceURL, i)
        if let url = Markup.webLink(address) {
            return "<a href=\"\(Markup.text(url))\" rel=\"noopener noreferrer\" target=\"_blank\">\(name.isEmpty ? Markup.text(url) : name)</a>"
        }
        return address.isEmpty ? name : "\(name) <span class=\"url\">\(Markup.text(address))</span>"
    }

    // MARK: Values

    /// The events listed and sent to the page's script: all of them, or the first
    /// `tableLimit` by date.
    func listedEvents() -> [EventIndex] { Self.firstByDate(d.events, limit: Self.tableLimit) }

    /// The first `limit` events by (anchor day, row), every event sorted: the plain path of
    /// `firstByDate` (HTMLReport+Listed.swift), which finds the same without sorting them all.
    static func firstByDateSorting(_ events: EventTable, limit: Int) -> [EventIndex] {
        let all = Array(events.indices)
        let byDate = all.sorted { (events.dates[$0].anchor.ordinal, $0.raw) < (events.dates[$1].anchor.ordinal, $1.raw) }
        return Array(byDate.prefix(max(0, limit)))
    }

    func kindsPresent() -> [EventKind] { figures.kinds }

    /// The date as precisely as it is known, and its end for a span.
    func dateText(_ i: EventIndex) -> String {
        var s = DateText.event(d.events.dates[i], lang)
        if let end = d.events.endDates[i] { s += " – " + DateText.long(end, lang) }
        return s
    }

    /// Whose status it is, said with it: an incident's as of the data's day, the one a decision
    /// or sanction set, the one a tally's cases have; empty for a registration (it sets none).
    func statusText(_ i: EventIndex) -> String {
        let events = d.events
        switch events.kinds[i] {
        case .incident:
            return Strings.htmlStatusAsOf(Strings.status(analysis.statusAsOf[i]).text(lang), day: analysis.standsOn.map { DateText.short($0, lang) }).text(lang)
        case .decision, .sanction:
            return events.statuses[i].map { Strings.htmlStatusSet(Strings.status($0).text(lang)).text(lang) } ?? ""
        case .caseTally:
            return events.statuses[i].map { Strings.htmlStatusCounted(Strings.status($0).text(lang)).text(lang) } ?? ""
        case .regulation, .taskForce, .directive, .sosialisasi, .pledge, .response, .report, .statement:
            return events.statuses[i].map { Strings.status($0).text(lang) } ?? ""
        }
    }

    /// Everything the script needs, as JSON safe inside `<script>`: labels, vocabulary,
    /// lanes, elections, the listed events, and the counted markers of a big dataset.
    func dataJSON(_ listed: [EventIndex], timeline plan: TimelinePlan?) -> String {
        let q = Markup.scriptJSON
        var out = "{\"lang\":\(q(lang.rawValue)),\"total\":\(d.events.count)"
        out += ",\"labels\":{"
        let labels: [(String, Phrase)] = [
            ("date", Strings.htmlDate), ("kind", Strings.htmlKind), ("jurisdiction", Strings.htmlJurisdiction),
            ("status", Strings.htmlStatus), ("source", Strings.htmlSource), ("quote", Strings.htmlQuote), ("notes", Strings.htmlNotes),
            ("linked", Strings.htmlLinked), ("precision", Strings.htmlPrecision), ("eventLink", Strings.htmlEventLink),
            ("clusterOf", Strings.htmlClusterOf), ("shown", Strings.htmlShown("{n}", of: "{total}")),
            ("shownCapped", Strings.htmlShownCapped("{n}", of: "{listed}", total: "{total}"))
        ]
        out += labels.map { "\(q($0.0)):\(q($0.1.text(lang)))" }.joined(separator: ",")
        out += "},\"months\":[" + (1...12).map { q(DateText.shortMonthName($0, lang)) }.joined(separator: ",") + "]"
        out +=
            ",\"kinds\":["
            + EventKind.allCases.map {
                "{\"id\":\(q($0.rawValue)),\"label\":\(q(Strings.kind($0).text(lang))),\"color\":\(q(KindPalette.color($0).cssHex)),\"edge\":\(q(KindPalette.outline($0).cssHex))}"
            }.joined(separator: ",") + "]"
        // Each jurisdiction with its parent (-1 at the top), so a filter on a province keeps
        // its cities' events (counts roll up the same way); the page finds what lies under a
        // jurisdiction itself: listing every ancestor of each made a deep chain's page grow
        // with the square of its depth.
        out +=
            ",\"jurisdictions\":["
            + d.jurisdictions.indices.map { j in
                "{\"id\":\(q(d.jurisdictions[j].id)),\"name\":\(q(d.jurisdictions[j].name)),\"parent\":\(d.jurisdictions[j].parent?.raw ?? -1)}"
            }.joined(separator: ",") + "]"
        out += ",\"lanes\":[" + (plan.map { $0.lanes.map(\.jurisdiction) } ?? lanes()).map { String($0.raw) }.joined(separator: ",") + "]"
        out +=
            ",\"elections\":["
            + d.elections.indices.map { e in
                "{\"name\":\(q(d.elections[e].name)),\"day\":\(d.elections[e].date.ordinal),\"scope\":\(d.elections[e].scope.raw)}"
            }.joined(separator: ",") + "]"
        out += ",\"events\":[" + listed.map(eventJSON).joined(separator: ",\n") + "]"
        out += ",\"clusters\":"
        if let plan {
            out +=
                "["
                + plan.clusters.map { c in
                    "[\(plan.lanes[c.lane].jurisdiction.raw),\(c.first.ordinal),\(c.last.ordinal),\(c.count),\(c.kind.order)]"
                }.joined(separator: ",") + "]"
        } else {
            out += "null"
        }
        out += "}"
        return out
    }

    func eventJSON(_ i: EventIndex) -> String {
        let q = Markup.scriptJSON
        let e = d.events[i]
        let (first, last) = extent(i)
        var out = "{\"id\":\(q(e.id)),\"title\":\(q(e.title(lang))),\"date\":\(q(dateText(i)))"
        // A registration is not a ruling: its own label, not its kind's.
        if d.events.isRegistration(i) { out += ",\"kl\":\(q(Strings.kind(of: d.events, i).text(lang)))" }
        out +=
            ",\"precision\":\(q(Strings.precision(e.date.precision).text(lang))),\"form\":\(q(e.date.precision == .onOrBefore ? "by" : (first == last ? "day" : "span")))"
        out += ",\"a\":\(first),\"b\":\(last),\"k\":\(e.kind.order),\"j\":\(e.jurisdiction.raw)"
        out += ",\"status\":\(q(statusText(i))),\"source\":\(q(e.source))"
        out += ",\"url\":\(q(Markup.webLink(e.sourceURL) ?? "")),\"address\":\(q(e.sourceURL))"
        out += ",\"quote\":\(q(e.quote)),\"notes\":\(q(e.notes))"
        var links: [String] = e.links.map { "[\(q(Strings.relation($0.relation).text(lang))),\(q(d.events.id($0.target)))]" }
        for (node, _) in analysis.graph.effects(of: i) {
            links.append("[\(q(Strings.htmlLinkedFrom.text(lang))),\(q(d.events.id(node)))]")
        }
        out += ",\"links\":[\(links.joined(separator: ","))]}"
        return out
    }

    /// The first and last day an event can cover.
    func extent(_ i: EventIndex) -> (Int, Int) {
        let date = d.events.dates[i]
        var last = date.written.last
        if let end = d.events.endDates[i], end > last { last = end }
        return (date.anchor.ordinal, last.ordinal)
    }

    /// Timeline lanes: jurisdictions with events of their own; nasional, provinsi, then
    /// kabupaten and kota together, each by name (the PNG timeline's order).
    func lanes() -> [JurisdictionIndex] {
        var own = [Bool](repeating: false, count: d.jurisdictions.count)
        for j in d.events.jurisdictions where j.raw < own.count { own[j.raw] = true }
        func rank(_ l: JurisdictionLevel) -> Int {
            switch l {
            case .nasional: return 0
            case .provinsi: return 1
            case .kabupaten, .kota: return 2
            }
        }
        return d.jurisdictions.indices.filter { own[$0.raw] }.sorted {
            (rank(d.jurisdictions[$0].level), d.jurisdictions[$0].name, $0.raw) < (rank(d.jurisdictions[$1].level), d.jurisdictions[$1].name, $1.raw)
        }
    }
}

extension RGBA {
    /// `#rrggbb`, for a style.
    var cssHex: String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for v in [red, green, blue] { s.append(digits[Int(v >> 4)]); s.append(digits[Int(v & 0xF)]) }
        return s
    }
}
