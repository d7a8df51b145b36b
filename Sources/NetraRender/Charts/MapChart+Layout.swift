import NetraCore
import NetraText
import NetraAnalytics

extension MapChart {
    /// A region of the map's subject before layout.
    struct Subject {
        var kode: String
        var shape: BoundaryShape
        var name: String
        var jurisdiction: JurisdictionIndex?
        var value: Int?
    }

    /// The regions the map shades and the shapes drawn around them for context.
    func gather() -> (subject: [Subject], context: [BoundaryShape]) {
        let layer: BoundaryLayer
        let inArea: (String) -> Bool
        switch area {
        case let .province(p):
            layer = Boundaries.kabkota
            inArea = { $0.hasPrefix(p + ".") }
        case .provinces:
            layer = Boundaries.provinsi
            inArea = { _ in true }
        case .kabkota:
            layer = Boundaries.kabkota
            inArea = { _ in true }
        }
        var subject: [Subject] = []
        var context: [BoundaryShape] = []
        for kode in layer.codes {
            guard let shape = layer[kode] else { continue }
            guard inArea(kode) else { context.append(shape); continue }
            let j = join.jurisdiction[kode]
            let name = j.map { dataset.jurisdictions[$0].name } ?? Regions.region(kode: kode)?.name ?? kode
            // A region the dataset does not list has no figure, whatever the measure: unknown, not 0.
            let value = j.flatMap { values.values.indices.contains($0) ? values.values[$0] : nil }
            subject.append(Subject(kode: kode, shape: shape, name: name, jurisdiction: j, value: value))
        }
        return (subject, context)
    }

    /// The name of the map's area (`Jawa Barat`, `Indonesia`).
    func placeName() -> String {
        switch area {
        case let .province(p):
            if let j = join.jurisdiction[p] { return dataset.jurisdictions[j].name }
            return Regions.region(kode: p)?.name ?? p
        case .provinces, .kabkota: return "Indonesia"
        }
    }

    /// Classes a reader can count: 0 apart (it is not "no data"), then one class per figure
    /// when there are five or fewer, else up to five ranges of a nice width (1, 2 or 5 × 10ᵏ).
    static func classes(_ figures: [Int]) -> [MapClass] {
        var out: [MapClass] = []
        if figures.contains(where: { $0 <= 0 }) { out.append(MapClass(lower: figures.min() ?? 0, upper: 0, color: zeroColor)) }
        let positive = Set(figures.filter { $0 > 0 }).sorted()
        guard let top = positive.last else { return out }
        var bounds: [(Int, Int)] = []
        if positive.count <= ramp.count {
            bounds = positive.map { ($0, $0) }
        } else {
            var step = 1
            var k = 1
            while true {
                let candidates = [1, 2, 5].map { $0 * k }
                if let s = candidates.first(where: { (top + $0 - 1) / $0 <= ramp.count }) { step = s; break }
                k = k.multipliedReportingOverflow(by: 10).partialValue
                if k <= 0 || k > Int.max / 10 { step = max(1, top); break }
            }
            var lo = 1
            while lo <= top {
                let hi = lo == 1 ? step : lo + step - 1
                bounds.append((lo, hi))
                lo = hi + 1
            }
        }
        let n = bounds.count
        let picks: [Int]
        switch n {
        case 1: picks = [3]
        case 2: picks = [1, 4]
        case 3: picks = [0, 2, 4]
        case 4: picks = [0, 1, 3, 4]
        default: picks = Array(0..<min(n, ramp.count))
        }
        for (i, b) in bounds.enumerated() { out.append(MapClass(lower: b.0, upper: b.1, color: ramp[picks[min(i, picks.count - 1)]])) }
        return out
    }

    static func classIndex(_ v: Int, _ classes: [MapClass]) -> Int? {
        classes.firstIndex { v >= $0.lower && v <= $0.upper } ?? (classes.isEmpty ? nil : (v <= 0 ? 0 : classes.count - 1))
    }

