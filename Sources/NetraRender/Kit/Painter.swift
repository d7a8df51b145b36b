/// The libgd back end: draws exactly what a plan says, nothing more.
public enum Painter {
    /// Draws `plan` and returns its PNG bytes.
    public static func png(_ plan: ChartPlan, fonts: FontSet) throws(RenderError) -> [UInt8] {
        let image = try draw(plan, fonts: fonts)
        return try image.png()
    }

    /// Draws `plan` onto a new image.
    public static func draw(_ plan: ChartPlan, fonts: FontSet) throws(RenderError) -> GDImage {
        let image = try GDImage(width: plan.width, height: plan.height)
        image.clear(plan.background)
        for mark in plan.marks { try draw(mark, on: image, fonts: fonts) }
        return image
    }

    static func px(_ v: Double) -> Int { Int(v.rounded()) }
    static func pt(_ p: ChartPoint) -> (x: Int, y: Int) { (px(p.x), px(p.y)) }
    static func thick(_ t: Double) -> Int { max(1, Int(t.rounded())) }

    static func draw(_ mark: Mark, on image: GDImage, fonts: FontSet) throws(RenderError) {
        switch mark {
        case let .rect(r, fill):
            let x0 = px(r.minX), y0 = px(r.minY)
            image.fillRect(x: x0, y: y0, width: px(r.maxX) - x0, height: px(r.maxY) - y0, fill)
        case let .outline(r, stroke, thickness):
            let x0 = px(r.minX), y0 = px(r.minY)
            image.strokeRect(x: x0, y: y0, width: px(r.maxX) - x0, height: px(r.maxY) - y0, stroke, thickness: thick(thickness))
        case let .line(points, stroke, thickness, dash):
            guard points.count > 1 else { return }
            if let dash, dash > 0 {
                for k in 1..<points.count {
                    image.dashedLine(from: pt(points[k - 1]), to: pt(points[k]), stroke, thickness: thick(thickness),
                                     dash: max(1, px(dash)), gap: max(1, px(dash * 0.75)))
                }
            } else {
                image.polyline(points.map(pt), stroke, thickness: thick(thickness))
            }
        case let .circle(center, radius, fill, stroke, thickness):
            if let fill { image.fillCircle(cx: center.x, cy: center.y, radius: radius, fill) }
            if let stroke { image.strokeCircle(cx: center.x, cy: center.y, radius: radius, stroke, thickness: thickness) }
        case let .polygon(points, fill, stroke, thickness):
            let p = points.map(pt)
            if let fill { image.fillPolygon(p, fill) }
            if let stroke { image.strokePolygon(p, stroke, thickness: thick(thickness)) }
        case let .text(t):
            try image.drawText(t.text, font: t.style.bold ? fonts.bold : fonts.regular, size: t.style.size,
                               color: t.style.color, x: px(t.origin.x), y: px(t.origin.y), angle: t.angle)
        }
    }
}
