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
    /// The value for the first jurisdiction; nil when unknown (drawn "—", with no bar).
    public var a: Int?
    /// The second jurisdiction’s value; nil when unknown.
    public var b: Int?
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
    public var first: JurisdictionIndex
    /// Right-hand jurisdiction.
    public var second: JurisdictionIndex
    /// Rows, panel by panel.
    public var rows: [ComparisonRow]
    /// Legend entries.
    public var legend: [LegendEntry]
}

/// Two jurisdictions side by side: prevention events by kind, incidents by status, pledge signatories.
public struct ComparisonChart: Chart {
    /// The figures drawn: the same value `compare.csv` is written from.
    public var comparison: Comparison
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset

    /// The chart of `comparison`; `dataset` names its jurisdictions and the footer's source.
    public init(_ comparison: Comparison, dataset: Dataset) {
        self.comparison = comparison; self.dataset = dataset
    }

    /// The comparison of jurisdictions `first` and `second` (indices) of `analysis`; throws for
    /// an index out of range.
    public init(_ analysis: Analysis, first: JurisdictionIndex, second: JurisdictionIndex) throws(RenderError) {
        let n = analysis.dataset.jurisdictions.count
        for j in [first, second] where !(0..<n).contains(j.raw) {
            throw .invalidInput("jurisdiction index \(j) is out of range (the dataset has \(n))")
        }
        self.init(analysis.compare(first, second), dataset: analysis.dataset)
    }

    /// Lays out the column heads, the three panels and their bars.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> ComparisonPlan {
        let first = comparison.a, second = comparison.b
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let nameA = try ctx.jurisdictionName(dataset, first), nameB = try ctx.jurisdictionName(dataset, second)
        let c = comparison, (ka, kb) = c.breakdown

        // The rows: every prevention kind and a total; the incident statuses seen (all four
        // always, "no status" only when it occurs); signatories.
        struct Spec {
            var panel: Int; var label: String; var kind: EventKind; var a: Int?; var b: Int?; var bold: Bool
            var textA: String? = nil, textB: String? = nil
        }
        var specs: [Spec] = []
        let prevention = EventKind.allCases.filter(\.isPrevention)
        for k in prevention {
            specs.append(Spec(panel: 0, label: Strings.kind(k).text(lang), kind: k, a: ka.preventionByKind[k] ?? 0, b: kb.preventionByKind[k] ?? 0, bold: false))
        }
        let total = c.counts(.preventionEvents)
        specs.append(Spec(panel: 0, label: StringKey.total.text(lang), kind: .regulation, a: total.a, b: total.b, bold: true))
        var statuses: [CaseStatus?] = CaseStatus.allCases.map { $0 }
        if ka.incidentsWithoutStatus > 0 || kb.incidentsWithoutStatus > 0 { statuses.append(nil) }
        for st in statuses {
            let n: (a: Int, b: Int) = st.map { c.counts(Self.metric($0)) } ?? (ka.incidentsWithoutStatus, kb.incidentsWithoutStatus)
            specs.append(Spec(panel: 1, label: Strings.status(st).text(lang), kind: .incident, a: n.a, b: n.b, bold: false))
        }
        // No pledge with a count is unknown, not zero: "—", explained by a note. Some pledges
        // without one make the sum a lower bound: "+".
        func signatoryText(_ signatories: Int?, _ k: Comparison.Breakdown) -> String? {
            guard let signatories else { return Strings.unknownMark }
            return k.uncountedPledges > 0 ? NumberFormat.number(signatories, lang) + "+" : nil
        }
        let signed = c.figures(.pledgeSignatories)
        specs.append(Spec(panel: 2, label: StringKey.signatories.text(lang), kind: .pledge, a: signed.a, b: signed.b,
                          bold: false, textA: signatoryText(signed.a, ka), textB: signatoryText(signed.b, kb)))
        let panelTitles = [StringKey.preventionPanel, .incidentPanel, .signatoriesPanel].map { $0.text(lang) }

