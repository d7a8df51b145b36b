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

    /// Draws `plan` onto `image` with its top left corner at `origin` (a chart on a sheet):
    /// its canvas colour first, then its marks, each pixel where it would fall on its own image.
    public static func draw(_ plan: ChartPlan, on image: GDImage, at origin: (x: Int, y: Int), fonts: FontSet) throws(RenderError) {
        image.fillRect(x: origin.x, y: origin.y, width: plan.width, height: plan.height, plan.background)
        let shift = Shift(x: origin.x, y: origin.y)
        for mark in plan.marks { try draw(mark, on: image, fonts: fonts, shift: shift) }
    }

    /// Whole pixels added after rounding, so a mark lands on the same pixels as on its own image.
    struct Shift {
        var x = 0, y = 0
        func px(_ v: Double) -> Int { Int(v.rounded()) + x }
        func py(_ v: Double) -> Int { Int(v.rounded()) + y }
        func pt(_ p: ChartPoint) -> (x: Int, y: Int) { (px(p.x), py(p.y)) }
    }

    static func thick(_ t: Double) -> Int { max(1, Int(t.rounded())) }

    static func draw(_ mark: Mark, on image: GDImage, fonts: FontSet, shift: Shift = Shift()) throws(RenderError) {
        let px = shift.px, py = shift.py, pt = shift.pt
        switch mark {
        case let .rect(r, fill):
            let x0 = px(r.minX), y0 = py(r.minY)
            image.fillRect(x: x0, y: y0, width: px(r.maxX) - x0, height: py(r.maxY) - y0, fill)
        case let .outline(r, stroke, thickness):
            let x0 = px(r.minX), y0 = py(r.minY)
            image.strokeRect(x: x0, y: y0, width: px(r.maxX) - x0, height: py(r.maxY) - y0, stroke, thickness: thick(thickness))
        case let .line(points, stroke, thickness, dash):
            guard points.count > 1 else { return }
            if let dash, dash > 0 {
                for k in 1..<points.count {
                    image.dashedLine(
                        from: pt(points[k - 1]), to: pt(points[k]), stroke, thickness: thick(thickness),
                        dash: max(1, Int(dash.rounded())), gap: max(1, Int((dash * 0.75).rounded())))
                }
            } else {
                image.polyline(points.map(pt), stroke, thickness: thick(thickness))
            }
        case let .circle(center, radius, fill, stroke, thickness):
            let cx = center.x + Double(shift.x), cy = center.y + Double(shift.y)
            if let fill { image.fillCircle(cx: cx, cy: cy, radius: radius, fill) }
            if let stroke { image.strokeCircle(cx: cx, cy: cy, radius: radius, stroke, thickness: thickness) }
        case let .polygon(points, fill, stroke, thickness):
            let p = points.map(pt)
            if let fill { image.fillPolygon(p, fill) }
            if let stroke { image.strokePolygon(p, stroke, thickness: thick(thickness)) }
        case let .text(t):
            if let halo = t.halo {
                // The letters drawn a little off in eight directions make the outline.
                let w = max(1, Int((t.style.size / 9).rounded()))
                for (dx, dy) in [(-w, 0), (w, 0), (0, -w), (0, w), (-w, -w), (w, -w), (-w, w), (w, w)] {
                    try image.drawText(
                        t.text, font: t.style.bold ? fonts.bold : fonts.regular, size: t.style.size,
                        color: halo, x: px(t.origin.x) + dx, y: py(t.origin.y) + dy, angle: t.angle)
                }
            }
            try image.drawText(
                t.text, font: t.style.bold ? fonts.bold : fonts.regular, size: t.style.size,
                color: t.style.color, x: px(t.origin.x), y: py(t.origin.y), angle: t.angle)
        }
    }
}
