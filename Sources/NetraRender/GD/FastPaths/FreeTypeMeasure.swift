import CFreeType
import Synchronization

// Speed code, fenced: text measured with FreeType directly, the way libgd's
// `gdImageStringFTEx` measures it with no image (gdft.c, 2.3: one size at 300 dpi, each
// character's glyph loaded with hinting, kerning added to the glyph before it, the ink box of
// bearings and advances scaled to 72 dpi and cut to whole pixels). libgd makes a new size for
// every call, so FreeType runs the font's hinting set-up program each time: three quarters of
// what a report spends on text. Here each font and size keeps its size and its glyphs' metrics.
// `TextMeasuring.libgd` is the plain path; `FreeTypeMeasureTests` holds the two to the same
// extents, and anything this path does not read as libgd does goes to libgd.

/// How text is measured.
public enum TextMeasuring: Sendable {
    /// libgd's `gdImageStringFTEx` with no image: the plain path.
    case libgd
    /// FreeType's metrics, each font and size set up once (this file).
    case freeType
}

/// One face at one size, with what has been read of it.
struct SizedFace {
    let size: FT_Size
    var glyphs: [UInt32: FT_UInt] = [:]
    var metrics: [FT_UInt: FT_Glyph_Metrics] = [:]
    var kerning: [UInt64: FT_Pos] = [:]
    /// The same size at 72 dpi, where libgd renders glyphs, and the glyphs rendered there
    /// (FreeTypeMasks.swift); made on first use.
    var rendering: FT_Size?
    var bitmaps: [FT_UInt: GlyphBitmap] = [:]
}

/// The fonts opened so far, each with the character map libgd would pick.
struct OpenFace {
    let face: FT_Face
    /// libgd ORs 0xF000 into each character of a symbol font.
    let symbol: Bool
    var sizes: [Double: SizedFace] = [:]
}

struct MeasureState: ~Copyable {
    var library: FT_Library?
    var faces: [String: OpenFace?] = [:]
}

let measureState = Mutex<MeasureState>(MeasureState())

extension GDImage {
    /// The extent libgd would give `text` (see `measure`), or nil when it cannot be told here
    /// (a line break, a font list or a font FreeType will not open): libgd then measures it.
    static func freeTypeExtent(_ text: String, font: String, size: Double) -> TextExtent? {
        // libgd splits a font list at `;` and `,` and looks for a file by other names too.
        guard isOneFontFile(font), size > 0, size < 10_000 else { return nil }
        guard let chars = libgdCharacters(text) else { return nil }
        if chars.isEmpty { return TextExtent(width: 0, ascent: 0, descent: 0, left: 0) }
        return measureState.withLock { state in
            guard var sized = sizedFace(&state, font: font, size: size) else { return nil }
            defer { state.faces[font]??.sizes[size] = sized }
            guard let open = state.faces[font] ?? nil else { return nil }
            return extent(chars, open, &sized)
        }
    }

    /// True when libgd reads `font` as one file by its path: absolute, and no list (libgd splits
    /// one at `;` and `,`). By bytes, as libgd reads it: by Characters this cost ~10,000
    /// instructions a text measured, 3 % of the shipped dataset's report.
    static func isOneFontFile(_ font: String) -> Bool {
        font.utf8.first == UInt8(ascii: "/") && !font.utf8.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
    }

    /// What libgd reads of `text`: `libgdText`'s characters (beyond U+FFFF as U+FFFD, `&` as
    /// itself); nil for a line break, which this path leaves to libgd.
    static func libgdCharacters(_ text: String) -> [UInt32]? {
        var chars: [UInt32] = []
        for u in text.unicodeScalars {
            if u == "\n" || u == "\r" { return nil }
            chars.append(u.value > 0xFFFF ? 0xFFFD : u.value)
        }
        return chars
    }

    /// The face of `font` at `size`, opened and set up on first use.
    static func sizedFace(_ state: inout MeasureState, font: String, size: Double) -> SizedFace? {
        if state.library == nil {
            var library: FT_Library?
            guard FT_Init_FreeType(&library) == 0, library != nil else { return nil }
            state.library = library
        }
        if state.faces[font] == nil { state.faces[font] = openFace(state.library, font) }
        guard let open = state.faces[font] ?? nil else { return nil }
        if let sized = open.sizes[size] { return sized }
        var made: FT_Size?
        guard FT_New_Size(open.face, &made) == 0, let made else { return nil }
        FT_Activate_Size(made)
        // As libgd: the size in 26.6 points, cut toward zero, at its 300 dpi.
        guard FT_Set_Char_Size(open.face, 0, FT_F26Dot6(size * 64), 300, 300) == 0 else {
            FT_Done_Size(made)
            return nil
        }
        let sized = SizedFace(size: made)
        state.faces[font]??.sizes[size] = sized
        return sized
    }

