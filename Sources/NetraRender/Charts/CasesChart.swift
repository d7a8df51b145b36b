import NetraCore
import NetraAnalytics

/// One line of the cases chart.
public struct CaseSeries: Sendable, Hashable {
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: Int
    /// The tallies' status (`nil` for the signatories panel or a tally without one).
    public var status: CaseStatus?
    /// The unit the numbers count (`ASN`, `kasus`, signatories' unit).
    public var unit: String
    /// 0 the case tallies, 1 the cumulative pledge signatories.
    public var panel: Int
    /// Dates and values: snapshots for tallies (a later one replaces an earlier one),
    /// running sums for signatories.
    public var values: [(day: Day, value: Int)]
    /// Marker centres, one per value (after merging values that fall on one pixel column).
    public var points: [ChartPoint]
    /// The line colour (one per jurisdiction).
    public var color: RGBA
    /// The label at the line's end, when one was kept.
    public var label: TextMark?

    public static func == (a: CaseSeries, b: CaseSeries) -> Bool {
        a.jurisdiction == b.jurisdiction && a.status == b.status && a.unit == b.unit && a.panel == b.panel
            && a.values.map(\.day) == b.values.map(\.day) && a.values.map(\.value) == b.values.map(\.value)
            && a.points == b.points && a.color == b.color && a.label == b.label
    }

    public func hash(into h: inout Hasher) {
        h.combine(jurisdiction); h.combine(status); h.combine(unit); h.combine(panel); h.combine(points)
    }
}

/// The laid-out cases and signatories chart.
public struct CasesPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The two panels' plot areas: case tallies, then signatories.
    public var panels: [ChartRect]
    /// Days to x, shared by both panels.
    public var scale: TimeScale
    /// Lines drawn, panel by panel.
    public var series: [CaseSeries]
    /// Series left out to keep the chart legible.
    public var hiddenSeries: Int
    /// Date ticks under the lower panel.
    public var xTicks: [AxisTick]
    /// Legend entries.
    public var legend: [LegendEntry]
}

/// Case tallies per jurisdiction as steps over time, and cumulative pledge signatories.
public enum CasesChart {
    /// At most this many lines per panel (the largest are kept), so colours stay distinct.
    static let maxSeries = 5

    /// Lays out and draws the chart.
    public static func render(_ dataset: Dataset, options: ChartOptions = ChartOptions()) throws(RenderError) -> RenderedChart<CasesPlan> {
        let ctx = try ChartContext(options: options)
        let plan = try layout(dataset, ctx: ctx)
        return RenderedChart(png: try Painter.png(plan.chart, fonts: ctx.fonts), plan: plan)
    }

    /// The layout only, without drawing.
    public static func layout(_ dataset: Dataset, options: ChartOptions = ChartOptions()) throws(RenderError) -> CasesPlan {
        try layout(dataset, ctx: ChartContext(options: options))
    }

    struct Key: Hashable { var jurisdiction: Int; var status: CaseStatus?; var unit: String; var panel: Int }

