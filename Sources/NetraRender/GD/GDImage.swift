import CGD

/// A true-colour libgd image that owns its `gdImagePtr` and frees it exactly once.
///
/// Not `Sendable`: an image is drawn by one task from creation to encoding.
public final class GDImage {
    let pointer: gdImagePtr

    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    /// A blank (black, opaque) true-colour image; throws when libgd cannot allocate it.
    public init(width: Int, height: Int) throws(RenderError) {
        guard width > 0, height > 0, width <= 20_000, height <= 20_000,
            let p = gdImageCreateTrueColor(Int32(width), Int32(height))
        else { throw .imageCreation(width: width, height: height) }
        pointer = p
        self.width = width
        self.height = height
        gdImageAlphaBlending(p, 1)
    }

    /// Decodes a PNG held in memory.
    public init(png bytes: [UInt8]) throws(RenderError) {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { throw .pngDecoding }
        var copy = bytes
        let p = copy.withUnsafeMutableBytes { buf in
            gdImageCreateFromPngPtr(Int32(buf.count), buf.baseAddress)
        }
        guard let p else { throw .pngDecoding }
        pointer = p
        width = Int(netra_gdImageSX(p))
        height = Int(netra_gdImageSY(p))
    }

    deinit { gdImageDestroy(pointer) }

    // MARK: Pixels

