import NetraCore
import NetraText
import NetraAnalytics

/// One page of the briefing sheet as laid out: what is drawn, which events it lists, and
/// where the month's chart goes when the page has room for it.
public struct SheetPage: Sendable, HoldsChartPlan {
    /// Page number, from 1.
    public var number: Int
    /// The month the sheet briefs.
    public var month: Month
    /// Every mark but the chart's, in drawing order.
    public var chart: ChartPlan
    /// The month's events this page lists, in order.
    public var listed: [EventIndex]
    /// Where the month's chart is drawn (on the last page only, and only when it reads there).
    public var chartSlot: ChartRect?
    /// The chart drawn in the slot, once it is laid out.
    public var embedded: ChartPlan?

    public var textDump: String {
        chart.textDump + (embedded.map { "chart at \(chartSlot.map { "\($0.minX),\($0.minY)" } ?? "")\n" + $0.textDump } ?? "")
    }
}

/// The briefing sheet: pages of 1240 × 1754 (A4 portrait at 150 dpi), made to be forwarded to a
/// chat group and read fit to a phone's width (about 390 CSS px, so 35 px here is 11 px
/// there): a headline that says what happened, the day it stands on, key figures, every event
/// of the month with its date and source — incidents and decisions first, continued on more
/// pages rather than cut — and the month's chart when it has room to be read.
public enum BriefingSheet {
    public static let width = 1240
    public static let height = 1754
    /// No text on the sheet is smaller (the phone rule).
    public static let smallestText = 36.0
    /// The most pages a sheet has: a month of thousands of events (a generated dataset) is
    /// listed up to here, the rest counted by kind.
    public static let maxPages = 12
    /// The least height the month's chart is drawn at, whatever its plot: below it a title,
    /// legend and month names leave no plot to speak of.
    public static let chartMinHeight = 420.0
    /// The least height of the chart's plot for it to be read (five ticks of 36 px type): where the room left after the
    /// events gives less, the chart gets a page of its own (within `maxPages`).
    public static let plotMinHeight = 150.0
    /// Line spacing as a share of a line's height (accents to descenders): close enough to
    /// fill a page, open enough to read at 11 CSS px.
    static let leading = 1.06

    static let margin = 56.0
    /// The width of the month chart's slot: the text's width and a little of the margins.
    public static let chartWidth = Double(width) - 2 * margin + 32
    static let ink = RGBA(hex: 0x1A1A1A)
    static let muted = RGBA(hex: 0x4D4D4D)
    static let band = RGBA(hex: 0x16324F)
    static let bandText = RGBA(hex: 0xDCE6F0)
    static let tile = RGBA(hex: 0xF1F4F7)
    static let rule = RGBA(hex: 0xC8CDD3)

    /// The sheet's type: sizes in pixels at 1240 wide, none under `smallestText`.
    struct Sizes {
        let headline = TextStyle(size: 54, bold: true, color: .white)
        let subtitle = TextStyle(size: 36, color: bandText)
        let continued = TextStyle(size: 40, bold: true, color: .white)
        let figure = TextStyle(size: 76, bold: true, color: ink)
        let figureLabel = TextStyle(size: 36, bold: true, color: ink)
        let figureNote = TextStyle(size: 36, color: muted)
        let heading = TextStyle(size: 44, bold: true, color: ink)
        let when = TextStyle(size: 36, bold: true, color: ink)
        let title = TextStyle(size: 40, color: ink)
        let source = TextStyle(size: 36, color: muted)
        let footer = TextStyle(size: 36, color: muted)
        let office = TextStyle(size: 36, bold: true, color: bandText)
    }

