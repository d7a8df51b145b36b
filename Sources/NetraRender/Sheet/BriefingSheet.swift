import NetraCore
import NetraAnalytics

/// What the briefing sheet holds and where, for tests.
public struct BriefingSheetPlan: Sendable {
    public var width: Int
    public var height: Int
    /// Every text drawn, with its ink box.
    public var texts: [(text: String, box: ChartRect)]
    /// Where the two charts were placed.
    public var charts: [ChartRect]
    /// The charts drawn there, as laid out.
    public var chartPlans: [ChartPlan]
    /// Events of the month listed, and how many did not fit.
    public var listed: Int
    public var leftOut: Int
}

/// The one-page briefing: title and month, key figures as large numbers, two charts, and the
/// month's events with dates and sources. A4 portrait at 150 dpi (1240 × 1754), made to be
/// forwarded as one image and read on a phone.
public enum BriefingSheet {
    public static let width = 1240
    public static let height = 1754
    /// The sizes the two embedded charts are drawn at, so their text keeps its size on the sheet.
    public static let chartSizes = [(width: 1160, height: 400), (width: 1160, height: 520)]

    static let ink = RGBA(hex: 0x1A1A1A)
    static let muted = RGBA(hex: 0x555555)
    static let band = RGBA(hex: 0x16324F)
    static let tile = RGBA(hex: 0xF1F4F7)

    /// Draws the sheet; `charts` are plans laid out at `chartSizes`, drawn one under the other.
    public static func render(_ a: Analysis, figures f: BriefingFigures, charts: [ChartPlan],
                              language lang: Language, fonts: FontSet) throws(RenderError) -> RenderedChart<BriefingSheetPlan> {
        let img = try GDImage(width: width, height: height)
        img.clear(.white)
        var plan = BriefingSheetPlan(width: width, height: height, texts: [], charts: [], chartPlans: charts, listed: 0, leftOut: 0)
        let margin = 40
        let d = a.dataset

        func text(_ s: String, x: Int, y: Int, size: Double, bold: Bool = false, color: RGBA = ink, maxWidth: Int? = nil) throws(RenderError) -> Int {
            let font = bold ? fonts.bold : fonts.regular
            let fitted = try fit(s, font: font, size: size, maxWidth: maxWidth ?? (width - margin - x))
            let e = try GDImage.measure(fitted, font: font, size: size)
            try img.drawText(fitted, font: font, size: size, color: color, x: x, y: y)
            plan.texts.append((fitted, ChartRect(x: Double(x + e.left), y: Double(y - e.ascent), width: Double(e.width), height: Double(e.ascent + e.descent))))
            return e.width
        }

        // Title band.
        img.fillRect(x: 0, y: 0, width: width, height: 150, band)
        let title = Strings.briefingTitle(DateText.month(f.month, lang)).text(lang)
        _ = try text(title, x: margin, y: 72, size: 42, bold: true, color: .white)
        let subtitle = Strings.asOfPrefix(f.asOf, lang) + Strings.briefingSubtitle(datasetName(d)).text(lang)
        _ = try text(subtitle, x: margin, y: 118, size: 22, color: RGBA(hex: 0xDCE6F0))

        // Key figures: two rows of three tiles.
        let tiles = keyFigures(a, f, lang)
        let tileW = (width - 2 * margin - 2 * 20) / 3, tileH = 128
        for (k, t) in tiles.enumerated() {
            let x = margin + (k % 3) * (tileW + 20), y = 172 + (k / 3) * (tileH + 16)
            img.fillRect(x: x, y: y, width: tileW, height: tileH, tile)
            _ = try text(t.value, x: x + 20, y: y + 56, size: 44, bold: true, maxWidth: tileW - 40)
            _ = try text(t.label, x: x + 20, y: y + 90, size: 20, color: ink, maxWidth: tileW - 40)
            if !t.note.isEmpty { _ = try text(t.note, x: x + 20, y: y + 115, size: 17, color: muted, maxWidth: tileW - 40) }
        }

        // The two charts.
        var y = 172 + 2 * tileH + 16 + 18
        for chart in charts {
            try Painter.draw(chart, on: img, at: (margin, y), fonts: fonts)
            plan.charts.append(ChartRect(x: Double(margin), y: Double(y), width: Double(chart.width), height: Double(chart.height)))
            y += chart.height + 16
        }

        // The month's events.
        y += 26
        let heading = StringKey.sheetEventsHeading.text(lang)
        _ = try text(heading, x: margin, y: y, size: 26, bold: true)
        y += 36
        let footerTop = height - 56
        let rowH = 29
        if f.events.isEmpty {
            let none = Strings.noEvents(in: DateText.month(f.month, lang)).text(lang)
            _ = try text(none, x: margin, y: y, size: 21, color: muted)
        } else {
            let fits = max(0, (footerTop - 10 - y) / rowH)
            let shown = f.events.count <= fits ? f.events.count : max(0, fits - 1)
            for k in f.events.prefix(shown) {
                let e = d.events[k]
                img.fillEllipse(cx: Double(margin + 8), cy: Double(y - 7), rx: 7, ry: 7, KindPalette.color(e.kind))
                let when = DateText.event(e.date, lang, short: true)
                let w = try text(when, x: margin + 26, y: y, size: 18, bold: true, maxWidth: 240)
                let rest = "\(e.title.isEmpty ? e.id : e.title) — \(e.source)"
                _ = try text(rest, x: margin + 26 + max(w, 190) + 14, y: y, size: 18, maxWidth: width - margin - (margin + 26 + max(w, 190) + 14))
                y += rowH
            }
            plan.listed = shown
            plan.leftOut = f.events.count - shown
            if plan.leftOut > 0 {
                let more = Strings.moreEvents(plan.leftOut).text(lang)
                _ = try text(more, x: margin + 26, y: y, size: 19, color: muted)
            }
        }

        // Footer.
        img.fillRect(x: 0, y: footerTop, width: width, height: 1, RGBA(hex: 0xCCCCCC))
        let outlets = d.outletCount
        let footer = Strings.sheetFooter(events: d.events.count, outlets: outlets).text(lang)
        _ = try text(footer, x: margin, y: footerTop + 34, size: 17, color: muted)
        return RenderedChart(png: try img.png(), plan: plan)
    }

