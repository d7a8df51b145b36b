import NetraCore
import NetraText
import NetraAnalytics

/// A page of the cases chart after its frame: the panels' heights (by how many lines each
/// holds), their count scales and the shared gutter, one time scale for every page, then
/// each panel's header, grid, axis, step lines and end labels, and the date axis.
struct CasesLayout {
    let chart: CasesChart
    let ctx: ChartContext
    let all: [CasesChart.Group]
    let groups: [CasesChart.Group]
    let frame: FrameLayout
    let headerH: [Double]
    let m: CasesChart.Metrics
    let labelW: Double
    let headerWidth: Double
    let yTicks: [[Double]]
    let yLabels: [[String]]
    let rects: [ChartRect]
    let scale: TimeScale
    let ticks: TimeTicks
    /// One colour per jurisdiction, the same on every page.
    let order: [JurisdictionIndex]
    var marks: [Mark]
    var series: [CaseSeries] = []
    var panels: [CasesPanel] = []

    var s: Double { ctx.s }
    var theme: Theme { ctx.theme }
    var measurer: TextMeasurer { ctx.measurer }
    var body: ChartRect { frame.body }

    init(
        _ chart: CasesChart, _ ctx: ChartContext, all: [CasesChart.Group], groups: [CasesChart.Group], frame: FrameLayout,
        headerH: [Double], labelW: Double, first: Day, last: Day
    ) throws(RenderError) {
        self.chart = chart; self.ctx = ctx; self.all = all; self.groups = groups; self.frame = frame; self.headerH = headerH
        let s = ctx.s, theme = ctx.theme, body = frame.body
        m = try chart.metrics(ctx)
        self.labelW = labelW
        headerWidth = theme.width - 2 * theme.margin - CasesChart.gutter * s
        let pad = max(7, (last.ordinal - first.ordinal) / 25)
        let from = first.adding(days: -pad), to = last.adding(days: pad * 2)
        let heights = try Self.heights(chart, ctx, groups: groups, body: body, headerH: headerH, m: m, labelW: labelW)
        yTicks = try Self.countTicks(groups, heights: heights, ctx)
        yLabels = yTicks.map { $0.map { NumberFormat.number($0, ctx.lang) } }
        // Every panel shares the left gutter, so every axis' labels are measured first. The
        // panel's header names the unit, so the axes need no title of their own.
        var left = 0.0
        for l in yLabels { left = max(left, try YAxis.width(labels: l, title: nil, theme: theme, measurer: ctx.measurer)) }
        let plotX0 = body.minX + left, plotX1 = body.maxX - labelW - 18 * s
        var rects: [ChartRect] = []
        var y = body.minY
        for (h, hh) in zip(heights, headerH) {
            rects.append(ChartRect(minX: plotX0, minY: y + hh, maxX: plotX1, maxY: y + hh + h))
            y += hh + h + m.between
        }
        self.rects = rects
        scale = TimeScale(from: from, to: to, range: (plotX0, plotX1))
        ticks = TimeTicks(from: from, to: to, maxCount: max(2, Int((plotX1 - plotX0) / (90 * s))))
        order = CasesChart.jurisdictionOrder(all, chart.dataset)
        marks = frame.marks
    }

    /// Each panel's plot height: what its end labels need, and the room left over shared by
    /// how many lines they hold (a panel of three figures far apart needs more than one of one).
    static func heights(
        _ chart: CasesChart, _ ctx: ChartContext, groups: [CasesChart.Group], body: ChartRect, headerH: [Double],
        m: CasesChart.Metrics, labelW: Double
    ) throws(RenderError) -> [Double] {
        let n = groups.count
        let avail = body.height - m.axisH - headerH.reduce(0, +) - Double(max(0, n - 1)) * m.between
        var needs: [Double] = []
        for g in groups { needs.append(m.need(try chart.labelCounts(g, width: labelW, ctx))) }
        let lines = groups.reduce(0) { $0 + $1.shown }
        let extra = max(0, avail - needs.reduce(0, +))
        return zip(needs, groups).map { ($0 + extra * Double($1.shown) / Double(max(1, lines))).rounded(.down) }
    }

