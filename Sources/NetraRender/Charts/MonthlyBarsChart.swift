import NetraCore
import NetraAnalytics

/// One kind's part of one month's bar.
public struct BarSegment: Sendable, Hashable {
    /// Its month.
    public var month: Month
    /// Its kind.
    public var kind: EventKind
    /// Events it stands for.
    public var count: Int
    /// Where the segment was drawn.
    public var rect: ChartRect
}

/// The laid-out monthly stacked bar chart.
public struct MonthlyBarsPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The area inside the axes.
    public var plot: ChartRect
    /// Every month from the first to the last with an event, gaps included.
    public var months: [Month]
    /// Events per month, all kinds together.
    public var totals: [Int]
    /// Bar segments, month by month, bottom (first kind) to top.
    public var segments: [BarSegment]
    /// Count ticks.
    public var yTicks: [AxisTick]
    /// One tick per labelled month (value: the month's index).
    public var xTicks: [AxisTick]
    /// Legend entries (kinds present).
    public var legend: [LegendEntry]
}

/// Events per month × kind for one chart, read from a `MonthlyTable`.
struct MonthKindCounts: Equatable {
    var months: [Month] = []
    /// `counts[m][kind.order]`.
    var counts: [[Int]] = []

    var totals: [Int] { counts.map { $0.reduce(0, +) } }

    /// Each event once, in the month of its anchor (a span counts from its start), keeping
    /// events whose jurisdiction is `within` or under it (all when `nil`).
    static func count(_ table: MonthlyTable, within: JurisdictionIndex?) -> MonthKindCounts {
        let (months, counts) = table.kindCounts(within: within)
        return MonthKindCounts(months: months, counts: counts)
    }
}

/// Monthly stacked bars of events by kind.
public struct MonthlyBarsChart: Chart {
    /// Events per month × jurisdiction × kind, rolled up.
    public var table: MonthlyTable
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset
    /// The jurisdiction drawn with those under it; every one when `nil`.
    public var jurisdiction: JurisdictionIndex?

    /// The chart of `table` (rolled up) for every jurisdiction, or for `jurisdiction` and those under it.
    public init(_ table: MonthlyTable, dataset: Dataset, jurisdiction: JurisdictionIndex? = nil) {
        self.table = table; self.dataset = dataset; self.jurisdiction = jurisdiction
    }

    /// The chart of `dataset`'s events, counted here first.
    public init(_ dataset: Dataset, jurisdiction: JurisdictionIndex? = nil) {
        self.init(MonthlyTable(dataset, rollup: true), dataset: dataset, jurisdiction: jurisdiction)
    }

    /// Lays out the bars, their totals and both axes.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> MonthlyBarsPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let scope = try jurisdiction.map { j throws(RenderError) in try ctx.jurisdictionName(dataset, j) }
        // A table without roll-up rows cannot answer for a jurisdiction with those under it.
        let rolled = table.rollup ? table : MonthlyTable(dataset, rollup: true)
        let data = MonthKindCounts.count(rolled, within: jurisdiction)
        let totals = data.totals
        let total = totals.reduce(0, +)

        var present: [EventKind] = []
        for k in EventKind.allCases where data.counts.contains(where: { $0[k.order] > 0 }) { present.append(k) }
        var subtitle = scope.map { "\($0) (\(StringKey.withinOne.text(lang)))" } ?? StringKey.allJurisdictions.text(lang)
        if let first = data.months.first, let last = data.months.last {
            subtitle += " · " + DateText.shortMonth(first, lang) + (first == last ? "" : " – " + DateText.shortMonth(last, lang))
        }
        subtitle += " · \(NumberFormat.number(total, lang)) \(StringKey.events.text(lang))"
        let frame = try Frame.layout(FrameSpec(
            title: StringKey.monthlyTitle.text(lang), subtitle: subtitle,
            footer: ChartText.sourceFooter(dataset, lang),
            legend: present.map { LegendItem(label: Strings.kind($0).text(lang), color: KindPalette.color($0)) }),
            theme: theme, measurer: measurer)
        var marks = frame.marks

        guard !data.months.isEmpty else {
            marks.append(try ctx.emptyNote(in: frame.body))
            return MonthlyBarsPlan(chart: ctx.plan(marks), plot: frame.body, months: [], totals: [], segments: [],
                                   yTicks: [], xTicks: [], legend: frame.legend)
        }

