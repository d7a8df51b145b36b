import Testing
import Foundation
import NetraTestSupport

/// `netra export tallies` (issue 13, point 3): the same bytes as the report's tallies.csv,
/// to standard output or a file, in either flavour.
@Suite(.removingTemporaryFolders) struct TalliesExportTests {
    static let header = "jurisdiction,unit,status,date,count,event_id,latest"

    @Test func exportTalliesIsTheReportsFile() throws {
        let r = try Netra.run(["export", "tallies"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // 21 tallies (the header, then one row each; TallySeriesTests checks every row).
        #expect(lines.first == Self.header && lines.count == 22)
        // KASN's 403 is replaced by its 464; West Java's 20 cases and 67 violations are two series.
        #expect(lines.contains("indonesia,ASN,alleged,2024-02-06,403,nas-2024-02-06-kasn-reported,false"))
        #expect(lines.contains("indonesia,ASN,alleged,2024-06-12,464,nas-2024-06-12-kasn-reported,true"))
        #expect(lines.contains("jawa-barat,kasus,alleged,2024-01-22,20,jabar-2024-01-22-case-tally,true"))
        #expect(lines.contains("jawa-barat,dugaan pelanggaran,alleged,2024-01-22,67,jabar-2024-01-22-violations-tally,true"))

        let out = Netra.tempDir("tallies")
        #expect(try Netra.run(["report", "--out", out, "--quiet"]).status == 0)
        let report = try #require(FileManager.default.contents(atPath: out + "/tallies.csv"))
        #expect(Array(report) == Array(r.stdout.utf8))

        let file = out + "/excel/tallies.csv"
        try FileManager.default.createDirectory(atPath: out + "/excel", withIntermediateDirectories: true)
        #expect(try Netra.run(["export", "tallies", "--excel", "--out", file]).status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let excel = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(excel == r.stdout.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n"))
    }
}
