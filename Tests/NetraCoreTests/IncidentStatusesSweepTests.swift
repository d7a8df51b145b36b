@testable import NetraWrite
import Testing
import NetraTestSupport
import Foundation
@testable import NetraCore
@testable import NetraLoad

/// The one-sweep search for the status set last on each incident equals the plain walk back
/// from every decision, and stays linear where that walk is quadratic.
@Suite struct IncidentStatusesSweepTests {
    @Test(arguments: [1, 2, 3])
    func theSweepFindsWhatTheWalkFinds(seed: UInt64) throws {
        let f = SyntheticDataset.make(events: 3_000, seed: seed)
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections), events: ("events.csv", f.events))
        let s = IncidentStatuses(d.events, graph: EventGraph(events: d.events))
        let setters = d.events.indices.filter { IncidentStatuses.sets(d.events, $0) }
        #expect(setters.count > 50)
        // As of everything, and as of a day half way, so that some setters do not count.
        let mid = d.events.dates[d.events.startIndex].anchor.ordinal + 400
        for counts in [{ (_: EventIndex) in true }, { (k: EventIndex) in d.events.dates[k].anchor.ordinal <= mid }] {
            let sweep = try #require(s.latestInOneSweep(d.events, counts: counts))
            #expect(sweep == s.latestByWalking(d.events, counts: counts))
        }
        #expect(s.disagreements(d.events).isEmpty)
    }

    /// A ladder: report k reports incident k and report k-1, and decision k decides report k,
    /// so decision k reaches k incidents; 20,000 rungs walk 2·10^8 steps the plain way.
    @Test func aLadderOfDecisionsTakesLinearTime() throws {
        let n = 20_000
        var rows = ["id,date,precision,kind,jurisdiction,title,status,links,source"]
        rows.reserveCapacity(3 * n + 1)
        for k in 0..<n {
            rows.append("i\(k),2024-01-01,day,incident,kota-bekasi,I,dismissed,,A")
            rows.append("r\(k),2024-01-02,day,report,kota-bekasi,R,,reports:i\(k)\(k > 0 ? ";reports:r\(k - 1)" : ""),A")
            rows.append("d\(k),2024-01-03,day,decision,kota-bekasi,D,dismissed,decides:r\(k),A")
        }
        let d = try Fixture.load(events: rows.joined(separator: "\n") + "\n")
        let started = Date()
        let s = IncidentStatuses(d.events, graph: EventGraph(events: d.events))
        let all = s.asOf(d.events) { _ in true }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(d.events.indices.filter { d.events.kinds[$0] == .incident }.allSatisfy { all[$0] == .dismissed })
        // The last setter of incident 0 is the decision with the largest id on that day: d9999.
        let last = s.latestSetters(d.events) { _ in true }
        let i0 = try #require(d.eventsByID["i0"])
        #expect(d.events.id(EventIndex(last[i0.raw])) == "d9999")
    }
}
