/// The parts every chart shares: title, subtitle, legend and source footer around a body.
struct FrameSpec {
    var title: String
    var subtitle: String
    /// For a chart inside a page that names its month (the briefing sheet): the title
    /// without it, taken when the whole title would need a second line.
    var shortTitle: String? = nil
    var footer: String
    var legend: [LegendItem]
    /// What a filter kept (`Kota Bekasi · Nov 2023 – Jan 2024 · insiden`), empty for none:
    /// it leads the subtitle, so that a subtitle cut short never loses it.
    var filter: String = ""
}

/// Where the shared parts went, and the body rectangle left for the chart itself.
struct FrameLayout {
    var marks: [Mark]
    var body: ChartRect
    var legend: [LegendEntry]
}

enum Frame {
    /// Measures title, subtitle, legend and footer first, then hands the rest to the chart.
    static func layout(_ spec: FrameSpec, theme: Theme, measurer: TextMeasurer) throws(RenderError) -> FrameLayout {
        let m = theme.margin
        let inner = theme.width - 2 * m
        var marks: [Mark] = []
        // A chart inside a page sits under the page's text, not in a frame of white.
        let embedded = theme.embedded
        var y = m * (embedded ? 0.3 : 0.8)
        // Titles say what the chart shows: two lines rather than a cut message, three on a
        // portrait canvas (a phone's), whose narrow lines hold fewer words.
        var titleLines = try measurer.wrap(spec.title, theme.title, maxWidth: inner, maxLines: theme.height > theme.width ? 3 : 2)
        if embedded, titleLines.count > 1, let short = spec.shortTitle,
            case let shortLines = try measurer.wrap(short, theme.title, maxWidth: inner, maxLines: 2), shortLines.count < titleLines.count
        {
            titleLines = shortLines
        }
        for t in titleLines {
            let mark = try measurer.place(t, theme.title, x: m, y: y, role: .title)
            marks.append(.text(mark)); y = mark.box.maxY
        }
        if !titleLines.isEmpty { y += 6 * theme.s }
        let subtitle = spec.filter.isEmpty ? spec.subtitle : spec.filter + (spec.subtitle.isEmpty ? "" : " · " + spec.subtitle)
        for t in try measurer.wrap(subtitle, theme.subtitle, maxWidth: inner, maxLines: 2) {
            let mark = try measurer.place(t, theme.subtitle, x: m, y: y, role: .subtitle)
            marks.append(.text(mark)); y = mark.box.maxY
        }
        y += 14 * theme.s
        let (entries, lh) = try LegendLayout.layout(spec.legend, x: m, y: y, width: inner, theme: theme, measurer: measurer)
        marks.append(contentsOf: LegendLayout.marks(entries, theme: theme))
        if lh > 0 { y += lh + 14 * theme.s }
        var bottom = theme.height - m * 0.6
        // The office's name leads the source line: a forwarded chart says whose it is. A chart
        // inside a page whose own footer names the sources has none.
        let own = theme.office.map { spec.footer.isEmpty ? $0 : $0 + " · " + spec.footer } ?? spec.footer
        let footer = embedded ? "" : own
        for t in try measurer.wrap(footer, theme.footer, maxWidth: inner, maxLines: 2).reversed() {
            let mark = try measurer.place(t, theme.footer, x: m, y: bottom, valign: .bottom, role: .footer)
            marks.append(.text(mark)); bottom = mark.box.minY
        }
        if !footer.isEmpty { bottom -= 12 * theme.s }
        let body = ChartRect(minX: m, minY: y, maxX: theme.width - m, maxY: max(y + 1, bottom))
        return FrameLayout(marks: marks, body: body, legend: entries)
    }
}
