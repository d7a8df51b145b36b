import NetraCore
import NetraText
import NetraAnalytics

/// The laid-out clocks chart.
public struct ClocksPlan: Sendable, HoldsChartPlan {
    public var chart: ChartPlan
    /// The stage rows drawn, in order (`report → decision`).
    public var stages: [StageTime]
    /// The kabupaten/kota rows drawn, and how many were left out for room.
    public var places: [CaseLedgerRow]
    public var placesLeftOut: Int
}

/// Time in each stage of a case (median bar, or the values when fewer than three; a tick at
/// the longest) with the legal limits, and reports received vs decided per kabupaten/kota.
/// Draws the values `CaseClocks` computed (the same as cases.csv), never counts events.
public struct ClocksChart: Chart {
    public var clocks: CaseClocks
    public var dataset: Dataset

    public init(_ clocks: CaseClocks, dataset: Dataset) {
        self.clocks = clocks; self.dataset = dataset
    }

    /// The steps: the frame, then the stages on one calendar-day scale, then received vs
    /// decided per kabupaten/kota (`ClocksLayout`).
    public func layout(_ ctx: ChartContext) throws(RenderError) -> ClocksPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer
        let stages = clocks.stageTimes().filter { !$0.ended.isEmpty || $0.longestOpen != nil }
        let ledger = clocks.ledger(dataset).filter {
            let level = dataset.jurisdictions[$0.jurisdiction].level
            return level == .kota || level == .kabupaten
        }.sorted { ($0.received, $1.jurisdiction.raw) > ($1.received, $0.jurisdiction.raw) }
        let frame = try Frame.layout(
            FrameSpec(
                title: Strings.clocksTitle.text(lang),
                // The day it stands on is in the footer.
                subtitle: Strings.clocksSubtitle.text(lang),
                footer: ChartText.sourceFooter(dataset, lang), legend: [],
                filter: ChartText.filterNote(dataset, lang)), theme: theme, measurer: measurer)
        let body = frame.body
        guard !stages.isEmpty || !ledger.isEmpty else {
            let note = try measurer.place(
                Strings.noCases.text(lang), theme.header, x: body.midX, y: body.midY,
                align: .center, valign: .middle, role: .note)
            return ClocksPlan(chart: ctx.plan(frame.marks + [.text(note)]), stages: [], places: [], placesLeftOut: 0)
        }
        var steps = try ClocksLayout(self, ctx, frame: frame)
        if !stages.isEmpty { try steps.drawStages(stages) }
        let drawn = ledger.isEmpty ? [] : try steps.drawLedger(ledger)
        return ClocksPlan(chart: ctx.plan(steps.marks), stages: stages, places: drawn, placesLeftOut: ledger.count - drawn.count)
    }
}

/// The clocks chart's body, section by section.
struct ClocksLayout {
    let chart: ClocksChart
    let ctx: ChartContext
    let body: ChartRect
    let labelLH: Double, noteLH: Double, barH: Double, stageRowH: Double
    var marks: [Mark]
    var y: Double

    var s: Double { ctx.s }
    var theme: Theme { ctx.theme }
    var measurer: TextMeasurer { ctx.measurer }
    var lang: Language { ctx.lang }

    init(_ chart: ClocksChart, _ ctx: ChartContext, frame: FrameLayout) throws(RenderError) {
        self.chart = chart; self.ctx = ctx; body = frame.body; marks = frame.marks; y = frame.body.minY
        labelLH = try ctx.measurer.lineHeight(ctx.theme.label)
        noteLH = try ctx.measurer.lineHeight(ctx.theme.note)
        barH = (14 * ctx.s).rounded()
        stageRowH = labelLH + 4 * ctx.s + barH + 4 * ctx.s + noteLH + 14 * ctx.s
    }

    func days(_ n: Int) -> String { Strings.clockUnit(NumberFormat.number(n, lang), .hari).text(lang) }

    /// Stages: one calendar-day scale up to the longest time seen (or the longest limit), a
    /// row per stage, the scale's labels under the last.
    mutating func drawStages(_ stages: [StageTime]) throws(RenderError) {
        let split = min(body.maxY, body.minY + Double(stages.count) * stageRowH + noteLH + 20 * s)
        let longest = Double(stages.compactMap(\.longest).max() ?? 1)
        let maxLimit = Double(chart.clocks.book.rules.filter { $0.unit == .hari }.compactMap(\.limit).max() ?? 0)
        let lang = self.lang
        let (scaleMax, ticks) = try FittingTicks.scale(
            max(longest, maxLimit, 1), length: body.width,
            label: { NumberFormat.number(Int($0), lang) }, style: theme.tick, gap: 16 * s, measurer: measurer)
        let body = self.body
        let x = { (v: Double) -> Double in body.minX + body.width * v / scaleMax }
        for st in stages {
            try drawStage(st, x: x)
            y += stageRowH
        }
        for t in ticks {
            marks.append(
                .text(
                    try measurer.place(
                        NumberFormat.number(Int(t), lang), theme.tick, x: x(t), y: y - 6 * s,
                        align: t == 0 ? .left : t == scaleMax ? .right : .center, role: .tickLabel)))
        }
        y = split
    }

