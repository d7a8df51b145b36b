import NetraCore
import NetraText
import NetraAnalytics

/// The lead-time chart's data and frame: its rows by panel (from `LeadTimeRows`), the
/// legend of the marks drawn, the title and subtitle.
struct LeadTimesLayout {
    let chart: LeadTimesChart
    let ctx: ChartContext
    /// Panels in a fixed order, each holding its measures in order of appearance: days before
    /// an election and days after an incident never share an axis.
    let panelKinds: [LeadTimePanelKind]
    let panelMeasures: [[LeadTimeRows.Measure]]
    let orderedMeasures: [LeadTimeRows.Measure]
    /// Each measure's panel, by its name.
    let panelOfMeasure: [String: LeadTimePanelKind]
    let allRows: [LeadTimeSeries]
    let total: Int

    init(_ chart: LeadTimesChart, _ ctx: ChartContext) {
        self.chart = chart; self.ctx = ctx
        let measures = chart.rows.measures
        panelKinds = LeadTimePanelKind.allCases.filter { k in measures.contains { LeadTimePanelKind.of($0.kind) == k } }
        panelMeasures = panelKinds.map { k in measures.filter { LeadTimePanelKind.of($0.kind) == k } }
        orderedMeasures = panelMeasures.flatMap { $0 }
        var panelOf: [String: LeadTimePanelKind] = [:]
        for m in measures { panelOf[m.name] = LeadTimePanelKind.of(m.kind) }
        panelOfMeasure = panelOf
        allRows = orderedMeasures.flatMap(\.rows)
        total = allRows.reduce(0) { $0 + $1.count }
    }

    var lang: Language { ctx.lang }

    func panelOf(_ name: String) -> LeadTimePanelKind { panelOfMeasure[name] ?? .other }
    func displayName(_ j: String) -> String {
        chart.dataset.jurisdictionIndex[j].map { chart.dataset.jurisdictions[$0].name } ?? j
    }
    func measureName(_ m: String) -> String { Strings.measureKey(m)?.text(lang) ?? m }
    /// A stage takes its kind's colour (a jurisdiction's never): one meaning per colour.
    func color(_ m: String) -> RGBA { LeadTimesChart.stageColor(chart.rows.measure(m)?.kind) }

    /// A row's figure: its median from `medianMinimum` values on, n always.
    func rightText(_ r: LeadTimeSeries) -> String {
        // A row that knows its values says its median as a reader is told it (`≥` over a lower bound).
        if let t = r.typical {
            return PrecisionText.leadRowFigure(
                median: t.median.map { (t.atLeast ? "≥ " : "") + NumberFormat.median($0, lang) },
                n: NumberFormat.number(t.n, lang)
            ).text(lang)
        }
        return PrecisionText.leadRowFigure(
            median: r.count >= LeadTimeSeries.medianMinimum ? NumberFormat.number(r.median, lang) : nil,
            n: NumberFormat.number(r.count, lang)
        ).text(lang)
    }

