import Testing
import NetraTestSupport
import CGD
@testable import NetraRender
#if canImport(Glibc)
import Glibc
#endif

@Suite struct GDImageTests {
    /// Issue 16, point 10: an emoji was drawn as `ðŸŽ‰` (libgd's decoder stops at three
    /// bytes); `&#65;` in a title was drawn as `A`. Now a character beyond the BMP is one
    /// replacement glyph (libgd cannot draw it, the fonts have none), and text is drawn as written.
    @Test func charactersBeyondTheBMPAndAmpersandsAreDrawnAsWritten() throws {
        let font = try FontSet.resolve().regular
        func w(_ s: String) throws -> Int { try GDImage.measure(s, font: font, size: 30).width }
        let emoji = try w("x\u{1F389}x"), mojibake = try w("x\u{F0}\u{9F}\u{8E}\u{89}x")
        #expect(emoji < mojibake, "one glyph, not four: \(emoji) vs \(mojibake)")
        #expect(try emoji == w("x\u{FFFD}x"))
        // A literal entity stays literal: five characters, wider than the one it would name.
        #expect(try w("&#65;") > w("A") * 3)
        #expect(try w("&amp;") > w("&") * 3)
        #expect(libgdText("a&b\u{1F389}é") == "a&#38;b\u{FFFD}é")
        #expect(libgdText("Jawa Barat: 20 kasus") == "Jawa Barat: 20 kasus")
    }

    /// The fenced fast path (GD/FastPaths/GDImage+Rows.swift) against libgd's own fill: the
    /// same pixels for rectangles inside, across and outside the image, of every size, opaque
    /// and translucent, over a background drawn both ways too.
    @Test func rowFillingPaintsWhatLibgdPaints() throws {
        var random = SeededGenerator(seed: 0x9E3779B97F4A7C15)
        for (w, h) in [(1, 1), (7, 3), (64, 48), (301, 97)] {
            let rows = try GDImage(width: w, height: h), plain = try GDImage(width: w, height: h)
            let background = RGBA(hex: 0xF4F1EA)
            rows.clear(background, via: .rows)
            plain.clear(background, via: .libgd)
            for _ in 0..<300 {
                let x = random.below(w + 40) - 20, y = random.below(h + 40) - 20
                let rw = random.below(w + 10) - 2, rh = random.below(h + 10) - 2
                let colour = RGBA(
                    red: UInt8(random.below(256)), green: UInt8(random.below(256)), blue: UInt8(random.below(256)),
                    alpha: random.below(3) == 0 ? UInt8(random.below(255)) : 255)
                rows.fillRect(x: x, y: y, width: rw, height: rh, colour, via: .rows)
                plain.fillRect(x: x, y: y, width: rw, height: rh, colour, via: .libgd)
            }
            var differing = 0
            for y in 0..<h { for x in 0..<w where rows.pixel(x: x, y: y) != plain.pixel(x: x, y: y) { differing += 1 } }
            #expect(differing == 0, "\(w)×\(h): \(differing) pixels differ")
            #expect(try rows.png() == plain.png())
        }
    }

