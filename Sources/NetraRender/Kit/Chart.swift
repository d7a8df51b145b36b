/// A chart: the analysis values it shows, laid out into a plan that the painter draws.
///
/// A chart holds values computed in NetraAnalytics (a `MonthlyTable`, a `Comparison`,
/// lead-time series, tallies), never counts events itself, so it cannot disagree with the CSV
/// written from the same values.
public protocol Chart: Sendable {
    /// The laid-out chart, holding its marks.
    associatedtype Plan: HoldsChartPlan

    /// Lays out the chart at `ctx`'s size, in its language and fonts (pure: nothing is drawn).
    func layout(_ ctx: ChartContext) throws(RenderError) -> Plan
}

extension Chart {
    /// The layout only, without drawing.
    public func layout(options: ChartOptions = ChartOptions()) throws(RenderError) -> Plan {
        try layout(ChartContext(options: options))
    }

    /// Lays out and draws the chart: the one path from options to PNG bytes.
    public func render(options: ChartOptions = ChartOptions()) throws(RenderError) -> RenderedChart<Plan> {
        try laidOut(options: options).rendered()
    }

    /// Lays out the chart, to be drawn when its PNG is asked for (`render` draws it at once).
    public func laidOut(options: ChartOptions = ChartOptions()) throws(RenderError) -> LaidOutChart<Plan> {
        let ctx = try ChartContext(options: options)
        return LaidOutChart(try layout(ctx), fonts: ctx.fonts)
    }
}