    /// Step 1: the frame, with a legend of the marks drawn (the measures are named over their
    /// rows in their colour) and notes on them.
    func frame() throws(RenderError) -> FrameLayout {
        let theme = ctx.theme
        // Rows of dots draw an inexact value as its range when they know it, else as a hollow dot.
        let swarm = allRows.filter { $0.count <= LeadTimesChart.swarmLimit }
        let anyHollow = swarm.contains { !$0.hasRanges && $0.bins.contains { $0.inexact > 0 } }
        let anyRange = swarm.contains(where: \.hasRanges)
        let anyOpen = swarm.contains { $0.hasRanges && $0.ranges.contains { $0.low == nil || $0.high == nil } }
        let anyMedian = allRows.contains { $0.count >= LeadTimeSeries.medianMinimum }
        var legend: [LegendItem] = []
        if anyRange { legend.append(LegendItem(label: PrecisionText.leadRange.text(lang), color: theme.muted, symbol: .range)) }
        if anyOpen { legend.append(LegendItem(label: PrecisionText.leadOpenEnd.text(lang), color: theme.muted, symbol: .openRange)) }
        if anyHollow { legend.append(LegendItem(label: StringKey.imprecise.text(lang), color: theme.muted, symbol: .ring)) }
        if anyMedian { legend.append(LegendItem(label: StringKey.median.text(lang), color: theme.ink, symbol: .medianBar)) }
        // Explain only the marks that are drawn: dots, ranges, bands.
        var notes = "\(NumberFormat.number(total, lang)) \(StringKey.leadTimes.text(lang))"
        if anyHollow { notes += " · " + StringKey.leadDotsNote.text(lang) } else if !swarm.isEmpty { notes += " · " + PrecisionText.leadMarksNote.text(lang) }
        if allRows.contains(where: { $0.count > LeadTimesChart.swarmLimit }) { notes += " · " + StringKey.leadBandsNote.text(lang) }
        let (title, subtitle) = try titles(notes: notes)
        return try Frame.layout(
            FrameSpec(
                title: title, subtitle: subtitle,
                footer: ChartText.sourceFooter(chart.dataset, lang, events: chart.events), legend: legend,
                filter: ChartText.filterNote(chart.dataset, lang)), theme: theme, measurer: ctx.measurer)
    }

    /// The title says both figures when they fit on two lines; else the handling, and the
    /// prevention figure leads the subtitle. The old label leads the subtitle when there is
    /// room; the notes on the marks never give way to it.
    func titles(notes: String) throws(RenderError) -> (title: String, subtitle: String) {
        let theme = ctx.theme
        func subtitleFor(_ lead: String?) throws(RenderError) -> String {
            let withLabel = ([lead, StringKey.leadTitle.text(lang), notes].compactMap { $0 }).joined(separator: " · ")
            return try ctx.overflows(withLabel, theme.subtitle, maxLines: 2) ? ([lead, notes].compactMap { $0 }).joined(separator: " · ") : withLabel
        }
        var subtitle = try subtitleFor(nil)
        let parts = chart.headline.map { LeadTimesChart.headline($0, lang) } ?? LeadTimesChart.headline(allRows, lang)
        var title = StringKey.leadTitle.text(lang)
        switch (parts.prevention, parts.handling) {
        case let (p?, h?):
            title = p + "; " + h.lower
            if try ctx.overflows(title, theme.title, maxLines: 2) { title = h.upper; subtitle = try subtitleFor(p) }
        case let (p?, nil): title = p
        case let (nil, h?): title = h.upper
        case (nil, nil): break
        }
        return (title, subtitle)
    }
}

/// The lead-time chart's panels after its frame: columns shared by every panel, the rows
/// that fit, then each panel's header, rows, scale, grid and axis.
struct LeadTimesPanels {
    let steps: LeadTimesLayout
    let frame: FrameLayout
    /// Names left, "median · n" right (or, stacked, a line of words over a strip of dots).
    let nameW: Double, stacked: Bool, plotX0: Double, plotX1: Double
    let heights: Heights
    /// The rows drawn, in order; every measure keeps some when not all fit.
    let shown: [LeadTimeSeries]
    var marks: [Mark]
    /// Where the panels' grids go: under every row's marks.
    var under: Int
    var y: Double
    var rows: [LeadTimeRow] = []
    var panels: [LeadTimePanel] = []

    /// The fixed heights: each panel a header and an axis, each measure of a panel of several
    /// its own line, rows sharing the rest.
    struct Heights {
        var headerLH, headerH, subH, axisH, panelGap, noteH, rowH: Double
        var headerLines: [[String]]
        var measureStyle: TextStyle
    }

    var ctx: ChartContext { steps.ctx }
    var s: Double { ctx.s }
    var body: ChartRect { frame.body }