    /// The fenced fast path (GD/FastPaths/GDImage+PolygonRows.swift) against
    /// `gdImageFilledPolygon`: the same pixels for polygons of 3 to 40 vertices inside, across
    /// and outside the image, flat ones (all on one row), self-crossing ones, steep and shallow
    /// edges, and vertices so far out that the fast path leaves them to libgd. Each fill is
    /// compared alone (no outline over its edge), then `fillPolygon` both ways.
    @Test func polygonRowsPaintWhatLibgdPaints() throws {
        var random = SeededGenerator(seed: 0xD1B5_4A32_D192_ED03)
        var leftToLibgd = 0, flat = 0
        for (w, h) in [(1, 1), (9, 4), (64, 48), (301, 97)] {
            let rows = try GDImage(width: w, height: h), plain = try GDImage(width: w, height: h)
            let background = RGBA(hex: 0xF4F1EA)
            rows.clear(background)
            plain.clear(background)
            for k in 0..<400 {
                let n = 3 + random.below(38)
                // Some past ±20,000 (left to libgd); some long edges whose products pass 2^24,
                // where libgd's float division rounds; the rest near the image.
                let reach = k % 7 == 0 ? 30_000 : (k % 5 == 0 ? 18_000 : (k % 3 == 0 ? 2 * (w + h) : 20))
                let y0 = random.below(h + 20) - 10
                let points = (0..<n).map { _ in
                    gdPoint(
                        x: Int32(random.below(w + 2 * reach) - reach),
                        y: k % 11 == 0 ? Int32(y0) : Int32(random.below(h + 2 * reach) - reach))
                }
                if k % 11 == 0 { flat += 1 }
                let colour = RGBA(red: UInt8(random.below(256)), green: UInt8(random.below(256)), blue: UInt8(random.below(256)))
                if !rows.fillPolygonRows(points, colour.gdColor) {
                    leftToLibgd += 1
                    var p = points
                    gdImageFilledPolygon(rows.pointer, &p, Int32(p.count), colour.gdColor)
                }
                var p = points
                gdImageFilledPolygon(plain.pointer, &p, Int32(p.count), colour.gdColor)
            }
            if w > 150 && h > 40 {
                // A long edge that crosses row 40 at x 146.6 in exact arithmetic; libgd's float
                // product and quotient round it to 147 (in doubles it would be 146).
                let edge = [gdPoint(x: 5_883, y: -12_563), gdPoint(x: -417, y: 1_278), gdPoint(x: 5_883, y: 1_278)]
                let ink = RGBA(hex: 0x0072B2)
                #expect(rows.fillPolygonRows(edge, ink.gdColor))
                var p = edge
                gdImageFilledPolygon(plain.pointer, &p, 3, ink.gdColor)
                #expect(plain.pixel(x: 147, y: 40) == ink && plain.pixel(x: 146, y: 40) != ink)
            }
            var differing = 0
            for y in 0..<h { for x in 0..<w where rows.pixel(x: x, y: y) != plain.pixel(x: x, y: y) { differing += 1 } }
            #expect(differing == 0, "\(w)×\(h): \(differing) pixels differ")
            // Through fillPolygon, outline included, opaque and translucent.
            for _ in 0..<100 {
                let points = (0..<(3 + random.below(12))).map { _ in (x: random.below(w + 40) - 20, y: random.below(h + 40) - 20) }
                let colour = RGBA(
                    red: UInt8(random.below(256)), green: UInt8(random.below(256)), blue: UInt8(random.below(256)),
                    alpha: random.below(3) == 0 ? UInt8(random.below(255)) : 255)
                rows.fillPolygon(points, colour, via: .rows)
                plain.fillPolygon(points, colour, via: .libgd)
            }
            #expect(try rows.png() == plain.png(), "\(w)×\(h)")
        }
        #expect(leftToLibgd > 10 && flat > 10, "far and flat polygons were drawn: \(leftToLibgd), \(flat)")
    }

    /// The fenced fast path (GD/FastPaths/GDImage+AlphaBlend.swift) against libgd's
    /// `gdAlphaBlend`: every pair of source and destination alphas, each with colours at the
    /// channels' ends and at random, and the bit libgd's masks ignore set on either side.
    @Test func alphaBlendIsLibgds() {
        var random = SeededGenerator(seed: 0x94D0_49BB_1331_11EB)
        var compared = 0, differing = 0
        for sa in Int32(0)...127 {
            for da in Int32(0)...127 {
                var colours: [(Int32, Int32)] = [(0, 0), (0xFF_FFFF, 0), (0, 0xFF_FFFF), (0xFF_FFFF, 0xFF_FFFF)]
                for _ in 0..<6 { colours.append((Int32(random.below(0x100_0000)), Int32(random.below(0x100_0000)))) }
                for (k, (s, d)) in colours.enumerated() {
                    let high = k == 9 ? Int32(bitPattern: 0x8000_0000) : 0
                    let src = sa << 24 | s | high, dst = da << 24 | d
                    compared += 1
                    if GDImage.alphaBlend(dst, src) != gdAlphaBlend(dst, src) { differing += 1 }
                }
            }
        }
        #expect(compared == 128 * 128 * 10)
        #expect(differing == 0, "\(differing) of \(compared) blends differ")
    }

    @Test func rectangleRoundTripsThroughPNG() throws {
        let img = try GDImage(width: 40, height: 30)
        img.clear(.white)
        img.fillRect(x: 10, y: 5, width: 8, height: 6, RGBA(hex: 0x0072B2))
        let decoded = try GDImage(png: try img.png())
        #expect(decoded.width == 40 && decoded.height == 30)
        #expect(decoded.pixel(x: 10, y: 5) == RGBA(hex: 0x0072B2))
        #expect(decoded.pixel(x: 17, y: 10) == RGBA(hex: 0x0072B2))
        // Exclusive far edges: x 18 and y 11 are outside the rectangle.
        #expect(decoded.pixel(x: 18, y: 10) == .white)
        #expect(decoded.pixel(x: 17, y: 11) == .white)
        #expect(decoded.pixel(x: 40, y: 0) == nil)
    }

