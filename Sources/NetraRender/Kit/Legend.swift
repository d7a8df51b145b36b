/// The little picture in front of a legend entry.
public enum LegendSymbol: Sendable, Hashable {
    case square, circle, hollowCircle, line, dashedLine, spanBar, medianBar
    /// Marker shapes of the cases chart.
    case triangle, diamond, ring
    /// The lead-time chart's range of an inexact figure, bounded, and open on its right.
    case range, openRange
}

/// One legend entry to lay out: a symbol in a colour and its words.
public struct LegendItem: Sendable, Hashable {
    /// Its words.
    public var label: String
    /// Its colour.
    public var color: RGBA
    /// The picture in front of the words.
    public var symbol: LegendSymbol

    /// An entry from its parts.
    public init(label: String, color: RGBA, symbol: LegendSymbol = .square) {
        self.label = label; self.color = color; self.symbol = symbol
    }
}

/// A legend entry after layout: where its symbol and text went.
public struct LegendEntry: Sendable, Hashable {
    /// The entry laid out.
    public var item: LegendItem
    /// Where the symbol went.
    public var swatch: ChartRect
    /// Where the words went.
    public var text: TextMark
}

enum LegendLayout {
    /// Entries flowed left to right in rows within `width`, starting at (`x`, `y`).
    static func layout(
        _ items: [LegendItem], x: Double, y: Double, width: Double, theme: Theme,
        measurer: TextMeasurer
    ) throws(RenderError) -> (entries: [LegendEntry], height: Double) {
        guard !items.isEmpty else { return ([], 0) }
        let lh = try measurer.lineHeight(theme.legend)
        let sw = (lh * 0.8).rounded()
        let swatchGap = 8 * theme.s, itemGap = 26 * theme.s, rowGap = 8 * theme.s
        var entries: [LegendEntry] = []
        var cx = x, cy = y
        for item in items {
            let symbolWidth =
                item.symbol == .line || item.symbol == .dashedLine || item.symbol == .hollowCircle
                    || item.symbol == .spanBar || item.symbol == .range || item.symbol == .openRange ? sw * 1.8 : sw
            guard let label = try measurer.fit(item.label, theme.legend, maxWidth: width - symbolWidth - swatchGap) else { continue }
            let w = symbolWidth + swatchGap + (try measurer.width(label, theme.legend))
            if cx > x && cx + w > x + width { cx = x; cy += lh + rowGap }
            let swatch = ChartRect(x: cx, y: cy + (lh - sw) / 2, width: symbolWidth, height: sw)
            let text = try measurer.place(label, theme.legend, x: cx + symbolWidth + swatchGap, y: cy, role: .legend)
            entries.append(LegendEntry(item: item, swatch: swatch, text: text))
            cx += w + itemGap
        }
        return (entries, cy + lh - y)
    }

    /// The marks that draw the entries.
    static func marks(_ entries: [LegendEntry], theme: Theme) -> [Mark] {
        var out: [Mark] = []
        for e in entries {
            out.append(contentsOf: symbolMarks(e.item.symbol, e.item.color, in: e.swatch, theme: theme))
            out.append(.text(e.text))
        }
        return out
    }

