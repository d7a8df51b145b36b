import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics
@testable import NetraReport

/// A text box read back from a plan dump (`text ROLE [x,y WxH] at … size S …`).
struct DumpedText: CustomStringConvertible {
    var role: String, box: ChartRect, size: Double, line: String
    /// The words, as the dump quotes them (read once: `clashes` asks for them pair by pair).
    let text: String
    init(role: String, box: ChartRect, size: Double, line: String) {
        self.role = role; self.box = box; self.size = size; self.line = line
        if let q = line.firstIndex(of: "\""), line.hasSuffix("\"") {
            text = String(line[line.index(after: q)..<line.index(before: line.endIndex)])
        } else {
            text = ""
        }
    }
    var description: String { line }

    /// Every text mark of `dump`, in drawing order; a sheet page's embedded chart is moved to
    /// where it sits on the page.
    static func all(_ dump: String) -> [DumpedText] {
        var out: [DumpedText] = []
        var dx = 0.0, dy = 0.0
        for raw in dump.split(separator: "\n") {
            let line = String(raw)
            if line.hasPrefix("chart at ") {
                let xy = line.dropFirst(9).split(separator: ",").compactMap { Double($0) }
                if xy.count == 2 { dx = xy[0]; dy = xy[1] }
                continue
            }
            guard line.hasPrefix("text ") else { continue }
            let parts = line.split(separator: " ", maxSplits: 3)
            guard parts.count == 4, let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else { continue }
            let inside = line[line.index(after: open)..<close]  // "x,y WxH"
            let halves = inside.split(separator: " ")
            guard halves.count == 2 else { continue }
            let xy = halves[0].split(separator: ",").compactMap { Double($0) }
            let wh = halves[1].split(separator: "x").compactMap { Double($0) }
            guard xy.count == 2, wh.count == 2 else { continue }
            var size = 0.0
            if let r = line.range(of: " size ") {
                size = Double(line[r.upperBound...].prefix { $0 != " " }) ?? 0
            }
            out.append(
                DumpedText(
                    role: String(parts[1]), box: ChartRect(x: xy[0] + dx, y: xy[1] + dy, width: wh[0], height: wh[1]),
                    size: size, line: line))
        }
        return out
    }
}

