import Testing
import NetraCore
import NetraAnalytics
import NetraRender

/// Renders every chart to `$NETRA_RENDER_CHECK` (when set) for a person to look at.
@Suite struct VisualCheckTests {
    @Test func monthlyBars() throws {
        let d = Fixtures.realOrFixture()
        let all = try MonthlyBarsChart(d).render()
        Fixtures.keep(all.png, "monthly-id.png")
        let en = try MonthlyBarsChart(d, jurisdiction: d.jurisdictionIndex["kota-bekasi"]).render(options: ChartOptions(language: .en))
        Fixtures.keep(en.png, "monthly-kota-en.png")
        #expect(!all.png.isEmpty)
    }
}

extension VisualCheckTests {
    @Test func timeline() throws {
        let d = Fixtures.realOrFixture()
        let t = try TimelineChart(d, graph: EventGraph(events: d.events)).render()
        Fixtures.keep(t.png, "timeline-id.png")
        let f = Fixtures.bekasi()
        let te = try TimelineChart(f, graph: EventGraph(events: f.events)).render(options: ChartOptions(language: .en))
        Fixtures.keep(te.png, "timeline-fixture-en.png")
    }
}

extension VisualCheckTests {
    @Test func comparison() throws {
        let d = Fixtures.realOrFixture()
        let a = d.jurisdictionIndex["kota-bekasi"] ?? 2, b = d.jurisdictionIndex["kabupaten-bekasi"] ?? 3
        Fixtures.keep(try ComparisonChart(Analysis(dataset: d), first: a, second: b).render().png, "comparison-id.png")
        Fixtures.keep(try ComparisonChart(Analysis(dataset: d), first: a, second: b).render(options: ChartOptions(language: .en, scale: 2)).png, "comparison-en-2x.png")
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
        let d = Fixtures.realOrFixture()
        Fixtures.keep(try LeadTimesChart(Self.leadSeries(d), dataset: d).render().png, "leadtimes-id.png")
        Fixtures.keep(try CasesChart(d).render().png, "cases-id.png")
        Fixtures.keep(try CasesChart(d).render(options: ChartOptions(language: .en)).png, "cases-en.png")
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
        let t = try TimelineChart(d, graph: EventGraph(events: d.events)).render()
        Fixtures.keep(t.png, "timeline-50k.png")
        #expect(t.plan.clustered)
        Fixtures.keep(try MonthlyBarsChart(d).render().png, "monthly-50k.png")
        Fixtures.keep(try CasesChart(d).render().png, "cases-50k.png")
        let small = try Self.synthetic(120)
        Fixtures.keep(try TimelineChart(small, graph: EventGraph(events: small.events)).render().png, "timeline-120.png")
    }
}
