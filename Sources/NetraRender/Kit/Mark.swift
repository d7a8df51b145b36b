import NetraCore

/// How a piece of text looks: size in canvas pixels (already scaled), weight and colour.
public struct TextStyle: Sendable, Hashable {
    /// Size in canvas pixels.
    public var size: Double
    /// Bold face when true.
    public var bold: Bool
    /// Text colour.
    public var color: RGBA

    /// A style from its parts.
    public init(size: Double, bold: Bool = false, color: RGBA) {
        self.size = size; self.bold = bold; self.color = color
    }
}

/// What a piece of text is for, so tests and callers can find it in a plan.
public enum TextRole: String, Sendable, Hashable {
    case title, subtitle, footer, legend, tickLabel, axisTitle, label, laneName, note, value, header
}

/// A line of text placed on the canvas.
public struct TextMark: Sendable, Hashable {
    /// The words.
    public var text: String
    /// How they look.
    public var style: TextStyle
    /// The line box it occupies (for rotated text, the turned box).
    public var box: ChartRect
    /// Where libgd starts the baseline.
    public var origin: ChartPoint
    /// Counter-clockwise turn in radians: 0, or π/2 for a y-axis title.
    public var angle: Double
    /// What the text is for.
    public var role: TextRole
    /// An outline in this colour drawn round the letters first, so the text stays readable
    /// over rules and links; `nil` for none.
    public var halo: RGBA?

    /// A text mark from its parts.
    public init(
        text: String, style: TextStyle, box: ChartRect, origin: ChartPoint, angle: Double = 0, role: TextRole,
        halo: RGBA? = nil
    ) {
        self.text = text; self.style = style; self.box = box; self.origin = origin; self.angle = angle; self.role = role
        self.halo = halo
    }

    /// The same text with a halo.
    public func withHalo(_ color: RGBA) -> TextMark {
        var t = self
        t.halo = color
        return t
    }
}

/// One drawing instruction of a laid-out chart; the painter draws them in order.
public enum Mark: Sendable, Hashable {
    /// A filled rectangle.
    case rect(ChartRect, fill: RGBA)
    /// A rectangle's outline.
    case outline(ChartRect, stroke: RGBA, thickness: Double)
    /// A polyline, solid or dashed (`dash` is the dash length in pixels).
    case line([ChartPoint], stroke: RGBA, thickness: Double, dash: Double?)
    /// A circle, filled and/or outlined.
    case circle(center: ChartPoint, radius: Double, fill: RGBA?, stroke: RGBA?, thickness: Double)
    /// A closed polygon, filled and/or outlined.
    case polygon([ChartPoint], fill: RGBA?, stroke: RGBA?, thickness: Double)
    /// A line of text.
    case text(TextMark)
}

/// A chart laid out and ready to draw: canvas size and marks in drawing order.
public struct ChartPlan: Sendable {
    /// Canvas width in pixels (already scaled).
    public var width: Int
    /// Canvas height in pixels (already scaled).
    public var height: Int
    /// Canvas colour under every mark.
    public var background: RGBA
    /// Drawing instructions, first drawn first.
    public var marks: [Mark]

    /// A plan from its parts.
    public init(width: Int, height: Int, background: RGBA = .white, marks: [Mark] = []) {
        self.width = width; self.height = height; self.background = background; self.marks = marks
    }

    /// The whole canvas as a rectangle.
    public var canvas: ChartRect { ChartRect(x: 0, y: 0, width: Double(width), height: Double(height)) }

    /// Every text mark, in drawing order.
    public var texts: [TextMark] {
        marks.compactMap { if case let .text(t) = $0 { return t } else { return nil } }
    }
}

/// A rendered chart: the PNG bytes and the plan they were drawn from.
public struct RenderedChart<Plan: Sendable>: Sendable {
    /// The PNG file's bytes.
    public let png: [UInt8]
    /// The layout that was drawn, for tests and for callers that place things around it.
    public let plan: Plan

    /// A rendered chart from its bytes and plan.
    public init(png: [UInt8], plan: Plan) {
        self.png = png; self.plan = plan
    }
}

/// A chart laid out, drawn only when its PNG is asked for: a job's file is made from it when
/// written, and a test reads its plan without paying for the drawing.
public struct LaidOutChart<Plan: Sendable>: Sendable {
    /// The layout the PNG is drawn from.
    public let plan: Plan
    private let draw: @Sendable (Plan) throws(RenderError) -> [UInt8]

    /// `plan`, drawn by `draw` when asked.
    public init(plan: Plan, draw: @escaping @Sendable (Plan) throws(RenderError) -> [UInt8]) {
        self.plan = plan; self.draw = draw
    }

    /// The PNG file's bytes, drawn at each call.
    public func png() throws(RenderError) -> [UInt8] { try draw(plan) }

    /// Drawn, with its plan.
    public func rendered() throws(RenderError) -> RenderedChart<Plan> { RenderedChart(png: try png(), plan: plan) }
}

extension LaidOutChart where Plan: HoldsChartPlan {
    /// `plan`, drawn by the painter in `fonts`.
    public init(_ plan: Plan, fonts: FontSet) {
        self.init(plan: plan) { (p: Plan) throws(RenderError) -> [UInt8] in try Painter.png(p.chart, fonts: fonts) }
    }
}
