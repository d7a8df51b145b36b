import NetraAnalytics

/// A tick after layout: its value's position and its label (when one was kept).
public struct AxisTick: Sendable, Hashable {
    /// The tick's value (a count, days, or a day ordinal on a time axis).
    public var value: Double
    /// Its pixel position along the axis.
    public var position: Double
    /// The label drawn for it; `nil` when left out to avoid an overlap.
    public var label: TextMark?
}

enum YAxis {
    /// The width the labels and the turned title need left of the plot.
    static func width(labels: [String], title: String?, theme: Theme, measurer: TextMeasurer) throws(RenderError) -> Double {
        var w = 0.0
        for l in labels { w = max(w, try measurer.width(l, theme.tick)) }
        var total = w + 12 * theme.s
        if title != nil { total += (try measurer.lineHeight(theme.axisTitle)) + 12 * theme.s }
        return total
    }

    /// Grid lines, tick labels right of the gutter, and the turned title centred on the plot.
    static func marks(
        scale: LinearScale, ticks: [Double], labels: [String], title: String?, plot: ChartRect,
        left: Double, theme: Theme, measurer: TextMeasurer
    ) throws(RenderError) -> (marks: [Mark], ticks: [AxisTick]) {
        var marks: [Mark] = []
        var out: [AxisTick] = []
        for (k, v) in ticks.enumerated() {
            let y = scale(v)
            marks.append(
                .line(
                    [ChartPoint(x: plot.minX, y: y), ChartPoint(x: plot.maxX, y: y)],
                    stroke: v == 0 ? theme.axis : theme.grid, thickness: 1 * theme.s, dash: nil))
            let label = try measurer.place(labels[k], theme.tick, x: plot.minX - 12 * theme.s, y: y, align: .right, valign: .middle, role: .tickLabel)
            marks.append(.text(label))
            out.append(AxisTick(value: v, position: y, label: label))
        }
        // A title cut short ("Ju…") tells nothing: on a plot too short for it, it is left out.
        if let title, try measurer.width(title, theme.axisTitle) <= plot.height {
            let lh = try measurer.lineHeight(theme.axisTitle)
            marks.append(.text(try measurer.placeVertical(title, theme.axisTitle, cx: left + lh / 2, cy: plot.midY, role: .axisTitle)))
        }
        return (marks, out)
    }
}

enum XAxis {
    /// The height two lines of tick labels and a title need below the plot.
    static func height(title: String?, theme: Theme, measurer: TextMeasurer) throws(RenderError) -> Double {
        let lh = try measurer.lineHeight(theme.tick)
        var h = 8 * theme.s + 2 * lh + 4 * theme.s
        if title != nil { h += (try measurer.lineHeight(theme.axisTitle)) + 8 * theme.s }
        return h
    }

    /// Labels centred under their positions; a label that would overlap the last one kept, or
    /// leave the canvas, is left out (Vega-Lite's greedy policy). The year line is handled the
    /// same way, so a year label is never lost when its month label is.
    static func marks(
        positions: [Double], values: [Double], labels: [(primary: String, year: String?)], title: String?,
        plot: ChartRect, theme: Theme, measurer: TextMeasurer, tickMarks: Bool = true, clearOfYLabels: Bool = false
    )
        throws(RenderError) -> (marks: [Mark], ticks: [AxisTick])
    {
        var marks: [Mark] = []
        var out: [AxisTick] = []
        let lh = try measurer.lineHeight(theme.tick)
        let top = plot.maxY + 8 * theme.s
        let minGap = 14 * theme.s
        var lastPrimary = -Double.infinity, lastYear = -Double.infinity
        // Beside a y axis, a label wider than its column keeps right of the "0" at the axis' foot.
        let lo = clearOfYLabels ? plot.minX - 10 * theme.s : 4 * theme.s, hi = theme.width - 4 * theme.s
        for (k, x) in positions.enumerated() {
            if tickMarks {
                marks.append(
                    .line(
                        [ChartPoint(x: x, y: plot.maxY), ChartPoint(x: x, y: plot.maxY + 6 * theme.s)],
                        stroke: theme.axis, thickness: 1 * theme.s, dash: nil))
            }
            var kept: TextMark?
            var label = try measurer.place(labels[k].primary, theme.tick, x: x, y: top, align: .center, role: .tickLabel)
            label = shiftInside(label, lo: lo, hi: hi)
            if label.box.minX >= lastPrimary + minGap {
                marks.append(.text(label)); kept = label; lastPrimary = label.box.maxX
            }
            if let year = labels[k].year {
                var yl = try measurer.place(
                    year, TextStyle(size: theme.tick.size, bold: true, color: theme.tick.color),
                    x: x, y: top + lh, align: .center, role: .tickLabel)
                yl = shiftInside(yl, lo: lo, hi: hi)
                if yl.box.minX >= lastYear + minGap { marks.append(.text(yl)); lastYear = yl.box.maxX }
            }
            out.append(AxisTick(value: values[k], position: x, label: kept))
        }
        if let title, let t = try measurer.fit(title, theme.axisTitle, maxWidth: plot.width) {
            let y = top + 2 * lh + 8 * theme.s
            marks.append(.text(try measurer.place(t, theme.axisTitle, x: plot.midX, y: y, align: .center, role: .axisTitle)))
        }
        return (marks, out)
    }

    static func moved(_ t: TextMark, toX x: Double) -> TextMark {
        var t = t
        let dx = x - t.box.minX
        t.box = t.box.offsetBy(dx: dx, dy: 0)
        t.origin.x += dx
        return t
    }

    static func shiftInside(_ t: TextMark, lo: Double, hi: Double) -> TextMark {
        if t.box.minX < lo { return moved(t, toX: lo) }
        if t.box.maxX > hi { return moved(t, toX: hi - t.box.width) }
        return t
    }
}

/// A scale from 0 whose round ticks are labelled only as often as their labels fit.
enum FittingTicks {
    /// The scale's end (the last of about five round ticks over `0…maxValue`) and the ticks
    /// to label: every one, or every 2nd, 5th, 10th … (so steps stay 1, 2 or 5 × 10ᵏ), the
    /// first choice whose neighbouring labels keep `gap` apart over `length` pixels.
    static func scale(
        _ maxValue: Double, length: Double, label: (Double) -> String, style: TextStyle, gap: Double,
        measurer: TextMeasurer
    ) throws(RenderError) -> (max: Double, ticks: [Double]) {
        let all = NiceTicks.niceTicks(0, max(1, maxValue), count: 5, integer: true)
        guard let hi = all.last, hi > 0, all.count > 1 else { return (max(1, maxValue), [0]) }
        let step = all[1] - all[0]
        for k in [1, 2, 5, 10, 20, 50] {
            let ticks = all.indices.filter { $0 % k == 0 }.map { all[$0] }
            var widest = 0.0
            for v in ticks { widest = max(widest, try measurer.width(label(v), style)) }
            if length * step * Double(k) / hi >= widest + gap || ticks.count <= 1 { return (hi, ticks) }
        }
        return (hi, [0])
    }
}
