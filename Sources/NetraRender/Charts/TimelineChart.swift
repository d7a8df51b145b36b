import NetraCore
import NetraAnalytics

/// One lane of the timeline: a jurisdiction's row band.
public struct TimelineLane: Sendable, Hashable {
    /// Index into `Dataset.jurisdictions`.
    public var jurisdiction: Int
    /// The band it occupies, name column included.
    public var rect: ChartRect
    /// Label rows given to it.
    public var rows: Int
    /// Events drawn without a label (said as "+N more" beside the name).
    public var unlabelled: Int
    /// Jurisdictions under this one whose events were rolled into the lane for lack of room.
    public var merged: Int
}

/// How an event's date is drawn.
public enum TimelineMarkerStyle: Sendable, Hashable {
    /// A filled dot: a known day.
    case dot
    /// A hollow dot with a short line to the left: it happened on or before the day.
    case onOrBefore
    /// A bar over the days it may cover: month or year precision, or a span with an end date.
    case span
}

/// One event on the timeline (detail mode).
public struct TimelineItem: Sendable, Hashable {
    /// Index into `Dataset.events`.
    public var event: Int
    /// Index into `TimelinePlan.lanes`.
    public var lane: Int
    /// Label row in the lane; `nil` when the marker sits on the lane's bottom strip unlabelled.
    public var row: Int?
    /// How the date is drawn.
    public var style: TimelineMarkerStyle
    /// The marker's centre (the start of a span bar).
    public var marker: ChartPoint
    /// The bar of a `span`.
    public var bar: ChartRect?
    /// The label, when one was kept.
    public var label: TextMark?
    /// The room the item takes in its row (marker, tail, bar and label).
    public var box: ChartRect
}

/// Many events of one lane and period drawn as one counted marker (cluster mode).
public struct TimelineCluster: Sendable, Hashable {
    /// Index into `TimelinePlan.lanes`.
    public var lane: Int
    /// First day of the period.
    public var first: Day
    /// Last day of the period.
    public var last: Day
    /// Events it stands for.
    public var count: Int
    /// The most frequent kind, which gives the colour.
    public var kind: EventKind
    /// Marker centre.
    public var center: ChartPoint
    /// Marker radius.
    public var radius: Double
    /// The count written in (or over) the marker, when it fit.
    public var label: TextMark?
}

/// An election day's vertical rule.
public struct ElectionRule: Sendable, Hashable {
    /// Index into `Dataset.elections`.
    public var election: Int
    /// The rule’s x (the middle of the election day).
    public var x: Double
    /// Where the rule starts, under its label.
    public var top: Double
    /// Where the rule ends.
    public var bottom: Double
    /// The name, and the date under it when there was room; empty when left out.
    public var labels: [TextMark]
}

/// A link drawn between two events on the timeline.
public struct TimelineEdge: Sendable, Hashable {
    /// The effect (the event carrying the link), an index into `Dataset.events`.
    public var from: Int
    /// The cause.
    public var to: Int
    /// The link’s relation.
    public var relation: Relation
}

/// The laid-out timeline.
public struct TimelinePlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The area of the lanes right of the name column.
    public var plot: ChartRect
    /// Days to x.
    public var scale: TimeScale
    /// Index into `TimelinePlan.lanes`.
    public var lanes: [TimelineLane]
    /// One per drawn event in detail mode; empty when clustered.
    public var items: [TimelineItem]
    /// Counted markers in cluster mode; empty otherwise.
    public var clusters: [TimelineCluster]
    /// Links drawn, effect to cause (indices into `Dataset.events`).
    public var edges: [TimelineEdge]
    /// Election rules.
    public var elections: [ElectionRule]
    /// The rule’s x (the middle of the election day).
    public var xTicks: [AxisTick]
    /// Legend entries.
    public var legend: [LegendEntry]
    /// True when events were aggregated per lane × period.
    public var clustered: Bool
    /// Lanes with events that did not fit on the canvas.
    public var hiddenLanes: Int
    /// Events in the window (drawn or in hidden lanes).
    public var eventCount: Int
}

/// The timeline: one lane per jurisdiction, a marker per event, links, and election days.
public enum TimelineChart {
    /// Events above this many are aggregated into counted markers per lane × period: at
    /// 1600×900 about this many labels fit before most markers would go unlabelled.
    public static let defaultDetailLimit = 150

    /// Lays out and draws the timeline; `window` limits the days shown (all events when `nil`).
    public static func render(_ dataset: Dataset, graph: EventGraph, options: ChartOptions = ChartOptions(),
                              window: ClosedRange<Day>? = nil,
                              detailLimit: Int = defaultDetailLimit) throws(RenderError) -> RenderedChart<TimelinePlan> {
        let ctx = try ChartContext(options: options)
        let plan = try layout(dataset, graph: graph, ctx: ctx, window: window, detailLimit: detailLimit)
        return RenderedChart(png: try Painter.png(plan.chart, fonts: ctx.fonts), plan: plan)
    }

