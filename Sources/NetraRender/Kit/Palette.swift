import NetraCore

/// One fixed colour per `EventKind`, the same on every chart: a hue per family (`EventKind.Family`),
/// lightness within it. Found by a search, not by eye: every two kinds, any of which can touch
/// in a stacked bar, stay CIEDE2000 ΔE ≥ 12 apart in normal vision and simulated deuteranopia,
/// protanopia and tritanopia (Machado et al. 2009, severity 1), and ΔE ≥ 11 from the white
/// background; `PaletteTests.swift` checks it.
///
/// | kind          | colour    | family        | why                                        |
/// |---------------|-----------|---------------|--------------------------------------------|
/// | regulation    | `#0072B2` | prevention    | mid blue, L 46 (Okabe–Ito blue, kept)      |
/// | task_force    | `#114488` | prevention    | navy, L 30: the darkest of the family      |
/// | directive     | `#3388FF` | prevention    | bright blue, L 58                          |
/// | sosialisasi   | `#00BBCC` | prevention    | teal, L 69                                 |
/// | pledge        | `#44EEFF` | prevention    | pale cyan, L 87 (faint: outlined)          |
/// | incident      | `#D55E00` | incident      | vermillion: the one strong warm colour     |
/// | response      | `#BB7799` | handling      | rose, L 58: the lightest of the family     |
/// | report        | `#885577` | handling      | mauve, L 43                                |
/// | decision      | `#AA3344` | handling      | crimson, L 40 (was black, read as ink)     |
/// | sanction      | `#663344` | handling      | wine, L 28: the darkest, the last step     |
/// | case_tally    | `#FFBB22` | case tallies  | amber, L 80 (faint: outlined)              |
/// | statement     | `#CCCCCC` | statements    | light grey: neutral, says nothing by hue   |
///
/// Blues against warm colours carry the families through red–green blindness (both survive it),
/// lightness steps carry the kinds within a family. The closest pairs (ΔE ≈ 12): sosialisasi and
/// pledge (ΔE 12.0–12.5 in every vision), directive and sosialisasi under tritanopia (12.0), and
/// sanction against report and decision (12.3–13.5).
public enum KindPalette {
    /// A kind's colour as `0xRRGGBB`. One exhaustive switch, so a new kind needs its colour.
    static func hex(_ kind: EventKind) -> UInt32 {
        switch kind {
        case .regulation: return 0x0072B2
        case .taskForce: return 0x114488
        case .directive: return 0x3388FF
        case .sosialisasi: return 0x00BBCC
        case .pledge: return 0x44EEFF
        case .incident: return 0xD55E00
        case .response: return 0xBB7799
        case .report: return 0x885577
        case .decision: return 0xAA3344
        case .sanction: return 0x663344
        case .caseTally: return 0xFFBB22
        case .statement: return 0xCCCCCC
        }
    }

    /// The dark text colour of every theme (`Theme.ink`).
    static let ink = RGBA(hex: 0x1F1F1F)

    /// The colour of `kind`.
    public static func color(_ kind: EventKind) -> RGBA { RGBA(hex: hex(kind)) }

    /// True when text on a fill of `kind` should be dark ink rather than white: whichever has
    /// the higher WCAG contrast with the fill.
    public static func isLight(_ kind: EventKind) -> Bool {
        let fill = color(kind)
        return WCAG.contrast(fill, ink) > WCAG.contrast(fill, .white)
    }

    /// True when a fill of `kind` is too pale for white without an outline: under 2:1 WCAG
    /// contrast with it (pledge, case tally, statement).
    public static func isFaint(_ kind: EventKind) -> Bool { WCAG.contrast(color(kind), .white) < 2 }

    /// The outline drawn around a marker of `kind`: its colour, darker.
    public static func outline(_ kind: EventKind) -> RGBA { color(kind).shaded(0.45) }
}

/// Colours for series that are not kinds (jurisdictions, measures), in order. None is a kind
/// colour or near one (ΔE ≥ 14 from every kind in normal vision), so a colour means one thing:
/// teals, greens, olives, a violet and greys, hues and darknesses the kinds leave free. The
/// first five stay ΔE ≥ 15 apart in every simulated colour blindness too (a chart rarely shows
/// more); all ten stay ΔE ≥ 17 apart in normal vision; each has at least 3:1 contrast on white.
///
/// dark teal `#115555`, violet `#8800FF`, olive `#665500`, green `#00AA55`, warm grey `#887777`,
/// aubergine `#442255`, khaki `#998844`, grey-green `#667766`, forest `#004400`, charcoal `#333322`.
public enum SeriesPalette {
    static let colors: [RGBA] = [0x115555, 0x8800FF, 0x665500, 0x00AA55, 0x887777, 0x442255, 0x998844, 0x667766, 0x004400, 0x333322]
        .map { RGBA(hex: $0) }

    /// The colour of the `index`-th series (cycling after ten).
    public static func color(_ index: Int) -> RGBA { colors[((index % colors.count) + colors.count) % colors.count] }

    /// Jurisdictions that get a colour of their own; the rest are drawn in `rest` and named
    /// beside their lines: beyond a handful, colours stop telling apart (the first four stay
    /// ΔE ≥ 15 apart under deuteranopia; `PaletteTests` checks it).
    public static let distinctJurisdictions = 4

    /// The grey of jurisdictions beyond the first few: apart from every kind colour and from
    /// the four jurisdiction colours in every simulated vision.
    public static let rest = RGBA(hex: 0x999999)

    /// The colour of the `rank`-th jurisdiction of a chart (0 first): its own among the first
    /// `distinctJurisdictions`, else grey.
    public static func jurisdiction(_ rank: Int) -> RGBA {
        rank >= 0 && rank < distinctJurisdictions ? colors[rank] : rest
    }
}

/// WCAG 2 relative luminance and contrast ratio, for choosing text colours.
enum WCAG {
    static func luminance(_ c: RGBA) -> Double {
        func channel(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : power((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)
    }

    static func contrast(_ a: RGBA, _ b: RGBA) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
