import Testing
import NetraTestSupport
@testable import NetraCore

@Suite struct EventGraphTests {
    /// incident ← report ← decision ← sanction, and a statement on the incident.
    static func chain() throws -> Dataset {
        try Fixture.load(
            events: Fixture.eventsPlus(
                """
                said,2024-01-03,day,statement,kota-bekasi,Said,,,responds_to:photo,S,
                fine,2024-02-01,day,sanction,kota-bekasi,Sanction,,,sanctions:decision,S,
                """))
    }

    @Test func edgesAreIndexedBothWays() throws {
        let d = try Self.chain()
        let g = EventGraph(events: d.events)
        let id = { (s: String) in d.eventsByID[s] ?? -1 }
        #expect(g.edgeCount == 4)
        #expect(g.causes(of: id("report")).map(\.node) == [id("photo")])
        #expect(g.causes(of: id("report")).map(\.relation) == [.reports])
        #expect(Set(g.effects(of: id("photo")).map(\.node)) == [id("report"), id("said")])
        // Read in place, the same effects in event order, with their relations.
        var seen: [(EventIndex, Relation)] = []
        g.forEachEffect(of: id("photo")) { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == [id("report"), id("said")].sorted())
        #expect(seen.map(\.1) == g.effects(of: id("photo")).map(\.relation))
        let relations: Set<Relation> = Set(seen.map(\.1))
        #expect(relations == [.reports, .respondsTo])
    }

    /// Lists of links with repeats, empty lists and more links than events (the flat copy
    /// outgrows the room made for it): each event's causes are its list in order, each one's
    /// effects every link to it in event order, then list order.
    @Test func manyLinksAreIndexedBothWays() {
        var random = SeededGenerator(seed: 7)
        let n = 400
        let lists: [[Link]] = (0..<n).map { k in
            k == 0
                ? []
                : (0..<random.below(5)).map { _ in Link(relation: Relation.allCases[random.below(Relation.allCases.count)], target: EventIndex(random.below(k)))
                }
        }
        #expect(lists.reduce(0) { $0 + $1.count } > n)
        let g = EventGraph(links: Column(lists))
        #expect(g.edgeCount == lists.reduce(0) { $0 + $1.count })
        for k in 0..<n {
            let node = EventIndex(k)
            #expect(g.causes(of: node).map(\.node) == lists[k].map(\.target))
            #expect(g.causes(of: node).map(\.relation) == lists[k].map(\.relation))
            let effects = (0..<n).flatMap { e in lists[e].filter { $0.target == node }.map { (EventIndex(e), $0.relation) } }
            #expect(g.effects(of: node).map(\.node) == effects.map(\.0))
            #expect(g.effects(of: node).map(\.relation) == effects.map(\.1))
        }
    }

    @Test func ancestorsAndDescendants() throws {
        let d = try Self.chain()
        let g = EventGraph(events: d.events)
        let id = { (s: String) in d.eventsByID[s] ?? -1 }
        #expect(g.ancestors(of: id("fine")).map { d.events[$0].id } == ["photo", "report", "decision"])
        #expect(g.descendants(of: id("photo")).map { d.events[$0].id } == ["report", "decision", "said", "fine"])
        #expect(g.descendants(of: id("photo"), following: [.reports]).map { d.events[$0].id } == ["report"])
        #expect(g.ancestors(of: id("pledge")).isEmpty)
    }

    @Test func topologicalOrderPutsCausesFirst() throws {
        let d = try Self.chain()
        let g = EventGraph(events: d.events)
        let order = try #require(g.topologicalOrder())
        #expect(order.count == d.events.count)
        let at = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for e in g.edges { #expect((at[e.to] ?? 0) < (at[e.from] ?? 0)) }
        #expect(g.cycles().isEmpty)
    }

    @Test func cyclesAreFoundOnceEach() {
        func day(_ s: String) -> EventDate {
            EventDate(written: WrittenDate(anchor: Day(year: 2024, month: 1, day: 1) ?? Day(ordinal: 0), form: .day), precision: .day)
        }
        // 0 → 1 → 2 → 0, and 3 → 3 is refused by the loader; 4 → 3 has no cycle.
        let events = (0..<5).map { Event(id: "e\($0)", date: day(""), kind: .response, jurisdiction: 0) }
        var ev = events
        ev[0].links = [Link(relation: .respondsTo, target: 1)]
        ev[1].links = [Link(relation: .respondsTo, target: 2)]
        ev[2].links = [Link(relation: .respondsTo, target: 0)]
        ev[4].links = [Link(relation: .respondsTo, target: 3)]
        let g = EventGraph(events: EventTable(ev))
        #expect(g.cycles() == [[0, 1, 2]])
        #expect(g.topologicalOrder() == nil)
    }
}