    /// Lays out every page (text only: the chart is laid out into its slot when drawn).
    /// `office` (whose briefing it is) heads every page; nil for none. `plotHeight` gives the
    /// height of the month chart's plot when laid out `height` px tall (nil: the chart is taken
    /// to read at `chartMinHeight` + 140).
    public static func layout(
        _ a: Analysis, figures f: BriefingFigures, language lang: Language,
        fonts: FontSet, overdue: [String] = [], office: String? = nil,
        plotHeight: ((Double) throws(RenderError) -> Double)? = nil
    ) throws(RenderError) -> [SheetPage] {
        let footer = { (page: Int, pages: Int) in
            Strings.sheetPageFooter(page: page, of: pages, events: f.events.count, outlets: f.outlets).text(lang)
        }
        var book = Book(measurer: TextMeasurer(fonts: fonts), lang: lang, month: f.month, office: office.flatMap { $0.isEmpty ? nil : $0 })
        // The footer's room: its widest form (the page numbers at their longest).
        book.footerLines = try book.lines(footer(maxPages, maxPages), book.type.footer, width: book.inner, max: 2).lines.count
        // The fullest headline the band's three lines hold: the ruling and the new incidents,
        // then without the ruling (it leads the list below), then the counts alone.
        // Each is tried at the headline's size, then a little smaller (never under 44 px).
        let candidates = [headline(a, f, lang), headline(a, f, lang, withOutcome: false), headline(a, f, lang, withOutcome: false, titles: false)]
        var title = candidates[candidates.count - 1], style = book.type.headline
        search: for c in candidates {
            for size in [54.0, 48, 44] {
                var st = book.type.headline
                st.size = size
                if try book.lines(c, st, width: book.inner, max: 3).lines.last?.hasSuffix("…") != true {
                    title = c; style = st
                    break search
                }
            }
        }
        try book.masthead(
            headline: title, style: style,
            subtitle: (Strings.selection(a.dataset.selection, a.dataset).map { $0.text(lang) + " · " } ?? "")
                + Strings.sheetSubtitle(asOf: f.asOf).text(lang))
        try book.figures(keyFigures(a, f, lang))
        // The trend is of the month's activity; its tallies are listed, not counted.
        try book.paragraph(Strings.trendLine(f.trend).text(lang) + (f.tallies > 0 ? " · " + Strings.sheetTalliesApart(f.tallies).text(lang) : ""))
        // Reports past a legal limit (case clocks), when there are any.
        for line in overdue { try book.paragraph(line) }
        let d = a.dataset
        if f.events.isEmpty {
            try book.paragraph(Strings.noEvents(in: DateText.month(f.month, lang)).text(lang))
        }
        let (first, rest) = ordered(a, f)
        // Each group's heading goes with its first event. What became news this month comes
        // before the month's other events: the headline counts it among the new incidents.
        var queue: [(event: EventIndex, heading: String?)] = []
        for (heading, group) in [(Strings.sheetOutcomes, first), (Strings.sheetNewlyKnown, f.firstKnown), (Strings.sheetOthers, rest)] {
            for (n, k) in group.enumerated() { queue.append((k, n == 0 ? heading.text(lang) : nil)) }
        }
        var complete = true
        for (i, item) in queue.enumerated() {
            let placed = try book.event(
                item.event, lines: eventLines(a, f, item.event, lang),
                color: KindPalette.color(d.events.kinds[item.event]), heading: item.heading)
            if !placed {
                try book.paragraph(leftOut(a, queue[i...].map(\.event), lang))
                complete = false
                break
            }
        }
        // Events of the month known only after the day: named, not counted (rows of `full`).
        if complete {
            let heading = Strings.sheetKnownLater(after: DateText.short(f.asOf, lang)).text(lang)
            for (n, k) in f.knownLater.enumerated() {
                let lines = eventLines(a, a.full, f, k, lang, status: false)
                guard
                    try book.event(
                        k, lines: lines, color: KindPalette.color(a.full.events.kinds[k]),
                        heading: n == 0 ? heading : nil, counted: false)
                else { break }
            }
        }
        try book.chartSlot(emptyMonth: f.events.isEmpty) { (h: Double) throws(RenderError) -> Bool in
            guard h >= chartMinHeight else { return false }
            guard let plotHeight else { return h >= chartMinHeight + 140 }
            return try plotHeight(h) >= plotMinHeight
        }
        return try book.finish(footer: footer)
    }