    init(_ steps: LeadTimesLayout, frame: FrameLayout) throws(RenderError) {
        self.steps = steps; self.frame = frame
        let ctx = steps.ctx, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s, body = frame.body
        // Columns, shared by every panel so their plots line up: names left, "median · n" right.
        var nameW = 0.0
        for r in steps.allRows { nameW = max(nameW, try measurer.width(steps.displayName(r.jurisdiction), theme.legend)) }
        nameW = min(nameW, theme.width * 0.22)
        var rightW = 0.0
        for r in steps.allRows { rightW = max(rightW, try measurer.width(steps.rightText(r), theme.note)) }
        // On a portrait or narrow canvas each row is a line of words (measure, name, figure)
        // over a strip of dots as wide as the chart, rather than three columns that cut both.
        let stacked = ctx.options.isPortrait || rightW > body.width * 0.24
        self.nameW = nameW; self.stacked = stacked
        plotX0 = stacked ? body.minX + 10 * s : body.minX + nameW + 20 * s
        plotX1 = stacked ? body.maxX - 10 * s : body.maxX - rightW - 20 * s
        var heights = try Self.heights(steps, body: body, stacked: stacked)
        let nameLH = try measurer.lineHeight(theme.legend)
        let strip = 2 * LeadTimesChart.dotRadius(s) + 8 * s
        let minRow = stacked ? nameLH + strip : nameLH + 8 * s
        var shown = steps.allRows
        if heights.rowH < minRow {
            heights.rowH = minRow
            shown = Self.fitting(steps, heights: heights, body: body, stacked: stacked)
        }
        self.heights = heights; self.shown = shown
        marks = frame.marks
        under = frame.marks.count
        y = body.minY
    }

    /// True when measure `m` gets a line of its own over its rows: side by side, in a panel of several.
    static func multi(_ steps: LeadTimesLayout, _ m: String, stacked: Bool) -> Bool {
        !stacked && (steps.panelMeasures.first { $0.contains { $0.name == m } }?.count ?? 1) > 1
    }

    static func heights(_ steps: LeadTimesLayout, body: ChartRect, stacked: Bool) throws(RenderError) -> Heights {
        let ctx = steps.ctx, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let headerLH = try measurer.lineHeight(theme.axisTitle)
        var headerLines: [[String]] = []
        for k in steps.panelKinds { headerLines.append(try measurer.wrap(k.title.text(ctx.lang), theme.axisTitle, maxWidth: body.width, maxLines: 2)) }
        let headerH = headerLH + 8 * s
        let measureStyle = TextStyle(size: theme.legend.size, bold: true, color: theme.ink)
        let subH = (try measurer.lineHeight(measureStyle)) + 4 * s
        let axisH = 8 * s + (try measurer.lineHeight(theme.tick)) + 6 * s
        let panelGap = 12 * s
        let noteH = (try measurer.lineHeight(theme.note)) + 6 * s
        let nameLH = try measurer.lineHeight(theme.legend)
        let count = steps.panelKinds.count
        let fixed =
            Double(count) * (headerH + axisH) + Double(max(0, count - 1)) * panelGap
            + Double(headerLines.reduce(0) { $0 + max(0, $1.count - 1) }) * headerLH
        let subs = Double(steps.orderedMeasures.filter { multi(steps, $0.name, stacked: stacked) }.count) * subH
        let rowH = min((stacked ? nameLH : 0) + 72 * s, (body.height - fixed - subs) / Double(max(1, steps.allRows.count)))
        return Heights(
            headerLH: headerLH, headerH: headerH, subH: subH, axisH: axisH, panelGap: panelGap, noteH: noteH, rowH: rowH,
            headerLines: headerLines, measureStyle: measureStyle)
    }

    /// When the rows do not all fit: every measure keeps some (its largest) in turn while
    /// they fit, and a note under them counts the rest.
    static func fitting(_ steps: LeadTimesLayout, heights h: Heights, body: ChartRect, stacked: Bool) -> [LeadTimeSeries] {
        let count = steps.panelKinds.count
        let fixed =
            Double(count) * (h.headerH + h.axisH) + Double(max(0, count - 1)) * h.panelGap
            + Double(h.headerLines.reduce(0) { $0 + max(0, $1.count - 1) }) * h.headerLH
        var take = [Int](repeating: 0, count: steps.orderedMeasures.count)
        var used = fixed + h.noteH
        var grew = true
        while grew {
            grew = false
            for (mi, m) in steps.orderedMeasures.enumerated() where take[mi] < m.rows.count {
                let need = h.rowH + (take[mi] == 0 && multi(steps, m.name, stacked: stacked) ? h.subH : 0)
                if used + need > body.height { continue }
                used += need; take[mi] += 1; grew = true
            }
        }
        var shown: [LeadTimeSeries] = []
        for (mi, m) in steps.orderedMeasures.enumerated() {
            let rows = m.rows
            let keep = Set(rows.indices.sorted { (rows[$0].count, -$0) > (rows[$1].count, -$1) }.prefix(take[mi]))
            shown += rows.indices.filter { keep.contains($0) }.map { rows[$0] }
        }
        return shown
    }

