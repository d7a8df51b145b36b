import CGD
import Synchronization

/// The box of a line of text around its baseline origin, in pixels (y grows downward).
public struct TextExtent: Sendable, Equatable {
    /// Horizontal extent of the ink box.
    public var width: Int
    /// Pixels above the baseline.
    public var ascent: Int
    /// Pixels below the baseline.
    public var descent: Int
    /// Offset of the ink's left edge from the origin.
    public var left: Int
}

// libgd sets up its font cache lazily and racily; a Swift global runs once, thread-safely.
private let fontCacheReady: Bool = gdFontCacheSetup() == 0

/// Every text measured so far in this process: the charts of one report share their tick
/// labels, titles and legends, and FreeType's hinting is the costliest part of a chart.
private struct MeasureKey: Hashable { var text: String; var font: String; var size: Double }
private let measured = Mutex<[MeasureKey: TextExtent]>([:])

private struct MaskKey: Hashable { var text: String; var font: String; var size: Double; var angle: Double }
private let masks = Mutex<[MaskKey: TextMask]>([:])

/// A line of text as libgd's FreeType path covers it: a level 0…127 per pixel of a box placed
/// relative to the baseline origin. Glyph positions are whole pixels from an integer origin,
/// so the mask is the same wherever the text is drawn.
struct TextMask: Sendable {
    /// Offset of the box from the origin.
    var left: Int, top: Int
    var width: Int, height: Int
    /// Row by row, `width` levels each.
    var levels: [UInt8]

    /// Draws the text once, opaque, onto a clear scratch image and reads the coverage back.
    static func render(_ text: String, font: String, size: Double, angle: Double) throws(RenderError) -> TextMask {
        // The box: level text was measured already while laying out (one FreeType pass saved).
        let xs: [Int], ys: [Int]
        if angle == 0 {
            let e = try GDImage.measure(text, font: font, size: size)
            xs = [e.left, e.left + e.width]; ys = [-e.ascent, e.descent]
        } else {
            let b = try GDImage.freeType(nil, text: text, font: font, size: size, angle: angle, x: 0, y: 0, color: 0)
            xs = [b[0], b[2], b[4], b[6]].map(Int.init); ys = [b[1], b[3], b[5], b[7]].map(Int.init)
        }
        // Glyph bitmaps can reach a little past the metrics' box.
        let margin = Int(size / 2) + 6
        let minX = (xs.min() ?? 0) - margin, minY = (ys.min() ?? 0) - margin
        let w = (xs.max() ?? 0) + margin - minX + 1, h = (ys.max() ?? 0) + margin - minY + 1
        let scratch = try GDImage(width: max(1, w), height: max(1, h))
        // Clear, then blend as the chart would: overlapping glyph edges combine.
        scratch.clear(RGBA(red: 0, green: 0, blue: 0, alpha: 0))
        _ = try GDImage.freeType(scratch.pointer, text: text, font: font, size: size, angle: angle,
                                 x: -minX, y: -minY, color: RGBA.black.gdColor)
        var levels = [UInt8](repeating: 0, count: scratch.width * scratch.height)
        var lo = (x: Int.max, y: Int.max), hi = (x: -1, y: -1)
        for yy in 0..<scratch.height {
            guard let row = scratch.pointer.pointee.tpixels?[yy] else { continue }
            for xx in 0..<scratch.width {
                let level = 127 - Int(netra_gdTrueColorGetAlpha(row[xx]))
                guard level > 0 else { continue }
                levels[yy * scratch.width + xx] = UInt8(level)
                lo = (min(lo.x, xx), min(lo.y, yy)); hi = (max(hi.x, xx), max(hi.y, yy))
            }
        }
        guard hi.x >= 0 else { return TextMask(left: 0, top: 0, width: 0, height: 0, levels: []) }
        // Keep only the covered box.
        var kept: [UInt8] = []
        kept.reserveCapacity((hi.x - lo.x + 1) * (hi.y - lo.y + 1))
        for yy in lo.y...hi.y { kept += levels[(yy * scratch.width + lo.x)...(yy * scratch.width + hi.x)] }
        return TextMask(left: minX + lo.x, top: minY + lo.y, width: hi.x - lo.x + 1, height: hi.y - lo.y + 1, levels: kept)
    }
}

