import NetraCore
import NetraAnalytics

/// One compared figure: its row, both values and both bars.
public struct ComparisonRow: Sendable, Hashable {
    /// 0 prevention, 1 incidents by status, 2 pledge signatories.
    public var panel: Int
    /// The row name.
    public var label: String
    /// The kind whose colour the bars take.
    public var kind: EventKind
    /// The value for the first and the second jurisdiction.
    public var a: Int
    /// The second jurisdiction’s value.
    public var b: Int
    /// Bars: the first jurisdiction's grows left from the centre, the second's right.
    public var barA: ChartRect
    /// The second jurisdiction’s bar.
    public var barB: ChartRect
}

/// The laid-out comparison of two jurisdictions.
public struct ComparisonPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// Indices into `Dataset.jurisdictions`: left, right.
    public var first: Int
    /// Right-hand jurisdiction.
    public var second: Int
    /// Rows, panel by panel.
    public var rows: [ComparisonRow]
    /// Legend entries.
    public var legend: [LegendEntry]
}

/// The figures the comparison shows for one side, counted over the jurisdiction and everything under it.
struct ComparisonFigures: Equatable {
    var prevention: [EventKind: Int] = [:]
    var incidents: [CaseStatus?: Int] = [:]
    var signatories = 0
    /// Pledges that give no number of signatories: the sum is then a lower bound.
    var uncountedPledges = 0
    var firstPrevention: Day?

    /// Both sides in one pass over the events, read in place (no `Event` copied per row).
    static func compute(_ dataset: Dataset, _ first: Int, _ second: Int) -> (ComparisonFigures, ComparisonFigures) {
        let masks = [ChartContext.withinMask(dataset, root: first), ChartContext.withinMask(dataset, root: second)]
        var figures = [ComparisonFigures(), ComparisonFigures()]
        do { let events = dataset.events
            for i in events.indices {
                let j = events[i].jurisdiction
                guard j >= 0 && j < masks[0].count else { continue }
                for side in 0..<2 where masks[side][j] {
                    let kind = events[i].kind
                    if kind.isPrevention {
                        figures[side].prevention[kind, default: 0] += 1
                        let day = events[i].date.anchor
                        if figures[side].firstPrevention.map({ day < $0 }) ?? true { figures[side].firstPrevention = day }
                    }
                    if kind == .incident { figures[side].incidents[events[i].status, default: 0] += 1 }
                    if kind == .pledge {
                        if let c = events[i].count { figures[side].signatories += c } else { figures[side].uncountedPledges += 1 }
                    }
                }
            }
        }
        return (figures[0], figures[1])
    }
}

/// Two jurisdictions side by side: prevention events by kind, incidents by status, pledge signatories.
public enum ComparisonChart {
    /// Lays out and draws the comparison of jurisdictions `first` and `second` (indices).
    public static func render(_ dataset: Dataset, first: Int, second: Int,
                              options: ChartOptions = ChartOptions()) throws(RenderError) -> RenderedChart<ComparisonPlan> {
        let ctx = try ChartContext(options: options)
        let plan = try layout(dataset, first: first, second: second, ctx: ctx)
        return RenderedChart(png: try Painter.png(plan.chart, fonts: ctx.fonts), plan: plan)
    }

    /// The layout only, without drawing.
    public static func layout(_ dataset: Dataset, first: Int, second: Int,
                              options: ChartOptions = ChartOptions()) throws(RenderError) -> ComparisonPlan {
        try layout(dataset, first: first, second: second, ctx: ChartContext(options: options))
    }

    static func layout(_ dataset: Dataset, first: Int, second: Int, ctx: ChartContext) throws(RenderError) -> ComparisonPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let nameA = try ctx.jurisdictionName(dataset, first), nameB = try ctx.jurisdictionName(dataset, second)
        let (fa, fb) = ComparisonFigures.compute(dataset, first, second)

