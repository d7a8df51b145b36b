import NetraCore
import NetraAnalytics

/// One line of the cases chart.
public struct CaseSeries: Sendable, Hashable {
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: JurisdictionIndex
    /// The unit the numbers count (`ASN`, `kasus`, `pernyataan`; empty when the rows give none).
    public var unit: String
    /// The tallies' status (`nil` for signatories or tallies without one).
    public var status: CaseStatus?
    /// True for a running sum of pledge signatories, false for a tally series.
    public var signatories: Bool
    /// Index into `CasesPlan.panels`.
    public var panel: Int
    /// Dates and values: the standing snapshot per day for tallies (`nil`: that tally has no
    /// count), running sums for signatories.
    public var values: [(day: Day, value: Int?)]
    /// Marker centres, one per value with a count (after merging values on one pixel column).
    public var points: [ChartPoint]
    /// The line colour (one per jurisdiction).
    public var color: RGBA
    /// The label at the line's end.
    public var label: TextMark?

    public static func == (a: CaseSeries, b: CaseSeries) -> Bool {
        a.jurisdiction == b.jurisdiction && a.unit == b.unit && a.status == b.status && a.signatories == b.signatories
            && a.panel == b.panel && a.values.map(\.day) == b.values.map(\.day) && a.values.map(\.value) == b.values.map(\.value)
            && a.points == b.points && a.color == b.color && a.label == b.label
    }

    public func hash(into h: inout Hasher) {
        h.combine(jurisdiction); h.combine(unit); h.combine(status); h.combine(signatories); h.combine(panel); h.combine(points)
    }
}

/// A panel of the cases chart: one unit, so numbers of different things never share an axis.
public struct CasesPanel: Sendable, Hashable {
    /// What every line of the panel counts.
    public var unit: String
    /// True for a panel of pledge signatories.
    public var signatories: Bool
    /// The plot area.
    public var rect: ChartRect
    /// Series of this unit left out for want of room (said in the panel's header).
    public var hiddenSeries: Int
}

/// The laid-out cases and signatories chart.
public struct CasesPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The panels, top to bottom: tallies unit by unit, then signatories.
    public var panels: [CasesPanel]
    /// Days to x, shared by every panel.
    public var scale: TimeScale
    /// Lines drawn, panel by panel.
    public var series: [CaseSeries]
    /// Series left out to keep the chart legible, over all panels (each counted on the chart).
    public var hiddenSeries: Int
    /// Date ticks under the lowest panel.
    public var xTicks: [AxisTick]
    /// Legend entries.
    public var legend: [LegendEntry]
}

/// Case tallies as steps over time, one panel per unit, and cumulative pledge signatories.
/// It draws the analysis' series as given: nothing is counted here.
public struct CasesChart: Chart {
    /// The series drawn.
    public var tallies: TallySeries
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset

    /// The chart of `tallies`; `dataset` names the jurisdictions and the footer's source.
    public init(_ tallies: TallySeries, dataset: Dataset) {
        self.tallies = tallies; self.dataset = dataset
    }

    /// The chart of `dataset`'s tallies and pledges, gathered here first.
    public init(_ dataset: Dataset) {
        self.init(TallySeries(dataset), dataset: dataset)
    }

    /// A line before layout.
    struct Line {
        var jurisdiction: JurisdictionIndex
        var status: CaseStatus?
        var values: [(day: Day, value: Int?)]
        /// The figure that stands at the end (`nil`: unknown).
        var last: Int? { values.last?.value ?? nil }
    }

    /// A panel before layout: its unit and every line of it.
    struct Group {
        var unit: String
        var signatories: Bool
        var lines: [Line]
        var shown: Int
    }