    /// Six tiles: value, label, and a short note.
    public static func keyFigures(_ a: Analysis, _ f: BriefingFigures, _ lang: Language) -> [(value: String, label: String, note: String)] {
        let d = a.dataset
        func say(_ key: StringKey) -> String { key.text(lang) }
        func count(_ n: Int) -> String { NumberFormat.number(n, lang, minus: "-") }
        let change = f.total - f.previousTotal
        let changeText = change == 0 ? say(.sameAsLastMonth)
            : (change > 0 ? "▲ +\(change) " : "▼ \(change) ") + say(.fromLastMonth)
        var statuses: [String] = []
        for s in CaseStatus.allCases {
            let n = f.newIncidents.filter { a.statusAsOf[$0] == s }.count
            if n > 0 { statuses.append("\(n) \(Strings.status(s).text(lang).lowercased())") }
        }
        var election = ("—", say(.noElectionAhead), "")
        if let (e, n) = f.nextElection {
            election = ("\(n)", Strings.daysTo(d.elections[e].name).text(lang),
                        (f.asOf == f.month.lastDay ? say(.fromMonthEnd) : Strings.fromDay(DateText.short(f.asOf, lang)).text(lang))
                            + DateText.short(d.elections[e].date, lang))
        }
        return [
            (count(f.total), say(.eventsThisMonth), changeText),
            (count(f.newIncidents.count), say(.newIncidents), statuses.joined(separator: ", ")),
            (NumberFormat.median(f.medianFirstResponse, lang), say(.medianDaysToResponse), say(.incidentsSoFar)),
            (NumberFormat.median(f.medianFirstReport, lang), say(.medianDaysToReport), say(.incidentsSoFar)),
            (election.0, election.1, election.2),
            // Unknown is not zero: no pledge with a number gives "—", said in words beneath.
            (f.signatoriesSoFar.map(count) ?? "—", say(.pledgeSignatories), f.signatoriesSoFar == nil ? say(.unknown) : say(.totalSoFar)),
        ]
    }

    static func datasetName(_ d: Dataset) -> String {
        d.name.split(separator: "/").last.map(String.init) ?? "dataset"
    }

    /// `s` as it fits in `maxWidth`, shortened with an ellipsis when it does not.
    static func fit(_ s: String, font: String, size: Double, maxWidth: Int) throws(RenderError) -> String {
        let flat = String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        if try GDImage.measure(flat, font: font, size: size).width <= maxWidth { return flat }
        var chars = Array(flat)
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if try GDImage.measure(String(chars[..<mid]) + "…", font: font, size: size).width <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        chars = Array(chars[..<lo])
        while let l = chars.last, l == " " || l == "," { chars.removeLast() }
        return String(chars) + "…"
    }
}
