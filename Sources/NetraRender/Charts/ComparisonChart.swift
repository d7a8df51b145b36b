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

/// One section of the comparison (prevention, incidents, signatories) and the scale drawn
/// under it: each section has its own, stated by its ticks.
public struct ComparisonSection: Sendable, Hashable {
    /// 0 prevention, 1 incidents by status, 2 pledge signatories.
    public var panel: Int
    /// Its title.
    public var title: String
    /// The value a bar of `length` pixels stands for (the last tick).
    public var scaleMax: Double
    /// Pixels from the centre line to the last tick.
    public var length: Double
    /// Ticks under the first jurisdiction's half (growing left) and the second's (right).
    public var ticksA: [AxisTick]
    public var ticksB: [AxisTick]
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
    /// The three sections' scales, in panel order.
    public var sections: [ComparisonSection]
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

    /// Lays out the column heads, the three sections and their bars, each section on a scale
    /// of its own that is drawn under it (ticks on both halves), so that 2 incidents and
    /// 24.013 signatories are never read off one silent length.
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
            return k.uncountedPledges > 0 ? Strings.atLeast(NumberFormat.number(signatories, lang)).text(lang) : nil
        }
        let signed = c.figures(.pledgeSignatories)
        specs.append(Spec(panel: 2, label: StringKey.signatories.text(lang), kind: .pledge, a: signed.a, b: signed.b,
                          bold: false, textA: signatoryText(signed.a, ka), textB: signatoryText(signed.b, kb)))
        let panelTitles = [StringKey.preventionPanel, .incidentPanel, .signatoriesPanel].map { $0.text(lang) }

        // Rows name their kinds, so no legend repeats them; what was compared leads the subtitle.
        // The title names the sides in full when that fits on two lines, else by their short names.
        var title = Self.headline(c, nameA, nameB, lang)
        let titleLines = try measurer.wrap(title, theme.title, maxWidth: theme.width - 2 * theme.margin, maxLines: 2)
        if titleLines.last?.hasSuffix("…") == true { title = Self.headline(c, nameA, nameB, lang, short: true) }
        let drawn = ChartText.events(dataset, within: [first, second]) { $0.isPrevention || $0 == .incident }
        let frame = try Frame.layout(FrameSpec(
            title: title,
            subtitle: StringKey.comparisonTitle.text(lang) + " · \(nameA) vs \(nameB)"
                + (dataset.hasJurisdictions(under: first) || dataset.hasJurisdictions(under: second) ? " · " + StringKey.withinNote.text(lang) : ""),
            footer: ChartText.sourceFooter(dataset, lang, events: drawn), legend: [],
            filter: ChartText.filterNote(dataset, lang)), theme: theme, measurer: measurer)
        var marks = frame.marks
        let body = frame.body

        // Centre column from the widest row label; the two halves share what is left.
        let rowLabelStyle = TextStyle(size: theme.legend.size, color: theme.ink)
        let rowBold = TextStyle(size: theme.legend.size, bold: true, color: theme.ink)
        var centreW = 0.0
        for sp in specs { centreW = max(centreW, try measurer.width(sp.label, sp.bold ? rowBold : rowLabelStyle)) }
        centreW += 28 * s
        let cx = body.midX
        let leftEdge = cx - centreW / 2, rightEdge = cx + centreW / 2
        // "—" and "sedikitnya" are explained in one note under the last section.
        var notes: [String] = []
        if specs.contains(where: { $0.a == nil || $0.b == nil }) { notes.append(Strings.unknownNote.text(lang)) }
        let uncounted = (signed.a == nil ? 0 : ka.uncountedPledges) + (signed.b == nil ? 0 : kb.uncountedPledges)
        if uncounted > 0 { notes.append(Strings.atLeastNote(uncounted).text(lang)) }
        let anyUnknown = !notes.isEmpty
        let half = (body.width - centreW) / 2
        let x0 = (leftEdge - 4 * s).rounded(), x1 = (rightEdge + 4 * s).rounded()

        // Column headers: each name (two lines rather than cut), and the date of its first
        // prevention event.
        var y = body.minY
        let firstDays = c.dates(.firstPreventionDate)
        var headBottom = y
        for (name, firstPrevention, alignRight) in [(nameA, firstDays.a, true), (nameB, firstDays.b, false)] {
            let x = alignRight ? leftEdge - 6 * s : rightEdge + 6 * s
            let width = half - 6 * s
            var hy = y
            for line in try measurer.wrap(name, theme.header, maxWidth: width, maxLines: 2) {
                let h = try measurer.place(line, theme.header, x: x, y: hy, align: alignRight ? .right : .left, role: .header)
                marks.append(.text(h)); hy = h.box.maxY
            }
            let sub = firstPrevention.map { StringKey.firstPrevention.text(lang) + ": " + DateText.short($0, lang) }
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

        // Sections share the remaining height: a title, the rows, then the scale's ticks.
        let titleH = (try measurer.lineHeight(theme.axisTitle)) + 10 * s
        let tickLH = try measurer.lineHeight(theme.tick)
        let scaleH = 6 * s + tickLH + 8 * s
        let noteH = anyUnknown ? (try measurer.lineHeight(theme.note)) + 8 * s : 0
        let rowH = min(48 * s, max(1, (body.maxY - y - 3 * (titleH + scaleH) - noteH) / Double(specs.count)))
        let barH = (rowH * 0.64).rounded()
        var rows: [ComparisonRow] = []
        var sections: [ComparisonSection] = []
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
            // The section's own scale: round ticks whose labels fit along one half.
            // A section's bars take the room its own values leave.
            var valueW = 0.0
            for sp in panelSpecs {
                for t in [sp.textA, sp.textB, NumberFormat.number(max(sp.a ?? 0, sp.b ?? 0), lang)] {
                    if let t { valueW = max(valueW, try measurer.width(t, theme.value)) }
                }
            }
            let maxLen = max(20 * s, half - valueW - 16 * s)
            let (scaleMax, ticks) = try FittingTicks.scale(maxV, length: maxLen, label: { NumberFormat.number($0, lang) },
                                                           style: theme.tick, gap: 18 * s, measurer: measurer)
            func length(_ v: Int?) -> Double { (Double(v ?? 0) / scaleMax * maxLen).rounded() }
            let rowsTop = y, rowsBottom = y + rowH * Double(panelSpecs.count)
            // Grid lines at the ticks, under the bars.
            for v in ticks where v > 0 {
                let d = (v / scaleMax * maxLen).rounded()
                for gx in [x0 - d, x1 + d] {
                    marks.append(.line([ChartPoint(x: gx, y: rowsTop), ChartPoint(x: gx, y: rowsBottom + 4 * s)], stroke: theme.grid, thickness: 1 * s, dash: nil))
                }
            }
            for sp in panelSpecs {
                let midY = y + rowH / 2
                let color = sp.bold ? RGBA(hex: 0x4D4D4D) : KindPalette.color(sp.kind)
                // An unknown value has no bar at all (width 0 is never drawn).
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
                y += rowH
            }
            // The scale under the section: a baseline, tick marks and labels on each half,
            // growing outward from the centre as the bars do.
            let base = rowsBottom + 4 * s
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
                    // A label that would touch its neighbour or cross into the centre column is left out.
                    let clear = last.map { !$0.expanded(by: 4 * s).intersects(label.box) } ?? true
                    let outside = sign < 0 ? label.box.maxX <= leftEdge + 2 * s : label.box.minX >= rightEdge - 2 * s
                    let kept = clear && (outside || v == 0)
                    if kept { marks.append(.text(label)); last = label.box }
                    let tick = AxisTick(value: v, position: tx, label: kept ? label : nil)
                    if sign < 0 { ticksA.append(tick) } else { ticksB.append(tick) }
                }
            }
            sections.append(ComparisonSection(panel: panel, title: panelTitles[panel], scaleMax: scaleMax, length: maxLen,
                                              ticksA: ticksA, ticksB: ticksB))
            y += scaleH
        }
        // What "—" means, under the last section.
        if anyUnknown, let note = try measurer.fit(notes.joined(separator: " · "), theme.note, maxWidth: body.width) {
            marks.append(.text(try measurer.place(note, theme.note, x: cx, y: y + 4 * s, align: .center, role: .note)))
        }
        // The centre lines the bars grow from.
        if let top = rows.first?.barA.minY, let bottom = rows.last?.barA.maxY {
            for x in [x0, x1] {
                marks.append(.line([ChartPoint(x: x, y: top - 4 * s), ChartPoint(x: x, y: bottom + 4 * s)], stroke: theme.axis, thickness: 1 * s, dash: nil))
            }
        }
        return ComparisonPlan(chart: ctx.plan(marks), first: first, second: second, rows: rows, sections: sections, legend: frame.legend)
    }

    /// The title, from the figures: prevention on each side (the larger first), then where
    /// the incidents are, naming each side by what tells it apart (`Kota`, `Kabupaten`).
    /// `short` (for a title that would not fit) names the sides by those words throughout, tersely.
    static func headline(_ c: Comparison, _ fullA: String, _ fullB: String, _ lang: Language, short: Bool = false) -> String {
        let p = c.counts(.preventionEvents), inc = c.counts(.incidentsTotal)
        let (shortA, shortB) = shortNames(fullA, fullB)
        let nameA = short ? shortA : fullA, nameB = short ? shortB : fullB
        let n = { (v: Int) in NumberFormat.number(v, lang) }
        let aFirst = p.a >= p.b
        let lead: Phrase
        if short {
            lead = aFirst ? Strings.comparePreventionShort(first: nameA, n(p.a), second: nameB, n(p.b))
                          : Strings.comparePreventionShort(first: nameB, n(p.b), second: nameA, n(p.a))
        } else if p.a == p.b {
            lead = Strings.comparePreventionEqual(first: nameA, second: nameB, n(p.a), count: p.a)
        } else if aFirst {
            lead = Strings.comparePrevention(first: nameA, n(p.a), second: nameB, n(p.b), count: p.a)
        } else {
            lead = Strings.comparePrevention(first: nameB, n(p.b), second: nameA, n(p.a), count: p.b)
        }
        let tail: Phrase
        switch (inc.a > 0, inc.b > 0) {
        case (false, false): tail = Strings.compareNoIncidents
        case (true, false): tail = Strings.compareIncidentsOnly(shortA)
        case (false, true): tail = Strings.compareIncidentsOnly(shortB)
        case (true, true):
            tail = aFirst ? Strings.compareIncidents(n(inc.a), in: shortA, n(inc.b), in: shortB)
                          : Strings.compareIncidents(n(inc.b), in: shortB, n(inc.a), in: shortA)
        }
        return lead.text(lang) + " — " + tail.text(lang)
    }

    /// Two names without the words they end in alike (`Kota Bekasi`, `Kabupaten Bekasi` →
    /// `Kota`, `Kabupaten`); as given when that would leave either empty or both alike.
    static func shortNames(_ a: String, _ b: String) -> (String, String) {
        var wa = a.split(separator: " "), wb = b.split(separator: " ")
        while wa.count > 1, wb.count > 1, wa.last == wb.last { wa.removeLast(); wb.removeLast() }
        let sa = wa.joined(separator: " "), sb = wb.joined(separator: " ")
        return sa.isEmpty || sb.isEmpty || sa == sb || (sa == a && sb == b) ? (a, b) : (sa, sb)
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