    /// Each panel's count ticks from 0; a short panel keeps only its ends, so that tick labels never touch.
    static func countTicks(_ groups: [CasesChart.Group], heights: [Double], _ ctx: ChartContext) throws(RenderError) -> [[Double]] {
        let s = ctx.s
        let tickH = try ctx.measurer.lineHeight(ctx.theme.tick)
        return zip(groups, heights).map { g, h in
            let top = g.lines.prefix(g.shown).compactMap { $0.values.compactMap(\.value).max() }.max() ?? 0
            let ticks = NiceTicks.niceTicks(0, Double(max(1, top)), count: max(2, min(5, Int(h / (50 * s)))), integer: true)
            guard ticks.count > 2, h / Double(ticks.count - 1) < tickH + 4 * s, let f = ticks.first, let l = ticks.last else { return ticks }
            return [f, l]
        }
    }

    func color(_ j: JurisdictionIndex) -> RGBA { SeriesPalette.jurisdiction(order.firstIndex(of: j) ?? 0) }

    /// Every panel, then the date axis under the lowest; the plan.
    mutating func run(page: CasesPage, hidden: Int) throws(RenderError) -> CasesPlan {
        for (p, g) in groups.enumerated() { try panel(p, g) }
        let bottom = rects.last ?? body
        let lang = ctx.lang
        let x = try XAxis.marks(
            positions: ticks.days.map { scale($0) }, values: ticks.days.map { Double($0.ordinal) },
            labels: ticks.labels(lang), title: StringKey.dateAxis.text(lang), plot: bottom, theme: theme, measurer: measurer,
            clearOfYLabels: true)
        marks.append(contentsOf: x.marks)
        return CasesPlan(
            chart: ctx.plan(marks), panels: panels, scale: scale, series: series, hiddenSeries: hidden,
            xTicks: x.ticks, legend: frame.legend, page: page.number, pages: page.count)
    }

    /// One panel: header, date grid and count axis, its lines in a fixed order (status)
    /// whatever was kept, then their end labels.
    mutating func panel(_ p: Int, _ g: CasesChart.Group) throws(RenderError) {
        let plot = rects[p]
        let yScale = LinearScale(domain: (0, yTicks[p].last ?? 1), range: (plot.maxY, plot.minY))
        var header: [TextMark] = []
        var hy = plot.minY - headerH[p]
        // The lines the room was measured for (the header may run on over the label column).
        for line in try chart.headerLines(g, ctx, width: min(headerWidth, body.maxX - plot.minX)) {
            let mark = try measurer.place(line, theme.axisTitle, x: plot.minX, y: hy, role: .header)
            marks.append(.text(mark)); header.append(mark); hy = mark.box.maxY
        }
        for d in ticks.days {
            marks.append(.line([ChartPoint(x: scale(d), y: plot.minY), ChartPoint(x: scale(d), y: plot.maxY)], stroke: theme.grid, thickness: 1 * s, dash: nil))
        }
        let axis = try YAxis.marks(
            scale: yScale, ticks: yTicks[p], labels: yLabels[p], title: nil, plot: plot,
            left: body.minX, theme: theme, measurer: measurer)
        marks.append(contentsOf: axis.marks)
        panels.append(
            CasesPanel(
                jurisdiction: g.jurisdiction, unit: g.unit, signatories: g.signatories, rect: plot,
                hiddenSeries: g.lines.count - g.shown, header: header))
        let kept = g.lines.prefix(g.shown).sorted { ($0.status?.order ?? 9) < ($1.status?.order ?? 9) }
        var ends: [End] = []
        for l in kept { ends.append(try drawLine(l, of: g, panel: p, plot: plot, yScale: yScale)) }
        try placeEndLabels(ends, plot: plot)
    }

    /// A line's end, before its label is placed.
    struct End {
        var series: Int, y: Double, lines: [String], color: RGBA
    }

