import NetraCore
import NetraText
import NetraAnalytics

/// One line of the cases chart.
public struct CaseSeries: Sendable, Hashable {
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: JurisdictionIndex
    /// The unit the numbers count (`ASN`, `kasus`, `pernyataan`; empty when the rows give none).
    public var unit: String
    /// The tallies' status (`nil` for signatories or tallies without one).
    public var status: CaseStatus?
    /// True for a running sum of pledge signatories, false for a tally series.
    public var signatories: Bool
    /// Index into `CasesPlan.panels`.
    public var panel: Int
    /// Dates and values: the standing snapshot per day for tallies (`nil`: that tally has no
    /// count), running sums for signatories.
    public var values: [(day: Day, value: Int?)]
    /// Marker centres, one per value with a count (after merging values on one pixel column).
    public var points: [ChartPoint]
    /// The line colour (one per jurisdiction).
    public var color: RGBA
    /// The label at the line's end: its first line (`nil` when there was no room).
    public var label: TextMark? { labelLines.first }
    /// The label's lines: one, or up to three when the figure and its unit need them.
    public var labelLines: [TextMark]
    /// The label's words on one line.
    public var labelText: String? { labelLines.isEmpty ? nil : labelLines.map(\.text).joined(separator: " ") }

    public static func == (a: CaseSeries, b: CaseSeries) -> Bool {
        a.jurisdiction == b.jurisdiction && a.unit == b.unit && a.status == b.status && a.signatories == b.signatories
            && a.panel == b.panel && a.values.map(\.day) == b.values.map(\.day) && a.values.map(\.value) == b.values.map(\.value)
            && a.points == b.points && a.color == b.color && a.labelLines == b.labelLines
    }

    public func hash(into h: inout Hasher) {
        h.combine(jurisdiction); h.combine(unit); h.combine(status); h.combine(signatories); h.combine(panel); h.combine(points)
    }
}

/// A panel of the cases chart: one jurisdiction's figures in one unit, so numbers of
/// different things never share an axis.
public struct CasesPanel: Sendable, Hashable {
    /// Whose figures these are.
    public var jurisdiction: JurisdictionIndex
    /// What every line of the panel counts.
    public var unit: String
    /// True for a panel of pledge signatories.
    public var signatories: Bool
    /// The plot area.
    public var rect: ChartRect
    /// Series of this panel left out for want of room (said in the panel's header).
    public var hiddenSeries: Int
    /// The header naming the jurisdiction and the unit (one or two lines).
    public var header: [TextMark]
}

/// What one page of the cases chart draws: the chart's panels cut into pages that each hold
/// what fits, one jurisdiction kept on one page where it can be.
public struct CasesPage: Sendable, Hashable {
    /// 1 for `cases.png`, 2 for `cases-2.png`, …
    public var number: Int
    /// Pages in all.
    public var count: Int
    /// Indices of the chart's panels (`CasesChart.groups()`) on this page, in order.
    var groups: [Int]
    /// Series left off every page (beyond `CasesChart.maxPages`), said on the last page.
    public var seriesLeftOff: Int
    /// The jurisdictions of those series.
    public var jurisdictionsLeftOff: Int
}

/// The laid-out cases and signatories chart (one page of it).
public struct CasesPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The panels, top to bottom: jurisdiction by jurisdiction, tallies then signatories.
    public var panels: [CasesPanel]
    /// Days to x, shared by every panel and every page: the whole period of the series.
    public var scale: TimeScale
    /// Lines drawn, panel by panel.
    public var series: [CaseSeries]
    /// Series of this page not drawn (lines a panel had no room for, and on the last page the
    /// series left off every page), each counted on the chart.
    public var hiddenSeries: Int
    /// Date ticks under the lowest panel.
    public var xTicks: [AxisTick]
    /// Legend entries.
    public var legend: [LegendEntry]
    /// This page's number and the count of pages.
    public var page: Int
    public var pages: Int
}

/// Case tallies as steps over time, one panel per jurisdiction and unit, with cumulative pledge
/// signatories; as many pages as it takes to draw every series (up to `maxPages`).
/// It draws the analysis' series as given: nothing is counted here.
public struct CasesChart: Chart {
    /// The series drawn.
    public var tallies: TallySeries
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset
    /// The page laid out; `nil` for the first of `pages(options:)`.
    public var page: CasesPage?

