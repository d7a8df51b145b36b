import CHPDF

/// The briefing sheet to print: its pages on A4, drawn from the same plans as the PNG pages,
/// with real (selectable, searchable) text in the sheet's DejaVu fonts and the month's chart as
/// an image in its slot. libharu writes no date and no ID unless asked: the same pages give
/// the same bytes.
public enum BriefingPDF {
    /// A4 portrait in points; the sheet's 1240 × 1754 px are A4 at 150 dpi.
    static let pageWidth = 595.276, pageHeight = 841.89

    /// The PDF of `pages`, each with the chart drawn in its slot (nil for none).
    public static func document(_ pages: [(page: SheetPage, chart: ChartPlan?)], fonts: FontSet) throws(RenderError) -> [UInt8] {
        guard let pdf = HPDF_New(nil, nil) else { throw .invalidInput("libharu could not start a PDF document") }
        defer { HPDF_Free(pdf) }
        func check(_ status: HPDF_STATUS, _ what: String) throws(RenderError) {
            guard status == HPDF_OK else {
                throw .invalidInput("libharu failed to \(what) (error 0x\(String(HPDF_GetError(pdf), radix: 16)))")
            }
        }
        try check(HPDF_SetCompressionMode(pdf, UInt32(HPDF_COMP_ALL)), "set compression")
        try check(HPDF_UseUTFEncodings(pdf), "use UTF-8")
        // The fonts embedded (subset-free, as libharu does): the text is the sheet's, letter for letter.
        guard let regularName = HPDF_LoadTTFontFromFile(pdf, fonts.regular, HPDF_TRUE),
            let boldName = HPDF_LoadTTFontFromFile(pdf, fonts.bold, HPDF_TRUE),
            let regular = HPDF_GetFont(pdf, regularName, "UTF-8"), let bold = HPDF_GetFont(pdf, boldName, "UTF-8")
        else {
            throw .invalidInput("libharu could not load the fonts \(fonts.regular) and \(fonts.bold)")
        }
        for (sheet, chart) in pages {
            guard let page = HPDF_AddPage(pdf) else { try check(HPDF_GetError(pdf), "add a page"); continue }
            try check(HPDF_Page_SetWidth(page, Float(pageWidth)), "size a page")
            try check(HPDF_Page_SetHeight(page, Float(pageHeight)), "size a page")
            let k = pageWidth / Double(sheet.chart.width)
            // Sheet pixels (y down) to PDF points (y up).
            func x(_ v: Double) -> Float { Float(v * k) }
            func y(_ v: Double) -> Float { Float(pageHeight - v * k) }
            func fill(_ c: RGBA) { HPDF_Page_SetRGBFill(page, Float(c.red) / 255, Float(c.green) / 255, Float(c.blue) / 255) }
            func stroke(_ c: RGBA, _ width: Double) {
                HPDF_Page_SetRGBStroke(page, Float(c.red) / 255, Float(c.green) / 255, Float(c.blue) / 255)
                HPDF_Page_SetLineWidth(page, Float(width * k))
            }
            // Colours go before a path (PDF allows none inside one); the path is then filled and/or stroked.
            func colours(_ f: RGBA?, _ s: RGBA?, _ t: Double) {
                if let f { fill(f) }
                if let s { stroke(s, t) }
            }
            func paint(_ f: RGBA?, _ s: RGBA?) {
                if f != nil && s != nil { HPDF_Page_FillStroke(page) } else if f != nil { HPDF_Page_Fill(page) } else { HPDF_Page_Stroke(page) }
            }
            fill(sheet.chart.background)
            HPDF_Page_Rectangle(page, 0, 0, Float(pageWidth), Float(pageHeight))
            HPDF_Page_Fill(page)
            for mark in sheet.chart.marks {
                switch mark {
                case let .rect(r, c):
                    fill(c)
                    HPDF_Page_Rectangle(page, x(r.minX), y(r.maxY), Float(r.width * k), Float(r.height * k))
                    HPDF_Page_Fill(page)
                case let .outline(r, c, t):
                    stroke(c, t)
                    HPDF_Page_Rectangle(page, x(r.minX), y(r.maxY), Float(r.width * k), Float(r.height * k))
                    HPDF_Page_Stroke(page)
                case let .line(points, c, t, _):
                    guard let first = points.first else { continue }
                    stroke(c, t)
                    HPDF_Page_MoveTo(page, x(first.x), y(first.y))
                    for p in points.dropFirst() { HPDF_Page_LineTo(page, x(p.x), y(p.y)) }
                    HPDF_Page_Stroke(page)
                case let .circle(center, radius, f, s, t):
                    colours(f, s, t)
                    HPDF_Page_Circle(page, x(center.x), y(center.y), Float(radius * k))
                    paint(f, s)
                case let .polygon(points, f, s, t):
                    guard let first = points.first else { continue }
                    colours(f, s, t)
                    HPDF_Page_MoveTo(page, x(first.x), y(first.y))
                    for p in points.dropFirst() { HPDF_Page_LineTo(page, x(p.x), y(p.y)) }
                    HPDF_Page_ClosePath(page)
                    paint(f, s)
                case let .text(t):
                    // libgd draws at 72 dpi: a size in pixels is the em; its origin is the baseline's start.
                    fill(t.style.color)
                    try check(HPDF_Page_BeginText(page), "begin text")
                    try check(HPDF_Page_SetFontAndSize(page, t.style.bold ? bold : regular, Float(t.style.size * k)), "set a font")
                    if t.angle == 0 {
                        try check(HPDF_Page_TextOut(page, x(t.origin.x), y(t.origin.y), t.text), "write text")
                    } else {
                        let (c, s) = (Float(cosine(t.angle)), Float(sine(t.angle)))
                        try check(HPDF_Page_SetTextMatrix(page, c, s, -s, c, x(t.origin.x), y(t.origin.y)), "turn text")
                        try check(HPDF_Page_ShowText(page, t.text), "write text")
                    }
                    try check(HPDF_Page_EndText(page), "end text")
                }
            }
            // The chart, drawn by libgd as on the PNG page, as an image in its slot.
            if let chart, let slot = sheet.chartSlot {
                let png = try Painter.draw(chart, fonts: fonts).png()
                let image = png.withUnsafeBufferPointer { b in HPDF_LoadPngImageFromMem(pdf, b.baseAddress, HPDF_UINT(b.count)) }
                guard let image else { try check(HPDF_GetError(pdf), "embed the chart"); continue }
                try check(
                    HPDF_Page_DrawImage(
                        page, image, x(slot.minX), y(slot.minY + Double(chart.height)),
                        Float(Double(chart.width) * k), Float(Double(chart.height) * k)), "draw the chart")
            }
        }
        // A drawing call that failed left its error on the document.
        try check(HPDF_GetError(pdf), "draw a page")
        try check(HPDF_SaveToStream(pdf), "write the PDF")
        var size = HPDF_GetStreamSize(pdf)
        var bytes = [UInt8](repeating: 0, count: Int(size))
        try check(bytes.withUnsafeMutableBufferPointer { HPDF_ReadFromStream(pdf, $0.baseAddress, &size) }, "read the PDF back")
        return Array(bytes.prefix(Int(size)))
    }

    /// The file name beside the PNG pages.
    public static let fileName = "briefing.pdf"
}
