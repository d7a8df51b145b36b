import Testing
import NetraCore
import NetraRender

/// Renders every chart to `$NETRA_RENDER_CHECK` (when set) for a person to look at.
@Suite struct VisualCheckTests {
    @Test func monthlyBars() throws {
        let d = try Fixtures.shipped()
        let all = try MonthlyBarsChart.render(d)
        Fixtures.keep(all.png, "monthly-id.png")
        let en = try MonthlyBarsChart.render(d, jurisdiction: d.jurisdictionIndex["kota-bekasi"], options: ChartOptions(language: .en))
        Fixtures.keep(en.png, "monthly-kota-en.png")
        #expect(!all.png.isEmpty)
    }
}

extension VisualCheckTests {
    @Test func timeline() throws {
        let d = try Fixtures.shipped()
        let t = try TimelineChart.render(d, graph: EventGraph(events: d.events))
        Fixtures.keep(t.png, "timeline-id.png")
        let f = Fixtures.bekasi()
        let te = try TimelineChart.render(f, graph: EventGraph(events: f.events), options: ChartOptions(language: .en))
        Fixtures.keep(te.png, "timeline-fixture-en.png")
    }
}

extension VisualCheckTests {
    @Test func comparison() throws {
        let d = try Fixtures.shipped()
        let a = d.jurisdictionIndex["kota-bekasi"] ?? 2, b = d.jurisdictionIndex["kabupaten-bekasi"] ?? 3
        Fixtures.keep(try ComparisonChart.render(d, first: a, second: b).png, "comparison-id.png")
        Fixtures.keep(try ComparisonChart.render(d, first: a, second: b, options: ChartOptions(language: .en, scale: 2)).png, "comparison-en-2x.png")
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
        Fixtures.keep(try LeadTimesChart.render(Self.leadSeries(d), dataset: d).png, "leadtimes-id.png")
        Fixtures.keep(try CasesChart.render(d).png, "cases-id.png")
        Fixtures.keep(try CasesChart.render(d, options: ChartOptions(language: .en)).png, "cases-en.png")
    }
}

extension VisualCheckTests {
    static func synthetic(_ n: Int) throws -> Dataset {
        let f = SyntheticDataset.make(events: n, seed: 7)
        return try DatasetLoader.load(jurisdictions: ("j", f.jurisdictions), elections: ("e", f.elections),
                                      events: ("ev", f.events), name: "synthetic-\(n)")
    }

    @Test func largeSynthetic() throws {
        let d = try Self.synthetic(50_000)
        let t = try TimelineChart.render(d, graph: EventGraph(events: d.events))
        Fixtures.keep(t.png, "timeline-50k.png")
        #expect(t.plan.clustered)
        Fixtures.keep(try MonthlyBarsChart.render(d).png, "monthly-50k.png")
        Fixtures.keep(try CasesChart.render(d).png, "cases-50k.png")
        let small = try Self.synthetic(120)
        Fixtures.keep(try TimelineChart.render(small, graph: EventGraph(events: small.events)).png, "timeline-120.png")
    }
}
