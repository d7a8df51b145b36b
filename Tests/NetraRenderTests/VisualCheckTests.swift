import Testing
import NetraCore
import NetraAnalytics
import NetraRender
import NetraLoad
import NetraWrite

/// Checks, by reading the PNG back, what a broken drawing would get wrong: the image has the
/// plan's size; each opaque text that nothing drawn later reaches has pixels of its colour in
/// its box; each opaque rectangle and filled circle that nothing drawn later reaches has its
/// colour at its centre.
func expectDrawn(_ png: [UInt8], _ plan: ChartPlan, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let img = try GDImage(png: png)
    #expect(img.width == plan.width && img.height == plan.height, sourceLocation: sourceLocation)
    // Whether a mark can leave ink within `pad` of the point (room for thickness and anti-aliasing).
    func reaches(_ m: Mark, _ p: ChartPoint, _ pad: Double) -> Bool {
        func nearSegment(_ a: ChartPoint, _ b: ChartPoint, _ r: Double) -> Bool {
            let dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy
            let t = length == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
            let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
            return x * x + y * y <= r * r
        }
        switch m {
        case let .rect(r, _): return r.expanded(by: 1 + pad).contains(p)
        case let .outline(r, _, t):
            return r.expanded(by: t + 2 + pad).contains(p) && !r.insetBy(dx: t + 2 + pad, dy: t + 2 + pad).contains(p)
        case let .line(ps, _, t, _):
            return zip(ps, ps.dropFirst()).contains { nearSegment($0, $1, t / 2 + 2 + pad) } || (ps.count == 1 && nearSegment(ps[0], ps[0], t + 2 + pad))
        case let .circle(c, radius, _, _, t): return nearSegment(c, c, radius + t + 2 + pad)
        case let .polygon(ps, _, _, t):
            let xs = ps.map(\.x), ys = ps.map(\.y)
            return ChartRect(minX: xs.min() ?? 0, minY: ys.min() ?? 0, maxX: xs.max() ?? 0, maxY: ys.max() ?? 0)
                .expanded(by: t + 2 + pad).contains(p)
        case let .text(t): return t.box.expanded(by: t.style.size / 2 + pad).contains(p)
        }
    }
    func reachedLater(_ i: Int, _ p: ChartPoint, _ pad: Double = 0) -> Bool {
        plan.marks[(i + 1)...].contains { reaches($0, p, pad) }
    }
    func expectColour(_ x: Double, _ y: Double, _ c: RGBA, _ what: String) {
        let p = img.pixel(x: Int(x), y: Int(y))
        #expect(
            p == c, "\(what) is \(p.map(\.description) ?? "outside the image") at its centre, not \(c)",
            sourceLocation: sourceLocation)
    }
    var texts = 0, shapes = 0
    for (i, m) in plan.marks.enumerated() {
        switch m {
        case let .text(t) where t.style.color.alpha == 255 && !t.text.trimmingSpaces.isEmpty:
            // A later mark anywhere near the box could hide the text: skip it then.
            let half = max(t.box.width, t.box.height) / 2
            guard !reachedLater(i, t.box.center, half) else { continue }
            let c = t.style.color
            let x0 = max(0, Int(t.box.minX)), x1 = min(img.width - 1, Int(t.box.maxX))
            let y0 = max(0, Int(t.box.minY)), y1 = min(img.height - 1, Int(t.box.maxY))
            var inked = false
            search: for y in stride(from: y0, through: y1, by: 1) {
                for x in stride(from: x0, through: x1, by: 1) {
                    guard let p = img.pixel(x: x, y: y) else { continue }
                    if abs(Int(p.red) - Int(c.red)) <= 24 && abs(Int(p.green) - Int(c.green)) <= 24
                        && abs(Int(p.blue) - Int(c.blue)) <= 24
                    {
                        inked = true; break search
                    }
                }
            }
            #expect(inked, "'\(t.text)' at \(t.box) has no pixel of its colour \(c)", sourceLocation: sourceLocation)
            texts += 1
        case let .rect(r, fill) where fill.alpha == 255 && r.width >= 3 && r.height >= 3:
            guard !reachedLater(i, r.center, 1) else { continue }
            expectColour(r.midX, r.midY, fill, "the rectangle \(r)")
            shapes += 1
        case let .circle(c, radius, fill?, _, thickness) where fill.alpha == 255 && radius >= 3 + thickness:
            guard !reachedLater(i, c, 1) else { continue }
            expectColour(c.x, c.y, fill, "the circle at \(c)")
            shapes += 1
        default: continue
        }
    }

    // Never a check of nothing: every chart has a title and some shape nothing covers.
    #expect(texts > 0 && shapes > 0, "only \(texts) texts and \(shapes) shapes checked", sourceLocation: sourceLocation)
}