    /// A stage's row: its name and limits, a bar to its median (or a dot per value when fewer
    /// than three), the limits dashed across it, a tick at the longest, and a note of figures.
    mutating func drawStage(_ st: StageTime, x: (Double) -> Double) throws(RenderError) {
        let colour = KindPalette.color(.decision)
        let rules = chart.clocks.book.rules.filter { $0.start == st.start && $0.end == st.end }
        var label = Strings.stagePair(st.start.rawValue, st.end.rawValue).text(lang)
        let limits = rules.compactMap { r in r.limit.map { Strings.clockUnit("\($0)", r.unit == .hari ? .hari : .hariKerja).text(lang) } }
        if !limits.isEmpty { label += " · " + Strings.limitWord.text(lang) + " " + limits.joined(separator: "; ") }
        if rules.contains(where: { !$0.verified }) { label += " (" + Strings.unverifiedMark.text(lang) + ")" }
        if let fitted = try measurer.fit(label, theme.label, maxWidth: body.width) {
            marks.append(.text(try measurer.place(fitted, theme.label, x: body.minX, y: y, role: .label)))
        }
        let barTop = y + labelLH + 4 * s
        marks.append(.rect(ChartRect(x: body.minX, y: barTop, width: body.width, height: barH), fill: theme.grid))
        var note: String
        if let m = st.median {
            marks.append(.rect(ChartRect(x: body.minX, y: barTop, width: max(1, x(m.value) - body.minX), height: barH), fill: colour))
            note = Strings.medianWord.text(lang) + " " + Strings.clockUnit(NumberFormat.median(m, lang), .hari).text(lang) + " (n = \(st.ended.count))"
        } else {
            for v in st.ended {
                marks.append(
                    .circle(center: ChartPoint(x: x(Double(v.value)), y: barTop + barH / 2), radius: barH / 2 + 2 * s, fill: colour, stroke: nil, thickness: 0))
            }
            note = st.ended.isEmpty ? "—" : st.ended.map { Strings.clockUnit($0.text, .hari).text(lang) }.joined(separator: ", ")
        }
        // The legal limits in calendar days, dashed across the bar.
        for r in rules where r.unit == .hari {
            if let l = r.limit {
                marks.append(
                    .line(
                        [ChartPoint(x: x(Double(l)), y: barTop - 3 * s), ChartPoint(x: x(Double(l)), y: barTop + barH + 3 * s)], stroke: theme.ink,
                        thickness: 2 * s, dash: 4 * s))
            }
        }
        if let l = st.longest {
            marks.append(
                .line(
                    [ChartPoint(x: x(Double(l)), y: barTop - 5 * s), ChartPoint(x: x(Double(l)), y: barTop + barH + 5 * s)],
                    stroke: KindPalette.color(.sanction), thickness: 4 * s, dash: nil))
            let open = st.longestOpen.map { $0.value == l } ?? false
            note += " · " + Strings.longestWord.text(lang) + " " + (open ? "≥ " : "") + days(l) + (open ? " (" + Strings.stillOpen.text(lang) + ")" : "")
        }
        if let fitted = try measurer.fit(note, theme.note, maxWidth: body.width) {
            marks.append(.text(try measurer.place(fitted, theme.note, x: body.minX, y: barTop + barH + 4 * s, role: .note)))
        }
    }

    /// Received vs decided, one pair of bars per kabupaten/kota, as many as fit; the rows drawn.
    mutating func drawLedger(_ ledger: [CaseLedgerRow]) throws(RenderError) -> [CaseLedgerRow] {
        let head = try measurer.place(Strings.receivedClosedTitle.text(lang), theme.axisTitle, x: body.minX, y: y, role: .axisTitle)
        marks.append(.text(head))
        y = head.box.maxY + 10 * s
        // Each bar as tall as its value's line, so the two values never touch.
        let valueLH = try measurer.lineHeight(theme.value)
        let pairBarH = max(barH, valueLH)
        let rowH = labelLH + 2 * pairBarH + 16 * s
        let fits = max(0, Int((body.maxY - y - noteLH) / rowH))
        let drawn = Array(ledger.prefix(fits))
        let maxN = Double(max(1, drawn.map(\.received).max() ?? 1))
        var valueW = 0.0
        for word in [Strings.received, Strings.closed] {
            valueW = max(valueW, try measurer.width(NumberFormat.number(Int(maxN), lang) + " " + word.text(lang), theme.value) + 12 * s)
        }
        let barW = max(10 * s, body.width - valueW)
        for r in drawn {
            try drawPlace(r, barW: barW, maxN: maxN, pairBarH: pairBarH)
            y += rowH
        }
        if drawn.count < ledger.count {
            marks.append(
                .text(
                    try measurer.place(
                        Strings.placesNotShown(ledger.count - drawn.count).text(lang), theme.note,
                        x: body.minX, y: y, role: .note)))
        }
        return drawn
    }

    /// A kabupaten/kota: its name (and what waits on a forwarded report), then its pair of bars.
    mutating func drawPlace(_ r: CaseLedgerRow, barW: Double, maxN: Double, pairBarH: Double) throws(RenderError) {
        var name = chart.dataset.jurisdictions[r.jurisdiction].name
        if r.forwarded > 0 { name += " · " + Strings.forwardedWaiting.text(lang) + ": \(r.waiting)/\(r.forwarded)" }
        if let fitted = try measurer.fit(name, theme.label, maxWidth: body.width) {
            marks.append(.text(try measurer.place(fitted, theme.label, x: body.minX, y: y, role: .label)))
        }
        var by = y + labelLH + 2 * s
        for (n, kind, word) in [(r.received, EventKind.report, Strings.received), (r.decided, EventKind.decision, Strings.closed)] {
            let w = barW * Double(n) / maxN
            if n > 0 { marks.append(.rect(ChartRect(x: body.minX, y: by, width: max(2 * s, w), height: pairBarH - 2 * s), fill: KindPalette.color(kind))) }
            marks.append(
                .text(
                    try measurer.place(
                        NumberFormat.number(n, lang) + " " + word.text(lang), theme.value,
                        x: body.minX + w + 6 * s, y: by + (pairBarH - 2 * s) / 2, valign: .middle, role: .value)))
            by += pairBarH
        }
    }
}
