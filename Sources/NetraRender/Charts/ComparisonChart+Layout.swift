import NetraCore
import NetraText
import NetraAnalytics

/// The comparison's layout after its frame: a centre column of row names, the two halves
/// (the first jurisdiction's bars grow left, the second's right), the column heads, then each
/// section's title, rows and scale, the note on "—" and the centre lines.
struct ComparisonLayout {
    let chart: ComparisonChart
    let ctx: ChartContext
    let frame: FrameLayout
    let specs: [ComparisonChart.Spec]
    let rowLabelStyle: TextStyle, rowBold: TextStyle
    /// The centre column's width and centre, its edges, each half's width, and the lines the bars grow from.
    let centreW: Double, cx: Double, leftEdge: Double, rightEdge: Double, half: Double, x0: Double, x1: Double
    /// What "—" and "sedikitnya" mean, said under the last section.
    let notes: [String]
    var marks: [Mark]
    var y: Double
    var rows: [ComparisonRow] = []
    var sections: [ComparisonSection] = []

    var s: Double { ctx.s }
    var theme: Theme { ctx.theme }
    var measurer: TextMeasurer { ctx.measurer }
    var lang: Language { ctx.lang }
    var body: ChartRect { frame.body }

    /// Step 2: the centre column from the widest row label; the two halves share what is left.
    init(_ chart: ComparisonChart, _ ctx: ChartContext, frame: FrameLayout, specs: [ComparisonChart.Spec]) throws(RenderError) {
        self.chart = chart; self.ctx = ctx; self.frame = frame; self.specs = specs
        let theme = ctx.theme, s = ctx.s, body = frame.body
        rowLabelStyle = TextStyle(size: theme.legend.size, color: theme.ink)
        rowBold = TextStyle(size: theme.legend.size, bold: true, color: theme.ink)
        var centreW = 0.0
        for sp in specs { centreW = max(centreW, try ctx.measurer.width(sp.label, sp.bold ? rowBold : rowLabelStyle)) }
        centreW += 28 * s
        self.centreW = centreW
        cx = body.midX
        leftEdge = cx - centreW / 2; rightEdge = cx + centreW / 2
        var notes: [String] = []
        let c = chart.comparison, (ka, kb) = c.breakdown, signed = c.figures(.pledgeSignatories)
        if specs.contains(where: { $0.a == nil || $0.b == nil }) { notes.append(Strings.unknownNote.text(ctx.lang)) }
        let uncounted = (signed.a == nil ? 0 : ka.uncountedPledges) + (signed.b == nil ? 0 : kb.uncountedPledges)
        if uncounted > 0 { notes.append(Strings.atLeastNote(uncounted).text(ctx.lang)) }
        self.notes = notes
        half = (body.width - centreW) / 2
        x0 = (leftEdge - 4 * s).rounded(); x1 = (rightEdge + 4 * s).rounded()
        marks = frame.marks
        y = body.minY
    }

    /// The steps in drawing order, then the plan.
    mutating func run(nameA: String, nameB: String) throws(RenderError) -> ComparisonPlan {
        try drawHeads(nameA: nameA, nameB: nameB)
        // Sections share the remaining height: a title, the rows, then the scale's ticks.
        let titleH = (try measurer.lineHeight(theme.axisTitle)) + 10 * s
        let tickLH = try measurer.lineHeight(theme.tick)
        let scaleH = 6 * s + tickLH + 8 * s
        let noteH = !notes.isEmpty ? (try measurer.lineHeight(theme.note)) + 8 * s : 0
        let rowH = min(48 * s, max(1, (body.maxY - y - 3 * (titleH + scaleH) - noteH) / Double(specs.count)))
        let panelTitles = [StringKey.preventionPanel, .incidentPanel, .signatoriesPanel].map { $0.text(lang) }
        for panel in 0..<3 {
            try drawSectionTitle(panelTitles[panel])
            y += titleH
            let section = try self.section(panel, title: panelTitles[panel], rowH: rowH)
            sections.append(section)
            y += scaleH
        }
        // What "—" means, under the last section.
        if !notes.isEmpty, let note = try measurer.fit(notes.joined(separator: " · "), theme.note, maxWidth: body.width) {
            marks.append(.text(try measurer.place(note, theme.note, x: cx, y: y + 4 * s, align: .center, role: .note)))
        }
        // The centre lines the bars grow from.
        if let top = rows.first?.barA.minY, let bottom = rows.last?.barA.maxY {
            for x in [x0, x1] {
                marks.append(.line([ChartPoint(x: x, y: top - 4 * s), ChartPoint(x: x, y: bottom + 4 * s)], stroke: theme.axis, thickness: 1 * s, dash: nil))
            }
        }
        let c = chart.comparison
        return ComparisonPlan(chart: ctx.plan(marks), first: c.a, second: c.b, rows: rows, sections: sections, legend: frame.legend)
    }