    /// One pass: tallies keyed by body, status and unit (the latest of a day wins), signatories
    /// summed per jurisdiction. Events are read in place and units compared as bytes, so no
    /// `Event` is copied and no String made per row.
    static func collect(_ dataset: Dataset) -> [Key: [(day: Day, value: Int)]] {
        // Series are found by integers (jurisdiction, status, unit, panel), not by hashing `Key`
        // with its String; a unit is matched by its bytes and named by its trimmed text.
        struct Slot: Hashable { var j: Int; var status: Int; var unit: Int; var panel: Int }
        var slotOf: [Slot: Int] = [:]
        var keys: [Key] = []
        var lists: [[(day: Day, value: Int, order: Int)]] = []
        var rawUnits: [(bytes: [UInt8], text: Int)] = []
        var unitTexts: [String] = []
        var last = -1
        func same(_ a: [UInt8], _ b: some Collection<UInt8>) -> Bool { a.count == b.count && a.elementsEqual(b) }
        func unit(_ e: borrowing Event) -> Int {
            e.withUTF8(.unit) { b in
                if last >= 0 && same(rawUnits[last].bytes, b) { return rawUnits[last].text }
                if let k = rawUnits.firstIndex(where: { same($0.bytes, b) }) { last = k; return rawUnits[k].text }
                let text = String(decoding: b, as: UTF8.self).trimmingSpaces
                let t = unitTexts.firstIndex(of: text) ?? unitTexts.count
                if t == unitTexts.count { unitTexts.append(text) }
                rawUnits.append((Array(b), t))
                last = rawUnits.count - 1
                return t
            }
        }
        let jCount = dataset.jurisdictions.count
        do { let events = dataset.events
            for i in events.indices {
                let kind = events[i].kind
                guard kind == .caseTally || kind == .pledge, let c = events[i].count, c >= 0,
                      events[i].jurisdiction >= 0 && events[i].jurisdiction < jCount else { continue }
                let tally = kind == .caseTally
                let status = tally ? events[i].status : nil
                let slot = Slot(j: events[i].jurisdiction, status: status.map { $0.order } ?? -1,
                                unit: tally ? unit(events[i]) : -1, panel: tally ? 0 : 1)
                let k: Int
                if let found = slotOf[slot] {
                    k = found
                } else {
                    k = keys.count
                    slotOf[slot] = k
                    keys.append(Key(jurisdiction: slot.j, status: status, unit: tally ? unitTexts[slot.unit] : "", panel: slot.panel))
                    lists.append([])
                }
                lists[k].append((events[i].date.anchor, c, i))
            }
        }
        var raw: [Key: [(day: Day, value: Int, order: Int)]] = [:]
        for (k, key) in keys.enumerated() { raw[key] = lists[k] }
        var out: [Key: [(day: Day, value: Int)]] = [:]
        for (key, list) in raw {
            let sorted = list.sorted { ($0.day, $0.order) < ($1.day, $1.order) }
            var values: [(day: Day, value: Int)] = []
            var sum = 0
            for v in sorted {
                let value = key.panel == 1 ? sum + v.value : v.value
                sum = value
                if let last = values.last, last.day == v.day { values[values.count - 1].value = value } else { values.append((v.day, value)) }
            }
            out[key] = values
        }
        return out
    }

    static func layout(_ dataset: Dataset, ctx: ChartContext) throws(RenderError) -> CasesPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let collected = collect(dataset)
        // Keys in a fixed order (dictionaries are not), the largest series first within a panel.
        func rank(_ j: Int) -> (Int, String, Int) {
            let x = dataset.jurisdictions[j]
            return (TimelineChart.levelRank(x.level), x.name, j)
        }
        func statusRank(_ st: CaseStatus?) -> Int { st.map { $0.order } ?? 9 }
        var keys = collected.keys.sorted { a, b in
            let ra = rank(a.jurisdiction), rb = rank(b.jurisdiction)
            return (a.panel, ra.0, ra.1, ra.2, a.unit, statusRank(a.status)) < (b.panel, rb.0, rb.1, rb.2, b.unit, statusRank(b.status))
        }
        var hidden = 0
        for panel in 0..<2 {
            let inPanel = keys.filter { $0.panel == panel }
            if inPanel.count > maxSeries {
                let keep = Set(inPanel.sorted { (collected[$0]?.last?.value ?? 0) > (collected[$1]?.last?.value ?? 0) }.prefix(maxSeries))
                hidden += inPanel.count - maxSeries
                keys = keys.filter { $0.panel != panel || keep.contains($0) }
            }
        }
        // One colour per jurisdiction, shared by both panels.
        var jurisdictionOrder: [Int] = []
        for k in keys where !jurisdictionOrder.contains(k.jurisdiction) { jurisdictionOrder.append(k.jurisdiction) }
        jurisdictionOrder.sort { rank($0) < rank($1) }
        func color(_ j: Int) -> RGBA { SeriesPalette.color(jurisdictionOrder.firstIndex(of: j) ?? 0) }

