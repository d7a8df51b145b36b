import NetraCore
import NetraAnalytics

/// One row of the lead-time chart: a measure for a jurisdiction.
public struct LeadTimeRow: Sendable, Hashable {
    /// The measure as given.
    public var measure: String
    /// The jurisdiction as given.
    public var jurisdiction: String
    /// The row's band.
    public var rect: ChartRect
    /// Values in the row.
    public var count: Int
    /// Median of the row’s days.
    public var median: Double
    /// Where the median falls (marked only when `medianDrawn`).
    public var medianX: Double
    /// True when the row has `LeadTimeSeries.medianMinimum` values or more and its median is drawn.
    public var medianDrawn: Bool
    /// The ranges drawn for its inexact values (pixels, left to right; open ends at the plot's edge).
    public var ranges: [LeadTimeRangeMark]
    /// Dot centres in order of days (exact first on a day); empty when the row is a band.
    public var dots: [ChartPoint]
    /// A row with more than `LeadTimesChart.swarmLimit` values: one column per few pixels,
    /// its height by how many values fall in it (empty for a row of dots).
    public var band: [ChartRect]
}

/// An inexact lead time drawn as the span of values its dates allow.
public struct LeadTimeRangeMark: Sendable, Hashable {
    /// The values, as the series gave them.
    public var range: LeadTimeRange
    /// Left and right ends in pixels, and the row's y it sits at.
    public var x0: Double, x1: Double, y: Double
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
public struct LeadTimesChart: Chart {
    /// Rows with more values than this are drawn as a band of counts instead of a swarm; as
    /// many as carry their ranges.
    public static let swarmLimit = LeadTimeSeries.rangeLimit

    /// The rows: lead times counted per measure, jurisdiction and day.
    public var series: [LeadTimeSeries]
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset

    /// The chart of `series`; `dataset` names the jurisdictions and the footer's source.
    public init(_ series: [LeadTimeSeries], dataset: Dataset) {
        self.series = series; self.dataset = dataset
    }

    /// Lays out the rows, their dots or bands and medians.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> LeadTimesPlan {
        let input = series
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s

        // Measures in order of first appearance; a measure and jurisdiction given twice is one row.
        var measures: [String] = []
        var rowsByMeasure: [String: [LeadTimeSeries]] = [:]
        for x in input where x.count > 0 {
            if rowsByMeasure[x.measure] == nil { measures.append(x.measure) }
            if let k = rowsByMeasure[x.measure, default: []].firstIndex(where: { $0.jurisdiction == x.jurisdiction }) {
                let old = rowsByMeasure[x.measure, default: []][k]
                rowsByMeasure[x.measure, default: []][k] = LeadTimeSeries(measure: old.measure, jurisdiction: old.jurisdiction,
                                                                          bins: old.bins + x.bins, ranges: old.ranges + x.ranges)
            } else {
                rowsByMeasure[x.measure, default: []].append(x)
            }
        }
        let allRows = measures.flatMap { rowsByMeasure[$0] ?? [] }
        let total = allRows.reduce(0) { $0 + $1.count }
        let anyBand = allRows.contains { $0.count > Self.swarmLimit }
        func displayName(_ j: String) -> String {
            dataset.jurisdictionIndex[j].map { dataset.jurisdictions[$0].name } ?? j
        }

