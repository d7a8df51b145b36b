import Testing
import NetraCore
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics

/// Properties that hold on any valid dataset, checked on generated ones.
@Suite struct PropertyTests {
    static func generated(_ seed: UInt64) throws -> Analysis {
        let f = SyntheticDataset.make(events: 3000, seed: seed)
        return Analysis(
            dataset: try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                events: ("events.csv", f.events)))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aRollUpIsItsOwnRowsPlusItsChildrensRollUps(seed: UInt64) throws {
        let a = try Self.generated(seed)
        let d = a.dataset
        struct Key: Hashable { var month: Month; var j: JurisdictionIndex; var kind: EventKind }
        var own: [Key: (Int, Int, Int)] = [:], rolled: [Key: (Int, Int, Int)] = [:]
        for rollup in [false, true] {
            for r in a.monthly(rollup: rollup) {
                // Empty exactly when nothing was summed, and never for tallies.
                #expect((r.countSum == nil) == (r.counted == 0))
                if r.kind == .caseTally { #expect(r.countSum == nil) }
                let v = (r.events, r.countSum ?? 0, r.counted), key = Key(month: r.month, j: r.jurisdiction, kind: r.kind)
                if rollup { rolled[key] = v } else { own[key] = v }
            }
        }
        let children = Column<JurisdictionIndex, [JurisdictionIndex]>(
            d.jurisdictions.indices.map { j in d.jurisdictions.indices.filter { d.jurisdictions[$0].parent == j } })
        for key in Set(rolled.keys).union(own.keys) {
            var events = own[key]?.0 ?? 0, sum = own[key]?.1 ?? 0, counted = own[key]?.2 ?? 0
            for c in children[key.j] {
                let r = rolled[Key(month: key.month, j: c, kind: key.kind)]
                events += r?.0 ?? 0; sum += r?.1 ?? 0; counted += r?.2 ?? 0
            }
            #expect(rolled[key]?.0 == events && rolled[key]?.1 == sum && rolled[key]?.2 == counted)
        }
        // The root holds every event once.
        let root = try #require(d.jurisdictions.indices.first { d.jurisdictions[$0].parent == nil })
        #expect(a.monthly(rollup: true).filter { $0.jurisdiction == root }.reduce(0) { $0 + $1.events } == d.events.count)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func noExactResponsePrecedesItsIncident(seed: UInt64) throws {
        let a = try Self.generated(seed)
        let handling = a.leadTimes.filter { $0.measure.reachedKind != nil }
        #expect(!handling.isEmpty)
        for t in handling where t.exact { #expect(t.days >= 0) }
        // Each reached event really is of the measure's kind, and reaches the incident.
        for t in handling {
            guard case .event(let r) = t.target else { Issue.record("no target"); continue }
            #expect(a.dataset.events[r].kind == t.measure.reachedKind)
            #expect(a.dataset.events[t.event].kind == .incident)
            #expect(a.graph.ancestors(of: r).contains(t.event))
        }
    }

    @Test func comparisonSidesAddUpForDisjointSiblings() throws {
        let a = try Self.generated(5)
        let d = a.dataset
        let kota = try #require(d.jurisdictionIndex["kota-bekasi"]), kab = try #require(d.jurisdictionIndex["kabupaten-bekasi"])
        let c = a.compare(kota, kab)
        let rows = c.values
        let kotaIncidents = d.events.filter { $0.kind == .incident && $0.jurisdiction == kota }.count
        #expect(rows[.incidentsTotal]?.0 == .count(kotaIncidents))
        if case .count(let total)? = rows[.incidentsTotal]?.1, case .count(let al)? = rows[.incidentsAlleged]?.1,
            case .count(let co)? = rows[.incidentsConfirmed]?.1, case .count(let di)? = rows[.incidentsDismissed]?.1,
            case .count(let sa)? = rows[.incidentsSanctioned]?.1, case .count(let un)? = rows[.incidentsUnknown]?.1
        {
            // With the incidents of unknown status, the statuses add up to the total.
            #expect(al + co + di + sa + un == total)
        } else {
            Issue.record("incident counts missing")
        }
    }
}