    /// Draws one page, with `chart` (laid out at its slot's size) in the slot.
    public static func render(_ page: SheetPage, chart: ChartPlan?, fonts: FontSet) throws(RenderError) -> RenderedChart<SheetPage> {
        try laidOut(page, chart: chart, fonts: fonts).rendered()
    }

    /// One page with `chart` (laid out at its slot's size) set in the slot, drawn when its PNG
    /// is asked for.
    public static func laidOut(_ page: SheetPage, chart: ChartPlan?, fonts: FontSet) -> LaidOutChart<SheetPage> {
        var page = page
        if let chart, page.chartSlot != nil { page.embedded = chart }
        return LaidOutChart(plan: page) { (page: SheetPage) throws(RenderError) -> [UInt8] in
            let image = try Painter.draw(page.chart, fonts: fonts)
            if let chart, let slot = page.chartSlot {
                try Painter.draw(chart, on: image, at: (Int(slot.minX), Int(slot.minY)), fonts: fonts)
            }
            return try image.png()
        }
    }

    /// The file name of page `n` (from 1): `briefing-sheet.png`, then `briefing-sheet-2.png`, ….
    public static func fileName(page n: Int) -> String { n == 1 ? "briefing-sheet.png" : "briefing-sheet-\(n).png" }

    /// The headline: the month and its story — its latest ruling (a decision that set a
    /// status, or a sanction) and the incidents that became news in it; else what kind of
    /// month it was. A month with no new incident does not say "0". `withOutcome` false
    /// leaves the ruling out, `titles` false a lone new incident's title (for the band).
    public static func headline(_ a: Analysis, _ f: BriefingFigures, _ lang: Language, withOutcome: Bool = true, titles: Bool = true) -> String {
        let d = a.dataset
        let outcome = withOutcome ? f.latestRuling : nil
        let onlyIncident = titles && f.newIncidentsReported.count == 1 && outcome == nil ? f.newIncidentsReported.first : nil
        return Strings.sheetHeadline(
            month: DateText.month(f.month, lang), outcome: outcome.map { d.events[$0].title(lang) },
            activity: f.total, tallies: f.tallies, preventionOnly: f.preventionOnly,
            newIncidents: f.newIncidentsReported.count,
            incidentTitle: onlyIncident.map { d.events[$0].title(lang) }
        ).text(lang)
    }

    /// What a month too big for `maxPages` pages leaves off, counted by kind, most first.
    static func leftOut(_ a: Analysis, _ left: [EventIndex], _ lang: Language) -> String {
        let parts = BriefingFigures.byKind(left, a.dataset.events)
            .map { "\(NumberFormat.number($0.count, lang)) \(Strings.kind($0.kind).text(lang).lowercased())" }
        return Strings.sheetLeftOut(NumberFormat.number(left.count, lang), kinds: parts.joined(separator: ", "), pages: maxPages).text(lang)
    }

    /// The month's events: incidents, rulings and sanctions first (a registration is no
    /// ruling), then the rest, each by date.
    public static func ordered(_ a: Analysis, _ f: BriefingFigures) -> (first: [EventIndex], rest: [EventIndex]) {
        let events = a.dataset.events
        func leads(_ k: EventIndex) -> Bool {
            (events.kinds[k].family == .incident || events.kinds[k].rules) && !events.isRegistration(k)
        }
        return (f.events.filter(leads), f.events.filter { !leads($0) })
    }

    /// An event's three parts: when, what and where; its title; status, lead and source.
    static func eventLines(_ a: Analysis, _ f: BriefingFigures, _ k: EventIndex, _ lang: Language) -> EventLines {
        eventLines(a, a.dataset, f, k, lang, status: true)
    }