    /// The chart of `tallies`; `dataset` names the jurisdictions and the footer's source.
    public init(_ tallies: TallySeries, dataset: Dataset, page: CasesPage? = nil) {
        self.tallies = tallies; self.dataset = dataset; self.page = page
    }

    /// The chart of `dataset`'s tallies and pledges, gathered here first.
    public init(_ dataset: Dataset) {
        self.init(TallySeries(dataset), dataset: dataset)
    }

    /// The most pages the chart is drawn on (`cases.png` … `cases-6.png`); series beyond them
    /// are counted on the last page, and `tallies.csv` lists them all.
    public static let maxPages = 6

    /// The file of page `n`: `cases.png`, then `cases-2.png`, …
    public static func fileName(page n: Int) -> String { n <= 1 ? "cases.png" : "cases-\(n).png" }

    /// A line before layout: one series.
    struct Line {
        var status: CaseStatus?
        var values: [(day: Day, value: Int?)]
        /// The figure that stands at the end (`nil`: unknown).
        var last: Int? { values.last?.value ?? nil }
    }

    /// A panel before layout: one jurisdiction, one unit, and its lines (one per status).
    struct Group {
        var jurisdiction: JurisdictionIndex
        var unit: String
        var signatories: Bool
        var lines: [Line]
        var shown: Int
        /// A running sum with pledges that give no count: a lower bound, said so on its label.
        var atLeast = false
        var first: Day? { lines.compactMap { $0.values.first?.day }.min() }
        var last: Day? { lines.compactMap { $0.values.last?.day }.max() }
    }

    /// Every panel, in reading order: jurisdictions by level and name; within one, its tallies
    /// by their first figure's day (then unit in byte order), then its signatories. Lines by status.
    func groups() -> [Group] {
        let jCount = dataset.jurisdictions.count
        var out: [Group] = []
        var byKey: [String: Int] = [:]
        for s in tallies.series where s.key.jurisdiction.raw < jCount {
            let key = "\(s.key.jurisdiction.raw)\u{1F}\(s.key.unit)"
            let line = Line(status: s.key.status, values: s.steps)
            if let g = byKey[key] {
                out[g].lines.append(line); out[g].shown += 1
            } else {
                byKey[key] = out.count
                out.append(Group(jurisdiction: s.key.jurisdiction, unit: s.key.unit, signatories: false, lines: [line], shown: 1))
            }
        }
        for s in tallies.signatories where s.jurisdiction.raw < jCount {
            out.append(
                Group(
                    jurisdiction: s.jurisdiction, unit: s.unit, signatories: true,
                    lines: [Line(status: nil, values: s.values.map { ($0.day, $0.value) })], shown: 1, atLeast: s.uncounted > 0))
        }
        for g in out.indices { out[g].lines.sort { ($0.status?.order ?? 9) < ($1.status?.order ?? 9) } }
        return out.sorted { a, b in
            let ra = Self.rank(dataset, a.jurisdiction), rb = Self.rank(dataset, b.jurisdiction)
            if ra != rb { return ra < rb }
            if a.signatories != b.signatories { return !a.signatories }
            let fa = a.first?.ordinal ?? .max, fb = b.first?.ordinal ?? .max
            if fa != fb { return fa < fb }
            return a.unit.utf8.lexicographicallyPrecedes(b.unit.utf8)
        }
    }

    /// The chart's pages at these options' size: one chart per page, in order.
    public func pages(options: ChartOptions = ChartOptions()) throws(RenderError) -> [CasesChart] {
        try pages(ChartContext(options: options)).map { CasesChart(tallies, dataset: dataset, page: $0) }
    }

    /// The room a header leaves for the y labels on its left, at 1×: the header is measured
    /// before they are.
    static let gutter = 120.0

    /// The sizes every page shares.
    struct Metrics {
        var lh, gap, headerLine, between, minPlot, overhang, axisH: Double
        /// The plot height that holds stacked end labels of these many lines each (which may
        /// hang a little below the panel's foot, never above: the header is there).
        func need(_ labels: [Int]) -> Double {
            max(minPlot, Double(labels.reduce(0, +)) * lh + Double(max(0, labels.count - 1)) * gap - overhang)
        }
    }

    func metrics(_ ctx: ChartContext) throws(RenderError) -> Metrics {
        let s = ctx.s, theme = ctx.theme, measurer = ctx.measurer
        let lh = try measurer.lineHeight(theme.label)
        return Metrics(
            lh: lh, gap: 3 * s, headerLine: try measurer.lineHeight(theme.axisTitle), between: 16 * s, minPlot: 44 * s,
            overhang: min(lh / 2, 12 * s),
            axisH: try XAxis.height(title: StringKey.dateAxis.text(ctx.lang), theme: theme, measurer: measurer))
    }