    /// The layout only, without drawing.
    public static func layout(_ dataset: Dataset, graph: EventGraph, options: ChartOptions = ChartOptions(),
                              window: ClosedRange<Day>? = nil, detailLimit: Int = defaultDetailLimit) throws(RenderError) -> TimelinePlan {
        try layout(dataset, graph: graph, ctx: ChartContext(options: options), window: window, detailLimit: detailLimit)
    }

    /// Lane order: nasional, provinsi, kabupaten and kota together, then by name.
    static func levelRank(_ l: JurisdictionLevel) -> Int {
        switch l {
        case .nasional: return 0
        case .provinsi: return 1
        case .kabupaten, .kota: return 2
        }
    }

    /// The first and last day an event can cover.
    @inline(__always)
    static func extent(_ e: borrowing Event) -> (Day, Day) {
        var last = e.date.written.last
        if let end = e.endDate, end > last { last = end }
        return (e.date.anchor, last)
    }

    static func layout(_ dataset: Dataset, graph: EventGraph, ctx: ChartContext, window: ClosedRange<Day>?,
                       detailLimit: Int) throws(RenderError) -> TimelinePlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let jCount = dataset.jurisdictions.count

        // Pass 1: the days covered, events per jurisdiction and the kinds present.
        var perJurisdiction = [Int](repeating: 0, count: jCount)
        var kindSeen = [Bool](repeating: false, count: EventKind.allCases.count)
        var lo = Int.max, hi = Int.min, inWindow = 0
        var anyOnOrBefore = false, anySpan = false
        // Events are read in place: a copy of each `Event` would retain its arrays and store.
        do { let events = dataset.events
            for i in events.indices where events[i].jurisdiction >= 0 && events[i].jurisdiction < jCount {
                let (a, b) = extent(events[i])
                if let w = window, b < w.lowerBound || a > w.upperBound { continue }
                inWindow += 1
                perJurisdiction[events[i].jurisdiction] += 1
                kindSeen[events[i].kind.order] = true
                lo = min(lo, a.ordinal); hi = max(hi, b.ordinal)
                let precision = events[i].date.precision
                if precision == .onOrBefore { anyOnOrBefore = true }
                if precision == .month || precision == .year || events[i].endDate != nil { anySpan = true }
            }
        }
        var from: Day, to: Day
        if let w = window {
            from = w.lowerBound; to = w.upperBound
        } else if inWindow > 0 {
            from = Day(ordinal: lo); to = Day(ordinal: hi)
            // Elections near the events belong on the chart even a little beyond them.
            for el in dataset.elections where el.date.ordinal >= lo - 366 && el.date.ordinal <= hi + 366 {
                from = min(from, el.date); to = max(to, el.date)
            }
            let pad = max(3, (to.ordinal - from.ordinal) / 40)
            from = from.adding(days: -pad); to = to.adding(days: pad)
        } else {
            let today = dataset.elections.first?.date ?? Day(ordinal: 19_700)
            from = today.adding(days: -30); to = today.adding(days: 30)
        }
        if to.ordinal <= from.ordinal { to = from.adding(days: 1) }
        let clustered = inWindow > detailLimit

        // Lanes: every jurisdiction with an event, in level-then-name order; `laneRoot` says
        // whose lane a jurisdiction's events join (itself unless rolled up below).
        var laneRoot = Array(0..<jCount)
        func lanes(for root: [Int]) -> [Int] {
            var seen = [Bool](repeating: false, count: jCount)
            for j in 0..<jCount where perJurisdiction[j] > 0 { seen[root[j]] = true }
            return (0..<jCount).filter { seen[$0] }.sorted {
                let a = dataset.jurisdictions[$0], b = dataset.jurisdictions[$1]
                return (levelRank(a.level), a.name, $0) < (levelRank(b.level), b.name, $1)
            }
        }
        var laneOrder = lanes(for: laneRoot)

        // Frame: title, subtitle, legend, footer.
        // The subtitle names the days the events cover (or the window), not the padded axis.
        let (shownFrom, shownTo) = window.map { ($0.lowerBound, $0.upperBound) }
            ?? (inWindow > 0 ? (Day(ordinal: lo), Day(ordinal: hi)) : (from, to))
        var subtitle = ChartText.shortDate(shownFrom, lang) + " – " + ChartText.shortDate(shownTo, lang)
            + " · \(ChartText.number(inWindow, lang)) \(ChartString.events.text(lang))"
        if clustered { subtitle += " · " + ChartString.clustered.text(lang) }
        var legend = EventKind.allCases.filter { kindSeen[$0.order] }.map {
            LegendItem(label: ChartText.kind($0, lang), color: KindPalette.color($0), symbol: .circle)
        }
        if !clustered && anyOnOrBefore { legend.append(LegendItem(label: ChartString.onOrBefore.text(lang), color: theme.muted, symbol: .hollowCircle)) }
        if !clustered && anySpan { legend.append(LegendItem(label: ChartString.monthOrYear.text(lang), color: theme.muted, symbol: .spanBar)) }
        let electionsShown = dataset.elections.indices.filter { dataset.elections[$0].date >= from && dataset.elections[$0].date <= to }
        if !electionsShown.isEmpty { legend.append(LegendItem(label: ChartString.electionDay.text(lang), color: theme.ink, symbol: .dashedLine)) }
        if !clustered && graph.edgeCount > 0 { legend.append(LegendItem(label: ChartString.link.text(lang), color: theme.muted, symbol: .line)) }

