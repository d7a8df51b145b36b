import CFreeType
import CGD

// Speed code, fenced: a text mask rasterised with FreeType directly, the way libgd's
// `gdImageStringFTEx` draws it on the clear scratch image `TextMask.render` reads back
// (gdft.c, 2.3: glyphs placed by the 300 dpi layout, each rendered at 72 dpi with hinting and
// put down at whole pixels, then `gdft_draw_bitmap`'s coverage levels blended as libgd blends
// them). libgd makes two new sizes on every call, so FreeType ran the font's hinting set-up
// program for every label of a chart; here each font and size keeps its 72 dpi size and the
// glyphs rendered at it. `TextMask.render(…, via: .libgd)` is the plain path and
// `FreeTypeMasksTests` holds the two to the same masks; what this path does not draw as libgd
// does (turned text, a line break, a font FreeType will not open) goes to libgd.

/// One glyph rendered at 72 dpi: its coverage and where it sits from the pen.
struct GlyphBitmap {
    var left: Int, top: Int
    var width: Int, rows: Int
    /// `rows` rows of `width` levels, 0…`grays - 1`.
    var levels: [UInt8]
    var grays: Int
}

extension GDImage {
    /// The scratch image `TextMask.render` would read back after libgd drew `text` on it with
    /// its baseline origin at (`x`, `y`): each pixel's coverage level 0…127, row by row; nil
    /// when this path cannot tell (then libgd draws it).
    static func freeTypeMaskLevels(_ text: String, font: String, size: Double, width: Int, height: Int, x: Int, y: Int) -> [UInt8]? {
        // The scratch image's own limits (`GDImage(width:height:)`): past them libgd's path says why.
        guard isOneFontFile(font), size > 0, size < 10_000, width > 0, height > 0,
            width <= 20_000, height <= 20_000, let chars = libgdCharacters(text)
        else { return nil }
        return measureState.withLock { state -> [UInt8]? in
            guard var sized = sizedFace(&state, font: font, size: size) else { return nil }
            defer { state.faces[font]??.sizes[size] = sized }
            guard let open = state.faces[font] ?? nil, let (indices, advances, _) = layout(chars, open, &sized) else { return nil }
            // The clear scratch: black, fully transparent, blending on (as `GDImage` makes it).
            let clear = RGBA(red: 0, green: 0, blue: 0, alpha: 0).gdColor
            let ink = RGBA.black.gdColor
            var pixels = [Int32](repeating: clear, count: width * height)
            var pen: FT_Pos = 0
            for (i, index) in indices.enumerated() {
                guard let glyph = rendered(index, open.face, &sized, size: size) else { return nil }
                // As gdft.c: (int)(x + (pen_x * cos_a + pen_y * sin_a) * hdpi / (METRIC_RES * 64) + left),
                // at angle 0 (cos 1, sin 0) and pen_y 0; the y term is then y - top exactly.
                let cosA = 1.0, sinA = 0.0
                let gx = (Double(x) + (Double(pen) * cosA + 0.0 * sinA) * 72.0 / 19_200.0 + Double(glyph.left)).rounded(.towardZero)
                guard abs(gx) < 1e9 else { return nil }
                draw(glyph, at: Int(gx), y - glyph.top, ink: ink, into: &pixels, width: width, height: height)
                pen += advances[i]
            }
            return pixels.map { UInt8(127 - Int(netra_gdTrueColorGetAlpha($0))) }
        }
    }

    /// Glyph `index` loaded with hinting and rendered at 72 dpi, once per font and size.
    private static func rendered(_ index: FT_UInt, _ face: FT_Face, _ sized: inout SizedFace, size: Double) -> GlyphBitmap? {
        if let known = sized.bitmaps[index] { return known }
        if sized.rendering == nil {
            var made: FT_Size?
            guard FT_New_Size(face, &made) == 0, let made else { return nil }
            FT_Activate_Size(made)
            // As libgd: the size in 26.6 points, cut toward zero, at 72 dpi.
            guard FT_Set_Char_Size(face, 0, FT_F26Dot6(size * 64), 72, 72) == 0 else {
                FT_Done_Size(made)
                return nil
            }
            sized.rendering = made
        }
        guard let rendering = sized.rendering else { return nil }
        FT_Activate_Size(rendering)
        guard FT_Load_Glyph(face, index, FT_Int32(FT_LOAD_DEFAULT)) == 0, let slot = face.pointee.glyph else { return nil }
        var image: FT_Glyph?
        guard FT_Get_Glyph(slot, &image) == 0, image != nil else { return nil }
        defer { FT_Done_Glyph(image) }
        if image?.pointee.format != FT_GLYPH_FORMAT_BITMAP {
            guard FT_Glyph_To_Bitmap(&image, FT_RENDER_MODE_NORMAL, nil, 1) == 0 else { return nil }
        }
        guard let made = image else { return nil }
        let glyph = UnsafeMutableRawPointer(made).assumingMemoryBound(to: FT_BitmapGlyphRec.self).pointee
        let bitmap = glyph.bitmap
        // Only the 256-level coverage libgd's truecolour path reads as levels.
        guard bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue), bitmap.num_grays > 1 else { return nil }
        let width = Int(bitmap.width), rows = Int(bitmap.rows), pitch = Int(bitmap.pitch)
        var levels = [UInt8](repeating: 0, count: width * rows)
        if width > 0, rows > 0 {
            guard let buffer = bitmap.buffer, pitch >= width else { return nil }
            for r in 0..<rows {
                for c in 0..<width { levels[r * width + c] = buffer[r * pitch + c] }
            }
        }
        let out = GlyphBitmap(left: Int(glyph.left), top: Int(glyph.top), width: width, rows: rows, levels: levels, grays: Int(bitmap.num_grays))
        sized.bitmaps[index] = out
        return out
    }

    /// `gdft_draw_bitmap` for a true-colour image with blending on and an opaque colour: each
    /// covered pixel gets the colour at the coverage's alpha, blended over what is there unless
    /// that is fully transparent.
    private static func draw(_ g: GlyphBitmap, at px: Int, _ py: Int, ink: Int32, into pixels: inout [Int32], width: Int, height: Int) {
        let rgb = ink & 0x00FF_FFFF
        let inkAlpha = Int(netra_gdTrueColorGetAlpha(ink))
        for row in 0..<g.rows {
            let y = py + row
            guard y >= 0, y < height else { continue }
            for col in 0..<g.width {
                var level = Int(g.levels[row * g.width + col]) * 127 / (g.grays - 1)
                if level == 0 { continue }
                level = level * (127 - inkAlpha) / 127
                let alpha = 127 - level
                let x = px + col
                guard x >= 0, x < width else { continue }
                let k = y * width + x
                let src = Int32(alpha) << 24 + rgb
                pixels[k] = netra_gdTrueColorGetAlpha(pixels[k]) != 127 ? gdAlphaBlend(pixels[k], src) : src
            }
        }
    }
}
