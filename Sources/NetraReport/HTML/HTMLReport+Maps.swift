import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

extension HTMLReport {
    /// The report's maps as inline SVG, laid out from the same plans as their PNGs, wide and
    /// portrait; each region the page can filter to is a link to `#jurisdiction=ID`, which the
    /// page's own script reads (nothing from the data runs).
    func mapFigures(wide: ChartOptions, phone: ChartOptions) throws(RenderError) -> String {
        let filterable = Set(ReportJob.jurisdictionsWithEvents(d))
        var out = ""
        // A page stays small: the provinces' map and at most `mapLimit` province maps (those
        // first in the charts' order); the others are named, their PNGs beside the page.
        var charts = ReportMaps.charts(analysis, measure: options.mapMeasure)
        let provinces = charts.filter { if case .province = $0.chart.area { return true } else { return false } }
        var left: [String] = []
        if provinces.count > Self.mapLimit {
            left = provinces.dropFirst(Self.mapLimit).map(\.name)
            charts.removeAll { left.contains($0.name) }
        }
        for (name, chart) in charts {
            let w = try sharedLayout(shared, "map-" + name, options: wide) { () throws(RenderError) in try chart.layout(options: wide) }
            let p = try sharedLayout(shared, "map-" + name, options: phone) { () throws(RenderError) in try chart.layout(options: phone) }
            let title = w.chart.texts.first(where: { $0.role == .title })?.text ?? name
            let stem = name.hasSuffix(".png") ? String(name.dropLast(4)) : name
            out += "<figure class=\"chart map\" id=\"chart-\(Markup.text(stem))\">"
            out += SVGPainter.svg(w.chart, label: title, className: "wide", links: links(w, filterable))
            out += SVGPainter.svg(p.chart, label: title, className: "phone", links: links(p, filterable))
            out += "<figcaption>\(Markup.text(name))</figcaption></figure>"
        }
        if !left.isEmpty { out += "<p class=\"note\">\(t(Strings.mapInFiles(left.joined(separator: ", "))))</p>" }
        return out
    }

    /// The most province maps the page carries as SVG.
    static let mapLimit = 6

    /// A link per region joined to a jurisdiction of the page's filter, in drawing order.
    func links(_ plan: MapPlan, _ filterable: Set<JurisdictionIndex>) -> [SVGLink] {
        plan.regions.compactMap { r in
            guard let j = r.jurisdiction, filterable.contains(j) else { return nil }
            let value = r.value.map { ": " + NumberFormat.number($0, lang) } ?? ""
            return SVGLink(marks: r.marks, href: "#jurisdiction=" + Self.percentEncoded(d.jurisdictions[j].id), title: r.name + value)
        }.sorted { $0.marks.lowerBound < $1.marks.lowerBound }
    }

    /// `text` safe inside a URL's fragment and a query value: unreserved ASCII kept, every
    /// other byte of its UTF-8 as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for b in text.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%"; out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            }
        }
        return out
    }
}
