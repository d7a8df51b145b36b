import NetraCore
import NetraText
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
    /// Index into `LeadTimesPlan.panels`.
    public var panel: Int
    /// Days with more values than the row can stack, each one bubble sized by its count.
    public var bubbles: [LeadTimeBubble]
}

/// A day of a swarm row with more values than fit as dots: one circle whose area is its count's.
public struct LeadTimeBubble: Sendable, Hashable {
    public var center: ChartPoint
    public var radius: Double
    /// Values it stands for.
    public var count: Int
}

/// What a panel of the lead-time chart measures, each with an axis of its own.
public enum LeadTimePanelKind: Int, Sendable, Hashable, CaseIterable {
    /// Days from a prevention event to the election.
    case prevention
    /// Days from an incident to its first response, report, decision or sanction.
    case handling
    /// Days from an event to its source's publication.
    case reporting
    /// Measures given only by a label.
    case other

    /// The panel a measure's rows go to.
    public static func of(_ measure: LeadTimeMeasure?) -> LeadTimePanelKind {
        switch measure {
        case .prevention: return .prevention
        case .response, .report, .decision, .sanction: return .handling
        case .reportingLag: return .reporting
        case nil: return .other
        }
    }

    /// Its header, which says what its axis counts.
    public var title: Phrase {
        switch self {
        case .prevention: return Strings.leadPreventionPanel
        case .handling: return Strings.leadHandlingPanel
        case .reporting: return Strings.leadReportingPanel
        case .other: return Strings.leadOtherPanel
        }
    }
}

/// A panel after layout: its plot and its own axis.
public struct LeadTimePanel: Sendable {
    public var kind: LeadTimePanelKind
    /// Its header.
    public var title: String
    /// Its rows' area.
    public var plot: ChartRect
    /// Days to x in this panel.
    public var scale: LinearScale
    /// Its day ticks.
    public var xTicks: [AxisTick]
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
    /// The first panel's area (see `panels` for each).
    public var plot: ChartRect
    /// The first panel's days to x.
    public var scale: LinearScale
    /// Rows in drawing order.
    public var rows: [LeadTimeRow]
    /// Rows that did not fit.
    public var hiddenRows: Int
    /// The first panel's day ticks.
    public var xTicks: [AxisTick]
    /// Legend entries.
    public var legend: [LegendEntry]
    /// The panels, top to bottom, each with its own axis.
    public var panels: [LeadTimePanel]
}

/// Lead times per measure and jurisdiction as dots, the median marked, in panels that each
/// have their own axis: prevention (days before the election), incident handling, reporting.
public struct LeadTimesChart: Chart {
    /// Rows with more values than this are drawn as a band of counts instead of a swarm; as
    /// many as carry their ranges.
    public static let swarmLimit = LeadTimeSeries.rangeLimit

    /// A stage's colour: the colour of the kind it reaches (response, report, decision,
    /// sanction), prevention's blue, and muted grey for reporting lags, so that a colour on
    /// this chart means what it means on every other; never a jurisdiction's colour.
    public static func stageColor(_ measure: LeadTimeMeasure?) -> RGBA {
        if let kind = measure?.reachedKind { return KindPalette.color(kind) }
        switch measure {
        case .prevention: return KindPalette.color(.regulation)
        default: return RGBA(hex: 0x595959)
        }
    }

    /// The rows: lead times counted per measure, jurisdiction and day.
    public let series: [LeadTimeSeries]
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset
    /// The events the series were measured between, whose outlets the footer counts
    /// (`Analysis.leadTimeEvents`); every event when `nil`.
    public var events: [EventIndex]?
    /// What the title may claim (`Analysis.leadTimeHeadline`); without it the title is read
    /// off the series.
    public var headline: LeadTimeHeadline?

    /// The chart of `series`; `dataset` names the jurisdictions and the footer's source,
    /// `events` are those measured.
    public init(_ series: [LeadTimeSeries], dataset: Dataset, events: [EventIndex]? = nil, headline: LeadTimeHeadline? = nil) {
        self.series = series; self.dataset = dataset; self.events = events; self.headline = headline
        rows = LeadTimeRows(series)
    }

    /// The series as rows, merged once (`LeadTimeRows`).
    public let rows: LeadTimeRows