    /// The lines of event `k` of `d` (the analysis' dataset, or `full` for an event known only
    /// later, which gets no status: it was not known on the day).
    static func eventLines(
        _ a: Analysis, _ d: Dataset, _ f: BriefingFigures, _ k: EventIndex, _ lang: Language,
        status showStatus: Bool
    ) -> EventLines {
        let e = d.events[k]
        let kind = Strings.kind(of: d.events, k).text(lang), place = d.jurisdictions[e.jurisdiction].name
        let when = [DateText.event(e.date, lang), kind, place].joined(separator: " · ")
        // `22 Nov 2023 · Arahan · Kab. Bekasi` rather than a second line.
        let whenShort = [
            [DateText.event(e.date, lang, short: true), kind, place].joined(separator: " · "),
            [DateText.event(e.date, lang, short: true), kind, Strings.mapShortName(place)].joined(separator: " · ")
        ]
        // The source's day in full, and short (`4 Jan 2024`) for when the full one takes a line more.
        var source = StringKey.sourcePrefix.text(lang) + e.source, sourceShort = source
        if let day = e.sourceDate {
            source += ", " + DateText.long(day, lang)
            sourceShort += ", " + DateText.short(day, lang)
        }
        // An incident's status as of the day; a ruling's or sanction's, the one it set.
        let status = !showStatus ? nil : e.kind.family == .incident ? a.statusAsOf[k] : e.kind.rules ? e.status : nil
        var lead: [String] = []
        if showStatus, let phrase = f.leadPhrase(a, k) { lead.append(phrase.text(lang)) }
        if let st = status { lead.append((e.kind == .incident ? Strings.sheetStatus(st) : Strings.sheetStatusSet(st)).text(lang)) }
        return EventLines(
            when: when, whenShort: whenShort, title: e.title(lang),
            source: (lead + [source]).joined(separator: " · "), sourceShort: (lead + [sourceShort]).joined(separator: " · "))
    }

    /// An event's lines: when, what and where (with the month's short name too, for when the
    /// long one would take two lines); its title; status, lead and source.
    struct EventLines {
        var when: String
        /// Shorter forms of `when`, tried in order when it takes two lines.
        var whenShort: [String]
        var title, source: String
        /// `source` with the source's day short.
        var sourceShort: String
    }

    /// Six tiles: value, label, and a short note.
    public static func keyFigures(_ a: Analysis, _ f: BriefingFigures, _ lang: Language) -> [(value: String, label: String, note: String)] {
        let d = a.dataset
        func say(_ key: StringKey) -> String { key.text(lang) }
        func count(_ n: Int) -> String { NumberFormat.number(n, lang) }
        // Activity leaves case tallies out: they are snapshots of others' counts.
        let change = f.total - f.previousTotal
        let activityNote =
            change == 0
            ? say(.sameAsLastMonth)
            : (change > 0 ? "▲ +\(NumberFormat.number(change, lang)) " : "▼ \(NumberFormat.number(change, lang)) ") + say(.fromLastMonth)
        // The month's new incidents are those that became news in it; the note says their
        // status and whether they also happened in the month.
        var incidentNote: [String] = []
        for s in CaseStatus.allCases {
            if let n = f.newIncidentsByStatus[s], n > 0 { incidentNote.append("\(n) \(Strings.status(s).text(lang).lowercased())") }
        }
        if !f.newIncidentsReported.isEmpty {
            incidentNote.append(Strings.sheetAlsoHappened(f.reportedAndOccurred.count, of: f.newIncidentsReported.count).text(lang))
        }
        var election = ("—", say(.nextElection), say(.noElectionAhead))
        if let (e, n) = f.nextElection {
            election = (
                "\(n)", Strings.daysTo(d.elections[e].name).text(lang),
                (f.asOf == f.month.lastDay ? say(.fromMonthEnd) : Strings.fromDay(DateText.short(f.asOf, lang)).text(lang))
                    + DateText.short(d.elections[e].date, lang)
            )
        }
        // A median needs three values: fewer are shown as they are, and said so.
        func lead(_ m: MedianOrValues, median: StringKey, plain: Phrase) -> (String, String, String) {
            (NumberFormat.typical(m, lang), m.median != nil ? say(median) : plain.text(lang), Strings.sheetIncidentsSoFar(m.n).text(lang))
        }
        // Unknown is not zero: no pledge with a number gives "—"; pledges without one make
        // the sum a lower bound, said with the reason.
        let signed: (String, String, String)
        if let n = f.signatoriesSoFar {
            signed =
                f.signatoriesComplete
                ? (count(n), say(.pledgeSignatories), say(.totalSoFar))
                : (
                    "≥ " + count(n), say(.pledgeSignatories),
                    Strings.atLeast(count(n)).text(lang) + ": " + Strings.uncountedPledges(f.uncountedPledges).text(lang)
                )
        } else {
            signed = ("—", say(.pledgeSignatories), say(.unknown))
        }
        return [
            (count(f.total), say(.eventsThisMonth), activityNote),
            (count(f.newIncidentsReported.count), say(.newIncidents), incidentNote.joined(separator: " · ")),
            lead(f.firstResponse, median: .medianDaysToResponse, plain: Strings.daysToResponse),
            lead(f.firstReport, median: .medianDaysToReport, plain: Strings.daysToReport),
            (election.0, election.1, election.2),
            signed
        ]
    }
}