    /// Panels from the series, the newest figure first (a chart that cannot hold them all
    /// keeps what is latest: a briefing reader asks where things stand now); on the same day,
    /// tally units in byte order, then signatory units. Lines by jurisdiction (level, name),
    /// then status.
    func groups() -> [Group] {
        func rank(_ j: JurisdictionIndex) -> (Int, String, Int) {
            let x = dataset.jurisdictions[j]
            return (TimelineChart.levelRank(x.level), x.name, j.raw)
        }
        func precedes(_ a: Line, _ b: Line) -> Bool {
            let ra = rank(a.jurisdiction), rb = rank(b.jurisdiction)
            return (ra.0, ra.1, ra.2, a.status.map { $0.order } ?? 9) < (rb.0, rb.1, rb.2, b.status.map { $0.order } ?? 9)
        }
        func unitOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        let jCount = dataset.jurisdictions.count
        var out: [Group] = []
        var byUnit: [String: [Line]] = [:]
        for s in tallies.series where s.key.jurisdiction.raw < jCount {
            byUnit[s.key.unit, default: []].append(Line(jurisdiction: s.key.jurisdiction, status: s.key.status, values: s.steps))
        }
        for u in byUnit.keys.sorted(by: unitOrder) {
            let lines = (byUnit[u] ?? []).sorted(by: precedes)
            out.append(Group(unit: u, signatories: false, lines: lines, shown: lines.count))
        }
        var signed: [String: [Line]] = [:]
        for s in tallies.signatories where s.jurisdiction.raw < jCount {
            signed[s.unit, default: []].append(Line(jurisdiction: s.jurisdiction, status: nil, values: s.values.map { ($0.day, $0.value) }))
        }
        for u in signed.keys.sorted(by: unitOrder) {
            let lines = (signed[u] ?? []).sorted(by: precedes)
            out.append(Group(unit: u, signatories: true, lines: lines, shown: lines.count))
        }
        func newest(_ g: Group) -> Int { g.lines.lazy.compactMap { $0.values.last?.day.ordinal }.max() ?? .min }
        return out.enumerated().sorted { (newest($0.element), -$0.offset) > (newest($1.element), -$1.offset) }.map(\.element)
    }

    /// Lays out the panels, their lines and end labels.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> CasesPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        var groups = groups()
        // Within a panel that cannot label every line, the largest figures are kept.
        for g in groups.indices {
            groups[g].lines = groups[g].lines.enumerated()
                .sorted { ($0.element.last ?? -1, -$0.offset) > ($1.element.last ?? -1, -$1.offset) }
                .map(\.element)
        }
        let lh = try measurer.lineHeight(theme.label)
        let gap = 3 * s
        let headerH = (try measurer.lineHeight(theme.axisTitle)) + 6 * s
        let between = 16 * s
        let minPlot = 44 * s
        // A panel's plot must hold its stack of end labels, which may hang below its foot a
        // little (not above: the header above may run across the label column).
        let overhang = min(lh / 2, 12 * s)
        func need(_ k: Int) -> Double { max(minPlot, Double(k) * (lh + gap) - gap - overhang) }
        let axisH = try XAxis.height(title: StringKey.dateAxis.text(lang), theme: theme, measurer: measurer)

        // Frame, then room: lines are hidden (the smallest first, from the fullest panel) only
        // when the panels cannot all be tall enough; the frame is laid out again for what is left.
        var frame = try self.frame(groups, ctx)
        var shownPanels = groups.count
        for _ in 0..<3 {
            let body = frame.body
            func avail(_ n: Int) -> Double { body.height - axisH - Double(n) * headerH - Double(max(0, n - 1)) * between }
            while shownPanels > 1 && avail(shownPanels) < Double(shownPanels) * minPlot { shownPanels -= 1 }
            for g in shownPanels..<groups.count { groups[g].shown = 0 }
            while (0..<shownPanels).reduce(0.0, { $0 + need(groups[$1].shown) }) > avail(shownPanels) {
                guard let fullest = (0..<shownPanels).max(by: { (groups[$0].shown, -$0) < (groups[$1].shown, -$1) }),
                      groups[fullest].shown > 1 else { break }
                groups[fullest].shown -= 1
            }
            // The frame names what is left (legend, subtitle): laid out again, and the room with it.
            let again = try self.frame(groups, ctx)
            let settled = again.body == frame.body
            frame = again
            if settled { break }
        }
        var marks = frame.marks
        let body = frame.body
        let hidden = groups.reduce(0) { $0 + $1.lines.count - $1.shown }
        let drawn = groups.enumerated().filter { $0.offset < shownPanels && $0.element.shown > 0 }.map(\.element)

        let allDays = drawn.flatMap { $0.lines.prefix($0.shown).flatMap { $0.values.map(\.day) } }
        guard let first = allDays.min(), let last = allDays.max() else {
            marks.append(try ctx.emptyNote(in: body))
            return CasesPlan(chart: ctx.plan(marks), panels: [], scale: TimeScale(from: Day(ordinal: 0), to: Day(ordinal: 1), range: (body.minX, body.maxX)),
                             series: [], hiddenSeries: hidden, xTicks: [], legend: frame.legend)
        }
        let pad = max(7, (last.ordinal - first.ordinal) / 25)
        let from = first.adding(days: -pad), to = last.adding(days: pad * 2)

