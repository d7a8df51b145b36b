import Testing
import NetraText
@testable import NetraRender

/// Text masks rasterised with FreeType directly (GD/FastPaths/FreeTypeMasks.swift) hold the
/// levels libgd draws: every phrase of the catalogue in both languages at the charts' sizes,
/// more at odd sizes, in several faces, and text that tests libgd's reading.
@Suite struct FreeTypeMasksTests {
    static let sizes: [Double] = [7, 9.5, 12, 13.333, 16, 18, 23, 30, 35, 46, 60.25]

    static func same(_ a: TextMask, _ b: TextMask) -> Bool {
        a.left == b.left && a.top == b.top && a.width == b.width && a.height == b.height && a.levels == b.levels
    }

    @Test(arguments: FreeTypeMeasureTests.faces)
    func everyPhraseRasterisesAsLibgdDrawsIt(face: String) throws {
        let font = FreeTypeMeasureTests.folder + face
        let texts = FreeTypeMeasureTests.corpus()
        var compared = 0, inked = 0
        for size in Self.sizes {
            // A third of the phrases at the charts' most common size, a few at every other.
            let picked = texts.enumerated().filter { size == 30 ? $0.offset % 3 == 0 : $0.offset % 13 == Int(size) % 13 }.map(\.element)
            for text in picked {
                let fast = try TextMask.render(text, font: font, size: size, angle: 0, via: .freeType)
                let plain = try TextMask.render(text, font: font, size: size, angle: 0, via: .libgd)
                #expect(Self.same(fast, plain), "\(face) at \(size): \(text.debugDescription)")
                compared += 1
                if !plain.levels.isEmpty { inked += 1 }
            }
        }
        #expect(compared > 400)
        #expect(inked > compared / 2, "most texts put ink down")
    }

    /// The fast path draws ordinary text itself (else the comparison above would only compare
    /// libgd with itself) and leaves to libgd what it does not draw the same way.
    @Test func theFastPathDrawsAndStepsAsideWhereItMust() throws {
        let font = try FontSet.resolve().regular
        let levels = GDImage.freeTypeMaskLevels("Pemilu 2024", font: font, size: 30, width: 300, height: 60, x: 5, y: 40)
        #expect(levels?.count == 300 * 60)
        #expect((levels ?? []).contains { $0 == 127 }, "solid ink inside the strokes")
        #expect(GDImage.freeTypeMaskLevels("two\nlines", font: font, size: 30, width: 300, height: 60, x: 5, y: 40) == nil)
        #expect(GDImage.freeTypeMaskLevels("x", font: font + ";" + font, size: 30, width: 10, height: 10, x: 0, y: 5) == nil)
        #expect(GDImage.freeTypeMaskLevels("x", font: "/nonexistent/font.ttf", size: 30, width: 10, height: 10, x: 0, y: 5) == nil)
        // A scratch image past libgd's limits is refused on both paths, not made here.
        #expect(GDImage.freeTypeMaskLevels("x", font: font, size: 30, width: 20_001, height: 10, x: 0, y: 5) == nil)
        #expect(throws: RenderError.self) { try TextMask.render(String(repeating: "W", count: 300), font: font, size: 96, angle: 0, via: .freeType) }
        // Turned text is libgd's on both paths.
        #expect(
            Self.same(
                try TextMask.render("Jumlah", font: font, size: 23, angle: .pi / 2, via: .freeType),
                try TextMask.render("Jumlah", font: font, size: 23, angle: .pi / 2, via: .libgd)))
        #expect(
            Self.same(
                try TextMask.render("two\nlines", font: font, size: 23, angle: 0, via: .freeType),
                try TextMask.render("two\nlines", font: font, size: 23, angle: 0, via: .libgd)))
    }
}
