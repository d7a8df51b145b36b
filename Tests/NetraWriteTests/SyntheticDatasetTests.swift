import Testing
import NetraCore
import NetraTestSupport
import NetraLoad
import NetraWrite
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SyntheticDatasetTests {
    static let files = SyntheticDataset.make(events: 2_000, seed: 7)

    static func load(_ f: SyntheticDataset.Files) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions),
            elections: ("elections.csv", f.elections),
            events: ("events.csv", f.events))
    }

    /// The dataset, or a failed expectation listing the loader's first complaints.
    static func loaded() throws -> Dataset {
        do { return try load(files) } catch {
            Issue.record("diagnostics: \(error.diagnostics.prefix(10).map(\.description))")
            throw error
        }
    }

    @Test func loadsWithNoDiagnosticsAndExactlyTheEventsAsked() throws {
        let d = try Self.loaded()
        #expect(d.events.count == 2_000)
        for n in [1, 2, 17, 333] {
            #expect(try Self.load(SyntheticDataset.make(events: n, seed: UInt64(n))).events.count == n)
        }
    }

    @Test func everyKindAppears() throws {
        let kinds = Set(try Self.loaded().events.map(\.kind))
        #expect(kinds == Set(EventKind.allCases))
    }

    @Test func holdsTheBekasisUnderJawaBaratAndTheElections() throws {
        let d = try Self.loaded()
        #expect(d.jurisdictions.count >= 25)
        let jabar = try #require(d.jurisdictionIndex["jawa-barat"])
        for id in ["kota-bekasi", "kabupaten-bekasi"] {
            let j = try #require(d.jurisdictionIndex[id], "missing \(id)")
            #expect(d.jurisdictions[j].parent == jabar)
            #expect(d.events.contains { $0.jurisdiction == j })
        }
        #expect(Set(d.jurisdictions.map(\.level)) == Set(JurisdictionLevel.allCases))
        let elections = d.elections.map { "\($0.id) \($0.date.iso) \(d.jurisdictions[$0.scope].id)" }
        #expect(elections.contains("pemilu-2024 2024-02-14 indonesia"))
        #expect(elections.contains("pilkada-2024 2024-11-27 indonesia"))
    }

    @Test func hasEveryPrecisionSpansCountsStatusesAndSources() throws {
        let d = try Self.loaded()
        #expect(Set(d.events.map(\.date.precision)) == Set(Precision.allCases))
        #expect(d.events.contains { $0.endDate != nil })
        #expect(d.events.contains { $0.kind == .pledge && $0.count != nil })
        #expect(d.events.contains { $0.kind == .caseTally && $0.count != nil && $0.status != nil })
        #expect(d.events.filter { $0.kind == .incident }.allSatisfy { $0.status != nil })
        let lo = try #require(Day(year: 2022, month: 6, day: 1)), hi = try #require(Day(year: 2024, month: 12, day: 31))
        for e in d.events {
            #expect(!e.source.isEmpty && !e.sourceURL.isEmpty)
            let published = try #require(e.sourceDate)
            #expect(published >= e.date.latest, "\(e.id)")
            #expect(e.date.latest >= lo && e.date.latest <= hi, "\(e.id)")  // a whole-year 2022 starts before June
        }
    }

    @Test func someFieldsNeedQuoting() throws {
        let d = try Self.loaded()
        let texts = d.events.flatMap { [$0.title, $0.actors, $0.place, $0.source, $0.quote, $0.notes] }
        #expect(texts.contains { $0.contains(",") })
        #expect(texts.contains { $0.contains("\"") })
        #expect(texts.contains { $0.contains("\n") })
        #expect(Self.files.events.contains(0x22))
    }

    @Test func theSameSeedGivesTheSameBytes() {
        let again = SyntheticDataset.make(events: 2_000, seed: 7)
        #expect(again == Self.files)
        let other = SyntheticDataset.make(events: 2_000, seed: 8)
        #expect(other.events != Self.files.events)
    }

    @Test func theGraphIsOrderedAndHoldsWholeIncidentChains() throws {
        let d = try Self.loaded()
        let graph = EventGraph(events: d.events)
        #expect(graph.topologicalOrder() != nil)
        #expect(graph.edgeCount > 1_000)
        let relations = Set(graph.edges.map(\.relation))
        #expect(relations == Set(Relation.allCases))
        // incident ← responds_to response; incident ← reports report ← decides decision; incident ← sanctions sanction.
        var whole = 0
        for i in d.events.indices where d.events.kinds[i] == .incident {
            let e = d.events[i]
            let effects = graph.effects(of: i)
            guard let response = effects.first(where: { $0.relation == .respondsTo && d.events[$0.node].kind == .response }),
                let report = effects.first(where: { $0.relation == .reports }),
                let decision = graph.effects(of: report.node).first(where: { $0.relation == .decides }),
                let sanction = effects.first(where: { $0.relation == .sanctions })
            else { continue }
            let chain = [i, response.node, report.node, decision.node, sanction.node].map { d.events[$0] }
            #expect(chain.map(\.kind) == [.incident, .response, .report, .decision, .sanction])
            #expect(zip(chain, chain.dropFirst()).allSatisfy { $0.date.anchor <= $1.date.anchor })
            #expect(e.status == .sanctioned)
            whole += 1
        }
        #expect(whole >= 20)
    }

    @Test func writesTheThreeFilesIntoANewFolder() throws {
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        let dir = folders.make("synthetic") + "/nested"
        let bytes = try SyntheticDataset.write(events: 300, seed: 3, to: dir)
        let d = try DatasetLoader.load(directory: dir)
        #expect(d.events.count == 300)
        #expect(bytes == SyntheticDataset.make(events: 300, seed: 3).byteCount)
        // A second run replaces the files and leaves no temporary one behind.
        try SyntheticDataset.write(events: 10, seed: 3, to: dir)
        #expect(try DatasetLoader.load(directory: dir).events.count == 10)
        #expect(!FileIO.exists(dir + "/events.csv.tmp-\(getpid())"))
        #expect(throws: SyntheticDataset.WriteError.self) {
            try SyntheticDataset.write(events: 1, seed: 1, to: dir + "/events.csv")
        }
    }
}
