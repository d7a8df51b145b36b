import NetraCore
import NetraAnalytics

/// The timeline's layout in named steps: coverage, frame and lanes, label candidates, rows,
/// lane bands, time axis, election rules, then detail items or clusters, then lane names.
extension TimelineChart {
    /// Lays out lanes, markers, labels, links and election rules.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> TimelinePlan {
        let cover = coverage()
        let sizes = try Sizes(ctx, clustered: cover.clustered)
        var lanes = try frameAndLanes(ctx, cover, sizes)
        var marks = lanes.frame.marks
        let stacker = RowStacker(pending: try labelCandidates(ctx, cover, lanes, sizes), plotMinX: lanes.plot.minX,
                                 rightLimit: ctx.theme.width - ctx.theme.margin * 0.5, hGap: 10 * ctx.s, labelGap: sizes.labelGap, s: ctx.s)
        let (rowsFor, heights) = laneRows(ctx, cover, lanes, sizes, stacker)
        marks += laneBands(ctx, rowsFor: rowsFor, heights: heights, into: &lanes)
        let xTicks = try timeAxis(ctx, cover, lanes, into: &marks)
        let rules = try electionRules(ctx, lanes, sizes, into: &marks)

        var items: [TimelineItem] = []
        var clusters: [TimelineCluster] = []
        var edges: [TimelineEdge] = []
        if cover.clustered {
            clusters = Self.cluster(dataset, window: window, laneOf: lanes.laneOf, lanes: lanes.bands, plot: lanes.plot,
                                    scale: lanes.scale, ctx: ctx)
            marks += clusterMarks(clusters, s: ctx.s)
        } else {
            (items, edges) = try detailItems(ctx, sizes, stacker, into: &lanes, marks: &marks)
        }
        marks += try laneNames(ctx, lanes, sizes)

