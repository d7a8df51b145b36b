import Testing
import NetraCore
import NetraAnalytics
import NetraRender
@testable import NetraReport
import NetraTestSupport
@testable import NetraLoad
@testable import NetraWrite

/// Every CSV that `netra report` and `netra briefing --month 2024-01` write, and every chart's
/// plan, pinned byte for byte: for the shipped dataset and a generated one of 5,000 events.
@Suite struct GoldenFileTests {
    static let month = Month(year: 2024, month: 1)

    static func generated() throws -> Analysis {
        let f = SyntheticDataset.make(events: 5_000, seed: 7)
        return Analysis(
            dataset: try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                events: ("events.csv", f.events), name: "generated-5k"))
    }

    static func check(_ a: Analysis, _ set: String) throws {
        let options = JobOptions(fonts: try FontSet.resolve())
        let files = ReportJob.build(a, options: options) + BriefingJob.build(a, month: month, options: options)
        var names: [String] = []
        for f in files {
            if f.name.hasSuffix(".csv") {
                Snapshot.assertMatches(try f.bytes(), "\(set)/\(f.name)")
                names.append(f.name)
            }
            if let plan = try f.planDump() {
                Snapshot.assertMatches(Array(plan.utf8), "\(set)/\(f.name).plan.txt")
                names.append(f.name + ".plan.txt")
            }
        }
        // The list of files is pinned too: a file gone missing fails here, not silently.
        Snapshot.assertMatches(Array((names.joined(separator: "\n") + "\n").utf8), "\(set)/FILES")
    }

    @Test func shippedDataset() throws {
        try Self.check(try shipped(), "bekasi-2024")
    }

    @Test func generated5k() throws {
        try Self.check(try Self.generated(), "generated-5k")
    }
}
