import NetraCore

/// One fixed colour per `EventKind`, the same on every chart, built on the Okabe–Ito palette
/// (colour-blind safe) and extended with four clearly darker or neutral colours:
///
/// | kind          | colour    | from                               |
/// |---------------|-----------|------------------------------------|
/// | regulation    | `#0072B2` | Okabe–Ito blue                     |
/// | task_force    | `#009E73` | Okabe–Ito bluish green             |
/// | directive     | `#56B4E9` | Okabe–Ito sky blue                 |
/// | sosialisasi   | `#F0E442` | Okabe–Ito yellow                   |
/// | pledge        | `#CC79A7` | Okabe–Ito reddish purple           |
/// | incident      | `#D55E00` | Okabe–Ito vermillion               |
/// | response      | `#E69F00` | Okabe–Ito orange                   |
/// | report        | `#332288` | extension: indigo (Paul Tol)       |
/// | decision      | `#000000` | Okabe–Ito black                    |
/// | sanction      | `#882255` | extension: wine (Paul Tol)         |
/// | case_tally    | `#8C510A` | extension: brown, a shade of orange|
/// | statement     | `#999999` | extension: neutral grey            |
///
/// Prevention kinds take the cool and light hues, the incident chain the warm and dark ones;
/// markers get a darker outline so the yellow stays visible on white.
public enum KindPalette {
    /// A kind's colour and how it reads: `light` fills take dark text, a `faint` one needs an
    /// outline to stand out on white. One exhaustive switch, so a new kind needs its colour.
    static func swatch(_ kind: EventKind) -> (hex: UInt32, light: Bool, faint: Bool) {
        switch kind {
        case .regulation: return (0x0072B2, false, false)
        case .taskForce: return (0x009E73, false, false)
        case .directive: return (0x56B4E9, true, false)
        case .sosialisasi: return (0xF0E442, true, true)
        case .pledge: return (0xCC79A7, true, false)
        case .incident: return (0xD55E00, false, false)
        case .response: return (0xE69F00, true, false)
        case .report: return (0x332288, false, false)
        case .decision: return (0x000000, false, false)
        case .sanction: return (0x882255, false, false)
        case .caseTally: return (0x8C510A, false, false)
        case .statement: return (0x999999, true, false)
        }
    }

    /// The colour of `kind`.
    public static func color(_ kind: EventKind) -> RGBA { RGBA(hex: swatch(kind).hex) }

    /// True when text on a fill of `kind` should be dark ink rather than white.
    public static func isLight(_ kind: EventKind) -> Bool { swatch(kind).light }

    /// True when a fill of `kind` is too pale for white without an outline (the yellow).
    public static func isFaint(_ kind: EventKind) -> Bool { swatch(kind).faint }

    /// The outline drawn around a marker of `kind`.
    public static func outline(_ kind: EventKind) -> RGBA {
        kind == .decision ? RGBA(hex: 0x000000) : color(kind).shaded(0.45)
    }
}

/// Colours for series that are not kinds (jurisdictions, measures), in order: Okabe–Ito blue,
/// vermillion, bluish green, reddish purple, orange, sky blue, black, then Tol's indigo and
/// wine and a grey (yellow is left out: too faint for lines on white).
public enum SeriesPalette {
    static let colors: [RGBA] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0x332288, 0x882255, 0x999999]
        .map { RGBA(hex: $0) }

    /// The colour of the `index`-th series (cycling after ten).
    public static func color(_ index: Int) -> RGBA { colors[((index % colors.count) + colors.count) % colors.count] }
}
