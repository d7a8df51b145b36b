import Testing
import Foundation
import NetraTestSupport

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
        "a3,2024-01-16,day,incident,kota-bekasi,ASN berfoto pose dua,Radar,"
    ]

    @Test func validateWarnsOfPossibleDuplicatesAndStrictFails() throws {
        let d = try Self.dataset(Self.duplicateRows)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", d])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr == """
                \(d)/events.csv:4:40: warning: possible duplicate of 'a1' (on line 2, same kind and jurisdiction, 2 days apart, titles 1.00 alike)
                \(d)/events.csv:5:54: warning: possible duplicate of 'b1' (on line 3, same kind and jurisdiction, same day, same source_url)

                """)
        #expect(r.stdout.hasPrefix("ok: 5 events"))
        let strict = try Netra.run(["validate", "--lang", "en", "--strict", "--dataset", d])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasSuffix("netra: 2 warnings in \(d); --strict fails on warnings\n"), "\(strict.stderr)")
        #expect(strict.stdout.isEmpty)
        // In Bahasa Indonesia, the default.
        let ketat = try Netra.run(["validate", "--strict", "--dataset", d])
        #expect(
            ketat.stderr == """
                \(d)/events.csv:4:40: peringatan: mungkin ganda dengan 'a1' (di baris 2, jenis dan wilayah sama, berselang 2 hari, judul 1.00 mirip)
                \(d)/events.csv:5:54: peringatan: mungkin ganda dengan 'b1' (di baris 3, jenis dan wilayah sama, hari yang sama, source_url sama)
                netra: 2 peringatan di \(d); --strict gagal bila ada peringatan

                """)
    }

    /// A year mistyped in a spreadsheet (0024, 2204 for 2024) is a valid date: it is said, at
    /// its cell, and `--strict` fails on it; the dates of the dataset's own years are not.
    @Test func validateWarnsOfYearsBeforeTheCivilServiceOrAfterToday() throws {
        let d = try Self.dataset([
            "a1,2024-01-10,day,incident,kota-bekasi,Foto,Radar,",
            "a2,0024-01-12,day,statement,kota-bekasi,Klarifikasi,Radar,",
            "a3,2204-01-16,day,response,kota-bekasi,Teguran,Radar,",
            "a4,1945,year,regulation,indonesia,Peraturan lama,Radar,"
        ])
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", d])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(r.stderr)")
        #expect(lines.first == "\(d)/events.csv:3:4: warning: date: '0024-01-12' is before 1945, when Indonesia's civil service began; is the year mistyped?")
        #expect(lines.last?.hasPrefix("\(d)/events.csv:4:4: warning: date: '2204-01-16' is after today (") == true)
        #expect(lines.last?.hasSuffix("); is the year mistyped?") == true)
        #expect(r.stdout.hasPrefix("ok: 4 events"))
        let ketat = try Netra.run(["validate", "--strict", "--dataset", d])
        #expect(ketat.status == 1)
        #expect(
            ketat.stderr.hasPrefix(
                "\(d)/events.csv:3:4: peringatan: date: '0024-01-12' sebelum 1945, tahun berdirinya kepegawaian negara Indonesia; apakah tahunnya salah ketik?\n"
            ))
        #expect(ketat.stderr.hasSuffix("netra: 2 peringatan di \(d); --strict gagal bila ada peringatan\n"), "\(ketat.stderr)")
    }

    @Test func exportDuplicatesListsEveryPair() throws {
        let d = try Self.dataset(Self.duplicateRows)
        let r = try Netra.run(["export", "duplicates", "--dataset", d])
        #expect(r.status == 0, "\(r.stderr)")
        // a3 is 4 days after a2 and 6 after a1: a near miss.
        #expect(
            r.stdout == """
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
        let r = try Netra.run(["diff", "datasets/bekasi-2024", "datasets/bekasi-2024"], in: Netra.root)
        #expect(r.status == 0 && r.stdout == "0 ditambah, 0 dihapus, 0 diubah\n", "\(r.stderr)")
        let g = Netra.tempDir("diff-gen")
        #expect(try Netra.run(["generate", "--events", "2000", "--seed", "5", "--out", g]).status == 0)
        let c = try Netra.run(["diff", g, g, "--format", "csv"])
        #expect(c.status == 0 && c.stdout == "change,table,id,field,old,new\n", "\(c.stderr)")
    }

    @Test func diffNamesEveryRecordAndField() throws {
        let old = try Self.dataset(
            [
                "a,2024-01-10,day,incident,kota-bekasi,Foto ASN,Radar,",
                "b,2024-01-12,day,statement,kota-bekasi,Pernyataan,Radar,",
                "c,2024-02-01,day,statement,kabupaten-bekasi,Lama,Radar,"
            ], name: "old")
        let new = try Self.dataset(
            [
                "a,2024-01-11,day,incident,kota-bekasi,\"Foto ASN, nomor dua\",Radar,",
                "b,2024-01-12,day,statement,kota-bekasi,Pernyataan,Radar,",
                "d,2024-03-01,day,pledge,kota-bekasi,Ikrar,Radar,",
                "e,2024-03-02,day,pledge,kota-bekasi,Ikrar lain,Radar,"
            ], name: "new")
        let r = try Netra.run(["diff", old, new])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                2 ditambah, 1 dihapus, 1 diubah
                ditambah · events · d
                ditambah · events · e
                dihapus · events · c
                diubah · events · a · date: "2024-01-10" → "2024-01-11"
                diubah · events · a · title: "Foto ASN" → "Foto ASN, nomor dua"

                """)
        #expect(try Netra.run(["diff", old, new, "--lang", "en"]).stdout.hasPrefix("2 added, 1 removed, 1 changed\n"))
        let c = try Netra.run(["diff", old, new, "--format", "csv"])
        #expect(
            c.stdout == """
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
        #expect(
            t.stdout.hasSuffix(
                """
                changed,jurisdictions,kota-bekasi,name,Kota Bekasi,Kota Bekasi (Pemkot)
                removed,elections,pilkada-2024,,,

                """), "\(t.stdout)")
    }

    @Test func diffOfAnInvalidDatasetExitsOneWithItsProblems() throws {
        let good = try Self.dataset(["a,2024-01-10,day,incident,kota-bekasi,Foto,Radar,"], name: "good")
        let bad = try Self.dataset(["a,2024-02-30,day,incident,kota-bekasi,Foto,Radar,"], name: "bad")
        let r = try Netra.run(["diff", "--lang", "en", good, bad])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "\(bad)/events.csv:2:3: date: impossible date '2024-02-30'; no such day in the calendar\nnetra: 1 problem in \(bad)\n")
    }

    // MARK: filters

    /// RFC 4180 rows (quotes, doubled quotes, line breaks in cells).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { cell.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// Runs `netra export KIND` with and without `filter` on `dataset`.
    static func export(_ kind: String, _ dataset: String, _ filter: [String]) throws -> (all: [[String]], kept: [[String]]) {
        let all = try Netra.run(["export", "--lang", "en", kind, "--dataset", dataset])
        let kept = try Netra.run(["export", "--lang", "en", kind, "--dataset", dataset] + filter)
        #expect(all.status == 0 && kept.status == 0, "\(all.stderr)\(kept.stderr)")
        return (parse(all.stdout), parse(kept.stdout))
    }

    /// The filtered exports are the unfiltered ones with the rows outside removed: monthly
    /// exactly; events in every column but those that follow links (a link to an event left
    /// out is left out, as with --as-of); statuses are still set by decisions outside it.
    static func checkFilteredEqualsUnfilteredMinusRows(_ dataset: String, under: Set<String>, from: String, to: String, kinds: [String]) throws {
        let filter = under.sorted().flatMap { ["--jurisdiction", $0] } + ["--from", from, "--to", to] + kinds.flatMap { ["--kind", $0] }
        // Months are compared as text: YYYY-MM orders as it reads.
        let m = try export("monthly", dataset, filter)
        let expected =
            [m.all[0]]
            + m.all.dropFirst().filter { r in
                under.contains(r[1]) && r[0] >= String(from.prefix(7)) && r[0] <= String(to.prefix(7)) && kinds.contains(r[2])
            }
        #expect(m.kept == expected)
        #expect(m.kept.count > 1, "the filter keeps some rows")
        let e = try export("events", dataset, filter)
        let header = e.all[0]
        #expect(e.kept[0] == header)
        func col(_ n: String) -> Int { header.firstIndex(of: n) ?? 0 }
        let followLinks = Set(["links", "first_response_days", "first_report_days", "first_decision_days", "first_sanction_days"].map(col))
        func strip(_ r: [String]) -> [String] { r.enumerated().filter { !followLinks.contains($0.offset) }.map(\.element) }
        let kept = e.all.dropFirst().filter { r in
            under.contains(r[col("jurisdiction")]) && kinds.contains(r[col("kind")])
                && r[col("anchor_date")] >= from && r[col("anchor_date")] <= to
        }
        #expect(e.kept.dropFirst().map(strip) == kept.map(strip))
        #expect(!kept.isEmpty)
    }

    @Test func filteredExportsOfTheShippedDataset() throws {
        // Kota Bekasi has no jurisdiction under it; the anchor range is inclusive at both ends.
        try Self.checkFilteredEqualsUnfilteredMinusRows(
            Netra.root + "/datasets/bekasi-2024", under: ["kota-bekasi"],
            from: "2023-11-01", to: "2024-01-31", kinds: ["incident", "decision", "pledge"])
    }

    @Test func filteredExportsOfAGeneratedDataset() throws {
        let g = Netra.tempDir("filter-gen")
        #expect(try Netra.run(["generate", "--events", "3000", "--seed", "9", "--out", g]).status == 0)
        // Jawa Barat includes its cities and regencies: every id under it, from the file.
        let rows = Self.parse(try String(contentsOfFile: g + "/jurisdictions.csv", encoding: .utf8))
        var under: Set<String> = ["jawa-barat"]
        var grew = true
        while grew {
            grew = false
            for r in rows.dropFirst() where r.count > 3 && under.contains(r[3]) && !under.contains(r[0]) { under.insert(r[0]); grew = true }
        }
        #expect(under.count > 3)
        let filter = ["--jurisdiction", "jawa-barat", "--from", "2023-06-01", "--to", "2024-02-29", "--kind", "incident", "--kind", "sosialisasi"]
        // --jurisdiction jawa-barat keeps the same rows as listing every id under it.
        let one = try Netra.run(["export", "monthly", "--dataset", g] + filter)
        let each = try Netra.run(
            ["export", "monthly", "--dataset", g, "--from", "2023-06-01", "--to", "2024-02-29", "--kind", "incident", "--kind", "sosialisasi"]
                + under.sorted().flatMap { ["--jurisdiction", $0] })
        #expect(one.stdout == each.stdout && one.status == 0)
        try Self.checkFilteredEqualsUnfilteredMinusRows(g, under: under, from: "2023-06-01", to: "2024-02-29", kinds: ["incident", "sosialisasi"])
    }

    @Test func aMonthRunsToItsLastDay() throws {
        let d = try Self.dataset([
            "a,2024-01-01,day,incident,kota-bekasi,A,Radar,",
            "b,2024-01-31,day,incident,kota-bekasi,B,Radar,",
            "c,2024-02-01,day,incident,kota-bekasi,C,Radar,",
            "d,2023-12-31,day,incident,kabupaten-bekasi,D,Radar,"
        ])
        let r = try Netra.run(["export", "monthly", "--dataset", d, "--from", "2024-01", "--to", "2024-01"])
        #expect(r.stdout == "month,jurisdiction,kind,events,count_sum,counted\n2024-01,kota-bekasi,incident,2,,0\n")
        let days = try Netra.run(["export", "monthly", "--dataset", d, "--from", "2023-12-31", "--to", "2024-01-01"])
        #expect(days.stdout == "month,jurisdiction,kind,events,count_sum,counted\n2023-12,kabupaten-bekasi,incident,1,,0\n2024-01,kota-bekasi,incident,1,,0\n")
    }

    @Test func unknownIdsAndKindsAreUsageErrors() throws {
        let k = try Netra.run(["export", "--lang", "en", "events", "--kind", "rally"])
        #expect(k.status == 2)
        #expect(
            k.stderr.hasPrefix(
                "Error: unknown kind 'rally'; expected one of: regulation, task_force, directive, sosialisasi, pledge, incident, response, report, decision, sanction, case_tally, statement\n"
            ), "\(k.stderr)")
        let d = try Self.dataset(["a,2024-01-01,day,incident,kota-bekasi,A,Radar,"])
        let j = try Netra.run(["report", "--lang", "en", "--dataset", d, "--out", Netra.tempDir("unknown-j"), "--jurisdiction", "bogor"])
        #expect(j.status == 2)
        #expect(j.stderr == "netra: unknown jurisdiction 'bogor'; expected one of: indonesia, jawa-barat, kota-bekasi, kabupaten-bekasi\n")
        // A near id is suggested, in the user's language.
        let near = try Netra.run(["report", "--dataset", d, "--out", Netra.tempDir("unknown-j"), "--jurisdiction", "kota-bekas"])
        #expect(near.status == 2)
        #expect(
            near.stderr
                == "netra: wilayah 'kota-bekas' tidak dikenal (maksud Anda `kota-bekasi`?); pilihan: indonesia, jawa-barat, kota-bekasi, kabupaten-bekasi\n")
        let nearEN = try Netra.run(["report", "--lang", "en", "--dataset", d, "--out", Netra.tempDir("unknown-j"), "--jurisdiction", "kota-bekas"])
        #expect(
            nearEN.stderr
                == "netra: unknown jurisdiction 'kota-bekas' (did you mean `kota-bekasi`?); expected one of: indonesia, jawa-barat, kota-bekasi, kabupaten-bekasi\n"
        )
        let m = try Netra.run(["export", "--lang", "en", "events", "--from", "Nov"])
        #expect(m.status == 2 && m.stderr.contains("--from: 'Nov' is not a day or a month; expected YYYY-MM or YYYY-MM-DD"), "\(m.stderr)")
        let order = try Netra.run(["compare", "--lang", "en", "--from", "2024-02", "--to", "2024-01"])
        #expect(order.status == 2 && order.stderr.contains("--from 2024-02 is after --to 2024-01"), "\(order.stderr)")
    }

    @Test func anEmptySelectionGivesEmptyOutputsThatSaySo() throws {
        let out = Netra.tempDir("empty-filter")
        let r = try Netra.run(["report", "--out", out, "--from", "2030-01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("netra: tidak ada peristiwa yang cocok dengan filter (sejak Jan 2030); keluaran ditulis kosong"), "\(r.stderr)")
        let events = try String(contentsOfFile: out + "/events.csv", encoding: .utf8)
        #expect(events.split(separator: "\n").count == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/timeline.png"))
        let b = try Netra.run(["briefing", "--month", "2024-01", "--out", out, "--kind", "sanction", "--lang", "en", "--quiet"])
        #expect(b.status == 0, "\(b.stderr)")
        let md = try String(contentsOfFile: out + "/briefing-2024-01/events.md", encoding: .utf8)
        #expect(md.contains("Data as of 31 January 2024"))
        let x = try Netra.run(["export", "trends", "--kind", "sanction"])
        #expect(x.status == 0 && x.stdout == "month,jurisdiction,events,baseline,change_pct,label\n")
        #expect(x.stderr == "netra: tidak ada peristiwa yang cocok dengan filter (sanksi); keluaran ditulis kosong\n")
        let xe = try Netra.run(["export", "trends", "--kind", "sanction", "--lang", "en"])
        #expect(xe.stderr == "netra: no event matches the filter (sanction); the outputs are written empty\n")
    }
}
