/// A run of a plan's marks that links somewhere when clicked (a region of a map).
public struct SVGLink: Sendable, Hashable {
    /// The marks inside the link, in `ChartPlan.marks`.
    public var marks: Range<Int>
    /// Where it goes (already safe for a URL: the caller encodes it).
    public var href: String
    /// What a pointer over it shows, and what a screen reader says.
    public var title: String

    public init(marks: Range<Int>, href: String, title: String) {
        self.marks = marks; self.href = href; self.title = title
    }
}

extension SVGPainter {
    /// `plan` as inline SVG, with each of `links`' runs of marks wrapped in an `<a>` (runs in
    /// order, not overlapping; others are drawn unlinked).
    public static func svg(_ plan: ChartPlan, label: String, className: String, links: [SVGLink]) -> String {
        var out = "<svg class=\"\(Markup.text(className))\" viewBox=\"0 0 \(plan.width) \(plan.height)\" role=\"img\" aria-label=\"\(Markup.text(label))\" "
        out += "font-family=\"DejaVu Sans, Verdana, sans-serif\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<rect width=\"\(plan.width)\" height=\"\(plan.height)\"\(fill(plan.background))/>"
        var starts: [Int: SVGLink] = [:]
        for l in links where !l.marks.isEmpty && starts[l.marks.lowerBound] == nil { starts[l.marks.lowerBound] = l }
        var open: SVGLink?
        for (k, mark) in plan.marks.enumerated() {
            if let o = open, k >= o.marks.upperBound { out += "</a>"; open = nil }
            if open == nil, let l = starts[k] {
                out += "<a href=\"\(Markup.text(l.href))\"><title>\(Markup.text(l.title))</title>"
                open = l
            }
            out += element(mark)
        }
        if open != nil { out += "</a>" }
        out += "</svg>"
        return out
    }
}
