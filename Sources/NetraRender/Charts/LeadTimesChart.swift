import NetraCore
import NetraAnalytics

/// How many lead times of a row fall on one day.
public struct LeadTimeBin: Sendable, Hashable {
    /// Lead time in days (negative when the second date comes first).
    public var day: Int
    /// Values on this day whose dates were all exact.
    public var exact: Int
    /// Values on this day resting on an imprecise date.
    public var inexact: Int

    /// A bin from its parts.
    public init(day: Int, exact: Int, inexact: Int) {
        self.day = day; self.exact = exact; self.inexact = inexact
    }

    /// Every value on this day.
    public var count: Int { exact + inexact }
}

/// The lead times of one row — a measure in a jurisdiction — counted per day, so that a row
/// costs the same to lay out and draw for ten values or a million.
public struct LeadTimeSeries: Sendable, Hashable {
    /// The measure's key (`prevention_lead`, `response_time`, `reporting_lag`) or a label.
    public var measure: String
    /// A jurisdiction id (shown by its name when the dataset knows it) or a name.
    public var jurisdiction: String
    /// Days in increasing order, each once, none empty.
    public private(set) var bins: [LeadTimeBin]
    /// Number of values.
    public private(set) var count: Int

    /// A series from bins in any order; bins of one day are merged and empty ones dropped.
    public init(measure: String, jurisdiction: String, bins: [LeadTimeBin]) {
        self.measure = measure
        self.jurisdiction = jurisdiction
        var merged: [LeadTimeBin] = []
        for b in bins.sorted(by: { $0.day < $1.day }) where b.exact > 0 || b.inexact > 0 {
            if let last = merged.last, last.day == b.day {
                merged[merged.count - 1].exact += b.exact
                merged[merged.count - 1].inexact += b.inexact
            } else {
                merged.append(LeadTimeBin(day: b.day, exact: max(0, b.exact), inexact: max(0, b.inexact)))
            }
        }
        self.bins = merged
        count = merged.reduce(0) { $0 + $1.count }
    }

    /// A series from single values: those resting on exact dates and those that do not.
    public init(measure: String, jurisdiction: String, exactDays: [Int], inexactDays: [Int] = []) {
        self.init(measure: measure, jurisdiction: jurisdiction,
                  bins: exactDays.map { LeadTimeBin(day: $0, exact: 1, inexact: 0) }
                      + inexactDays.map { LeadTimeBin(day: $0, exact: 0, inexact: 1) })
    }

    /// The value of rank `k` (0-based) in increasing order.
    func value(atRank k: Int) -> Int {
        var seen = 0
        for b in bins {
            seen += b.count
            if k < seen { return b.day }
        }
        return bins.last?.day ?? 0
    }

    /// The median (the mean of the middle two for an even count); 0 when empty.
    public var median: Double {
        guard count > 0 else { return 0 }
        return count % 2 == 1 ? Double(value(atRank: count / 2))
                              : Double(value(atRank: count / 2 - 1) + value(atRank: count / 2)) / 2
    }