    @Test func upFilteredEncoderGivesLibgdsPixelsExactly() throws {
        // Every kind of content: flat fills, soft edges, text, noise, an odd width.
        let img = try GDImage(width: 301, height: 157)
        img.clear(.white)
        img.fillRect(x: 10, y: 5, width: 80, height: 60, RGBA(hex: 0x0072B2))
        img.fillCircle(cx: 150, cy: 70, radius: 40, RGBA(hex: 0xD55E00, alpha: 160))
        img.line(from: (0, 150), to: (300, 0), RGBA(hex: 0x009E73), thickness: 3)
        let font = try FontSet.resolve().regular
        try img.drawText("Jeda waktu 1.651.551", font: font, size: 18, color: RGBA(hex: 0x222222), x: 20, y: 120)
        var random = SeededGenerator(seed: 12345)
        for x in 200..<300 {
            for y in 100..<150 {
                img.fillRect(x: x, y: y, width: 1, height: 1, RGBA(hex: UInt32(random.below(0x100_0000))))
            }
        }
        let ours = try img.png(), theirs = try img.libgdPNG()
        #expect(ours != theirs)
        #expect(try img.png() == ours)  // same pixels, same bytes
        let a = try GDImage(png: ours), b = try GDImage(png: theirs)
        #expect(a.width == 301 && a.height == 157)
        var differ = 0
        for y in 0..<157 { for x in 0..<301 where a.pixel(x: x, y: y) != img.pixel(x: x, y: y) || b.pixel(x: x, y: y) != img.pixel(x: x, y: y) { differ += 1 } }
        #expect(differ == 0)
        // A flat chart-sized image is no bigger than libgd makes it (21 kB from 4.3 MB of pixels).
        let flat = try GDImage(width: 1600, height: 900)
        flat.clear(.white)
        let flatSize = try flat.png().count, libgdSize = try flat.libgdPNG().count
        #expect(flatSize < 25_000 && flatSize <= libgdSize)
    }

    @Test func translucentColourBlendsOverWhite() throws {
        let img = try GDImage(width: 4, height: 4)
        img.clear(.white)
        img.fillRect(x: 0, y: 0, width: 4, height: 4, RGBA(hex: 0x000000, alpha: 128))
        let p = try #require(img.pixel(x: 1, y: 1))
        // Half black over white is mid grey (libgd's 7-bit alpha allows ±2).
        #expect(abs(Int(p.red) - 127) <= 3 && p.red == p.green && p.green == p.blue)
    }

    @Test func antiAliasedCircleHasSolidCentreAndSoftEdge() throws {
        let img = try GDImage(width: 40, height: 40)
        img.clear(.white)
        img.fillCircle(cx: 20, cy: 20, radius: 10, RGBA(hex: 0xD55E00))
        #expect(img.pixel(x: 20, y: 20) == RGBA(hex: 0xD55E00))
        #expect(img.pixel(x: 20, y: 5) == .white)
        // Some pixel on the rim is a blend: neither the colour nor white.
        let rim = (0..<40).compactMap { img.pixel(x: $0, y: 11) }
        #expect(rim.contains { $0 != .white && $0 != RGBA(hex: 0xD55E00) })
    }

    @Test func thickLineCoversItsWidth() throws {
        let img = try GDImage(width: 50, height: 50)
        img.clear(.white)
        img.line(from: (5, 25), to: (45, 25), RGBA(hex: 0x000000), thickness: 5)
        #expect(img.pixel(x: 25, y: 25) == .black)
        #expect(img.pixel(x: 25, y: 24) == .black)
        #expect(img.pixel(x: 25, y: 35) == .white)
    }

    @Test func textIsMeasuredAndDrawn() throws {
        let font = FontSet.defaultFolder + "DejaVuSans.ttf"
        let short = try GDImage.measure("Mei", font: font, size: 20)
        let long = try GDImage.measure("Mei 2024 Pemilu", font: font, size: 20)
        #expect(short.width > 10 && long.width > short.width)
        #expect(short.ascent > 10 && short.descent >= 0)
        let img = try GDImage(width: 120, height: 40)
        img.clear(.white)
        try img.drawText("Netra", font: font, size: 24, color: .black, x: 5, y: 30)
        var dark = 0
        for y in 0..<40 { for x in 0..<120 { if let p = img.pixel(x: x, y: y), p.red < 100 { dark += 1 } } }
        #expect(dark > 50)
    }

