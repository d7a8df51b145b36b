import NetraAnalytics

/// What every chart function takes besides its data.
public struct ChartOptions: Sendable {
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

    /// Options with the defaults: Indonesian, 1600×900 at 1×, the default fonts.
    public init(language: Language = .id, scale: Int = 1, width: Int = 1600, height: Int = 900,
                fontPath: String? = nil, boldFontPath: String? = nil) {
        self.language = language; self.scale = scale; self.width = width; self.height = height
        self.fontPath = fontPath; self.boldFontPath = boldFontPath
    }

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

    /// Chart title (36 px at 1×).
    public let title: TextStyle
    /// Line under the title.
    public let subtitle: TextStyle
    /// Axis and panel titles.
    public let axisTitle: TextStyle
    /// Tick labels.
    public let tick: TextStyle
    /// Legend entries and row names.
    public let legend: TextStyle
    /// Labels inside the plot (17 px at 1×).
    public let label: TextStyle
    /// Numbers written on bars.
    public let value: TextStyle
    /// Timeline lane names.
    public let laneName: TextStyle
    /// Small notes (16 px at 1×, the smallest text).
    public let note: TextStyle
    /// The source line.
    public let footer: TextStyle
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

    /// The theme for these options (sizes scaled, canvas `width*scale × height*scale`).
    public init(options: ChartOptions) {
        let s = Double(options.scale)
        self.s = s
        width = Double(options.width) * s
        height = Double(options.height) * s
        margin = 36 * s
        gap = 10 * s
        let ink = RGBA(hex: 0x1F1F1F), muted = RGBA(hex: 0x595959)
        // Sized so that a 1600-wide chart shrunk onto a phone screen stays legible.
        title = TextStyle(size: 36 * s, bold: true, color: ink)
        subtitle = TextStyle(size: 23 * s, color: muted)
        axisTitle = TextStyle(size: 20 * s, bold: true, color: muted)
        tick = TextStyle(size: 19 * s, color: muted)
        legend = TextStyle(size: 19 * s, color: ink)
        label = TextStyle(size: 17 * s, color: ink)
        value = TextStyle(size: 18 * s, bold: true, color: ink)
        laneName = TextStyle(size: 19 * s, bold: true, color: ink)
        note = TextStyle(size: 16 * s, color: muted)
        footer = TextStyle(size: 17 * s, color: muted)
        header = TextStyle(size: 21 * s, bold: true, color: ink)
    }
}