        // End labels need a right margin: measure them first.
        // A label without its name (the line's colour and the legend give it) when the
        // full one does not fit; the unit is in the panel's header.
        func endText(_ g: Group, _ l: Line, short: Bool = false) -> String {
            let name = dataset.jurisdictions[l.jurisdiction].name
            let value = l.last.map { NumberFormat.number($0, lang) } ?? "—"
            let unit = short || g.unit.isEmpty ? "" : " \(Strings.unit(g.unit, lang))"
            let status = Self.statusWords(l.status, unit: g.unit, lang)
            let figure = value + unit + (g.signatories || status == nil ? "" : " · " + (status ?? ""))
            return short ? figure : "\(name): \(figure)"
        }
        let endStyle = TextStyle(size: theme.label.size, bold: true, color: theme.ink)
        var labelW = 0.0
        for g in drawn { for l in g.lines.prefix(g.shown) { labelW = max(labelW, try measurer.width(endText(g, l), endStyle)) } }
        labelW = min(labelW, theme.width * 0.34)

        // Every panel shares the left gutter, so measure every axis' labels first. The panel's
        // header names the unit, so the axes need no title of their own.
        let n = drawn.count
        let avail = body.height - axisH - Double(n) * headerH - Double(max(0, n - 1)) * between
        let needs = drawn.map { need($0.shown) }
        // Room left over goes to the panels by how many lines they hold: a panel of three
        // figures far apart needs more height than a panel of one.
        let lines = drawn.reduce(0) { $0 + $1.shown }
        let extra = max(0, avail - needs.reduce(0, +))
        let heights = zip(needs, drawn).map { ($0 + extra * Double($1.shown) / Double(max(1, lines))).rounded(.down) }
        let tickH = try measurer.lineHeight(theme.tick)
        let yTicks = zip(drawn, heights).map { g, h in
            let top = g.lines.prefix(g.shown).compactMap { $0.values.compactMap(\.value).max() }.max() ?? 0
            let ticks = NiceTicks.niceTicks(0, Double(max(1, top)), count: max(2, min(5, Int(h / (50 * s)))), integer: true)
            // A short panel keeps only its ends, so that tick labels never touch.
            guard ticks.count > 2, h / Double(ticks.count - 1) < tickH + 4 * s, let f = ticks.first, let l = ticks.last else { return ticks }
            return [f, l]
        }
        let yLabels = yTicks.map { $0.map { NumberFormat.number($0, lang) } }
        var left = 0.0
        for l in yLabels { left = max(left, try YAxis.width(labels: l, title: nil, theme: theme, measurer: measurer)) }
        let plotX0 = body.minX + left, plotX1 = body.maxX - labelW - 18 * s
        var rects: [ChartRect] = []
        var y = body.minY
        for h in heights {
            rects.append(ChartRect(minX: plotX0, minY: y + headerH, maxX: plotX1, maxY: y + headerH + h))
            y += headerH + h + between
        }
        let scale = TimeScale(from: from, to: to, range: (plotX0, plotX1))
        let ticks = TimeTicks(from: from, to: to, maxCount: max(2, Int((plotX1 - plotX0) / (90 * s))))

        // One colour per jurisdiction, the same in every panel.
        var jurisdictionOrder: [JurisdictionIndex] = []
        for g in drawn { for l in g.lines.prefix(g.shown) where !jurisdictionOrder.contains(l.jurisdiction) { jurisdictionOrder.append(l.jurisdiction) } }
        jurisdictionOrder.sort { Self.rank(dataset, $0) < Self.rank(dataset, $1) }
        func color(_ j: JurisdictionIndex) -> RGBA { SeriesPalette.color(jurisdictionOrder.firstIndex(of: j) ?? 0) }