    static func symbolMarks(_ symbol: LegendSymbol, _ color: RGBA, in r: ChartRect, theme: Theme) -> [Mark] {
        let s = theme.s
        switch symbol {
        case .square:
            return [.rect(r, fill: color), .outline(r, stroke: color.shaded(0.35), thickness: 1 * s)]
        case .circle:
            return [.circle(center: r.center, radius: r.height / 2, fill: color, stroke: color.shaded(0.45), thickness: 1.5 * s)]
        case .hollowCircle:
            let c = ChartPoint(x: r.maxX - r.height / 2, y: r.midY)
            return [
                .line(
                    [ChartPoint(x: r.minX, y: r.midY), ChartPoint(x: c.x - r.height / 2, y: r.midY)],
                    stroke: color, thickness: 2 * s, dash: nil),
                .circle(center: c, radius: r.height / 2 - 1 * s, fill: .white, stroke: color, thickness: 2.5 * s)
            ]
        case .line:
            return [.line([ChartPoint(x: r.minX, y: r.midY), ChartPoint(x: r.maxX, y: r.midY)], stroke: color, thickness: 3 * s, dash: nil)]
        case .dashedLine:
            return [.line([ChartPoint(x: r.minX, y: r.midY), ChartPoint(x: r.maxX, y: r.midY)], stroke: color, thickness: 2 * s, dash: 6 * s)]
        case .spanBar:
            let bar = ChartRect(x: r.minX, y: r.midY - r.height * 0.3, width: r.width, height: r.height * 0.6)
            return [.rect(bar, fill: color.withAlpha(110)), .outline(bar, stroke: color.shaded(0.2), thickness: 1 * s)]
        case .triangle:
            let c = r.center, q = r.height / 2
            return [
                .polygon(
                    [ChartPoint(x: c.x, y: c.y - q * 1.1), ChartPoint(x: c.x + q, y: c.y + q * 0.75), ChartPoint(x: c.x - q, y: c.y + q * 0.75)],
                    fill: color, stroke: color.shaded(0.45), thickness: 1 * s)
            ]
        case .diamond:
            let c = r.center, q = r.height / 2 * 1.1
            return [
                .polygon(
                    [ChartPoint(x: c.x, y: c.y - q), ChartPoint(x: c.x + q, y: c.y), ChartPoint(x: c.x, y: c.y + q), ChartPoint(x: c.x - q, y: c.y)],
                    fill: color, stroke: color.shaded(0.45), thickness: 1 * s)
            ]
        case .ring:
            return [.circle(center: r.center, radius: r.height / 2 - 1 * s, fill: .white, stroke: color, thickness: 2.5 * s)]
        case .range:
            return RangeMarks.marks(x0: r.minX + 1.5 * s, x1: r.maxX - 1.5 * s, y: r.midY, color: color, openLow: false, openHigh: false, s: s)
        case .openRange:
            return RangeMarks.marks(x0: r.minX + 1.5 * s, x1: r.maxX, y: r.midY, color: color, openLow: false, openHigh: true, s: s)
        case .medianBar:
            return [.line([ChartPoint(x: r.midX, y: r.minY - 2 * s), ChartPoint(x: r.midX, y: r.maxY + 2 * s)], stroke: color, thickness: 4 * s, dash: nil)]
        }
    }
}

/// A range from one value to another: a pale bar with a cap at each bound, and an arrow head
/// at an end that has no bound.
enum RangeMarks {
    static func marks(x0: Double, x1: Double, y: Double, color: RGBA, openLow: Bool, openHigh: Bool, s: Double) -> [Mark] {
        let cap = 4.5 * s, head = 8 * s
        let a = openLow ? x0 + head : x0, b = openHigh ? x1 - head : x1
        var out: [Mark] = [.line([ChartPoint(x: a, y: y), ChartPoint(x: max(a, b), y: y)], stroke: color.withAlpha(150), thickness: 3 * s, dash: nil)]
        if openLow {
            out.append(
                .polygon(
                    [ChartPoint(x: x0, y: y), ChartPoint(x: x0 + head, y: y - cap), ChartPoint(x: x0 + head, y: y + cap)],
                    fill: color, stroke: nil, thickness: 0))
        } else {
            out.append(.line([ChartPoint(x: x0, y: y - cap), ChartPoint(x: x0, y: y + cap)], stroke: color, thickness: 2.5 * s, dash: nil))
        }
        if openHigh {
            out.append(
                .polygon(
                    [ChartPoint(x: x1, y: y), ChartPoint(x: x1 - head, y: y - cap), ChartPoint(x: x1 - head, y: y + cap)],
                    fill: color, stroke: nil, thickness: 0))
        } else {
            out.append(.line([ChartPoint(x: x1, y: y - cap), ChartPoint(x: x1, y: y + cap)], stroke: color, thickness: 2.5 * s, dash: nil))
        }
        return out
    }
}