        // Rows of dots draw an inexact value as its range when they know it, else as a hollow dot.
        let swarm = allRows.filter { $0.count <= Self.swarmLimit }
        let anyHollow = swarm.contains { !$0.hasRanges && $0.bins.contains { $0.inexact > 0 } }
        let anyRange = swarm.contains(where: \.hasRanges)
        let anyOpen = swarm.contains { $0.hasRanges && $0.ranges.contains { $0.low == nil || $0.high == nil } }
        let anyMedian = allRows.contains { $0.count >= LeadTimeSeries.medianMinimum }
        var legend = measures.enumerated().map { LegendItem(label: (Strings.measureKey($0.element)?.text(lang) ?? $0.element), color: SeriesPalette.color($0.offset), symbol: .circle) }
        if anyRange { legend.append(LegendItem(label: PrecisionText.leadRange.text(lang), color: theme.muted, symbol: .range)) }
        if anyOpen { legend.append(LegendItem(label: PrecisionText.leadOpenEnd.text(lang), color: theme.muted, symbol: .openRange)) }
        if anyHollow { legend.append(LegendItem(label: StringKey.imprecise.text(lang), color: theme.muted, symbol: .ring)) }
        if anyMedian { legend.append(LegendItem(label: StringKey.median.text(lang), color: theme.ink, symbol: .medianBar)) }
        // Explain only the marks that are drawn: dots, ranges, bands.
        var subtitle = "\(NumberFormat.number(total, lang)) \(StringKey.leadTimes.text(lang))"
        if anyHollow { subtitle += " · " + StringKey.leadDotsNote.text(lang) }
        else if !swarm.isEmpty { subtitle += " · " + PrecisionText.leadMarksNote.text(lang) }
        if anyBand { subtitle += " · " + StringKey.leadBandsNote.text(lang) }
        let frame = try Frame.layout(FrameSpec(
            title: StringKey.leadTitle.text(lang), subtitle: subtitle,
            footer: ChartText.sourceFooter(dataset, lang), legend: legend), theme: theme, measurer: measurer)
        var marks = frame.marks
        let body = frame.body
        guard total > 0 else {
            marks.append(try ctx.emptyNote(in: body))
            return LeadTimesPlan(chart: ctx.plan(marks), plot: body, scale: LinearScale(domain: (0, 1), range: (body.minX, body.maxX)),
                                 rows: [], hiddenRows: 0, xTicks: [], legend: frame.legend)
        }

        // Axis over all values and the bounds of their ranges, zero always included.
        let bounds = swarm.flatMap { $0.ranges.flatMap { [$0.low, $0.high].compactMap { $0 } } }
        let lo = Double(min(0, (allRows.compactMap { $0.bins.first?.day } + bounds).min() ?? 0))
        let hi = Double(max(0, (allRows.compactMap { $0.bins.last?.day } + bounds).max() ?? 0))
        let ticks = NiceTicks.niceTicks(lo, max(hi, lo + 1), count: 8, integer: true)
        let domain = (ticks.first ?? lo, ticks.last ?? hi)

        // Columns: names left, "median · n" right.
        var nameW = 0.0
        for r in allRows { nameW = max(nameW, try measurer.width(displayName(r.jurisdiction), theme.legend)) }
        nameW = min(nameW, theme.width * 0.22)
        var rightW = 0.0
        // The median only from `medianMinimum` values on; n always.
        func rightText(_ med: Double, _ n: Int) -> String {
            PrecisionText.leadRowFigure(median: n >= LeadTimeSeries.medianMinimum ? NumberFormat.number(med, lang) : nil,
                                        n: NumberFormat.number(n, lang)).text(lang)
        }
        for r in allRows { rightW = max(rightW, try measurer.width(rightText(r.median, r.count), theme.note)) }
        let axisH = try XAxis.height(title: StringKey.leadAxis.text(lang), theme: theme, measurer: measurer)
        var plot = ChartRect(minX: body.minX + nameW + 20 * s, minY: body.minY, maxX: body.maxX - rightW - 20 * s, maxY: body.maxY - axisH)
        let scale = LinearScale(domain: domain, range: (plot.minX, plot.maxX))

        // Rows and group headers share the height. When they do not all fit, every measure
        // keeps some rows (its largest), and a note under them counts the rest.
        let headerH = (try measurer.lineHeight(theme.axisTitle)) + 8 * s
        let minRow = (try measurer.lineHeight(theme.legend)) + 8 * s
        let noteH = (try measurer.lineHeight(theme.note)) + 6 * s
        var rowH = min(84 * s, (plot.height - Double(measures.count) * headerH) / Double(max(1, allRows.count)))
        var shown = allRows
        if rowH >= minRow {
            // Few rows: the axis moves up under them instead of leaving a gap.
            let needed = Double(measures.count) * headerH + rowH * Double(allRows.count)
            if needed < plot.height { plot.height = needed.rounded(.up) }
        } else {
            rowH = minRow
            var take = [Int](repeating: 0, count: measures.count)
            var used = noteH
            var grew = true
            while grew {
                grew = false
                for (mi, m) in measures.enumerated() where take[mi] < (rowsByMeasure[m]?.count ?? 0) {
                    let need = rowH + (take[mi] == 0 ? headerH : 0)
                    if used + need > plot.height { continue }
                    used += need; take[mi] += 1; grew = true
                }
            }
            shown = []
            for (mi, m) in measures.enumerated() {
                let rows = rowsByMeasure[m] ?? []
                let keep = Set(rows.indices.sorted { (rows[$0].count, -$0) > (rows[$1].count, -$1) }.prefix(take[mi]))
                shown += rows.indices.filter { keep.contains($0) }.map { rows[$0] }
            }
        }