extension GDImage {
    /// Measures `text` set in `font` at `size` pixels without drawing (libgd with a NULL image).
    public static func measure(_ text: String, font: String, size: Double) throws(RenderError) -> TextExtent {
        let key = MeasureKey(text: text, font: font, size: size)
        if let e = measured.withLock({ $0[key] }) { return e }
        let b = try freeType(nil, text: text, font: font, size: size, angle: 0, x: 0, y: 0, color: 0)
        let e = TextExtent(width: Int(b[2] - b[0]), ascent: Int(-min(b[5], b[7])), descent: Int(max(b[1], b[3])), left: Int(b[0]))
        measured.withLock { cache in
            // Bounded: a long run over many datasets must not grow without end.
            if cache.count > 50_000 { cache.removeAll() }
            cache[key] = e
        }
        return e
    }

    /// Draws `text` with its baseline starting at (`x`, `y`), turned `angle` radians counter-clockwise.
    ///
    /// Each line of text is rasterised by FreeType once per process into a coverage mask (see
    /// `TextMask`), then blended from it: the charts of a report repeat their tick labels,
    /// legends and footers, and libgd renders text under one global lock, so the two cores
    /// would otherwise take turns at hinting the same glyphs.
    public func drawText(_ text: String, font: String, size: Double, color: RGBA, x: Int, y: Int,
                         angle: Double = 0) throws(RenderError) {
        if text.isEmpty { return }
        let key = MaskKey(text: text, font: font, size: size, angle: angle)
        let mask: TextMask
        if let m = masks.withLock({ $0[key] }) {
            mask = m
        } else {
            mask = try TextMask.render(text, font: font, size: size, angle: angle)
            masks.withLock { cache in
                // Bounded, as the measurements are.
                if cache.count > 20_000 { cache.removeAll() }
                cache[key] = mask
            }
        }
        if !blend(mask, color: color, x: x, y: y) {
            _ = try GDImage.freeType(pointer, text: text, font: font, size: size, angle: angle, x: x, y: y,
                                     color: color.gdColor)
        }
    }

    /// Blends `mask` in `color` with its origin at (`x`, `y`) as libgd's FreeType path does for
    /// a true-colour image: each covered pixel gets the colour at the glyph's coverage, scaled
    /// by the colour's own opacity. False when the image is not one this can draw on.
    private func blend(_ mask: TextMask, color: RGBA, x: Int, y: Int) -> Bool {
        let im = pointer.pointee
        guard im.trueColor != 0, let rows = im.tpixels, im.cx1 == 0, im.cy1 == 0,
              Int(im.cx2) == width - 1, Int(im.cy2) == height - 1 else { return false }
        let fg = color.gdColor
        let fgAlpha = Int(netra_gdTrueColorGetAlpha(fg)), rgb = fg & 0x00FF_FFFF
        let blending = im.alphaBlendingFlag != 0
        mask.levels.withUnsafeBufferPointer { levels in
            for my in 0..<mask.height {
                let py = y + mask.top + my
                guard py >= 0, py < height, let row = rows[py] else { continue }
                for mx in 0..<mask.width {
                    let px = x + mask.left + mx
                    guard px >= 0, px < width else { continue }
                    var level = Int(levels[my * mask.width + mx])
                    if level == 0 { continue }
                    level = level * (127 - fgAlpha) / 127
                    let src = Int32(127 - level) << 24 | rgb
                    row[px] = blending ? gdAlphaBlend(row[px], src) : src
                }
            }
        }
        return true
    }

    /// Calls `gdImageStringFTEx` at 72 dpi, so a size in points is a size in pixels, and turns
    /// its error string into a thrown error.
    static func freeType(_ image: gdImagePtr?, text: String, font: String, size: Double, angle: Double,
                         x: Int, y: Int, color: Int32) throws(RenderError) -> [Int32] {
        guard fontCacheReady else { throw .textFailed(message: "cannot set up libgd's font cache", font: font) }
        if text.isEmpty { return [Int32](repeating: 0, count: 8) }
        var brect = [Int32](repeating: 0, count: 8)
        var extra = gdFTStringExtra()
        extra.flags = Int32(gdFTEX_RESOLUTION)
        extra.hdpi = 72
        extra.vdpi = 72
        let error = brect.withUnsafeMutableBufferPointer { b in
            gdImageStringFTEx(image, b.baseAddress, color, font, size, angle, Int32(x), Int32(y), text, &extra)
        }
        if let error { throw .textFailed(message: String(cString: error), font: font) }
        return brect
    }
}

extension GDImage {
    /// Frees libgd's FreeType font cache and library handle. Call once, at the end of the
    /// process, when no thread draws text any more (then a memory checker sees no leftovers).
    public static func releaseFontCache() {
        gdFontCacheShutdown()
    }
}