        // The lanes that fit decide the subtitle, so measure rows before laying out the frame.
        let lh = try measurer.lineHeight(theme.label)
        let r = (7 * s).rounded()
        let rowH = (max(2 * r, lh) + 4 * s).rounded()
        let rugH = (12 * s).rounded()
        let nameLH = try measurer.lineHeight(theme.laneName)
        let minLane = max(clustered ? 2.2 * rowH : rowH + rugH + 8 * s, nameLH + 10 * s)

        // Lay out a provisional frame to learn the body height, then the real one with the note.
        let footer = ChartText.sourceFooter(dataset, lang)
        var spec = FrameSpec(title: ChartString.timelineTitle.text(lang), subtitle: subtitle, footer: footer, legend: legend)
        var frame = try Frame.layout(spec, theme: theme, measurer: measurer)
        let electionLH = try measurer.lineHeight(theme.note)
        let axisH = try XAxis.height(title: nil, theme: theme, measurer: measurer)
        let bandH = electionsShown.isEmpty ? 0 : 2 * (electionLH + 4 * s) + 4 * s
        func lanesArea(_ body: ChartRect) -> ChartRect {
            ChartRect(minX: body.minX, minY: body.minY + bandH, maxX: body.maxX, maxY: body.maxY - axisH)
        }
        // Too many lanes: roll kabupaten and kota into their province, then provinces into the
        // nation (counts roll up the same way); only then leave lanes out.
        let maxLanes = max(1, Int(lanesArea(frame.body).height / minLane))
        var rolledUp = false
        for rank in [2, 1] where laneOrder.count > maxLanes {
            for j in 0..<jCount where levelRank(dataset.jurisdictions[laneRoot[j]].level) >= rank {
                if let up = dataset.lineage(of: j).first(where: { levelRank(dataset.jurisdictions[$0].level) < rank }) { laneRoot[j] = up }
            }
            laneOrder = lanes(for: laneRoot)
            rolledUp = true
        }
        let hiddenLanes = max(0, laneOrder.count - maxLanes)
        if hiddenLanes > 0 { laneOrder = Array(laneOrder.prefix(maxLanes)) }
        if rolledUp { spec.subtitle += " · " + ChartString.rolledUp.text(lang) }
        if hiddenLanes > 0 { spec.subtitle += " · +\(ChartText.number(hiddenLanes, lang)) " + ChartString.lanesHidden.text(lang) }
        if rolledUp || hiddenLanes > 0 { frame = try Frame.layout(spec, theme: theme, measurer: measurer) }
        var marks = frame.marks
        let area = lanesArea(frame.body)

        // Name column from the widest name, capped at a fifth of the canvas.
        var laneOfRoot = [Int](repeating: -1, count: jCount)
        for (k, j) in laneOrder.enumerated() { laneOfRoot[j] = k }
        var merged = [Int](repeating: 0, count: laneOrder.count)
        for j in 0..<jCount where perJurisdiction[j] > 0 && laneRoot[j] != j && laneOfRoot[laneRoot[j]] >= 0 { merged[laneOfRoot[laneRoot[j]]] += 1 }
        func mergedNote(_ n: Int) -> String { "+\(ChartText.number(n, lang)) " + ChartString.underIt.text(lang) }
        var nameW = 0.0
        for j in laneOrder { nameW = max(nameW, try measurer.width(dataset.jurisdictions[j].name, theme.laneName)) }
        for n in merged where n > 0 { nameW = max(nameW, try measurer.width(mergedNote(n), theme.note)) }
        nameW = min(nameW, theme.width * 0.2)
        let plot = ChartRect(minX: area.minX + nameW + 20 * s, minY: area.minY, maxX: area.maxX - 6 * s, maxY: area.maxY)
        let scale = TimeScale(from: from, to: to, range: (plot.minX, plot.maxX))
        func xMid(_ d: Day) -> Double { scale.x(ordinal: Double(d.ordinal) + 0.5) }

        var laneOf = [Int](repeating: -1, count: jCount)
        for (k, j) in laneOrder.enumerated() { laneOf[j] = k }
        for j in 0..<jCount where laneOf[j] < 0 && laneOf[laneRoot[j]] >= 0 { laneOf[j] = laneOf[laneRoot[j]] }