        var subtitle = lang == .id ? "Rekap: angka per tanggal laporan, bukan tambahan · ikrar: jumlah berjalan"
                                   : "Tallies: figures as of each report, not increments · pledges: running total"
        if hidden > 0 { subtitle += " · +\(hidden) " + ChartString.seriesHidden.text(lang) }
        var legend = jurisdictionOrder.map { LegendItem(label: dataset.jurisdictions[$0].name, color: color($0), symbol: .line) }
        var statusesShown: [CaseStatus?] = []
        for k in keys where k.panel == 0 && !statusesShown.contains(where: { $0 == k.status }) { statusesShown.append(k.status) }
        for st in CaseStatus.allCases.map(Optional.some) + [nil] where statusesShown.contains(where: { $0 == st }) {
            legend.append(LegendItem(label: ChartText.status(st, lang), color: theme.muted, symbol: symbol(st)))
        }
        let frame = try Frame.layout(FrameSpec(title: ChartString.casesTitle.text(lang), subtitle: subtitle,
                                               footer: ChartText.sourceFooter(dataset, lang), legend: legend), theme: theme, measurer: measurer)
        var marks = frame.marks
        let body = frame.body
        let allDays = keys.flatMap { collected[$0]?.map(\.day) ?? [] }
        guard let first = allDays.min(), let last = allDays.max() else {
            marks.append(try ctx.emptyNote(in: body))
            return CasesPlan(chart: ctx.plan(marks), panels: [], scale: TimeScale(from: Day(ordinal: 0), to: Day(ordinal: 1), range: (body.minX, body.maxX)),
                             series: [], hiddenSeries: hidden, xTicks: [], legend: frame.legend)
        }
        let pad = max(7, (last.ordinal - first.ordinal) / 25)
        let from = first.adding(days: -pad), to = last.adding(days: pad * 2)

        // End labels need a right margin: measure them first.
        func endText(_ k: Key, _ v: Int) -> String {
            let name = dataset.jurisdictions[k.jurisdiction].name
            if k.panel == 1 { return "\(name): \(ChartText.number(v, lang))" }
            let unit = k.unit.isEmpty ? "" : " \(k.unit)"
            return "\(name): \(ChartText.number(v, lang))\(unit) · \(ChartText.status(k.status, lang).lowercased())"
        }
        var labelW = 0.0
        let endStyle = TextStyle(size: theme.label.size, bold: true, color: theme.ink)
        for k in keys { labelW = max(labelW, try measurer.width(endText(k, collected[k]?.last?.value ?? 0), endStyle)) }
        labelW = min(labelW, theme.width * 0.3)

        // Both panels share the left gutter, so measure both axes' labels first.
        let panelMax = (0..<2).map { p in keys.filter { $0.panel == p }.compactMap { collected[$0]?.map(\.value).max() }.max() ?? 0 }
        let yTicks = panelMax.map { NiceTicks.niceTicks(0, Double(max(1, $0)), count: 4, integer: true) }
        let yLabels = yTicks.map { $0.map { ChartText.number($0, lang) } }
        let yTitles = [ChartString.countAxis.text(lang), ChartString.signatories.text(lang)]
        var left = 0.0
        for p in 0..<2 { left = max(left, try YAxis.width(labels: yLabels[p], title: yTitles[p], theme: theme, measurer: measurer)) }
        let axisH = try XAxis.height(title: ChartString.dateAxis.text(lang), theme: theme, measurer: measurer)
        let titleH = (try measurer.lineHeight(theme.axisTitle)) + 8 * s
        let plotX0 = body.minX + left, plotX1 = body.maxX - labelW - 18 * s
        let avail = body.height - axisH - 2 * titleH - 24 * s
        let h0 = (avail * 0.55).rounded(), h1 = avail - h0
        let p0 = ChartRect(minX: plotX0, minY: body.minY + titleH, maxX: plotX1, maxY: body.minY + titleH + h0)
        let p1 = ChartRect(minX: plotX0, minY: p0.maxY + 24 * s + titleH, maxX: plotX1, maxY: p0.maxY + 24 * s + titleH + h1)
        let panels = [p0, p1]
        let scale = TimeScale(from: from, to: to, range: (plotX0, plotX1))
        let panelTitles = [ChartString.casesPanel.text(lang), ChartString.signatoriesOverTime.text(lang)]

