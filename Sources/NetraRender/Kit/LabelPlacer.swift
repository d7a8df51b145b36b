/// Greedy collision-free placement: each label takes the first of its candidate boxes that
/// stays inside the bounds and clear of every box kept so far; otherwise it is left out.
///
/// The one rule for numbers written on a chart: two labels side by side keep `numberGap`
/// apart, so that "1" beside "1" never reads as "11" (a space is about a third of an em; a
/// digit and a half keeps them plainly apart). A value label that has no room is left out,
/// the axis reads it; `forValues` makes the placer every chart's numbers go through.
public struct LabelPlacer: Sendable {
    /// The clear space beside a number written in type of `size` px: about a digit's width.
    public static func numberGap(_ size: Double) -> Double { (size * 0.6).rounded(.up) }

    /// A placer for value labels of `style` inside `bounds`: `numberGap` beside each, a little above and below.
    public static func forValues(bounds: ChartRect, style: TextStyle) -> LabelPlacer {
        LabelPlacer(bounds: bounds, padding: numberGap(style.size), verticalPadding: (style.size * 0.1).rounded(.up))
    }

    /// The area labels must stay inside.
    public let bounds: ChartRect
    /// Space kept clear left and right of each box.
    public let padding: Double
    /// Space kept clear above and below each box.
    public let verticalPadding: Double
    /// Boxes taken so far (labels and reserved areas).
    public private(set) var kept: [ChartRect] = []
    /// How many labels were left out.
    public private(set) var leftOut = 0

    /// A placer for `bounds`, keeping `padding` between boxes side by side and `verticalPadding`
    /// (the same when `nil`) between boxes one above the other.
    public init(bounds: ChartRect, padding: Double = 0, verticalPadding: Double? = nil) {
        self.bounds = bounds; self.padding = padding; self.verticalPadding = verticalPadding ?? padding
    }

    /// True when `box` is inside the bounds and clear of every kept box.
    public func fits(_ box: ChartRect) -> Bool {
        guard bounds.contains(box) else { return false }
        let grown = ChartRect(
            x: box.x - padding, y: box.y - verticalPadding,
            width: box.width + 2 * padding, height: box.height + 2 * verticalPadding)
        return !kept.contains { $0.intersects(grown) }
    }

    /// Keeps the first candidate that fits and returns its index; counts a miss otherwise.
    public mutating func place(_ candidates: [ChartRect]) -> Int? {
        for (k, c) in candidates.enumerated() where fits(c) {
            kept.append(c)
            return k
        }
        leftOut += 1
        return nil
    }

    /// Marks `box` as taken without it being a label (a marker, a bar).
    public mutating func reserve(_ box: ChartRect) { kept.append(box) }
}