        // Grid first, under everything.
        for t in ticks {
            let x = scale(t)
            marks.append(.line([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)],
                               stroke: t == 0 ? theme.axis : theme.grid, thickness: (t == 0 ? 2 : 1) * s, dash: nil))
        }
        let x = try XAxis.marks(positions: ticks.map { scale($0) }, values: ticks,
                                labels: ticks.map { (NumberFormat.number($0, lang), nil) }, title: StringKey.leadAxis.text(lang),
                                plot: plot, theme: theme, measurer: measurer)
        marks.append(contentsOf: x.marks)

        var rows: [LeadTimeRow] = []
        var y = plot.minY
        var lastMeasure: String?
        let r = 7 * s
        for (k, row) in shown.enumerated() {
            let m = row.measure
            let mi = measures.firstIndex(of: m) ?? 0
            if m != lastMeasure {
                if let t = try measurer.fit((Strings.measureKey(m)?.text(lang) ?? m), theme.axisTitle, maxWidth: body.width) {
                    marks.append(.text(try measurer.place(t, theme.axisTitle, x: body.minX, y: y + 4 * s, role: .header)))
                }
                y += headerH; lastMeasure = m
            }
            let rect = ChartRect(x: body.minX, y: y, width: body.width, height: rowH)
            if k % 2 == 0 { marks.insert(.rect(ChartRect(minX: plot.minX, minY: rect.minY, maxX: plot.maxX, maxY: rect.maxY), fill: theme.band), at: frame.marks.count) }
            if let name = try measurer.fit(displayName(row.jurisdiction), theme.legend, maxWidth: nameW) {
                marks.append(.text(try measurer.place(name, theme.legend, x: body.minX + 8 * s, y: rect.midY, valign: .middle, role: .label)))
            }
            let color = SeriesPalette.color(mi)
            var dots: [ChartPoint] = []
            var band: [ChartRect] = []
            var ranges: [LeadTimeRangeMark] = []
            if row.count <= Self.swarmLimit {
                // With ranges known, inexact values are drawn as ranges, not dots.
                let drawRanges = row.hasRanges
                // Beeswarm: each dot takes the free slot nearest the row's centre line.
                let step = 2 * r * 0.95
                let maxSlots = max(0, Int((rowH / 2 - r) / step))
                var exactness: [Bool] = []
                for b in row.bins {
                    for n in 0..<(drawRanges ? b.exact : b.count) {
                        let exact = n < b.exact
                        let cx = scale(Double(b.day))
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
                if drawRanges {
                    // Each range takes the slot nearest the centre line where it meets no dot and no
                    // other range; failing that, one where it only passes under a dot (drawn over it).
                    let pad = 6 * s, rangeStep = 6 * s
                    let rangeSlots = max(0, Int((rowH / 2 - 5 * s) / rangeStep))
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
                        marks.append(contentsOf: RangeMarks.marks(x0: x0, x1: max(x0, x1), y: y, color: color,
                                                                  openLow: v.low == nil, openHigh: v.high == nil, s: s))
                    }
                }
                for (p, exact) in zip(dots, exactness) {
                    marks.append(exact
                        ? .circle(center: p, radius: r, fill: color.withAlpha(230), stroke: color.shaded(0.4), thickness: 1.2 * s)
                        : .circle(center: p, radius: r - 1 * s, fill: .white, stroke: color, thickness: 2.5 * s))
                }
            } else {
                // Too many to swarm: a band of counts per column, drawn the same for 201 values or millions.
                let parts = Self.band(row, rect: rect, plot: plot, scale: scale, s: s)
                band = parts.columns
                for c in parts.pale { marks.append(.rect(c, fill: color.withAlpha(80))) }
                for c in parts.solid { marks.append(.rect(c, fill: color.withAlpha(235))) }
            }
            let med = row.median
            let mx = scale(med)
            // A median of one or two values says nothing a reader should act on: not drawn.
            let medianDrawn = row.count >= LeadTimeSeries.medianMinimum
            if medianDrawn {
                marks.append(.line([ChartPoint(x: mx, y: rect.minY + 3 * s), ChartPoint(x: mx, y: rect.maxY - 3 * s)], stroke: theme.ink, thickness: 4 * s, dash: nil))
            }
            marks.append(.text(try measurer.place(rightText(med, row.count), theme.note, x: plot.maxX + 14 * s, y: rect.midY, valign: .middle, role: .value)))
            rows.append(LeadTimeRow(measure: m, jurisdiction: row.jurisdiction, rect: rect, count: row.count, median: med,
                                    medianX: mx, medianDrawn: medianDrawn, ranges: ranges, dots: dots, band: band))
            y += rowH
        }
        if shown.count < allRows.count {
            let more = "+\(NumberFormat.number(allRows.count - shown.count, lang)) \(StringKey.rowsHidden.text(lang))"
            marks.append(.text(try measurer.place(more, theme.note, x: body.minX + 8 * s, y: y + 4 * s, role: .note)))
        }
        return LeadTimesPlan(chart: ctx.plan(marks), plot: plot, scale: scale, rows: rows, hiddenRows: allRows.count - shown.count,
                             xTicks: x.ticks, legend: frame.legend)
    }

