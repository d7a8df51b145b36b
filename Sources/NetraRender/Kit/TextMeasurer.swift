/// Measures text with the chart's fonts and places it as `TextMark`s; caches every width.
///
/// Not `Sendable`: one measurer belongs to one layout pass.
public final class TextMeasurer {
    /// The fonts measured and later drawn with.
    public let fonts: FontSet
    private struct Key: Hashable { var text: String; var size: Double; var bold: Bool }
    private struct MetricsKey: Hashable { var size: Double; var bold: Bool }
    private var widths: [Key: Double] = [:]
    private var metrics: [MetricsKey: (ascent: Double, descent: Double)] = [:]

    /// A measurer for these fonts.
    public init(fonts: FontSet) { self.fonts = fonts }

    func fontPath(_ style: TextStyle) -> String { style.bold ? fonts.bold : fonts.regular }

    /// The width in pixels of `text` in `style`.
    public func width(_ text: String, _ style: TextStyle) throws(RenderError) -> Double {
        let key = Key(text: text, size: style.size, bold: style.bold)
        if let w = widths[key] { return w }
        let e = try GDImage.measure(text, font: fontPath(style), size: style.size)
        let w = Double(e.width)
        widths[key] = w
        return w
    }

    /// Ascent and descent of the font at this size, the same for every text, so lines align.
    public func lineMetrics(_ style: TextStyle) throws(RenderError) -> (ascent: Double, descent: Double) {
        let key = MetricsKey(size: style.size, bold: style.bold)
        if let m = metrics[key] { return m }
        let e = try GDImage.measure("ÁÉgjpqy|", font: fontPath(style), size: style.size)
        let m = (ascent: Double(e.ascent), descent: Double(e.descent))
        metrics[key] = m
        return m
    }

    /// The height of a line box in `style`.
    public func lineHeight(_ style: TextStyle) throws(RenderError) -> Double {
        let m = try lineMetrics(style)
        return m.ascent + m.descent
    }

    /// `text`, shortened with an ellipsis until it is at most `maxWidth` wide; `nil` when not
    /// even one letter and the ellipsis fit.
    public func fit(_ text: String, _ style: TextStyle, maxWidth: Double) throws(RenderError) -> String? {
        if try width(text, style) <= maxWidth { return text }
        let chars = Array(text)
        var lo = 1, hi = chars.count - 1, best: String?
        // Binary search on the number of characters kept.
        while lo <= hi {
            let mid = (lo + hi) / 2
            let candidate = ellipsized(chars, keep: mid)
            if try width(candidate, style) <= maxWidth { best = candidate; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best
    }

    /// `text` broken at spaces into at most `maxLines` lines of at most `maxWidth` each, the
    /// last shortened with an ellipsis when the rest does not fit; a word longer than a line is
    /// cut. Empty when not even one letter fits.
    public func wrap(_ text: String, _ style: TextStyle, maxWidth: Double, maxLines: Int) throws(RenderError) -> [String] {
        guard maxLines > 0 else { return [] }
        let flat = String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        if try width(flat, style) <= maxWidth { return flat.isEmpty ? [] : [flat] }
        var lines: [String] = []
        var words = flat.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        while !words.isEmpty {
            if lines.count == maxLines - 1 {
                // The last line takes the rest, shortened if need be.
                if let last = try fit(words.joined(separator: " "), style, maxWidth: maxWidth) { lines.append(last) }
                return lines
            }
            var line = words.removeFirst()
            if try width(line, style) > maxWidth {
                guard let cut = try fit(line, style, maxWidth: maxWidth) else { return lines }
                lines.append(cut)
                continue
            }
            while let next = words.first, try width(line + " " + next, style) <= maxWidth {
                line += " " + next
                words.removeFirst()
            }
            // The break itself separates: no line ends or starts with a lone " · ".
            if line.hasSuffix(" ·"), line.count > 2 { line.removeLast(2) }
            if words.first == "·" { words.removeFirst() }
            lines.append(line)
        }
        return lines
    }

    /// The first `keep` characters, trailing spaces and punctuation dropped, then `…`.
    func ellipsized(_ chars: [Character], keep: Int) -> String {
        var s = String(chars.prefix(keep))
        while let l = s.last, l == " " || l == "," || l == ";" || l == ":" || l == "-" || l == "(" { s.removeLast() }
        return s + "…"
    }

    /// Horizontal alignment of a placed text.
    public enum Align: Sendable { case left, center, right }
    /// What the y coordinate of a placed text names.
    public enum VAlign: Sendable { case top, middle, bottom }

    /// A text mark whose line box is anchored at (`x`, `y`) as `align`/`valign` say.
    public func place(
        _ text: String, _ style: TextStyle, x: Double, y: Double, align: Align = .left,
        valign: VAlign = .top, role: TextRole
    ) throws(RenderError) -> TextMark {
        let w = try width(text, style)
        let m = try lineMetrics(style)
        let h = m.ascent + m.descent
        let left: Double
        switch align {
        case .left: left = x
        case .center: left = x - w / 2
        case .right: left = x - w
        }
        let top: Double
        switch valign {
        case .top: top = y
        case .middle: top = y - h / 2
        case .bottom: top = y - h
        }
        let box = ChartRect(x: left, y: top, width: w, height: h)
        return TextMark(text: text, style: style, box: box, origin: ChartPoint(x: left, y: top + m.ascent), role: role)
    }

    /// A text mark turned a quarter counter-clockwise (reading upward), centred on (`cx`, `cy`).
    public func placeVertical(
        _ text: String, _ style: TextStyle, cx: Double, cy: Double,
        role: TextRole
    ) throws(RenderError) -> TextMark {
        let w = try width(text, style)
        let m = try lineMetrics(style)
        let h = m.ascent + m.descent
        let box = ChartRect(x: cx - h / 2, y: cy - w / 2, width: h, height: w)
        // Turned text grows upward from its origin; glyph tops point left of the baseline.
        return TextMark(
            text: text, style: style, box: box, origin: ChartPoint(x: box.minX + m.ascent, y: box.maxY),
            angle: Double.pi / 2, role: role)
    }
}