    /// Column headers: each name (two lines rather than cut), and the date of its first
    /// prevention event.
    mutating func drawHeads(nameA: String, nameB: String) throws(RenderError) {
        let firstDays = chart.comparison.dates(.firstPreventionDate)
        var headBottom = y
        for (name, firstPrevention, alignRight) in [(nameA, firstDays.a, true), (nameB, firstDays.b, false)] {
            let x = alignRight ? leftEdge - 6 * s : rightEdge + 6 * s
            let width = half - 6 * s
            var hy = y
            for line in try measurer.wrap(name, theme.header, maxWidth: width, maxLines: 2) {
                let h = try measurer.place(line, theme.header, x: x, y: hy, align: alignRight ? .right : .left, role: .header)
                marks.append(.text(h)); hy = h.box.maxY
            }
            let sub =
                firstPrevention.map { StringKey.firstPrevention.text(lang) + ": " + DateText.short($0, lang) }
                ?? StringKey.nonePrevention.text(lang)
            hy += 2 * s
            // Too long for one line: the date goes on its own rather than being split.
            var subLines = [sub]
            if try measurer.width(sub, theme.note) > width, let date = firstPrevention.map({ DateText.short($0, lang) }) {
                subLines = [StringKey.firstPrevention.text(lang) + ":", date]
            }
            var wrapped: [String] = []
            for l in subLines { wrapped += try measurer.wrap(l, theme.note, maxWidth: width, maxLines: 2) }
            for line in wrapped {
                let n = try measurer.place(line, theme.note, x: x, y: hy, align: alignRight ? .right : .left, role: .note)
                marks.append(.text(n)); hy = n.box.maxY
            }
            headBottom = max(headBottom, hy)
        }
        y = headBottom + 12 * s
    }

    /// A section's title, centred between two rules.
    mutating func drawSectionTitle(_ title: String) throws(RenderError) {
        guard let t = try measurer.fit(title, theme.axisTitle, maxWidth: body.width) else { return }
        let tm = try measurer.place(t, theme.axisTitle, x: cx, y: y + 4 * s, align: .center, role: .axisTitle)
        marks.append(
            .line(
                [ChartPoint(x: body.minX, y: tm.box.midY), ChartPoint(x: tm.box.minX - 12 * s, y: tm.box.midY)], stroke: theme.grid, thickness: 1 * s, dash: nil
            ))
        marks.append(
            .line(
                [ChartPoint(x: tm.box.maxX + 12 * s, y: tm.box.midY), ChartPoint(x: body.maxX, y: tm.box.midY)], stroke: theme.grid, thickness: 1 * s, dash: nil
            ))
        marks.append(.text(tm))
    }

    /// One section: its own scale (round ticks whose labels fit along one half; its bars take
    /// the room its own values leave), grid lines under the bars, its rows, its scale drawn.
    mutating func section(_ panel: Int, title: String, rowH: Double) throws(RenderError) -> ComparisonSection {
        let panelSpecs = specs.filter { $0.panel == panel }
        let maxV = Double(max(1, panelSpecs.map { max($0.a ?? 0, $0.b ?? 0) }.max() ?? 1))
        var valueW = 0.0
        for sp in panelSpecs {
            for t in [sp.textA, sp.textB, NumberFormat.number(max(sp.a ?? 0, sp.b ?? 0), lang)] {
                if let t { valueW = max(valueW, try measurer.width(t, theme.value)) }
            }
        }
        let maxLen = max(20 * s, half - valueW - 16 * s)
        let (scaleMax, ticks) = try FittingTicks.scale(
            maxV, length: maxLen, label: { NumberFormat.number($0, lang) },
            style: theme.tick, gap: 18 * s, measurer: measurer)
        let rowsTop = y, rowsBottom = y + rowH * Double(panelSpecs.count)
        // Grid lines at the ticks, under the bars.
        for v in ticks where v > 0 {
            let d = (v / scaleMax * maxLen).rounded()
            for gx in [x0 - d, x1 + d] {
                marks.append(.line([ChartPoint(x: gx, y: rowsTop), ChartPoint(x: gx, y: rowsBottom + 4 * s)], stroke: theme.grid, thickness: 1 * s, dash: nil))
            }
        }
        for sp in panelSpecs {
            try drawRow(sp, panel: panel, rowH: rowH, length: { (Double($0 ?? 0) / scaleMax * maxLen).rounded() })
            y += rowH
        }
        let (ticksA, ticksB) = try drawScale(ticks, scaleMax: scaleMax, maxLen: maxLen, base: rowsBottom + 4 * s)
        return ComparisonSection(panel: panel, title: title, scaleMax: scaleMax, length: maxLen, ticksA: ticksA, ticksB: ticksB)
    }