    /// The colour at a pixel, or `nil` outside the image.
    public func pixel(x: Int, y: Int) -> RGBA? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return RGBA(gdColor: gdImageGetTrueColorPixel(pointer, Int32(x), Int32(y)))
    }

    /// Paints every pixel with `color`, replacing (not blending) what was there.
    public func clear(_ color: RGBA, via filling: RectangleFilling = .rows) {
        if filling == .rows, fillRows(x0: 0, y0: 0, x1: width - 1, y1: height - 1, color.gdColor) { return }
        gdImageAlphaBlending(pointer, 0)
        gdImageFilledRectangle(pointer, 0, 0, Int32(width - 1), Int32(height - 1), color.gdColor)
        gdImageAlphaBlending(pointer, 1)
    }

    // MARK: Shapes (pixel coordinates)

    /// Fills the rectangle of pixels `x..<x+w`, `y..<y+h`.
    public func fillRect(x: Int, y: Int, width w: Int, height h: Int, _ color: RGBA, via filling: RectangleFilling = .rows) {
        guard w > 0, h > 0 else { return }
        // Opaque: blending would give the colour itself, so the rows can be set directly.
        if filling == .rows, color.alpha == 255, fillRows(x0: x, y0: y, x1: x + w - 1, y1: y + h - 1, color.gdColor) { return }
        gdImageFilledRectangle(pointer, clamp(x), clamp(y), clamp(x + w - 1), clamp(y + h - 1), color.gdColor)
    }

    /// Outlines the rectangle `x..<x+w`, `y..<y+h` with a line `thickness` pixels wide.
    public func strokeRect(x: Int, y: Int, width w: Int, height h: Int, _ color: RGBA, thickness: Int = 1) {
        guard w > 0, h > 0 else { return }
        let t = max(1, min(thickness, min(w, h)))
        fillRect(x: x, y: y, width: w, height: t, color)
        fillRect(x: x, y: y + h - t, width: w, height: t, color)
        fillRect(x: x, y: y + t, width: t, height: h - 2 * t, color)
        fillRect(x: x + w - t, y: y + t, width: t, height: h - 2 * t, color)
    }

    /// An anti-aliased straight line `thickness` pixels wide.
    public func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), _ color: RGBA, thickness: Int = 1) {
        gdImageSetThickness(pointer, Int32(max(1, thickness)))
        gdImageSetAntiAliased(pointer, color.gdColor)
        gdImageLine(pointer, clamp(a.x), clamp(a.y), clamp(b.x), clamp(b.y), gdAntiAliased)
        gdImageSetThickness(pointer, 1)
    }

    /// An anti-aliased polyline.
    public func polyline(_ points: [(x: Int, y: Int)], _ color: RGBA, thickness: Int = 1) {
        guard points.count > 1 else { return }
        for k in 1..<points.count { line(from: points[k - 1], to: points[k], color, thickness: thickness) }
    }

    /// An anti-aliased line broken into dashes of `dash` pixels separated by `gap` pixels.
    public func dashedLine(
        from a: (x: Int, y: Int), to b: (x: Int, y: Int), _ color: RGBA,
        thickness: Int = 1, dash: Int = 8, gap: Int = 6
    ) {
        let dx = Double(b.x - a.x), dy = Double(b.y - a.y)
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0, dash > 0 else { return line(from: a, to: b, color, thickness: thickness) }
        var at = 0.0
        while at < length {
            let end = min(at + Double(dash), length)
            let p = (x: a.x + Int((dx * at / length).rounded()), y: a.y + Int((dy * at / length).rounded()))
            let q = (x: a.x + Int((dx * end / length).rounded()), y: a.y + Int((dy * end / length).rounded()))
            line(from: p, to: q, color, thickness: thickness)
            at = end + Double(max(1, gap))
        }
    }

    /// A filled polygon, its edge smoothed by an anti-aliased outline of the same colour.
    public func fillPolygon(_ points: [(x: Int, y: Int)], _ color: RGBA, via filling: RectangleFilling = .rows) {
        guard points.count > 2 else { return }
        var gp = points.map { gdPoint(x: clamp($0.x), y: clamp($0.y)) }
        // Opaque: blending would give the colour itself, so the spans can be set directly.
        if !(filling == .rows && color.alpha == 255 && fillPolygonRows(gp, color.gdColor)) {
            gdImageFilledPolygon(pointer, &gp, Int32(gp.count), color.gdColor)
        }
        // The outline blends over the fill: with a translucent colour it would show darker.
        if color.alpha == 255 { strokePolygon(points, color, thickness: 1) }
    }

    /// The closed outline of a polygon, anti-aliased.
    public func strokePolygon(_ points: [(x: Int, y: Int)], _ color: RGBA, thickness: Int = 1) {
        guard points.count > 1, let first = points.first else { return }
        polyline(points + [first], color, thickness: thickness)
    }

    /// A filled circle with an anti-aliased edge: each pixel is blended by how much of it the
    /// disc covers (libgd's own ellipses have jagged edges).
    public func fillCircle(cx: Double, cy: Double, radius: Double, _ color: RGBA) {
        coverCircle(cx: cx, cy: cy, inner: -1, outer: radius, color)
    }

    /// A ring `thickness` pixels wide centred on the circle of `radius`, anti-aliased.
    public func strokeCircle(cx: Double, cy: Double, radius: Double, _ color: RGBA, thickness: Double = 1) {
        let t = max(1, thickness)
        coverCircle(cx: cx, cy: cy, inner: radius - t / 2, outer: radius + t / 2, color)
    }

    private func coverCircle(cx: Double, cy: Double, inner: Double, outer: Double, _ color: RGBA) {
        guard outer > 0, cx.isFinite, cy.isFinite else { return }
        let x0 = max(0, Int((cx - outer - 1).rounded(.down))), x1 = min(width - 1, Int((cx + outer + 1).rounded(.up)))
        let y0 = max(0, Int((cy - outer - 1).rounded(.down))), y1 = min(height - 1, Int((cy + outer + 1).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 {
            let dy = Double(y) + 0.5 - cy
            for x in x0...x1 {
                let dx = Double(x) + 0.5 - cx
                let d = (dx * dx + dy * dy).squareRoot()
                // Coverage of a one-pixel-wide step at each edge.
                var c = min(1, max(0, outer - d + 0.5))
                if inner > 0 { c *= min(1, max(0, d - inner + 0.5)) }
                guard c > 0 else { continue }
                let a = UInt8((Double(color.alpha) * c).rounded())
                if a > 0 { gdImageSetPixel(pointer, Int32(x), Int32(y), color.withAlpha(a).gdColor) }
            }
        }
    }

    /// A filled ellipse, drawn as a fine polygon so its edge is smooth.
    public func fillEllipse(cx: Double, cy: Double, rx: Double, ry: Double, _ color: RGBA) {
        fillPolygon(ellipsePoints(cx: cx, cy: cy, rx: rx, ry: ry), color)
    }

    /// The outline of an ellipse, anti-aliased, `thickness` pixels wide.
    public func strokeEllipse(cx: Double, cy: Double, rx: Double, ry: Double, _ color: RGBA, thickness: Int = 1) {
        strokePolygon(ellipsePoints(cx: cx, cy: cy, rx: rx, ry: ry), color, thickness: thickness)
    }

    private func ellipsePoints(cx: Double, cy: Double, rx: Double, ry: Double) -> [(x: Int, y: Int)] {
        let n = max(12, min(72, Int(max(rx, ry) * 2.5)))
        var out: [(x: Int, y: Int)] = []
        out.reserveCapacity(n)
        var last: (x: Int, y: Int)?
        for k in 0..<n {
            let t = Double(k) / Double(n) * 2 * Double.pi
            let p = (x: Int((cx + rx * cosine(t)).rounded()), y: Int((cy + ry * sine(t)).rounded()))
            if let l = last, l.x == p.x, l.y == p.y { continue }
            out.append(p); last = p
        }
        return out
    }

    private func clamp(_ v: Int) -> Int32 { Int32(max(-100_000, min(100_000, v))) }

    // MARK: PNG

    /// The image as PNG bytes. A true-colour image (every chart) goes through `PNGEncoder`,
    /// which skips libpng's per-row filter search; anything else through libgd at zlib level 1.
    /// Neither writes a timestamp, so the same pixels always give the same bytes.
    public func png() throws(RenderError) -> [UInt8] {
        if pointer.pointee.trueColor != 0, let rows = pointer.pointee.tpixels,
            (0..<height).allSatisfy({ rows[$0] != nil })
        {
            guard
                let png = PNGEncoder.encode(
                    width: width, height: height,
                    row: { y in
                        UnsafePointer(rows[y].unsafelyUnwrapped)  // checked non-nil just above
                    })
            else { throw .pngEncoding }
            return png
        }
        return try libgdPNG()
    }

    /// The image as PNG bytes written by libgd (libpng) at zlib level 1.
    public func libgdPNG() throws(RenderError) -> [UInt8] {
        var size: Int32 = 0
        guard let raw = gdImagePngPtrEx(pointer, &size, 1), size > 0 else { throw .pngEncoding }
        defer { gdFree(raw) }
        return Array(UnsafeRawBufferPointer(start: raw, count: Int(size)))
    }
}