    /// `font` opened, with libgd's choice of character map: the first that is Unicode, a
    /// symbol map or Adobe's; nil when there is none (libgd then says so).
    private static func openFace(_ library: FT_Library?, _ font: String) -> OpenFace?? {
        var face: FT_Face?
        guard FT_New_Face(library, font, 0, &face) == 0, let face else { return .some(nil) }
        let wanted: [FT_Encoding] = [FT_ENCODING_MS_SYMBOL, FT_ENCODING_UNICODE, FT_ENCODING_ADOBE_CUSTOM, FT_ENCODING_ADOBE_STANDARD]
        for i in 0..<Int(face.pointee.num_charmaps) {
            guard let charmap = face.pointee.charmaps[i], wanted.contains(charmap.pointee.encoding) else { continue }
            let encoding = charmap.pointee.encoding
            guard FT_Select_Charmap(face, encoding) == 0 else { break }
            return .some(OpenFace(face: face, symbol: encoding == FT_ENCODING_MS_SYMBOL))
        }
        FT_Done_Face(face)
        return .some(nil)
    }

    /// libgd's layout of `chars` at its 300 dpi (gdft.c's `textLayout` without raqm): each
    /// glyph, its advance with the kerning to the next one added, and its metrics.
    static func layout(_ chars: [UInt32], _ open: OpenFace, _ sized: inout SizedFace) -> (indices: [FT_UInt], advances: [FT_Pos], glyphs: [FT_Glyph_Metrics])? {
        let face = open.face
        FT_Activate_Size(sized.size)
        let kerns = face.pointee.face_flags & FT_Long(FT_FACE_FLAG_KERNING) != 0 && face.pointee.face_flags & FT_Long(FT_FACE_FLAG_FIXED_WIDTH) == 0
        var indices: [FT_UInt] = [], advances: [FT_Pos] = [], glyphs: [FT_Glyph_Metrics] = []
        var previous: FT_UInt = 0
        for ch in chars {
            let code = open.symbol ? ch | 0xF000 : ch
            let index: FT_UInt
            if let known = sized.glyphs[code] {
                index = known
            } else {
                index = FT_Get_Char_Index(face, FT_ULong(code))
                sized.glyphs[code] = index
            }
            if kerns, previous != 0, index != 0 {
                let pair = UInt64(previous) << 32 | UInt64(index)
                let delta: FT_Pos
                if let known = sized.kerning[pair] {
                    delta = known
                } else {
                    var v = FT_Vector()
                    guard FT_Get_Kerning(face, previous, index, FT_KERNING_DEFAULT.rawValue, &v) == 0 else { return nil }
                    delta = v.x
                    sized.kerning[pair] = delta
                }
                if delta != 0, let last = advances.indices.last { advances[last] += delta }
            }
            guard let m = metrics(face, index, &sized) else { return nil }
            indices.append(index)
            advances.append(m.horiAdvance)
            glyphs.append(m)
            previous = index
        }
        return (indices, advances, glyphs)
    }

    /// libgd's ink box for `chars`: the brect of `gdImageStringFTEx` at angle 0, origin 0, 72 dpi.
    private static func extent(_ chars: [UInt32], _ open: OpenFace, _ sized: inout SizedFace) -> TextExtent? {
        guard let (indices, advances, glyphs) = layout(chars, open, &sized) else { return nil }
        var minX: FT_Pos = 0, minY: FT_Pos = 0, maxX: FT_Pos = 0, maxY: FT_Pos = 0
        var pen: FT_Pos = 0
        for i in indices.indices {
            let m = glyphs[i]
            let x0 = pen + m.horiBearingX, y0 = -m.horiBearingY
            let x1 = pen + advances[i], y1 = y0 + m.height
            if i == 0 {
                (minX, minY, maxX, maxY) = (x0, y0, x1, y1)
            } else {
                minX = min(minX, x0); minY = min(minY, y0); maxX = max(maxX, x1); maxY = max(maxY, y1)
            }
            pen += advances[i]
        }
        // As libgd's brect at angle 0: scaled to 72 dpi, then cut toward zero as C does.
        let scale = 72.0 / (64.0 * 300.0)
        func pixels(_ v: FT_Pos) -> Int? {
            let d = (Double(v) * scale).rounded(.towardZero)
            return abs(d) < 1e9 ? Int(d) : nil
        }
        guard let left = pixels(minX), let right = pixels(maxX), let top = pixels(minY), let bottom = pixels(maxY) else { return nil }
        return TextExtent(width: right - left, ascent: -top, descent: bottom, left: left)
    }

    /// Glyph `index`'s hinted metrics at the active size, loaded once.
    private static func metrics(_ face: FT_Face, _ index: FT_UInt, _ sized: inout SizedFace) -> FT_Glyph_Metrics? {
        if let m = sized.metrics[index] { return m }
        guard FT_Load_Glyph(face, index, FT_Int32(FT_LOAD_DEFAULT)) == 0, let slot = face.pointee.glyph else { return nil }
        let m = slot.pointee.metrics
        sized.metrics[index] = m
        return m
    }

    /// Closes every face and FreeType itself (`releaseFontCache`).
    static func releaseFreeType() {
        measureState.withLock { state in
            for case let open? in state.faces.values {
                for sized in open.sizes.values {
                    FT_Done_Size(sized.size)
                    if let r = sized.rendering { FT_Done_Size(r) }
                }
                FT_Done_Face(open.face)
            }
            state.faces = [:]
            if let library = state.library { FT_Done_FreeType(library) }
            state.library = nil
        }
    }
}