    /// Every panel in turn, the note on rows left out, then the plan.
    mutating func run() throws(RenderError) -> LeadTimesPlan {
        for (pi, kind) in steps.panelKinds.enumerated() { try panel(pi, kind) }
        let allRows = steps.allRows
        if shown.count < allRows.count {
            let more = "+\(NumberFormat.number(allRows.count - shown.count, ctx.lang)) \(StringKey.rowsHidden.text(ctx.lang))"
            marks.append(.text(try ctx.measurer.place(more, ctx.theme.note, x: body.minX + 8 * s, y: y - heights.panelGap, role: .note)))
        }
        let firstPanel = panels.first
        return LeadTimesPlan(
            chart: ctx.plan(marks), plot: firstPanel?.plot ?? body,
            scale: firstPanel?.scale ?? LinearScale(domain: (0, 1), range: (body.minX, body.maxX)),
            rows: rows, hiddenRows: allRows.count - shown.count, xTicks: firstPanel?.xTicks ?? [],
            legend: frame.legend, panels: panels)
    }

    /// One panel: its header, its rows placed (so its plot's height is known), its own scale
    /// and grid under everything, its measures' names, its axis, then its rows drawn.
    mutating func panel(_ pi: Int, _ kind: LeadTimePanelKind) throws(RenderError) {
        let theme = ctx.theme, measurer = ctx.measurer
        let inPanel = shown.filter { steps.panelOf($0.measure) == kind }
        guard !inPanel.isEmpty else { return }
        for t in heights.headerLines[pi] {
            marks.append(.text(try measurer.place(t, theme.axisTitle, x: body.minX, y: y + 2 * s, role: .header)))
            y += heights.headerLH
        }
        y += heights.headerH - heights.headerLH
        let top = y
        let (placed, heads) = place(inPanel, measures: steps.panelMeasures[pi])
        let plot = ChartRect(minX: plotX0, minY: top, maxX: plotX1, maxY: y)
        let (ticks, scale) = try Self.scale(inPanel, plot: plot, ctx)
        var grid: [Mark] = []
        for (k, p) in placed.enumerated() where k % 2 == 0 {
            grid.append(.rect(ChartRect(minX: plot.minX, minY: p.rect.minY, maxX: plot.maxX, maxY: p.rect.maxY), fill: theme.band))
        }
        grid += GridLines.vertical(ticks, scale: scale, plot: plot, theme: theme)
        marks.insert(contentsOf: grid, at: under)
        under += grid.count
        try drawHeads(heads)
        let x = try XAxis.marks(
            positions: ticks.map { scale($0) }, values: ticks,
            labels: ticks.map { (NumberFormat.number($0, ctx.lang), nil) }, title: nil,
            plot: plot, theme: theme, measurer: measurer)
        marks.append(contentsOf: x.marks)
        for p in placed {
            var row = try drawRow(p.row, rect: p.rect, plot: plot, scale: scale, several: steps.panelMeasures[pi].count > 1)
            row.panel = panels.count
            rows.append(row)
        }
        panels.append(LeadTimePanel(kind: kind, title: kind.title.text(ctx.lang), plot: plot, scale: scale, xTicks: x.ticks))
        y += heights.axisH + heights.panelGap
    }