    /// The plain path is libgd itself; the masks (the fast path) give the same pixels but where
    /// two glyph edges of one line overlap, by a level or two.
    @Test(arguments: [TextDrawing.libgd, .coverageMasks])
    func drawnTextIsWhatLibgdDraws(_ drawing: TextDrawing) throws {
        let font = FontSet.defaultFolder + "DejaVuSans.ttf"
        let w = 420, h = 160
        let colors = [RGBA(hex: 0x1F1F1F), RGBA(hex: 0xD55E00, alpha: 140), RGBA(hex: 0xFFFFFF)]
        let lines: [(String, Double, Int, Int, Double)] = [
            ("Jeda waktu 1.651.551 · Kabupaten Bekasi", 18, 6, 30, 0),
            ("Jeda waktu 1.651.551 · Kabupaten Bekasi", 18, 33, 61, 0),  // the same text elsewhere, overlapping
            ("Tahun 2024 → Pilkada", 26, 10, 110, 0),
            ("Jumlah", 16, 400, 150, Double.pi / 2)
        ]
        for color in colors {
            let ours = try GDImage(width: w, height: h)
            ours.clear(RGBA(hex: 0x0072B2))
            for l in lines { try ours.drawText(l.0, font: font, size: l.1, color: color, x: l.2, y: l.3, angle: l.4, via: drawing) }
            // The same lines drawn by libgd itself on a plain libgd image.
            let ref = try #require(gdImageCreateTrueColor(Int32(w), Int32(h)))
            defer { gdImageDestroy(ref) }
            gdImageAlphaBlending(ref, 1)
            gdImageFilledRectangle(ref, 0, 0, Int32(w - 1), Int32(h - 1), netra_gdTrueColorAlpha(0x00, 0x72, 0xB2, 0))
            let gdAlpha = 127 - (Int32(color.alpha) * 127 + 127) / 255
            let fg = netra_gdTrueColorAlpha(Int32(color.red), Int32(color.green), Int32(color.blue), gdAlpha)
            for l in lines {
                var extra = gdFTStringExtra()
                extra.flags = Int32(gdFTEX_RESOLUTION); extra.hdpi = 72; extra.vdpi = 72
                var brect = [Int32](repeating: 0, count: 8)
                let err = brect.withUnsafeMutableBufferPointer {
                    gdImageStringFTEx(ref, $0.baseAddress, fg, font, l.1, l.4, Int32(l.2), Int32(l.3), l.0, &extra)
                }
                #expect(err == nil)
            }
            var inked = 0, differ = 0, worst = 0
            for y in 0..<h {
                for x in 0..<w {
                    let a = try #require(ours.pixel(x: x, y: y))
                    let c = gdImageGetTrueColorPixel(ref, Int32(x), Int32(y))
                    let b = (Int(netra_gdTrueColorGetRed(c)), Int(netra_gdTrueColorGetGreen(c)), Int(netra_gdTrueColorGetBlue(c)))
                    if b != (0x00, 0x72, 0xB2) { inked += 1 }
                    let d = max(abs(Int(a.red) - b.0), abs(Int(a.green) - b.1), abs(Int(a.blue) - b.2))
                    if d > 0 { differ += 1; worst = max(worst, d) }
                }
            }
            #expect(inked > 2_000)
            if drawing == .libgd {
                #expect(differ == 0, "\(differ) pixels differ, by up to \(worst)")
            } else {
                #expect(differ * 100 <= inked && worst <= 3, "\(differ) of \(inked) inked pixels differ, by up to \(worst)")
            }
        }
    }

    @Test func missingFontIsAThrownErrorNamingThePath() throws {
        #expect(throws: RenderError.self) { try GDImage.measure("x", font: "/nonexistent/font.ttf", size: 12) }
        // Drawing reports libgd's error string too, not an empty picture.
        let img = try GDImage(width: 40, height: 20)
        #expect(throws: RenderError.self) {
            try img.drawText("x", font: "/nonexistent/font.ttf", size: 12, color: .black, x: 2, y: 15)
        }
        do {
            _ = try FontSet.resolve(path: "/nonexistent/Nope.ttf")
            Issue.record("expected a throw")
        } catch {
            #expect(error == .fontNotFound(path: "/nonexistent/Nope.ttf", reason: "no such file"))
            #expect(error.description.contains("/nonexistent/Nope.ttf"))
        }
    }

    @Test func defaultFontsResolveToDejaVu() throws {
        let fonts = try FontSet.resolve(path: FontSet.defaultFolder + "DejaVuSans.ttf", boldPath: FontSet.defaultFolder + "DejaVuSans-Bold.ttf")
        #expect(fonts.regular.hasSuffix("DejaVuSans.ttf") && fonts.bold.hasSuffix("DejaVuSans-Bold.ttf"))
        // An explicit regular face without a bold one draws bold text with the same file.
        let single = try FontSet.resolve(path: FontSet.defaultFolder + "DejaVuSerif.ttf")
        #expect(single.bold == single.regular || getenv(FontSet.boldEnvironmentVariable) != nil)
    }

    @Test func garbageIsNotAPNG() {
        #expect(throws: RenderError.pngDecoding) { try GDImage(png: [1, 2, 3, 4]) }
        #expect(throws: RenderError.pngDecoding) { try GDImage(png: []) }
    }
}
