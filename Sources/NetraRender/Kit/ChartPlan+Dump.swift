/// A laid-out chart that can be written as text, one mark a line: what golden-file tests
/// compare, so that a refactor can show it lays out the same marks in the same places.
public protocol PlanDumping: Sendable {
    /// The plan as text.
    var textDump: String { get }
}

/// A chart's plan that holds its marks as a `ChartPlan`.
public protocol HoldsChartPlan: PlanDumping {
    /// What is drawn.
    var chart: ChartPlan { get }
}

extension HoldsChartPlan {
    public var textDump: String { chart.textDump }
}

extension MonthlyBarsPlan: HoldsChartPlan {}
extension TimelinePlan: HoldsChartPlan {}
extension ComparisonPlan: HoldsChartPlan {}
extension LeadTimesPlan: HoldsChartPlan {}
extension CasesPlan: HoldsChartPlan {}

extension ChartPlan: PlanDumping {
    /// Every mark in drawing order, coordinates written in full (the shortest exact form).
    public var textDump: String {
        var out = "canvas \(width)x\(height) \(background.hexDump)\n"
        for m in marks { out += m.textDump + "\n" }
        return out
    }
}

extension Mark {
    /// One line: the mark's kind, geometry and colours.
    public var textDump: String {
        switch self {
        case let .rect(r, fill):
            return "rect \(r.dump) fill \(fill.hexDump)"
        case let .outline(r, stroke, thickness):
            return "outline \(r.dump) stroke \(stroke.hexDump) \(thickness)"
        case let .line(points, stroke, thickness, dash):
            return "line \(points.map(\.dump).joined(separator: " ")) stroke \(stroke.hexDump) \(thickness) dash \(dash.map { "\($0)" } ?? "-")"
        case let .circle(center, radius, fill, stroke, thickness):
            return "circle \(center.dump) r \(radius) fill \(fill?.hexDump ?? "-") stroke \(stroke?.hexDump ?? "-") \(thickness)"
        case let .polygon(points, fill, stroke, thickness):
            return "polygon \(points.map(\.dump).joined(separator: " ")) fill \(fill?.hexDump ?? "-") stroke \(stroke?.hexDump ?? "-") \(thickness)"
        case let .text(t):
            return
                "text \(t.role.rawValue) \(t.box.dump) at \(t.origin.dump) angle \(t.angle) size \(t.style.size)\(t.style.bold ? " bold" : "") \(t.style.color.hexDump) \(String(reflecting: t.text))"
        }
    }
}

extension ChartRect {
    var dump: String { "[\(x),\(y) \(width)x\(height)]" }
}

extension ChartPoint {
    var dump: String { "(\(x),\(y))" }
}

extension RGBA {
    var hexDump: String {
        func h(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + h(red) + h(green) + h(blue) + h(alpha)
    }
}