    /// The panel's rows one under the other, a measure's line over its rows when it has one.
    mutating func place(_ inPanel: [LeadTimeSeries], measures: [LeadTimeRows.Measure])
        -> (placed: [(row: LeadTimeSeries, rect: ChartRect)], heads: [(String, Double)])
    {
        var placed: [(row: LeadTimeSeries, rect: ChartRect)] = []
        var heads: [(String, Double)] = []
        for m in measures {
            let mine = inPanel.filter { $0.measure == m.name }
            guard !mine.isEmpty else { continue }
            if Self.multi(steps, m.name, stacked: stacked) { heads.append((m.name, y)); y += heights.subH }
            for r in mine { placed.append((r, ChartRect(x: body.minX, y: y, width: body.width, height: heights.rowH))); y += heights.rowH }
        }
        return (placed, heads)
    }

    /// The panel's own axis: its values and their ranges' bounds, zero always included.
    static func scale(_ inPanel: [LeadTimeSeries], plot: ChartRect, _ ctx: ChartContext) throws(RenderError) -> ([Double], LinearScale) {
        let bounds = inPanel.filter { $0.count <= LeadTimesChart.swarmLimit }.flatMap { $0.ranges.flatMap { [$0.low, $0.high].compactMap { $0 } } }
        let lo = Double(min(0, (inPanel.compactMap { $0.bins.first?.day } + bounds).min() ?? 0))
        let hi = Double(max(0, (inPanel.compactMap { $0.bins.last?.day } + bounds).max() ?? 0))
        let ticks = try LeadTimesChart.ticks(lo, max(hi, lo + 1), length: plot.width, lang: ctx.lang, theme: ctx.theme, measurer: ctx.measurer)
        return (ticks, LinearScale(domain: (ticks.first ?? lo, ticks.last ?? hi), range: (plot.minX, plot.maxX)))
    }

    /// Each measure's name over its rows, in its colour.
    mutating func drawHeads(_ heads: [(String, Double)]) throws(RenderError) {
        for (m, hy) in heads {
            let style = TextStyle(size: heights.measureStyle.size, bold: true, color: steps.color(m).shaded(0.25))
            if let t = try ctx.measurer.fit(steps.measureName(m), style, maxWidth: body.width - 8 * s) {
                marks.append(.text(try ctx.measurer.place(t, style, x: body.minX + 8 * s, y: hy + 2 * s, role: .label)))
            }
        }
    }

    /// One row drawn (`LeadTimeRowLayout`); stacked, a panel of several measures names each
    /// row's step (`Tanggapan · Kota Bekasi`).
    mutating func drawRow(
        _ row: LeadTimeSeries, rect: ChartRect, plot: ChartRect, scale: LinearScale,
        several: Bool
    ) throws(RenderError) -> LeadTimeRow {
        var name = steps.displayName(row.jurisdiction)
        if stacked && several {
            name = (row.kind?.reachedKind.map { Strings.kind($0).text(ctx.lang) } ?? steps.measureName(row.measure)) + " · " + name
        }
        var layout = try LeadTimeRowLayout(
            row: row, rect: rect, plot: plot, scale: scale, color: steps.color(row.measure), ctx: ctx,
            stacked: stacked)
        let figure = steps.rightText(row)
        try layout.words(name: name, figure: figure, nameW: nameW)
        let drawn = try layout.run(figure: figure)
        marks.append(contentsOf: layout.marks)
        return drawn
    }
}

/// One row of the lead-time chart: its words, then its dots and ranges (a beeswarm, each
/// taking the free slot nearest the centre line) or its band of counts, its median and its
/// figure. `marks` holds the row's own marks, in drawing order.
struct LeadTimeRowLayout {
    let row: LeadTimeSeries
    /// The whole row, and (stacked) the strip of marks under its line of words.
    let fullRect: ChartRect, rect: ChartRect
    let plot: ChartRect
    let scale: LinearScale
    let color: RGBA
    let ctx: ChartContext
    let stacked: Bool
    var marks: [Mark] = []
    var dots: [ChartPoint] = []
    var exactness: [Bool] = []
    var band: [ChartRect] = []
    var ranges: [LeadTimeRangeMark] = []
    var bubbles: [(center: ChartPoint, radius: Double, count: Int)] = []