/// The pages as they fill: a cursor that moves down and starts a new page when a block does
/// not fit above the footer.
private struct Book {
    let measurer: TextMeasurer
    let lang: Language
    let month: Month
    /// Whose briefing it is, at the top of every page's band.
    let office: String?
    let type = BriefingSheet.Sizes()
    var pages: [(marks: [Mark], listed: [EventIndex], slot: ChartRect?)] = []
    var marks: [Mark] = []
    var listed: [EventIndex] = []
    var y = 0.0
    /// Lowest y a block may reach: above the footer (two lines) on every page.
    var bottom = 0.0

    let m = BriefingSheet.margin
    var inner: Double { Double(BriefingSheet.width) - 2 * m }

    init(measurer: TextMeasurer, lang: Language, month: Month, office: String? = nil) {
        self.measurer = measurer; self.lang = lang; self.month = month; self.office = office
    }

    /// The office's name, up to two lines, and its height with the gap under it (0 for none).
    func officeLines() throws(RenderError) -> (lines: Lines, height: Double) {
        guard let office else { return (Lines(lines: [], step: 0), 0) }
        let o = try lines(office, type.office, width: inner, max: 2)
        return (o, o.height + 6)
    }

    /// Lines of text and the height each takes with its leading.
    struct Lines {
        var lines: [String]
        var step: Double
        var height: Double { Double(lines.count) * step }
    }

    /// `text` at `style`, wrapped into at most `max` lines of `width`.
    func lines(_ text: String, _ style: TextStyle, width: Double, max: Int) throws(RenderError) -> Lines {
        Lines(lines: try measurer.wrap(text, style, maxWidth: width, maxLines: max), step: (try measurer.lineHeight(style) * BriefingSheet.leading).rounded())
    }

    mutating func place(_ ls: [String], _ style: TextStyle, x: Double, step: Double, role: TextRole) throws(RenderError) {
        for l in ls {
            marks.append(.text(try measurer.place(l, style, x: x, y: y, role: role)))
            y += step
        }
    }

    /// How many lines the footer takes (one or two).
    var footerLines = 2

    /// Where every page's footer rule goes: room for the footer's lines above the bottom margin.
    func footerRule() throws(RenderError) -> Double {
        Double(BriefingSheet.height) - m * 0.6 - Double(footerLines) * (try measurer.lineHeight(type.footer) * BriefingSheet.leading).rounded() - 8
    }

    mutating func startPage() throws(RenderError) {
        marks = []; listed = []
        bottom = try footerRule() - 8
    }

