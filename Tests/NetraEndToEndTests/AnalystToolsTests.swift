import Testing
import Foundation

/// Issue 18: possible duplicates, trends, `diff` and the filters, as a user runs them.
@Suite(.removingTemporaryFolders) struct AnalystToolsTests {
    static let header = "id,date,precision,kind,jurisdiction,title,source,source_url"

    /// A dataset folder with the shipped jurisdictions and elections and these events.
    static func dataset(_ rows: [String], name: String = "small") throws -> String {
        let dir = Netra.tempDir(name)
        for f in ["jurisdictions.csv", "elections.csv"] {
            try FileManager.default.copyItem(atPath: Netra.root + "/datasets/bekasi-2024/" + f, toPath: dir + "/" + f)
        }
        try (([header] + rows).joined(separator: "\n") + "\n").write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        return dir
    }

    static let duplicateRows = [
        "a1,2024-01-10,day,incident,kota-bekasi,ASN berfoto pose dua,Radar,",
        "b1,2024-01-20,day,response,kota-bekasi,Klarifikasi,Radar,https://radar.id/9",
        "a2,2024-01-12,day,incident,kota-bekasi,\"asn berfoto, pose dua!\",Kabar,",
        "b2,2024-01-20,day,response,kota-bekasi,Teguran,Kabar,https://radar.id/9",
        "a3,2024-01-16,day,incident,kota-bekasi,ASN berfoto pose dua,Radar,",
    ]

    @Test func validateWarnsOfPossibleDuplicatesAndStrictFails() throws {
        let d = try Self.dataset(Self.duplicateRows)
        let r = try Netra.run(["validate", "--dataset", d])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == """
        \(d)/events.csv:4:40: warning: possible duplicate of 'a1' (line 2, same kind and jurisdiction, 2 days apart, titles 1.00 alike)
        \(d)/events.csv:5:54: warning: possible duplicate of 'b1' (line 3, same kind and jurisdiction, same day, same source_url)

        """)
        #expect(r.stdout.hasPrefix("ok: 5 events"))
        let strict = try Netra.run(["validate", "--strict", "--dataset", d])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasSuffix("netra: 2 warnings in \(d); --strict fails on warnings\n"), "\(strict.stderr)")
        #expect(strict.stdout.isEmpty)
    }

    @Test func exportDuplicatesListsEveryPair() throws {
        let d = try Self.dataset(Self.duplicateRows)
        let r = try Netra.run(["export", "duplicates", "--dataset", d])
        #expect(r.status == 0, "\(r.stderr)")
        // a3 is 4 days after a2 and 6 after a1: a near miss.
        #expect(r.stdout == """
        event_id,other_id,days_apart,title_similarity,same_source_url
        a1,a2,2,1.00,false
        b1,b2,0,0.00,true

        """)
    }

    @Test func shippedDatasetValidatesUnderStrict() throws {
        // The shipped rows from one article (one pledge and its follow-up, tallies of several
        // series) are told apart by their links and series: no warning.
        let r = try Netra.run(["validate", "--strict"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Netra.run(["export", "duplicates"]).stdout == "event_id,other_id,days_apart,title_similarity,same_source_url\n")
    }
}