        // Items (detail mode): measure every label candidate once.
        struct Pending {
            var event: Int, lane: Int, style: TimelineMarkerStyle
            var markerX: Double, bar: (Double, Double)?, left: Double, right: Double, textX: Double
            var labels: [(String, Double)]
        }
        var pending: [Pending] = []
        let labelGap = 5 * s, tail = 3 * r
        let fullW = 270 * s, shortW = 130 * s
        if !clustered {
            for (i, e) in dataset.events.enumerated() where e.jurisdiction >= 0 && e.jurisdiction < jCount {
                let lane = laneOf[e.jurisdiction]
                guard lane >= 0 else { continue }
                let (a, b) = extent(e)
                if let w = window, b < w.lowerBound || a > w.upperBound { continue }
                let style: TimelineMarkerStyle
                var bar: (Double, Double)?
                let mx: Double
                let left: Double, right: Double, textX: Double
                if e.date.precision == .month || e.date.precision == .year || e.endDate != nil {
                    style = .span
                    let x0 = max(plot.minX, scale(a)), x1 = min(plot.maxX, max(scale(b.adding(days: 1)), scale(a) + 2 * r))
                    bar = (x0, x1); mx = x0
                    left = x0; right = x1; textX = x0 + (e.endDate != nil && e.date.isExact ? 2 * r + labelGap : labelGap)
                } else {
                    style = e.date.precision == .onOrBefore ? .onOrBefore : .dot
                    mx = xMid(a)
                    left = mx - r - (style == .onOrBefore ? tail : 0); right = mx + r; textX = mx + r + labelGap
                }
                var labels: [(String, Double)] = []
                let title = e.title.isEmpty ? e.id : e.title
                if let full = try measurer.fit(title, theme.label, maxWidth: fullW) {
                    labels.append((full, try measurer.width(full, theme.label)))
                }
                if let short = try measurer.fit(title, theme.label, maxWidth: shortW), short != labels.first?.0 {
                    labels.append((short, try measurer.width(short, theme.label)))
                }
                pending.append(Pending(event: i, lane: lane, style: style, markerX: mx, bar: bar,
                                       left: left, right: right, textX: textX, labels: labels))
            }
            pending.sort { ($0.left, $0.event) < ($1.left, $1.event) }
        }

        // Rows: first-fit over interval lists; a label may sit right of its marker or, near the
        // right edge, left of it.
        let rightLimit = theme.width - theme.margin * 0.5
        let hGap = 10 * s
        func candidates(_ p: Pending) -> [(ChartRect, String?, Bool)] {
            var out: [(ChartRect, String?, Bool)] = []
            for (text, w) in p.labels {
                let rightBox = ChartRect(minX: p.left, minY: 0, maxX: max(p.right, p.textX + w), maxY: 1)
                if rightBox.maxX <= rightLimit { out.append((rightBox, text, false)) }
                // Second choice: the label left of its marker (dots only; a bar's label sits on it).
                if p.style != .span {
                    let leftBox = ChartRect(minX: p.left - labelGap - w, minY: 0, maxX: p.right, maxY: 1)
                    if leftBox.minX >= plot.minX - 2 * s { out.append((leftBox, text, true)) }
                }
            }
            out.append((ChartRect(minX: p.left, minY: 0, maxX: p.right, maxY: 1), nil, false))
            return out
        }
        struct Placed { var pending: Int; var row: Int?; var box: ChartRect; var text: String?; var flipped: Bool }
        func stack(_ idx: [Int], rows: Int) -> [Placed] {
            var rowIntervals = [[(Double, Double)]](repeating: [], count: max(0, rows))
            var out: [Placed] = []
            for k in idx {
                var done = false
                for (box, text, flipped) in candidates(pending[k]) where !done {
                    for row in 0..<rows where !rowIntervals[row].contains(where: { box.minX < $0.1 + hGap && $0.0 < box.maxX + hGap }) {
                        rowIntervals[row].append((box.minX, box.maxX))
                        out.append(Placed(pending: k, row: row, box: box, text: text, flipped: flipped))
                        done = true
                        break
                    }
                }
                if !done { out.append(Placed(pending: k, row: nil, box: ChartRect(minX: pending[k].left, minY: 0, maxX: pending[k].right, maxY: 1), text: nil, flipped: false)) }
            }
            return out
        }
        var byLane = [[Int]](repeating: [], count: laneOrder.count)
        for (k, p) in pending.enumerated() { byLane[p.lane].append(k) }