        return TimelinePlan(chart: ctx.plan(marks), plot: lanes.plot, scale: lanes.scale, lanes: lanes.bands, items: items,
                            clusters: clusters, edges: edges, elections: rules, xTicks: xTicks, legend: lanes.frame.legend,
                            clustered: cover.clustered, hiddenLanes: lanes.hidden, eventCount: cover.inWindow)
    }

    // MARK: Coverage

    /// What the events in the window cover: days, jurisdictions, kinds and date forms.
    struct Coverage {
        var perJurisdiction: [Int]
        var kindSeen: [Bool]
        var lo = Int.max, hi = Int.min, inWindow = 0
        var anyOnOrBefore = false, anySpan = false
        /// The axis' first and last day (padded, elections nearby included).
        var from = Day(ordinal: 0), to = Day(ordinal: 1)
        var clustered = false
    }

    /// Step 1: one pass over the events, then the axis' days.
    func coverage() -> Coverage {
        let jCount = dataset.jurisdictions.count
        var c = Coverage(perJurisdiction: [Int](repeating: 0, count: jCount), kindSeen: [Bool](repeating: false, count: EventKind.allCases.count))
        for i in dataset.events.indices {
            let j = dataset.events.jurisdictions[i].raw
            guard j < jCount else { continue }
            let (a, b) = Self.extent(dataset.events.dates[i], end: dataset.events.endDates[i])
            if let w = window, b < w.lowerBound || a > w.upperBound { continue }
            c.inWindow += 1
            c.perJurisdiction[j] += 1
            c.kindSeen[dataset.events.kinds[i].order] = true
            c.lo = min(c.lo, a.ordinal); c.hi = max(c.hi, b.ordinal)
            let precision = dataset.events.dates[i].precision
            if precision == .onOrBefore { c.anyOnOrBefore = true }
            if precision == .month || precision == .year || dataset.events.endDates[i] != nil { c.anySpan = true }
        }
        if let w = window {
            c.from = w.lowerBound; c.to = w.upperBound
        } else if c.inWindow > 0 {
            c.from = Day(ordinal: c.lo); c.to = Day(ordinal: c.hi)
            // Elections near the events belong on the chart even a little beyond them.
            for el in dataset.elections where el.date.ordinal >= c.lo - 366 && el.date.ordinal <= c.hi + 366 {
                c.from = min(c.from, el.date); c.to = max(c.to, el.date)
            }
            let pad = max(3, (c.to.ordinal - c.from.ordinal) / 40)
            c.from = c.from.adding(days: -pad); c.to = c.to.adding(days: pad)
        } else {
            let today = dataset.elections.first?.date ?? Day(ordinal: 19_700)
            c.from = today.adding(days: -30); c.to = today.adding(days: 30)
        }
        if c.to.ordinal <= c.from.ordinal { c.to = c.from.adding(days: 1) }
        c.clustered = c.inWindow > detailLimit
        return c
    }

    /// Marker, row and line sizes, measured once.
    struct Sizes {
        var r: Double, rowH: Double, rugH: Double, minLane: Double, noteLH: Double
        var labelGap: Double, tail: Double

        init(_ ctx: ChartContext, clustered: Bool) throws(RenderError) {
            let s = ctx.s
            let lh = try ctx.measurer.lineHeight(ctx.theme.label)
            r = (7 * s).rounded()
            rowH = (max(2 * r, lh) + 4 * s).rounded()
            rugH = (12 * s).rounded()
            let nameLH = try ctx.measurer.lineHeight(ctx.theme.laneName)
            minLane = max(clustered ? 2.2 * rowH : rowH + rugH + 8 * s, nameLH + 10 * s)
            noteLH = try ctx.measurer.lineHeight(ctx.theme.note)
            labelGap = 5 * s
            tail = 3 * r
        }
    }

    // MARK: Frame and lanes

    /// The frame, the lanes that fit (rolled up or left out when too many) and the plot.
    struct Lanes {
        var frame: FrameLayout
        /// Lanes and plot together, under the election labels and above the axis.
        var area: ChartRect
        var plot: ChartRect
        var scale: TimeScale
        /// Jurisdictions with a lane, in lane order.
        var order: [Int]
        /// Each jurisdiction's lane, or -1.
        var laneOf: [Int]
        /// Jurisdictions rolled into each lane.
        var merged: [Int]
        var nameW: Double
        var hidden: Int
        var electionsShown: [ElectionIndex]
        /// The lane bands, once their heights are known.
        var bands: [TimelineLane] = []
    }

    /// The legend items for what is drawn.
    func legend(_ ctx: ChartContext, _ c: Coverage, elections: Bool) -> [LegendItem] {
        let lang = ctx.lang, theme = ctx.theme
        var legend = EventKind.allCases.filter { c.kindSeen[$0.order] }.map {
            LegendItem(label: Strings.kind($0).text(lang), color: KindPalette.color($0), symbol: .circle)
        }
        if !c.clustered && c.anyOnOrBefore { legend.append(LegendItem(label: StringKey.onOrBefore.text(lang), color: theme.muted, symbol: .hollowCircle)) }
        if !c.clustered && c.anySpan { legend.append(LegendItem(label: StringKey.monthOrYear.text(lang), color: theme.muted, symbol: .spanBar)) }
        if elections { legend.append(LegendItem(label: StringKey.electionDay.text(lang), color: theme.ink, symbol: .dashedLine)) }
        if !c.clustered && graph.edgeCount > 0 { legend.append(LegendItem(label: StringKey.link.text(lang), color: theme.muted, symbol: .line)) }
        return legend
    }

    /// "+3 below it merged".
    static func mergedNote(_ n: Int, _ lang: Language) -> String { "+\(NumberFormat.number(n, lang)) " + StringKey.underIt.text(lang) }

    /// Step 2: the frame, then lanes: every jurisdiction with an event, in level-then-name
    /// order, kabupaten and kota rolled into their province (then provinces into the nation)
    /// while they do not fit, then the name column and the plot.
    func frameAndLanes(_ ctx: ChartContext, _ c: Coverage, _ sizes: Sizes) throws(RenderError) -> Lanes {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let jCount = dataset.jurisdictions.count
        // `laneRoot` says whose lane a jurisdiction's events join (itself unless rolled up).
        var laneRoot = Array(0..<jCount)
        func lanes(for root: [Int]) -> [Int] {
            var seen = [Bool](repeating: false, count: jCount)
            for j in 0..<jCount where c.perJurisdiction[j] > 0 { seen[root[j]] = true }
            return (0..<jCount).filter { seen[$0] }.sorted {
                let a = dataset.jurisdictions[JurisdictionIndex($0)], b = dataset.jurisdictions[JurisdictionIndex($1)]
                return (Self.levelRank(a.level), a.name, $0) < (Self.levelRank(b.level), b.name, $1)
            }
        }
        var laneOrder = lanes(for: laneRoot)

        // The subtitle names the days the events cover (or the window), not the padded axis.
        let (shownFrom, shownTo) = window.map { ($0.lowerBound, $0.upperBound) }
            ?? (c.inWindow > 0 ? (Day(ordinal: c.lo), Day(ordinal: c.hi)) : (c.from, c.to))
        var subtitle = DateText.short(shownFrom, lang) + " – " + DateText.short(shownTo, lang)
            + " · \(NumberFormat.number(c.inWindow, lang)) \(StringKey.events.text(lang))"
        if c.clustered { subtitle += " · " + StringKey.clustered.text(lang) }
        let electionsShown = dataset.elections.indices.filter { dataset.elections[$0].date >= c.from && dataset.elections[$0].date <= c.to }

        // A provisional frame gives the body height; the real one adds the roll-up note.
        var spec = FrameSpec(title: StringKey.timelineTitle.text(lang), subtitle: subtitle, footer: ChartText.sourceFooter(dataset, lang),
                             legend: legend(ctx, c, elections: !electionsShown.isEmpty))
        var frame = try Frame.layout(spec, theme: theme, measurer: measurer)
        let axisH = try XAxis.height(title: nil, theme: theme, measurer: measurer)
        let bandH = electionsShown.isEmpty ? 0 : 2 * (sizes.noteLH + 4 * s) + 4 * s
        func lanesArea(_ body: ChartRect) -> ChartRect {
            ChartRect(minX: body.minX, minY: body.minY + bandH, maxX: body.maxX, maxY: body.maxY - axisH)
        }
        // Too many lanes: roll up (counts roll up the same way); only then leave lanes out.
        let maxLanes = max(1, Int(lanesArea(frame.body).height / sizes.minLane))
        var rolledUp = false
        for rank in [2, 1] where laneOrder.count > maxLanes {
            for j in 0..<jCount where Self.levelRank(dataset.jurisdictions[JurisdictionIndex(laneRoot[j])].level) >= rank {
                if let up = dataset.lineage(of: JurisdictionIndex(j)).first(where: { Self.levelRank(dataset.jurisdictions[$0].level) < rank }) { laneRoot[j] = up.raw }
            }
            laneOrder = lanes(for: laneRoot)
            rolledUp = true
        }
        let hiddenLanes = max(0, laneOrder.count - maxLanes)
        if hiddenLanes > 0 { laneOrder = Array(laneOrder.prefix(maxLanes)) }
        if rolledUp { spec.subtitle += " · " + StringKey.rolledUp.text(lang) }
        if hiddenLanes > 0 { spec.subtitle += " · +\(NumberFormat.number(hiddenLanes, lang)) " + StringKey.lanesHidden.text(lang) }
        if rolledUp || hiddenLanes > 0 { frame = try Frame.layout(spec, theme: theme, measurer: measurer) }
        let area = lanesArea(frame.body)

        // Name column from the widest name, capped at a fifth of the canvas.
        var laneOfRoot = [Int](repeating: -1, count: jCount)
        for (k, j) in laneOrder.enumerated() { laneOfRoot[j] = k }
        var merged = [Int](repeating: 0, count: laneOrder.count)
        for j in 0..<jCount where c.perJurisdiction[j] > 0 && laneRoot[j] != j && laneOfRoot[laneRoot[j]] >= 0 { merged[laneOfRoot[laneRoot[j]]] += 1 }
        var nameW = 0.0
        for j in laneOrder { nameW = max(nameW, try measurer.width(dataset.jurisdictions[JurisdictionIndex(j)].name, theme.laneName)) }
        for n in merged where n > 0 { nameW = max(nameW, try measurer.width(Self.mergedNote(n, lang), theme.note)) }
        nameW = min(nameW, theme.width * 0.2)
        let plot = ChartRect(minX: area.minX + nameW + 20 * s, minY: area.minY, maxX: area.maxX - 6 * s, maxY: area.maxY)
        let scale = TimeScale(from: c.from, to: c.to, range: (plot.minX, plot.maxX))

        var laneOf = [Int](repeating: -1, count: jCount)
        for (k, j) in laneOrder.enumerated() { laneOf[j] = k }
        for j in 0..<jCount where laneOf[j] < 0 && laneOf[laneRoot[j]] >= 0 { laneOf[j] = laneOf[laneRoot[j]] }
        return Lanes(frame: frame, area: area, plot: plot, scale: scale, order: laneOrder, laneOf: laneOf, merged: merged,
                     nameW: nameW, hidden: hiddenLanes, electionsShown: electionsShown)
    }

    // MARK: Labels and rows

    /// An event waiting for a row: its marker's extent and its label candidates, measured once.
    struct Pending {
        var event: EventIndex, lane: Int, style: TimelineMarkerStyle
        var markerX: Double, bar: (Double, Double)?, left: Double, right: Double, textX: Double
        var labels: [(String, Double)]
    }

    /// Step 3 (detail mode): each event's marker and its full and short label, left to right.
    func labelCandidates(_ ctx: ChartContext, _ c: Coverage, _ lanes: Lanes, _ sizes: Sizes) throws(RenderError) -> [Pending] {
        guard !c.clustered else { return [] }
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let r = sizes.r, labelGap = sizes.labelGap, tail = sizes.tail, plot = lanes.plot, scale = lanes.scale
        let fullW = 270 * s, shortW = 130 * s
        let jCount = dataset.jurisdictions.count
        var pending: [Pending] = []
        for i in dataset.events.indices {
            let j = dataset.events.jurisdictions[i].raw
            guard j < jCount else { continue }
            let lane = lanes.laneOf[j]
            guard lane >= 0 else { continue }
            let (a, b) = Self.extent(dataset.events.dates[i], end: dataset.events.endDates[i])
            if let w = window, b < w.lowerBound || a > w.upperBound { continue }
            let date = dataset.events.dates[i], hasEnd = dataset.events.endDates[i] != nil
            let style: TimelineMarkerStyle
            var bar: (Double, Double)?
            let mx: Double
            let left: Double, right: Double, textX: Double
            if date.precision == .month || date.precision == .year || hasEnd {
                style = .span
                let x0 = max(plot.minX, scale(a)), x1 = min(plot.maxX, max(scale(b.adding(days: 1)), scale(a) + 2 * r))
                bar = (x0, x1); mx = x0
                left = x0; right = x1; textX = x0 + (hasEnd && date.isExact ? 2 * r + labelGap : labelGap)
            } else {
                style = date.precision == .onOrBefore ? .onOrBefore : .dot
                mx = scale.x(ordinal: Double(a.ordinal) + 0.5)
                left = mx - r - (style == .onOrBefore ? tail : 0); right = mx + r; textX = mx + r + labelGap
            }
            var labels: [(String, Double)] = []
            let title = dataset.events[i].title.isEmpty ? dataset.events[i].id : dataset.events[i].title
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
        return pending
    }

    /// An event given a row (or the lane's bottom strip when `row` is nil) and the label kept.
    struct Placed { var pending: Int; var row: Int?; var box: ChartRect; var text: String?; var flipped: Bool }

    /// First-fit stacking of items into rows over interval lists; a label may sit right of its
    /// marker or, near the right edge, left of it.
    struct RowStacker {
        var pending: [Pending]
        var plotMinX: Double, rightLimit: Double, hGap: Double, labelGap: Double, s: Double

        /// Where an item may go, best first: each label right, then left (dots only), then none.
        func candidates(_ p: Pending) -> [(ChartRect, String?, Bool)] {
            var out: [(ChartRect, String?, Bool)] = []
            for (text, w) in p.labels {
                let rightBox = ChartRect(minX: p.left, minY: 0, maxX: max(p.right, p.textX + w), maxY: 1)
                if rightBox.maxX <= rightLimit { out.append((rightBox, text, false)) }
                // Second choice: the label left of its marker (a bar's label sits on it).
                if p.style != .span {
                    let leftBox = ChartRect(minX: p.left - labelGap - w, minY: 0, maxX: p.right, maxY: 1)
                    if leftBox.minX >= plotMinX - 2 * s { out.append((leftBox, text, true)) }
                }
            }
            out.append((ChartRect(minX: p.left, minY: 0, maxX: p.right, maxY: 1), nil, false))
            return out
        }

        /// The items `idx` (indices into `pending`) stacked into `rows` rows.
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

        /// Indices into `pending`, lane by lane.
        func byLane(_ laneCount: Int) -> [[Int]] {
            var out = [[Int]](repeating: [], count: laneCount)
            for (k, p) in pending.enumerated() { out[p.lane].append(k) }
            return out
        }
    }

    /// Step 4: rows per lane, what each would use unconstrained shared out fairly
    /// (water-filling), and the lanes' heights.
    func laneRows(_ ctx: ChartContext, _ c: Coverage, _ lanes: Lanes, _ sizes: Sizes, _ stacker: RowStacker) -> (rows: [Int], heights: [Double]) {
        let s = ctx.s, area = lanes.area, rowH = sizes.rowH, rugH = sizes.rugH
        let laneCount = lanes.order.count
        var rowsFor = [Int](repeating: 1, count: laneCount)
        var laneHeights = [Double](repeating: 0, count: laneCount)
        guard laneCount > 0 else { return (rowsFor, laneHeights) }
        if c.clustered {
            for k in 0..<laneCount { laneHeights[k] = area.height / Double(laneCount) }
            return (rowsFor, laneHeights)
        }
        let demand = stacker.byLane(laneCount).map { idx -> Int in
            let used = stacker.stack(idx, rows: 40).compactMap(\.row).max() ?? 0
            return max(1, used + 1)
        }
        // Only lanes that cannot label everything keep a strip for unlabelled markers; which
        // lanes those are depends on the rows left, so allocate twice.
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
        return (rowsFor, laneHeights)
    }

    /// Step 5: the lane bands, every other one shaded.
    func laneBands(_ ctx: ChartContext, rowsFor: [Int], heights: [Double], into lanes: inout Lanes) -> [Mark] {
        var marks: [Mark] = []
        var y = lanes.area.minY
        for (k, j) in lanes.order.enumerated() {
            let rect = ChartRect(x: lanes.area.minX, y: y.rounded(), width: lanes.area.width, height: (y + heights[k]).rounded() - y.rounded())
            lanes.bands.append(TimelineLane(jurisdiction: JurisdictionIndex(j), rect: rect, rows: rowsFor[k], unlabelled: 0, merged: lanes.merged[k]))
            y += heights[k]
            if k % 2 == 0 { marks.append(.rect(rect, fill: ctx.theme.band)) }
        }
        return marks
    }

    /// Step 6: grid, date ticks and the axis line.
    func timeAxis(_ ctx: ChartContext, _ c: Coverage, _ lanes: Lanes, into marks: inout [Mark]) throws(RenderError) -> [AxisTick] {
        let theme = ctx.theme, s = ctx.s, plot = lanes.plot
        let ticks = TimeTicks(from: c.from, to: c.to, maxCount: max(2, Int(plot.width / (90 * s))))
        let tickX = ticks.days.map { lanes.scale($0) }
        for x in tickX { marks.append(.line([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)], stroke: theme.grid, thickness: 1 * s, dash: nil)) }
        let xAxis = try XAxis.marks(positions: tickX, values: ticks.days.map { Double($0.ordinal) }, labels: ticks.labels(ctx.lang),
                                    title: nil, plot: plot, theme: theme, measurer: ctx.measurer)
        marks.append(contentsOf: xAxis.marks)
        marks.append(.line([ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)], stroke: theme.axis, thickness: 1.5 * s, dash: nil))
        return xAxis.ticks
    }

    // MARK: Election rules

    /// Step 7: a dashed rule per election day. Labels go greedily in the two rows above the
    /// lanes: name over date, else the name alone; centred, ending at, or starting at the
    /// rule; never across another election's rule.
    func electionRules(_ ctx: ChartContext, _ lanes: Lanes, _ sizes: Sizes, into marks: inout [Mark]) throws(RenderError) -> [ElectionRule] {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let plot = lanes.plot, body = lanes.frame.body
        var rules: [ElectionRule] = []
        var placer = LabelPlacer(bounds: ChartRect(minX: theme.margin * 0.5, minY: body.minY - 1, maxX: theme.width - theme.margin * 0.5, maxY: plot.minY),
                                 padding: 8 * s, verticalPadding: 1 * s)
        let ruleXs = lanes.electionsShown.map { lanes.scale.x(ordinal: Double(dataset.elections[$0].date.ordinal) + 0.5) }
        let bold = TextStyle(size: theme.note.size, bold: true, color: theme.ink)
        let rowY = [body.minY, body.minY + sizes.noteLH + 4 * s]
        for (n, ei) in lanes.electionsShown.enumerated() {
            let el = dataset.elections[ei]
            let x = ruleXs[n]
            var options: [[TextMark]] = []
            for (align, ax) in [(TextMeasurer.Align.center, x), (.right, x - 5 * s), (.left, x + 5 * s)] {
                options.append([try measurer.place(el.name, bold, x: ax, y: rowY[0], align: align, role: .label),
                                try measurer.place(DateText.short(el.date, lang), theme.note, x: ax, y: rowY[1], align: align, role: .label)])
            }
            for row in 0..<2 {
                for (align, ax) in [(TextMeasurer.Align.center, x), (.right, x - 5 * s), (.left, x + 5 * s)] {
                    options.append([try measurer.place(el.name, bold, x: ax, y: rowY[row], align: align, role: .label)])
                }
            }
            let others = ruleXs.enumerated().filter { $0.offset != n }.map(\.element)
            let boxes = options.map { $0.dropFirst().reduce($0[0].box) { $0.union($1.box) } }
            let allowed = boxes.map { b in others.allSatisfy { $0 < b.minX - 4 * s || $0 > b.maxX + 4 * s } }
            let pick = placer.place(boxes.enumerated().map { allowed[$0.offset] ? $0.element : ChartRect(x: -1e6, y: 0, width: 1, height: 1) })
            let labels = pick.map { options[$0] } ?? []
            let top = pick.map { boxes[$0].maxY + 2 * s } ?? plot.minY
            rules.append(ElectionRule(election: ei, x: x, top: top, bottom: plot.maxY, labels: labels))
            marks.append(.line([ChartPoint(x: x, y: top), ChartPoint(x: x, y: plot.maxY)], stroke: theme.ink.withAlpha(200), thickness: 2 * s, dash: 7 * s))
            for l in labels { marks.append(.text(l)) }
        }
        return rules
    }

    // MARK: Markers

    /// Step 8 (cluster mode): counted markers, then their counts.
    func clusterMarks(_ clusters: [TimelineCluster], s: Double) -> [Mark] {
        var marks: [Mark] = []
        for c in clusters {
            let color = KindPalette.color(c.kind)
            marks.append(.circle(center: c.center, radius: c.radius, fill: color.withAlpha(220), stroke: KindPalette.outline(c.kind), thickness: 1.5 * s))
        }
        for c in clusters { if let l = c.label { marks.append(.text(l)) } }
        return marks
    }

    /// Step 8 (detail mode): items lane by lane in the rows granted, then links behind the
    /// markers, the markers, and the labels on a soft backing.
    func detailItems(_ ctx: ChartContext, _ sizes: Sizes, _ stacker: RowStacker, into lanes: inout Lanes,
                     marks: inout [Mark]) throws(RenderError) -> (items: [TimelineItem], edges: [TimelineEdge]) {
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let r = sizes.r, rowH = sizes.rowH, rugH = sizes.rugH
        var items: [TimelineItem] = []
        var edges: [TimelineEdge] = []
        var itemAt = Column<EventIndex, Int>(repeating: -1, count: dataset.events.count)
        let byLane = stacker.byLane(lanes.order.count)
        for k in lanes.bands.indices {
            let lane = lanes.bands[k]
            let top = lane.rect.minY + 4 * s
            let rugY = lane.rect.maxY - rugH / 2 - 3 * s
            for p in stacker.stack(byLane[k], rows: lane.rows) {
                let pend = stacker.pending[p.pending]
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
                if label == nil { lanes.bands[k].unlabelled += 1 }
            }
        }
        // Links behind markers, as gentle curves from effect to cause.
        if graph.nodeCount == dataset.events.count {
            for it in items {
                for c in graph.causes(of: it.event) where itemAt[c.node] >= 0 {
                    edges.append(TimelineEdge(from: it.event, to: c.node, relation: c.relation))
                }
            }
            // Many links would veil the labels: draw them fainter and thinner.
            let many = edges.count > 40
            for edge in edges {
                let a = items[itemAt[edge.from]].marker, b = items[itemAt[edge.to]].marker
                marks.append(.line(Self.curve(from: a, to: b, s: s), stroke: theme.muted.withAlpha(many ? 80 : 150), thickness: (many ? 1 : 1.5) * s, dash: nil))
            }
        }
        for it in items {
            let e = it.event
            marks.append(contentsOf: Self.itemMarks(it, kind: dataset.events.kinds[e],
                                                    exactStart: dataset.events.endDates[e] != nil && dataset.events.dates[e].isExact,
                                                    r: it.row == nil ? r * 0.6 : r, tail: sizes.tail, s: s))
        }
        // A soft backing in the lane's colour keeps labels readable over rules and links.
        for it in items {
            guard let l = it.label else { continue }
            let bg = it.lane % 2 == 0 ? theme.band : theme.background
            if it.style != .span { marks.append(.rect(l.box.insetBy(dx: -2 * s, dy: 0), fill: bg.withAlpha(215))) }
            marks.append(.text(l))
        }
        return (items, edges)
    }

    // MARK: Lane names

    /// Step 9, last so nothing draws over them: the lanes' names, and their notes ("+N more",
    /// "+N below it merged") under the name while the lane has room, else beside it.
    func laneNames(_ ctx: ChartContext, _ lanes: Lanes, _ sizes: Sizes) throws(RenderError) -> [Mark] {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let area = lanes.area, nameW = lanes.nameW
        var marks: [Mark] = []
        for lane in lanes.bands {
            let name = try measurer.fit(dataset.jurisdictions[lane.jurisdiction].name, theme.laneName, maxWidth: nameW) ?? ""
            let nameMark = try measurer.place(name, theme.laneName, x: area.minX + 8 * s, y: lane.rect.minY + 6 * s, role: .laneName)
            marks.append(.text(nameMark))
            var notes: [String] = []
            if lane.merged > 0 { notes.append(Self.mergedNote(lane.merged, lang)) }
            if lane.unlabelled > 0 { notes.append("+\(NumberFormat.number(lane.unlabelled, lang)) \(StringKey.moreEvents.text(lang))") }
            var noteY = nameMark.box.maxY + 2 * s
            var beside: [String] = []
            for note in notes {
                if noteY + sizes.noteLH <= lane.rect.maxY - 2 * s, let fitted = try measurer.fit(note, theme.note, maxWidth: nameW + 10 * s) {
                    let m = try measurer.place(fitted, theme.note, x: area.minX + 8 * s, y: noteY, role: .note)
                    marks.append(.text(m)); noteY = m.box.maxY + 1 * s
                } else {
                    beside.append(note)
                }
            }
            if !beside.isEmpty, let fitted = try measurer.fit(beside.joined(separator: " · "), theme.note, maxWidth: lanes.plot.minX - nameMark.box.maxX - 10 * s) {
                marks.append(.text(try measurer.place(fitted, theme.note, x: nameMark.box.maxX + 6 * s, y: nameMark.box.midY, valign: .middle, role: .note)))
            }
        }
        return marks
    }
}