    mutating func endPage(slot: ChartRect? = nil) {
        pages.append((marks, listed, slot))
    }

    /// The first page's band: headline (up to three lines) and the day it stands on.
    mutating func masthead(headline: String, style: TextStyle, subtitle: String) throws(RenderError) {
        try startPage()
        let h = try lines(headline, style, width: inner, max: 3)
        let s = try lines(subtitle, type.subtitle, width: inner, max: 2)
        let o = try officeLines()
        let textH: Double = o.height + h.height + s.height
        let bandH: Double = 36 + textH + 8 + 24
        marks.append(.rect(ChartRect(x: 0, y: 0, width: Double(BriefingSheet.width), height: bandH), fill: BriefingSheet.band))
        y = 40
        try place(o.lines.lines, type.office, x: m, step: o.lines.step, role: .header)
        y += o.height - o.lines.height
        try place(h.lines, style, x: m, step: h.step, role: .title)
        y += 8
        try place(s.lines, type.subtitle, x: m, step: s.step, role: .subtitle)
        y = bandH + 22
    }

    /// A page after the first: a slim band naming the month, continued.
    mutating func continuation() throws(RenderError) {
        endPage()
        try startPage()
        let c = try lines(Strings.sheetContinued(month: DateText.month(month, lang)).text(lang), type.continued, width: inner, max: 1)
        let o = try officeLines()
        let bandH = 28 + o.height + c.step + 20
        marks.append(.rect(ChartRect(x: 0, y: 0, width: Double(BriefingSheet.width), height: bandH), fill: BriefingSheet.band))
        y = 28
        try place(o.lines.lines, type.office, x: m, step: o.lines.step, role: .header)
        y += o.height - o.lines.height
        try place(c.lines, type.continued, x: m, step: c.step, role: .subtitle)
        y = bandH + 28
    }

    /// Key figures in three columns: a large value, its label and a note.
    mutating func figures(_ tiles: [(value: String, label: String, note: String)]) throws(RenderError) {
        let gap = 18.0, pad = 16.0, columns = 3
        let tileW = ((inner - Double(columns - 1) * gap) / Double(columns)).rounded(.down)
        var k = 0
        while k < tiles.count {
            let row = Array(tiles[k..<min(k + columns, tiles.count)])
            var parts: [(v: String, style: TextStyle, l: Lines, n: Lines)] = []
            let vStep = (try measurer.lineHeight(type.figure) * 1.05).rounded()
            for t in row {
                // A figure is never cut: a long one (3,714,205 signatories) is set smaller.
                var style = type.figure
                while style.size > type.figureLabel.size, try measurer.width(t.value, style) > tileW - 2 * pad { style.size -= 4 }
                let l = try lines(t.label, type.figureLabel, width: tileW - 2 * pad, max: 3)
                let n = try lines(t.note, type.figureNote, width: tileW - 2 * pad, max: 3)
                parts.append((t.value, style, l, n))
            }
            let textH: Double = parts.map { $0.l.height + $0.n.height }.max() ?? 0
            let tileH: Double = pad + vStep + textH + pad
            let top = y
            for (c, p) in parts.enumerated() {
                let x = m + Double(c) * (tileW + gap)
                marks.append(.rect(ChartRect(x: x, y: top, width: tileW, height: tileH), fill: BriefingSheet.tile))
                y = top + pad
                // Smaller figures sit on the same baseline as their neighbours.
                let ascent = try measurer.lineMetrics(type.figure).ascent - measurer.lineMetrics(p.style).ascent
                y += ascent
                try place([p.v], p.style, x: x + pad, step: vStep - ascent, role: .value)
                try place(p.l.lines, type.figureLabel, x: x + pad, step: p.l.step, role: .label)
                try place(p.n.lines, type.figureNote, x: x + pad, step: p.n.step, role: .note)
            }
            y = top + tileH + gap
            k += columns
        }
    }