        // Rows per lane: what each lane would use unconstrained, shared out fairly (water-filling).
        let laneCount = laneOrder.count
        var rowsFor = [Int](repeating: 1, count: laneCount)
        var laneHeights = [Double](repeating: 0, count: laneCount)
        if laneCount > 0 {
            if clustered {
                for k in 0..<laneCount { laneHeights[k] = area.height / Double(laneCount) }
            } else {
                let demand = byLane.map { idx -> Int in
                    let used = stack(idx, rows: 40).compactMap(\.row).max() ?? 0
                    return max(1, used + 1)
                }
                // Only lanes that cannot label everything keep a strip for unlabelled markers;
                // which lanes those are depends on the rows left, so allocate twice.
                var rug = [Bool](repeating: true, count: laneCount)
                for _ in 0..<2 {
                    let strips = Double(rug.filter { $0 }.count) * rugH
                    let capacity = Int((area.height - strips - Double(laneCount) * 8 * s) / rowH)
                    rowsFor = [Int](repeating: 1, count: laneCount)
                    var left = max(0, capacity - laneCount)
                    var grew = true
                    while left > 0 && grew {
                        grew = false
                        for k in 0..<laneCount where left > 0 && rowsFor[k] < demand[k] { rowsFor[k] += 1; left -= 1; grew = true }
                    }
                    rug = (0..<laneCount).map { rowsFor[$0] < demand[$0] || demand[$0] >= 40 }
                }
                let used = (0..<laneCount).reduce(0.0) { $0 + Double(rowsFor[$1]) * rowH + (rug[$1] ? rugH : 0) + 8 * s }
                let extra = max(0, area.height - used) / Double(laneCount)
                for k in 0..<laneCount { laneHeights[k] = Double(rowsFor[k]) * rowH + (rug[k] ? rugH : 0) + 8 * s + extra }
            }
        }

        // Lane bands and names.
        var lanes: [TimelineLane] = []
        var y = area.minY
        for (k, j) in laneOrder.enumerated() {
            let rect = ChartRect(x: area.minX, y: y.rounded(), width: area.width, height: (y + laneHeights[k]).rounded() - y.rounded())
            lanes.append(TimelineLane(jurisdiction: j, rect: rect, rows: rowsFor[k], unlabelled: 0, merged: merged[k]))
            y += laneHeights[k]
            if k % 2 == 0 { marks.append(.rect(rect, fill: theme.band)) }
        }

