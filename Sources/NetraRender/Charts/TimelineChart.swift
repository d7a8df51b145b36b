import NetraCore
import NetraAnalytics

/// One lane of the timeline: a jurisdiction's row band.
public struct TimelineLane: Sendable, Hashable {
    /// The jurisdiction whose lane it is.
    public var jurisdiction: JurisdictionIndex
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
    /// The event drawn.
    public var event: EventIndex
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
    /// The label's lines (one or two), empty when none was kept.
    public var labels: [TextMark]
    /// The label's first line, when one was kept.
    public var label: TextMark? { labels.first }
    /// The leader line from the label's near edge to the marker's edge (empty without a label).
    public var leader: [ChartPoint] = []
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
    /// Marker radius: its area is proportional to `count` (see `TimelinePlan.sizeKey`),
    /// except that a marker too small to see is drawn at `TimelineSizeKey.floor`.
    public var radius: Double
    /// True when the marker was drawn at the floor size rather than its true size.
    public var floored: Bool
    /// The count written in (or over) the marker, when it fit.
    public var label: TextMark?
}

/// An election day's vertical rule.
public struct ElectionRule: Sendable, Hashable {
    /// Index into `Dataset.elections`.
    public var election: ElectionIndex
    /// The rule’s x (the middle of the election day).
    public var x: Double
    /// Where the rule's first segment starts (under its label when the top lane is in scope).
    public var top: Double
    /// Where the rule's last segment ends.
    public var bottom: Double
    /// The stretches drawn, top to bottom: only across lanes the election's scope covers.
    public var segments: [ClosedRange<Double>]
    /// The lanes (indices into `TimelinePlan.lanes`) the election's scope covers.
    public var lanes: [Int]
    /// The name, and the date under it when there was room; empty when left out.
    public var labels: [TextMark]
}

/// The time axis: linear, or with its sparse start drawn narrower left of a break.
public struct TimelineAxis: Sendable, Equatable {
    /// The compressed stretch left of the break, when there is one.
    public var early: TimeScale?
    /// The axis right of the break (all of it when there is none).
    public var main: TimeScale

    /// An axis from its parts.
    public init(early: TimeScale?, main: TimeScale) { self.early = early; self.main = main }

    /// The first day drawn at full scale, when the days before it are compressed.
    public var compressedBefore: Day? { early == nil ? nil : main.from }

    /// The pixels between the two parts, when there is a break.
    public var breakRange: ClosedRange<Double>? {
        guard let early, early.range.hi < main.range.lo else { return nil }
        return early.range.hi...main.range.lo
    }

    /// The x of a fractional day ordinal, across the break by a straight line.
    public func x(ordinal: Double) -> Double {
        guard let early, ordinal < Double(main.from.ordinal) else { return main.x(ordinal: ordinal) }
        let end = Double(early.to.ordinal)
        if ordinal <= end { return early.x(ordinal: ordinal) }
        let t = (ordinal - end) / max(1, Double(main.from.ordinal) - end)
        return early.range.hi + t * (main.range.lo - early.range.hi)
    }

    /// The x of the start of `day`.
    public func callAsFunction(_ day: Day) -> Double { x(ordinal: Double(day.ordinal)) }
}

/// The key to cluster sizes: sample circles on the markers' own scale.
public struct TimelineSizeKey: Sendable, Hashable {
    /// Radius of a marker for `count` events is `unit * sqrt(count)`.
    public var unit: Double
    /// The smallest radius drawn.
    public var floor: Double
    /// Sample counts and their circles.
    public var samples: [(count: Int, center: ChartPoint, radius: Double)]
    /// The key's words.
    public var texts: [TextMark]

    public static func == (a: TimelineSizeKey, b: TimelineSizeKey) -> Bool {
        a.unit == b.unit && a.floor == b.floor && a.texts == b.texts
            && a.samples.map(\.count) == b.samples.map(\.count) && a.samples.map(\.radius) == b.samples.map(\.radius)
    }
    public func hash(into h: inout Hasher) { h.combine(unit); h.combine(texts) }
}

/// A link drawn between two events on the timeline.
public struct TimelineEdge: Sendable, Hashable {
    /// The effect (the event carrying the link), an index into `Dataset.events`.
    public var from: EventIndex
    /// The cause.
    public var to: EventIndex
    /// The link’s relation.
    public var relation: Relation
    /// The curve drawn, clear of every text; empty when no route was clear and the link was left out.
    public var path: [ChartPoint] = []
}

/// The laid-out timeline.
public struct TimelinePlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// The area of the lanes right of the name column.
    public var plot: ChartRect
    /// Days to x right of any break (all of the plot when there is none); `axis` maps every day.
    public var scale: TimeScale
    /// Days to x, across the break when the sparse start is compressed.
    public var axis: TimelineAxis
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
    /// The key to cluster sizes (cluster mode only).
    public var sizeKey: TimelineSizeKey?
    /// Lanes with events that did not fit on the canvas.
    public var hiddenLanes: Int
    /// Events in the window (drawn or in hidden lanes).
    public var eventCount: Int
}

/// The timeline: one lane per jurisdiction, a marker per event, links, and election days.
/// It shows the events themselves, so it takes the dataset and its graph.
public struct TimelineChart: Chart {
    /// Events above this many are aggregated into counted markers per lane × period: at
    /// 1600×900 about this many labels fit before most markers would go unlabelled.
    public static let defaultDetailLimit = 150

