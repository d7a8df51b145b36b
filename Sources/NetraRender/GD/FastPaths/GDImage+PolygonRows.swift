import CGD

// Speed code, fenced: libgd 2.3 fills a polygon one scanline at a time, each span through
// `gdImageLine` and a `gdImageSetPixel` per pixel (about 130 instructions a pixel; the map's
// regions and the charts' large shapes made it 3.5 % of a 100k report). Here the spans are
// found as libgd finds them, the same arithmetic in the same order, and set straight in its
// rows, as `fillRows` sets a rectangle's. The plain path is `gdImageFilledPolygon`
// (`fillPolygon(via: .libgd)`); `GDImageTests.polygonRowsPaintWhatLibgdPaints` holds the two to
// the same pixels.

extension GDImage {
    /// `gdImageFilledPolygon(p, gdColor)` for an opaque colour, set straight in libgd's rows.
    /// False, with nothing drawn, where libgd must do it: no direct rows, or a vertex so far out
    /// that libgd's integer arithmetic would overflow.
    func fillPolygonRows(_ p: [gdPoint], _ gdColor: Int32) -> Bool {
        guard let rows = directRows, let first = p.first else { return false }
        // Within ±20,000 a product of two differences stays under 2^31, as libgd's ints need.
        let far: Int32 = 20_000
        guard p.allSatisfy({ (-far...far).contains($0.x) && (-far...far).contains($0.y) }) else { return false }
        let n = p.count
        var miny = first.y, maxy = first.y
        for q in p {
            miny = min(miny, q.y)
            maxy = max(maxy, q.y)
        }
        // Sets pixels x0...x1 of row y (clipped, as gdImageLine clips a horizontal line).
        func span(_ x0: Int32, _ x1: Int32, _ y: Int32) {
            let a = max(0, Int(x0)), b = min(width - 1, Int(x1))
            guard a <= b, y >= 0, Int(y) < height, let row = rows[Int(y)] else { return }
            (row + a).update(repeating: gdColor, count: b - a + 1)
        }
        // All on one row: libgd draws the line from the least x to the greatest.
        if miny == maxy {
            var x1 = first.x, x2 = first.x
            for q in p {
                x1 = min(x1, q.x)
                x2 = max(x2, q.x)
            }
            span(x1, x2, miny)
            return true
        }
        let pmaxy = maxy
        miny = max(miny, 0)
        maxy = min(maxy, Int32(height - 1))
        guard miny <= maxy else { return true }
        var ints: [Int32] = []
        ints.reserveCapacity(n)
        for y in miny...maxy {
            ints.removeAll(keepingCapacity: true)
            for i in 0..<n {
                let a = p[i == 0 ? n - 1 : i - 1], b = p[i]
                // The edge from its upper end (y1) to its lower (y2); flat edges cross nothing.
                let (x1, y1, x2, y2): (Int32, Int32, Int32, Int32)
                if a.y < b.y {
                    (x1, y1, x2, y2) = (a.x, a.y, b.x, b.y)
                } else if a.y > b.y {
                    (x1, y1, x2, y2) = (b.x, b.y, a.x, a.y)
                } else {
                    continue
                }
                if y >= y1 && y < y2 {
                    // libgd: (int) ((float) ((y - y1) * (x2 - x1)) / (float) (y2 - y1) + 0.5 + x1)
                    let q = Float((y - y1) * (x2 - x1)) / Float(y2 - y1)
                    ints.append(Int32(Double(q) + 0.5 + Double(x1)))
                } else if y == pmaxy && y == y2 {
                    ints.append(x2)
                }
            }
            ints.sort()
            var i = 0
            while i + 1 < ints.count {
                span(ints[i], ints[i + 1], y)
                i += 2
            }
        }
        return true
    }
}
