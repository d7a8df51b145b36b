import Testing
import Foundation
import NetraTestSupport

/// Issue 28, points 6 and 7: an output pointed at a dataset loses nothing, and each fault ends
/// with the right exit code and a message in the command's own terms.
@Suite("Outputs pointed at datasets, exit codes", .removingTemporaryFolders)
struct DatasetGuardTests {
    func work(_ name: String) throws -> String {
        let w = Netra.tempDir(name)
        #expect(try Netra.run(["generate", "--events", "40", "--seed", "1", "--out", "base"], in: w).status == 0)
        #expect(try Netra.run(["init", "D", "--region", "32.75"], in: w).status == 0)
        return w
    }

    @Test func generateKeepsADatasetUnlessForced() throws {
        let w = try work("generate")
        let before = snapshot(w + "/base")
        let r = try Netra.run(["generate", "--lang", "en", "--events", "3", "--out", "base"], in: w)
        #expect(r.status == 1)
        #expect(
            r.stderr
                == "netra: base already holds a dataset (jurisdictions.csv, elections.csv, events.csv); generate replaces it only with --force; nothing was written\n"
        )
        #expect(snapshot(w + "/base") == before)
        // init's workbook folder too.
        #expect(try Netra.run(["generate", "--events", "3", "--out", "D"], in: w).status == 1)
        #expect(!FileManager.default.fileExists(atPath: w + "/D/events.csv"))
        let f = try Netra.run(["generate", "--events", "3", "--out", "base", "--force"], in: w)
        #expect(f.status == 0)
        #expect(try Netra.run(["validate", "--dataset", "base"], in: w).stdout.hasPrefix("ok: 3 peristiwa"))
    }

    @Test func aReportNeverLandsInAFolderHoldingADataset() throws {
        let w = try work("report")
        let before = snapshot(w + "/D")
        // Beside D/dataset.xlsx (another dataset than the one read), and into init's CSV copy.
        let a = try Netra.run(["report", "--lang", "en", "--dataset", "D/csv", "--out", "D", "--quiet"], in: w)
        #expect(a.status == 1)
        #expect(
            a.stderr
                == "netra: the output folder 'D' holds a dataset (dataset.xlsx); writing into it would replace or confuse its tables: choose another --out\n")
        let b = try Netra.run(["report", "--lang", "en", "--dataset", "base", "--out", "D/csv", "--quiet"], in: w)
        #expect(b.status == 1)
        #expect(b.stderr.hasPrefix("netra: the output folder 'D/csv' holds a dataset (jurisdictions.csv, elections.csv); "))
        let c = try Netra.run(["export", "--lang", "en", "events", "--dataset", "base", "--out", "D/csv/events.csv"], in: w)
        #expect(c.status == 1)
        #expect(c.stderr == "netra: 'D/csv/events.csv' is a table of the dataset in 'D/csv'; an export never replaces a dataset's file: choose another --out\n")
        #expect(snapshot(w + "/D") == before)
        #expect(try Netra.run(["validate", "--dataset", "D"], in: w).status == 0)
        // A report's own folder is written again as before.
        #expect(try Netra.run(["report", "--dataset", "base", "--out", "out", "--quiet"], in: w).status == 0)
        #expect(try Netra.run(["report", "--dataset", "base", "--out", "out", "--quiet"], in: w).status == 0)
    }

    @Test func emptyTitlesAndNamesAreErrors() throws {
        let w = try work("names")
        func blank(_ file: String, _ column: String, row: Int) throws {
            let py = """
                import csv, sys
                p, col, row = sys.argv[1], sys.argv[2], int(sys.argv[3])
                rows = list(csv.reader(open(p, newline="", encoding="utf-8")))
                rows[row][rows[0].index(col)] = ""
                csv.writer(open(p, "w", newline="", encoding="utf-8"), lineterminator="\\n").writerows(rows)
                """
            #expect(try Netra.runProgram("/usr/bin/python3", ["-c", py, w + "/base/" + file, column, "\(row)"]).status == 0)
        }
        try blank("events.csv", "title", row: 1)
        try blank("jurisdictions.csv", "name", row: 2)
        try blank("elections.csv", "name", row: 1)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", "base"], in: w)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("base/events.csv:2:") && $0.hasSuffix(": title: missing title; every event has a short title from the article's own words")
            }, "\(r.stderr)")
        #expect(
            lines.contains {
                $0.hasPrefix("base/jurisdictions.csv:3:") && $0.hasSuffix(": name: missing name; every jurisdiction is named as its documents name it")
            })
        #expect(
            lines.contains { $0.hasPrefix("base/elections.csv:2:") && $0.hasSuffix(": name: missing name; every election is named as its law or KPU names it") }
        )
    }

    @Test func usageErrorsExitTwoInTheCommandsTerms() throws {
        let w = Netra.tempDir("usage")
        let r = try Netra.run(["init", "x", "--region", "99"], in: w)
        #expect(r.status == 2)
        #expect(
            r.stderr
                == "netra: --region: wilayah '99' tidak dikenal; berikan kode Kemendagri (32.71 atau 3271) atau nama (Kota Bogor); netra regions TEKS mencarinya\n"
        )
        // diff has no --dataset: its message names the folder it was given.
        try Data("x".utf8).write(to: URL(fileURLWithPath: w + "/file"))
        let d = try Netra.run(["diff", "--lang", "en", "file", "file"], in: w)
        #expect(d.status == 1)
        #expect(!d.stderr.contains("--dataset"), "\(d.stderr)")
        #expect(
            d.stderr.hasPrefix("file:1:1: is not a folder or a workbook (.xlsx); a dataset is a folder holding events.csv, jurisdictions.csv and elections.csv")
        )
        // init has no --out: an unusable folder is named as its DIR.
        try FileManager.default.createDirectory(atPath: w + "/real", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: w + "/i", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: w + "/i/csv", withDestinationPath: w + "/real")
        let i = try Netra.run(["init", "i", "--region", "32.75"], in: w)
        #expect(i.status == 1)
        #expect(!i.stderr.contains("--out") && i.stderr.contains("DIR"), "\(i.stderr)")
    }

    @Test func diffComparesKode() throws {
        let w = try work("diff")
        let fm = FileManager.default
        try fm.createDirectory(atPath: w + "/new", withIntermediateDirectories: true)
        for f in ["events.csv", "elections.csv"] { try fm.copyItem(atPath: w + "/D/csv/" + f, toPath: w + "/new/" + f) }
        let j = try String(contentsOfFile: w + "/D/csv/jurisdictions.csv", encoding: .utf8)
        #expect(j.contains(",32.75\n"))
        // Kota Bekasi's kode left out in the new version.
        try j.replacingOccurrences(of: ",32.75\n", with: ",\n").write(toFile: w + "/new/jurisdictions.csv", atomically: true, encoding: .utf8)
        let r = try Netra.run(["diff", "D/csv", "new", "--format", "csv"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("changed,jurisdictions,kota-bekasi,kode,32.75,\n"), "\(r.stdout)")
    }

    /// report.html gave each jurisdiction the list of all its ancestors: a 2,000-deep chain
    /// made a 10 MB page (an 8,000-deep one 152 MB). Now each names its parent.
    @Test func aDeepChainsPageGrowsWithItsDepth() throws {
        let w = Netra.tempDir("deep")
        try FileManager.default.createDirectory(atPath: w + "/ds", withIntermediateDirectories: true)
        var j = "id,name,level,parent\nindonesia,Indonesia,nasional,\n", prev = "indonesia"
        for k in 0..<2_000 { j += "j\(k),J \(k),kota,\(prev)\n"; prev = "j\(k)" }
        try j.write(toFile: w + "/ds/jurisdictions.csv", atomically: true, encoding: .utf8)
        try "id,name,date,scope\npemilu-2024,Pemilu 2024,2024-02-14,indonesia\n".write(toFile: w + "/ds/elections.csv", atomically: true, encoding: .utf8)
        try "id,date,precision,kind,jurisdiction,title,source\ne1,2024-01-02,day,incident,j1999,Kejadian,Sumber\n"
            .write(toFile: w + "/ds/events.csv", atomically: true, encoding: .utf8)
        let r = try Netra.run(["html", "--dataset", "ds", "--out", "out", "--quiet"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        let size = (try? FileManager.default.attributesOfItem(atPath: w + "/out/report.html")[.size] as? Int) ?? 0
        #expect(size > 0 && size < 1_000_000, "\(size) bytes")
        let page = try String(contentsOfFile: w + "/out/report.html", encoding: .utf8)
        #expect(page.contains(#"{"id":"j1999","name":"J 1999","parent":1999}"#))
    }

    @Test func diffTextCannotForgeALine() throws {
        let w = try work("diff-lines")
        try FileManager.default.copyItem(atPath: w + "/base", toPath: w + "/new")
        let py = """
            import csv
            p = "new/events.csv"
            rows = list(csv.reader(open(p, newline="", encoding="utf-8")))
            rows[1][rows[0].index("notes")] = "x\\nadded · events · forged\\x1b[31m"
            csv.writer(open(p, "w", newline="", encoding="utf-8"), lineterminator="\\n").writerows(rows)
            """
        #expect(try Netra.runProgram("/usr/bin/python3", ["-c", py], in: w).status == 0)
        let r = try Netra.run(["diff", "base", "new", "--lang", "en"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines.last?.hasSuffix(#"notes: "" → "x\u{A}added · events · forged\u{1B}[31m""#) == true, "\(r.stdout)")
    }

    /// A jurisdiction's name with a line break and escapes prints as one line in `compare`'s
    /// and `cases`' tables: a cell cannot forge a line or drive the terminal.
    @Test func tablesOnTheTerminalCannotBeForgedByACell() throws {
        let w = Netra.tempDir("tables")
        try FileManager.default.copyItem(atPath: Netra.root + "/datasets/bekasi-2024", toPath: w + "/d")
        let py = """
            import csv
            p = "d/jurisdictions.csv"
            rows = list(csv.reader(open(p, newline="", encoding="utf-8")))
            k = [r[0] for r in rows].index("kota-bekasi")
            rows[k][1] = "Kota\\nnetra: forged\\x1b]0;t\\x07"
            csv.writer(open(p, "w", newline="", encoding="utf-8"), lineterminator="\\n").writerows(rows)
            """
        #expect(try Netra.runProgram("/usr/bin/python3", ["-c", py], in: w).status == 0)
        let c = try Netra.run(["compare", "--dataset", "d", "--lang", "en"], in: w)
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.split(separator: "\n").first?.hasSuffix(#"Kota\u{A}netra: forged\u{1B}]0;t\u{7}  Kabupaten Bekasi"#) == true, "\(c.stdout)")
        #expect(!c.stdout.contains("\u{1B}") && !c.stdout.split(separator: "\n").contains { $0.hasPrefix("netra: forged") })
        let k = try Netra.run(["cases", "--dataset", "d", "--as-of", "2024-12-31", "--all", "--lang", "en"], in: w)
        #expect(k.status == 0, "\(k.stderr)")
        #expect(!k.stdout.contains("\u{1B}") && !k.stdout.split(separator: "\n").contains { $0.hasPrefix("netra: forged") }, "\(k.stdout)")
        #expect(k.stdout.contains(#"Kota\u{A}netra: forged"#), "\(k.stdout)")
    }

    /// A briefing of a month to come would say "Data per" a day not yet lived: a usage error.
    @Test func aBriefingOfAMonthToComeIsAUsageError() throws {
        let w = Netra.tempDir("future")
        let r = try Netra.run(["briefing", "--lang", "en", "--dataset", Netra.root + "/datasets/bekasi-2024", "--month", "2999-01", "--out", "out"], in: w)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: --month 2999-01 has not begun (today is "), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w + "/out"))
    }
}