    var s: Double { ctx.s }
    var r: Double { LeadTimesChart.dotRadius(ctx.s) }

    init(
        row: LeadTimeSeries, rect: ChartRect, plot: ChartRect, scale: LinearScale, color: RGBA, ctx: ChartContext,
        stacked: Bool
    ) throws(RenderError) {
        self.row = row; self.plot = plot; self.scale = scale; self.color = color; self.ctx = ctx; self.stacked = stacked
        let nameLH = try ctx.measurer.lineHeight(ctx.theme.legend)
        fullRect = rect
        self.rect = stacked ? ChartRect(minX: rect.minX, minY: rect.minY + nameLH, maxX: rect.maxX, maxY: rect.maxY) : rect
    }

    /// The row's name (stacked: a line of words with its figure after it).
    mutating func words(name: String, figure: String, nameW: Double) throws(RenderError) {
        let theme = ctx.theme, measurer = ctx.measurer, rect = fullRect
        if stacked {
            let line = try measurer.place(name, theme.legend, x: plot.minX + 6 * s, y: rect.minY + 1 * s, role: .label)
            marks.append(.text(line))
            let room = rect.maxX - line.box.maxX - 8 * s - (try measurer.width(" · ", theme.legend))
            if let fitted = try measurer.fit(figure, theme.note, maxWidth: room) {
                marks.append(
                    .text(
                        try measurer.place(
                            "· " + fitted, theme.note, x: line.box.maxX + (try measurer.width(" ", theme.legend)),
                            y: line.box.midY, valign: .middle, role: .value)))
            }
        } else if let fitted = try measurer.fit(name, theme.legend, maxWidth: nameW) {
            marks.append(.text(try measurer.place(fitted, theme.legend, x: rect.minX + 8 * s, y: rect.midY, valign: .middle, role: .label)))
        }
    }

    /// The marks, the median and the figure; the row as laid out.
    mutating func run(figure: String) throws(RenderError) -> LeadTimeRow {
        let theme = ctx.theme
        if row.count <= LeadTimesChart.swarmLimit {
            placeDots()
            // With ranges known, inexact values are drawn as ranges, not dots.
            if row.hasRanges { placeRanges() }
            drawDots()
            try countBubbles()
        } else {
            // Too many to swarm: a band of counts per column, drawn the same for 201 values or millions.
            let parts = LeadTimesChart.band(row, rect: rect, plot: plot, scale: scale, s: s)
            band = parts.columns
            for c in parts.pale { marks.append(.rect(c, fill: color.withAlpha(80))) }
            for c in parts.solid { marks.append(.rect(c, fill: color.withAlpha(235))) }
        }
        let med = row.typical?.median?.value ?? row.median
        let mx = scale(med)
        // A median of one or two values says nothing a reader should act on: not drawn.
        let medianDrawn = row.count >= LeadTimeSeries.medianMinimum
        if medianDrawn {
            marks.append(
                .line([ChartPoint(x: mx, y: rect.minY + 3 * s), ChartPoint(x: mx, y: rect.maxY - 3 * s)], stroke: theme.ink, thickness: 4 * s, dash: nil))
        }
        if !stacked {
            marks.append(.text(try ctx.measurer.place(figure, theme.note, x: plot.maxX + 14 * s, y: rect.midY, valign: .middle, role: .value)))
        }
        return LeadTimeRow(
            measure: row.measure, jurisdiction: row.jurisdiction, rect: fullRect, count: row.count, median: med,
            medianX: mx, medianDrawn: medianDrawn, ranges: ranges, dots: dots, band: band, panel: 0,
            bubbles: bubbles.map { LeadTimeBubble(center: $0.center, radius: $0.radius, count: $0.count) })
    }

