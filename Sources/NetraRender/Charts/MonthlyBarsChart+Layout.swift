import NetraCore
import NetraText
import NetraAnalytics

/// The monthly chart's layout after its frame, step by step: the count scale and its axis,
/// the columns (year-only group, gap, months), the bars with their totals, the election
/// rules, and the month and year labels. Marks are appended in drawing order.
struct MonthlyBarsLayout {
    let chart: MonthlyBarsChart
    let ctx: ChartContext
    let data: MonthlyKindCounts
    let frame: FrameLayout
    /// Elections in the months drawn (and over this jurisdiction, or under it).
    let shownElections: [ElectionIndex]
    /// The line above the plot for the elections' names (0 for none).
    let electionBand: Double
    let valueHeight: Double
    let xTitle: String?
    let plot: ChartRect
    let yScale: LinearScale
    let yAxis: (marks: [Mark], ticks: [AxisTick])
    let columns: Columns
    var marks: [Mark]
    var placer: LabelPlacer
    var segments: [BarSegment] = []
    var yearSegments: [YearOnlySegment] = []

    /// Where the bars stand: a year-only group (as wide as its caption needs), one column of
    /// gap, then the months.
    struct Columns {
        var band: Double, groupWidth: Double, yearBand: Double, gapSlots: Double, monthsLeft: Double, barWidth: Double
    }

    var s: Double { ctx.s }
    var theme: Theme { ctx.theme }
    var measurer: TextMeasurer { ctx.measurer }
    var lang: Language { ctx.lang }
    var body: ChartRect { frame.body }

    /// Steps 2 and 3: the scale from the largest bar (or the shared one) and the y axis; the
    /// columns; the value labels' placer clear of the axis labels.
    init(_ chart: MonthlyBarsChart, _ ctx: ChartContext, data: MonthlyKindCounts, frame: FrameLayout) throws(RenderError) {
        self.chart = chart; self.ctx = ctx; self.data = data; self.frame = frame
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s, body = frame.body
        // Inside the briefing sheet (no footer of its own) the month names are title enough:
        // the row goes to the plot.
        xTitle = theme.embedded ? nil : StringKey.monthAxis.text(ctx.lang)
        let bottom = try XAxis.height(title: xTitle, theme: theme, measurer: measurer)
        valueHeight = try measurer.lineHeight(theme.value)
        shownElections = Self.elections(chart, data)
        let electionLH = try measurer.lineHeight(theme.label)
        // A chart too short for a line of names keeps the rules and leaves the names out.
        let roomy = body.maxY - bottom - (body.minY + valueHeight + 4 * s) >= 6 * (try measurer.lineHeight(theme.tick)) + electionLH
        electionBand = shownElections.isEmpty || !roomy ? 0 : electionLH + 4 * s
        let plotTop = body.minY + electionBand + valueHeight + 4 * s, plotBottom = body.maxY - bottom
        let maxTotal = Double(max(data.totals.max() ?? 0, data.yearTotals.max() ?? 0, chart.shared?.yMax ?? 0))
        let yTicksValues = try CountTicks.fitting(maxTotal, top: plotTop, bottom: plotBottom, ctx)
        let yMax = yTicksValues.last ?? max(1, maxTotal)
        let yLabels = yTicksValues.map { NumberFormat.number($0, ctx.lang) }
        let yTitle = StringKey.eventsAxis.text(ctx.lang)
        let left = try YAxis.width(labels: yLabels, title: yTitle, theme: theme, measurer: measurer)
        plot = ChartRect(minX: body.minX + left, minY: plotTop, maxX: body.maxX - 8 * s, maxY: plotBottom)
        yScale = LinearScale(domain: (0, yMax), range: (plot.maxY, plot.minY))
        yAxis = try YAxis.marks(
            scale: yScale, ticks: yTicksValues, labels: yLabels, title: yTitle, plot: plot,
            left: body.minX, theme: theme, measurer: measurer)
        marks = frame.marks + yAxis.marks
        columns = try Self.columns(data, plot: plot, ctx)
        // Totals go through the kit's rule for numbers: one without room beside its
        // neighbours is left out (the axis reads it), never written into them.
        placer = LabelPlacer.forValues(
            bounds: ChartRect(
                minX: plot.minX - columns.band, minY: body.minY,
                maxX: plot.maxX + columns.band, maxY: plot.maxY), style: theme.value)
        for t in yAxis.ticks { if let l = t.label { placer.reserve(l.box) } }
    }

