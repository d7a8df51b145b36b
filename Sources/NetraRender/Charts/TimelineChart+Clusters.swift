import NetraCore
import NetraText
import NetraAnalytics

/// The timeline's cluster mode, step by step: base cells (days over spans up to about eleven
/// years, months up to two centuries, else years, so the table stays small whatever the
/// dates), one pass counting events per lane × base cell × kind, the display periods, the
/// finest period whose markers hold their counts, then the markers.
struct TimelineClustering {
    enum Base { case day, month, year }
    /// A display period: its length in days, its index from a base cell's, and its first day.
    struct Unit { var days: Double; var of: (Int) -> Int; var start: (Int) -> Day }
    /// A marker before layout: a lane, a period, its count and its commonest kind.
    typealias Cell = (lane: Int, bucket: Int, n: Int, kind: Int)

    let scale: TimeScale
    let lanes: Int
    let base: Base
    let base0: Int
    let nBase: Int
    let kinds = EventKind.allCases.count

    init(scale: TimeScale, lanes: Int) {
        self.scale = scale; self.lanes = lanes
        let span = scale.to.ordinal - scale.from.ordinal
        let monthSpan = scale.to.month.index - scale.from.month.index
        base = span <= 4000 ? .day : monthSpan <= 2400 ? .month : .year
        base0 = Self.baseIndex(scale.from, base)
        nBase = max(1, Self.baseIndex(scale.to, base) - base0 + 1)
    }

    static func baseIndex(_ d: Day, _ base: Base) -> Int {
        switch base {
        case .day: return d.ordinal
        case .month: return d.month.index
        case .year: return d.year
        }
    }

    /// Events per lane × base cell × kind, of the events in `window` (all when nil).
    func counts(_ dataset: Dataset, window: ClosedRange<Day>?, laneOf: [Int]) -> [Int32] {
        var counts = [Int32](repeating: 0, count: lanes * nBase * kinds)
        let events = dataset.events
        for i in events.indices {
            let j = events.jurisdictions[i].raw
            guard j < laneOf.count, laneOf[j] >= 0 else { continue }
            let a = events.dates[i].anchor
            if let w = window, !w.contains(a) { continue }
            let b = min(max(Self.baseIndex(a, base) - base0, 0), nBase - 1)
            counts[(laneOf[j] * nBase + b) * kinds + events.kinds[i].order] += 1
        }
        return counts
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Display periods, finest first, each with its map from a base cell and its first day.
    func units() -> [Unit] {
        let base0 = self.base0, base = self.base, scale = self.scale
        let floorDiv = Self.floorDiv
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
        return units
    }

    /// The biggest marker a period of `px` pixels allows: half its width, most of a lane, never huge.
    static func rMax(_ px: Double, laneH: Double, s: Double) -> Double { max(4 * s, min(px / 2 - 1 * s, laneH * 0.42, 48 * s)) }

    static func countStyle(_ ctx: ChartContext) -> TextStyle { TextStyle(size: ctx.theme.note.size, bold: true, color: .white) }

    /// The finest period (of at least 24 px) whose biggest marker can hold its count, and its cells.
    func choose(_ units: [Unit], counts: [Int32], laneH: Double, _ ctx: ChartContext) -> (unit: Unit, cells: [Cell])? {
        let s = ctx.s, style = Self.countStyle(ctx)
        var chosen: (unit: Unit, cells: [Cell])?
        for unit in units {
            let px = unit.days * scale.pixelsPerDay
            guard px >= 24 * s else { continue }
            let cells = merged(counts, into: unit)
            let widest = (try? ctx.measurer.width(NumberFormat.compact(cells.map(\.n).max() ?? 0, ctx.lang), style)) ?? px
            chosen = (unit, cells)
            if Self.rMax(px, laneH: laneH, s: s) >= widest / 2 + 4 * s { break }
        }
        return chosen
    }

    /// Base cells merged into `unit`'s periods; cells arrive in bucket order per lane.
    func merged(_ counts: [Int32], into unit: Unit) -> [Cell] {
        let kinds = self.kinds
        var cells: [Cell] = []
        var perKind = [Int](repeating: 0, count: kinds)
        for lane in 0..<lanes {
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
        return cells
    }

    /// The markers: area proportional to the count (radius = k·√n, the biggest at the
    /// period's limit, none under the floor), each count inside its marker where it fits
    /// clear of the others.
    func markers(
        _ unit: Unit, cells: [Cell], lanes: [TimelineLane], laneH: Double, ctx: ChartContext,
        rowsTop: (TimelineLane) -> Double
    ) -> (clusters: [TimelineCluster], k: Double, unit: Double) {
        let s = ctx.s, style = Self.countStyle(ctx)
        let maxN = Double(cells.map(\.n).max() ?? 1)
        let k = Self.rMax(unit.days * scale.pixelsPerDay, laneH: laneH, s: s) / max(1, maxN).squareRoot()
        let floor = TimelineChart.clusterFloor(s)
        var out: [TimelineCluster] = []
        var countLabels = LabelPlacer.forValues(bounds: ChartRect(x: 0, y: 0, width: ctx.theme.width, height: ctx.theme.height), style: style)
        for c in cells {
            let first = max(unit.start(c.bucket), scale.from)
            let last = min(unit.start(c.bucket + 1).adding(days: -1), scale.to)
            let x0 = scale(first), x1 = scale(last.adding(days: 1))
            let lane = lanes[c.lane].rect
            let kind = EventKind.allCases[c.kind]
            let text = NumberFormat.compact(c.n, ctx.lang)
            let textStyle = TextStyle(size: style.size, bold: true, color: KindPalette.isLight(kind) ? ctx.theme.ink : .white)
            let w = (try? ctx.measurer.width(text, textStyle)) ?? 0
            let trueR = k * Double(c.n).squareRoot()
            let radius = max(trueR, floor)
            let center = ChartPoint(x: (x0 + x1) / 2, y: (rowsTop(lanes[c.lane]) + lane.maxY) / 2)
            var label: TextMark?
            if w <= 2 * radius - 4 * s,
                let mark = try? ctx.measurer.place(text, textStyle, x: center.x, y: center.y, align: .center, valign: .middle, role: .value),
                countLabels.place([mark.box]) != nil
            {
                label = mark
            }
            out.append(
                TimelineCluster(
                    lane: c.lane, first: first, last: last, count: c.n, kind: kind, center: center, radius: radius,
                    floored: trueR < floor, label: label))
        }
        return (out, k, unit: unit.days)
    }
}