    /// Beeswarm: each dot takes the free slot nearest the row's centre line; a day with more
    /// values than the row has slots is one bubble whose area is its count.
    mutating func placeDots() {
        let drawRanges = row.hasRanges
        let step = 2 * r * 0.95
        let maxSlots = max(0, Int((rect.height / 2 - r) / step))
        for b in row.bins {
            let n = drawRanges ? b.exact : b.count
            let cx = scale(Double(b.day))
            if n > 2 * maxSlots + 1 {
                let radius = min(r * Double(n).squareRoot(), rect.height / 2 - 1 * s)
                bubbles.append((ChartPoint(x: cx, y: rect.midY), radius, n))
                continue
            }
            for k in 0..<n {
                let exact = k < b.exact
                var chosen = rect.midY
                search: for slot in 0...(2 * maxSlots) {
                    let off = Double((slot + 1) / 2) * (slot % 2 == 0 ? 1 : -1) * step
                    let cy = rect.midY + off
                    if !dots.contains(where: { abs($0.x - cx) < step && abs($0.y - cy) < step * 0.99 }) { chosen = cy; break search }
                }
                dots.append(ChartPoint(x: cx, y: chosen))
                exactness.append(exact)
            }
        }
    }

    /// Each range takes the slot nearest the centre line where it meets no dot and no other
    /// range; failing that, one where it only passes under a dot (drawn over it).
    mutating func placeRanges() {
        let pad = 6 * s, rangeStep = 6 * s
        let rangeSlots = max(0, Int((rect.height / 2 - 5 * s) / rangeStep))
        for v in row.ranges {
            let x0 = v.low.map { scale(Double($0)) } ?? plot.minX, x1 = v.high.map { scale(Double($0)) } ?? plot.maxX
            var chosen: Double?, fallback: Double?
            search: for slot in 0...(2 * rangeSlots) {
                let cy = rect.midY + Double((slot + 1) / 2) * (slot % 2 == 0 ? 1 : -1) * rangeStep
                let hitsDot = dots.contains { $0.x + r + pad > x0 && $0.x - r - pad < x1 && abs($0.y - cy) < r + 3 * s }
                let hitsRange = ranges.contains { $0.x1 + pad > x0 && $0.x0 - pad < x1 && abs($0.y - cy) < rangeStep * 0.99 }
                if !hitsRange && fallback == nil { fallback = cy }
                if !hitsDot && !hitsRange { chosen = cy; break search }
            }
            let y = chosen ?? fallback ?? rect.midY
            ranges.append(LeadTimeRangeMark(range: v, x0: x0, x1: x1, y: y))
            marks.append(
                contentsOf: RangeMarks.marks(
                    x0: x0, x1: max(x0, x1), y: y, color: color,
                    openLow: v.low == nil, openHigh: v.high == nil, s: s))
        }
    }

    /// Dots (hollow for an inexact value without its range) and bubbles.
    mutating func drawDots() {
        for (p, exact) in zip(dots, exactness) {
            marks.append(
                exact
                    ? .circle(center: p, radius: r, fill: color.withAlpha(230), stroke: color.shaded(0.4), thickness: 1.2 * s)
                    : .circle(center: p, radius: r - 1 * s, fill: .white, stroke: color, thickness: 2.5 * s))
        }
        for b in bubbles {
            marks.append(.circle(center: b.center, radius: b.radius, fill: color.withAlpha(150), stroke: color.shaded(0.4), thickness: 1.2 * s))
        }
    }

    /// Counts on the bubbles, the largest first; one that would touch another is left out (its
    /// bubble's size still says it). Inside the row's strip: a count taller than it would stand
    /// on the next row's words.
    mutating func countBubbles() throws(RenderError) {
        let theme = ctx.theme
        var counted = LabelPlacer.forValues(
            bounds: ChartRect(
                minX: plot.minX - 2 * theme.note.size, minY: rect.minY + 1 * s,
                maxX: plot.maxX + 2 * theme.note.size, maxY: fullRect.maxY + 1),
            style: theme.note)
        for b in bubbles.sorted(by: { ($0.count, -$0.center.x) > ($1.count, -$1.center.x) }) {
            let label = try ctx.measurer.place(
                NumberFormat.number(b.count, ctx.lang), theme.note, x: b.center.x, y: b.center.y,
                align: .center, valign: .middle, role: .value)
            guard label.box.width < 2 * b.radius, counted.place([label.box]) != nil else { continue }
            marks.append(.text(label))
        }
    }
}
