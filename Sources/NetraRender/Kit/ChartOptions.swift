import NetraAnalytics
import NetraText

/// The two shapes a chart is drawn in: wide for slides and screens, phone (portrait) for chat
/// groups. Each has its own type sizes, so a phone chart is laid out again, never shrunk.
public enum ChartSize: String, CaseIterable, Sendable {
    /// 1600 × 900, the default.
    case wide
    /// 1080 × 1350 portrait, read fit to a phone's width: no text under 30 px.
    case phone

    /// Canvas width and height at 1×.
    public var dimensions: (width: Int, height: Int) {
        switch self {
        case .wide: return (1600, 900)
        case .phone: return (1080, 1350)
        }
    }

    /// The type sizes charts of this shape use.
    public var type: TypeScale {
        switch self {
        case .wide: return .wide
        case .phone: return .phone
        }
    }
}

/// Font sizes in pixels at 1×, from the smallest (notes) to the title. `floor` is the rule the
/// shape is made to: no text below it.
public struct TypeScale: Sendable, Equatable {
    public var note, footer, label, tick, legend, value, laneName, axisTitle, header, subtitle, title: Double

    /// The smallest size any text takes.
    public var floor: Double { [note, footer, label, tick, legend, value, laneName, axisTitle, header, subtitle, title].min() ?? note }

    /// A 1600-wide chart shrunk onto a phone screen stays legible.
    public static let wide = TypeScale(
        note: 16, footer: 17, label: 17, tick: 19, legend: 19, value: 18, laneName: 19,
        axisTitle: 20, header: 21, subtitle: 23, title: 36)
    /// 1080 wide fit to 390 CSS px: 30 px is 11 CSS px.
    public static let phone = TypeScale(
        note: 30, footer: 30, label: 30, tick: 30, legend: 30, value: 32, laneName: 32,
        axisTitle: 32, header: 34, subtitle: 34, title: 46)
    /// A chart inside the 1240-wide briefing sheet: 35 px there is 11 CSS px at 390.
    public static let sheet = TypeScale(
        note: 36, footer: 36, label: 36, tick: 36, legend: 36, value: 38, laneName: 38,
        axisTitle: 38, header: 40, subtitle: 40, title: 48)
}

/// What every chart function takes besides its data.
public struct ChartOptions: Sendable, Equatable {
    /// Language of every label, month and date.
    public var language: Language
    /// 1 or 2: multiplies every size, for sharp output on dense screens.
    public var scale: Int
    /// Canvas width before scaling.
    public var width: Int
    /// Canvas height before scaling.
    public var height: Int
    /// Regular font file; `nil` for `$NETRA_FONT` or DejaVu Sans.
    public var fontPath: String?
    /// Bold font file; `nil` for `$NETRA_FONT_BOLD` or DejaVu Sans Bold.
    public var boldFontPath: String?
    /// The font sizes, before scaling.
    public var type: TypeScale
    /// Whose chart it is (`Bawaslu Kota Bogor`): it leads the footer; nil for none.
    public var office: String?
    /// True for a chart inside a page (the briefing sheet), whose own band names the month and
    /// whose footer names the sources: no footer and no axis title of its own, a shorter title
    /// and top, so that its rows go to the plot.
    public var embedded = false

    /// Options with the defaults: Indonesian, 1600×900 at 1×, the default fonts.
    public init(
        language: Language = .id, scale: Int = 1, width: Int = 1600, height: Int = 900,
        fontPath: String? = nil, boldFontPath: String? = nil, type: TypeScale = .wide
    ) {
        self.language = language; self.scale = scale; self.width = width; self.height = height
        self.fontPath = fontPath; self.boldFontPath = boldFontPath; self.type = type
    }

    /// Options for one of the two shapes, with its canvas and its type sizes.
    public init(
        language: Language = .id, scale: Int = 1, size: ChartSize,
        fontPath: String? = nil, boldFontPath: String? = nil
    ) {
        self.init(
            language: language, scale: scale, width: size.dimensions.width, height: size.dimensions.height,
            fontPath: fontPath, boldFontPath: boldFontPath, type: size.type)
    }

