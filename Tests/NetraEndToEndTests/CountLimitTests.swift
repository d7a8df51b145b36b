import Testing
import Foundation
import NetraTestSupport

/// A count that validates never crashes anything (issue 16, point 3): counts are capped at
/// `CSVLimits.maxCount`, so every sum fits; a larger one is refused where it stands.
@Suite(.removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun) struct CountLimitTests {
    static let shippedEvents: String = (try? String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)) ?? ""

    /// The shipped events plus `n` pledges of Kota Bekasi, each with `count`.
    static func withPledges(_ n: Int, count: String) -> String {
        var s = shippedEvents
        if !s.hasSuffix("\n") { s += "\n" }
        for k in 0..<n {
            s +=
                "kota-2023-11-20-pledge-big-\(k),2023-11-20,day,,pledge,kota-bekasi,Big pledge \(k),,,,\(count),pernyataan,,,Test,,,,\(Netra.shippedExtraFields)\n"
        }
        return s
    }

    @Test func aCountOverTheLimitIsRefusedWhereItStands() throws {
        let dir = try Netra.brokenDataset("events.csv", Self.withPledges(1, count: "900000000000000000"))
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        #expect(r.status == 1)
        let line = Self.shippedEvents.split(separator: "\n", omittingEmptySubsequences: false).count + (Self.shippedEvents.hasSuffix("\n") ? 0 : 1)
        #expect(r.stderr.contains("\(dir)/events.csv:\(line):"), "\(r.stderr)")
        #expect(r.stderr.contains("count: 900000000000000000 is more than the limit of 1000000000"), "\(r.stderr)")
        // Twenty digits too: a limit, not "not a whole number".
        let twenty = try Netra.brokenDataset("events.csv", Self.withPledges(1, count: "99999999999999999999"))
        #expect(try Netra.run(["validate", "--lang", "en", "--dataset", twenty]).stderr.contains("is more than the limit of 1000000000"))
    }

    @Test func countsAtTheLimitGoThroughEveryCommand() throws {
        let dir = try Netra.brokenDataset("events.csv", Self.withPledges(10, count: "1000000000"))
        #expect(try Netra.run(["validate", "--dataset", dir]).status == 0)
        let out = Netra.tempDir("out")
        let report = try Netra.run(["--dataset", dir, "--out", out, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let monthly = try Netra.run(["export", "monthly", "--dataset", dir, "--rollup"])
        #expect(monthly.status == 0)
        // Ten billion signatories in Nov 2023 at Kota Bekasi, plus the real 24,013.
        #expect(monthly.stdout.contains("2023-11,kota-bekasi,pledge,12,10000024013"), "\(monthly.stdout.prefix(600))")
        #expect(try Netra.run(["compare", "--dataset", dir]).status == 0)
    }
}