    /// A row: both bars (an unknown value has none: width 0 is never drawn), its name in the
    /// centre, each value beyond its bar.
    mutating func drawRow(_ sp: ComparisonChart.Spec, panel: Int, rowH: Double, length: (Int?) -> Double) throws(RenderError) {
        let barH = (rowH * 0.64).rounded()
        let midY = y + rowH / 2
        let color = sp.bold ? RGBA(hex: 0x4D4D4D) : KindPalette.color(sp.kind)
        let la = length(sp.a), lb = length(sp.b)
        let top = (midY - barH / 2).rounded()
        let barA = ChartRect(minX: x0 - la, minY: top, maxX: x0, maxY: top + barH)
        let barB = ChartRect(minX: x1, minY: top, maxX: x1 + lb, maxY: top + barH)
        for bar in [barA, barB] where bar.width > 0 {
            marks.append(.rect(bar, fill: color))
            if KindPalette.isFaint(sp.kind) { marks.append(.outline(bar, stroke: color.shaded(0.35), thickness: 1 * s)) }
        }
        let style = sp.bold ? rowBold : rowLabelStyle
        if let label = try measurer.fit(sp.label, style, maxWidth: centreW - 12 * s) {
            marks.append(.text(try measurer.place(label, style, x: cx, y: midY, align: .center, valign: .middle, role: .label)))
        }
        let vs = TextStyle(size: theme.value.size, bold: true, color: (sp.a ?? 0) == 0 ? theme.muted : theme.ink)
        let textA = sp.textA ?? sp.a.map { NumberFormat.number($0, lang) } ?? Strings.unknownMark
        marks.append(.text(try measurer.place(textA, vs, x: barA.minX - 8 * s, y: midY, align: .right, valign: .middle, role: .value)))
        let vsb = TextStyle(size: theme.value.size, bold: true, color: (sp.b ?? 0) == 0 ? theme.muted : theme.ink)
        let textB = sp.textB ?? sp.b.map { NumberFormat.number($0, lang) } ?? Strings.unknownMark
        marks.append(.text(try measurer.place(textB, vsb, x: barB.maxX + 8 * s, y: midY, align: .left, valign: .middle, role: .value)))
        rows.append(ComparisonRow(panel: panel, label: sp.label, kind: sp.kind, a: sp.a, b: sp.b, barA: barA, barB: barB))
    }

    /// The scale under the section: a baseline, tick marks and labels on each half, growing
    /// outward from the centre as the bars do. A label that would touch its neighbour or cross
    /// into the centre column is left out.
    mutating func drawScale(_ ticks: [Double], scaleMax: Double, maxLen: Double, base: Double) throws(RenderError) -> ([AxisTick], [AxisTick]) {
        var ticksA: [AxisTick] = [], ticksB: [AxisTick] = []
        for (sign, edge) in [(-1.0, x0), (1.0, x1)] {
            let far = edge + sign * maxLen
            marks.append(.line([ChartPoint(x: edge, y: base), ChartPoint(x: far, y: base)], stroke: theme.axis, thickness: 1 * s, dash: nil))
            var last: ChartRect?
            for v in ticks {
                let tx = edge + sign * (v / scaleMax * maxLen).rounded()
                marks.append(.line([ChartPoint(x: tx, y: base), ChartPoint(x: tx, y: base + 5 * s)], stroke: theme.axis, thickness: 1 * s, dash: nil))
                var label = try measurer.place(NumberFormat.number(v, lang), theme.tick, x: tx, y: base + 6 * s, align: .center, role: .tickLabel)
                label = XAxis.shiftInside(label, lo: body.minX, hi: body.maxX)
                let clear = last.map { !$0.expanded(by: 4 * s).intersects(label.box) } ?? true
                let outside = sign < 0 ? label.box.maxX <= leftEdge + 2 * s : label.box.minX >= rightEdge - 2 * s
                let kept = clear && (outside || v == 0)
                if kept { marks.append(.text(label)); last = label.box }
                let tick = AxisTick(value: v, position: tx, label: kept ? label : nil)
                if sign < 0 { ticksA.append(tick) } else { ticksB.append(tick) }
            }
        }
        return (ticksA, ticksB)
    }
}