    /// A panel's header: its jurisdiction and unit, on at most two lines.
    func headerLines(_ g: Group, _ ctx: ChartContext, width: Double) throws(RenderError) -> [String] {
        let lang = ctx.lang
        let name = dataset.jurisdictions[g.jurisdiction].name
        let unitName = g.unit.isEmpty ? Strings.noUnit.text(lang) : Strings.unit(g.unit, lang)
        var header = (g.signatories ? Strings.signatoryPanel(name, unit: unitName) : Strings.tallyPanel(name, unit: unitName)).text(lang)
        if g.lines.count > g.shown { header += " · " + Strings.seriesNotShown(g.lines.count - g.shown).text(lang) }
        return try ctx.measurer.wrap(header, ctx.theme.axisTitle, maxWidth: width, maxLines: 2)
    }

    /// A line's end label: its figure, unit and status (`464 ASN · dugaan`); `—` when the
    /// standing tally has no count.
    func endText(_ g: Group, _ l: Line, _ lang: Language) -> String {
        let value = l.last.map { figure($0, g, lang) } ?? "—"
        let unit = g.unit.isEmpty ? "" : " \(Strings.unit(g.unit, lang))"
        let status = Self.statusWords(l.status, unit: g.unit, lang)
        return value + unit + (g.signatories || status == nil ? "" : " · " + (status ?? ""))
    }

    /// A figure as its label says it: "sedikitnya 24.013" for a sum with uncounted pledges.
    func figure(_ n: Int, _ g: Group, _ lang: Language) -> String {
        let text = NumberFormat.number(n, lang)
        return g.atLeast ? Strings.atLeast(text).text(lang) : text
    }

    static func endStyle(_ theme: Theme, _ color: RGBA) -> TextStyle { TextStyle(size: theme.label.size, bold: true, color: color) }

    /// The right margin the end labels take, the same on every page: the widest label, up to a
    /// third of the canvas.
    func labelWidth(_ all: [Group], _ ctx: ChartContext) throws(RenderError) -> Double {
        var w = 0.0
        let style = Self.endStyle(ctx.theme, ctx.theme.ink)
        for g in all { for l in g.lines { w = max(w, try ctx.measurer.width(endText(g, l, ctx.lang), style)) } }
        return min(w, ctx.theme.width * 0.34)
    }

    /// A label's lines in `width`: one line, else up to three (broken at spaces, nothing cut), else
    /// the figure and status alone on one line (the panel's header names the unit).
    func labelLines(_ g: Group, _ l: Line, width: Double, _ ctx: ChartContext) throws(RenderError) -> [String] {
        let style = Self.endStyle(ctx.theme, ctx.theme.ink), text = endText(g, l, ctx.lang)
        if try ctx.measurer.width(text, style) <= width { return [text] }
        let wrapped = try ctx.measurer.wrap(text, style, maxWidth: width, maxLines: 3)
        func words(_ x: String) -> [Substring] { x.split(separator: " ").filter { $0 != "·" } }
        if words(wrapped.joined(separator: " ")) == words(text) { return wrapped }
        let value = l.last.map { figure($0, g, ctx.lang) } ?? "—"
        let status = g.signatories ? nil : Self.statusWords(l.status, unit: g.unit, ctx.lang)
        return try ctx.measurer.fit(value + (status.map { " · " + $0 } ?? ""), style, maxWidth: width).map { [$0] } ?? []
    }

    /// The lines of each of a panel's labels (its first `shown` lines).
    func labelCounts(_ g: Group, width: Double, _ ctx: ChartContext) throws(RenderError) -> [Int] {
        var out: [Int] = []
        for l in g.lines.prefix(g.shown) { out.append(max(1, try labelLines(g, l, width: width, ctx).count)) }
        return out
    }