        // Grid and ticks.
        let ticks = TimeTicks(from: from, to: to, maxCount: max(2, Int(plot.width / (90 * s))))
        let tickX = ticks.days.map { scale($0) }
        for x in tickX { marks.append(.line([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)], stroke: theme.grid, thickness: 1 * s, dash: nil)) }
        let xAxis = try XAxis.marks(positions: tickX, values: ticks.days.map { Double($0.ordinal) }, labels: ticks.labels(lang),
                                    title: nil, plot: plot, theme: theme, measurer: measurer)
        marks.append(contentsOf: xAxis.marks)
        marks.append(.line([ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)], stroke: theme.axis, thickness: 1.5 * s, dash: nil))

        // Election rules. Labels go greedily in the two rows above the lanes: name over date,
        // else the name alone; centred, ending at, or starting at the rule; never across
        // another election's rule.
        var rules: [ElectionRule] = []
        var electionPlacer = LabelPlacer(bounds: ChartRect(minX: theme.margin * 0.5, minY: frame.body.minY - 1, maxX: theme.width - theme.margin * 0.5, maxY: plot.minY),
                                         padding: 8 * s, verticalPadding: 1 * s)
        let ruleXs = electionsShown.map { xMid(dataset.elections[$0].date) }
        let bold = TextStyle(size: theme.note.size, bold: true, color: theme.ink)
        let rowY = [frame.body.minY, frame.body.minY + electionLH + 4 * s]
        for (n, ei) in electionsShown.enumerated() {
            let el = dataset.elections[ei]
            let x = ruleXs[n]
            var options: [[TextMark]] = []
            for (align, ax) in [(TextMeasurer.Align.center, x), (.right, x - 5 * s), (.left, x + 5 * s)] {
                options.append([try measurer.place(el.name, bold, x: ax, y: rowY[0], align: align, role: .label),
                                try measurer.place(ChartText.shortDate(el.date, lang), theme.note, x: ax, y: rowY[1], align: align, role: .label)])
            }
            for row in 0..<2 {
                for (align, ax) in [(TextMeasurer.Align.center, x), (.right, x - 5 * s), (.left, x + 5 * s)] {
                    options.append([try measurer.place(el.name, bold, x: ax, y: rowY[row], align: align, role: .label)])
                }
            }
            let others = ruleXs.enumerated().filter { $0.offset != n }.map(\.element)
            let boxes = options.map { $0.dropFirst().reduce($0[0].box) { $0.union($1.box) } }
            let allowed = boxes.map { b in others.allSatisfy { $0 < b.minX - 4 * s || $0 > b.maxX + 4 * s } }
            let pick = electionPlacer.place(boxes.enumerated().map { allowed[$0.offset] ? $0.element : ChartRect(x: -1e6, y: 0, width: 1, height: 1) })
            let labels = pick.map { options[$0] } ?? []
            let top = pick.map { boxes[$0].maxY + 2 * s } ?? plot.minY
            rules.append(ElectionRule(election: ei, x: x, top: top, bottom: plot.maxY, labels: labels))
            marks.append(.line([ChartPoint(x: x, y: top), ChartPoint(x: x, y: plot.maxY)], stroke: theme.ink.withAlpha(200), thickness: 2 * s, dash: 7 * s))
            for l in labels { marks.append(.text(l)) }
        }

        var items: [TimelineItem] = []
        var clusters: [TimelineCluster] = []
        var drawnEdges: [TimelineEdge] = []

        if clustered {
            clusters = cluster(dataset, window: window, laneOf: laneOf, lanes: lanes, plot: plot, scale: scale, ctx: ctx)
            for c in clusters {
                let color = KindPalette.color(c.kind)
                marks.append(.circle(center: c.center, radius: c.radius, fill: color.withAlpha(220), stroke: KindPalette.outline(c.kind), thickness: 1.5 * s))
            }
            for c in clusters { if let l = c.label { marks.append(.text(l)) } }
        } else {
            // Place items lane by lane in the rows granted.
            var itemAt = [Int](repeating: -1, count: dataset.events.count)
            for (k, lane) in lanes.enumerated() {
                let top = lane.rect.minY + 4 * s
                let rugY = lane.rect.maxY - rugH / 2 - 3 * s
                for p in stack(byLane[k], rows: lane.rows) {
                    let pend = pending[p.pending]
                    let cy = p.row.map { top + (Double($0) + 0.5) * rowH } ?? rugY
                    var label: TextMark?
                    if let text = p.text {
                        let tx = p.flipped ? p.box.minX : pend.textX
                        label = try measurer.place(text, theme.label, x: tx, y: cy, valign: .middle, role: .label)
                    }
                    let barH = p.row == nil ? rugH * 0.6 : rowH - 6 * s
                    let bar = pend.bar.map { ChartRect(minX: $0.0, minY: cy - barH / 2, maxX: $0.1, maxY: cy + barH / 2) }
                    let box = ChartRect(minX: p.box.minX, minY: cy - rowH / 2, maxX: p.box.maxX, maxY: cy + rowH / 2)
                    itemAt[pend.event] = items.count
                    items.append(TimelineItem(event: pend.event, lane: k, row: p.row, style: pend.style,
                                              marker: ChartPoint(x: pend.markerX, y: cy), bar: bar, label: label, box: box))
                    if label == nil { lanes[k].unlabelled += 1 }
                }
            }
            // Links behind markers, as gentle curves from effect to cause.
            if graph.nodeCount == dataset.events.count {
                for it in items {
                    for c in graph.causes(of: it.event) where itemAt[c.node] >= 0 {
                        drawnEdges.append(TimelineEdge(from: it.event, to: c.node, relation: c.relation))
                    }
                }
                // Many links would veil the labels: draw them fainter and thinner.
                let many = drawnEdges.count > 40
                for edge in drawnEdges {
                    let a = items[itemAt[edge.from]].marker, b = items[itemAt[edge.to]].marker
                    marks.append(.line(curve(from: a, to: b, s: s), stroke: theme.muted.withAlpha(many ? 80 : 150), thickness: (many ? 1 : 1.5) * s, dash: nil))
                }
            }
            for it in items { marks.append(contentsOf: itemMarks(it, kind: dataset.events[it.event], r: it.row == nil ? r * 0.6 : r, tail: tail, s: s)) }
            // A soft backing in the lane's colour keeps labels readable over rules and links.
            for it in items {
                guard let l = it.label else { continue }
                let bg = it.lane % 2 == 0 ? theme.band : theme.background
                if it.style != .span { marks.append(.rect(l.box.insetBy(dx: -2 * s, dy: 0), fill: bg.withAlpha(215))) }
                marks.append(.text(l))
            }
        }

        // Names last, so nothing draws over them; "+N more" under the name or beside it.
        for (k, lane) in lanes.enumerated() {
            let j = lane.jurisdiction
            let name = try measurer.fit(dataset.jurisdictions[j].name, theme.laneName, maxWidth: nameW) ?? ""
            let nameMark = try measurer.place(name, theme.laneName, x: area.minX + 8 * s, y: lane.rect.minY + 6 * s, role: .laneName)
            marks.append(.text(nameMark))
            // Notes under the name, one a line while the lane has room, else beside the name.
            var notes: [String] = []
            if lane.merged > 0 { notes.append(mergedNote(lane.merged)) }
            if lane.unlabelled > 0 { notes.append("+\(ChartText.number(lane.unlabelled, lang)) \(ChartString.moreEvents.text(lang))") }
            var noteY = nameMark.box.maxY + 2 * s
            var beside: [String] = []
            for note in notes {
                if noteY + electionLH <= lanes[k].rect.maxY - 2 * s, let fitted = try measurer.fit(note, theme.note, maxWidth: nameW + 10 * s) {
                    let m = try measurer.place(fitted, theme.note, x: area.minX + 8 * s, y: noteY, role: .note)
                    marks.append(.text(m)); noteY = m.box.maxY + 1 * s
                } else {
                    beside.append(note)
                }
            }
            if !beside.isEmpty, let fitted = try measurer.fit(beside.joined(separator: " · "), theme.note, maxWidth: plot.minX - nameMark.box.maxX - 10 * s) {
                marks.append(.text(try measurer.place(fitted, theme.note, x: nameMark.box.maxX + 6 * s, y: nameMark.box.midY, valign: .middle, role: .note)))
            }
        }

        return TimelinePlan(chart: ctx.plan(marks), plot: plot, scale: scale, lanes: lanes, items: items, clusters: clusters,
                            edges: drawnEdges, elections: rules, xTicks: xAxis.ticks, legend: frame.legend,
                            clustered: clustered, hiddenLanes: hiddenLanes, eventCount: inWindow)
    }

    /// A quadratic curve bowing upward between two markers, as a polyline.
    static func curve(from a: ChartPoint, to b: ChartPoint, s: Double) -> [ChartPoint] {
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 1 else { return [a, b] }
        let bow = min(40 * s, len * 0.25)
        // The normal that points up, so curves arch over the row instead of through labels below.
        var nx = -dy / len, ny = dx / len
        if ny > 0 { nx = -nx; ny = -ny }
        let c = ChartPoint(x: (a.x + b.x) / 2 + nx * bow, y: (a.y + b.y) / 2 + ny * bow)
        let steps = 16
        return (0...steps).map { k in
            let t = Double(k) / Double(steps), u = 1 - t
            return ChartPoint(x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y)
        }
    }

    static func itemMarks(_ it: TimelineItem, kind e: Event, r: Double, tail: Double, s: Double) -> [Mark] {
        let color = KindPalette.color(e.kind), edge = KindPalette.outline(e.kind)
        switch it.style {
        case .dot:
            return [.circle(center: it.marker, radius: r, fill: color, stroke: edge, thickness: 1.5 * s)]
        case .onOrBefore:
            let m = it.marker
            return [.line([ChartPoint(x: m.x - r - tail * (r / (7 * s)), y: m.y), ChartPoint(x: m.x - r, y: m.y)], stroke: edge, thickness: 2 * s, dash: nil),
                    .circle(center: m, radius: r - 1 * s, fill: .white, stroke: color == RGBA(hex: 0xF0E442) ? edge : color, thickness: 3 * s)]
        case .span:
            guard let bar = it.bar else { return [] }
            var out: [Mark] = [.rect(bar, fill: color.withAlpha(70)), .outline(bar, stroke: color.shaded(0.15).withAlpha(200), thickness: 1 * s)]
            if e.endDate != nil && e.date.isExact {
                out.append(.circle(center: ChartPoint(x: bar.minX + r, y: bar.midY), radius: r * 0.85, fill: color, stroke: edge, thickness: 1.5 * s))
            }
            return out
        }
    }

    /// Cluster mode. One aggregation pass counts events per lane × base period (a day, or a
    /// month over long spans) × kind; the display period (day, week, month, quarter, year) is
    /// then the finest whose markers can hold their count, found by merging those cells only.
    static func cluster(_ dataset: Dataset, window: ClosedRange<Day>?, laneOf: [Int], lanes: [TimelineLane], plot: ChartRect,
                        scale: TimeScale, ctx: ChartContext) -> [TimelineCluster] {
        let s = ctx.s
        let kinds = EventKind.allCases.count
        // Base cells: days over spans up to about eleven years, months up to two centuries,
        // else years, so the table stays small whatever the dates.
        enum Base { case day, month, year }
        let span = scale.to.ordinal - scale.from.ordinal
        let monthSpan = scale.to.month.index - scale.from.month.index
        let base: Base = span <= 4000 ? .day : monthSpan <= 2400 ? .month : .year
        func baseIndex(_ d: Day) -> Int {
            switch base {
            case .day: return d.ordinal
            case .month: return d.month.index
            case .year: return d.year
            }
        }
        let base0 = baseIndex(scale.from)
        let nBase = max(1, baseIndex(scale.to) - base0 + 1)
        var counts = [Int32](repeating: 0, count: lanes.count * nBase * kinds)
        do { let events = dataset.events
            for i in events.indices where events[i].jurisdiction >= 0 && events[i].jurisdiction < laneOf.count {
                let lane = laneOf[events[i].jurisdiction]
                if lane < 0 { continue }
                let a = events[i].date.anchor
                if let w = window, !w.contains(a) { continue }
                let b = min(max(baseIndex(a) - base0, 0), nBase - 1)
                counts[(lane * nBase + b) * kinds + events[i].kind.order] += 1
            }
        }

        // Display periods, each with its map from a base cell and its first day.
        func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        struct Unit { var days: Double; var of: (Int) -> Int; var start: (Int) -> Day }
        var units: [Unit] = []
        if base == .day {
            units.append(Unit(days: 1, of: { base0 + $0 }, start: { Day(ordinal: $0) }))
            units.append(Unit(days: 7, of: { floorDiv(base0 + $0 - 4, 7) }, start: { Day(ordinal: $0 * 7 + 4) }))
        }
        if base != .year {
            let monthOf: (Int) -> Int = base == .day ? { Day(ordinal: base0 + $0).month.index } : { base0 + $0 }
            units.append(Unit(days: 30.44, of: monthOf, start: { Month(index: $0).firstDay }))
            units.append(Unit(days: 91.31, of: { floorDiv(monthOf($0), 3) }, start: { Month(index: $0 * 3).firstDay }))
            units.append(Unit(days: 365.25, of: { floorDiv(monthOf($0), 12) }, start: { Month(index: $0 * 12).firstDay }))
        } else {
            units.append(Unit(days: 365.25, of: { base0 + $0 }, start: { Day(year: max(1, $0), month: 1, day: 1) ?? scale.from }))
        }
        let yearOf: (Int) -> Int = { b in
            switch base {
            case .day: return Day(ordinal: base0 + b).year
            case .month: return floorDiv(base0 + b, 12)
            case .year: return base0 + b
            }
        }
        for n in [10, 100, 1000] {
            units.append(Unit(days: 365.25 * Double(n), of: { floorDiv(yearOf($0), n) }, start: { Day(year: max(1, $0 * n), month: 1, day: 1) ?? scale.from }))
        }

        let style = TextStyle(size: ctx.theme.note.size, bold: true, color: .white)
        let laneH = lanes.map(\.rect.height).min() ?? 40 * s
        var chosen: (unit: Unit, cells: [(lane: Int, bucket: Int, n: Int, kind: Int)])?
        for unit in units {
            let px = unit.days * scale.pixelsPerDay
            guard px >= 24 * s else { continue }
            // Merge base cells into this period; cells arrive in bucket order per lane.
            var cells: [(lane: Int, bucket: Int, n: Int, kind: Int)] = []
            var perKind = [Int](repeating: 0, count: kinds)
            for lane in 0..<lanes.count {
                var current: Int?
                func flush() {
                    guard let c = current else { return }
                    let n = perKind.reduce(0, +)
                    if n > 0 {
                        var best = 0
                        for k in 1..<kinds where perKind[k] > perKind[best] { best = k }
                        cells.append((lane, c, n, best))
                    }
                    perKind = [Int](repeating: 0, count: kinds)
                }
                for b in 0..<nBase {
                    let u = unit.of(b)
                    if u != current { flush(); current = u }
                    for k in 0..<kinds { perKind[k] += Int(counts[(lane * nBase + b) * kinds + k]) }
                }
                flush()
            }
            let widest = (try? ctx.measurer.width(ChartText.compact(cells.map(\.n).max() ?? 0, ctx.lang), style)) ?? px
            chosen = (unit, cells)
            if px >= widest + 10 * s && laneH * 0.8 >= widest * 0.5 { break }
        }
        guard let (unit, cells) = chosen else { return [] }

        var out: [TimelineCluster] = []
        for c in cells {
            let first = max(unit.start(c.bucket), scale.from)
            let last = min(unit.start(c.bucket + 1).adding(days: -1), scale.to)
            let x0 = scale(first), x1 = scale(last.adding(days: 1))
            let lane = lanes[c.lane].rect
            let kind = EventKind.allCases[c.kind]
            let text = ChartText.compact(c.n, ctx.lang)
            let light: Set<EventKind> = [.sosialisasi, .directive, .response, .statement, .pledge]
            let textStyle = TextStyle(size: style.size, bold: true, color: light.contains(kind) ? ctx.theme.ink : .white)
            let w = (try? ctx.measurer.width(text, textStyle)) ?? 0
            let radius = min(max(11 * s, w / 2 + 4 * s), max(4 * s, (x1 - x0) / 2 - 1 * s), lane.height * 0.42)
            let center = ChartPoint(x: (x0 + x1) / 2, y: lane.midY + 6 * s)
            var label: TextMark?
            if w <= 2 * radius - 4 * s,
               let mark = try? ctx.measurer.place(text, textStyle, x: center.x, y: center.y, align: .center, valign: .middle, role: .value) {
                label = mark
            }
            out.append(TimelineCluster(lane: c.lane, first: first, last: last, count: c.n, kind: kind, center: center, radius: radius, label: label))
        }
        return out
    }
}