        // Measure the axes first, then the plot gets what is left.
        let maxTotal = Double(totals.max() ?? 0)
        let yTitle = StringKey.eventsAxis.text(lang)
        let xTitle = StringKey.monthAxis.text(lang)
        let bottom = try XAxis.height(title: xTitle, theme: theme, measurer: measurer)
        let valueHeight = try measurer.lineHeight(theme.value)
        let body = frame.body
        let plotTop = body.minY + valueHeight + 4 * s, plotBottom = body.maxY - bottom
        // As many ticks as fit with a label's height and a half between them (a small chart,
        // such as the briefing sheet's, gets fewer).
        let labelGap = 1.5 * (try measurer.lineHeight(theme.tick))
        let fitting = max(1, min(5, Int((plotBottom - plotTop) / labelGap)))
        let yTicksValues = NiceTicks.niceTicks(0, max(1, maxTotal), count: fitting, integer: true)
        let yMax = yTicksValues.last ?? max(1, maxTotal)
        let yLabels = yTicksValues.map { NumberFormat.number($0, lang) }
        let left = try YAxis.width(labels: yLabels, title: yTitle, theme: theme, measurer: measurer)
        let plot = ChartRect(minX: body.minX + left, minY: plotTop, maxX: body.maxX - 8 * s, maxY: plotBottom)
        let yScale = LinearScale(domain: (0, yMax), range: (plot.maxY, plot.minY))
        let y = try YAxis.marks(scale: yScale, ticks: yTicksValues, labels: yLabels, title: yTitle, plot: plot,
                                left: body.minX, theme: theme, measurer: measurer)
        marks.append(contentsOf: y.marks)

        let n = data.months.count
        let band = plot.width / Double(n)
        let barWidth = max(1, (band * 0.72).rounded())
        var segments: [BarSegment] = []
        var placer = LabelPlacer(bounds: ChartRect(minX: plot.minX - band, minY: body.minY - valueHeight, maxX: plot.maxX + band, maxY: plot.maxY),
                                 padding: 2 * s)
        for (i, month) in data.months.enumerated() {
            let x0 = (plot.minX + band * Double(i) + (band - barWidth) / 2).rounded()
            var acc = 0
            for kind in EventKind.allCases {
                let c = data.counts[i][kind.order]
                guard c > 0 else { continue }
                // Round edges once so neighbouring segments share a pixel boundary.
                let yTop = yScale(Double(acc + c)).rounded(), yBottom = yScale(Double(acc)).rounded()
                let rect = ChartRect(minX: x0, minY: yTop, maxX: x0 + barWidth, maxY: yBottom)
                segments.append(BarSegment(month: month, kind: kind, count: c, rect: rect))
                marks.append(.rect(rect, fill: KindPalette.color(kind)))
                acc += c
            }
            // Thin white rules between segments so neighbours of similar lightness stay apart.
            var edge = 0
            for kind in EventKind.allCases.dropLast() {
                edge += data.counts[i][kind.order]
                guard edge > 0, edge < acc, data.counts[i][kind.order] > 0 else { continue }
                let yy = yScale(Double(edge)).rounded()
                marks.append(.rect(ChartRect(x: x0, y: yy - 1 * s, width: barWidth, height: 1 * s), fill: .white.withAlpha(200)))
            }
            if totals[i] > 0 {
                let label = try measurer.place(NumberFormat.number(totals[i], lang), theme.value, x: x0 + barWidth / 2,
                                               y: yScale(Double(totals[i])) - 4 * s, align: .center, valign: .bottom, role: .value)
                if placer.place([label.box]) != nil { marks.append(.text(label)) }
            }
        }

        // Label every k-th month, k the smallest of 1, 2, 3, 6, 12, … whose labels fit; aligned
        // on calendar quarters and years so the labels fall on the same months in every chart.
        var widest = 0.0
        for m in data.months { widest = max(widest, try measurer.width(DateText.shortMonthName(m.number, lang), theme.tick)) }
        var stride = 1
        for k in [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200] {
            stride = k
            if Double(k) * band >= widest + 16 * s { break }
        }
        var positions: [Double] = [], values: [Double] = [], labels: [(primary: String, year: String?)] = []
        var lastYear: Int?
        for (i, m) in data.months.enumerated() where m.index % stride == 0 {
            positions.append(plot.minX + band * (Double(i) + 0.5))
            values.append(Double(m.index))
            let newYear = lastYear != m.year
            lastYear = m.year
            labels.append((stride >= 12 ? String(m.year) : DateText.shortMonthName(m.number, lang),
                           stride < 12 && newYear ? String(m.year) : nil))
        }
        let x = try XAxis.marks(positions: positions, values: values, labels: labels, title: xTitle, plot: plot,
                                theme: theme, measurer: measurer)
        marks.append(contentsOf: x.marks)
        marks.append(.line([ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)],
                           stroke: theme.axis, thickness: 1.5 * s, dash: nil))
        return MonthlyBarsPlan(chart: ctx.plan(marks), plot: plot, months: data.months, totals: totals, segments: segments,
                               yTicks: y.ticks, xTicks: x.ticks, legend: frame.legend)
    }
}