    /// The events drawn, their jurisdictions and elections.
    public var dataset: Dataset
    /// The links drawn between events.
    public var graph: EventGraph
    /// The days shown; all events' when `nil`.
    public var window: ClosedRange<Day>?
    /// Above this many events in the window, markers are clustered.
    public var detailLimit: Int
    /// The month the chart is about (a briefing's): the title counts its events.
    public var highlight: Month?

    /// The timeline of `dataset`'s events and `graph`'s links, within `window` when given;
    /// headlined by `highlight`'s events when given.
    public init(
        _ dataset: Dataset, graph: EventGraph, window: ClosedRange<Day>? = nil, detailLimit: Int = defaultDetailLimit,
        highlight: Month? = nil
    ) {
        self.dataset = dataset; self.graph = graph; self.window = window; self.detailLimit = detailLimit
        self.highlight = highlight
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
    static func extent(_ date: EventDate, end: Day?) -> (Day, Day) { date.days(through: end) }

    /// A quadratic curve bowing upward between two markers, as a polyline; `bend` scales the
    /// bow (negative: downward).
    static func curve(from a: ChartPoint, to b: ChartPoint, s: Double, bend: Double = 1) -> [ChartPoint] {
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 1 else { return [a, b] }
        let bow = min(40 * s, len * 0.25) * bend
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

    /// True when the polyline `path` runs through any of `boxes` (sampled every pixel or two).
    static func crosses(_ path: [ChartPoint], _ boxes: [ChartRect]) -> Bool {
        guard path.count > 1 else { return false }
        var lo = path[0], hi = path[0]
        for p in path { lo = ChartPoint(x: min(lo.x, p.x), y: min(lo.y, p.y)); hi = ChartPoint(x: max(hi.x, p.x), y: max(hi.y, p.y)) }
        let near = boxes.filter { $0.intersects(ChartRect(minX: lo.x - 1, minY: lo.y - 1, maxX: hi.x + 1, maxY: hi.y + 1)) }
        guard !near.isEmpty else { return false }
        for (a, b) in zip(path, path.dropFirst()) {
            let len = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let n = max(1, Int((len / 1.5).rounded(.up)))
            for k in 0...n {
                let t = Double(k) / Double(n)
                let p = ChartPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                if near.contains(where: { $0.contains(p) }) { return true }
            }
        }
        return false
    }

    /// A detail item's marks; `exactStart` marks the known first day of a span with a dot.
    static func itemMarks(_ it: TimelineItem, kind: EventKind, exactStart: Bool, r: Double, tail: Double, s: Double) -> [Mark] {
        let color = KindPalette.color(kind), edge = KindPalette.outline(kind)
        switch it.style {
        case .dot:
            return [.circle(center: it.marker, radius: r, fill: color, stroke: edge, thickness: 1.5 * s)]
        case .onOrBefore:
            let m = it.marker
            // The lead-in fades out to the left: the event happened by this day, from no known start.
            let start = m.x - r - tail * (r / (7 * s)), end = m.x - r, steps = 3
            var out: [Mark] = (0..<steps).map { k in
                let a = start + (end - start) * Double(k) / Double(steps), b = start + (end - start) * Double(k + 1) / Double(steps)
                return .line(
                    [ChartPoint(x: a, y: m.y), ChartPoint(x: b, y: m.y)], stroke: edge.withAlpha(UInt8(85 + 170 * k / (steps - 1))),
                    thickness: 2 * s, dash: nil)
            }
            out.append(.circle(center: m, radius: r - 1 * s, fill: .white, stroke: KindPalette.isFaint(kind) ? edge : color, thickness: 3 * s))
            return out
        case .span:
            guard let bar = it.bar else { return [] }
            var out: [Mark] = [.rect(bar, fill: color.withAlpha(70)), .outline(bar, stroke: color.shaded(0.15).withAlpha(200), thickness: 1 * s)]
            if exactStart {
                out.append(.circle(center: ChartPoint(x: bar.minX + r, y: bar.midY), radius: r * 0.85, fill: color, stroke: edge, thickness: 1.5 * s))
            }
            return out
        }
    }

    /// Cluster mode. One aggregation pass counts events per lane × base period (a day, or a
    /// month over long spans) × kind; the display period (day, week, month, quarter, year) is
    /// then the finest whose markers can hold their count, found by merging those cells only.
    /// Returns the markers, `k` (radius = k·√count) and the display period in days: the steps
    /// of `TimelineClustering`.
    static func cluster(
        _ dataset: Dataset, window: ClosedRange<Day>?, laneOf: [Int], lanes: [TimelineLane], plot: ChartRect,
        scale: TimeScale, ctx: ChartContext, rowsTop: (TimelineLane) -> Double
    )
        -> (clusters: [TimelineCluster], k: Double, unit: Double)
    {
        let clustering = TimelineClustering(scale: scale, lanes: lanes.count)
        let counts = clustering.counts(dataset, window: window, laneOf: laneOf)
        let laneH = lanes.map { $0.rect.maxY - rowsTop($0) }.min() ?? 40 * ctx.s
        guard let (unit, cells) = clustering.choose(clustering.units(), counts: counts, laneH: laneH, ctx) else { return ([], 0, unit: 1) }
        return clustering.markers(unit, cells: cells, lanes: lanes, laneH: laneH, ctx: ctx, rowsTop: rowsTop)
    }

    /// The smallest cluster marker drawn: below it a dot would not show.
    static func clusterFloor(_ s: Double) -> Double { 3 * s }
}