    /// Elections whose day falls in the months drawn, over the chart's jurisdiction or under it.
    static func elections(_ chart: MonthlyBarsChart, _ data: MonthlyKindCounts) -> [ElectionIndex] {
        let dataset = chart.dataset
        return dataset.elections.indices.filter { e in
            let el = dataset.elections[e]
            guard let first = data.months.first, let last = data.months.last, (first...last).contains(el.date.month) else { return false }
            guard let j = chart.jurisdiction, el.scope.raw < dataset.jurisdictions.count else { return true }
            return dataset.isWithin(j, el.scope) || dataset.isWithin(el.scope, j)
        }
    }

    /// The columns' widths: months share the plot, the year-only group takes what its caption needs.
    static func columns(_ data: MonthlyKindCounts, plot: ChartRect, _ ctx: ChartContext) throws(RenderError) -> Columns {
        let s = ctx.s
        let n = data.months.count, ny = data.years.count
        let gapSlots = n > 0 && ny > 0 ? 1.0 : 0.0
        var band = plot.width / max(1, Double(n + ny) + gapSlots)
        var groupWidth = band * Double(ny)
        if ny > 0 {
            let need = (try ctx.measurer.width(PrecisionText.monthUnknown.text(ctx.lang), ctx.theme.tick)) + 16 * s
            if groupWidth < need && n > 0 {
                groupWidth = min(need, plot.width / 2)
                band = (plot.width - groupWidth) / (Double(n) + gapSlots)
            } else if n == 0 {
                groupWidth = plot.width
            }
        }
        let yearBand = ny > 0 ? groupWidth / Double(ny) : 0
        let monthsLeft = plot.minX + groupWidth + band * gapSlots
        let barWidth = max(1, (min(band, ny > 0 ? yearBand : band) * 0.72).rounded())
        return Columns(band: band, groupWidth: groupWidth, yearBand: yearBand, gapSlots: gapSlots, monthsLeft: monthsLeft, barWidth: barWidth)
    }

