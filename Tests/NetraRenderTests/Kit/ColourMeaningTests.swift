import Testing
import NetraCore
import NetraAnalytics
import NetraRender
import NetraLoad
import NetraWrite

/// Issue 29, point 4: one meaning per colour across every chart of a report. Jurisdictions
/// take colours from one family (four of their own, then grey, named beside their lines);
/// kinds and the lead-time stages take the kinds' colours; the two never meet.
@Suite struct ColourMeaningTests {
    /// Every colour a jurisdiction can be drawn in, whatever its rank.
    static let jurisdictionColours = Set((0..<40).map(SeriesPalette.jurisdiction))
    /// Every colour a kind or a stage is drawn in.
    static let kindAndStageColours =
        EventKind.allCases.map(KindPalette.color)
        + ([nil] + LeadTimeMeasure.allCases.map(Optional.some)).map(LeadTimesChart.stageColor)

    @Test func jurisdictionsNeverTakeAKindOrStageColour() {
        #expect(Self.jurisdictionColours.count == SeriesPalette.distinctJurisdictions + 1)
        for j in Self.jurisdictionColours {
            for k in Self.kindAndStageColours {
                #expect(j != k && ColourMath.deltaE(j, k, .normal) >= 10, "jurisdiction \(j) near kind/stage \(k)")
            }
        }
        // Stages are their kinds' colours.
        #expect(LeadTimesChart.stageColor(.response) == KindPalette.color(.response))
        #expect(LeadTimesChart.stageColor(.decision) == KindPalette.color(.decision))
        #expect(LeadTimesChart.stageColor(.prevention) == KindPalette.color(.regulation))
    }

    /// Deuteranopia simulated with Machado et al. (2009)'s matrix, severity 1: the jurisdiction
    /// colours (the grey included) stay ΔE ≥ 15 apart, in the other visions too.
    @Test func jurisdictionColoursStayApartUnderDeuteranopia() {
        func name(_ c: RGBA) -> String { "rgb(\(c.red),\(c.green),\(c.blue))" }
        let named = Self.jurisdictionColours.map { (name($0), $0) }.sorted { $0.0 < $1.0 }
        let clashes = ColourMath.clashes(named, minimum: 15)
        #expect(clashes.isEmpty, "\(clashes.map { "\($0.0)–\($0.1) \($0.2) \($0.3)" })")
        #expect(Vision.deuteranopia.matrix[0][0] == 0.367322)
    }

    /// On the generated 5k dataset (nine jurisdictions and more with tallies), the cases chart
    /// draws four jurisdictions in their colours and the rest in grey, each panel named; its
    /// legend lists only the coloured ones; no kind colour is a line's.
    @Test func generatedCasesChartColoursJurisdictionsApart() throws {
        let f = SyntheticDataset.make(events: 5_000, seed: 1)
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
            events: ("events.csv", f.events))
        let a = Analysis(dataset: d)
        var jurisdictions = Set<JurisdictionIndex>()
        for page in try CasesChart(a.tallies, dataset: d).pages() {
            let plan = try page.layout()
            for s in plan.series {
                jurisdictions.insert(s.jurisdiction)
                #expect(Self.jurisdictionColours.contains(s.color) && !Self.kindAndStageColours.contains(s.color))
            }
            for e in plan.legend where e.item.symbol == .line {
                #expect(e.item.color != SeriesPalette.rest && Self.jurisdictionColours.contains(e.item.color))
            }
            // Grey lines are named by their panels' headers.
            for p in plan.panels where plan.series.contains(where: { $0.jurisdiction == p.jurisdiction && $0.color == SeriesPalette.rest }) {
                #expect(p.header.contains { $0.text.contains(d.jurisdictions[p.jurisdiction].name) }, "\(d.jurisdictions[p.jurisdiction].name)")
            }
        }
        #expect(jurisdictions.count > SeriesPalette.distinctJurisdictions)
    }
}
