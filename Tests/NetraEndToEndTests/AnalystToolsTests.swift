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

    // MARK: diff

    @Test func diffOfADatasetWithItselfIsEmpty() throws {
        let r = try Netra.run(["diff", "datasets/bekasi-2024", "datasets/bekasi-2024"])
        #expect(r.status == 0 && r.stdout == "0 ditambah, 0 dihapus, 0 diubah\n", "\(r.stderr)")
        let g = Netra.tempDir("diff-gen")
        #expect(try Netra.run(["generate", "--events", "2000", "--seed", "5", "--out", g]).status == 0)
        let c = try Netra.run(["diff", g, g, "--format", "csv"])
        #expect(c.status == 0 && c.stdout == "change,table,id,field,old,new\n", "\(c.stderr)")
    }

    @Test func diffNamesEveryRecordAndField() throws {
        let old = try Self.dataset([
            "a,2024-01-10,day,incident,kota-bekasi,Foto ASN,Radar,",
            "b,2024-01-12,day,statement,kota-bekasi,Pernyataan,Radar,",
            "c,2024-02-01,day,statement,kabupaten-bekasi,Lama,Radar,",
        ], name: "old")
        let new = try Self.dataset([
            "a,2024-01-11,day,incident,kota-bekasi,\"Foto ASN, nomor dua\",Radar,",
            "b,2024-01-12,day,statement,kota-bekasi,Pernyataan,Radar,",
            "d,2024-03-01,day,pledge,kota-bekasi,Ikrar,Radar,",
            "e,2024-03-02,day,pledge,kota-bekasi,Ikrar lain,Radar,",
        ], name: "new")
        let r = try Netra.run(["diff", old, new])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        2 ditambah, 1 dihapus, 1 diubah
        ditambah · events · d
        ditambah · events · e
        dihapus · events · c
        diubah · events · a · date: "2024-01-10" → "2024-01-11"
        diubah · events · a · title: "Foto ASN" → "Foto ASN, nomor dua"

        """)
        #expect(try Netra.run(["diff", old, new, "--lang", "en"]).stdout.hasPrefix("2 added, 1 removed, 1 changed\n"))
        let c = try Netra.run(["diff", old, new, "--format", "csv"])
        #expect(c.stdout == """
        change,table,id,field,old,new
        added,events,d,,,
        added,events,e,,,
        removed,events,c,,,
        changed,events,a,date,2024-01-10,2024-01-11
        changed,events,a,title,Foto ASN,"Foto ASN, nomor dua"

        """)
        // Jurisdictions and elections are compared the same way.
        var j = try String(contentsOfFile: new + "/jurisdictions.csv", encoding: .utf8)
        j = j.replacingOccurrences(of: "Kota Bekasi,kota", with: "Kota Bekasi (Pemkot),kota")
        try j.write(toFile: new + "/jurisdictions.csv", atomically: true, encoding: .utf8)
        try "id,name,date,scope\npemilu-2024,Pemilu 2024,2024-02-14,indonesia\n".write(toFile: new + "/elections.csv", atomically: true, encoding: .utf8)
        let t = try Netra.run(["diff", old, new, "--format", "csv"])
        #expect(t.stdout.hasSuffix("""
        changed,jurisdictions,kota-bekasi,name,Kota Bekasi,Kota Bekasi (Pemkot)
        removed,elections,pilkada-2024,,,

        """), "\(t.stdout)")
    }

    @Test func diffOfAnInvalidDatasetExitsOneWithItsProblems() throws {
        let good = try Self.dataset(["a,2024-01-10,day,incident,kota-bekasi,Foto,Radar,"], name: "good")
        let bad = try Self.dataset(["a,2024-02-30,day,incident,kota-bekasi,Foto,Radar,"], name: "bad")
        let r = try Netra.run(["diff", good, bad])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "\(bad)/events.csv:2:3: date: impossible date '2024-02-30'; no such day in the calendar\nnetra: 1 problem in \(bad)\n")
    }
}
