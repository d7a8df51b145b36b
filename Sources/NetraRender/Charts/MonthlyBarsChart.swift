import NetraCore
import NetraText
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

/// One kind's part of a year's bar of events known only by their year.
public struct YearOnlySegment: Sendable, Hashable {
    /// Its year.
    public var year: Int
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
    /// Years with events known only by their year, drawn as pale bars left of the months.
    public var years: [Int]
    /// Those events per year.
    public var yearTotals: [Int]
    /// Their segments, year by year, bottom to top.
    public var yearSegments: [YearOnlySegment]
    /// Count ticks.
    public var yTicks: [AxisTick]
    /// One tick per labelled month (value: the month's index).
    public var xTicks: [AxisTick]
    /// Legend entries (kinds present).
    public var legend: [LegendEntry]
    /// Election days in the months drawn, each a rule with its name.
    public var elections: [MonthlyElectionRule]
    /// The highlighted month's column, when one is highlighted and drawn.
    public var highlight: ChartRect?
}

/// An election day on a monthly chart: a dashed rule where its day falls in its month's column.
public struct MonthlyElectionRule: Sendable, Hashable {
    public var election: ElectionIndex
    public var month: Month
    /// The rule's x.
    public var x: Double
    /// Its name, when there was room for it.
    public var label: TextMark?
}

/// What monthly charts set side by side share: one month range, one set of year-only
/// columns and one y maximum, so that equal bars mean equal counts across them.
public struct MonthlyScale: Sendable, Equatable {
    /// Months drawn, gaps included (`nil`: none).
    public var months: ClosedRange<Month>?
    /// Years with events known only by their year, in any of the charts.
    public var years: [Int]
    /// The largest bar of any of the charts.
    public var yMax: Int