    /// Lays out the panels (prevention, incident handling, reporting lags, each on an axis of
    /// its own, stacked), their rows, dots or bands and medians: the steps of `LeadTimesLayout`.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> LeadTimesPlan {
        let steps = LeadTimesLayout(self, ctx)
        let frame = try steps.frame()
        guard steps.total > 0 else {
            let body = frame.body
            return LeadTimesPlan(
                chart: ctx.plan(frame.marks + [try ctx.emptyNote(in: body)]), plot: body,
                scale: LinearScale(domain: (0, 1), range: (body.minX, body.maxX)),
                rows: [], hiddenRows: 0, xTicks: [], legend: frame.legend, panels: [])
        }
        var panels = try LeadTimesPanels(steps, frame: frame)
        return try panels.run()
    }

    /// Round ticks over `lo…hi`, as many as keep their labels apart over `length` pixels.
    static func ticks(
        _ lo: Double, _ hi: Double, length: Double, lang: Language, theme: Theme,
        measurer: TextMeasurer
    ) throws(RenderError) -> [Double] {
        var best = NiceTicks.niceTicks(lo, hi, count: 2, integer: true)
        for count in stride(from: 8, through: 2, by: -1) {
            let t = NiceTicks.niceTicks(lo, hi, count: count, integer: true)
            guard t.count > 1, let first = t.first, let last = t.last, last > first else { continue }
            var widest = 0.0
            for v in t { widest = max(widest, try measurer.width(NumberFormat.number(v, lang), theme.tick)) }
            best = t
            if length * (t[1] - t[0]) / (last - first) >= widest + 24 * theme.s { return t }
        }
        return best
    }

    /// A dot's radius: fixed for the chart's scale, never from a label's width; a bubble of
    /// n values has √n times its radius (its area is n dots').
    static func dotRadius(_ s: Double) -> Double { 7 * s }

    /// The title from the analysis' figures: prevention's typical lead (a median from three
    /// values, `≥` when a lower bound; else the values) and how many incidents have a recorded
    /// follow-up at all — never a span that rows without an end or incidents without a step belie.
    static func headline(_ h: LeadTimeHeadline, _ lang: Language) -> (prevention: String?, handling: (upper: String, lower: String)?) {
        let prevention: String? =
            h.prevention.isEmpty
            ? nil
            : {
                let days = NumberFormat.typical(h.prevention, lang)
                let phrase = Strings.days(days, count: h.prevention.n == 1 && h.prevention.values.first?.days == 1 ? 1 : 2)
                return (h.prevention.median != nil ? Strings.leadPreventionMedian(phrase) : Strings.leadPreventionSpan(phrase)).text(lang)
            }()
        let handling: (upper: String, lower: String)? =
            h.incidents == 0
            ? nil
            : (
                Strings.leadHandlingFollowed(h.followedUp, of: h.incidents, capitalised: true).text(lang),
                Strings.leadHandlingFollowed(h.followedUp, of: h.incidents, capitalised: false).text(lang)
            )
        return (prevention, handling)
    }

    /// The title from the figures: when prevention comes before the election (its median,
    /// from three values on, else its span) and within how many days incidents are handled.
    static func headline(_ rows: [LeadTimeSeries], _ lang: Language) -> (prevention: String?, handling: (upper: String, lower: String)?) {
        func pooled(_ kind: LeadTimePanelKind) -> LeadTimeSeries? {
            let mine = rows.filter { LeadTimePanelKind.of($0.kind) == kind }
            guard !mine.isEmpty else { return nil }
            let all = LeadTimeSeries(measure: "", jurisdiction: "", bins: mine.flatMap(\.bins))
            return all.count > 0 ? all : nil
        }
        func days(_ v: Double) -> Phrase { Strings.days(NumberFormat.number(v, lang), count: v == 1 ? 1 : 2) }
        func span(_ x: LeadTimeSeries) -> Phrase {
            let lo = x.bins.first?.day ?? 0, hi = x.bins.last?.day ?? 0
            return Strings.daySpan(NumberFormat.number(lo, lang), NumberFormat.number(hi, lang), loCount: lo, hiCount: hi)
        }
        let prevention = pooled(.prevention).map { p in
            (p.count >= LeadTimeSeries.medianMinimum
                ? Strings.leadPreventionMedian(days(p.median))
                : Strings.leadPreventionSpan(span(p))).text(lang)
        }
        let handling = pooled(.handling).map { h -> (upper: String, lower: String) in
            let sameDay = h.bins.first?.day == 0 && h.bins.last?.day == 0
            func phrase(_ cap: Bool) -> String {
                (sameDay ? Strings.leadHandlingSameDay(capitalised: cap) : Strings.leadHandlingSpan(span(h), capitalised: cap)).text(lang)
            }
            return (phrase(true), phrase(false))
        }
        return (prevention, handling)
    }

    /// Width of a band's column in pixels.
    static func columnWidth(_ s: Double) -> Double { max(2, (3 * s).rounded()) }

    /// A row's band: one column per few pixels, centred on the row, as tall as its share of the
    /// row's fullest column (a lone value still shows). `solid` is the part of each column that
    /// rests on exact dates; `pale` the whole of each column that holds imprecise values too.
    static func band(
        _ row: LeadTimeSeries, rect: ChartRect, plot: ChartRect, scale: LinearScale,
        s: Double
    ) -> (columns: [ChartRect], solid: [ChartRect], pale: [ChartRect]) {
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
