import Testing
import Foundation
import NetraTestSupport

/// The built binary writes the same CSVs as the golden files (`Tests/Support/Goldens`)
/// (recorded there from the jobs in process): what a user gets is what is pinned.
@Suite(.removingTemporaryFolders) struct GoldenOutputTests {
    static let goldens = Snapshot.folder + "/bekasi-2024"

    @Test func reportAndBriefingCSVsMatchTheGoldenFiles() throws {
        let out = Netra.tempDir("golden")
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try Netra.run(["report", "--out", out, "--quiet"]).status == 0)
        #expect(try Netra.run(["briefing", "--month", "2024-01", "--out", out, "--quiet"]).status == 0)
        let listed = try String(contentsOfFile: Self.goldens + "/FILES", encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { $0.hasSuffix(".csv") }
        #expect(listed.count == 12)  // with cases.csv and case-clocks.csv (issue 35)
        for name in listed {
            let written = FileManager.default.contents(atPath: out + "/" + name)
            let golden = FileManager.default.contents(atPath: Self.goldens + "/" + name)
            #expect(written != nil && written == golden, "\(name) differs from its golden file")
        }
    }
}
