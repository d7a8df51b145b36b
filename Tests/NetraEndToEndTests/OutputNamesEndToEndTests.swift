import Testing
import Foundation
import NetraTestSupport

/// Jurisdiction ids too long for a file name, or alike in their first 200 bytes, still each
/// get their own chart.
@Suite(.removingTemporaryFolders) struct OutputNamesEndToEndTests {
    @Test func everyJurisdictionGetsItsOwnChartWithinTheNameLimit() throws {
        let long = String(repeating: "a", count: 300), longer = String(repeating: "a", count: 300) + "b"
        let dir = Netra.tempDir("names")
        try "id,name,level,parent\nindonesia,Indonesia,nasional,\na_b,A_B,kota,indonesia\n\(longer),Longer,kota,indonesia\n\(long),Long,kota,indonesia\n"
            .write(toFile: dir + "/jurisdictions.csv", atomically: true, encoding: .utf8)
        try "id,name,date,scope\np,P,2024-02-14,indonesia\n".write(toFile: dir + "/elections.csv", atomically: true, encoding: .utf8)
        try """
        id,date,precision,kind,jurisdiction,title,source
        e1,2024-01-02,day,pledge,\(longer),T,S
        e2,2024-01-03,day,pledge,a_b,T,S
        e3,2024-01-04,day,pledge,\(long),T,S

        """.write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let out = Netra.tempDir("names-out")
        let r = try Netra.run(["report", "--dataset", dir, "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let charts = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("monthly-") && $0.hasSuffix(".png") }
        // Indonesia and the three under it, none lost to another's name.
        #expect(charts.count == 4)
        #expect(charts.contains("monthly-a_b.png") && charts.contains("monthly-indonesia.png"))
        #expect(charts.allSatisfy { $0.utf8.count <= 255 })
    }
}
