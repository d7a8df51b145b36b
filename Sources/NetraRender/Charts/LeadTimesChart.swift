import NetraCore
import NetraAnalytics

/// One lead time to plot: a measure, the jurisdiction it belongs to, its days, and whether both
/// of its dates were exact. Analytics feeds these; the chart only draws them.
public struct LeadTimePoint: Sendable, Hashable {
    /// The measure's key (`prevention_lead`, `response_time`, `reporting_lag`) or a label.
    public var measure: String
    /// A jurisdiction id (shown by its name when the dataset knows it) or a name.
    public var jurisdiction: String
    /// Lead time in days (negative when the second date comes first).
    public var days: Int
    /// False when either date was imprecise.
    public var exact: Bool

    /// A point from its parts.
    public init(measure: String, jurisdiction: String, days: Int, exact: Bool) {
        self.measure = measure; self.jurisdiction = jurisdiction; self.days = days; self.exact = exact
    }
}

/// One row of the lead-time chart: a measure for a jurisdiction.
public struct LeadTimeRow: Sendable, Hashable {
    /// The measure as given.
    public var measure: String
    /// The jurisdiction as given.
    public var jurisdiction: String
    /// The row's band.
    public var rect: ChartRect
    /// Points in the row.
    public var count: Int
    /// Median of the row’s days.
    public var median: Double
    /// Where the median is marked.
    public var medianX: Double
    /// Dot centres, in the order of the row's points sorted by days.
    public var dots: [ChartPoint]
}

/// The laid-out lead-time chart.
public struct LeadTimesPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The dots’ area.
    public var plot: ChartRect
    /// Days to x.
    public var scale: LinearScale
    /// Rows in drawing order.
    public var rows: [LeadTimeRow]
    /// Rows that did not fit.
    public var hiddenRows: Int
    /// Day ticks.
    public var xTicks: [AxisTick]
    /// Legend entries.
    public var legend: [LegendEntry]
}

/// Lead times per measure and jurisdiction as dots, the median marked.
public enum LeadTimesChart {
    /// Rows with more dots than this are drawn as a translucent strip instead of a swarm.
    static let swarmLimit = 200

    /// Lays out and draws the chart; `dataset` names the jurisdictions and the footer's source.
    public static func render(_ points: [LeadTimePoint], dataset: Dataset,
                              options: ChartOptions = ChartOptions()) throws(RenderError) -> RenderedChart<LeadTimesPlan> {
        let ctx = try ChartContext(options: options)
        let plan = try layout(points, dataset: dataset, ctx: ctx)
        return RenderedChart(png: try Painter.png(plan.chart, fonts: ctx.fonts), plan: plan)
    }

    /// The layout only, without drawing.
    public static func layout(_ points: [LeadTimePoint], dataset: Dataset,
                              options: ChartOptions = ChartOptions()) throws(RenderError) -> LeadTimesPlan {
        try layout(points, dataset: dataset, ctx: ChartContext(options: options))
    }