    /// One series per measure and jurisdiction of `leadTimes`: measures in order of first
    /// appearance, jurisdictions likewise within each. Counts per day with integer keys, so
    /// no String is made per value; `label` and `jurisdictionID` are asked once per series.
    public static func grouping(_ leadTimes: [LeadTime], jurisdictionCount: Int,
                                label: (LeadTimeMeasure) -> String,
                                jurisdictionID: (Int) -> String) -> [LeadTimeSeries] {
        let measures = LeadTimeMeasure.allCases
        let jc = max(0, jurisdictionCount)
        let keys = measures.count * jc
        guard keys > 0 else { return [] }
        func index(_ m: LeadTimeMeasure) -> Int {
            switch m {
            case .prevention: 0
            case .response: 1
            case .report: 2
            case .decision: 3
            case .sanction: 4
            case .reportingLag: 5
            }
        }
        // Pass 1: first appearance and the span of days of each key.
        var first = [Int](repeating: -1, count: keys)
        var measureFirst = [Int](repeating: -1, count: measures.count)
        var lo = [Int](repeating: .max, count: keys), hi = [Int](repeating: .min, count: keys)
        for (n, t) in leadTimes.enumerated() where t.jurisdiction >= 0 && t.jurisdiction < jc {
            let m = index(t.measure), k = m * jc + t.jurisdiction
            if first[k] < 0 { first[k] = n }
            if measureFirst[m] < 0 { measureFirst[m] = n }
            if t.days < lo[k] { lo[k] = t.days }
            if t.days > hi[k] { hi[k] = t.days }
        }
        // Pass 2: counts per day, dense over each key's span (a few hundred days in practice);
        // a key whose span is absurdly wide counts in a dictionary instead.
        let denseLimit = 1 << 20
        var exact = [[Int32]](repeating: [], count: keys), inexact = [[Int32]](repeating: [], count: keys)
        var sparse: [Int: [Int: (Int, Int)]] = [:]
        for k in 0..<keys where first[k] >= 0 {
            let (span, overflow) = hi[k].subtractingReportingOverflow(lo[k])
            if !overflow && span < denseLimit {
                exact[k] = [Int32](repeating: 0, count: span + 1)
                inexact[k] = [Int32](repeating: 0, count: span + 1)
            } else {
                sparse[k] = [:]
            }
        }
        for t in leadTimes where t.jurisdiction >= 0 && t.jurisdiction < jc {
            let k = index(t.measure) * jc + t.jurisdiction
            if exact[k].isEmpty {
                sparse[k, default: [:]][t.days, default: (0, 0)].0 += t.exact ? 1 : 0
                sparse[k, default: [:]][t.days, default: (0, 0)].1 += t.exact ? 0 : 1
            } else if t.exact {
                exact[k][t.days - lo[k]] += 1
            } else {
                inexact[k][t.days - lo[k]] += 1
            }
        }
        let order = (0..<keys).filter { first[$0] >= 0 }.sorted {
            (measureFirst[$0 / jc], first[$0]) < (measureFirst[$1 / jc], first[$1])
        }
        return order.map { k in
            var bins: [LeadTimeBin] = []
            if let table = sparse[k] {
                bins = table.map { LeadTimeBin(day: $0.key, exact: $0.value.0, inexact: $0.value.1) }
            } else {
                for d in exact[k].indices where exact[k][d] > 0 || inexact[k][d] > 0 {
                    bins.append(LeadTimeBin(day: lo[k] + d, exact: Int(exact[k][d]), inexact: Int(inexact[k][d])))
                }
            }
            return LeadTimeSeries(measure: label(measures[k / jc]), jurisdiction: jurisdictionID(k % jc), bins: bins)
        }
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
    /// Values in the row.
    public var count: Int
    /// Median of the row’s days.
    public var median: Double
    /// Where the median is marked.
    public var medianX: Double
    /// Dot centres in order of days (exact first on a day); empty when the row is a band.
    public var dots: [ChartPoint]
    /// A row with more than `LeadTimesChart.swarmLimit` values: one column per few pixels,
    /// its height by how many values fall in it (empty for a row of dots).
    public var band: [ChartRect]
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
    /// Rows with more values than this are drawn as a band of counts instead of a swarm.
    public static let swarmLimit = 200

    /// Lays out and draws the chart; `dataset` names the jurisdictions and the footer's source.
    public static func render(_ series: [LeadTimeSeries], dataset: Dataset,
                              options: ChartOptions = ChartOptions()) throws(RenderError) -> RenderedChart<LeadTimesPlan> {
        let ctx = try ChartContext(options: options)
        let plan = try layout(series, dataset: dataset, ctx: ctx)
        return RenderedChart(png: try Painter.png(plan.chart, fonts: ctx.fonts), plan: plan)
    }

    /// The layout only, without drawing.
    public static func layout(_ series: [LeadTimeSeries], dataset: Dataset,
                              options: ChartOptions = ChartOptions()) throws(RenderError) -> LeadTimesPlan {
        try layout(series, dataset: dataset, ctx: ChartContext(options: options))
    }

    static func layout(_ input: [LeadTimeSeries], dataset: Dataset, ctx: ChartContext) throws(RenderError) -> LeadTimesPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s

        // Measures in order of first appearance; a measure and jurisdiction given twice is one row.
        var measures: [String] = []
        var rowsByMeasure: [String: [LeadTimeSeries]] = [:]
        for x in input where x.count > 0 {
            if rowsByMeasure[x.measure] == nil { measures.append(x.measure) }
            if let k = rowsByMeasure[x.measure, default: []].firstIndex(where: { $0.jurisdiction == x.jurisdiction }) {
                let old = rowsByMeasure[x.measure, default: []][k]
                rowsByMeasure[x.measure, default: []][k] = LeadTimeSeries(measure: old.measure, jurisdiction: old.jurisdiction,
                                                                          bins: old.bins + x.bins)
            } else {
                rowsByMeasure[x.measure, default: []].append(x)
            }
        }
        let allRows = measures.flatMap { rowsByMeasure[$0] ?? [] }
        let total = allRows.reduce(0) { $0 + $1.count }
        let anyBand = allRows.contains { $0.count > swarmLimit }
        func displayName(_ j: String) -> String {
            dataset.jurisdictionIndex[j].map { dataset.jurisdictions[$0].name } ?? j
        }

        var legend = measures.enumerated().map { LegendItem(label: (Strings.measureKey($0.element)?.text(lang) ?? $0.element), color: SeriesPalette.color($0.offset), symbol: .circle) }
        legend.append(LegendItem(label: StringKey.imprecise.text(lang), color: theme.muted, symbol: .ring))
        legend.append(LegendItem(label: StringKey.median.text(lang), color: theme.ink, symbol: .medianBar))
        // Explain only the marks that are drawn: dots, bands or both.
        var subtitle = "\(NumberFormat.number(total, lang)) \(StringKey.leadTimes.text(lang))"
        if allRows.contains(where: { $0.count <= swarmLimit }) { subtitle += " · " + StringKey.leadDotsNote.text(lang) }
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

        // Axis over all values, zero always included.
        let lo = Double(min(0, allRows.compactMap { $0.bins.first?.day }.min() ?? 0))
        let hi = Double(max(0, allRows.compactMap { $0.bins.last?.day }.max() ?? 0))
        let ticks = NiceTicks.niceTicks(lo, max(hi, lo + 1), count: 8, integer: true)
        let domain = (ticks.first ?? lo, ticks.last ?? hi)

        // Columns: names left, "median · n" right.
        var nameW = 0.0
        for r in allRows { nameW = max(nameW, try measurer.width(displayName(r.jurisdiction), theme.legend)) }
        nameW = min(nameW, theme.width * 0.22)
        var rightW = 0.0
        let medianWord = StringKey.median.text(lang), daysWord = StringKey.days.text(lang)
        func rightText(_ med: Double, _ n: Int) -> String {
            "\(medianWord) \(NumberFormat.number(med, lang)) \(daysWord) · n = \(NumberFormat.number(n, lang))"
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
            if row.count <= swarmLimit {
                // Beeswarm: each dot takes the free slot nearest the row's centre line.
                let step = 2 * r * 0.95
                let maxSlots = max(0, Int((rowH / 2 - r) / step))
                var exactness: [Bool] = []
                for b in row.bins {
                    for n in 0..<b.count {
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
            marks.append(.line([ChartPoint(x: mx, y: rect.minY + 3 * s), ChartPoint(x: mx, y: rect.maxY - 3 * s)], stroke: theme.ink, thickness: 4 * s, dash: nil))
            marks.append(.text(try measurer.place(rightText(med, row.count), theme.note, x: plot.maxX + 14 * s, y: rect.midY, valign: .middle, role: .value)))
            rows.append(LeadTimeRow(measure: m, jurisdiction: row.jurisdiction, rect: rect, count: row.count, median: med,
                                    medianX: mx, dots: dots, band: band))
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