    /// A line as steps: each figure holds until the next; an uncounted tally ends the line there
    /// (its figure is unknown, not the one before it). Values on one pixel column collapse to
    /// the last, so cost follows the width.
    mutating func drawLine(
        _ l: CasesChart.Line, of g: CasesChart.Group, panel p: Int, plot: ChartRect,
        yScale: LinearScale
    ) throws(RenderError) -> End {
        var steps: [(x: Double, day: Day, value: Int?)] = []
        for v in l.values {
            let x = scale.x(ordinal: Double(v.day.ordinal) + 0.5)
            if let lp = steps.last, (lp.x - x).magnitude < 1 { steps[steps.count - 1] = (x, v.day, v.value) } else { steps.append((x, v.day, v.value)) }
        }
        let c = color(g.jurisdiction)
        var pts: [ChartPoint] = []
        var line: [ChartPoint] = g.signatories ? [ChartPoint(x: plot.minX, y: yScale(0))] : []
        for st in steps {
            guard let v = st.value else {
                if let lp = line.last { line.append(ChartPoint(x: st.x, y: lp.y)) }
                if line.count > 1 { marks.append(.line(line, stroke: c, thickness: 3 * s, dash: nil)) }
                line = []
                continue
            }
            let pt = ChartPoint(x: st.x, y: yScale(Double(v)))
            if let lp = line.last { line.append(ChartPoint(x: pt.x, y: lp.y)) }
            line.append(pt)
            pts.append(pt)
        }
        if let lp = line.last { line.append(ChartPoint(x: plot.maxX, y: lp.y)) }
        if line.count > 1 { marks.append(.line(line, stroke: c, thickness: 3 * s, dash: nil)) }
        if pts.count <= 40 { for pt in pts { marks.append(contentsOf: CasesChart.marker(g.signatories ? .alleged : l.status, pt, 7 * s, c, s)) } }
        let end = End(series: series.count, y: pts.last?.y ?? plot.maxY, lines: try chart.labelLines(g, l, width: labelW, ctx), color: c)
        series.append(
            CaseSeries(
                jurisdiction: g.jurisdiction, unit: g.unit, status: l.status, signatories: g.signatories, panel: p,
                values: steps.map { ($0.day, $0.value) }, points: pts, color: c, labelLines: []))
        return end
    }

    /// End labels: stacked in the order of their lines' ends, pushed apart downward and then
    /// back up from the panel's foot (the panel was made tall enough for them all).
    mutating func placeEndLabels(_ ends: [End], plot: ChartRect) throws(RenderError) {
        let lh = m.lh, gap = m.gap
        let minTop = plot.minY, maxBottom = plot.maxY + m.overhang
        let byEnd = ends.sorted { ($0.y, $0.series) < ($1.y, $1.series) }
        let hs = byEnd.map { Double(max(1, $0.lines.count)) * lh }
        var tops = zip(byEnd, hs).map { $0.y - $1 / 2 }
        for i in tops.indices {
            tops[i] = max(tops[i], minTop)
            if i > 0 { tops[i] = max(tops[i], tops[i - 1] + hs[i - 1] + gap) }
        }
        for i in tops.indices.reversed() {
            tops[i] = min(tops[i], maxBottom - hs[i])
            if i < tops.count - 1 { tops[i] = min(tops[i], tops[i + 1] - hs[i] - gap) }
        }
        for (i, e) in byEnd.enumerated() where !e.lines.isEmpty {
            let style = CasesChart.endStyle(theme, e.color.shaded(0.2))
            var placed: [TextMark] = []
            for (k, text) in e.lines.enumerated() {
                placed.append(try measurer.place(text, style, x: plot.maxX + 14 * s, y: tops[i] + Double(k) * lh, role: .label))
            }
            let mid = tops[i] + hs[i] / 2
            if abs(mid - e.y) > 2 * s {
                marks.append(
                    .line([ChartPoint(x: plot.maxX, y: e.y), ChartPoint(x: plot.maxX + 11 * s, y: mid)], stroke: e.color, thickness: 1.5 * s, dash: nil))
            }
            marks.append(contentsOf: placed.map { .text($0) })
            series[e.series].labelLines = placed
        }
    }
}