    /// True for a canvas taller than wide: charts stack what sits side by side on a wide one.
    public var isPortrait: Bool { height > width }

    /// The scales a chart can be drawn at (the command line refuses any other).
    public static let scales = [1, 2]

    /// Throws unless the size and scale can make a readable chart.
    func validate() throws(RenderError) {
        guard Self.scales.contains(scale) else { throw .invalidInput("scale must be 1 or 2, not \(scale)") }
        guard (640...8000).contains(width), (400...8000).contains(height) else {
            throw .invalidInput("chart size \(width)×\(height) is outside 640×400 … 8000×8000")
        }
    }
}

/// Sizes and colours of the chart kit, with every length already multiplied by the scale.
public struct Theme: Sendable {
    /// The scale factor as a number.
    public let s: Double
    /// Canvas width in pixels.
    public let width: Double
    /// Canvas height in pixels.
    public let height: Double

    /// Space around the chart.
    public let margin: Double
    /// The usual space between parts.
    public let gap: Double

    /// The type sizes, scaled.
    public let type: TypeScale

    /// Chart title (36 px at 1× on a wide chart).
    public let title: TextStyle
    /// Line under the title.
    public let subtitle: TextStyle
    /// Axis and panel titles.
    public let axisTitle: TextStyle
    /// Tick labels.
    public let tick: TextStyle
    /// Legend entries and row names.
    public let legend: TextStyle
    /// Labels inside the plot (17 px at 1× on a wide chart).
    public let label: TextStyle
    /// Numbers written on bars.
    public let value: TextStyle
    /// Timeline lane names.
    public let laneName: TextStyle
    /// Small notes (16 px at 1× on a wide chart, the smallest text).
    public let note: TextStyle
    /// The source line.
    public let footer: TextStyle
    /// The office the footer names first, nil for none.
    public let office: String?
    /// Column headers.
    public let header: TextStyle

    /// Main text colour.
    public let ink = RGBA(hex: 0x1F1F1F)
    /// Secondary text colour.
    public let muted = RGBA(hex: 0x595959)
    /// Grid lines.
    public let grid = RGBA(hex: 0xE4E4E4)
    /// Axis lines.
    public let axis = RGBA(hex: 0x8C8C8C)
    /// Alternate row and lane shading.
    public let band = RGBA(hex: 0xF5F6F8)
    /// Canvas colour.
    public let background = RGBA.white

    /// Whether the chart sits inside a page (`ChartOptions.embedded`).
    public let embedded: Bool

    /// The theme for these options (sizes scaled, canvas `width*scale × height*scale`).
    public init(options: ChartOptions) {
        let s = Double(options.scale)
        self.s = s
        embedded = options.embedded
        width = Double(options.width) * s
        height = Double(options.height) * s
        margin = 36 * s
        gap = 10 * s
        let ink = RGBA(hex: 0x1F1F1F), muted = RGBA(hex: 0x595959)
        let t = options.type
        type = TypeScale(
            note: t.note * s, footer: t.footer * s, label: t.label * s, tick: t.tick * s, legend: t.legend * s,
            value: t.value * s, laneName: t.laneName * s, axisTitle: t.axisTitle * s, header: t.header * s,
            subtitle: t.subtitle * s, title: t.title * s)
        title = TextStyle(size: type.title, bold: true, color: ink)
        subtitle = TextStyle(size: type.subtitle, color: muted)
        axisTitle = TextStyle(size: type.axisTitle, bold: true, color: muted)
        tick = TextStyle(size: type.tick, color: muted)
        legend = TextStyle(size: type.legend, color: ink)
        label = TextStyle(size: type.label, color: ink)
        value = TextStyle(size: type.value, bold: true, color: ink)
        laneName = TextStyle(size: type.laneName, bold: true, color: ink)
        note = TextStyle(size: type.note, color: muted)
        footer = TextStyle(size: type.footer, color: muted)
        header = TextStyle(size: type.header, bold: true, color: ink)
        office = options.office.flatMap { $0.isEmpty ? nil : $0 }
    }
}
