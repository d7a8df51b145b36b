import Testing
import NetraCore
import NetraRender

/// The colour at a plan position in a rendered PNG (libgd reads it back).
func pixel(_ png: [UInt8], _ x: Double, _ y: Double) throws -> RGBA {
    let img = try GDImage(png: png)
    return try #require(img.pixel(x: Int(x.rounded(.down)), y: Int(y.rounded(.down))))
}

/// Checks what every chart promises: text inside the canvas, no two texts overlapping,
/// a title of at least 30 px and no text under 16 px (at 1600 wide, scale 1).
func expectReadable(_ plan: ChartPlan, scale: Double = 1, sourceLocation: SourceLocation = #_sourceLocation) {
    let texts = plan.texts
    #expect(texts.contains { $0.role == .title && $0.style.size >= 30 * scale }, sourceLocation: sourceLocation)
    #expect(texts.contains { $0.role == .footer && ($0.text.contains("Sumber:") || $0.text.contains("Source:")) }, sourceLocation: sourceLocation)
    for t in texts {
        #expect(t.style.size >= 16 * scale, "\(t.text) is \(t.style.size) px", sourceLocation: sourceLocation)
        #expect(plan.canvas.contains(t.box), "\(t.text) at \(t.box) leaves the canvas", sourceLocation: sourceLocation)
    }
    for i in texts.indices {
        for j in texts.indices where i < j && texts[i].box.intersects(texts[j].box) {
            Issue.record("'\(texts[i].text)' \(texts[i].box) overlaps '\(texts[j].text)' \(texts[j].box)", sourceLocation: sourceLocation)
        }
    }
}