        let legend = (prevention + [.incident]).map { LegendItem(label: Strings.kind($0).text(lang), color: KindPalette.color($0)) }
        let frame = try Frame.layout(FrameSpec(
            title: StringKey.comparisonTitle.text(lang),
            subtitle: "\(nameA) vs \(nameB) · " + StringKey.withinNote.text(lang),
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
        let anyUnknown = specs.contains { $0.a == nil || $0.b == nil }
        for sp in specs {
            for t in [sp.textA, sp.textB, NumberFormat.number(max(sp.a ?? 0, sp.b ?? 0), lang)] {
                if let t { valueW = max(valueW, try measurer.width(t, theme.value)) }
            }
        }
        let maxLen = max(20 * s, (body.width - centreW) / 2 - valueW - 16 * s)

        // Column headers: each name, and the date of its first prevention event.
        var y = body.minY
        let firstDays = c.dates(.firstPreventionDate)
        for (name, firstPrevention, alignRight) in [(nameA, firstDays.a, true), (nameB, firstDays.b, false)] {
            let x = alignRight ? leftEdge - 6 * s : rightEdge + 6 * s
            let width = (body.width - centreW) / 2 - 6 * s
            let fitted = try measurer.fit(name, theme.header, maxWidth: width) ?? ""
            let h = try measurer.place(fitted, theme.header, x: x, y: y, align: alignRight ? .right : .left, role: .header)
            marks.append(.text(h))
            let sub = firstPrevention.map { StringKey.firstPrevention.text(lang) + ": " + DateText.short($0, lang) }
                ?? StringKey.nonePrevention.text(lang)
            if let subFit = try measurer.fit(sub, theme.note, maxWidth: width) {
                marks.append(.text(try measurer.place(subFit, theme.note, x: x, y: h.box.maxY + 2 * s, align: alignRight ? .right : .left, role: .note)))
            }
        }
        y += (try measurer.lineHeight(theme.header)) + (try measurer.lineHeight(theme.note)) + 12 * s

        // Rows share the remaining height, panel titles and the note on "—" included.
        let titleH = (try measurer.lineHeight(theme.axisTitle)) + 10 * s
        let noteH = anyUnknown ? (try measurer.lineHeight(theme.note)) + 8 * s : 0
        let rowH = min(48 * s, max(1, (body.maxY - y - 3 * titleH - noteH) / Double(specs.count)))
        let barH = (rowH * 0.64).rounded()
        var rows: [ComparisonRow] = []
        for panel in 0..<3 {
            let panelSpecs = specs.filter { $0.panel == panel }
            let maxV = Double(max(1, panelSpecs.map { max($0.a ?? 0, $0.b ?? 0) }.max() ?? 1))
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
                // An unknown value has no bar at all (width 0 is never drawn).
                let la = (Double(sp.a ?? 0) / maxV * maxLen).rounded(), lb = (Double(sp.b ?? 0) / maxV * maxLen).rounded()
                let x0 = (leftEdge - 4 * s).rounded(), x1 = (rightEdge + 4 * s).rounded()
                let barA = ChartRect(minX: x0 - la, minY: (midY - barH / 2).rounded(), maxX: x0, maxY: (midY - barH / 2).rounded() + barH)
                let barB = ChartRect(minX: x1, minY: barA.minY, maxX: x1 + lb, maxY: barA.maxY)
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
                y += rowH
            }
        }
        // What "—" means, under the last panel.
        if anyUnknown, let note = try measurer.fit(Strings.unknownNote.text(lang), theme.note, maxWidth: body.width) {
            marks.append(.text(try measurer.place(note, theme.note, x: cx, y: y + 8 * s, align: .center, role: .note)))
        }
        // The centre line the bars grow from.
        if let top = rows.first?.barA.minY, let bottom = rows.last?.barA.maxY {
            for x in [leftEdge - 4 * s, rightEdge + 4 * s] {
                marks.append(.line([ChartPoint(x: x.rounded(), y: top - 4 * s), ChartPoint(x: x.rounded(), y: bottom + 4 * s)], stroke: theme.axis, thickness: 1 * s, dash: nil))
            }
        }
        return ComparisonPlan(chart: ctx.plan(marks), first: first, second: second, rows: rows, legend: frame.legend)
    }

    /// The metric counting incidents of `status`.
    static func metric(_ status: CaseStatus) -> ComparisonMetric {
        switch status {
        case .alleged: return .incidentsAlleged
        case .confirmed: return .incidentsConfirmed
        case .dismissed: return .incidentsDismissed
        case .sanctioned: return .incidentsSanctioned
        }
    }
}
