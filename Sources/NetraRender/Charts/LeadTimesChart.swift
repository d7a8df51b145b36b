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
    public var series: [LeadTimeSeries]
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
    }

    /// Lays out the panels (prevention, incident handling, reporting lags, each on an axis of
    /// its own, stacked), their rows, dots or bands and medians.
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
                                                                          bins: old.bins + x.bins, ranges: old.ranges + x.ranges, kind: old.kind)
            } else {
                rowsByMeasure[x.measure, default: []].append(x)
            }
        }
        // Panels in a fixed order, each holding its measures in order of appearance: days
        // before an election and days after an incident never share an axis.
        func panelOf(_ m: String) -> LeadTimePanelKind { LeadTimePanelKind.of(rowsByMeasure[m]?.first?.kind) }
        let panelKinds = LeadTimePanelKind.allCases.filter { k in measures.contains { panelOf($0) == k } }
        let panelMeasures = panelKinds.map { k in measures.filter { panelOf($0) == k } }
        let orderedMeasures = panelMeasures.flatMap { $0 }
        let allRows = orderedMeasures.flatMap { rowsByMeasure[$0] ?? [] }
        let total = allRows.reduce(0) { $0 + $1.count }
        let anyBand = allRows.contains { $0.count > Self.swarmLimit }
        func displayName(_ j: String) -> String {
            dataset.jurisdictionIndex[j].map { dataset.jurisdictions[$0].name } ?? j
        }
        func measureName(_ m: String) -> String { Strings.measureKey(m)?.text(lang) ?? m }
        // A stage takes its kind's colour (a jurisdiction's never): one meaning per colour.
        func color(_ m: String) -> RGBA { Self.stageColor(rowsByMeasure[m]?.first?.kind) }

        // Rows of dots draw an inexact value as its range when they know it, else as a hollow dot.
        let swarm = allRows.filter { $0.count <= Self.swarmLimit }
        let anyHollow = swarm.contains { !$0.hasRanges && $0.bins.contains { $0.inexact > 0 } }
        let anyRange = swarm.contains(where: \.hasRanges)
        let anyOpen = swarm.contains { $0.hasRanges && $0.ranges.contains { $0.low == nil || $0.high == nil } }
        let anyMedian = allRows.contains { $0.count >= LeadTimeSeries.medianMinimum }
        // The measures are named over their rows in their colour, so the legend keeps to the marks.
        var legend: [LegendItem] = []
        if anyRange { legend.append(LegendItem(label: PrecisionText.leadRange.text(lang), color: theme.muted, symbol: .range)) }
        if anyOpen { legend.append(LegendItem(label: PrecisionText.leadOpenEnd.text(lang), color: theme.muted, symbol: .openRange)) }
        if anyHollow { legend.append(LegendItem(label: StringKey.imprecise.text(lang), color: theme.muted, symbol: .ring)) }
        if anyMedian { legend.append(LegendItem(label: StringKey.median.text(lang), color: theme.ink, symbol: .medianBar)) }
        // Explain only the marks that are drawn: dots, ranges, bands.
        var notes = "\(NumberFormat.number(total, lang)) \(StringKey.leadTimes.text(lang))"
        if anyHollow { notes += " · " + StringKey.leadDotsNote.text(lang) }
        else if !swarm.isEmpty { notes += " · " + PrecisionText.leadMarksNote.text(lang) }
        if anyBand { notes += " · " + StringKey.leadBandsNote.text(lang) }
        // The old label leads the subtitle when there is room; the notes on the marks never give way to it.
        func subtitleFor(_ lead: String?) throws(RenderError) -> String {
            let withLabel = ([lead, StringKey.leadTitle.text(lang), notes].compactMap { $0 }).joined(separator: " · ")
            let lines = try measurer.wrap(withLabel, theme.subtitle, maxWidth: theme.width - 2 * theme.margin, maxLines: 2)
            return lines.last?.hasSuffix("…") == true ? ([lead, notes].compactMap { $0 }).joined(separator: " · ") : withLabel
        }
        var subtitle = try subtitleFor(nil)
        // The title says both figures when they fit on two lines; else the handling, and the
        // prevention figure leads the subtitle.
        let parts = headline.map { Self.headline($0, lang) } ?? Self.headline(allRows, lang)
        var title = StringKey.leadTitle.text(lang)
        switch (parts.prevention, parts.handling) {
        case let (p?, h?):
            title = p + "; " + h.lower
            let lines = try measurer.wrap(title, theme.title, maxWidth: theme.width - 2 * theme.margin, maxLines: 2)
            if lines.last?.hasSuffix("…") == true { title = h.upper; subtitle = try subtitleFor(p) }
        case let (p?, nil): title = p
        case let (nil, h?): title = h.upper
        case (nil, nil): break
        }
        let frame = try Frame.layout(FrameSpec(
            title: title, subtitle: subtitle,
            footer: ChartText.sourceFooter(dataset, lang, events: events), legend: legend,
            filter: ChartText.filterNote(dataset, lang)), theme: theme, measurer: measurer)
        var marks = frame.marks
        let body = frame.body
        guard total > 0 else {
            marks.append(try ctx.emptyNote(in: body))
            return LeadTimesPlan(chart: ctx.plan(marks), plot: body, scale: LinearScale(domain: (0, 1), range: (body.minX, body.maxX)),
                                 rows: [], hiddenRows: 0, xTicks: [], legend: frame.legend, panels: [])
        }

        // Columns, shared by every panel so their plots line up: names left, "median · n" right.
        var nameW = 0.0
        for r in allRows { nameW = max(nameW, try measurer.width(displayName(r.jurisdiction), theme.legend)) }
        nameW = min(nameW, theme.width * 0.22)
        var rightW = 0.0
        // The median only from `medianMinimum` values on; n always.
        func rightText(_ r: LeadTimeSeries) -> String {
            // A row that knows its values says its median as a reader is told it (`≥` over a lower bound).
            if let t = r.typical {
                return PrecisionText.leadRowFigure(median: t.median.map { (t.atLeast ? "≥ " : "") + NumberFormat.median($0, lang) },
                                                   n: NumberFormat.number(t.n, lang)).text(lang)
            }
            return PrecisionText.leadRowFigure(median: r.count >= LeadTimeSeries.medianMinimum ? NumberFormat.number(r.median, lang) : nil,
                                               n: NumberFormat.number(r.count, lang)).text(lang)
        }
        for r in allRows { rightW = max(rightW, try measurer.width(rightText(r), theme.note)) }
        // On a portrait or narrow canvas each row is a line of words (measure, name, figure)
        // over a strip of dots as wide as the chart, rather than three columns that cut both.
        let stacked = ctx.options.isPortrait || rightW > body.width * 0.24
        let plotX0 = stacked ? body.minX + 10 * s : body.minX + nameW + 20 * s
        let plotX1 = stacked ? body.maxX - 10 * s : body.maxX - rightW - 20 * s

        // Heights: each panel a header and an axis, each measure of a panel of several its
        // own line, rows sharing the rest. When the rows do not all fit, every measure keeps
        // some (its largest), and a note under them counts the rest.
        let headerLH = try measurer.lineHeight(theme.axisTitle)
        var headerLines: [[String]] = []
        for k in panelKinds { headerLines.append(try measurer.wrap(k.title.text(lang), theme.axisTitle, maxWidth: body.width, maxLines: 2)) }
        let headerH = headerLH + 8 * s
        let measureStyle = TextStyle(size: theme.legend.size, bold: true, color: theme.ink)
        let subH = (try measurer.lineHeight(measureStyle)) + 4 * s
        let axisH = 8 * s + (try measurer.lineHeight(theme.tick)) + 6 * s
        let panelGap = 12 * s
        let noteH = (try measurer.lineHeight(theme.note)) + 6 * s
        let nameLH = try measurer.lineHeight(theme.legend)
        let strip = 2 * Self.dotRadius(s) + 8 * s
        let minRow = stacked ? nameLH + strip : nameLH + 8 * s
        // Stacked rows name their measure in their own line; side by side, a line over them does.
        func multi(_ m: String) -> Bool { !stacked && (panelMeasures.first { $0.contains(m) }?.count ?? 1) > 1 }
        let fixed = Double(panelKinds.count) * (headerH + axisH) + Double(max(0, panelKinds.count - 1)) * panelGap
            + Double(headerLines.reduce(0) { $0 + max(0, $1.count - 1) }) * headerLH
        let subs = Double(orderedMeasures.filter(multi).count) * subH
        var rowH = min((stacked ? nameLH : 0) + 72 * s, (body.height - fixed - subs) / Double(max(1, allRows.count)))
        var shown = allRows
        if rowH < minRow {
            rowH = minRow
            var take = [Int](repeating: 0, count: orderedMeasures.count)
            var used = fixed + noteH
            var grew = true
            while grew {
                grew = false
                for (mi, m) in orderedMeasures.enumerated() where take[mi] < (rowsByMeasure[m]?.count ?? 0) {
                    let need = rowH + (take[mi] == 0 && multi(m) ? subH : 0)
                    if used + need > body.height { continue }
                    used += need; take[mi] += 1; grew = true
                }
            }
            shown = []
            for (mi, m) in orderedMeasures.enumerated() {
                let rows = rowsByMeasure[m] ?? []
                let keep = Set(rows.indices.sorted { (rows[$0].count, -$0) > (rows[$1].count, -$1) }.prefix(take[mi]))
                shown += rows.indices.filter { keep.contains($0) }.map { rows[$0] }
            }
        }

        var rows: [LeadTimeRow] = []
        var panels: [LeadTimePanel] = []
        var under = frame.marks.count
        var y = body.minY
        for (pi, kind) in panelKinds.enumerated() {
            let inPanel = shown.filter { panelOf($0.measure) == kind }
            guard !inPanel.isEmpty else { continue }
            let panelTitle = kind.title.text(lang)
            for t in headerLines[pi] {
                marks.append(.text(try measurer.place(t, theme.axisTitle, x: body.minX, y: y + 2 * s, role: .header)))
                y += headerLH
            }
            y += headerH - headerLH
            // The panel's rows first, so that its plot's height is known.
            var placed: [(row: LeadTimeSeries, rect: ChartRect)] = []
            var heads: [(String, Double)] = []
            let top = y
            for m in panelMeasures[pi] {
                let mine = inPanel.filter { $0.measure == m }
                guard !mine.isEmpty else { continue }
                if multi(m) { heads.append((m, y)); y += subH }
                for r in mine { placed.append((r, ChartRect(x: body.minX, y: y, width: body.width, height: rowH))); y += rowH }
            }
            let plot = ChartRect(minX: plotX0, minY: top, maxX: plotX1, maxY: y)
            // The panel's own axis: its values and their ranges' bounds, zero always included.
            let bounds = inPanel.filter { $0.count <= Self.swarmLimit }.flatMap { $0.ranges.flatMap { [$0.low, $0.high].compactMap { $0 } } }
            let lo = Double(min(0, (inPanel.compactMap { $0.bins.first?.day } + bounds).min() ?? 0))
            let hi = Double(max(0, (inPanel.compactMap { $0.bins.last?.day } + bounds).max() ?? 0))
            let ticks = try Self.ticks(lo, max(hi, lo + 1), length: plot.width, lang: lang, theme: theme, measurer: measurer)
            let scale = LinearScale(domain: (ticks.first ?? lo, ticks.last ?? hi), range: (plot.minX, plot.maxX))
            var grid: [Mark] = []
            for (k, p) in placed.enumerated() where k % 2 == 0 {
                grid.append(.rect(ChartRect(minX: plot.minX, minY: p.rect.minY, maxX: plot.maxX, maxY: p.rect.maxY), fill: theme.band))
            }
            for t in ticks {
                let x = scale(t)
                grid.append(.line([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)],
                                  stroke: t == 0 ? theme.axis : theme.grid, thickness: (t == 0 ? 2 : 1) * s, dash: nil))
            }
            marks.insert(contentsOf: grid, at: under)
            under += grid.count
            for (m, hy) in heads {
                let style = TextStyle(size: measureStyle.size, bold: true, color: color(m).shaded(0.25))
                if let t = try measurer.fit(measureName(m), style, maxWidth: body.width - 8 * s) {
                    marks.append(.text(try measurer.place(t, style, x: body.minX + 8 * s, y: hy + 2 * s, role: .label)))
                }
            }
            let x = try XAxis.marks(positions: ticks.map { scale($0) }, values: ticks,
                                    labels: ticks.map { (NumberFormat.number($0, lang), nil) }, title: nil,
                                    plot: plot, theme: theme, measurer: measurer)
            marks.append(contentsOf: x.marks)
            for p in placed {
                // Stacked, a panel of several measures names each row's step (`Tanggapan · Kota Bekasi`).
                var name = displayName(p.row.jurisdiction)
                if stacked && panelMeasures[pi].count > 1 {
                    name = (p.row.kind?.reachedKind.map { Strings.kind($0).text(lang) } ?? measureName(p.row.measure)) + " · " + name
                }
                let drawn = try drawRow(p.row, rect: p.rect, plot: plot, scale: scale, color: color(p.row.measure), ctx: ctx,
                                        name: name, figure: rightText(p.row),
                                        nameW: nameW, stacked: stacked, marks: &marks)
                var row = drawn
                row.panel = panels.count
                rows.append(row)
            }
            panels.append(LeadTimePanel(kind: kind, title: panelTitle, plot: plot, scale: scale, xTicks: x.ticks))
            y += axisH + panelGap
        }
        if shown.count < allRows.count {
            let more = "+\(NumberFormat.number(allRows.count - shown.count, lang)) \(StringKey.rowsHidden.text(lang))"
            marks.append(.text(try measurer.place(more, theme.note, x: body.minX + 8 * s, y: y - panelGap, role: .note)))
        }
        let firstPanel = panels.first
        return LeadTimesPlan(chart: ctx.plan(marks), plot: firstPanel?.plot ?? body,
                             scale: firstPanel?.scale ?? LinearScale(domain: (0, 1), range: (body.minX, body.maxX)),
                             rows: rows, hiddenRows: allRows.count - shown.count, xTicks: firstPanel?.xTicks ?? [],
                             legend: frame.legend, panels: panels)
    }

    /// Round ticks over `lo…hi`, as many as keep their labels apart over `length` pixels.
    static func ticks(_ lo: Double, _ hi: Double, length: Double, lang: Language, theme: Theme,
                      measurer: TextMeasurer) throws(RenderError) -> [Double] {
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

    /// One row: its name, its dots, ranges or band, its median and its figure.
    func drawRow(_ row: LeadTimeSeries, rect: ChartRect, plot: ChartRect, scale: LinearScale, color: RGBA, ctx: ChartContext,
                 name: String, figure: String, nameW: Double, stacked: Bool,
                 marks: inout [Mark]) throws(RenderError) -> LeadTimeRow {
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let nameLH = try measurer.lineHeight(theme.legend)
        // The marks' strip: the whole row, or (stacked) what the line of words leaves.
        let stripRect = stacked ? ChartRect(minX: rect.minX, minY: rect.minY + nameLH, maxX: rect.maxX, maxY: rect.maxY) : rect
        if stacked {
            let line = try measurer.place(name, theme.legend, x: plot.minX + 6 * s, y: rect.minY + 1 * s, role: .label)
            marks.append(.text(line))
            let room = rect.maxX - line.box.maxX - 8 * s - (try measurer.width(" · ", theme.legend))
            if let fitted = try measurer.fit(figure, theme.note, maxWidth: room) {
                marks.append(.text(try measurer.place("· " + fitted, theme.note, x: line.box.maxX + (try measurer.width(" ", theme.legend)),
                                                      y: line.box.midY, valign: .middle, role: .value)))
            }
        } else if let fitted = try measurer.fit(name, theme.legend, maxWidth: nameW) {
            marks.append(.text(try measurer.place(fitted, theme.legend, x: rect.minX + 8 * s, y: rect.midY, valign: .middle, role: .label)))
        }
        let fullRect = rect, rect = stripRect
        var dots: [ChartPoint] = []
        var band: [ChartRect] = []
        var ranges: [LeadTimeRangeMark] = []
        var bubbles: [(center: ChartPoint, radius: Double, count: Int)] = []
        let r = Self.dotRadius(s)
        if row.count <= Self.swarmLimit {
            // With ranges known, inexact values are drawn as ranges, not dots.
            let drawRanges = row.hasRanges
            // Beeswarm: each dot takes the free slot nearest the row's centre line; a day with
            // more values than the row has slots is one bubble whose area is its count.
            let step = 2 * r * 0.95
            let maxSlots = max(0, Int((rect.height / 2 - r) / step))
            var exactness: [Bool] = []
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
            if drawRanges {
                // Each range takes the slot nearest the centre line where it meets no dot and no
                // other range; failing that, one where it only passes under a dot (drawn over it).
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
                    marks.append(contentsOf: RangeMarks.marks(x0: x0, x1: max(x0, x1), y: y, color: color,
                                                              openLow: v.low == nil, openHigh: v.high == nil, s: s))
                }
            }
            for (p, exact) in zip(dots, exactness) {
                marks.append(exact
                    ? .circle(center: p, radius: r, fill: color.withAlpha(230), stroke: color.shaded(0.4), thickness: 1.2 * s)
                    : .circle(center: p, radius: r - 1 * s, fill: .white, stroke: color, thickness: 2.5 * s))
            }
            for b in bubbles {
                marks.append(.circle(center: b.center, radius: b.radius, fill: color.withAlpha(150), stroke: color.shaded(0.4), thickness: 1.2 * s))
            }
            // Counts on the bubbles, the largest first; one that would touch another is left
            // out (its bubble's size still says it).
            // Inside the row's strip: a count taller than it would stand on the next row's words.
            var counted = LabelPlacer.forValues(bounds: ChartRect(minX: plot.minX - 2 * theme.note.size, minY: rect.minY + 1 * s,
                                                                  maxX: plot.maxX + 2 * theme.note.size, maxY: fullRect.maxY + 1),
                                                style: theme.note)
            for b in bubbles.sorted(by: { ($0.count, -$0.center.x) > ($1.count, -$1.center.x) }) {
                let label = try measurer.place(NumberFormat.number(b.count, ctx.lang), theme.note, x: b.center.x, y: b.center.y,
                                               align: .center, valign: .middle, role: .value)
                guard label.box.width < 2 * b.radius, counted.place([label.box]) != nil else { continue }
                marks.append(.text(label))
            }
        } else {
            // Too many to swarm: a band of counts per column, drawn the same for 201 values or millions.
            let parts = Self.band(row, rect: rect, plot: plot, scale: scale, s: s)
            band = parts.columns
            for c in parts.pale { marks.append(.rect(c, fill: color.withAlpha(80))) }
            for c in parts.solid { marks.append(.rect(c, fill: color.withAlpha(235))) }
        }
        let med = row.typical?.median?.value ?? row.median
        let mx = scale(med)
        // A median of one or two values says nothing a reader should act on: not drawn.
        let medianDrawn = row.count >= LeadTimeSeries.medianMinimum
        if medianDrawn {
            marks.append(.line([ChartPoint(x: mx, y: rect.minY + 3 * s), ChartPoint(x: mx, y: rect.maxY - 3 * s)], stroke: theme.ink, thickness: 4 * s, dash: nil))
        }
        if !stacked {
            marks.append(.text(try measurer.place(figure, theme.note, x: plot.maxX + 14 * s, y: rect.midY, valign: .middle, role: .value)))
        }
        return LeadTimeRow(measure: row.measure, jurisdiction: row.jurisdiction, rect: fullRect, count: row.count, median: med,
                           medianX: mx, medianDrawn: medianDrawn, ranges: ranges, dots: dots, band: band, panel: 0,
                           bubbles: bubbles.map { LeadTimeBubble(center: $0.center, radius: $0.radius, count: $0.count) })
    }

    /// A dot's radius: fixed for the chart's scale, never from a label's width; a bubble of
    /// n values has √n times its radius (its area is n dots').
    static func dotRadius(_ s: Double) -> Double { 7 * s }

    /// The title from the analysis' figures: prevention's typical lead (a median from three
    /// values, `≥` when a lower bound; else the values) and how many incidents have a recorded
    /// follow-up at all — never a span that rows without an end or incidents without a step belie.
    static func headline(_ h: LeadTimeHeadline, _ lang: Language) -> (prevention: String?, handling: (upper: String, lower: String)?) {
        let prevention: String? = h.prevention.isEmpty ? nil : {
            let days = NumberFormat.typical(h.prevention, lang)
            let phrase = Strings.days(days, count: h.prevention.n == 1 && h.prevention.values.first?.days == 1 ? 1 : 2)
            return (h.prevention.median != nil ? Strings.leadPreventionMedian(phrase) : Strings.leadPreventionSpan(phrase)).text(lang)
        }()
        let handling: (upper: String, lower: String)? = h.incidents == 0 ? nil
            : (Strings.leadHandlingFollowed(h.followedUp, of: h.incidents, capitalised: true).text(lang),
               Strings.leadHandlingFollowed(h.followedUp, of: h.incidents, capitalised: false).text(lang))
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
            (p.count >= LeadTimeSeries.medianMinimum ? Strings.leadPreventionMedian(days(p.median))
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