    static func classLabel(_ c: MapClass, _ lang: Language) -> String {
        c.lower == c.upper ? NumberFormat.number(c.lower, lang) : NumberFormat.number(c.lower, lang) + "–" + NumberFormat.number(c.upper, lang)
    }

    /// Lays out the frame, fits the map into what is left (beside or above the ranked list),
    /// projects the shapes, places the labels and lists what has no room.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> MapPlan {
        let lang = ctx.lang, theme = ctx.theme, measurer = ctx.measurer, s = ctx.s
        let (subject, context) = gather()
        let figures = subject.compactMap(\.value)
        let classes = Self.classes(figures)
        let place = placeName()

        // Frame: a title that says who leads, what the colours are, the legend, the footer.
        var legendItems = classes.map { LegendItem(label: Self.classLabel($0, lang), color: $0.color, symbol: .square) }
        if subject.contains(where: { $0.value == nil }) { legendItems.append(LegendItem(label: Strings.mapNoData.text(lang), color: Self.noDataColor)) }
        if !context.isEmpty, case .province = area { legendItems.append(LegendItem(label: Strings.mapOutside.text(lang), color: Self.outsideColor)) }
        let title = headline(subject, place: place, lang)
        // "Including the areas under each" only where a shaded region has some.
        let within = subject.contains { r in r.jurisdiction.map { dataset.hasJurisdictions(under: $0) } ?? false }
        let subtitle = Strings.mapSubtitle(values.measure, values.month, within: within).text(lang)
        let footer = ChartText.sourceFooter(dataset, lang, outlets: footerOutlets(subject))
        let frame = try Frame.layout(
            FrameSpec(
                title: title, subtitle: subtitle, footer: footer, legend: legendItems,
                filter: ChartText.filterNote(dataset, lang)),
            theme: theme, measurer: measurer)
        var body = frame.body
        var tail: [Mark] = []

        // Under the map: the province's whole figure, and the jurisdictions that could not be
        // placed, named, never dropped.
        let unjoined = join.unjoined.filter { inScope($0.jurisdiction) }.map { dataset.jurisdictions[$0.jurisdiction].name }
        var notes: [String] = []
        if let total = provinceTotal(subject, lang) { notes.append(total.text(lang)) }
        if !unjoined.isEmpty { notes.append(Strings.mapUnjoined(unjoined.joined(separator: ", ")).text(lang)) }
        // The boundaries' credit, on a line of its own so that a long footer never cuts it.
        notes.append(Strings.mapCredit.text(lang))
        var bottom = body.maxY
        for note in notes.reversed() {
            for line in try measurer.wrap(note, theme.note, maxWidth: body.width, maxLines: 2).reversed() {
                let mark = try measurer.place(line, theme.note, x: body.minX, y: bottom, valign: .bottom, role: .note)
                tail.append(.text(mark)); bottom = mark.box.minY
            }
        }
        if !notes.isEmpty { body = ChartRect(minX: body.minX, minY: body.minY, maxX: body.maxX, maxY: max(body.minY + 1, bottom - 8 * s)) }