    public init(months: ClosedRange<Month>?, years: [Int], yMax: Int) {
        self.months = months; self.years = years; self.yMax = yMax
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
    /// The range and maximum shared with charts set beside this one; its own when `nil`.
    public var shared: MonthlyScale?
    /// A month to pick out (the briefed one): its column shaded, the title about it.
    public var highlight: Month?
    /// The outlets of each jurisdiction's scope (`Analysis.outlets`), whose count the footer
    /// of a jurisdiction's chart looks up; gathered from `dataset` when `nil`.
    public var outlets: ScopeOutlets?

    /// The chart of `table` (rolled up) for every jurisdiction, or for `jurisdiction` and
    /// those under it; `shared` (from `sharedScale`) lines it up with its neighbours.
    public init(
        _ table: MonthlyTable, dataset: Dataset, jurisdiction: JurisdictionIndex? = nil,
        shared: MonthlyScale? = nil, highlight: Month? = nil, outlets: ScopeOutlets? = nil
    ) {
        self.table = table; self.dataset = dataset; self.jurisdiction = jurisdiction
        self.shared = shared; self.highlight = highlight; self.outlets = outlets
    }

    /// The range and maximum that charts of `jurisdictions` share, from `table`'s figures.
    public static func sharedScale(_ table: MonthlyTable, dataset: Dataset, jurisdictions: [JurisdictionIndex]) -> MonthlyScale {
        let rolled = table.rollup ? table : MonthlyTable(dataset, rollup: true)
        var lo: Month?, hi: Month?, years = Set<Int>(), top = 0
        for j in jurisdictions {
            let d = rolled.kindCounts(within: j).activity
            if let f = d.months.first { lo = min(lo ?? f, f) }
            if let l = d.months.last { hi = max(hi ?? l, l) }
            years.formUnion(d.years)
            top = max(top, d.totals.max() ?? 0, d.yearTotals.max() ?? 0)
        }
        let months: ClosedRange<Month>? = if let lo, let hi { lo...hi } else { nil }
        return MonthlyScale(months: months, years: years.sorted(), yMax: top)
    }

    /// `data` widened to the shared months and years, with empty months and years added.
    static func widened(_ data: MonthlyKindCounts, to shared: MonthlyScale?) -> MonthlyKindCounts {
        guard let shared else { return data }
        let zero = [Int](repeating: 0, count: EventKind.allCases.count)
        var out = data
        var lo = data.months.first, hi = data.months.last
        if let r = shared.months { lo = min(lo ?? r.lowerBound, r.lowerBound); hi = max(hi ?? r.upperBound, r.upperBound) }
        if let lo, let hi {
            var byMonth: [Month: [Int]] = [:]
            for (m, c) in zip(data.months, data.counts) { byMonth[m] = c }
            out.months = (lo.index...hi.index).map { Month(index: $0) }
            out.counts = out.months.map { byMonth[$0] ?? zero }
        }
        var byYear: [Int: [Int]] = [:]
        for (y, c) in zip(data.years, data.yearOnly) { byYear[y] = c }
        out.years = Set(data.years).union(shared.years).sorted()
        out.yearOnly = out.years.map { byYear[$0] ?? zero }
        return out
    }

    /// The chart of `dataset`'s events, counted here first.
    public init(_ dataset: Dataset, jurisdiction: JurisdictionIndex? = nil) {
        self.init(MonthlyTable(dataset, rollup: true), dataset: dataset, jurisdiction: jurisdiction)
    }

    /// Lays out the bars, their totals and both axes. Events known only by their year get a
    /// pale hatched bar per year left of the months, under "bulan tidak pasti": their month is
    /// unknown, so no month's bar holds them. The steps: frame, scale and axes, columns, bars
    /// with their totals, election rules, month labels (`MonthlyBarsLayout`).
    public func layout(_ ctx: ChartContext) throws(RenderError) -> MonthlyBarsPlan {
        let scope = try jurisdiction.map { j throws(RenderError) in try ctx.jurisdictionName(dataset, j) }
        // A table without roll-up rows cannot answer for a jurisdiction with those under it.
        let rolled = table.rollup ? table : MonthlyTable(dataset, rollup: true)
        // Bars are the months' activity: case tallies are snapshots, drawn on cases.png.
        let everything = Self.widened(rolled.kindCounts(within: jurisdiction), to: shared)
        let data = everything.activity
        let frame = try self.frame(ctx, data: data, scope: scope, talliesLeftOut: everything.total - data.total)
        guard !data.isEmpty else {
            let marks = frame.marks + [try ctx.emptyNote(in: frame.body)]
            return MonthlyBarsPlan(
                chart: ctx.plan(marks), plot: frame.body, months: [], totals: [], segments: [],
                years: [], yearTotals: [], yearSegments: [], yTicks: [], xTicks: [], legend: frame.legend,
                elections: [], highlight: nil)
        }
        var steps = try MonthlyBarsLayout(self, ctx, data: data, frame: frame)
        return try steps.run()
    }

    /// Step 1, the frame: the headline, the subtitle (scope, months, counts, what is drawn
    /// apart) and a legend of the kinds present.
    func frame(_ ctx: ChartContext, data: MonthlyKindCounts, scope: String?, talliesLeftOut: Int) throws(RenderError) -> FrameLayout {
        let lang = ctx.lang
        var present: [EventKind] = []
        for k in EventKind.allCases where data.counts.contains(where: { $0[k.order] > 0 }) || data.yearOnly.contains(where: { $0[k.order] > 0 }) {
            present.append(k)
        }
        return try Frame.layout(
            FrameSpec(
                title: Self.headline(data, scope: scope, highlight: highlight, lang) ?? StringKey.monthlyTitle.text(lang),
                subtitle: try subtitle(ctx, data: data, scope: scope, talliesLeftOut: talliesLeftOut),
                shortTitle: Self.headline(data, scope: scope, highlight: highlight, lang, namingMonth: false),
                footer: ChartText.sourceFooter(dataset, lang, outlets: footerOutlets),
                legend: present.map { LegendItem(label: Strings.kind($0).text(lang), color: KindPalette.color($0)) },
                filter: ChartText.filterNote(dataset, lang)),
            theme: ctx.theme, measurer: ctx.measurer)
    }

    /// The outlets of the events in the chart's scope (every event's without a jurisdiction).
    var footerOutlets: Int {
        guard let jurisdiction else { return dataset.outletCount }
        return (outlets ?? ScopeOutlets(dataset)).count(within: jurisdiction)
    }

    /// What the chart covers: its scope, its months and how many events, and what is apart.
    func subtitle(_ ctx: ChartContext, data: MonthlyKindCounts, scope: String?, talliesLeftOut: Int) throws(RenderError) -> String {
        let lang = ctx.lang, theme = ctx.theme
        let yearOnly = data.yearTotals.reduce(0, +)
        // Under a --jurisdiction filter the whole chart is of the jurisdictions kept, which the
        // filter note leading the subtitle names: not "all jurisdictions".
        let kept = dataset.selection.map { !$0.jurisdictions.isEmpty } ?? false
        var parts: [String] = []
        if let scope, let j = jurisdiction {
            parts.append(dataset.hasJurisdictions(under: j) ? "\(scope) (\(StringKey.withinOne.text(lang)))" : scope)
        } else if !kept {
            parts.append(StringKey.allJurisdictions.text(lang))
        }
        if let first = data.months.first, let last = data.months.last {
            parts.append(DateText.shortMonth(first, lang) + (first == last ? "" : " – " + DateText.shortMonth(last, lang)))
        }
        parts.append("\(NumberFormat.number(data.total, lang)) \(StringKey.events.text(lang))")
        var subtitle = parts.joined(separator: " · ")
        if yearOnly > 0 { subtitle += " · " + PrecisionText.yearOnlyNote(NumberFormat.number(yearOnly, lang)).text(lang) }
        if talliesLeftOut > 0 { subtitle += " · " + Strings.sheetTalliesApart(talliesLeftOut).text(lang) }
        // The old label leads the subtitle when the figures after it still fit.
        // Inside the sheet, only when the line stays one.
        let labelled = StringKey.monthlyTitle.text(lang) + " · " + subtitle
        return try ctx.overflows(labelled, theme.subtitle, maxLines: theme.embedded ? 1 : 2) ? subtitle : labelled
    }

    /// The highlighted month's shading: a pale amber, apart from every kind's colour.
    static let highlightFill = RGBA(hex: 0xFCEFC7)

    /// The title, from the figures: the highlighted month's count and how it stands against
    /// the months before it, or else the busiest month.
    static func headline(_ data: MonthlyKindCounts, scope: String?, highlight: Month?, _ lang: Language, namingMonth: Bool = true) -> String? {
        let totals = data.totals
        let n = { (v: Int) in NumberFormat.number(v, lang) }
        if let h = highlight {
            let name = namingMonth ? DateText.month(h, lang) : nil
            guard let i = data.months.firstIndex(of: h) else { return Strings.monthlyNone(name).text(lang) }
            let t = totals[i]
            guard t > 0 else { return Strings.monthlyNone(name).text(lang) }
            let earlier = totals[..<i]
            // "The most since X" only when some month between X and this one had fewer.
            // A superlative needs a figure worth one (three events at least) and a true record:
            // more than every month since X, and X more still (a tie is no record).
            if let k = earlier.lastIndex(where: { $0 >= t }) {
                if t >= 3, k < i - 1, totals[k] > t {
                    return Strings.monthlyMostSince(name, n(t), count: t, since: DateText.month(data.months[k], lang)).text(lang)
                }
                return Strings.monthlyMonth(name, n(t), count: t).text(lang)
            }
            if t >= 3, earlier.count >= 2 { return Strings.monthlyMostSoFar(name, n(t), count: t).text(lang) }
            return Strings.monthlyMonth(name, n(t), count: t).text(lang)
        }
        guard let top = totals.max(), top > 0, let i = totals.firstIndex(of: top) else { return nil }
        let ties = totals.filter { $0 == top }.count
        let month = DateText.month(data.months[i], lang)
        // Tied months by their short names: a title that reads in one line.
        let tied = data.months.indices.filter { totals[$0] == top }.map { DateText.shortMonth(data.months[$0], lang) }
        return
            (ties > 1
            ? Strings.monthlyPeakTied(scope: scope, month: tied[0], n(top), count: top, months: ties, second: tied.count > 1 ? tied[1] : nil)
            : Strings.monthlyPeak(scope: scope, month: month, n(top), count: top)).text(lang)
    }

    /// Diagonal lines across `r`, clipped to it.
    static func hatch(_ r: ChartRect, color: RGBA, spacing: Double, thickness: Double) -> [Mark] {
        let h = r.height
        guard h > 2, r.width > 2, spacing > 0 else { return [] }
        var out: [Mark] = []
        // Each line runs up and to the right at 45°, from (c, maxY) to (c + h, minY).
        var c = r.minX - h + spacing / 2
        while c < r.maxX {
            let t0 = max(0, (r.minX - c) / h), t1 = min(1, (r.maxX - c) / h)
            if t1 > t0 {
                out.append(
                    .line(
                        [ChartPoint(x: c + t0 * h, y: r.maxY - t0 * h), ChartPoint(x: c + t1 * h, y: r.maxY - t1 * h)],
                        stroke: color, thickness: thickness, dash: nil))
            }
            c += spacing
        }
        return out
    }
}