    /// The median of sorted values (the mean of the middle two for an even count).
    static func median(_ sorted: [Int]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let n = sorted.count
        return n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func layout(_ points: [LeadTimePoint], dataset: Dataset, ctx: ChartContext) throws(RenderError) -> LeadTimesPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s

        // Group: measures in order of first appearance, jurisdictions likewise within each.
        var measures: [String] = []
        var groups: [String: [String]] = [:]
        var values: [String: [String: [(Int, Bool)]]] = [:]
        for p in points {
            if groups[p.measure] == nil { measures.append(p.measure); groups[p.measure] = [] }
            if values[p.measure, default: [:]][p.jurisdiction] == nil { groups[p.measure, default: []].append(p.jurisdiction) }
            values[p.measure, default: [:]][p.jurisdiction, default: []].append((p.days, p.exact))
        }
        func displayName(_ j: String) -> String {
            dataset.jurisdictionIndex[j].map { dataset.jurisdictions[$0].name } ?? j
        }

        var legend = measures.enumerated().map { LegendItem(label: ChartText.measure($0.element, lang), color: SeriesPalette.color($0.offset), symbol: .circle) }
        legend.append(LegendItem(label: ChartString.imprecise.text(lang), color: theme.muted, symbol: .ring))
        legend.append(LegendItem(label: ChartString.median.text(lang), color: theme.ink, symbol: .medianBar))
        let frame = try Frame.layout(FrameSpec(
            title: ChartString.leadTitle.text(lang),
            subtitle: "\(ChartText.number(points.count, lang)) \(lang == .id ? "jeda waktu" : "lead times") · "
                + (lang == .id ? "titik kosong: tanggal tidak pasti" : "hollow dots: imprecise dates"),
            footer: ChartText.sourceFooter(dataset, lang), legend: legend), theme: theme, measurer: measurer)
        var marks = frame.marks
        let body = frame.body
        guard !points.isEmpty else {
            marks.append(try ctx.emptyNote(in: body))
            return LeadTimesPlan(chart: ctx.plan(marks), plot: body, scale: LinearScale(domain: (0, 1), range: (body.minX, body.maxX)),
                                 rows: [], hiddenRows: 0, xTicks: [], legend: frame.legend)
        }

        // Axis over all values, zero always included.
        let lo = Double(min(0, points.map(\.days).min() ?? 0)), hi = Double(max(0, points.map(\.days).max() ?? 0))
        let ticks = NiceTicks.niceTicks(lo, max(hi, lo + 1), count: 8, integer: true)
        let domain = (ticks.first ?? lo, ticks.last ?? hi)

        // Columns: names left, "median · n" right.
        var nameW = 0.0
        for m in measures { for j in groups[m] ?? [] { nameW = max(nameW, try measurer.width(displayName(j), theme.legend)) } }
        nameW = min(nameW, theme.width * 0.22)
        var sortedRows: [(String, String, [Int], [(Int, Bool)])] = []
        var rightW = 0.0
        let medianWord = ChartString.median.text(lang), daysWord = ChartString.days.text(lang)
        func rightText(_ med: Double, _ n: Int) -> String {
            "\(medianWord) \(ChartText.number(med, lang)) \(daysWord) · n = \(ChartText.number(n, lang))"
        }
        for m in measures {
            for j in groups[m] ?? [] {
                let pts = (values[m]?[j] ?? []).sorted { ($0.0, $0.1 ? 0 : 1) < ($1.0, $1.1 ? 0 : 1) }
                let days = pts.map(\.0)
                sortedRows.append((m, j, days, pts))
                rightW = max(rightW, try measurer.width(rightText(median(days), days.count), theme.note))
            }
        }
        let axisH = try XAxis.height(title: ChartString.leadAxis.text(lang), theme: theme, measurer: measurer)
        var plot = ChartRect(minX: body.minX + nameW + 20 * s, minY: body.minY, maxX: body.maxX - rightW - 20 * s, maxY: body.maxY - axisH)
        let scale = LinearScale(domain: domain, range: (plot.minX, plot.maxX))

        // Rows and group headers share the height; rows that do not fit are counted.
        let headerH = (try measurer.lineHeight(theme.axisTitle)) + 8 * s
        let minRow = (try measurer.lineHeight(theme.legend)) + 8 * s
        var rowH = min(84 * s, (plot.height - Double(measures.count) * headerH) / Double(max(1, sortedRows.count)))
        // Few rows: the axis moves up under them instead of leaving a gap.
        let needed = Double(measures.count) * headerH + rowH * Double(sortedRows.count)
        if rowH >= minRow && needed < plot.height { plot.height = needed.rounded(.up) }
        var shownRows = sortedRows.count
        if rowH < minRow {
            rowH = minRow
            shownRows = 0
            var used = 0.0, lastMeasure: String?
            for r in sortedRows {
                let need = rowH + (r.0 != lastMeasure ? headerH : 0)
                if used + need > plot.height { break }
                used += need; lastMeasure = r.0; shownRows += 1
            }
        }

        // Grid first, under everything.
        for t in ticks {
            let x = scale(t)
            marks.append(.line([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)],
                               stroke: t == 0 ? theme.axis : theme.grid, thickness: (t == 0 ? 2 : 1) * s, dash: nil))
        }
        let x = try XAxis.marks(positions: ticks.map { scale($0) }, values: ticks,
                                labels: ticks.map { (ChartText.number($0, lang), nil) }, title: ChartString.leadAxis.text(lang),
                                plot: plot, theme: theme, measurer: measurer)
        marks.append(contentsOf: x.marks)