        // The rows: every prevention kind and a total; the incident statuses seen (all four
        // always, "no status" only when it occurs); signatories.
        struct Spec {
            var panel: Int; var label: String; var kind: EventKind; var a: Int; var b: Int; var bold: Bool
            var textA: String? = nil, textB: String? = nil
        }
        var specs: [Spec] = []
        let prevention = EventKind.allCases.filter(\.isPrevention)
        for k in prevention {
            specs.append(Spec(panel: 0, label: ChartText.kind(k, lang), kind: k, a: fa.prevention[k] ?? 0, b: fb.prevention[k] ?? 0, bold: false))
        }
        specs.append(Spec(panel: 0, label: ChartString.total.text(lang), kind: .regulation,
                          a: fa.prevention.values.reduce(0, +), b: fb.prevention.values.reduce(0, +), bold: true))
        var statuses: [CaseStatus?] = CaseStatus.allCases.map { $0 }
        if fa.incidents[nil] != nil || fb.incidents[nil] != nil { statuses.append(nil) }
        for st in statuses {
            specs.append(Spec(panel: 1, label: ChartText.status(st, lang), kind: .incident, a: fa.incidents[st] ?? 0, b: fb.incidents[st] ?? 0, bold: false))
        }
        // A pledge without a count is unknown, not zero: say so instead of drawing 0.
        func signatoryText(_ f: ComparisonFigures) -> String? {
            guard f.uncountedPledges > 0 else { return nil }
            return f.signatories == 0 ? ChartString.unknown.text(lang) : ChartText.number(f.signatories, lang) + "+"
        }
        specs.append(Spec(panel: 2, label: ChartString.signatories.text(lang), kind: .pledge, a: fa.signatories, b: fb.signatories,
                          bold: false, textA: signatoryText(fa), textB: signatoryText(fb)))
        let panelTitles = [ChartString.preventionPanel, .incidentPanel, .signatoriesPanel].map { $0.text(lang) }

        let legend = (prevention + [.incident]).map { LegendItem(label: ChartText.kind($0, lang), color: KindPalette.color($0)) }
        let frame = try Frame.layout(FrameSpec(
            title: ChartString.comparisonTitle.text(lang),
            subtitle: "\(nameA) vs \(nameB) · " + ChartString.withinNote.text(lang),
            footer: ChartText.sourceFooter(dataset, lang), legend: legend), theme: theme, measurer: measurer)
        var marks = frame.marks
        let body = frame.body

        // Centre column from the widest row label; the two halves share what is left.
        let rowLabelStyle = TextStyle(size: theme.legend.size, color: theme.ink)
        let rowBold = TextStyle(size: theme.legend.size, bold: true, color: theme.ink)
        var centreW = 0.0
        for sp in specs { centreW = max(centreW, try measurer.width(sp.label, sp.bold ? rowBold : rowLabelStyle)) }
        for t in panelTitles { centreW = max(centreW, min(try measurer.width(t, theme.axisTitle), body.width * 0.4)) }
        centreW += 28 * s
        let cx = body.midX
        let leftEdge = cx - centreW / 2, rightEdge = cx + centreW / 2
        var valueW = 0.0
        for sp in specs {
            for t in [sp.textA, sp.textB, ChartText.number(max(sp.a, sp.b), lang)] {
                if let t { valueW = max(valueW, try measurer.width(t, theme.value)) }
            }
        }
        let maxLen = max(20 * s, (body.width - centreW) / 2 - valueW - 16 * s)

        // Column headers: each name, and the date of its first prevention event.
        var y = body.minY
        for (name, f, alignRight) in [(nameA, fa, true), (nameB, fb, false)] {
            let x = alignRight ? leftEdge - 6 * s : rightEdge + 6 * s
            let width = (body.width - centreW) / 2 - 6 * s
            let fitted = try measurer.fit(name, theme.header, maxWidth: width) ?? ""
            let h = try measurer.place(fitted, theme.header, x: x, y: y, align: alignRight ? .right : .left, role: .header)
            marks.append(.text(h))
            let sub = f.firstPrevention.map { ChartString.firstPrevention.text(lang) + ": " + ChartText.shortDate($0, lang) }
                ?? ChartString.nonePrevention.text(lang)
            if let subFit = try measurer.fit(sub, theme.note, maxWidth: width) {
                marks.append(.text(try measurer.place(subFit, theme.note, x: x, y: h.box.maxY + 2 * s, align: alignRight ? .right : .left, role: .note)))
            }
        }
        y += (try measurer.lineHeight(theme.header)) + (try measurer.lineHeight(theme.note)) + 12 * s