    /// Cuts the panels into pages: each page takes panels in order while they fit its body
    /// (a jurisdiction that does not fit the rest of a page but fits a page of its own starts
    /// the next one); at most `maxPages`.
    func pages(_ ctx: ChartContext) throws(RenderError) -> [CasesPage] {
        let all = groups()
        let m = try metrics(ctx)
        // A header is as wide as the body less a gutter for the y labels (measured on the page).
        let headerWidth = ctx.theme.width - 2 * ctx.theme.margin - Self.gutter * ctx.s
        var headerH: [Double] = [], needs: [Double] = []
        let labelW = try labelWidth(all, ctx)
        for g in all {
            headerH.append(Double(max(1, try headerLines(g, ctx, width: headerWidth).count)) * m.headerLine + 6 * ctx.s)
            needs.append(m.need(try labelCounts(g, width: labelW, ctx)))
        }
        // Measured with the longest notes a page can have and the outlets of every panel,
        // counted once for every page tried.
        let outlets = dataset.events.outletCount(drawnEvents(all))
        func fits(_ ids: [Int]) throws(RenderError) -> Bool {
            let page = CasesPage(number: Self.maxPages, count: Self.maxPages, groups: ids, seriesLeftOff: 9_999, jurisdictionsLeftOff: 999)
            let body = try frame(all, page, ctx, footerOutlets: outlets).body
            let need = ids.reduce(0.0) { $0 + headerH[$1] + needs[$1] } + Double(max(0, ids.count - 1)) * m.between
            return need <= body.height - m.axisH
        }
        var pages: [[Int]] = []
        var i = 0
        while i < all.count && pages.count < Self.maxPages {
            var page = [i]
            i += 1
            while i < all.count {
                guard try fits(page + [i]) else { break }
                if all[i].jurisdiction != all[i - 1].jurisdiction {
                    var end = i
                    while end < all.count && all[end].jurisdiction == all[i].jurisdiction { end += 1 }
                    let block = Array(i..<end)
                    if try !fits(page + block), try fits(block) { break }
                }
                page.append(i)
                i += 1
            }
            pages.append(page)
        }
        let left = all[min(i, all.count)...]
        let leftOff = left.reduce(0) { $0 + $1.lines.count }
        let leftJurisdictions = Set(left.map(\.jurisdiction.raw)).count
        if pages.isEmpty { pages = [[]] }
        return pages.enumerated().map { k, ids in
            CasesPage(
                number: k + 1, count: pages.count, groups: ids,
                seriesLeftOff: k == pages.count - 1 ? leftOff : 0, jurisdictionsLeftOff: k == pages.count - 1 ? leftJurisdictions : 0)
        }
    }