        var rows: [LeadTimeRow] = []
        var y = plot.minY
        var lastMeasure: String?
        let r = 7 * s
        for (k, row) in sortedRows.prefix(shownRows).enumerated() {
            let (m, j, days, pts) = row
            let mi = measures.firstIndex(of: m) ?? 0
            if m != lastMeasure {
                if let t = try measurer.fit(ChartText.measure(m, lang), theme.axisTitle, maxWidth: body.width) {
                    marks.append(.text(try measurer.place(t, theme.axisTitle, x: body.minX, y: y + 4 * s, role: .header)))
                }
                y += headerH; lastMeasure = m
            }
            let rect = ChartRect(x: body.minX, y: y, width: body.width, height: rowH)
            if k % 2 == 0 { marks.insert(.rect(ChartRect(minX: plot.minX, minY: rect.minY, maxX: plot.maxX, maxY: rect.maxY), fill: theme.band), at: frame.marks.count) }
            if let name = try measurer.fit(displayName(j), theme.legend, maxWidth: nameW) {
                marks.append(.text(try measurer.place(name, theme.legend, x: body.minX + 8 * s, y: rect.midY, valign: .middle, role: .label)))
            }
            let color = SeriesPalette.color(mi)
            var dots: [ChartPoint] = []
            if days.count <= swarmLimit {
                // Beeswarm: each dot takes the free slot nearest the row's centre line.
                let step = 2 * r * 0.95
                let maxSlots = max(0, Int((rowH / 2 - r) / step))
                for (dayCount, _) in pts {
                    let cx = scale(Double(dayCount))
                    var chosen = rect.midY
                    search: for slot in 0...(2 * maxSlots) {
                        let off = Double((slot + 1) / 2) * (slot % 2 == 0 ? 1 : -1) * step
                        let cy = rect.midY + off
                        if !dots.contains(where: { abs($0.x - cx) < step && abs($0.y - cy) < step * 0.99 }) { chosen = cy; break search }
                    }
                    dots.append(ChartPoint(x: cx, y: chosen))
                }
                for (p, (_, exact)) in zip(dots, pts) {
                    marks.append(exact
                        ? .circle(center: p, radius: r, fill: color.withAlpha(230), stroke: color.shaded(0.4), thickness: 1.2 * s)
                        : .circle(center: p, radius: r - 1 * s, fill: .white, stroke: color, thickness: 2.5 * s))
                }
            } else {
                // Too many to swarm: a translucent strip, spread over the row by a fixed pattern.
                for (n, (dayCount, exact)) in pts.enumerated() {
                    let jitter = (Double((n &* 2_654_435_761) % 1000) / 1000 - 0.5) * (rowH - 2 * r)
                    let p = ChartPoint(x: scale(Double(dayCount)), y: rect.midY + jitter)
                    dots.append(p)
                    marks.append(.circle(center: p, radius: r * 0.6, fill: exact ? color.withAlpha(60) : nil, stroke: exact ? nil : color.withAlpha(90), thickness: 1 * s))
                }
            }
            let med = median(days)
            let mx = scale(med)
            marks.append(.line([ChartPoint(x: mx, y: rect.minY + 3 * s), ChartPoint(x: mx, y: rect.maxY - 3 * s)], stroke: theme.ink, thickness: 4 * s, dash: nil))
            marks.append(.text(try measurer.place(rightText(med, days.count), theme.note, x: plot.maxX + 14 * s, y: rect.midY, valign: .middle, role: .value)))
            rows.append(LeadTimeRow(measure: m, jurisdiction: j, rect: rect, count: days.count, median: med, medianX: mx, dots: dots))
            y += rowH
        }
        if shownRows < sortedRows.count {
            let more = "+\(ChartText.number(sortedRows.count - shownRows, lang)) \(ChartString.moreEvents.text(lang))"
            marks.append(.text(try measurer.place(more, theme.note, x: plot.maxX + 14 * s, y: plot.maxY - 4 * s, valign: .bottom, role: .note)))
        }
        return LeadTimesPlan(chart: ctx.plan(marks), plot: plot, scale: scale, rows: rows, hiddenRows: sortedRows.count - shownRows,
                             xTicks: x.ticks, legend: frame.legend)
    }
}