        // Rows share the remaining height, panel titles included.
        let titleH = (try measurer.lineHeight(theme.axisTitle)) + 10 * s
        let rowH = min(48 * s, max(1, (body.maxY - y - 3 * titleH) / Double(specs.count)))
        let barH = (rowH * 0.64).rounded()
        var rows: [ComparisonRow] = []
        for panel in 0..<3 {
            let panelSpecs = specs.filter { $0.panel == panel }
            let maxV = Double(max(1, panelSpecs.map { max($0.a, $0.b) }.max() ?? 1))
            if let t = try measurer.fit(panelTitles[panel], theme.axisTitle, maxWidth: body.width) {
                let tm = try measurer.place(t, theme.axisTitle, x: cx, y: y + 4 * s, align: .center, role: .axisTitle)
                marks.append(.line([ChartPoint(x: body.minX, y: tm.box.midY), ChartPoint(x: tm.box.minX - 12 * s, y: tm.box.midY)], stroke: theme.grid, thickness: 1 * s, dash: nil))
                marks.append(.line([ChartPoint(x: tm.box.maxX + 12 * s, y: tm.box.midY), ChartPoint(x: body.maxX, y: tm.box.midY)], stroke: theme.grid, thickness: 1 * s, dash: nil))
                marks.append(.text(tm))
            }
            y += titleH
            for sp in panelSpecs {
                let midY = y + rowH / 2
                let color = sp.bold ? RGBA(hex: 0x4D4D4D) : KindPalette.color(sp.kind)
                let la = (Double(sp.a) / maxV * maxLen).rounded(), lb = (Double(sp.b) / maxV * maxLen).rounded()
                let x0 = (leftEdge - 4 * s).rounded(), x1 = (rightEdge + 4 * s).rounded()
                let barA = ChartRect(minX: x0 - la, minY: (midY - barH / 2).rounded(), maxX: x0, maxY: (midY - barH / 2).rounded() + barH)
                let barB = ChartRect(minX: x1, minY: barA.minY, maxX: x1 + lb, maxY: barA.maxY)
                for bar in [barA, barB] where bar.width > 0 {
                    marks.append(.rect(bar, fill: color))
                    if sp.kind == .sosialisasi { marks.append(.outline(bar, stroke: color.shaded(0.35), thickness: 1 * s)) }
                }
                let style = sp.bold ? rowBold : rowLabelStyle
                if let label = try measurer.fit(sp.label, style, maxWidth: centreW - 12 * s) {
                    marks.append(.text(try measurer.place(label, style, x: cx, y: midY, align: .center, valign: .middle, role: .label)))
                }
                let vs = TextStyle(size: theme.value.size, bold: true, color: sp.a == 0 ? theme.muted : theme.ink)
                marks.append(.text(try measurer.place(sp.textA ?? ChartText.number(sp.a, lang), vs, x: barA.minX - 8 * s, y: midY, align: .right, valign: .middle, role: .value)))
                let vsb = TextStyle(size: theme.value.size, bold: true, color: sp.b == 0 ? theme.muted : theme.ink)
                marks.append(.text(try measurer.place(sp.textB ?? ChartText.number(sp.b, lang), vsb, x: barB.maxX + 8 * s, y: midY, align: .left, valign: .middle, role: .value)))
                rows.append(ComparisonRow(panel: panel, label: sp.label, kind: sp.kind, a: sp.a, b: sp.b, barA: barA, barB: barB))
                y += rowH
            }
        }
        // The centre line the bars grow from.
        if let top = rows.first?.barA.minY, let bottom = rows.last?.barA.maxY {
            for x in [leftEdge - 4 * s, rightEdge + 4 * s] {
                marks.append(.line([ChartPoint(x: x.rounded(), y: top - 4 * s), ChartPoint(x: x.rounded(), y: bottom + 4 * s)], stroke: theme.axis, thickness: 1 * s, dash: nil))
            }
        }
        return ComparisonPlan(chart: ctx.plan(marks), first: first, second: second, rows: rows, legend: frame.legend)
    }
}
