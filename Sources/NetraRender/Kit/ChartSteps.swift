/// The steps every chart's layout takes, in this order, as swiftplot's `GraphLayout` takes
/// them; the kit does the shared ones, each chart supplies its data, its scales and its marks:
///
/// 1. **frame**: `Frame.layout` places title, subtitle, legend and source footer from the
///    chart's `FrameSpec` and leaves the body; `ChartContext.emptyNote` fills a body with
///    nothing to show; `ChartContext.overflows` says when a title or subtitle would be cut.
/// 2. **scales**: from the chart's data, `CountTicks.fitting` (counts from 0 on a vertical
///    axis), `FittingTicks.scale` (counts along a bar), `NiceTicks`, `LinearScale`.
/// 3. **axes**: `YAxis.width`/`XAxis.height` measure them before the plot is set,
///    `YAxis.marks`/`XAxis.marks` draw grid lines, ticks and labels, `GridLines` the grid alone.
/// 4. **marks**: the chart's own, on its scales.
/// 5. **labels**: `LabelPlacer` keeps numbers and names clear of each other and inside
///    their bounds; `XAxis.shiftInside` keeps a label on the canvas.
///
/// Each chart's layout is these steps by name (`MonthlyBarsLayout`, `LeadTimesLayout`, …),
/// none longer than 80 lines (tools/function-lengths.py, checked by `ChartStepsTests`).
extension ChartContext {
    /// True when `text` in `style` needs more than `maxLines` lines of the canvas' inner width
    /// (its last line would end in "…").
    func overflows(_ text: String, _ style: TextStyle, maxLines: Int) throws(RenderError) -> Bool {
        let lines = try measurer.wrap(text, style, maxWidth: theme.width - 2 * theme.margin, maxLines: maxLines)
        return lines.last?.hasSuffix("…") == true
    }
}

/// Round count ticks from 0 on a vertical axis of `top…bottom`, as many as keep their labels apart.
enum CountTicks {
    /// About five ticks over `0…maxValue`, fewer on a short plot (a label's height and a half
    /// between them); only the ends when even two would crowd.
    static func fitting(_ maxValue: Double, top: Double, bottom: Double, _ ctx: ChartContext) throws(RenderError) -> [Double] {
        let s = ctx.s
        let labelGap = 1.5 * (try ctx.measurer.lineHeight(ctx.theme.tick))
        let fitting = max(1, min(5, Int((bottom - top) / labelGap)))
        // niceTicks may give more than asked: fewer until the labels keep apart.
        var ticks = NiceTicks.niceTicks(0, max(1, maxValue), count: fitting, integer: true)
        for c in stride(from: fitting - 1, through: 1, by: -1) where ticks.count > 2 {
            let spacing = (bottom - top) / Double(ticks.count - 1)
            if spacing >= labelGap / 1.5 + 2 * s { break }
            ticks = NiceTicks.niceTicks(0, max(1, maxValue), count: c, integer: true)
        }
        // Still too tight: only the ends.
        if ticks.count > 2, (bottom - top) / Double(ticks.count - 1) < labelGap / 1.5 + 2 * s,
            let f = ticks.first, let l = ticks.last
        {
            ticks = [f, l]
        }
        return ticks
    }
}

/// Grid lines across a plot at a scale's ticks, the zero line in the axis' colour.
enum GridLines {
    /// Vertical lines at `ticks` on `scale` from the plot's top to its bottom (zero's twice as thick).
    static func vertical(_ ticks: [Double], scale: LinearScale, plot: ChartRect, theme: Theme) -> [Mark] {
        ticks.map { t in
            let x = scale(t)
            return .line(
                [ChartPoint(x: x, y: plot.minY), ChartPoint(x: x, y: plot.maxY)],
                stroke: t == 0 ? theme.axis : theme.grid, thickness: (t == 0 ? 2 : 1) * theme.s, dash: nil)
        }
    }
}