        var series: [CaseSeries] = []
        var panels: [CasesPanel] = []
        for (p, g) in drawn.enumerated() {
            let plot = rects[p]
            let yScale = LinearScale(domain: (0, yTicks[p].last ?? 1), range: (plot.maxY, plot.minY))
            let unitName = g.unit.isEmpty ? Strings.noUnit.text(lang) : Strings.unit(g.unit, lang)
            var header = (g.signatories ? Strings.signatoryPanel(unit: unitName) : Strings.tallyPanel(unit: unitName)).text(lang)
            if g.lines.count > g.shown { header += " · " + Strings.seriesNotShown(g.lines.count - g.shown).text(lang) }
            if let t = try measurer.fit(header, theme.axisTitle, maxWidth: body.maxX - plot.minX) {
                marks.append(.text(try measurer.place(t, theme.axisTitle, x: plot.minX, y: plot.minY - headerH, role: .header)))
            }
            for d in ticks.days {
                marks.append(.line([ChartPoint(x: scale(d), y: plot.minY), ChartPoint(x: scale(d), y: plot.maxY)], stroke: theme.grid, thickness: 1 * s, dash: nil))
            }
            let axis = try YAxis.marks(scale: yScale, ticks: yTicks[p], labels: yLabels[p], title: nil, plot: plot,
                                       left: body.minX, theme: theme, measurer: measurer)
            marks.append(contentsOf: axis.marks)
            panels.append(CasesPanel(unit: g.unit, signatories: g.signatories, rect: plot, hiddenSeries: g.lines.count - g.shown))

            // Drawn in a fixed order (jurisdiction, status) whatever was kept.
            let kept = g.lines.prefix(g.shown).sorted { a, b in
                let ra = Self.rank(dataset, a.jurisdiction), rb = Self.rank(dataset, b.jurisdiction)
                return (ra.0, ra.1, ra.2, a.status.map { $0.order } ?? 9) < (rb.0, rb.1, rb.2, b.status.map { $0.order } ?? 9)
            }
            var ends: [(series: Int, y: Double, text: String, short: String, color: RGBA)] = []
            for l in kept {
                // Values on one pixel column collapse to the last, so cost follows the width.
                var steps: [(x: Double, day: Day, value: Int?)] = []
                for v in l.values {
                    let x = scale.x(ordinal: Double(v.day.ordinal) + 0.5)
                    if let lp = steps.last, (lp.x - x).magnitude < 1 { steps[steps.count - 1] = (x, v.day, v.value) } else { steps.append((x, v.day, v.value)) }
                }
                let c = color(l.jurisdiction)
                // Steps: each figure holds until the next; an uncounted tally ends the line there
                // (its figure is unknown, not the one before it).
                var pts: [ChartPoint] = []
                var line: [ChartPoint] = g.signatories ? [ChartPoint(x: plot.minX, y: yScale(0))] : []
                for st in steps {
                    guard let v = st.value else {
                        if let lp = line.last { line.append(ChartPoint(x: st.x, y: lp.y)) }
                        if line.count > 1 { marks.append(.line(line, stroke: c, thickness: 3 * s, dash: nil)) }
                        line = []
                        continue
                    }
                    let pt = ChartPoint(x: st.x, y: yScale(Double(v)))
                    if let lp = line.last { line.append(ChartPoint(x: pt.x, y: lp.y)) }
                    line.append(pt)
                    pts.append(pt)
                }
                if let lp = line.last { line.append(ChartPoint(x: plot.maxX, y: lp.y)) }
                if line.count > 1 { marks.append(.line(line, stroke: c, thickness: 3 * s, dash: nil)) }
                if pts.count <= 40 { for pt in pts { marks.append(contentsOf: Self.marker(g.signatories ? .alleged : l.status, pt, 7 * s, c, s)) } }
                ends.append((series.count, pts.last?.y ?? plot.maxY, endText(g, l), endText(g, l, short: true), c))
                series.append(CaseSeries(jurisdiction: l.jurisdiction, unit: g.unit, status: l.status, signatories: g.signatories, panel: p,
                                         values: steps.map { ($0.day, $0.value) }, points: pts, color: c, label: nil))
            }
            // End labels: stacked in the order of their lines' ends, pushed apart downward and
            // then back up from the panel's foot (the panel was made tall enough for them all).
            let minTop = plot.minY, maxBottom = plot.maxY + min(lh / 2, 12 * s)
            let order = ends.sorted { ($0.y, $0.series) < ($1.y, $1.series) }
            var tops = order.map { $0.y - lh / 2 }
            for i in tops.indices {
                tops[i] = max(tops[i], minTop)
                if i > 0 { tops[i] = max(tops[i], tops[i - 1] + lh + gap) }
            }
            for i in tops.indices.reversed() {
                tops[i] = min(tops[i], maxBottom - lh)
                if i < tops.count - 1 { tops[i] = min(tops[i], tops[i + 1] - lh - gap) }
            }
            for (i, e) in order.enumerated() {
                let style = TextStyle(size: theme.label.size, bold: true, color: e.color.shaded(0.2))
                let text: String
                if try measurer.width(e.text, style) <= labelW { text = e.text }
                else if let short = try measurer.fit(e.short, style, maxWidth: labelW) { text = short }
                else { continue }
                let mark = try measurer.place(text, style, x: plot.maxX + 14 * s, y: tops[i], role: .label)
                if abs(mark.box.midY - e.y) > 2 * s {
                    marks.append(.line([ChartPoint(x: plot.maxX, y: e.y), ChartPoint(x: plot.maxX + 11 * s, y: mark.box.midY)], stroke: e.color, thickness: 1.5 * s, dash: nil))
                }
                marks.append(.text(mark))
                series[e.series].label = mark
            }
        }
        let bottom = rects.last ?? body
        let x = try XAxis.marks(positions: ticks.days.map { scale($0) }, values: ticks.days.map { Double($0.ordinal) },
                                labels: ticks.labels(lang), title: StringKey.dateAxis.text(lang), plot: bottom, theme: theme, measurer: measurer)
        marks.append(contentsOf: x.marks)
        return CasesPlan(chart: ctx.plan(marks), panels: panels, scale: scale, series: series, hiddenSeries: hidden,
                         xTicks: x.ticks, legend: frame.legend)
    }

    static func rank(_ d: Dataset, _ j: JurisdictionIndex) -> (Int, String, Int) {
        let x = d.jurisdictions[j]
        return (TimelineChart.levelRank(x.level), x.name, j.raw)
    }

    /// Title, subtitle (with how many series are not shown), the legend of what is drawn, footer.
    func frame(_ groups: [Group], _ ctx: ChartContext) throws(RenderError) -> FrameLayout {
        let lang = ctx.lang, theme = ctx.theme
        var js: [JurisdictionIndex] = []
        var statuses: [CaseStatus?] = []
        var hidden = 0
        for g in groups {
            hidden += g.lines.count - g.shown
            for l in g.lines.prefix(g.shown) {
                if !js.contains(l.jurisdiction) { js.append(l.jurisdiction) }
                if !g.signatories && !statuses.contains(where: { $0 == l.status }) { statuses.append(l.status) }
            }
        }
        js.sort { Self.rank(dataset, $0) < Self.rank(dataset, $1) }
        var legend = js.enumerated().map { LegendItem(label: dataset.jurisdictions[$0.element].name, color: SeriesPalette.color($0.offset), symbol: .line) }
        for st in CaseStatus.allCases.map(Optional.some) + [nil] where statuses.contains(where: { $0 == st }) {
            legend.append(LegendItem(label: Strings.status(st).text(lang), color: theme.muted, symbol: Self.symbol(st)))
        }
        // What is not shown comes first, so that a subtitle cut short never loses it.
        var subtitle = Strings.tallySubtitle.text(lang)
        if hidden > 0 { subtitle = Strings.seriesNotShown(hidden).text(lang) + " · " + subtitle }
        // The old label leads the subtitle; the title says the latest figure drawn.
        let labelled = StringKey.casesTitle.text(lang) + " · " + subtitle
        let lines = try ctx.measurer.wrap(labelled, theme.subtitle, maxWidth: theme.width - 2 * theme.margin, maxLines: 2)
        // What is not shown stays first, so the label gives way to it.
        if hidden == 0 && lines.last?.hasSuffix("…") != true { subtitle = labelled }
        return try Frame.layout(FrameSpec(title: headline(groups, lang) ?? StringKey.casesTitle.text(lang), subtitle: subtitle,
                                          footer: ChartText.sourceFooter(dataset, lang, events: drawnEvents(groups)), legend: legend,
                                          filter: ChartText.filterNote(dataset, lang)),
                                theme: theme, measurer: ctx.measurer)
    }

    /// A status in words for an end label, `nil` when the unit already says it
    /// (`dugaan pelanggaran · dugaan`, `alleged violations · alleged`).
    static func statusWords(_ status: CaseStatus?, unit: String, _ lang: Language) -> String? {
        let words = Strings.status(status).text(lang).lowercased()
        return Strings.unit(unit, lang).lowercased().contains(words) ? nil : words
    }

    /// The title: the latest tally drawn (the latest day, then the largest figure); with no
    /// tally, the largest signatory sum.
    func headline(_ groups: [Group], _ lang: Language) -> String? {
        var best: (day: Day, value: Int, g: Group, l: Line)?
        for g in groups where !g.signatories {
            for l in g.lines.prefix(g.shown) {
                guard let v = l.values.last, let value = v.value else { continue }
                if best.map({ (v.day, value) > ($0.day, $0.value) }) ?? true { best = (v.day, value, g, l) }
            }
        }
        if let b = best {
            let unit = b.g.unit.isEmpty ? "" : " " + Strings.unit(b.g.unit, lang)
            let status = Self.statusWords(b.l.status, unit: b.g.unit, lang).map { " " + $0 } ?? ""
            return Strings.casesLatest(dataset.jurisdictions[b.l.jurisdiction].name, NumberFormat.number(b.value, lang) + unit + status,
                                       date: DateText.short(b.day, lang)).text(lang)
        }
        var top: (value: Int, g: Group, l: Line)?
        for g in groups where g.signatories {
            for l in g.lines.prefix(g.shown) {
                if let v = l.last, v > (top?.value ?? -1) { top = (v, g, l) }
            }
        }
        guard let t = top else { return nil }
        let unit = t.g.unit.isEmpty ? "" : " " + Strings.unit(t.g.unit, lang)
        return Strings.casesSignatories(dataset.jurisdictions[t.l.jurisdiction].name, NumberFormat.number(t.value, lang) + unit).text(lang)
    }

    /// The events behind the lines drawn: their tallies, and the counted pledges of their
    /// jurisdictions and units (found by the same rule `TallySeries` sums them by).
    func drawnEvents(_ groups: [Group]) -> [EventIndex] {
        var tallyKeys = Set<TallySeries.Key>()
        var signKeys = Set<String>()
        for g in groups {
            for l in g.lines.prefix(g.shown) {
                if g.signatories { signKeys.insert("\(l.jurisdiction.raw)\u{1F}\(g.unit)") }
                else { tallyKeys.insert(TallySeries.Key(jurisdiction: l.jurisdiction, unit: g.unit, status: l.status)) }
            }
        }
        var out = tallies.series.filter { tallyKeys.contains($0.key) }.flatMap { $0.tallies.map(\.event) }
        if !signKeys.isEmpty {
            let ev = dataset.events
            for k in ev.indices where ev.kinds[k] == .pledge {
                guard let c = ev.counts[k], c >= 0 else { continue }
                if signKeys.contains("\(ev.jurisdictions[k].raw)\u{1F}\(ev.string(.unit, k).trimmingSpaces)") { out.append(k) }
            }
        }
        return out.sorted()
    }

    /// Marker shape by status: dugaan ●, terbukti ■, dihentikan ▲, disanksi ◆, none ○.
    static func symbol(_ status: CaseStatus?) -> LegendSymbol {
        switch status {
        case .alleged: return .circle
        case .confirmed: return .square
        case .dismissed: return .triangle
        case .sanctioned: return .diamond
        case nil: return .ring
        }
    }

    static func marker(_ status: CaseStatus?, _ p: ChartPoint, _ r: Double, _ c: RGBA, _ s: Double) -> [Mark] {
        let edge = c.shaded(0.45)
        switch status {
        case .alleged:
            return [.circle(center: p, radius: r, fill: c, stroke: .white, thickness: 1.5 * s)]
        case .confirmed:
            let q = r * 0.9
            return [.polygon([ChartPoint(x: p.x - q, y: p.y - q), ChartPoint(x: p.x + q, y: p.y - q), ChartPoint(x: p.x + q, y: p.y + q), ChartPoint(x: p.x - q, y: p.y + q)],
                             fill: c, stroke: edge, thickness: 1 * s)]
        case .dismissed:
            return [.polygon([ChartPoint(x: p.x, y: p.y - r * 1.1), ChartPoint(x: p.x + r, y: p.y + r * 0.75), ChartPoint(x: p.x - r, y: p.y + r * 0.75)],
                             fill: c, stroke: edge, thickness: 1 * s)]
        case .sanctioned:
            return [.polygon([ChartPoint(x: p.x, y: p.y - r * 1.2), ChartPoint(x: p.x + r * 1.2, y: p.y), ChartPoint(x: p.x, y: p.y + r * 1.2), ChartPoint(x: p.x - r * 1.2, y: p.y)],
                             fill: c, stroke: edge, thickness: 1 * s)]
        case nil:
            return [.circle(center: p, radius: r - 1 * s, fill: .white, stroke: c, thickness: 2.5 * s)]
        }
    }
}
