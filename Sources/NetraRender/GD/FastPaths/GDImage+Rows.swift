import CGD

/// How a rectangle or polygon is filled: libgd's `gdImageFilledRectangle` or
/// `gdImageFilledPolygon` (the plain path, a `gdImageSetPixel` per pixel), or straight in
/// libgd's rows, which gives the same pixels for an opaque colour or without blending in a fifth
/// of a chart's time (docs/PERFORMANCE.md). `GDImageTests.rowFillingPaintsWhatLibgdPaints` and
/// `polygonRowsPaintWhatLibgdPaints` hold the two to the same pixels.
public enum RectangleFilling: Sendable {
    case libgd
    case rows
}

extension GDImage {
    /// Sets pixels `x0...x1` × `y0...y1` (clipped to the image) to `gdColor` straight in libgd's
    /// rows. False when the image is not true-colour or a clip rectangle is set, so that
    /// libgd must do it.
    func fillRows(x0: Int, y0: Int, x1: Int, y1: Int, _ gdColor: Int32) -> Bool {
        guard let rows = directRows else { return false }
        let a = max(0, x0), b = min(width - 1, x1), top = max(0, y0), bottom = min(height - 1, y1)
        guard a <= b, top <= bottom else { return true }
        for y in top...bottom {
            guard let row = rows[y] else { return false }
            (row + a).update(repeating: gdColor, count: b - a + 1)
        }
        return true
    }

    /// libgd's rows when pixels may be set in them directly: a true-colour image without a clip
    /// rectangle (libgd clips to it and to nothing else).
    var directRows: UnsafeMutablePointer<UnsafeMutablePointer<Int32>?>? {
        let im = pointer.pointee
        guard im.trueColor != 0, im.cx1 == 0, im.cy1 == 0, Int(im.cx2) == width - 1, Int(im.cy2) == height - 1 else { return nil }
        return im.tpixels
    }
}