/// Issue 29, point 1: a value label never runs into another label to make a false number.
/// Read from the plans the charts are drawn from (PNG and report.html's SVG alike): no two text
/// boxes overlap, and a number keeps at least `LabelPlacer.numberGap` from any text beside it.
@Suite struct LabelOverlapTests {
    /// Pairs of texts on `dump` that overlap, or numbers closer than the kit's gap to a text on their line.
    static func clashes(_ dump: String) -> [String] {
        let texts = DumpedText.all(dump)
        var out: [String] = []
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i], b = texts[j]
                // A number needs its gap from a text on its line whose letters face its digits
                // ("1" and "1" reading as "11"); "Kota Bekasi" then "· n = 3" is one phrase.
                let (l, r) = a.box.midX <= b.box.midX ? (a, b) : (b, a)
                let facing = (l.text.last.map { $0.isLetter || $0.isNumber } ?? false) && (r.text.first.map { $0.isLetter || $0.isNumber } ?? false)
                let numeric = (a.role == "value" || b.role == "value") && facing
                let gap = numeric ? LabelPlacer.numberGap(max(a.size, b.size)) : 0
                let grown = ChartRect(x: a.box.minX - gap, y: a.box.minY, width: a.box.width + 2 * gap, height: a.box.height)
                // Boxes a pixel apart after rounding do not clash.
                if grown.insetBy(dx: 0.5, dy: 0.5).intersects(b.box.insetBy(dx: 0.5, dy: 0.5)) { out.append("\(a) ⟷ \(b)") }
            }
        }
        return out
    }

    static func check(_ files: [OutputFile], _ label: String) throws {
        for f in files {
            guard let dump = try f.planDump() else { continue }
            let found = clashes(dump)
            #expect(found.isEmpty, "\(label) \(f.name): \(found.prefix(4).joined(separator: "\n"))")
            if !found.isEmpty { print("CLASH \(label) \(f.name): \(found.count)") }
        }
    }

    static func sizes() -> [(Language, ChartSize)] { [(.id, .wide), (.en, .wide), (.id, .phone), (.en, .phone)] }

    @Test(arguments: [0, 1, 2, 3])
    func shippedDataset(_ k: Int) throws {
        let (lang, size) = Self.sizes()[k]
        let a = try shipped()
        let options = JobOptions(language: lang, size: size, fonts: try FontSet.resolve())
        try Self.check(ReportJob.build(a, options: options), "bekasi-2024 \(lang) \(size)")
        for m in [
            Month(year: 2023, month: 12), Month(year: 2024, month: 1), Month(year: 2024, month: 2),
            Month(year: 2024, month: 10), Month(year: 2024, month: 11)
        ] {
            try Self.check(BriefingJob.build(a, month: m, options: options), "bekasi-2024 \(m.iso) \(lang) \(size)")
        }
    }

    /// `netra generate --events 5000 --seed 1` loaded under `name`: made once for the four
    /// sizes and languages of a test rather than once each.
    static func generated(name: String) -> Result<Dataset, any Error> {
        Result {
            let f = SyntheticDataset.make(events: 5_000, seed: 1)
            return try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                events: ("events.csv", f.events), name: name)
        }
    }
    static let generated5kAnalysis = generated(name: "generated-5k").map { Analysis(dataset: $0) }
    static let generated1m = generated(name: "generated-1m")

    /// `netra generate --events 5000 --seed 1`, as the issue names it.
    @Test(arguments: [0, 1, 2, 3])
    func generated5k(_ k: Int) throws {
        let (lang, size) = Self.sizes()[k]
        let a = try Self.generated5kAnalysis.get()
        let options = JobOptions(language: lang, size: size, fonts: try FontSet.resolve())
        try Self.check(ReportJob.build(a, options: options), "generated-5k \(lang) \(size)")
        try Self.check(BriefingJob.build(a, month: Month(year: 2024, month: 1), options: options), "generated-5k 2024-01 \(lang) \(size)")
    }

    /// A million events' monthly charts: building and analysing a 1M dataset here would take
    /// minutes, so the generated 5k one's monthly table is scaled up 200 times (month totals of
    /// tens of thousands, as `netra generate --events 1000000` gives), wide, phone and at the
    /// briefing sheet's size and type, every jurisdiction's chart too.
    @Test(arguments: [0, 1, 2, 3])
    func millionMonthlyTotals(_ k: Int) throws {
        let (lang, size) = Self.sizes()[k]
        let d = try Self.generated1m.get()
        let table = MonthlyTable(d, rollup: true).scaled(by: 200)
        #expect((table.kindCounts(within: nil).totals.max() ?? 0) >= 10_000)
        let fonts = try FontSet.resolve()
        var options = [ChartOptions(language: lang, size: size, fontPath: fonts.regular, boldFontPath: fonts.bold)]
        if k < 2 { options.append(ChartOptions(language: lang, width: 1160, height: 900, fontPath: fonts.regular, boldFontPath: fonts.bold, type: .sheet)) }
        for o in options {
            for j in [nil] + d.jurisdictions.indices.prefix(8).map(Optional.some) {
                let plan = try MonthlyBarsChart(table, dataset: d, jurisdiction: j, highlight: Month(year: 2024, month: 1)).layout(options: o)
                let found = Self.clashes(plan.textDump)
                #expect(
                    found.isEmpty, "1M \(lang) \(o.width)x\(o.height) \(j.map { d.jurisdictions[$0].id } ?? "all"): \(found.prefix(4).joined(separator: "\n"))")
                // Big numbers are still written where they fit.
                #expect(plan.chart.texts.contains { $0.role == .value })
            }
        }
    }
}