    mutating func paragraph(_ text: String) throws(RenderError) {
        let p = try lines(text, type.title, width: inner, max: 3)
        try place(p.lines, type.title, x: m, step: p.step, role: .note)
        y += 12
    }

    /// One event: a bar of its kind's colour beside when/what/where, its title, status and source.
    /// A group's `heading` goes with its first event, never alone at a page's foot. False when
    /// the event would need a page beyond `maxPages` (room is kept there for what is left).
    mutating func event(
        _ k: EventIndex, lines parts: BriefingSheet.EventLines, color: RGBA,
        heading: String?, counted: Bool = true
    ) throws(RenderError) -> Bool {
        let x = m + 30, width = inner - 30
        var w = try lines(parts.when, type.when, width: width, max: 2)
        for form in parts.whenShort where w.lines.count > 1 {
            if case let short = try lines(form, type.when, width: width, max: 2), short.lines.count == 1 { w = short }
        }
        let t = try lines(parts.title, type.title, width: width, max: 3)
        var s = try lines(parts.source, type.source, width: width, max: 3)
        if s.lines.count > 1, case let short = try lines(parts.sourceShort, type.source, width: width, max: 3), short.lines.count < s.lines.count { s = short }
        let h: Double = w.height + t.height + s.height
        let head = try heading.map { (t: String) throws(RenderError) in try lines(t, type.heading, width: inner, max: 1) }
        let need = y + h + (head.map { $0.height + 10 } ?? 0)
        let lastPage = pages.count + 1 == BriefingSheet.maxPages
        if lastPage, need + 3 * (try measurer.lineHeight(type.title) * BriefingSheet.leading).rounded() > bottom { return false }
        if need > bottom { try continuation() }
        if let head {
            try place(head.lines, type.heading, x: m, step: head.step, role: .header)
            y += 10
        }
        let top = y
        marks.append(.rect(ChartRect(x: m, y: top + 4, width: 10, height: h - 14), fill: color))
        try place(w.lines, type.when, x: x, step: w.step, role: .label)
        try place(t.lines, type.title, x: x, step: t.step, role: .label)
        try place(s.lines, type.source, x: x, step: s.step, role: .note)
        y = top + h + 18
        if counted { listed.append(k) }
        return true
    }

    /// The rest of the last page, for the month's chart when it is tall enough to read there
    /// (`reads`); else a page of its own.
    mutating func chartSlot(emptyMonth: Bool, reads: (Double) throws(RenderError) -> Bool) throws(RenderError) {
        // A month without events keeps its one page: the chart only if it fits there.
        func height(_ room: Double) -> Double { min(room, 1100).rounded(.down) }
        let fitsHere = try reads(height(bottom - y))
        if !emptyMonth && !fitsHere && pages.count + 1 < BriefingSheet.maxPages { try continuation() }
        let room = bottom - y
        let reads = try reads(height(room))
        let slot = reads ? ChartRect(x: m - 16, y: y, width: BriefingSheet.chartWidth, height: height(room)) : nil
        endPage(slot: slot)
    }

    /// The pages with their footers, now that their number is known.
    func finish(footer: (Int, Int) -> String) throws(RenderError) -> [SheetPage] {
        var out: [SheetPage] = []
        for (n, p) in pages.enumerated() {
            var marks = p.marks
            let ruleY = try footerRule()
            marks.append(.rect(ChartRect(x: 0, y: ruleY, width: Double(BriefingSheet.width), height: 2), fill: BriefingSheet.rule))
            let f = try lines(footer(n + 1, pages.count), type.footer, width: inner, max: 2)
            var y = ruleY + 16
            for l in f.lines {
                marks.append(.text(try measurer.place(l, type.footer, x: m, y: y, role: .footer)))
                y += f.step
            }
            out.append(
                SheetPage(
                    number: n + 1, month: month, chart: ChartPlan(width: BriefingSheet.width, height: BriefingSheet.height, marks: marks),
                    listed: p.listed, chartSlot: p.slot, embedded: nil))
        }
        return out
    }
}