    /// Width of a band's column in pixels.
    static func columnWidth(_ s: Double) -> Double { max(2, (3 * s).rounded()) }

    /// A row's band: one column per few pixels, centred on the row, as tall as its share of the
    /// row's fullest column (a lone value still shows). `solid` is the part of each column that
    /// rests on exact dates; `pale` the whole of each column that holds imprecise values too.
    static func band(_ row: LeadTimeSeries, rect: ChartRect, plot: ChartRect, scale: LinearScale,
                     s: Double) -> (columns: [ChartRect], solid: [ChartRect], pale: [ChartRect]) {
        // Columns hold whole days (several when a day is narrower than a column), so that
        // columns never alternate between two and three days' worth.
        let perDay = abs(scale(1) - scale(0))
        let k = perDay > 0 ? max(1, Int((columnWidth(s) / perDay).rounded(.up))) : 1
        let lo = Int(scale.domain.lo.rounded(.down))
        let groups = max(1, Int(((scale.domain.hi - scale.domain.lo + 1) / Double(k)).rounded(.up)) + 1)
        var counts = [(exact: Int, inexact: Int)](repeating: (0, 0), count: groups)
        for b in row.bins {
            let g = min(groups - 1, max(0, (b.day - lo) / k))
            counts[g].exact += b.exact
            counts[g].inexact += b.inexact
        }
        let most = counts.map { $0.exact + $0.inexact }.max() ?? 0
        guard most > 0 else { return ([], [], []) }
        let half = max(2 * s, rect.height / 2 - 3 * s), least = 1.5 * s
        var columns: [ChartRect] = [], solid: [ChartRect] = [], pale: [ChartRect] = []
        for (c, v) in counts.enumerated() where v.exact + v.inexact > 0 {
            let h = max(least, half * Double(v.exact + v.inexact) / Double(most))
            // Day d is drawn over d ± ½, as a dot at d would be centred.
            let x0 = max(plot.minX, scale(Double(lo + c * k) - 0.5)), x1 = min(plot.maxX, scale(Double(lo + (c + 1) * k) - 0.5))
            let col = ChartRect(minX: x0, minY: rect.midY - h, maxX: x1, maxY: rect.midY + h)
            columns.append(col)
            if v.inexact > 0 { pale.append(col) }
            if v.exact > 0 {
                let he = h * Double(v.exact) / Double(v.exact + v.inexact)
                solid.append(ChartRect(minX: x0, minY: rect.midY - he, maxX: x1, maxY: rect.midY + he))
            }
        }
        return (columns, solid, pale)
    }
}
