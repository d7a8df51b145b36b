import CGD
import Synchronization

// The fast path of `drawText`: measured side by side at 1M events, libgd's text path made the
// report about 0.5 s slower (see docs/PERFORMANCE.md). `TextDrawing.libgd` is the plain path,
// and GDImageTests holds the two to the same pixels.

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

    /// How a mask is made: libgd draws the text on a clear scratch image and it is read back
    /// (the plain path), or FreeType renders the same levels directly (FastPaths/FreeTypeMasks.swift).
    enum Making: Sendable { case libgd, freeType }

    /// Draws the text once, opaque, onto a clear scratch image and reads the coverage back.
    static func render(_ text: String, font: String, size: Double, angle: Double, via making: Making = .freeType) throws(RenderError) -> TextMask {
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
        let scratch = (width: max(1, w), height: max(1, h))
        let levels: [UInt8]
        if making == .freeType, angle == 0,
            let direct = GDImage.freeTypeMaskLevels(text, font: font, size: size, width: scratch.width, height: scratch.height, x: -minX, y: -minY)
        {
            levels = direct
        } else {
            levels = try libgdLevels(text, font: font, size: size, angle: angle, width: scratch.width, height: scratch.height, x: -minX, y: -minY)
        }
        var lo = (x: Int.max, y: Int.max), hi = (x: -1, y: -1)
        for yy in 0..<scratch.height {
            for xx in 0..<scratch.width where levels[yy * scratch.width + xx] > 0 {
                lo = (min(lo.x, xx), min(lo.y, yy)); hi = (max(hi.x, xx), max(hi.y, yy))
            }
        }
        guard hi.x >= 0 else { return TextMask(left: 0, top: 0, width: 0, height: 0, levels: []) }
        // Keep only the covered box.
        var kept: [UInt8] = []
        kept.reserveCapacity((hi.x - lo.x + 1) * (hi.y - lo.y + 1))
        for yy in lo.y...hi.y { kept += levels[(yy * scratch.width + lo.x)...(yy * scratch.width + hi.x)] }
        assert(kept.count == (hi.x - lo.x + 1) * (hi.y - lo.y + 1), "a level per pixel of the box")
        return TextMask(left: minX + lo.x, top: minY + lo.y, width: hi.x - lo.x + 1, height: hi.y - lo.y + 1, levels: kept)
    }

    /// libgd draws the text, opaque, on a clear scratch image of `width` × `height` with its
    /// origin at (`x`, `y`); each pixel's coverage level 0…127 is read back, row by row.
    static func libgdLevels(_ text: String, font: String, size: Double, angle: Double, width: Int, height: Int, x: Int, y: Int) throws(RenderError) -> [UInt8] {
        let scratch = try GDImage(width: width, height: height)
        scratch.clear(RGBA(red: 0, green: 0, blue: 0, alpha: 0))
        _ = try GDImage.freeType(scratch.pointer, text: text, font: font, size: size, angle: angle, x: x, y: y, color: RGBA.black.gdColor)
        var levels = [UInt8](repeating: 0, count: width * height)
        for yy in 0..<height {
            guard let row = scratch.pointer.pointee.tpixels?[yy] else { continue }
            for xx in 0..<width { levels[yy * width + xx] = UInt8(127 - Int(netra_gdTrueColorGetAlpha(row[xx]))) }
        }
        return levels
    }
}

extension GDImage {
    /// Draws `text` from its cached mask; false when this image is not one the blend can
    /// draw on (then libgd draws it).
    func drawFromMask(
        _ text: String, font: String, size: Double, color: RGBA, x: Int, y: Int,
        angle: Double
    ) throws(RenderError) -> Bool {
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
        return blend(mask, color: color, x: x, y: y)
    }

    /// Blends `mask` in `color` with its origin at (`x`, `y`) as libgd's FreeType path does for
    /// a true-colour image: each covered pixel gets the colour at the glyph's coverage, scaled
    /// by the colour's own opacity.
    private func blend(_ mask: TextMask, color: RGBA, x: Int, y: Int) -> Bool {
        guard let rows = directRows else { return false }
        assert(mask.levels.count == mask.width * mask.height, "a level per pixel of the mask")
        let fg = color.gdColor
        let fgAlpha = Int(netra_gdTrueColorGetAlpha(fg)), rgb = fg & 0x00FF_FFFF
        let blending = pointer.pointee.alphaBlendingFlag != 0
        // The mask's columns that fall inside the image, the same on every row.
        let left = x + mask.left
        let first = max(0, -left), end = min(mask.width, width - left)
        guard first < end else { return true }
        for my in 0..<mask.height {
            let py = y + mask.top + my
            guard py >= 0, py < height, let row = rows[py] else { continue }
            let start = my * mask.width
            for mx in first..<end {
                var level = Int(mask.levels[start + mx])
                if level == 0 { continue }
                level = level * (127 - fgAlpha) / 127
                let src = Int32(127 - level) << 24 | rgb
                row[left + mx] = blending ? Self.alphaBlend(row[left + mx], src) : src
            }
        }
        return true
    }
}
