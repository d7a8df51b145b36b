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

    /// The chart of `table` (rolled up) for every jurisdiction, or for `jurisdiction` and
    /// those under it; `shared` (from `sharedScale`) lines it up with its neighbours.
    public init(_ table: MonthlyTable, dataset: Dataset, jurisdiction: JurisdictionIndex? = nil,
                shared: MonthlyScale? = nil, highlight: Month? = nil) {
        self.table = table; self.dataset = dataset; self.jurisdiction = jurisdiction
        self.shared = shared; self.highlight = highlight
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
    /// unknown, so no month's bar holds them.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> MonthlyBarsPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let scope = try jurisdiction.map { j throws(RenderError) in try ctx.jurisdictionName(dataset, j) }
        // A table without roll-up rows cannot answer for a jurisdiction with those under it.
        let rolled = table.rollup ? table : MonthlyTable(dataset, rollup: true)
        // Bars are the months' activity: case tallies are snapshots, drawn on cases.png.
        let everything = Self.widened(rolled.kindCounts(within: jurisdiction), to: shared)
        let data = everything.activity
        let talliesLeftOut = everything.total - data.total
        let totals = data.totals, yearTotals = data.yearTotals
        let total = data.total
        let yearOnly = yearTotals.reduce(0, +)

        var present: [EventKind] = []
        for k in EventKind.allCases where data.counts.contains(where: { $0[k.order] > 0 }) || data.yearOnly.contains(where: { $0[k.order] > 0 }) {
            present.append(k)
        }
        // Under a --jurisdiction filter the whole chart is of the jurisdictions kept, which the
        // filter note leading the subtitle names: not "all jurisdictions".
        let kept = dataset.selection.map { !$0.jurisdictions.isEmpty } ?? false
        var parts: [String] = []
        if let scope, let j = jurisdiction {
            parts.append(dataset.hasJurisdictions(under: j) ? "\(scope) (\(StringKey.withinOne.text(lang)))" : scope)
        } else if !kept { parts.append(StringKey.allJurisdictions.text(lang)) }
        if let first = data.months.first, let last = data.months.last {
            parts.append(DateText.shortMonth(first, lang) + (first == last ? "" : " – " + DateText.shortMonth(last, lang)))
        }
        parts.append("\(NumberFormat.number(total, lang)) \(StringKey.events.text(lang))")
        var subtitle = parts.joined(separator: " · ")
        if yearOnly > 0 { subtitle += " · " + PrecisionText.yearOnlyNote(NumberFormat.number(yearOnly, lang)).text(lang) }
        if talliesLeftOut > 0 { subtitle += " · " + Strings.sheetTalliesApart(talliesLeftOut).text(lang) }
        // The old label leads the subtitle when the figures after it still fit.
        // Inside the sheet, only when the line stays one.
        let labelled = StringKey.monthlyTitle.text(lang) + " · " + subtitle
        let lines = try measurer.wrap(labelled, theme.subtitle, maxWidth: theme.width - 2 * theme.margin, maxLines: theme.sourceFooter ? 2 : 1)
        if lines.last?.hasSuffix("…") != true { subtitle = labelled }
        let frame = try Frame.layout(FrameSpec(
            title: Self.headline(data, scope: scope, highlight: highlight, lang) ?? StringKey.monthlyTitle.text(lang), subtitle: subtitle,
            shortTitle: Self.headline(data, scope: scope, highlight: highlight, lang, namingMonth: false),
            footer: ChartText.sourceFooter(dataset, lang, events: ChartText.events(dataset, within: jurisdiction.map { [$0] })),
            legend: present.map { LegendItem(label: Strings.kind($0).text(lang), color: KindPalette.color($0)) },
            filter: ChartText.filterNote(dataset, lang)),
            theme: theme, measurer: measurer)
        var marks = frame.marks

        guard !data.isEmpty else {
            marks.append(try ctx.emptyNote(in: frame.body))
            return MonthlyBarsPlan(chart: ctx.plan(marks), plot: frame.body, months: [], totals: [], segments: [],
                                   years: [], yearTotals: [], yearSegments: [], yTicks: [], xTicks: [], legend: frame.legend,
                                   elections: [], highlight: nil)
        }

        // Measure the axes first, then the plot gets what is left.
        let maxTotal = Double(max(totals.max() ?? 0, yearTotals.max() ?? 0, shared?.yMax ?? 0))
        let yTitle = StringKey.eventsAxis.text(lang)
        // Inside the briefing sheet (no footer of its own) the month names are title enough:
        // the row goes to the plot.
        let xTitle: String? = theme.sourceFooter ? StringKey.monthAxis.text(lang) : nil
        let bottom = try XAxis.height(title: xTitle, theme: theme, measurer: measurer)
        let valueHeight = try measurer.lineHeight(theme.value)
        let body = frame.body
        // Elections in the months drawn (and over this jurisdiction, or under it) get a line
        // of their own above the plot for their names.
        let shownElections = dataset.elections.indices.filter { e in
            let el = dataset.elections[e]
            guard let first = data.months.first, let last = data.months.last, (first...last).contains(el.date.month) else { return false }
            guard let j = jurisdiction, el.scope.raw < dataset.jurisdictions.count else { return true }
            return dataset.isWithin(j, el.scope) || dataset.isWithin(el.scope, j)
        }
        let electionLH = try measurer.lineHeight(theme.label)
        // A chart too short for a line of names keeps the rules and leaves the names out.
        let roomy = body.maxY - bottom - (body.minY + valueHeight + 4 * s) >= 6 * (try measurer.lineHeight(theme.tick)) + electionLH
        let electionBand = shownElections.isEmpty || !roomy ? 0 : electionLH + 4 * s
        let plotTop = body.minY + electionBand + valueHeight + 4 * s, plotBottom = body.maxY - bottom
        // As many ticks as fit with a label's height and a half between them (a small chart,
        // such as the briefing sheet's, gets fewer).
        let labelGap = 1.5 * (try measurer.lineHeight(theme.tick))
        let fitting = max(1, min(5, Int((plotBottom - plotTop) / labelGap)))
        // niceTicks may give more than asked: fewer until the labels keep apart.
        var yTicksValues = NiceTicks.niceTicks(0, max(1, maxTotal), count: fitting, integer: true)
        for c in stride(from: fitting - 1, through: 1, by: -1) where yTicksValues.count > 2 {
            let spacing = (plotBottom - plotTop) / Double(yTicksValues.count - 1)
            if spacing >= labelGap / 1.5 + 2 * s { break }
            yTicksValues = NiceTicks.niceTicks(0, max(1, maxTotal), count: c, integer: true)
        }
        // Still too tight: only the ends.
        if yTicksValues.count > 2, (plotBottom - plotTop) / Double(yTicksValues.count - 1) < labelGap / 1.5 + 2 * s,
           let f = yTicksValues.first, let l = yTicksValues.last { yTicksValues = [f, l] }
        let yMax = yTicksValues.last ?? max(1, maxTotal)
        let yLabels = yTicksValues.map { NumberFormat.number($0, lang) }
        let left = try YAxis.width(labels: yLabels, title: yTitle, theme: theme, measurer: measurer)
        let plot = ChartRect(minX: body.minX + left, minY: plotTop, maxX: body.maxX - 8 * s, maxY: plotBottom)
        let yScale = LinearScale(domain: (0, yMax), range: (plot.maxY, plot.minY))
        let y = try YAxis.marks(scale: yScale, ticks: yTicksValues, labels: yLabels, title: yTitle, plot: plot,
                                left: body.minX, theme: theme, measurer: measurer)
        marks.append(contentsOf: y.marks)

        // Columns: the year-only group (as wide as its caption needs), one column of gap, then
        // the months.
        let caption = PrecisionText.monthUnknown.text(lang)
        let n = data.months.count, ny = data.years.count
        let gapSlots = n > 0 && ny > 0 ? 1.0 : 0.0
        var band = plot.width / max(1, Double(n + ny) + gapSlots)
        var groupWidth = band * Double(ny)
        if ny > 0 {
            let need = (try measurer.width(caption, theme.tick)) + 16 * s
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
        var segments: [BarSegment] = []
        var yearSegments: [YearOnlySegment] = []
        // Totals go through the kit's rule for numbers: one without room beside its
        // neighbours is left out (the axis reads it), never written into them.
        var placer = LabelPlacer.forValues(bounds: ChartRect(minX: plot.minX - band, minY: body.minY, maxX: plot.maxX + band, maxY: plot.maxY),
                                           style: theme.value)
        for t in y.ticks { if let l = t.label { placer.reserve(l.box) } }

        /// One stacked bar: its segments' rectangles (bottom first) and its marks.
        func bar(_ counts: [Int], x0: Double, pale: Bool) -> [(EventKind, Int, ChartRect)] {
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
                    marks.append(contentsOf: Self.hatch(rect, color: color.withAlpha(150), spacing: 9 * s, thickness: 1.5 * s))
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
        func totalLabel(_ t: Int, x: Double) throws(RenderError) {
            guard t > 0 else { return }
            let label = try measurer.place(NumberFormat.number(t, lang), theme.value, x: x,
                                           y: yScale(Double(t)) - 4 * s, align: .center, valign: .bottom, role: .value)
            if placer.place([label.box]) != nil { marks.append(.text(label)) }
        }

        var yearPositions: [Double] = []
        for (i, year) in data.years.enumerated() {
            let cx = plot.minX + yearBand * (Double(i) + 0.5)
            yearPositions.append(cx)
            let x0 = (cx - barWidth / 2).rounded()
            for (kind, c, rect) in bar(data.yearOnly[i], x0: x0, pale: true) {
                yearSegments.append(YearOnlySegment(year: year, kind: kind, count: c, rect: rect))
            }
            try totalLabel(yearTotals[i], x: x0 + barWidth / 2)
        }
        if ny > 0 && n > 0 {
            // A dashed rule in the gap: the pale bars are not on the months' time axis.
            let gx = (plot.minX + groupWidth + band / 2).rounded()
            marks.append(.line([ChartPoint(x: gx, y: plot.minY), ChartPoint(x: gx, y: plot.maxY + 6 * s)],
                               stroke: theme.axis.withAlpha(150), thickness: 1 * s, dash: 5 * s))
        }
        // The highlighted month's column and the election rules go under the bars.
        var highlightRect: ChartRect?
        if let h = highlight, let i = data.months.firstIndex(of: h) {
            let r = ChartRect(x: monthsLeft + band * Double(i), y: plot.minY - valueHeight - 4 * s, width: band, height: plot.maxY - plot.minY + valueHeight + 4 * s)
            marks.append(.rect(r, fill: Self.highlightFill))
            highlightRect = r
        }
        var rules: [MonthlyElectionRule] = []
        var lastLabel: ChartRect?
        for e in shownElections {
            let el = dataset.elections[e]
            let m = el.date.month
            guard let i = data.months.firstIndex(of: m) else { continue }
            let days = Double(Day.daysIn(year: m.year, month: m.number))
            let x = (monthsLeft + band * (Double(i) + (Double(el.date.components.day) - 0.5) / days)).rounded()
            let top = body.minY + electionBand
            marks.append(.line([ChartPoint(x: x, y: top), ChartPoint(x: x, y: plot.maxY)], stroke: theme.ink.withAlpha(170), thickness: 1.5 * s, dash: 5 * s))
            let style = TextStyle(size: theme.label.size, bold: true, color: theme.ink)
            var label = try measurer.place(el.name, style, x: x + 4 * s, y: body.minY, role: .label)
            if label.box.maxX > body.maxX { label = try measurer.place(el.name, style, x: x - 4 * s, y: body.minY, align: .right, role: .label) }
            label = XAxis.shiftInside(label, lo: body.minX, hi: body.maxX)
            // Names that would run into each other: the later one is left to its rule.
            // A name that would run into the one before goes left of its rule; failing that, it is left out.
            func clear(_ l: TextMark) -> Bool { lastLabel.map { !$0.expanded(by: 6 * s).intersects(l.box) } ?? true }
            if !clear(label) {
                label = XAxis.shiftInside(try measurer.place(el.name, style, x: x - 4 * s, y: body.minY, align: .right, role: .label),
                                          lo: body.minX, hi: body.maxX)
            }
            let free = electionBand > 0 && clear(label)
            if free { marks.append(.text(label)); lastLabel = label.box }
            rules.append(MonthlyElectionRule(election: e, month: m, x: x, label: free ? label : nil))
        }
        for (i, month) in data.months.enumerated() {
            let x0 = (monthsLeft + band * Double(i) + (band - barWidth) / 2).rounded()
            for (kind, c, rect) in bar(data.counts[i], x0: x0, pale: false) {
                segments.append(BarSegment(month: month, kind: kind, count: c, rect: rect))
            }
            try totalLabel(totals[i], x: x0 + barWidth / 2)
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
            positions.append(monthsLeft + band * (Double(i) + 0.5))
            values.append(Double(m.index))
            let newYear = lastYear != m.year
            lastYear = m.year
            labels.append((stride >= 12 ? String(m.year) : DateText.shortMonthName(m.number, lang),
                           stride < 12 && newYear ? String(m.year) : nil))
        }
        if ny > 0 {
            // The years under their pale bars, and the caption on the line where the months' years go.
            let yx = try XAxis.marks(positions: yearPositions, values: data.years.map(Double.init),
                                     labels: data.years.map { (String($0), nil) }, title: nil, plot: plot, theme: theme, measurer: measurer,
                                     clearOfYLabels: true)
            marks.append(contentsOf: yx.marks)
            let lh = try measurer.lineHeight(theme.tick)
            let style = TextStyle(size: theme.tick.size, bold: true, color: theme.tick.color)
            // Clear of the months' first year label on the same line.
            var room = groupWidth + band * gapSlots * 0.8
            if let p = positions.first, let year = labels.first?.year {
                let yearLeft = p - (try measurer.width(year, style)) / 2
                room = min(room, 2 * (yearLeft - 14 * s - (plot.minX + groupWidth / 2)))
            }
            if let fitted = try measurer.fit(caption, style, maxWidth: room) {
                marks.append(.text(try measurer.place(fitted, style, x: plot.minX + groupWidth / 2, y: plot.maxY + 8 * s + lh,
                                                      align: .center, role: .tickLabel)))
            }
        }
        let x = try XAxis.marks(positions: positions, values: values, labels: labels, title: xTitle, plot: plot,
                                theme: theme, measurer: measurer, clearOfYLabels: true)
        marks.append(contentsOf: x.marks)
        marks.append(.line([ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)],
                           stroke: theme.axis, thickness: 1.5 * s, dash: nil))
        return MonthlyBarsPlan(chart: ctx.plan(marks), plot: plot, months: data.months, totals: totals, segments: segments,
                               years: data.years, yearTotals: yearTotals, yearSegments: yearSegments,
                               yTicks: y.ticks, xTicks: x.ticks, legend: frame.legend, elections: rules, highlight: highlightRect)
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
                if t >= 3, k < i - 1, totals[k] > t { return Strings.monthlyMostSince(name, n(t), count: t, since: DateText.month(data.months[k], lang)).text(lang) }
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
        return (ties > 1 ? Strings.monthlyPeakTied(scope: scope, month: tied[0], n(top), count: top, months: ties, second: tied.count > 1 ? tied[1] : nil)
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
                out.append(.line([ChartPoint(x: c + t0 * h, y: r.maxY - t0 * h), ChartPoint(x: c + t1 * h, y: r.maxY - t1 * h)],
                                 stroke: color, thickness: thickness, dash: nil))
            }
            c += spacing
        }
        return out
    }
}
