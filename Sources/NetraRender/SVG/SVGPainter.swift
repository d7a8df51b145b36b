/// The SVG back end: writes exactly what a plan says, mark for mark, as the libgd painter
/// draws it, so a chart in `report.html` shows the same numbers as its PNG.
public enum SVGPainter {
    /// `plan` as an inline `<svg>` element that scales to its container's width.
    /// `label` is its accessible name (the chart's title).
    public static func svg(_ plan: ChartPlan, label: String, className: String = "chart") -> String {
        var out = "<svg class=\"\(Markup.text(className))\" viewBox=\"0 0 \(plan.width) \(plan.height)\" role=\"img\" aria-label=\"\(Markup.text(label))\" "
        out += "font-family=\"DejaVu Sans, Verdana, sans-serif\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<rect width=\"\(plan.width)\" height=\"\(plan.height)\"\(fill(plan.background))/>"
        for mark in plan.marks { out += element(mark) }
        out += "</svg>"
        return out
    }

    /// One mark as one SVG element.
    static func element(_ mark: Mark) -> String {
        switch mark {
        case let .rect(r, color):
            return "<rect x=\"\(n(r.minX))\" y=\"\(n(r.minY))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\"\(fill(color))/>"
        case let .outline(r, color, thickness):
            return "<rect x=\"\(n(r.minX))\" y=\"\(n(r.minY))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" fill=\"none\"\(stroke(color, thickness))/>"
        case let .line(points, color, thickness, dash):
            guard points.count > 1 else { return "" }
            var dashing = ""
            if let dash, dash > 0 { dashing = " stroke-dasharray=\"\(n(dash)) \(n(dash * 0.75))\"" }
            return "<polyline points=\"\(pointList(points))\" fill=\"none\"\(stroke(color, thickness))\(dashing)/>"
        case let .circle(center, radius, fillColor, strokeColor, thickness):
            let f = fillColor.map(fill) ?? " fill=\"none\""
            let s = strokeColor.map { stroke($0, thickness) } ?? ""
            return "<circle cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"\(n(radius))\"\(f)\(s)/>"
        case let .polygon(points, fillColor, strokeColor, thickness):
            let f = fillColor.map(fill) ?? " fill=\"none\""
            let s = strokeColor.map { stroke($0, thickness) } ?? ""
            return "<polygon points=\"\(pointList(points))\"\(f)\(s)/>"
        case let .text(t):
            var out = "<text x=\"\(n(t.origin.x))\" y=\"\(n(t.origin.y))\" font-size=\"\(n(t.style.size))\""
            if t.style.bold { out += " font-weight=\"bold\"" }
            out += fill(t.style.color)
            // libgd turns counter-clockwise in radians; SVG turns clockwise in degrees.
            if t.angle != 0 { out += " transform=\"rotate(\(n(-t.angle * 180 / Double.pi)) \(n(t.origin.x)) \(n(t.origin.y)))\"" }
            if let halo = t.halo {
                out += stroke(halo, max(1, (t.style.size / 9).rounded()) * 2) + " paint-order=\"stroke\" stroke-linejoin=\"round\""
            }
            out += ">" + Markup.text(t.text) + "</text>"
            return out
        }
    }

    static func fill(_ c: RGBA) -> String {
        " fill=\"\(hex(c))\"" + (c.alpha == 255 ? "" : " fill-opacity=\"\(n(Double(c.alpha) / 255))\"")
    }

    static func stroke(_ c: RGBA, _ thickness: Double) -> String {
        " stroke=\"\(hex(c))\" stroke-width=\"\(n(thickness))\"" + (c.alpha == 255 ? "" : " stroke-opacity=\"\(n(Double(c.alpha) / 255))\"")
    }

    static func hex(_ c: RGBA) -> String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for v in [c.red, c.green, c.blue] { s.append(digits[Int(v >> 4)]); s.append(digits[Int(v & 0xF)]) }
        return s
    }

    static func pointList(_ points: [ChartPoint]) -> String {
        points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
    }

    /// A coordinate to two decimals, shortest form (`12`, `12.5`, `-0.25`); 0 for a value that is not finite.
    static func n(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e9 else { return "0" }
        let hundredths = Int((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        let whole = a / 100, frac = a % 100
        if frac == 0 { return sign + String(whole) }
        if frac % 10 == 0 { return sign + String(whole) + "." + String(frac / 10) }
        return sign + String(whole) + "." + (frac < 10 ? "0" : "") + String(frac)
    }
}