    /// Lays out the page's panels, their lines and end labels: the steps of `CasesLayout`.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> CasesPlan {
        let all = groups()
        let page: CasesPage
        if let p = self.page {
            page = p
        } else {
            page = try pages(ctx).first ?? CasesPage(number: 1, count: 1, groups: [], seriesLeftOff: 0, jurisdictionsLeftOff: 0)
        }
        let fitted = try fit(all, page, ctx)
        let groups = fitted.groups, frame = fitted.frame, body = frame.body
        let hidden = groups.reduce(0) { $0 + $1.lines.count - $1.shown } + page.seriesLeftOff
        // One time axis for every page: the whole period of the series.
        let allDays = all.flatMap { [$0.first, $0.last].compactMap { $0 } }
        guard !groups.isEmpty, let first = allDays.min(), let last = allDays.max() else {
            let marks = frame.marks + [try ctx.emptyNote(in: body)]
            return CasesPlan(
                chart: ctx.plan(marks), panels: [], scale: TimeScale(from: Day(ordinal: 0), to: Day(ordinal: 1), range: (body.minX, body.maxX)),
                series: [], hiddenSeries: hidden, xTicks: [], legend: frame.legend, page: page.number, pages: page.count)
        }
        var steps = try CasesLayout(
            self, ctx, all: all, groups: groups, frame: frame, headerH: fitted.headerH, labelW: fitted.labelW,
            first: first, last: last)
        return try steps.run(page: page, hidden: hidden)
    }

    /// The page's panels made to fit: the pages were cut to fit; should a panel still not fit
    /// (a tiny canvas), lines are hidden, the smallest figures first from the fullest panel,
    /// and counted in its header (whose lines, and the frame's notes, are then measured again).
    func fit(_ all: [Group], _ page: CasesPage, _ ctx: ChartContext) throws(RenderError)
        -> (groups: [Group], frame: FrameLayout, headerH: [Double], labelW: Double)
    {
        let s = ctx.s, theme = ctx.theme
        var groups = page.groups.filter { $0 < all.count }.map { all[$0] }
        let m = try metrics(ctx)
        let headerWidth = theme.width - 2 * theme.margin - Self.gutter * s
        for g in groups.indices {
            groups[g].lines = groups[g].lines.enumerated()
                .sorted { ($0.element.last ?? -1, -$0.offset) > ($1.element.last ?? -1, -$1.offset) }
                .map(\.element)
        }
        let labelW = try labelWidth(all, ctx)
        var frame = try self.frame(all, page, ctx, groups: groups)
        var headerH: [Double] = []
        for _ in 0..<3 {
            headerH = []
            for g in groups { headerH.append(Double(max(1, try headerLines(g, ctx, width: headerWidth).count)) * m.headerLine + 6 * s) }
            let room = frame.body.height - m.axisH - Double(max(0, groups.count - 1)) * m.between - headerH.reduce(0, +)
            var needs: [Double] = []
            for g in groups { needs.append(m.need(try labelCounts(g, width: labelW, ctx))) }
            while needs.reduce(0, +) > room {
                guard let fullest = groups.indices.max(by: { (groups[$0].shown, -$0) < (groups[$1].shown, -$1) }),
                    groups[fullest].shown > 1
                else { break }
                groups[fullest].shown -= 1
                needs[fullest] = m.need(try labelCounts(groups[fullest], width: labelW, ctx))
            }
            let again = try self.frame(all, page, ctx, groups: groups)
            let settled = again.body == frame.body
            frame = again
            if settled { break }
        }
        return (groups, frame, headerH, labelW)
    }

    /// The jurisdictions of every panel, in reading order: each one's colour index.
    static func jurisdictionOrder(_ all: [Group], _ d: Dataset) -> [JurisdictionIndex] {
        var out: [JurisdictionIndex] = []
        for g in all where !out.contains(g.jurisdiction) { out.append(g.jurisdiction) }
        return out
    }

    static func rank(_ d: Dataset, _ j: JurisdictionIndex) -> (Int, String, Int) {
        let x = d.jurisdictions[j]
        return (TimelineChart.levelRank(x.level), x.name, j.raw)
    }

    /// Title (what the whole chart shows), subtitle (the page, what is not shown, how to read
    /// it), the legend of what the page draws, footer. `groups` are the page's panels as laid
    /// out (those of `page` by default); `footerOutlets` stands in for the page's outlets.
    func frame(
        _ all: [Group], _ page: CasesPage, _ ctx: ChartContext, groups: [Group]? = nil,
        footerOutlets: Int? = nil
    ) throws(RenderError) -> FrameLayout {
        let lang = ctx.lang, theme = ctx.theme
        let groups = groups ?? page.groups.filter { $0 < all.count }.map { all[$0] }
        var js: [JurisdictionIndex] = []
        var statuses: [CaseStatus?] = []
        var hidden = 0
        for g in groups {
            hidden += g.lines.count - g.shown
            if g.shown > 0 && !js.contains(g.jurisdiction) { js.append(g.jurisdiction) }
            for l in g.lines.prefix(g.shown) where !g.signatories && !statuses.contains(where: { $0 == l.status }) { statuses.append(l.status) }
        }
        let order = Self.jurisdictionOrder(all, dataset)
        // Only the jurisdictions with a colour of their own: those in grey are named by their panels.
        var legend = js.compactMap { j -> LegendItem? in
            let rank = order.firstIndex(of: j) ?? 0
            return rank < SeriesPalette.distinctJurisdictions
                ? LegendItem(label: dataset.jurisdictions[j].name, color: SeriesPalette.jurisdiction(rank), symbol: .line) : nil
        }
        for st in CaseStatus.allCases.map(Optional.some) + [nil] where statuses.contains(where: { $0 == st }) {
            legend.append(LegendItem(label: Strings.status(st).text(lang), color: theme.muted, symbol: Self.symbol(st)))
        }
        // What is not shown comes first, so that a subtitle cut short never loses it.
        var notes: [String] = []
        if page.seriesLeftOff > 0 { notes.append(Strings.seriesLeftOff(page.seriesLeftOff, jurisdictions: page.jurisdictionsLeftOff).text(lang)) }
        if hidden > 0 { notes.append(Strings.seriesNotShown(hidden).text(lang)) }
        if page.count > 1 { notes.append(Strings.chartPage(page.number, of: page.count).text(lang)) }
        if groups.contains(where: { !$0.signatories && $0.shown > 0 }) { notes.append(Strings.tallySubtitle.text(lang)) }
        if groups.contains(where: { $0.signatories && $0.shown > 0 }) { notes.append(Strings.signatorySubtitle.text(lang)) }
        return try Frame.layout(
            FrameSpec(
                title: title(all, lang), subtitle: notes.joined(separator: " · "),
                footer: ChartText.sourceFooter(dataset, lang, outlets: footerOutlets ?? dataset.events.outletCount(drawnEvents(groups))),
                legend: legend,
                filter: ChartText.filterNote(dataset, lang)),
            theme: theme, measurer: ctx.measurer)
    }

    /// A status in words for an end label, `nil` when the unit already says it
    /// (`dugaan pelanggaran · dugaan`, `alleged violations · alleged`).
    static func statusWords(_ status: CaseStatus?, unit: String, _ lang: Language) -> String? {
        let words = Strings.status(status).text(lang).lowercased()
        return Strings.unit(unit, lang).lowercased().containsASCIIWord(words) ? nil : words
    }

    /// The title: what the whole chart shows (how many series of which kind, from how many
    /// jurisdictions, over which period), the same on every page; no figure picked out.
    func title(_ all: [Group], _ lang: Language) -> String {
        let tallied = all.filter { !$0.signatories }.reduce(0) { $0 + $1.lines.count }
        let signed = all.filter(\.signatories).reduce(0) { $0 + $1.lines.count }
        let places = Set(all.map(\.jurisdiction.raw)).count
        let days = all.flatMap { [$0.first, $0.last].compactMap { $0 } }
        guard let first = days.min(), let last = days.max() else { return StringKey.casesTitle.text(lang) }
        let a = DateText.shortMonth(first.month, lang), b = DateText.shortMonth(last.month, lang)
        return Strings.casesOverview(
            tallies: tallied, signatories: signed, jurisdictions: places,
            period: a == b ? a : "\(a) – \(b)"
        ).text(lang)
    }

    /// The events behind the lines drawn: their tallies, and the counted pledges of their
    /// jurisdictions and units (`TallySeries.events`, from the series already gathered).
    func drawnEvents(_ groups: [Group]) -> [EventIndex] {
        var tallyKeys = Set<TallySeries.Key>()
        var signKeys = Set<TallySeries.Key>()
        for g in groups {
            for l in g.lines.prefix(g.shown) {
                if g.signatories {
                    signKeys.insert(TallySeries.Key(jurisdiction: g.jurisdiction, unit: g.unit, status: nil))
                } else {
                    tallyKeys.insert(TallySeries.Key(jurisdiction: g.jurisdiction, unit: g.unit, status: l.status))
                }
            }
        }
        return tallies.events(tallies: tallyKeys, signatories: signKeys)
    }

    /// Marker shape by status: dugaan ●, terbukti ■, dihentikan ▲, disanksi ◆, none ○.
    static func symbol(_ status: CaseStatus?) -> LegendSymbol {
        switch status {
        case .alleged: return .circle
        case .confirmed: return .square
        case .dismissed: return .triangle
        case .sanctioned: return .diamond
        case nil: return .ring
        }
    }

    static func marker(_ status: CaseStatus?, _ p: ChartPoint, _ r: Double, _ c: RGBA, _ s: Double) -> [Mark] {
        let edge = c.shaded(0.45)
        switch status {
        case .alleged:
            return [.circle(center: p, radius: r, fill: c, stroke: .white, thickness: 1.5 * s)]
        case .confirmed:
            let q = r * 0.9
            return [
                .polygon(
                    [
                        ChartPoint(x: p.x - q, y: p.y - q), ChartPoint(x: p.x + q, y: p.y - q), ChartPoint(x: p.x + q, y: p.y + q),
                        ChartPoint(x: p.x - q, y: p.y + q)
                    ],
                    fill: c, stroke: edge, thickness: 1 * s)
            ]
        case .dismissed:
            return [
                .polygon(
                    [ChartPoint(x: p.x, y: p.y - r * 1.1), ChartPoint(x: p.x + r, y: p.y + r * 0.75), ChartPoint(x: p.x - r, y: p.y + r * 0.75)],
                    fill: c, stroke: edge, thickness: 1 * s)
            ]
        case .sanctioned:
            return [
                .polygon(
                    [
                        ChartPoint(x: p.x, y: p.y - r * 1.2), ChartPoint(x: p.x + r * 1.2, y: p.y), ChartPoint(x: p.x, y: p.y + r * 1.2),
                        ChartPoint(x: p.x - r * 1.2, y: p.y)
                    ],
                    fill: c, stroke: edge, thickness: 1 * s)
            ]
        case nil:
            return [.circle(center: p, radius: r - 1 * s, fill: .white, stroke: c, thickness: 2.5 * s)]
        }
    }
}