        let ticks = TimeTicks(from: from, to: to, maxCount: max(2, Int((plotX1 - plotX0) / (90 * s))))
        var series: [CaseSeries] = []
        for p in 0..<2 {
            let plot = panels[p]
            let yScale = LinearScale(domain: (0, yTicks[p].last ?? 1), range: (plot.maxY, plot.minY))
            if let t = try measurer.fit(panelTitles[p], theme.axisTitle, maxWidth: body.width) {
                marks.append(.text(try measurer.place(t, theme.axisTitle, x: plot.minX, y: plot.minY - titleH, role: .header)))
            }
            for d in ticks.days {
                marks.append(.line([ChartPoint(x: scale(d), y: plot.minY), ChartPoint(x: scale(d), y: plot.maxY)], stroke: theme.grid, thickness: 1 * s, dash: nil))
            }
            let y = try YAxis.marks(scale: yScale, ticks: yTicks[p], labels: yLabels[p], title: yTitles[p], plot: plot,
                                    left: body.minX, theme: theme, measurer: measurer)
            marks.append(contentsOf: y.marks)
            let panelKeys = keys.filter { $0.panel == p }
            if panelKeys.isEmpty {
                marks.append(try ctx.emptyNote(in: plot))
                continue
            }
            var ends: [(series: Int, y: Double, text: String, color: RGBA)] = []
            for k in panelKeys {
                guard let values = collected[k], !values.isEmpty else { continue }
                // Values on one pixel column collapse to the last, so cost follows the width.
                var pts: [ChartPoint] = []
                var kept: [(day: Day, value: Int)] = []
                for v in values {
                    let pt = ChartPoint(x: scale.x(ordinal: Double(v.day.ordinal) + 0.5), y: yScale(Double(v.value)))
                    if let lp = pts.last, (lp.x - pt.x).magnitude < 1 { pts[pts.count - 1] = pt; kept[kept.count - 1] = v } else { pts.append(pt); kept.append(v) }
                }
                var line: [ChartPoint] = p == 1 ? [ChartPoint(x: plot.minX, y: yScale(0)), ChartPoint(x: pts[0].x, y: yScale(0))] : []
                for (n, pt) in pts.enumerated() {
                    if n > 0 { line.append(ChartPoint(x: pt.x, y: pts[n - 1].y)) }
                    line.append(pt)
                }
                if let lp = pts.last { line.append(ChartPoint(x: plot.maxX, y: lp.y)) }
                let c = color(k.jurisdiction)
                marks.append(.line(line, stroke: c, thickness: 3 * s, dash: nil))
                if pts.count <= 40 { for pt in pts { marks.append(contentsOf: marker(k.panel == 0 ? k.status : .alleged, pt, 7 * s, c, s)) } }
                ends.append((series.count, pts.last?.y ?? plot.maxY, endText(k, kept.last?.value ?? 0), c))
                series.append(CaseSeries(jurisdiction: k.jurisdiction, status: k.panel == 0 ? k.status : nil, unit: k.unit, panel: p,
                                         values: kept, points: pts, color: c, label: nil))
            }
            // End labels: stacked in the order of their lines' ends, pushed apart downward and
            // then back up from the panel's foot; any that still cannot fit are left out.
            let lh = try measurer.lineHeight(theme.label)
            let gap = 3 * s
            let minTop = plot.minY - lh / 2, maxBottom = plot.maxY + min(lh / 2, 12 * s)
            var order = ends.sorted { ($0.y, $0.series) < ($1.y, $1.series) }
            let capacity = max(0, Int((maxBottom - minTop + gap) / (lh + gap)))
            if order.count > capacity {
                // Keep the largest values (highest lines) when not all fit.
                order = Array(order.prefix(capacity))
            }
            var tops = order.map { $0.y - lh / 2 }
            for i in tops.indices {
                tops[i] = max(tops[i], minTop)
                if i > 0 { tops[i] = max(tops[i], tops[i - 1] + lh + gap) }
            }
            for i in tops.indices.reversed() {
                tops[i] = min(tops[i], maxBottom - lh)
                if i < tops.count - 1 { tops[i] = min(tops[i], tops[i + 1] - lh - gap) }
            }
            for (i, e) in order.enumerated() where tops[i] >= minTop - 0.5 {
                let style = TextStyle(size: theme.label.size, bold: true, color: e.color.shaded(0.2))
                guard let text = try measurer.fit(e.text, style, maxWidth: labelW) else { continue }
                let mark = try measurer.place(text, style, x: plot.maxX + 14 * s, y: tops[i], role: .label)
                if abs(mark.box.midY - e.y) > 2 * s {
                    marks.append(.line([ChartPoint(x: plot.maxX, y: e.y), ChartPoint(x: plot.maxX + 11 * s, y: mark.box.midY)], stroke: e.color, thickness: 1.5 * s, dash: nil))
                }
                marks.append(.text(mark))
                series[e.series].label = mark
            }
        }
        let x = try XAxis.marks(positions: ticks.days.map { scale($0) }, values: ticks.days.map { Double($0.ordinal) },
                                labels: ticks.labels(lang), title: ChartString.dateAxis.text(lang), plot: p1, theme: theme, measurer: measurer)
        marks.append(contentsOf: x.marks)
        return CasesPlan(chart: ctx.plan(marks), panels: panels, scale: scale, series: series, hiddenSeries: hidden,
                         xTicks: x.ticks, legend: frame.legend)
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
