import Testing
import NetraCore
import NetraText
import NetraAnalytics
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraRender

/// clocks.png: time in each stage and received vs decided, from the clocks cases.csv is written from.
@Suite struct ClocksChartTests {
    static func clocks(_ asOf: Day) throws -> (CaseClocks, Dataset) {
        let a = Analysis(dataset: try Fixtures.shipped(), asOf: asOf)
        return (CaseClocks(a.dataset, asOf: asOf, book: ClockBook.shipped()), a.dataset)
    }

    /// As of 31 Jan 2024 the jersey case's stages are single values: dots, never a median; its
    /// decision took 18 days, the longest; unchecked rules say so; in both languages, wide and phone.
    @Test(arguments: [Language.id, .en])
    func fewValuesAreShownAsTheValues(lang: Language) throws {
        let (c, d) = try Self.clocks(Fixtures.day(2024, 1, 31))
        for size in [ChartSize.wide, .phone] {
            let r = try ClocksChart(c, dataset: d).render(options: ChartOptions(language: lang, size: size))
            let plan = r.plan
            let texts = plan.chart.texts.map(\.text)
            let decision = try #require(plan.stages.first { $0.start == .registration && $0.end == .decision })
            #expect(decision.ended == [.exact(18)] && decision.median == nil && decision.longest == 18)
            #expect(!texts.contains { $0.hasPrefix("median") })
            #expect(texts.contains(lang == .id ? "18 hari · terlama 18 hari" : "18 days · longest 18 days"))
            let mark = Strings.unverifiedMark.text(lang)
            #expect(texts.contains { $0.hasPrefix(Strings.stagePair("report", "registration").text(lang)) && $0.hasSuffix("(\(mark))") })
            #expect(texts.contains { $0.hasPrefix(Strings.stagePair("registration", "decision").text(lang)) && !$0.contains(mark) })
            #expect(plan.places.map { d.jurisdictions[$0.jurisdiction].id } == ["kota-bekasi"])
            expectReadable(plan.chart)
            // A phone chart is read fit to the screen: nothing under 30 px.
            if size == .phone { #expect(plan.chart.texts.allSatisfy { $0.style.size >= 30 }) }
            // The 18-day dot is painted in the decision colour at its place on the scale.
            let dot = try #require(
                plan.chart.marks.compactMap { m -> ChartPoint? in
                    if case let .circle(center, _, fill, _, _) = m, fill == KindPalette.color(.decision) { return center } else { return nil }
                }.max { $0.x < $1.x })
            // (left of centre: the longest's tick stands on the same day)
            #expect(try pixel(r.png, dot.x - 5, dot.y) == KindPalette.color(.decision))
            try expectDrawn(r.png, plan.chart)
            Fixtures.keep(r.png, "clocks-\(lang)-\(size).png")
        }
    }

    /// Three values or more make a median bar; the received bars are as long as their counts.
    @Test func aGeneratedDatasetDrawsMediansAndCounts() throws {
        let f = SyntheticDataset.make(events: 3_000, seed: 5)
        let full = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
            events: ("events.csv", f.events))
        let day = Fixtures.day(2024, 12, 31)
        let a = Analysis(dataset: full, asOf: day)
        let c = CaseClocks(a.dataset, asOf: day, book: ClockBook.shipped())
        let r = try ClocksChart(c, dataset: a.dataset).render()
        let withMedian = r.plan.stages.filter { $0.median != nil }
        #expect(!withMedian.isEmpty && withMedian.allSatisfy { $0.ended.count >= 3 })
        #expect(r.plan.chart.texts.contains { $0.text.hasPrefix("median ") })
        let first = try #require(r.plan.places.first)
        #expect(r.plan.places.allSatisfy { $0.received <= first.received })
        #expect(
            r.plan.places.count + r.plan.placesLeftOut
                == c.ledger(a.dataset).filter { [.kota, .kabupaten].contains(a.dataset.jurisdictions[$0.jurisdiction].level) }.count)
        expectReadable(r.plan.chart)
        try expectDrawn(r.png, r.plan.chart)
    }

    @Test func noCaseSaysSo() throws {
        let (c, d) = try Self.clocks(Fixtures.day(2023, 1, 31))
        let plan = try ClocksChart(c, dataset: d).layout()
        #expect(plan.stages.isEmpty && plan.places.isEmpty)
        #expect(plan.chart.texts.contains { $0.text == Strings.noCases.text(.id) })
    }
}
