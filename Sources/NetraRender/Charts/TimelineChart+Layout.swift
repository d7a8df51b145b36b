import NetraCore
import NetraText
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
        let stacker = RowStacker(
            pending: try labelCandidates(ctx, cover, lanes, sizes), plotMinX: lanes.plot.minX,
            rightLimit: ctx.theme.width - ctx.theme.margin * 0.5, hGap: 10 * ctx.s, labelGap: sizes.labelGap, s: ctx.s,
            rules: ruleXs(lanes), flipClear: 3 * sizes.r)
        let (rowsFor, heights) = laneRows(ctx, cover, lanes, sizes, stacker)
        marks += laneBands(ctx, rowsFor: rowsFor, heights: heights, into: &lanes)
        let xTicks = try timeAxis(ctx, cover, lanes, into: &marks)
        let rules = try electionRules(ctx, lanes, sizes, into: &marks)

        var items: [TimelineItem] = []
        var clusters: [TimelineCluster] = []
        var edges: [TimelineEdge] = []
        var key: TimelineSizeKey?
        if cover.clustered {
            let headerH = sizes.headerH
            let made = Self.cluster(
                dataset, window: window, laneOf: lanes.laneOf, lanes: lanes.bands, plot: lanes.plot,
                scale: lanes.scale, ctx: ctx, rowsTop: { $0.rect.minY + headerH })
            clusters = made.clusters
            marks += clusterMarks(clusters, s: ctx.s)
            key = try sizeKey(ctx, lanes, sizes, clusters: clusters, k: made.k, unitDays: made.unit, into: &marks)
        } else {
            // Links keep clear of the election labels and of where lane names go.
            var avoid = rules.flatMap { $0.labels.map(\.box) }
            for lane in lanes.bands {
                avoid.append(
                    sizes.portrait
                        ? ChartRect(x: lane.rect.minX, y: lane.rect.minY, width: lane.rect.width, height: sizes.headerH)
                        : ChartRect(minX: lane.rect.minX, minY: lane.rect.minY, maxX: lanes.plot.minX - 6 * ctx.s, maxY: lane.rect.maxY))
            }
            (items, edges) = try detailItems(ctx, sizes, stacker, avoid: avoid, into: &lanes, marks: &marks)
        }
        marks += try laneNames(ctx, lanes, sizes)
        // No rule runs through words: each is cut where a label or a lane's name stands over it.
        let texts = marks.compactMap { m -> ChartRect? in if case let .text(t) = m { return t.box } else { return nil } }
        marks = Self.cutRules(marks, at: rules.map(\.x), around: texts, s: ctx.s)

        return TimelinePlan(
            chart: ctx.plan(marks), plot: lanes.plot, scale: lanes.scale, axis: lanes.axis, lanes: lanes.bands,
            items: items, clusters: clusters, edges: edges, elections: rules, xTicks: xTicks, legend: lanes.frame.legend,
            clustered: cover.clustered, sizeKey: key, hiddenLanes: lanes.hidden, eventCount: cover.inWindow)
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
        /// With a broken axis: the first day at full scale, the last day of the compressed
        /// start, and how many events are anchored before the break.
        var mainFrom: Day?, earlyTo = Day(ordinal: 0), earlyCount = 0
        /// The first event's day after the break.
        var cut = Day(ordinal: 0)
    }

    /// Step 1: one pass over the events, then the axis' days and where it breaks.
    func coverage() -> Coverage {
        let jCount = dataset.jurisdictions.count
        var c = Coverage(perJurisdiction: [Int](repeating: 0, count: jCount), kindSeen: [Bool](repeating: false, count: EventKind.allCases.count))
        var extents: [(Int, Int)] = []
        for i in dataset.events.indices {
            let j = dataset.events.jurisdictions[i].raw
            guard j < jCount else { continue }
            let (a, b) = Self.extent(dataset.events.dates[i], end: dataset.events.endDates[i])
            if let w = window, b < w.lowerBound || a > w.upperBound { continue }
            c.inWindow += 1
            c.perJurisdiction[j] += 1
            c.kindSeen[dataset.events.kinds[i].order] = true
            c.lo = min(c.lo, a.ordinal); c.hi = max(c.hi, b.ordinal)
            // Only a chart of marks looks for a break (below): past `detailLimit` events none is kept.
            if window == nil && extents.count <= detailLimit { extents.append((a.ordinal, b.ordinal)) }
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
        if window == nil && !c.clustered { findBreak(&c, extents) }
        return c
    }

    /// A few early events far before the rest would leave most of the plot empty: the widest
    /// gap before which at most a fifth of the events lie, when it is a tenth of the span or
    /// more and a third of the span lies before it, becomes a break.
    func findBreak(_ c: inout Coverage, _ extents: [(Int, Int)]) {
        let anchors = extents.map(\.0).sorted()
        guard anchors.count >= 6 else { return }
        let total = Double(c.to.ordinal - c.from.ordinal)
        let elections = dataset.elections.map(\.date.ordinal)
        var best: (k: Int, gap: Int)?
        for k in 1...max(1, anchors.count / 5) where k < anchors.count {
            let gap = anchors[k] - anchors[k - 1]
            guard Double(gap) >= 0.1 * total, Double(anchors[k] - c.from.ordinal) >= total / 3 else { continue }
            // An election inside the gap is something to see there.
            guard !elections.contains(where: { $0 > anchors[k - 1] && $0 < anchors[k] }) else { continue }
            if gap > (best?.gap ?? 0) { best = (k, gap) }
        }
        guard let best else { return }
        let cut = anchors[best.k]
        // The compressed part runs to the last early start, or early span's end when that comes first.
        var earlyEnd = anchors[best.k - 1]
        for (a, b) in extents where a < cut && b < cut { earlyEnd = max(earlyEnd, b) }
        let mainPad = max(3, (c.to.ordinal - cut) / 40)
        let earlyPad = max(3, (earlyEnd - c.from.ordinal) / 20)
        let mainFrom = cut - mainPad
        let earlyTo = min(earlyEnd + earlyPad, mainFrom - 1)
        guard earlyTo > c.from.ordinal else { return }
        c.mainFrom = Day(ordinal: mainFrom)
        c.earlyTo = Day(ordinal: earlyTo)
        c.earlyCount = best.k
        c.cut = Day(ordinal: cut)
    }

    /// Marker, row and line sizes, measured once.
    struct Sizes {
        var r: Double, rowH: Double, rugH: Double, minLane: Double, noteLH: Double
        var labelGap: Double, tail: Double
        /// On a portrait canvas each lane's name sits on its own line above its rows.
        var headerH: Double
        var portrait: Bool
        /// The key to cluster sizes: its strip's height and its circles' largest radius.
        var keyH: Double, keyCap: Double, keyLines: Int

        init(_ ctx: ChartContext, clustered: Bool) throws(RenderError) {
            let s = ctx.s
            let lh = try ctx.measurer.lineHeight(ctx.theme.label)
            portrait = ctx.options.isPortrait
            r = (7 * s).rounded()
            rowH = (max(2 * r, lh) + 4 * s).rounded()
            rugH = (12 * s).rounded()
            let nameLH = try ctx.measurer.lineHeight(ctx.theme.laneName)
            headerH = portrait ? (nameLH + 6 * s).rounded() : 0
            minLane = headerH + max(clustered ? 2.2 * rowH : rowH + rugH + 8 * s, portrait ? 0 : nameLH + 10 * s)
            noteLH = try ctx.measurer.lineHeight(ctx.theme.note)
            // Room for a leader line from label to marker that can be seen.
            labelGap = 10 * s
            tail = 3 * r
            keyLines = portrait ? 3 : 2
            keyCap = (1.1 * noteLH).rounded()
            keyH = clustered ? max(Double(keyLines) * noteLH, 2 * keyCap) + 12 * s : 0
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
        var axis: TimelineAxis
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
        /// Per lane, linked events left unlabelled between their chain's labelled ends.
        var chainRest: [Int] = []
    }

    /// The legend items for what is drawn.
    func legend(_ ctx: ChartContext, _ c: Coverage, elections: Bool, lang: Language) -> [LegendItem] {
        let theme = ctx.theme
        var legend = EventKind.allCases.filter { c.kindSeen[$0.order] }.map {
            LegendItem(label: Strings.kind($0).text(lang), color: KindPalette.color($0), symbol: .circle)
        }
        if !c.clustered && c.anyOnOrBefore { legend.append(LegendItem(label: StringKey.onOrBefore.text(lang), color: theme.muted, symbol: .hollowCircle)) }
        if !c.clustered && c.anySpan { legend.append(LegendItem(label: StringKey.monthOrYear.text(lang), color: theme.muted, symbol: .spanBar)) }
        // A portrait canvas is short of height, and each rule carries its name and date.
        if elections && !ctx.options.isPortrait {
            legend.append(LegendItem(label: StringKey.electionDay.text(lang), color: theme.ink, symbol: .dashedLine))
        }
        if !c.clustered && graph.edgeCount > 0 { legend.append(LegendItem(label: StringKey.link.text(lang), color: theme.muted, symbol: .line)) }
        return legend
    }

    /// "+3 below it merged".
    static func mergedNote(_ n: Int, _ lang: Language) -> String { "+\(NumberFormat.number(n, lang)) " + StringKey.underIt.text(lang) }

    /// The title: what the chart shows, from its figures ("Bulan terpadat Jan 2024: 12 dari 34
    /// peristiwa, 5 di Jawa Barat", else "34 peristiwa di 4 wilayah"; a briefing's "Oktober
    /// 2024: 3 peristiwa"). It counts activity: case tallies are snapshots of counts, not
    /// something done (`EventKind.countsAsActivity`). The busiest month counts events known
    /// to the month or day (a year-only date says nothing of its month).
    func headline(_ lang: Language, _ c: Coverage) -> String {
        let places = c.perJurisdiction.indices.filter { c.perJurisdiction[$0] > 0 }
        let place = places.count == 1 ? places.first.map { dataset.jurisdictions[JurisdictionIndex($0)].name } : nil
        let first = Strings.timelineWhere(
            events: c.inWindow, shown: NumberFormat.number(c.inWindow, lang), jurisdictions: places.count,
            shownJurisdictions: NumberFormat.number(places.count, lang), place: place)
        // Counted by the analysis: per month, and per lane only for the busiest month.
        let counted = ActivityByMonth(dataset, window: window, jurisdictions: c.perJurisdiction.count)
        let perMonth = counted.perMonth, activity = counted.total
        if let h = highlight {
            let name = DateText.month(h, lang), n = perMonth[h.index] ?? 0
            return (n > 0 ? Strings.monthlyMonth(name, NumberFormat.number(n, lang), count: n) : Strings.monthlyNone(name)).text(lang)
        }
        // The busiest month, the earliest of equals; only worth saying when it stands out.
        guard let peak = perMonth.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), peak.value >= 2, peak.value < activity,
            perMonth.count > 1
        else { return first.text(lang) }
        let month = Month(index: peak.key)
        var lane: (name: String, count: String)?
        if place == nil, let top = counted.perJurisdiction(inMonth: peak.key).max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
            top.value >= 2, top.value < peak.value
        {
            lane = (dataset.jurisdictions[JurisdictionIndex(top.key)].name, NumberFormat.number(top.value, lang))
        }
        let lead = Strings.timelinePeak(
            month: month, count: NumberFormat.number(peak.value, lang), of: activity,
            shownTotal: NumberFormat.number(activity, lang), lane: lane)
        return lead.text(lang)
    }

    /// Step 2: the frame, then lanes: every jurisdiction with an event, in level-then-name
    /// order, kabupaten and kota rolled into their province (then provinces into the nation)
    /// while they do not fit, then the name column and the plot.
    func frameAndLanes(_ ctx: ChartContext, _ c: Coverage, _ sizes: Sizes) throws(RenderError) -> Lanes {
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let jCount = dataset.jurisdictions.count
        // `laneRoot` says whose lane a jurisdiction's events join (itself unless rolled up).
        var laneRoot = Array(0..<jCount)
        var laneOrder = self.laneOrder(c, root: laneRoot)
        // An election is drawn when its scope holds events in the window.
        let electionsShown = dataset.elections.indices.filter { ei in
            let el = dataset.elections[ei]
            guard el.date >= c.from && el.date <= c.to else { return false }
            return (0..<jCount).contains { c.perJurisdiction[$0] > 0 && dataset.isWithin(JurisdictionIndex($0), el.scope) }
        }
        var frame = try lanesFrame(ctx, c, elections: !electionsShown.isEmpty)
        let axisH = try XAxis.height(title: nil, theme: theme, measurer: measurer)
        let bandH = electionsShown.isEmpty ? 0 : 2 * (sizes.noteLH + 4 * s) + 4 * s
        func lanesArea(_ body: ChartRect) -> ChartRect {
            ChartRect(minX: body.minX, minY: body.minY + bandH, maxX: body.maxX, maxY: body.maxY - axisH - sizes.keyH)
        }
        // Too many lanes: roll up (counts roll up the same way); only then leave lanes out.
        let maxLanes = max(1, Int(lanesArea(frame.body).height / sizes.minLane))
        var rolledUp = false
        for rank in [2, 1] where laneOrder.count > maxLanes {
            rollUp(&laneRoot, rank: rank)
            laneOrder = self.laneOrder(c, root: laneRoot)
            rolledUp = true
        }
        let hiddenLanes = max(0, laneOrder.count - maxLanes)
        if hiddenLanes > 0 { laneOrder = Array(laneOrder.prefix(maxLanes)) }
        if rolledUp || hiddenLanes > 0 { frame = try lanesFrame(ctx, c, elections: !electionsShown.isEmpty, rolledUp: rolledUp, hidden: hiddenLanes) }
        let area = lanesArea(frame.body)
        var laneOfRoot = [Int](repeating: -1, count: jCount)
        for (k, j) in laneOrder.enumerated() { laneOfRoot[j] = k }
        var merged = [Int](repeating: 0, count: laneOrder.count)
        for j in 0..<jCount where c.perJurisdiction[j] > 0 && laneRoot[j] != j && laneOfRoot[laneRoot[j]] >= 0 { merged[laneOfRoot[laneRoot[j]]] += 1 }
        let nameW = try nameColumn(ctx, laneOrder: laneOrder, merged: merged, area: area, sizes)
        let plotLeft = sizes.portrait ? area.minX + 8 * s : area.minX + nameW + 20 * s
        let plot = ChartRect(minX: plotLeft, minY: area.minY, maxX: area.maxX - 6 * s, maxY: area.maxY)
        let axis = Self.axis(c, plot: plot, s: s)
        var laneOf = [Int](repeating: -1, count: jCount)
        for (k, j) in laneOrder.enumerated() { laneOf[j] = k }
        for j in 0..<jCount where laneOf[j] < 0 && laneOf[laneRoot[j]] >= 0 { laneOf[j] = laneOf[laneRoot[j]] }
        return Lanes(
            frame: frame, area: area, plot: plot, scale: axis.main, axis: axis, order: laneOrder, laneOf: laneOf, merged: merged,
            nameW: nameW, hidden: hiddenLanes, electionsShown: electionsShown)
    }

    /// The lanes of jurisdictions with events, each joining its `root`'s, in level-then-name order.
    func laneOrder(_ c: Coverage, root: [Int]) -> [Int] {
        let jCount = dataset.jurisdictions.count
        var seen = [Bool](repeating: false, count: jCount)
        for j in 0..<jCount where c.perJurisdiction[j] > 0 { seen[root[j]] = true }
        return (0..<jCount).filter { seen[$0] }.sorted {
            let a = dataset.jurisdictions[JurisdictionIndex($0)], b = dataset.jurisdictions[JurisdictionIndex($1)]
            return (Self.levelRank(a.level), a.name, $0) < (Self.levelRank(b.level), b.name, $1)
        }
    }

    /// Each lane of a level of `rank` or below joins its nearest jurisdiction above that level,
    /// found parents first so that a deep chain is walked once, not once per jurisdiction.
    func rollUp(_ laneRoot: inout [Int], rank: Int) {
        let jCount = dataset.jurisdictions.count
        var above = [Int](repeating: -1, count: jCount)
        for j in dataset.tree.topDown where j.raw < jCount {
            if Self.levelRank(dataset.jurisdictions[j].level) < rank {
                above[j.raw] = j.raw
            } else if let p = dataset.jurisdictions[j].parent, p.raw >= 0, p.raw < jCount {
                above[j.raw] = above[p.raw]
            }
        }
        for j in 0..<jCount where Self.levelRank(dataset.jurisdictions[JurisdictionIndex(laneRoot[j])].level) >= rank {
            if above[j] >= 0 { laneRoot[j] = above[j] }
        }
    }

    /// The frame, its body the room it leaves in every language, so that both languages lay
    /// out the same lanes, rows and labels; with the roll-up and hidden-lanes notes when given.
    func lanesFrame(_ ctx: ChartContext, _ c: Coverage, elections: Bool, rolledUp: Bool = false, hidden: Int = 0) throws(RenderError) -> FrameLayout {
        let theme = ctx.theme, measurer = ctx.measurer
        // The subtitle names the days the events cover (or the window), not the padded axis.
        let (shownFrom, shownTo) =
            window.map { ($0.lowerBound, $0.upperBound) }
            ?? (c.inWindow > 0 ? (Day(ordinal: c.lo), Day(ordinal: c.hi)) : (c.from, c.to))
        func spec(_ lang: Language) -> FrameSpec {
            var subtitle = StringKey.timelineTitle.text(lang) + " · " + DateText.short(shownFrom, lang) + " – " + DateText.short(shownTo, lang)
            if c.clustered { subtitle += " · " + StringKey.clustered.text(lang) }
            if c.mainFrom != nil {
                subtitle += " · " + Strings.compressedBefore(c.cut, events: NumberFormat.number(c.earlyCount, lang), count: c.earlyCount).text(lang)
            }
            var spec = FrameSpec(
                title: headline(lang, c), subtitle: subtitle, footer: ChartText.sourceFooter(dataset, lang),
                legend: legend(ctx, c, elections: elections, lang: lang),
                filter: ChartText.filterNote(dataset, lang))
            if rolledUp { spec.subtitle += " · " + StringKey.rolledUp.text(lang) }
            if hidden > 0 { spec.subtitle += " · +\(NumberFormat.number(hidden, lang)) " + StringKey.lanesHidden.text(lang) }
            return spec
        }
        var own = try Frame.layout(spec(ctx.lang), theme: theme, measurer: measurer)
        for other in Language.allCases where other != ctx.lang {
            let b = try Frame.layout(spec(other), theme: theme, measurer: measurer).body
            own.body = ChartRect(minX: own.body.minX, minY: max(own.body.minY, b.minY), maxX: own.body.maxX, maxY: min(own.body.maxY, b.maxY))
        }
        return own
    }

    /// Name column from the widest name (or note of lanes merged into it), capped at a fifth
    /// of the canvas; on a portrait canvas names head their lanes and the plot takes the whole width.
    func nameColumn(_ ctx: ChartContext, laneOrder: [Int], merged: [Int], area: ChartRect, _ sizes: Sizes) throws(RenderError) -> Double {
        let theme = ctx.theme, measurer = ctx.measurer
        var nameW = 0.0
        for j in laneOrder { nameW = max(nameW, try measurer.width(dataset.jurisdictions[JurisdictionIndex(j)].name, theme.laneName)) }
        for n in merged where n > 0 {
            for l in Language.allCases { nameW = max(nameW, try measurer.width(Self.mergedNote(n, l), theme.note)) }
        }
        return sizes.portrait ? area.width - 16 * ctx.s : min(nameW, theme.width * 0.2)
    }

    /// Days to x: with a break, the compressed start takes a small share of the plot
    /// (more when it holds more events), never more than it would unbroken.
    static func axis(_ c: Coverage, plot: ChartRect, s: Double) -> TimelineAxis {
        let whole = TimeScale(from: c.from, to: c.to, range: (plot.minX, plot.maxX))
        guard let mainFrom = c.mainFrom, c.inWindow > 0 else { return TimelineAxis(early: nil, main: whole) }
        let share = min(0.22, max(0.12, 0.08 + 0.6 * Double(c.earlyCount) / Double(c.inWindow)))
        let linear = Double(c.earlyTo.ordinal - c.from.ordinal) / Double(max(1, c.to.ordinal - c.from.ordinal))
        guard share < linear * 0.7 else { return TimelineAxis(early: nil, main: whole) }
        let earlyW = (plot.width * share).rounded(), breakW = (16 * s).rounded()
        let early = TimeScale(from: c.from, to: c.earlyTo, range: (plot.minX, plot.minX + earlyW))
        let main = TimeScale(from: mainFrom, to: c.to, range: (plot.minX + earlyW + breakW, plot.maxX))
        return TimelineAxis(early: early, main: main)
    }

    // MARK: Labels and rows

    /// A label's lines in the chart's language, the width it is given (its widest line in
    /// any language, so both languages label the same events in the same places) and the
    /// rows it takes (the most lines of any language).
    struct LabelOption {
        var lines: [String]; var width: Double; var span: Int
        /// The lines in every language, which tell options apart the same way in each.
        var every: [[String]] = []
        /// True when the title is cut with "…" in any language.
        var cut: Bool { every.contains { $0.last?.hasSuffix("…") == true } }
    }

    /// An event waiting for a row: its marker's extent and its label options, measured once.
    struct Pending {
        var event: EventIndex, lane: Int, style: TimelineMarkerStyle
        var markerX: Double, bar: (Double, Double)?, left: Double, right: Double, textX: Double
        var labels: [LabelOption]
        /// An incident, decision or sanction: always named, placed before every other label.
        var key = false
        /// First or last of a chain of linked events in its lane: placed before the others.
        var chainEnd = false
        /// The chain (linked events in one lane) it belongs to, or -1, and how many it links.
        var chain = -1, chainSize = 0
    }

    /// The label widths tried, in ems of the label size: one line up to `oneLine`, else two
    /// lines at each of `twoLines`, widest first.
    public static let oneLineEms = 40.0, twoLineEms = [24.0, 18.0, 14.0, 11.0]

    /// A title's label options, best first, one title per language (`current` is the chart's):
    /// the whole title on one line, then on two lines at narrower widths; cut short with "…"
    /// only when not even the widest two lines hold it. A key event (`key`) also gets one
    /// line cut shorter, so that it is named wherever there is a little room.
    static func labelOptions(
        _ titles: [String], current: Int, _ ctx: ChartContext, plotWidth: Double,
        key: Bool
    ) throws(RenderError) -> [LabelOption] {
        let measurer = ctx.measurer, style = ctx.theme.label, em = style.size
        var out: [LabelOption] = []
        func add(_ each: [[String]]) throws(RenderError) {
            guard each.count == titles.count, each.allSatisfy({ !$0.isEmpty }), current < each.count else { return }
            var width = 0.0
            for lines in each { for l in lines { width = max(width, try measurer.width(l, style)) } }
            let option = LabelOption(lines: each[current], width: width, span: each.map(\.count).max() ?? 1, every: each)
            if !out.contains(where: { $0.every == each }) { out.append(option) }
        }
        func whole(_ title: String, _ lines: [String]) -> Bool {
            lines.joined(separator: " ") == title.split(separator: " ").joined(separator: " ")
        }
        // Caps by the plot only bite on a narrow canvas, where a label may take most of it.
        let oneMax = min(oneLineEms * em, plotWidth * 0.9)
        var one: [[String]] = []
        for t in titles where try measurer.width(t, style) <= oneMax { one.append([t]) }
        try add(one)
        var widest: [[String]]?
        for w in twoLineEms.map({ min($0 * em, plotWidth * 0.7) }) {
            var each: [[String]] = []
            for t in titles { each.append(try measurer.wrap(t, style, maxWidth: w, maxLines: 2)) }
            if widest == nil { widest = each }
            guard zip(titles, each).allSatisfy({ whole($0, $1) }), each.contains(where: { $0.count == 2 }) else { continue }
            try add(each)
        }
        if out.isEmpty, let each = widest { try add(each) }
        if key {
            for w in keyLineEms.map({ min($0 * em, plotWidth * 0.6) }) {
                var each: [[String]] = []
                for t in titles { if let f = try measurer.fit(t, style, maxWidth: w) { each.append([f]) } }
                try add(each)
            }
        }
        return out
    }

    /// The widths, in ems, of the one-line labels a key event falls back on, cut with "…".
    public static let keyLineEms = [16.0, 11.0, 7.0]

    /// The kinds whose events are always named on the timeline.
    public static func isKey(_ kind: EventKind) -> Bool { kind == .incident || kind == .decision || kind == .sanction }

    /// Step 3 (detail mode): each event's marker and label options, left to right; the first
    /// and last event of each chain of links within a lane are marked to be placed first.
    func labelCandidates(_ ctx: ChartContext, _ c: Coverage, _ lanes: Lanes, _ sizes: Sizes) throws(RenderError) -> [Pending] {
        guard !c.clustered else { return [] }
        let r = sizes.r, labelGap = sizes.labelGap, tail = sizes.tail, plot = lanes.plot, axis = lanes.axis
        let jCount = dataset.jurisdictions.count
        let current = Language.allCases.firstIndex(of: ctx.lang) ?? 0
        var pending: [Pending] = []
        var pendingOf = [Int](repeating: -1, count: dataset.events.count)
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
                let x0 = max(plot.minX, axis(a)), x1 = min(plot.maxX, max(axis(b.adding(days: 1)), axis(a) + 2 * r))
                bar = (x0, x1); mx = x0
                left = x0; right = x1; textX = x0 + (hasEnd && date.isExact ? 2 * r + labelGap : labelGap)
            } else {
                style = date.precision == .onOrBefore ? .onOrBefore : .dot
                mx = axis.x(ordinal: Double(a.ordinal) + 0.5)
                left = mx - r - (style == .onOrBefore ? tail : 0); right = mx + r; textX = mx + r + labelGap
            }
            let key = Self.isKey(dataset.events.kinds[i])
            let labels = try Self.labelOptions(
                Language.allCases.map { dataset.events[i].title($0) }, current: current, ctx,
                plotWidth: plot.width, key: key)
            pendingOf[i.raw] = pending.count
            pending.append(
                Pending(
                    event: i, lane: lane, style: style, markerX: mx, bar: bar,
                    left: left, right: right, textX: textX, labels: labels, key: key))
        }
        markChains(&pending, pendingOf)
        pending.sort { ($0.left, $0.event) < ($1.left, $1.event) }
        return pending
    }

    /// Links within a lane joined into chains (union–find); each chain's earliest and latest
    /// event get first claim on a row.
    func markChains(_ pending: inout [Pending], _ pendingOf: [Int]) {
        guard graph.nodeCount == dataset.events.count else { return }
        var parent = Array(pending.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for k in pending.indices {
            for cause in graph.causes(of: pending[k].event) {
                let other = pendingOf[cause.node.raw]
                guard other >= 0, pending[other].lane == pending[k].lane else { continue }
                let a = find(k), b = find(other)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var members: [Int: [Int]] = [:]
        for k in pending.indices { members[find(k), default: []].append(k) }
        for (root, ks) in members where ks.count >= 2 {
            let order = ks.sorted { (pending[$0].markerX, pending[$0].event) < (pending[$1].markerX, pending[$1].event) }
            for k in ks { pending[k].chain = root; pending[k].chainSize = ks.count }
            if let f = order.first { pending[f].chainEnd = true }
            if let l = order.last { pending[l].chainEnd = true }
        }
    }

    /// An event given rows (or the lane's bottom strip when `row` is nil) and the label kept.
    struct Placed { var pending: Int; var row: Int?; var span: Int; var box: ChartRect; var lines: [String]?; var flipped: Bool }

    /// First-fit stacking of items into rows over interval lists; a label takes one row per
    /// line and may sit right of its marker or, near the right edge, left of it.
    struct RowStacker {
        var pending: [Pending]
        var plotMinX: Double, rightLimit: Double, hGap: Double, labelGap: Double, s: Double
        /// Per lane, the x of each election rule drawn across it: no label's words straddle one.
        var rules: [[Double]] = []
        /// Room kept clear left of a label set left of its marker, so that it never reads as
        /// the label of a marker before it.
        var flipClear: Double = 0

        /// True when words over `lo…hi` in `lane` would cross an election rule.
        func crossesRule(_ lane: Int, _ lo: Double, _ hi: Double) -> Bool {
            lane < rules.count && rules[lane].contains { $0 > lo - 3 * s && $0 < hi + 3 * s }
        }

        /// Where an item may go, best first: each label right, then left (dots only), then
        /// those whose words would stand over an election rule (the rule is cut there), then none.
        func candidates(_ p: Pending) -> [(box: ChartRect, lines: [String]?, flipped: Bool, cut: Bool)] {
            var out: [(box: ChartRect, lines: [String]?, flipped: Bool, cut: Bool)] = []
            var overRules: [(box: ChartRect, lines: [String]?, flipped: Bool, cut: Bool)] = []
            for option in p.labels {
                let h = Double(option.span)
                let rightBox = ChartRect(minX: p.left, minY: 0, maxX: max(p.right, p.textX + option.width), maxY: h)
                if rightBox.maxX <= rightLimit {
                    if crossesRule(p.lane, p.textX, p.textX + option.width) {
                        overRules.append((rightBox, option.lines, false, option.cut))
                    } else {
                        out.append((rightBox, option.lines, false, option.cut))
                    }
                }
                // Second choice: the label left of its marker (a bar's label sits on it), with
                // room kept clear before it.
                if p.style != .span {
                    let textLeft = p.left - labelGap - option.width
                    let leftBox = ChartRect(minX: textLeft - flipClear, minY: 0, maxX: p.right, maxY: h)
                    if leftBox.minX >= plotMinX - 2 * s {
                        if crossesRule(p.lane, textLeft, p.left - labelGap) {
                            overRules.append((leftBox, option.lines, true, option.cut))
                        } else {
                            out.append((leftBox, option.lines, true, option.cut))
                        }
                    }
                }
            }
            out += overRules
            out.append((ChartRect(minX: p.left, minY: 0, maxX: p.right, maxY: 1), nil, false, false))
            return out
        }

        /// The items `idx` (indices into `pending`) stacked into `rows` rows: key events
        /// (incidents, decisions, sanctions) first, then chain ends (longest chains first), then
        /// the rest left to right, each in the highest row that takes it. Widest labels first
        /// packs a roomy lane best, narrowest first a crowded one: both are tried, and the one
        /// labelling more key events, then chain ends, then events, is kept.
        func stack(_ idx: [Int], rows: Int) -> [Placed] {
            // Key events named, then named most fully (letters shown), then chain ends, then events.
            func score(_ p: [Placed]) -> (Int, Int, Int, Int) {
                let keys = p.filter { $0.lines != nil && pending[$0.pending].key }
                return (
                    keys.count, keys.reduce(0) { $0 + ($1.lines ?? []).reduce(0) { $0 + $1.count } },
                    p.filter { $0.lines != nil && pending[$0.pending].chainEnd }.count, p.filter { $0.lines != nil }.count
                )
            }
            var best: [Placed] = []
            var bestScore: (Int, Int, Int, Int)?
            // Best labels first, whole ones before cut ones; then the highest row for any label;
            // then the narrowest labels.
            for (keysNarrow, othersNarrow, wholeFirst) in [(false, false, true), (false, true, true), (false, true, false), (true, true, false)] {
                let p = stack(idx, rows: rows, keysNarrow: keysNarrow, othersNarrow: othersNarrow, wholeFirst: wholeFirst)
                if !p.contains(where: { $0.lines == nil }) && !keysNarrow { return p }
                let sc = score(p)
                if bestScore.map({ sc > $0 }) ?? true { best = p; bestScore = sc }
            }
            return best
        }

        func stack(_ idx: [Int], rows: Int, keysNarrow: Bool, othersNarrow: Bool, wholeFirst: Bool = true) -> [Placed] {
            var rowIntervals = [[(Double, Double)]](repeating: [], count: max(0, rows))
            var out: [Placed] = []
            // Longer chains' ends first: they stand for more events.
            let keys = idx.filter { pending[$0].key }
            let ends = idx.filter { pending[$0].chainEnd && !pending[$0].key }.sorted { (-pending[$0].chainSize, $0) < (-pending[$1].chainSize, $1) }
            let order = keys + ends + idx.filter { !pending[$0].chainEnd && !pending[$0].key }
            for k in order {
                var done = false
                var options = candidates(pending[k])
                let narrow = pending[k].key ? keysNarrow : othersNarrow
                if narrow {
                    // Narrowest first (right of the marker before left); the marker alone stays last.
                    let labelled = options.filter { $0.lines != nil }.sorted {
                        ($0.box.width, $0.flipped ? 1 : 0) < ($1.box.width, $1.flipped ? 1 : 0)
                    }
                    options = labelled + options.filter { $0.lines == nil }
                }
                // The highest row that takes a whole label, best first there; then the highest
                // that takes one cut with "…" (narrowest first: any label); only then the marker alone.
                func pass(_ lines: [String]?, _ cut: Bool) -> Int { lines == nil ? 2 : cut && !narrow && wholeFirst ? 1 : 0 }
                for level in [0, 1, 2] {
                    for row in 0..<max(0, rows) where !done {
                        for (box, lines, flipped, cut) in options where !done && pass(lines, cut) == level {
                            let span = max(1, Int(box.height))
                            guard row + span <= rows else { continue }
                            let free = (row..<(row + span)).allSatisfy { r in
                                !rowIntervals[r].contains { box.minX < $0.1 + hGap && $0.0 < box.maxX + hGap }
                            }
                            guard free else { continue }
                            for r in row..<(row + span) { rowIntervals[r].append((box.minX, box.maxX)) }
                            out.append(Placed(pending: k, row: row, span: span, box: box, lines: lines, flipped: flipped))
                            done = true
                        }
                    }
                }
                if !done {
                    out.append(
                        Placed(
                            pending: k, row: nil, span: 1, box: ChartRect(minX: pending[k].left, minY: 0, maxX: pending[k].right, maxY: 1),
                            lines: nil, flipped: false))
                }
            }
            return out.sorted { $0.pending < $1.pending }
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
        let s = ctx.s, area = lanes.area, rowH = sizes.rowH, rugH = sizes.rugH, headerH = sizes.headerH
        let laneCount = lanes.order.count
        var rowsFor = [Int](repeating: 1, count: laneCount)
        var laneHeights = [Double](repeating: 0, count: laneCount)
        guard laneCount > 0 else { return (rowsFor, laneHeights) }
        if c.clustered {
            for k in 0..<laneCount { laneHeights[k] = area.height / Double(laneCount) }
            return (rowsFor, laneHeights)
        }
        func rowsUsed(_ placed: [Placed]) -> Int { max(1, placed.compactMap { p in p.row.map { $0 + p.span } }.max() ?? 1) }
        let byLane = stacker.byLane(laneCount)
        let demand = byLane.map { rowsUsed(stacker.stack($0, rows: 40)) }
        // The rows every key event needs come first (they are stacked first, so these rows
        // hold them): for their fullest labels when there is room, else their shortest.
        let keys = byLane.map { idx in idx.filter { stacker.pending[$0].key } }
        let keyFull = keys.map { $0.isEmpty ? 0 : rowsUsed(stacker.stack($0, rows: 40, keysNarrow: false, othersNarrow: false)) }
        let keyMid = keys.map { $0.isEmpty ? 0 : rowsUsed(stacker.stack($0, rows: 40, keysNarrow: false, othersNarrow: true, wholeFirst: false)) }
        let keyShort = keys.map { $0.isEmpty ? 0 : rowsUsed(stacker.stack($0, rows: 40, keysNarrow: true, othersNarrow: true, wholeFirst: false)) }
        // Only lanes that cannot label everything keep a strip for unlabelled markers; which
        // lanes those are depends on the rows left, so allocate twice.
        var rug = [Bool](repeating: true, count: laneCount)
        for _ in 0..<2 {
            let strips = Double(rug.filter { $0 }.count) * rugH
            let capacity = Int((area.height - strips - Double(laneCount) * (8 * s + headerH)) / rowH)
            var left = max(0, capacity)
            func fill(to target: [Int]) {
                var grew = true
                while left > 0 && grew {
                    grew = false
                    for k in 0..<laneCount where left > 0 && rowsFor[k] < target[k] { rowsFor[k] += 1; left -= 1; grew = true }
                }
            }
            // A lane without key events may keep only its strip of markers when rows are short.
            rowsFor = [Int](repeating: 0, count: laneCount)
            if let fits = [keyFull, keyMid].first(where: { $0.reduce(0, +) <= capacity }) {
                rowsFor = fits; left -= fits.reduce(0, +)
            } else {
                fill(to: keyShort)
            }
            fill(to: [Int](repeating: 1, count: laneCount))
            fill(to: demand)
            rug = (0..<laneCount).map { rowsFor[$0] < demand[$0] || demand[$0] >= 40 }
        }
        let used = (0..<laneCount).reduce(0.0) { $0 + Double(rowsFor[$1]) * rowH + (rug[$1] ? rugH : 0) + 8 * s + headerH }
        let extra = max(0, area.height - used) / Double(laneCount)
        for k in 0..<laneCount { laneHeights[k] = Double(rowsFor[k]) * rowH + (rug[k] ? rugH : 0) + 8 * s + headerH + extra }
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
        lanes.chainRest = [Int](repeating: 0, count: lanes.bands.count)
        return marks
    }

    /// Step 6: grid, date ticks and the axis line; with a break, each part has its own ticks
    /// and the lanes and axis are cut by a white gap with slashes.
    func timeAxis(_ ctx: ChartContext, _ c: Coverage, _ lanes: Lanes, into marks: inout [Mark]) throws(RenderError) -> [AxisTick] {
        let theme = ctx.theme, s = ctx.s, plot = lanes.plot, axis = lanes.axis
        // A tick label needs about four and a half of its ems.
        let spacing = max(90 * s, 4.6 * theme.tick.size)
        var days: [Day] = [], labels: [(primary: String, year: String?)] = []
        for part in [axis.early, axis.main].compactMap({ $0 }) {
            let ticks = TimeTicks(from: part.from, to: part.to, maxCount: max(2, Int((part.range.hi - part.range.lo) / spacing)))
            // Left of a break, a tick whose label would reach the break would crowd the first one after it.
            let keep = ticks.days.indices.filter { part == axis.main || part(ticks.days[$0]) <= part.range.hi - 2.5 * theme.tick.size }
            let all = ticks.labels(ctx.lang)
            days += keep.map { ticks.days[$0] }; labels += keep.map { all[$0] }
        }
        let tickX = days.map { axis($0) }
        for x in tickX {
            marks.append(.line([ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)], stroke: theme.grid, thickness: 1 * s, dash: nil))
        }
        let xAxis = try XAxis.marks(
            positions: tickX, values: days.map { Double($0.ordinal) }, labels: labels,
            title: nil, plot: plot, theme: theme, measurer: ctx.measurer)
        marks.append(contentsOf: xAxis.marks)
        if let gap = axis.breakRange {
            marks.append(.rect(ChartRect(minX: gap.lowerBound, minY: plot.minY, maxX: gap.upperBound, maxY: plot.maxY + 1.5 * s), fill: theme.background))
            marks.append(
                .line([ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: gap.lowerBound, y: plot.maxY)], stroke: theme.axis, thickness: 1.5 * s, dash: nil))
            marks.append(
                .line([ChartPoint(x: gap.upperBound, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)], stroke: theme.axis, thickness: 1.5 * s, dash: nil))
            for x in [gap.lowerBound, gap.upperBound] {
                marks.append(
                    .line(
                        [ChartPoint(x: x - 3 * s, y: plot.maxY + 6 * s), ChartPoint(x: x + 3 * s, y: plot.maxY - 6 * s)],
                        stroke: theme.axis, thickness: 1.5 * s, dash: nil))
            }
        } else {
            marks.append(
                .line([ChartPoint(x: plot.minX, y: plot.maxY), ChartPoint(x: plot.maxX, y: plot.maxY)], stroke: theme.axis, thickness: 1.5 * s, dash: nil))
        }
        return xAxis.ticks
    }

    /// The election rules' dashed lines with a gap wherever a label's words stand over them:
    /// no line runs through text.
    static func cutRules(_ marks: [Mark], at xs: [Double], around boxes: [ChartRect], s: Double) -> [Mark] {
        marks.flatMap { m -> [Mark] in
            guard case let .line(pts, stroke, thickness, dash) = m, dash != nil, pts.count == 2, pts[0].x == pts[1].x,
                xs.contains(pts[0].x)
            else { return [m] }
            let x = pts[0].x
            var pieces = [(min(pts[0].y, pts[1].y), max(pts[0].y, pts[1].y))]
            for b in boxes where b.minX - 2 * s < x && x < b.maxX + 2 * s {
                pieces = pieces.flatMap { p -> [(Double, Double)] in
                    let lo = b.minY - 2 * s, hi = b.maxY + 2 * s
                    guard lo < p.1 && hi > p.0 else { return [p] }
                    return [(p.0, lo), (hi, p.1)].filter { $0.1 - $0.0 > 2 * s }
                }
            }
            return pieces.map { .line([ChartPoint(x: x, y: $0.0), ChartPoint(x: x, y: $0.1)], stroke: stroke, thickness: thickness, dash: dash) }
        }
    }

    /// Per lane, the x of each election rule drawn across it (see `electionRules`).
    func ruleXs(_ lanes: Lanes) -> [[Double]] {
        var out = [[Double]](repeating: [], count: lanes.order.count)
        for ei in lanes.electionsShown {
            let el = dataset.elections[ei]
            let x = lanes.axis.x(ordinal: Double(el.date.ordinal) + 0.5)
            var covered = Set<Int>()
            for j in lanes.laneOf.indices where lanes.laneOf[j] >= 0 && dataset.isWithin(JurisdictionIndex(j), el.scope) {
                covered.insert(lanes.laneOf[j])
            }
            for k in covered.sorted() where k < out.count { out[k].append(x) }
        }
        return out
    }

    // MARK: Election rules

    /// Step 7: a dashed rule per election day, drawn only across the lanes its scope covers
    /// (a lane holding any jurisdiction within the scope). Labels go greedily in the two rows
    /// above the lanes: name over date, else the name alone; centred, ending at, or starting
    /// at the rule; never across another election's rule.
    func electionRules(_ ctx: ChartContext, _ lanes: Lanes, _ sizes: Sizes, into marks: inout [Mark]) throws(RenderError) -> [ElectionRule] {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let plot = lanes.plot, body = lanes.frame.body
        var rules: [ElectionRule] = []
        var placer = LabelPlacer(
            bounds: ChartRect(minX: theme.margin * 0.5, minY: body.minY - 1, maxX: theme.width - theme.margin * 0.5, maxY: plot.minY),
            padding: 8 * s, verticalPadding: 1 * s)
        let ruleXs = lanes.electionsShown.map { lanes.axis.x(ordinal: Double(dataset.elections[$0].date.ordinal) + 0.5) }
        let bold = TextStyle(size: theme.note.size, bold: true, color: theme.ink)
        let rowY = [body.minY, body.minY + sizes.noteLH + 4 * s]
        for (n, ei) in lanes.electionsShown.enumerated() {
            let el = dataset.elections[ei]
            let x = ruleXs[n]
            var covered = [Bool](repeating: false, count: lanes.bands.count)
            for j in lanes.laneOf.indices where lanes.laneOf[j] >= 0 && dataset.isWithin(JurisdictionIndex(j), el.scope) {
                covered[lanes.laneOf[j]] = true
            }
            var options: [[TextMark]] = []
            for (align, ax) in [(TextMeasurer.Align.center, x), (.right, x - 5 * s), (.left, x + 5 * s)] {
                options.append([
                    try measurer.place(el.name, bold, x: ax, y: rowY[0], align: align, role: .label),
                    try measurer.place(DateText.short(el.date, lang), theme.note, x: ax, y: rowY[1], align: align, role: .label)
                ])
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
            let labelBottom = pick.map { boxes[$0].maxY + 2 * s } ?? plot.minY
            // Runs of covered lanes, the first reaching up to the label when it starts at the top.
            var segments: [ClosedRange<Double>] = []
            for (k, lane) in lanes.bands.enumerated() where covered[k] {
                let top = k == 0 ? labelBottom : lane.rect.minY
                if let last = segments.last, abs(last.upperBound - lane.rect.minY) < 1 {
                    segments[segments.count - 1] = last.lowerBound...lane.rect.maxY
                } else {
                    segments.append(top...max(top, lane.rect.maxY))
                }
            }
            let stroke = theme.ink.withAlpha(200)
            for seg in segments {
                marks.append(.line([ChartPoint(x: x, y: seg.lowerBound), ChartPoint(x: x, y: seg.upperBound)], stroke: stroke, thickness: 2 * s, dash: 7 * s))
            }
            // A label over lanes outside the scope gets a short tick, not a rule through them.
            if !labels.isEmpty, segments.first.map({ $0.lowerBound > labelBottom + 1 }) ?? true {
                marks.append(.line([ChartPoint(x: x, y: labelBottom), ChartPoint(x: x, y: plot.minY)], stroke: stroke, thickness: 2 * s, dash: nil))
            }
            rules.append(
                ElectionRule(
                    election: ei, x: x, top: segments.first?.lowerBound ?? labelBottom,
                    bottom: segments.last?.upperBound ?? labelBottom, segments: segments,
                    lanes: covered.indices.filter { covered[$0] }, labels: labels))
            for l in labels { marks.append(.text(l)) }
        }
        return rules
    }

    // MARK: Markers

    /// Step 8 (cluster mode): counted markers, then their counts.
    func clusterMarks(_ clusters: [TimelineCluster], s: Double) -> [Mark] {
        var marks: [Mark] = []
        // Biggest first, so a small marker next to a big one stays visible.
        for c in clusters.sorted(by: { ($0.radius, $0.lane) > ($1.radius, $1.lane) }) {
            let color = KindPalette.color(c.kind)
            marks.append(.circle(center: c.center, radius: c.radius, fill: color.withAlpha(220), stroke: KindPalette.outline(c.kind), thickness: 1.5 * s))
        }
        for c in clusters { if let l = c.label { marks.append(.text(l)) } }
        return marks
    }

    /// The key to cluster sizes, under the axis: its words, then up to three sample circles
    /// on the markers' own scale (nice counts whose circles fit the strip).
    func sizeKey(
        _ ctx: ChartContext, _ lanes: Lanes, _ sizes: Sizes, clusters: [TimelineCluster], k: Double, unitDays: Double,
        into marks: inout [Mark]
    ) throws(RenderError) -> TimelineSizeKey? {
        guard !clusters.isEmpty, k > 0 else { return nil }
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s, lang = ctx.lang
        let floor = Self.clusterFloor(s)
        let maxN = clusters.map(\.count).max() ?? 1
        var nice: [Int] = []
        var p = 1
        while p <= maxN {
            for m in [1, 2, 5] where m * p <= maxN { nice.append(m * p) }
            guard p <= Int.max / 10 else { break }
            p *= 10
        }
        let fits = nice.filter { k * Double($0).squareRoot() <= sizes.keyCap && k * Double($0).squareRoot() >= floor * 1.5 }
        var samples: [Int] = []
        if let top = fits.last {
            samples.append(top)
            // Then counts near a quarter and a sixteenth of it: circles a half and a quarter as wide.
            for target in [Double(top) / 4, Double(top) / 16] {
                if let pick = fits.filter({ $0 < (samples.last ?? top) }).min(by: { abs(Double($0) - target) < abs(Double($1) - target) }) {
                    samples.append(pick)
                }
            }
        } else {
            samples = [maxN]
        }
        samples.reverse()

        let top = lanes.plot.maxY + (try XAxis.height(title: nil, theme: theme, measurer: measurer)) + 6 * s
        let left = lanes.area.minX + 8 * s
        var words = Strings.clusterKey(period: Strings.clusterPeriod(days: unitDays)).text(lang)
        if let floored = clusters.filter(\.floored).map(\.count).max() {
            words += " (" + Strings.clusterFloor(NumberFormat.number(floored, lang)).text(lang) + ")"
        }
        // The circles and their counts first, so the words know the room left.
        var circlesW = 0.0
        for n in samples {
            circlesW += 2 * max(floor, k * Double(n).squareRoot()) + 6 * s + (try measurer.width(NumberFormat.number(n, lang), theme.note)) + 18 * s
        }
        let wordsW = max(theme.width * 0.3, lanes.area.width - circlesW - 16 * s)
        let lines = try measurer.wrap(words, theme.note, maxWidth: wordsW, maxLines: sizes.keyLines)
        var texts: [TextMark] = []
        let midY = top + (sizes.keyH - 12 * s) / 2
        var y = midY - Double(lines.count) * sizes.noteLH / 2
        var right = left
        for l in lines {
            let m = try measurer.place(l, theme.note, x: left, y: y, role: .note)
            texts.append(m); y = m.box.maxY; right = max(right, m.box.maxX)
        }
        var x = right + 16 * s
        var placed: [(count: Int, center: ChartPoint, radius: Double)] = []
        for n in samples {
            let r = max(floor, k * Double(n).squareRoot())
            let c = ChartPoint(x: x + r, y: midY)
            placed.append((n, c, r))
            marks.append(.circle(center: c, radius: r, fill: theme.muted.withAlpha(90), stroke: theme.muted, thickness: 1.5 * s))
            let t = try measurer.place(NumberFormat.number(n, lang), theme.note, x: c.x + r + 6 * s, y: midY, valign: .middle, role: .note)
            texts.append(t)
            x = t.box.maxX + 18 * s
        }
        for t in texts { marks.append(.text(t)) }
        return TimelineSizeKey(unit: k, floor: floor, samples: placed, texts: texts)
    }

    /// Step 8 (detail mode): items lane by lane in the rows granted, then links behind the
    /// markers, the markers, and the labels with a halo over rules and links.
    func detailItems(
        _ ctx: ChartContext, _ sizes: Sizes, _ stacker: RowStacker, avoid: [ChartRect], into lanes: inout Lanes,
        marks: inout [Mark]
    ) throws(RenderError) -> (items: [TimelineItem], edges: [TimelineEdge]) {
        let s = ctx.s
        var items: [TimelineItem] = []
        var itemAt = Column<EventIndex, Int>(repeating: -1, count: dataset.events.count)
        let byLane = stacker.byLane(lanes.order.count)
        for k in lanes.bands.indices {
            let placed = stacker.stack(byLane[k], rows: lanes.bands[k].rows)
            // Chains whose two ends kept labels: their unlabelled middles are counted apart.
            var endsLabelled: [Int: Int] = [:]
            for p in placed where stacker.pending[p.pending].chainEnd && p.lines != nil { endsLabelled[stacker.pending[p.pending].chain, default: 0] += 1 }
            for p in placed {
                let pend = stacker.pending[p.pending]
                itemAt[pend.event] = items.count
                let item = try detailItem(ctx, sizes, p, pend, lane: k, band: lanes.bands[k])
                items.append(item)
                if item.labels.isEmpty {
                    lanes.bands[k].unlabelled += 1
                    if pend.chain >= 0 && !pend.chainEnd && endsLabelled[pend.chain, default: 0] == 2 { lanes.chainRest[k] += 1 }
                }
            }
        }
        let edges = graph.nodeCount == dataset.events.count ? links(items, itemAt: itemAt, avoid: avoid, theme: ctx.theme, marks: &marks) : []
        for it in items where it.leader.count == 2 {
            marks.append(.line(it.leader, stroke: KindPalette.outline(dataset.events.kinds[it.event]), thickness: 2 * s, dash: nil))
        }
        for it in items {
            let e = it.event
            marks.append(
                contentsOf: Self.itemMarks(
                    it, kind: dataset.events.kinds[e],
                    exactStart: dataset.events.endDates[e] != nil && dataset.events.dates[e].isExact,
                    r: it.row == nil ? sizes.r * 0.6 : sizes.r, tail: sizes.tail, s: s))
        }
        for it in items { for l in it.labels { marks.append(.text(l)) } }
        return (items, edges)
    }

    /// One item in its row (or the lane's rug): its label lines, its bar as tall as them, its
    /// marker, and the leader from the label's near edge to its marker, on the label's first line.
    func detailItem(
        _ ctx: ChartContext, _ sizes: Sizes, _ p: Placed, _ pend: Pending, lane k: Int,
        band lane: TimelineLane
    ) throws(RenderError) -> TimelineItem {
        let theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let rowH = sizes.rowH, rugH = sizes.rugH
        let top = lane.rect.minY + 4 * s + sizes.headerH
        let rugY = lane.rect.maxY - rugH / 2 - 3 * s
        let cy = p.row.map { top + (Double($0) + 0.5) * rowH } ?? rugY
        var labels: [TextMark] = []
        for (n, line) in (p.lines ?? []).enumerated() {
            let y = cy + Double(n) * rowH
            let mark =
                p.flipped
                ? try measurer.place(line, theme.label, x: pend.left - sizes.labelGap, y: y, align: .right, valign: .middle, role: .label)
                : try measurer.place(line, theme.label, x: pend.textX, y: y, valign: .middle, role: .label)
            labels.append(mark.withHalo(theme.background))
        }
        let barH = p.row == nil ? rugH * 0.6 : Double(p.span) * rowH - 6 * s
        let barMid = cy + Double(p.span - 1) * rowH / 2
        let bar = pend.bar.map { ChartRect(minX: $0.0, minY: barMid - barH / 2, maxX: $0.1, maxY: barMid + barH / 2) }
        let box = ChartRect(minX: p.box.minX, minY: cy - rowH / 2, maxX: p.box.maxX, maxY: cy - rowH / 2 + Double(p.span) * rowH)
        let marker = ChartPoint(x: pend.markerX, y: pend.style == .span ? barMid : cy)
        var leader: [ChartPoint] = []
        if let first = labels.first {
            switch (pend.style, p.flipped) {
            case (.span, _): leader = [ChartPoint(x: first.box.minX, y: cy), ChartPoint(x: pend.textX - sizes.labelGap, y: cy)]
            case (_, true): leader = [ChartPoint(x: first.box.maxX, y: cy), ChartPoint(x: pend.left, y: cy)]
            case (_, false): leader = [ChartPoint(x: first.box.minX, y: cy), ChartPoint(x: pend.right, y: cy)]
            }
        }
        return TimelineItem(
            event: pend.event, lane: k, row: p.row, style: pend.style,
            marker: marker, bar: bar, labels: labels, leader: leader, box: box)
    }

    /// Links behind markers, as gentle curves from effect to cause, each routed clear of every
    /// text (bowing up, down, more, less); a link no route keeps clear is left out. Many links
    /// would veil the labels: they are drawn fainter and thinner.
    func links(
        _ items: [TimelineItem], itemAt: Column<EventIndex, Int>, avoid: [ChartRect], theme: Theme,
        marks: inout [Mark]
    ) -> [TimelineEdge] {
        let s = theme.s
        var edges: [TimelineEdge] = []
        var texts = avoid
        for it in items { texts += it.labels.map(\.box) }
        for it in items {
            for c in graph.causes(of: it.event) where itemAt[c.node] >= 0 {
                let a = it.marker, b = items[itemAt[c.node]].marker
                var path: [ChartPoint] = []
                for bend in [1.0, -1.0, 2.0, -2.0, 0.4, -0.4, 3.0, -3.0] {
                    let route = Self.curve(from: a, to: b, s: s, bend: bend)
                    if !Self.crosses(route, texts) { path = route; break }
                }
                edges.append(TimelineEdge(from: it.event, to: c.node, relation: c.relation, path: path))
            }
        }
        let many = edges.count > 40
        for edge in edges where edge.path.count > 1 {
            marks.append(.line(edge.path, stroke: theme.muted.withAlpha(many ? 80 : 150), thickness: (many ? 1 : 1.5) * s, dash: nil))
        }
        return edges
    }

    // MARK: Lane names

    /// Step 9, last so nothing draws over them: the lanes' names, and their notes ("+N more",
    /// "+N below it merged") under the name while the lane has room, else beside it; on a
    /// portrait canvas, the name heads its lane with the notes on the same line.
    func laneNames(_ ctx: ChartContext, _ lanes: Lanes, _ sizes: Sizes) throws(RenderError) -> [Mark] {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let area = lanes.area, nameW = lanes.nameW
        var marks: [Mark] = []
        for (k, lane) in lanes.bands.enumerated() {
            var notes: [String] = []
            if lane.merged > 0 { notes.append(Self.mergedNote(lane.merged, lang)) }
            let rest = k < lanes.chainRest.count ? lanes.chainRest[k] : 0
            if lane.unlabelled - rest > 0 { notes.append("+\(NumberFormat.number(lane.unlabelled - rest, lang)) \(StringKey.moreEvents.text(lang))") }
            if rest > 0 { notes.append(Strings.chainRest(NumberFormat.number(rest, lang), count: rest).text(lang)) }
            let nameMax = sizes.portrait ? nameW * 0.6 : nameW
            let name = try measurer.fit(dataset.jurisdictions[lane.jurisdiction].name, theme.laneName, maxWidth: nameMax) ?? ""
            let nameMark = try measurer.place(name, theme.laneName, x: area.minX + 8 * s, y: lane.rect.minY + (sizes.portrait ? 3 : 6) * s, role: .laneName)
            marks.append(.text(nameMark.withHalo(theme.background)))
            var noteY = nameMark.box.maxY + 2 * s
            var beside: [String] = []
            for note in notes {
                if !sizes.portrait, noteY + sizes.noteLH <= lane.rect.maxY - 2 * s, let fitted = try measurer.fit(note, theme.note, maxWidth: nameW + 10 * s) {
                    let m = try measurer.place(fitted, theme.note, x: area.minX + 8 * s, y: noteY, role: .note)
                    marks.append(.text(m.withHalo(theme.background))); noteY = m.box.maxY + 1 * s
                } else {
                    beside.append(note)
                }
            }
            let besideMax = (sizes.portrait ? area.maxX - 8 * s : lanes.plot.minX - 10 * s) - nameMark.box.maxX - 12 * s
            if !beside.isEmpty, let fitted = try measurer.fit(beside.joined(separator: " · "), theme.note, maxWidth: besideMax) {
                let m = try measurer.place(fitted, theme.note, x: nameMark.box.maxX + 12 * s, y: nameMark.box.midY, valign: .middle, role: .note)
                marks.append(.text(m.withHalo(theme.background)))
            }
        }
        return marks
    }
}