        // First with the whole body; when some labels do not fit, again with room for the list.
        var pass = try arrange(subject, context: context, classes: classes, in: body, list: nil, ctx)
        if !pass.listed.isEmpty {
            let listArea = try listRect(pass, subject: subject, body: body, ctx)
            pass = try arrange(subject, context: context, classes: classes, in: body, list: listArea, ctx)
        }
        var marks = pass.shapes
        // Shapes around the subject may reach past the map's rectangle: white covers them there.
        if !context.isEmpty {
            let a = pass.area, w = theme.width, h = theme.height
            for r in [
                ChartRect(minX: 0, minY: 0, maxX: w, maxY: a.minY), ChartRect(minX: 0, minY: a.maxY, maxX: w, maxY: h),
                ChartRect(minX: 0, minY: a.minY, maxX: a.minX, maxY: a.maxY), ChartRect(minX: a.maxX, minY: a.minY, maxX: w, maxY: a.maxY)
            ]
            where r.width > 0 && r.height > 0 {
                marks.append(.rect(r, fill: theme.background))
            }
        }
        marks += frame.marks
        marks += pass.labels
        marks += pass.list
        marks += tail
        return MapPlan(
            chart: ctx.plan(marks), area: pass.area, projection: pass.projection, regions: pass.regions, classes: classes,
            listed: pass.listed, listedHidden: pass.listedHidden, unjoined: unjoined, legend: frame.legend)
    }

    /// True when a jurisdiction belongs to this map's area (or, for a map of all Indonesia, any).
    func inScope(_ j: JurisdictionIndex) -> Bool {
        guard case let .province(p) = area else { return true }
        // A province's map names what lies under it by the dataset's own parent links.
        for x in dataset.lineage(of: j) where join.kode.indices.contains(x) && join.kode[x] == p { return true }
        return false
    }

    /// The title: the region with the highest figure when one leads alone, else what is shown.
    func headline(_ subject: [Subject], place: String, _ lang: Language) -> String {
        let ranked = subject.filter { ($0.value ?? 0) > 0 }.sorted { ($0.value ?? 0) > ($1.value ?? 0) }
        // A superlative only for a true record worth one: alone at the top, and three at least.
        if let first = ranked.first, (first.value ?? 0) >= 3, ranked.count == 1 || (ranked[1].value ?? 0) < (first.value ?? 0) {
            return Strings.mapLeader(first.name, values.measure, place: place, value: NumberFormat.number(first.value ?? 0, lang)).text(lang)
        }
        switch area {
        case .province: return Strings.mapTitle(values.measure, place: place).text(lang)
        case .provinces: return Strings.mapNationalTitle(values.measure).text(lang)
        case .kabkota: return Strings.mapTitle(values.measure, place: place).text(lang)
        }
    }

    /// A province map's whole figure and the part the province holds itself, when the dataset
    /// lists the province (counts only: tallies are never added).
    func provinceTotal(_ subject: [Subject], _ lang: Language) -> Phrase? {
        guard case let .province(p) = area, let pj = join.jurisdiction[p],
            values.values.indices.contains(pj), let total = values.values[pj]
        else { return nil }
        // A tally of the province itself: its figure and date, never added to anything.
        guard values.measure.isCount else {
            guard let day = values.tallyDays[pj] else { return nil }
            return Strings.mapProvinceTally(
                dataset.jurisdictions[pj].name, value: NumberFormat.number(total, lang),
                date: DateText.short(day, lang))
        }
        var under = 0
        for j in dataset.jurisdictions.indices where dataset.jurisdictions[j].parent == pj {
            under += values.values[j] ?? 0
        }
        return Strings.mapProvinceTotal(
            dataset.jurisdictions[pj].name, total: NumberFormat.number(total, lang),
            own: NumberFormat.number(max(0, total - under), lang))
    }

    /// The outlets of the events behind the map's figures, for the footer.
    func footerOutlets(_ subject: [Subject]) -> Int {
        let scope = subject.compactMap(\.jurisdiction)
        let measure = values.measure
        return values.outlets.count(
            within: scope,
            kinds: { k in
                switch measure {
                case .events: return true
                case .incidents: return k.family == .incident
                case .prevention: return k.family == .prevention
                case .tally: return k == .caseTally
                }
            })
    }

    /// One layout of the map in `body`, less the list's rectangle when given.
    struct Arranged {
        var area: ChartRect
        var projection: MapProjection
        var shapes: [Mark]
        var regions: [MapRegion]
        var labels: [Mark]
        var listed: [Int]
        var listedHidden: Int
        var list: [Mark]
    }

    /// The steps: the map's area (the body less the list), the projection, the shapes, the
    /// labels (inside, beside with a leader, or listed), then the list.
    func arrange(
        _ subject: [Subject], context: [BoundaryShape], classes: [MapClass], in body: ChartRect, list: ChartRect?,
        _ ctx: ChartContext
    ) throws(RenderError) -> Arranged {
        let s = ctx.s
        var area = body
        if let list {
            if ctx.options.isPortrait {
                area = ChartRect(minX: body.minX, minY: body.minY, maxX: body.maxX, maxY: list.minY - 12 * s)
            } else {
                area = ChartRect(minX: body.minX, minY: body.minY, maxX: list.minX - 16 * s, maxY: body.maxY)
            }
        }
        let view = Self.projection(subject, area: area, s: s)
        var drawn = Self.shapes(subject, context: context, classes: classes, view: view, ctx)
        let (labels, listed) = try Self.labels(&drawn.regions, area: area, ctx)
        var out = Arranged(
            area: area, projection: view.projection, shapes: drawn.shapes, regions: drawn.regions, labels: labels, listed: listed,
            listedHidden: 0, list: [])
        if let list, !listed.isEmpty { try layoutList(&out, in: list, ctx) }
        return out
    }

    /// The projection and the view around it, in grid steps (a little larger than the area, for the shapes around).
    struct View {
        var projection: MapProjection
        var vx0, vx1, vy0, vy1: Double
    }

    /// The projection: the subject's box, x shrunk by cos(mid-latitude), fitted and centred.
    /// Small islands far out (Kepulauan Seribu's, Kangean's) would shrink the mainland to a
    /// corner: the box holds each region's polygons of at least a twentieth of its area.
    /// A region of islands only, tiny beside the others and far from them (Kepulauan
    /// Seribu), is left out of the box when it would more than double it: it goes to the list.
    static func projection(_ subject: [Subject], area: ChartRect, s: Double) -> View {
        func extent(_ rs: [Subject]) -> (Int32, Int32, Int32, Int32) {
            var x0 = Int32.max, y0 = Int32.max, x1 = Int32.min, y1 = Int32.min
            for r in rs {
                let areas = r.shape.polygons.map { abs(BoundaryShape.signedArea($0[0])) }
                let top = areas.max() ?? 0
                for (poly, a) in zip(r.shape.polygons, areas) where a >= top / 20 {
                    for p in poly[0] { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
                }
            }
            return (x0, y0, x1, y1)
        }
        func boxArea(_ e: (Int32, Int32, Int32, Int32)) -> Double { e.0 > e.2 ? 0 : (Double(e.2) - Double(e.0)) * (Double(e.3) - Double(e.1)) }
        let largest = subject.map { $0.shape.area }.max() ?? 0
        let main = subject.filter { $0.shape.area >= largest / 10 }
        var (x0, y0, x1, y1) = extent(subject)
        let core = extent(main)
        if main.count < subject.count, boxArea(core) > 0, boxArea((x0, y0, x1, y1)) > 2 * boxArea(core) { (x0, y0, x1, y1) = core }
        if x0 > x1 { x0 = 95_000; x1 = 141_000; y0 = -11_000; y1 = 6_000 }
        let grid = Boundaries.grid
        let mid = (Double(y0) + Double(y1)) / 2 / grid
        let k = cosine(mid * Double.pi / 180)
        let wDeg = max(1e-6, (Double(x1) - Double(x0)) / grid * k), hDeg = max(1e-6, (Double(y1) - Double(y0)) / grid)
        let inset = 6 * s
        let ppd = max(1e-6, min((area.width - 2 * inset) / wDeg, (area.height - 2 * inset) / hDeg))
        let left = area.midX - wDeg * ppd / 2, top = area.midY - hDeg * ppd / 2
        let projection = MapProjection(
            midLatitude: mid, pixelsPerDegree: ppd, west: Double(x0) / grid, north: Double(y1) / grid,
            left: left, top: top, grid: grid)
        let viewW = area.width / (ppd * k) * grid, viewH = area.height / ppd * grid
        let vx0 = (Double(x0) + Double(x1)) / 2 - viewW / 2, vx1 = vx0 + viewW
        let vy0 = (Double(y0) + Double(y1)) / 2 - viewH / 2, vy1 = vy0 + viewH
        return View(projection: projection, vx0: vx0, vx1: vx1, vy0: vy0, vy1: vy1)
    }

    /// A shape's rings in pixels, thinned; islands under two pixels either way are left out
    /// (a region keeps its largest).
    static func rings(_ shape: BoundaryShape, _ projection: MapProjection, s: Double) -> [[[ChartPoint]]] {
        let largest = shape.polygons.indices.max { abs(BoundaryShape.signedArea(shape.polygons[$0][0])) < abs(BoundaryShape.signedArea(shape.polygons[$1][0])) }
        let minSide = 2 * s
        return shape.polygons.enumerated().compactMap { (k, poly) -> [[ChartPoint]]? in
            if k != largest {
                var lo = GridPoint(x: .max, y: .max), hi = GridPoint(x: .min, y: .min)
                for p in poly[0] { lo = GridPoint(x: min(lo.x, p.x), y: min(lo.y, p.y)); hi = GridPoint(x: max(hi.x, p.x), y: max(hi.y, p.y)) }
                let a = projection.point(GridPoint(x: lo.x, y: hi.y)), b = projection.point(GridPoint(x: hi.x, y: lo.y))
                if b.x - a.x < minSide && b.y - a.y < minSide { return nil }
            }
            let rs = poly.map { ring -> [ChartPoint] in
                var out: [ChartPoint] = []
                out.reserveCapacity(ring.count)
                for p in ring {
                    let q = projection.point(p)
                    if out.last != q { out.append(q) }
                }
                if out.count > 1, out.first == out.last { out.removeLast() }
                return Self.thinned(out, tolerance: 0.5 * s)
            }
            guard let outer = rs.first, outer.count >= 3 else { return nil }
            return [outer] + rs.dropFirst().filter { $0.count >= 3 }
        }
    }

    /// A shape's box in pixels.
    static func box(_ shape: BoundaryShape, _ projection: MapProjection) -> ChartRect {
        let a = projection.point(GridPoint(x: shape.minX, y: shape.maxY)), b = projection.point(GridPoint(x: shape.maxX, y: shape.minY))
        return ChartRect(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y)
    }

    /// The shapes around in grey, then the regions shaded by class (larger first, so an
    /// enclave is drawn after the region whose hole it fills), then any neighbour a hole
    /// drawn back has covered, again.
    static func shapes(
        _ subject: [Subject], context: [BoundaryShape], classes: [MapClass], view: View,
        _ ctx: ChartContext
    ) -> (shapes: [Mark], regions: [MapRegion]) {
        let s = ctx.s, projection = view.projection
        var shapes: [Mark] = []
        let thin = 1 * s
        var holes: [ChartRect] = []
        var contextDrawn: [(ChartRect, [[[ChartPoint]]])] = []
        for shape in context {
            guard Double(shape.maxX) >= view.vx0, Double(shape.minX) <= view.vx1, Double(shape.maxY) >= view.vy0, Double(shape.minY) <= view.vy1 else {
                continue
            }
            let rs = rings(shape, projection, s: s)
            for poly in rs { shapes.append(.polygon(poly[0], fill: Self.outsideColor, stroke: Self.outsideColor, thickness: thin)) }
            contextDrawn.append((box(shape, projection), rs))
        }
        let order = subject.indices.sorted {
            let a = subject[$0].shape, b = subject[$1].shape
            let aa = (Double(a.maxX) - Double(a.minX)) * (Double(a.maxY) - Double(a.minY))
            let bb = (Double(b.maxX) - Double(b.minX)) * (Double(b.maxY) - Double(b.minY))
            return (aa, subject[$1].kode) > (bb, subject[$0].kode)
        }
        var regions: [MapRegion] = []
        for i in order {
            let r = subject[i]
            let ci = r.value.flatMap { Self.classIndex($0, classes) }
            let fill = ci.map { classes[$0].color } ?? Self.noDataColor
            let start = shapes.count
            for poly in rings(r.shape, projection, s: s) {
                shapes.append(.polygon(poly[0], fill: fill, stroke: Self.borderColor, thickness: thin))
                // libgd fills a ring whole: a hole is drawn back in the canvas colour.
                for hole in poly.dropFirst() {
                    shapes.append(.polygon(hole, fill: ctx.theme.background, stroke: Self.borderColor, thickness: thin))
                    let hx = hole.map(\.x), hy = hole.map(\.y)
                    holes.append(ChartRect(minX: hx.min() ?? 0, minY: hy.min() ?? 0, maxX: hx.max() ?? 0, maxY: hy.max() ?? 0))
                }
            }
            regions.append(
                MapRegion(
                    kode: r.kode, name: r.name, jurisdiction: r.jurisdiction, value: r.value, classIndex: ci, fill: fill,
                    marks: start..<shapes.count, bounds: box(r.shape, projection), anchor: projection.point(r.shape.anchor),
                    label: nil, leader: false))
        }
        for (b, rs) in contextDrawn where holes.contains(where: { $0.contains(b) }) {
            for poly in rs { shapes.append(.polygon(poly[0], fill: Self.outsideColor, stroke: Self.outsideColor, thickness: thin)) }
        }
        return (shapes, regions)
    }

    /// Labels, the largest figure first: inside a region where the name and figure fit; else
    /// beside it with a leader line; else in the ranked list (the indices returned).
    static func labels(_ regions: inout [MapRegion], area: ChartRect, _ ctx: ChartContext) throws(RenderError) -> (labels: [Mark], listed: [Int]) {
        let theme = ctx.theme, s = ctx.s, lang = ctx.lang, measurer = ctx.measurer
        let style = TextStyle(size: theme.label.size, bold: true, color: theme.ink)
        let lh = try measurer.lineHeight(style)
        var placer = LabelPlacer(bounds: area, padding: 4 * s, verticalPadding: 2 * s)
        let ranked = regions.indices.filter { regions[$0].value != nil }.sorted {
            (-(regions[$0].value ?? 0), regions[$0].name) < (-(regions[$1].value ?? 0), regions[$1].name)
        }
        func text(_ r: MapRegion) -> String { Strings.mapShortName(r.name) + " " + NumberFormat.number(r.value ?? 0, lang) }
        var inside: [Int: ChartRect] = [:]
        for i in ranked {
            let r = regions[i]
            let w = try measurer.width(text(r), style)
            if w <= r.bounds.width * 0.9 && lh <= r.bounds.height * 0.7 {
                inside[i] = ChartRect(x: r.anchor.x - w / 2, y: r.anchor.y - lh / 2, width: w, height: lh)
            }
        }
        // The dots of regions labelled from outside stay uncovered.
        let dot = 5 * s
        for i in ranked where inside[i] == nil {
            placer.reserve(ChartRect(x: regions[i].anchor.x - dot, y: regions[i].anchor.y - dot, width: 2 * dot, height: 2 * dot))
        }
        var listed: [Int] = []
        for i in ranked {
            guard let b = inside[i], placer.place([b]) != nil else { continue }
            regions[i].label = try measurer.place(text(regions[i]), style, x: b.minX, y: b.minY, role: .label).withHalo(theme.background)
        }
        for i in ranked where regions[i].label == nil {
            let r = regions[i]
            let w = try measurer.width(text(r), style)
            let candidates = besideCandidates(r, width: w, lineHeight: lh, s: s)
            guard let k = placer.place(candidates) else { listed.append(i); continue }
            let b = candidates[k]
            regions[i].label = try measurer.place(text(r), style, x: b.minX, y: b.minY, role: .label).withHalo(theme.background)
            regions[i].leader = true
        }
        return (labelMarks(regions, ranked: ranked, inside: inside, listed: listed, ctx), listed)
    }

    /// Places beside a region for its label, nearest first, in eight directions.
    static func besideCandidates(_ r: MapRegion, width w: Double, lineHeight lh: Double, s: Double) -> [ChartRect] {
        let a = r.anchor, g = 14 * s
        let reach = max(r.bounds.width, r.bounds.height) / 2
        var candidates: [ChartRect] = []
        for d in [g, g * 2.5, g * 4.5] {
            let e = min(reach, 40 * s) + d
            candidates += [
                ChartRect(x: a.x + e, y: a.y - lh / 2, width: w, height: lh), ChartRect(x: a.x - e - w, y: a.y - lh / 2, width: w, height: lh),
                ChartRect(x: a.x - w / 2, y: a.y - e - lh, width: w, height: lh), ChartRect(x: a.x - w / 2, y: a.y + e, width: w, height: lh),
                ChartRect(x: a.x + e * 0.7, y: a.y - e * 0.7 - lh, width: w, height: lh),
                ChartRect(x: a.x - e * 0.7 - w, y: a.y - e * 0.7 - lh, width: w, height: lh),
                ChartRect(x: a.x + e * 0.7, y: a.y + e * 0.7, width: w, height: lh), ChartRect(x: a.x - e * 0.7 - w, y: a.y + e * 0.7, width: w, height: lh)
            ]
        }
        return candidates
    }

    /// The labels' marks: a leader and a dot for a label beside its region, a dot for a region
    /// labelled from outside; listed regions keep a dot, so the reader finds them small as they are.
    static func labelMarks(_ regions: [MapRegion], ranked: [Int], inside: [Int: ChartRect], listed: [Int], _ ctx: ChartContext) -> [Mark] {
        let theme = ctx.theme, s = ctx.s
        var labels: [Mark] = []
        for i in ranked {
            let r = regions[i]
            guard let l = r.label else { continue }
            if r.leader {
                let b = l.box
                let to = ChartPoint(x: min(max(r.anchor.x, b.minX), b.maxX), y: min(max(r.anchor.y, b.minY), b.maxY))
                labels.append(.line([r.anchor, to], stroke: theme.ink, thickness: 1.5 * s, dash: nil))
            }
            if r.leader || inside[i] == nil {
                labels.append(.circle(center: r.anchor, radius: 4 * s, fill: r.fill, stroke: theme.ink, thickness: 1.5 * s))
            }
            labels.append(.text(l))
        }
        for i in listed where max(regions[i].bounds.width, regions[i].bounds.height) < 12 * s {
            labels.append(.circle(center: regions[i].anchor, radius: 4 * s, fill: regions[i].fill, stroke: theme.ink, thickness: 1.5 * s))
        }
        return labels
    }

    /// A ring with the points dropped that lie within `tolerance` pixels of the line through
    /// their neighbours (Douglas–Peucker, the ring cut at its first point and the point
    /// farthest from it): what a pixel cannot show, a PNG does not draw and an SVG does not carry.
    static func thinned(_ ring: [ChartPoint], tolerance: Double) -> [ChartPoint] {
        guard ring.count > 8 else { return ring }
        let n = ring.count
        let p0 = ring[0]
        var far = 0, best = -1.0
        for k in 1..<n {
            let d = (ring[k].x - p0.x) * (ring[k].x - p0.x) + (ring[k].y - p0.y) * (ring[k].y - p0.y)
            if d > best { best = d; far = k }
        }
        var keep = [Bool](repeating: false, count: n + 1)
        keep[0] = true; keep[far] = true; keep[n] = true
        func at(_ k: Int) -> ChartPoint { ring[k % n] }
        var stack = [(0, far), (far, n)]
        while let (i, j) = stack.popLast() {
            guard j - i > 1 else { continue }
            let a = at(i), b = at(j)
            let dx = b.x - a.x, dy = b.y - a.y
            let len = (dx * dx + dy * dy).squareRoot()
            var worst = -1.0, w = -1
            for k in (i + 1)..<j {
                let p = at(k)
                let d =
                    len == 0
                    ? ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot()
                    : abs((p.x - a.x) * dy - (p.y - a.y) * dx) / len
                if d > worst { worst = d; w = k }
            }
            if worst > tolerance { keep[w] = true; stack.append((i, w)); stack.append((w, j)) }
        }
        var out: [ChartPoint] = []
        for k in 0..<n where keep[k] { out.append(ring[k]) }
        return out.count >= 3 ? out : ring
    }

    /// Where the ranked list goes: a column right of the map on a wide canvas, a band under it
    /// on a portrait one, as large as its rows need and no larger than a third of the body.
    func listRect(_ pass: Arranged, subject: [Subject], body: ChartRect, _ ctx: ChartContext) throws(RenderError) -> ChartRect {
        let theme = ctx.theme, s = ctx.s, measurer = ctx.measurer
        let lh = try measurer.lineHeight(theme.legend)
        let rows = pass.listed.count + 1
        if ctx.options.isPortrait {
            let h = min(body.height / 3, Double(rows) * (lh + 6 * s))
            return ChartRect(minX: body.minX, minY: body.maxY - h, maxX: body.maxX, maxY: body.maxY)
        }
        var w = try measurer.width(Strings.mapRanked.text(ctx.lang), theme.header)
        for i in pass.listed { w = max(w, try measurer.width(listText(pass.regions[i], rank: pass.listed.count, ctx.lang), theme.legend) + lh + 10 * s) }
        w = min(w, body.width * 0.34)
        return ChartRect(minX: body.maxX - w, minY: body.minY, maxX: body.maxX, maxY: body.maxY)
    }

    func listText(_ r: MapRegion, rank: Int, _ lang: Language) -> String {
        "\(NumberFormat.number(rank, lang)). \(r.name): \(NumberFormat.number(r.value ?? 0, lang))"
    }

    /// The ranked list: a heading, then one row per region (swatch of its class, rank, name,
    /// figure), in columns on a portrait canvas; what has no room is counted in a last row.
    func layoutList(_ a: inout Arranged, in rect: ChartRect, _ ctx: ChartContext) throws(RenderError) {
        let theme = ctx.theme, s = ctx.s, measurer = ctx.measurer, lang = ctx.lang
        let lh = try measurer.lineHeight(theme.legend), rowH = lh + 6 * s
        var marks: [Mark] = []
        var y = rect.minY
        if let h = try measurer.fit(Strings.mapRanked.text(lang), theme.header, maxWidth: rect.width) {
            let m = try measurer.place(h, theme.header, x: rect.minX, y: y, role: .header)
            marks.append(.text(m)); y = m.box.maxY + 6 * s
        }
        let perColumn = max(1, Int((rect.maxY - y) / rowH))
        let columns = ctx.options.isPortrait ? max(1, min(2, (a.listed.count + perColumn - 1) / perColumn)) : 1
        let colW = (rect.width - Double(columns - 1) * 20 * s) / Double(columns)
        let capacity = perColumn * columns
        let shown = a.listed.count <= capacity ? a.listed.count : max(0, capacity - 1)
        for (n, i) in a.listed.prefix(shown).enumerated() {
            let col = n / perColumn, row = n % perColumn
            let x = rect.minX + Double(col) * (colW + 20 * s), ry = y + Double(row) * rowH
            let sw = (lh * 0.8).rounded()
            let swatch = ChartRect(x: x, y: ry + (lh - sw) / 2, width: sw, height: sw)
            marks.append(.rect(swatch, fill: a.regions[i].fill))
            marks.append(.outline(swatch, stroke: a.regions[i].fill.shaded(0.35), thickness: 1 * s))
            guard let t = try measurer.fit(listText(a.regions[i], rank: n + 1, lang), theme.legend, maxWidth: colW - sw - 8 * s) else { continue }
            marks.append(.text(try measurer.place(t, theme.legend, x: x + sw + 8 * s, y: ry, role: .legend)))
        }
        a.listedHidden = a.listed.count - shown
        if a.listedHidden > 0 {
            let n = shown, col = n / perColumn, row = n % perColumn
            let x = rect.minX + Double(col) * (colW + 20 * s), ry = y + Double(row) * rowH
            if let t = try measurer.fit(Strings.mapMore(a.listedHidden).text(lang), theme.note, maxWidth: colW) {
                marks.append(.text(try measurer.place(t, theme.note, x: x, y: ry, role: .note)))
            }
        }
        a.list = marks
    }
}
