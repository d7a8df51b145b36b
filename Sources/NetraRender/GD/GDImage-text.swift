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

/// How text is put on an image.
public enum TextDrawing: Sendable {
    /// libgd's `gdImageStringFTEx` every time: the plain path.
    case libgd
    /// A coverage mask per line of text, rasterised by libgd once per process and blended
    /// after that (the fast path: a report repeats its labels, and libgd hints every glyph
    /// on every call under one global lock).
    case coverageMasks
}

extension GDImage {
    /// Measures `text` set in `font` at `size` pixels without drawing: the extent libgd gives
    /// it with a NULL image. `measuring` changes the speed, never the result.
    public static func measure(_ text: String, font: String, size: Double, via measuring: TextMeasuring = .freeType) throws(RenderError) -> TextExtent {
        let key = MeasureKey(text: text, font: font, size: size)
        if let e = measured.withLock({ $0[key] }) { return e }
        let e = try extent(text, font: font, size: size, via: measuring)
        measured.withLock { cache in
            // Bounded: a long run over many datasets must not grow without end.
            if cache.count > 50_000 { cache.removeAll() }
            cache[key] = e
        }
        return e
    }

    /// `measure` without the process's cache: what the tests hold the two paths to.
    package static func extent(_ text: String, font: String, size: Double, via measuring: TextMeasuring) throws(RenderError) -> TextExtent {
        if measuring == .freeType, let e = freeTypeExtent(text, font: font, size: size) { return e }
        let b = try freeType(nil, text: text, font: font, size: size, angle: 0, x: 0, y: 0, color: 0)
        return TextExtent(width: Int(b[2] - b[0]), ascent: Int(-min(b[5], b[7])), descent: Int(max(b[1], b[3])), left: Int(b[0]))
    }

    /// Draws `text` with its baseline starting at (`x`, `y`), turned `angle` radians counter-clockwise.
    /// `.libgd` is libgd's own FreeType path (its error string, a missing font say, is thrown);
    /// `.coverageMasks`, the default, blends a mask made by that path once per line of text
    /// (`GDImage-text+Masks.swift`): the same pixels but where two glyph edges overlap.
    public func drawText(
        _ text: String, font: String, size: Double, color: RGBA, x: Int, y: Int,
        angle: Double = 0, via drawing: TextDrawing = .coverageMasks
    ) throws(RenderError) {
        if text.isEmpty { return }
        if drawing == .coverageMasks, try drawFromMask(text, font: font, size: size, color: color, x: x, y: y, angle: angle) {
            return
        }
        _ = try GDImage.freeType(
            pointer, text: text, font: font, size: size, angle: angle, x: x, y: y,
            color: color.gdColor)
    }

    /// Calls `gdImageStringFTEx` at 72 dpi, so a size in points is a size in pixels, and turns
    /// its error string into a thrown error.
    static func freeType(
        _ image: gdImagePtr?, text: String, font: String, size: Double, angle: Double,
        x: Int, y: Int, color: Int32
    ) throws(RenderError) -> [Int32] {
        guard fontCacheReady else { throw .textFailed(message: "cannot set up libgd's font cache", font: font) }
        if text.isEmpty { return [Int32](repeating: 0, count: 8) }
        var brect = [Int32](repeating: 0, count: 8)
        var extra = gdFTStringExtra()
        extra.flags = Int32(gdFTEX_RESOLUTION)
        extra.hdpi = 72
        extra.vdpi = 72
        let written = libgdText(text)
        let error = brect.withUnsafeMutableBufferPointer { b in
            gdImageStringFTEx(image, b.baseAddress, color, font, size, angle, Int32(x), Int32(y), written, &extra)
        }
        if let error { throw .textFailed(message: String(cString: error), font: font) }
        return brect
    }
}

/// `text` as libgd reads it: its UTF-8 decoder stops at three bytes (an emoji came out as
/// `ðŸŽ‰`) and its entities at U+FFFF, so a character beyond the BMP is drawn as U+FFFD (the
/// fonts have no glyph for it anyway); it reads `&#N;` as a character, so every `&` goes as
/// `&#38;` and a title's literal entity stays literal.
func libgdText(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value > 0xFFFF || $0 == "&" }) else { return text }
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars {
        if u == "&" { out.append(contentsOf: "&#38;".unicodeScalars) } else { out.append(u.value > 0xFFFF ? "\u{FFFD}" : u) }
    }
    return String(out)
}

extension GDImage {
    /// Frees libgd's FreeType font cache and library handle. Call once, at the end of the
    /// process, when no thread draws text any more (then a memory checker sees no leftovers).
    public static func releaseFontCache() {
        gdFontCacheShutdown()
        releaseFreeType()
    }
}