    /// Steps 4 and 5 in drawing order, then the plan.
    mutating func run() throws(RenderError) -> MonthlyBarsPlan {
        let yearPositions = try drawYearBars()
        drawGapRule()
        let highlightRect = drawHighlight()
        let rules = try drawElectionRules()
        try drawMonthBars()
        let ticks = try monthTicks()
        if !data.years.isEmpty { try drawYearAxis(yearPositions, monthTicks: ticks) }
        let x = try XAxis.marks(
            positions: ticks.positions, values: ticks.values, labels: ticks.labels, title: xTitle, plot: plot,
            theme: theme, measurer: measurer, clearOfYLabels: true)
        marks.append(contentsOf: x.marks)
        marks.append(
            .line(
                [ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)],
                stroke: theme.axis, thickness: 1.5 * s, dash: nil))
        return MonthlyBarsPlan(
            chart: ctx.plan(marks), plot: plot, months: data.months, totals: data.totals, segments: segments,
            years: data.years, yearTotals: data.yearTotals, yearSegments: yearSegments,
            yTicks: yAxis.ticks, xTicks: x.ticks, legend: frame.legend, elections: rules, highlight: highlightRect)
    }

    /// One stacked bar: its segments' rectangles (bottom first), its marks appended.
    mutating func bar(_ counts: [Int], x0: Double, pale: Bool) -> [(EventKind, Int, ChartRect)] {
        let barWidth = columns.barWidth
        var out: [(EventKind, Int, ChartRect)] = []
        var acc = 0
        for kind in EventKind.allCases {
            let c = counts[kind.order]
            guard c > 0 else { continue }
            // Round edges once so neighbouring segments share a pixel boundary.
            let yTop = yScale(Double(acc + c)).rounded(), yBottom = yScale(Double(acc)).rounded()
            let rect = ChartRect(minX: x0, minY: yTop, maxX: x0 + barWidth, maxY: yBottom)
            out.append((kind, c, rect))
            let color = KindPalette.color(kind)
            if pale {
                // Pale and hatched in the kind's colour: the kind stays legible, the date does not look exact.
                marks.append(.rect(rect, fill: color.tinted(0.72)))
                marks.append(contentsOf: MonthlyBarsChart.hatch(rect, color: color.withAlpha(150), spacing: 9 * s, thickness: 1.5 * s))
                marks.append(.outline(rect, stroke: color, thickness: 1.5 * s))
            } else {
                marks.append(.rect(rect, fill: color))
                // The palest kinds (pledge, case tally, statement) get their outline, as markers do.
                if KindPalette.isFaint(kind) { marks.append(.outline(rect, stroke: KindPalette.outline(kind), thickness: 1 * s)) }
            }
            acc += c
        }
        // Thin white rules between segments so neighbours of similar lightness stay apart.
        for seg in out.dropFirst() {
            marks.append(.rect(ChartRect(x: x0, y: seg.2.maxY - 1 * s, width: barWidth, height: 1 * s), fill: .white.withAlpha(200)))
        }
        return out
    }

    /// A bar's total over it, when the placer finds it room.
    mutating func totalLabel(_ t: Int, x: Double) throws(RenderError) {
        guard t > 0 else { return }
        let label = try measurer.place(
            NumberFormat.number(t, lang), theme.value, x: x,
            y: yScale(Double(t)) - 4 * s, align: .center, valign: .bottom, role: .value)
        if placer.place([label.box]) != nil { marks.append(.text(label)) }
    }

    /// The pale bars of events known only by their year; their centres.
    mutating func drawYearBars() throws(RenderError) -> [Double] {
        var positions: [Double] = []
        let totals = data.yearTotals
        for (i, year) in data.years.enumerated() {
            let cx = plot.minX + columns.yearBand * (Double(i) + 0.5)
            positions.append(cx)
            let x0 = (cx - columns.barWidth / 2).rounded()
            for (kind, c, rect) in bar(data.yearOnly[i], x0: x0, pale: true) {
                yearSegments.append(YearOnlySegment(year: year, kind: kind, count: c, rect: rect))
            }
            try totalLabel(totals[i], x: x0 + columns.barWidth / 2)
        }
        return positions
    }

    /// A dashed rule in the gap: the pale bars are not on the months' time axis.
    mutating func drawGapRule() {
        guard !data.years.isEmpty && !data.months.isEmpty else { return }
        let gx = (plot.minX + columns.groupWidth + columns.band / 2).rounded()
        marks.append(
            .line(
                [ChartPoint(x: gx, y: plot.minY), ChartPoint(x: gx, y: plot.maxY + 6 * s)],
                stroke: theme.axis.withAlpha(150), thickness: 1 * s, dash: 5 * s))
    }

    /// The highlighted month's column, under the bars.
    mutating func drawHighlight() -> ChartRect? {
        guard let h = chart.highlight, let i = data.months.firstIndex(of: h) else { return nil }
        let band = columns.band
        let r = ChartRect(
            x: columns.monthsLeft + band * Double(i), y: plot.minY - valueHeight - 4 * s, width: band,
            height: plot.maxY - plot.minY + valueHeight + 4 * s)
        marks.append(.rect(r, fill: MonthlyBarsChart.highlightFill))
        return r
    }

    /// Election days as dashed rules where their day falls in the month's column, named above
    /// the plot when there is room and the name clears the one before.
    mutating func drawElectionRules() throws(RenderError) -> [MonthlyElectionRule] {
        var rules: [MonthlyElectionRule] = []
        var lastLabel: ChartRect?
        for e in shownElections {
            let el = chart.dataset.elections[e]
            let m = el.date.month
            guard let i = data.months.firstIndex(of: m) else { continue }
            let days = Double(Day.daysIn(year: m.year, month: m.number))
            let x = (columns.monthsLeft + columns.band * (Double(i) + (Double(el.date.components.day) - 0.5) / days)).rounded()
            let top = body.minY + electionBand
            marks.append(.line([ChartPoint(x: x, y: top), ChartPoint(x: x, y: plot.maxY)], stroke: theme.ink.withAlpha(170), thickness: 1.5 * s, dash: 5 * s))
            let label = try electionLabel(el.name, x: x, clearOf: lastLabel)
            let free = electionBand > 0 && Self.clear(label, of: lastLabel, s)
            if free { marks.append(.text(label)); lastLabel = label.box }
            rules.append(MonthlyElectionRule(election: e, month: m, x: x, label: free ? label : nil))
        }
        return rules
    }

    static func clear(_ l: TextMark, of last: ChartRect?, _ s: Double) -> Bool {
        last.map { !$0.expanded(by: 6 * s).intersects(l.box) } ?? true
    }

    /// An election's name right of its rule (left when it would leave the body); a name that
    /// would run into the one before goes left of its rule.
    func electionLabel(_ name: String, x: Double, clearOf last: ChartRect?) throws(RenderError) -> TextMark {
        let style = TextStyle(size: theme.label.size, bold: true, color: theme.ink)
        var label = try measurer.place(name, style, x: x + 4 * s, y: body.minY, role: .label)
        if label.box.maxX > body.maxX { label = try measurer.place(name, style, x: x - 4 * s, y: body.minY, align: .right, role: .label) }
        label = XAxis.shiftInside(label, lo: body.minX, hi: body.maxX)
        if !Self.clear(label, of: last, s) {
            label = XAxis.shiftInside(
                try measurer.place(name, style, x: x - 4 * s, y: body.minY, align: .right, role: .label),
                lo: body.minX, hi: body.maxX)
        }
        return label
    }

    /// The months' bars and totals.
    mutating func drawMonthBars() throws(RenderError) {
        // Summed once: per month, it made a chart of ten thousand years take hours.
        let totals = data.totals
        for (i, month) in data.months.enumerated() {
            let x0 = (columns.monthsLeft + columns.band * Double(i) + (columns.band - columns.barWidth) / 2).rounded()
            for (kind, c, rect) in bar(data.counts[i], x0: x0, pale: false) {
                segments.append(BarSegment(month: month, kind: kind, count: c, rect: rect))
            }
            try totalLabel(totals[i], x: x0 + columns.barWidth / 2)
        }
    }

    /// Every k-th month labelled, k the smallest of 1, 2, 3, 6, 12, … whose labels fit; aligned
    /// on calendar quarters and years so the labels fall on the same months in every chart.
    func monthTicks() throws(RenderError) -> (positions: [Double], values: [Double], labels: [(primary: String, year: String?)]) {
        var widest = 0.0
        for m in data.months { widest = max(widest, try measurer.width(DateText.shortMonthName(m.number, lang), theme.tick)) }
        var stride = 1
        for k in [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200] {
            stride = k
            if Double(k) * columns.band >= widest + 16 * s { break }
        }
        var positions: [Double] = [], values: [Double] = [], labels: [(primary: String, year: String?)] = []
        var lastYear: Int?
        for (i, m) in data.months.enumerated() where m.index % stride == 0 {
            positions.append(columns.monthsLeft + columns.band * (Double(i) + 0.5))
            values.append(Double(m.index))
            let newYear = lastYear != m.year
            lastYear = m.year
            labels.append(
                (
                    stride >= 12 ? String(m.year) : DateText.shortMonthName(m.number, lang),
                    stride < 12 && newYear ? String(m.year) : nil
                ))
        }
        return (positions, values, labels)
    }

    /// The years under their pale bars, and the caption on the line where the months' years go.
    mutating func drawYearAxis(
        _ yearPositions: [Double],
        monthTicks: (
            positions: [Double], values: [Double],
            labels: [(primary: String, year: String?)]
        )
    ) throws(RenderError) {
        let yx = try XAxis.marks(
            positions: yearPositions, values: data.years.map(Double.init),
            labels: data.years.map { (String($0), nil) }, title: nil, plot: plot, theme: theme, measurer: measurer,
            clearOfYLabels: true)
        marks.append(contentsOf: yx.marks)
        let lh = try measurer.lineHeight(theme.tick)
        let style = TextStyle(size: theme.tick.size, bold: true, color: theme.tick.color)
        let groupWidth = columns.groupWidth
        // Clear of the months' first year label on the same line.
        var room = groupWidth + columns.band * columns.gapSlots * 0.8
        if let p = monthTicks.positions.first, let year = monthTicks.labels.first?.year {
            let yearLeft = p - (try measurer.width(year, style)) / 2
            room = min(room, 2 * (yearLeft - 14 * s - (plot.minX + groupWidth / 2)))
        }
        if let fitted = try measurer.fit(PrecisionText.monthUnknown.text(lang), style, maxWidth: room) {
            marks.append(
                .text(
                    try measurer.place(
                        fitted, style, x: plot.minX + groupWidth / 2, y: plot.maxY + 8 * s + lh,
                        align: .center, role: .tickLabel)))
        }
    }
}
