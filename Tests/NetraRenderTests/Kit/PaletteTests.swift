import Foundation
import Testing
import NetraCore
import NetraRender

/// How colours look to a reader with full colour blindness and how far apart they are, written
/// here from the papers so the palette is checked by numbers, not by eye.
enum Vision: String, CaseIterable, CustomStringConvertible {
    case normal, deuteranopia, protanopia, tritanopia

    var description: String { rawValue }

    /// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
    var matrix: [[Double]] {
        switch self {
        case .normal: return [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        case .protanopia:
            return [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia:
            return [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritanopia:
            return [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
    }
}

struct Lab: CustomStringConvertible {
    var l: Double, a: Double, b: Double
    var description: String { String(format: "Lab(%.2f, %.2f, %.2f)", l, a, b) }
    var chroma: Double { (a * a + b * b).squareRoot() }
    var hue: Double { let h = atan2(b, a) * 180 / .pi; return h < 0 ? h + 360 : h }
}

enum ColourMath {
    static func linear(_ v: UInt8) -> Double {
        let s = Double(v) / 255
        return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }

    /// CIELAB (D65) of `c` as seen with `vision`; the simulated linear RGB is clipped to the gamut.
    static func lab(_ c: RGBA, _ vision: Vision = .normal) -> Lab {
        let rgb = [linear(c.red), linear(c.green), linear(c.blue)]
        let m = vision.matrix
        let sim = m.map { row in min(max(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2], 0), 1) }
        let x = (0.4124564 * sim[0] + 0.3575761 * sim[1] + 0.1804375 * sim[2]) / 0.95047
        let y = 0.2126729 * sim[0] + 0.7151522 * sim[1] + 0.0721750 * sim[2]
        let z = (0.0193339 * sim[0] + 0.1191920 * sim[1] + 0.9503041 * sim[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return Lab(l: 116 * f(y) - 16, a: 500 * (f(x) - f(y)), b: 200 * (f(y) - f(z)))
    }

    /// CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1.
    static func deltaE(_ p: Lab, _ q: Lab) -> Double {
        func rad(_ d: Double) -> Double { d * .pi / 180 }
        let cBar = (p.chroma + q.chroma) / 2
        let g = 0.5 * (1 - (pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))).squareRoot())
        let a1 = (1 + g) * p.a, a2 = (1 + g) * q.a
        let c1 = (a1 * a1 + p.b * p.b).squareRoot(), c2 = (a2 * a2 + q.b * q.b).squareRoot()
        func hue(_ b: Double, _ a: Double) -> Double {
            if a == 0 && b == 0 { return 0 }
            let h = atan2(b, a) * 180 / .pi
            return h < 0 ? h + 360 : h
        }
        let h1 = hue(p.b, a1), h2 = hue(q.b, a2)
        let dL = q.l - p.l, dC = c2 - c1
        var dh = h2 - h1
        if c1 * c2 == 0 { dh = 0 } else if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        let dH = 2 * (c1 * c2).squareRoot() * sin(rad(dh / 2))
        let lBar = (p.l + q.l) / 2, cBarP = (c1 + c2) / 2
        var hBar = h1 + h2
        if c1 * c2 != 0 {
            if abs(h1 - h2) <= 180 { hBar /= 2 } else if h1 + h2 < 360 { hBar = (hBar + 360) / 2 } else { hBar = (hBar - 360) / 2 }
        }
        let t = 1 - 0.17 * cos(rad(hBar - 30)) + 0.24 * cos(rad(2 * hBar)) + 0.32 * cos(rad(3 * hBar + 6)) - 0.20 * cos(rad(4 * hBar - 63))
        let dTheta = 30 * exp(-pow((hBar - 275) / 25, 2))
        let rC = 2 * (pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7))).squareRoot()
        let sL = 1 + 0.015 * pow(lBar - 50, 2) / (20 + pow(lBar - 50, 2)).squareRoot()
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rT = -sin(rad(2 * dTheta)) * rC
        let l = dL / sL, c = dC / sC, h = dH / sH
        return (l * l + c * c + h * h + rT * c * h).squareRoot()
    }

    static func deltaE(_ x: RGBA, _ y: RGBA, _ vision: Vision) -> Double { deltaE(lab(x, vision), lab(y, vision)) }

    static func luminance(_ c: RGBA) -> Double { 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue) }

    /// WCAG 2 contrast ratio.
    static func contrast(_ x: RGBA, _ y: RGBA) -> Double {
        let a = luminance(x), b = luminance(y)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Every pair of `colours` closer than `minimum` in some vision, closest first.
    static func clashes(_ colours: [(String, RGBA)], minimum: Double) -> [(String, String, Vision, Double)] {
        var out: [(String, String, Vision, Double)] = []
        for v in Vision.allCases {
            for i in colours.indices {
                for j in colours.indices where i < j {
                    let d = deltaE(colours[i].1, colours[j].1, v)
                    if d < minimum { out.append((colours[i].0, colours[j].0, v, d)) }
                }
            }
        }
        return out.sorted { $0.3 < $1.3 }
    }
}

@Suite struct ColourVisionPaletteTests {
    static let kinds = EventKind.allCases.map { ("\($0)", KindPalette.color($0)) }
    static let ink = RGBA(hex: 0x1F1F1F)

    /// Sharma et al. 2005, table 1: pairs 1, 7, 9 and 13 (the hue wrap-arounds) and 17.
    @Test func ciede2000MatchesSharmasTestData() {
        let pairs: [(Lab, Lab, Double)] = [
            (Lab(l: 50, a: 2.6772, b: -79.7751), Lab(l: 50, a: 0, b: -82.7485), 2.0425),
            (Lab(l: 50, a: 0, b: 0), Lab(l: 50, a: -1, b: 2), 2.3669),
            (Lab(l: 50, a: 2.49, b: -0.001), Lab(l: 50, a: -2.49, b: 0.0009), 7.1792),
            (Lab(l: 50, a: -0.001, b: 2.49), Lab(l: 50, a: 0.0009, b: -2.49), 4.8045),
            (Lab(l: 50, a: 2.5, b: 0), Lab(l: 73, a: 25, b: -18), 27.1492)
        ]
        for (p, q, want) in pairs {
            #expect(abs(ColourMath.deltaE(p, q) - want) < 1e-4, "\(p) \(q)")
            #expect(abs(ColourMath.deltaE(q, p) - want) < 1e-4, "symmetric: \(q) \(p)")
        }
    }

    /// sRGB red is Lab(53.24, 80.09, 67.20); white stays white and greys stay grey under every
    /// simulation (the matrices' rows sum to one).
    @Test func labAndSimulationAgreeWithKnownValues() {
        let red = ColourMath.lab(RGBA(hex: 0xFF0000))
        #expect(abs(red.l - 53.24) < 0.01 && abs(red.a - 80.09) < 0.02 && abs(red.b - 67.20) < 0.02, "\(red)")
        for v in Vision.allCases {
            #expect(ColourMath.deltaE(.white, .white, v) < 0.05, "\(v)")
            #expect(ColourMath.lab(RGBA(hex: 0x777777), v).chroma < 0.2, "\(v)")
        }
        // Red and green, told apart in normal vision, fall together without green cones.
        let (r, g) = (RGBA(hex: 0xCC3333), RGBA(hex: 0x669900))
        #expect(ColourMath.deltaE(r, g, .normal) > 40)
        #expect(ColourMath.deltaE(r, g, .deuteranopia) < 15)
    }

    /// Any two kinds can touch in a stacked bar (kinds with no events are skipped), so every
    /// pair must stay apart, in normal vision and in each colour blindness.
    @Test func everyTwoKindsStayApartInEveryVision() {
        let clashes = ColourMath.clashes(Self.kinds, minimum: 10)
        #expect(clashes.isEmpty, "\(clashes.map { "\($0.0)–\($0.1) \($0.2) ΔE \(String(format: "%.1f", $0.3))" })")
    }

    /// The check above is not vacuous: the former Okabe–Ito palette fails it exactly where
    /// readers stumbled (pledge and statement under deuteranopia).
    @Test func theOldPaletteWouldFail() {
        let old: [(String, RGBA)] = [0x0072B2, 0x009E73, 0x56B4E9, 0xF0E442, 0xCC79A7, 0xD55E00, 0xE69F00, 0x332288, 0x000000, 0x882255, 0x8C510A, 0x999999]
            .enumerated().map { ("\(EventKind.allCases[$0.offset])", RGBA(hex: $0.element)) }
        let clashes = ColourMath.clashes(old, minimum: 10)
        #expect(clashes.contains { $0.0 == "pledge" && $0.1 == "statement" && $0.2 == .deuteranopia })
    }

    /// Every kind stands off the white background in every vision; the palest need an outline.
    @Test func kindsStandOffWhiteAndThePalestAreOutlined() {
        for (name, c) in Self.kinds {
            for v in Vision.allCases {
                #expect(ColourMath.deltaE(c, .white, v) >= 10, "\(name) on white, \(v)")
            }
        }
        for kind in EventKind.allCases {
            #expect(KindPalette.isFaint(kind) == (ColourMath.contrast(KindPalette.color(kind), .white) < 2), "\(kind)")
            // The outline must itself show on white.
            #expect(ColourMath.contrast(KindPalette.outline(kind), .white) >= 3, "\(kind) outline")
        }
        #expect(EventKind.allCases.filter(KindPalette.isFaint) == [.pledge, .caseTally, .statement])
    }

    /// Text on a fill takes the ink of higher WCAG contrast, and that reaches at least 3:1, the
    /// level for bold labels (4.5:1 for all but incident, whose best is ink at 4.3:1).
    @Test func textOnAFillTakesTheInkWithMoreContrast() {
        for kind in EventKind.allCases {
            let fill = KindPalette.color(kind)
            let dark = ColourMath.contrast(fill, Self.ink), white = ColourMath.contrast(fill, .white)
            #expect(KindPalette.isLight(kind) == (dark > white), "\(kind)")
            #expect(max(dark, white) >= (kind == .incident ? 4.2 : 4.5), "\(kind): \(max(dark, white))")
        }
    }

    /// A hue per family, lightness within it: members of a family lie within 80° of hue of each
    /// other, statements are grey, and no two members of a family share a lightness.
    @Test func familiesShareAHueAndStepInLightness() {
        for family in EventKind.Family.allCases {
            let members = EventKind.allCases.filter { $0.family == family }.map { ColourMath.lab(KindPalette.color($0)) }
            for p in members {
                for q in members {
                    var dh = abs(p.hue - q.hue); if dh > 180 { dh = 360 - dh }
                    #expect(family == .statement || dh <= 80, "\(family): \(p) \(q)")
                }
            }
            let ls = members.map(\.l).sorted()
            for (a, b) in zip(ls, ls.dropFirst()) { #expect(b - a >= 2, "\(family) lightness \(a) \(b)") }
        }
        #expect(ColourMath.lab(KindPalette.color(.statement)).chroma < 3)
        // The incident is the strongest colour of all.
        let incident = ColourMath.lab(KindPalette.color(.incident)).chroma
        #expect(EventKind.allCases.filter { $0 != .incident && $0 != .caseTally }.allSatisfy { ColourMath.lab(KindPalette.color($0)).chroma < incident })
    }

    /// One meaning per colour: no series colour (jurisdictions, measures) equals or nears a kind
    /// colour; series tell apart from each other, the first five in every vision.
    @Test func seriesNeverTakeAKindColour() {
        let series = (0..<10).map { SeriesPalette.color($0) }
        for (i, s) in series.enumerated() {
            for (name, k) in Self.kinds {
                #expect(s != k && ColourMath.deltaE(s, k, .normal) >= 10, "series \(i) \(s) near \(name) \(k)")
            }
            #expect(ColourMath.contrast(s, .white) >= 3, "series \(i) on white")
        }
        let named = series.enumerated().map { ("series \($0.offset)", $0.element) }
        let normal = ColourMath.clashes(named, minimum: 10).filter { $0.2 == .normal }
        #expect(normal.isEmpty, "\(normal.map { "\($0.0)–\($0.1) \($0.3)" })")
        let firstFive = ColourMath.clashes(Array(named.prefix(5)), minimum: 10)
        #expect(firstFive.isEmpty, "\(firstFive.map { "\($0.0)–\($0.1) \($0.2) \($0.3)" })")
        #expect(SeriesPalette.color(10) == SeriesPalette.color(0) && SeriesPalette.color(-1) == SeriesPalette.color(9))
    }
}
