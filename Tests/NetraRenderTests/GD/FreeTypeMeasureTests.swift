import Testing
import NetraText
import NetraAnalytics
@testable import NetraRender

/// Text measured with FreeType directly (GD/FastPaths/FreeTypeMeasure.swift) is measured as
/// libgd measures it: every phrase of the catalogue in both languages, at the sizes the charts
/// and the briefing sheet use and odd ones, in several faces, and text that tests libgd's
/// reading (entities, characters beyond the BMP, missing glyphs, kerning pairs).
@Suite struct FreeTypeMeasureTests {
    static let folder = "/usr/share/fonts/truetype/dejavu/"
    /// Proportional and fixed-width faces (a fixed-width face is never kerned by libgd).
    static let faces = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSansMono.ttf", "DejaVuSansCondensed.ttf"]
    static let sizes: [Double] = [7, 9.5, 12, 13.333, 16, 18, 23, 30, 32, 35, 46, 60.25, 96]
    static let odd = [
        "", " ", "  leading and trailing  ", "\t", "AV Wa To LT Yo r. y, P.", "&", "&amp;", "&#65;", "a & b",
        "x\u{1F389}x", "中文", "e\u{301}", "Ąłęż — “quotes” … ·", "\u{FFFD}", "1.034.926 pernyataan",
        "Kabupaten Administrasi Kepulauan Seribu · rekap, satuan: dugaan pelanggaran",
        String(repeating: "W", count: 300), "ÁÉgjpqy|", "0123456789 %+-−×÷=<>", "\u{00A0}\u{2009}\u{200B}"
    ]

    static func corpus() -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for s in Strings.all.flatMap({ [$0.id, $0.en] }) + odd where seen.insert(s).inserted { out.append(s) }
        return out
    }

    @Test(arguments: faces)
    func everyPhraseMeasuresAsLibgdMeasuresIt(face: String) throws {
        let font = Self.folder + face
        let texts = Self.corpus()
        #expect(texts.count > 500, "the catalogue is walked")
        var compared = 0
        for size in Self.sizes {
            // A few phrases at every size, every phrase at the charts' most common ones.
            let picked = size == 30 || size == 16 ? texts : texts.enumerated().filter { $0.offset % 7 == Int(size) % 7 }.map(\.element)
            for text in picked {
                let fast = try GDImage.extent(text, font: font, size: size, via: .freeType)
                let plain = try GDImage.extent(text, font: font, size: size, via: .libgd)
                #expect(fast == plain, "\(face) at \(size): \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }

    /// The fast path answers for ordinary text (else the comparison above would only compare
    /// libgd with itself) and leaves to libgd what it does not read the same way.
    @Test func theFastPathMeasuresAndStepsAsideWhereItMust() throws {
        let font = try FontSet.resolve().regular
        #expect(GDImage.freeTypeExtent("Pemilu 2024", font: font, size: 30) != nil)
        #expect(GDImage.freeTypeExtent("two\nlines", font: font, size: 30) == nil)
        #expect(GDImage.freeTypeExtent("x", font: font + ";" + font, size: 30) == nil)
        #expect(GDImage.freeTypeExtent("x", font: font + "," + font, size: 30) == nil)
        #expect(GDImage.freeTypeExtent("x", font: String(font.dropFirst()), size: 30) == nil, "a relative path")
        #expect(GDImage.freeTypeExtent("x", font: "/nonexistent/font.ttf", size: 30) == nil)
        #expect(try GDImage.extent("two\nlines", font: font, size: 30, via: .freeType) == GDImage.extent("two\nlines", font: font, size: 30, via: .libgd))
    }

    /// A missing font fails the same way on both paths.
    @Test func aMissingFontFailsAsLibgdSaysIt() {
        var fast: String?, plain: String?
        do { _ = try GDImage.extent("x", font: "/nonexistent/font.ttf", size: 30, via: .freeType) } catch { fast = "\(error)" }
        do { _ = try GDImage.extent("x", font: "/nonexistent/font.ttf", size: 30, via: .libgd) } catch { plain = "\(error)" }
        #expect(fast != nil)
        #expect(fast == plain)
    }
}