/// Renders every chart, checks what was drawn, and writes it to `$NETRA_RENDER_CHECK` (when
/// set) for a person to look at.
@Suite struct VisualCheckTests {
    @Test func monthlyBars() throws {
        let d = try Fixtures.shipped()
        let all = try MonthlyBarsChart(d).render()
        Fixtures.keep(all.png, "monthly-id.png")
        let en = try MonthlyBarsChart(d, jurisdiction: d.jurisdictionIndex["kota-bekasi"]).render(options: ChartOptions(language: .en))
        Fixtures.keep(en.png, "monthly-kota-en.png")
        try expectDrawn(all.png, all.plan.chart)
        try expectDrawn(en.png, en.plan.chart)
    }
}

extension VisualCheckTests {
    @Test func timeline() throws {
        let d = try Fixtures.shipped()
        let t = try TimelineChart(d, graph: EventGraph(events: d.events)).render()
        Fixtures.keep(t.png, "timeline-id.png")
        let f = Fixtures.bekasi()
        let te = try TimelineChart(f, graph: EventGraph(events: f.events)).render(options: ChartOptions(language: .en))
        Fixtures.keep(te.png, "timeline-fixture-en.png")
        try expectDrawn(t.png, t.plan.chart)
        try expectDrawn(te.png, te.plan.chart)
    }
}

extension VisualCheckTests {
    @Test func comparison() throws {
        let d = try Fixtures.shipped()
        let a = d.jurisdictionIndex["kota-bekasi"] ?? 2, b = d.jurisdictionIndex["kabupaten-bekasi"] ?? 3
        let id = try ComparisonChart(Analysis(dataset: d), first: a, second: b).render()
        let en = try ComparisonChart(Analysis(dataset: d), first: a, second: b).render(options: ChartOptions(language: .en, scale: 2))
        Fixtures.keep(id.png, "comparison-id.png")
        Fixtures.keep(en.png, "comparison-en-2x.png")
        try expectDrawn(id.png, id.plan.chart)
        try expectDrawn(en.png, en.plan.chart)
        #expect(en.plan.chart.width == 3200 && en.plan.chart.height == 1800)
    }
}

extension VisualCheckTests {
    static func leadSeries(_ d: Dataset) -> [LeadTimeSeries] {
        // Prevention lead to Pemilu 2024 from each prevention event, per jurisdiction id.
        let pemilu = Fixtures.day(2024, 2, 14)
        var bins: [String: [String: [LeadTimeBin]]] = [:]
        var order: [(String, String)] = []
        func add(_ m: String, _ j: String, _ days: Int, _ exact: Bool) {
            if bins[m]?[j] == nil { order.append((m, j)) }
            bins[m, default: [:]][j, default: []].append(LeadTimeBin(day: days, exact: exact ? 1 : 0, inexact: exact ? 0 : 1))
        }
        for e in d.events where e.kind.isPrevention && e.date.anchor <= pemilu {
            add("prevention_lead", d.jurisdictions[e.jurisdiction].id, e.date.anchor.days(to: pemilu), e.date.isExact)
        }
        for e in d.events {
            if let sd = e.sourceDate { add("reporting_lag", d.jurisdictions[e.jurisdiction].id, e.date.anchor.days(to: sd), e.date.isExact) }
        }
        return order.map { LeadTimeSeries(measure: $0.0, jurisdiction: $0.1, bins: bins[$0.0]?[$0.1] ?? []) }
    }

    @Test func leadTimesAndCases() throws {
        let d = try Fixtures.shipped()
        let lead = try LeadTimesChart(Self.leadSeries(d), dataset: d).render()
        let cases = try CasesChart(d).render(), casesEN = try CasesChart(d).render(options: ChartOptions(language: .en))
        Fixtures.keep(lead.png, "leadtimes-id.png")
        Fixtures.keep(cases.png, "cases-id.png")
        Fixtures.keep(casesEN.png, "cases-en.png")
        try expectDrawn(lead.png, lead.plan.chart)
        try expectDrawn(cases.png, cases.plan.chart)
        try expectDrawn(casesEN.png, casesEN.plan.chart)
    }
}

extension VisualCheckTests {
    static func synthetic(_ n: Int) throws -> Dataset {
        let f = SyntheticDataset.make(events: n, seed: 7)
        return try DatasetLoader.load(
            jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections),
            events: ("ev", f.events), name: "synthetic-\(n)")
    }

    @Test func largeSynthetic() throws {
        let d = try Self.synthetic(50_000)
        let t = try TimelineChart(d, graph: EventGraph(events: d.events)).render()
        Fixtures.keep(t.png, "timeline-50k.png")
        #expect(t.plan.clustered)
        try expectDrawn(t.png, t.plan.chart)
        let monthly = try MonthlyBarsChart(d).render(), cases = try CasesChart(d).render()
        Fixtures.keep(monthly.png, "monthly-50k.png")
        Fixtures.keep(cases.png, "cases-50k.png")
        try expectDrawn(monthly.png, monthly.plan.chart)
        try expectDrawn(cases.png, cases.plan.chart)
        let small = try Self.synthetic(120)
        let timeline = try TimelineChart(small, graph: EventGraph(events: small.events)).render()
        Fixtures.keep(timeline.png, "timeline-120.png")
        try expectDrawn(timeline.png, timeline.plan.chart)
    }
}
