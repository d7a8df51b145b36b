import Testing
import Foundation
import NetraTestSupport

/// Issue 31, point 2: the dataset is where you are. Without --dataset, Netra reads the current
/// folder's dataset (or its csv/), and fails with exit 1 (as a named dataset that is not there
/// does) and the way to start one; --dataset takes a workbook; a folder's one workbook of
/// another name is found, several are refused by name.
@Suite("The dataset is where you are", .serialized, .removingTemporaryFolders)
struct DatasetHereTests {
    static let shippedTables = ["events.csv", "jurisdictions.csv", "elections.csv"]
    static let shippedSummary =
        "ok: 66 peristiwa (regulation 2, task_force 2, directive 7, sosialisasi 2, pledge 4, incident 6, response 1, report 4, decision 4, case_tally 21, statement 13); 4 wilayah; 2 pemilu; 2022-01-01 s.d. 2025-02-19\n"

    @Test func aFolderWithoutADatasetSaysHowToStartOne() throws {
        let w = Netra.tempDir("nowhere")
        let out = w + "/out"
        for args in [["validate"], ["report", "--out", out], ["--out", out], ["export", "events"]] {
            let r = try Netra.run(args + ["--lang", "en"], in: w)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.hasPrefix("netra: no dataset in the current folder ("), "\(args): \(r.stderr)")
            #expect(
                r.stderr.contains(
                    "nor in its csv/: looked for jurisdictions.csv, elections.csv, events.csv (or jurisdictions.xlsx, elections.xlsx, events.xlsx), dataset.xlsx, or a single workbook of another name"
                ))
            #expect(r.stderr.contains("Start one with `netra init DIR`"))
            #expect(r.stderr.contains("--dataset DIR, or --dataset FILE.xlsx"))
            #expect(r.stdout == "")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        // In Indonesian by default.
        let id = try Netra.run(["validate"], in: w)
        #expect(id.stderr.hasPrefix("netra: tidak ada dataset di folder ini ("), "\(id.stderr)")
        #expect(id.stderr.contains("Mulai dengan `netra init DIR`"))
        // A report's events.csv alone is not a dataset either.
        try "id,date\n".write(toFile: w + "/events.csv", atomically: true, encoding: .utf8)
        #expect(try Netra.run(["validate", "--lang", "en"], in: w).stderr.hasPrefix("netra: no dataset in the current folder ("))
    }

    @Test func theCurrentFolderAndItsCSVFolderAreRead() throws {
        // The shipped dataset's own folder (where Netra.run starts by default).
        #expect(try Netra.run(["validate"]).stdout == Self.shippedSummary)
        // A folder whose csv/ holds it, as `netra init` lays one out.
        let w = Netra.tempDir("csvbeside")
        try FileManager.default.createDirectory(atPath: w + "/csv", withIntermediateDirectories: true)
        for f in Self.shippedTables { try FileManager.default.copyItem(atPath: Netra.shipped + "/" + f, toPath: w + "/csv/" + f) }
        let r = try Netra.run(["validate"], in: w)
        #expect(r.status == 0)
        #expect(r.stdout == Self.shippedSummary)
        // The shipped dataset is never a default: from the repository's root nothing is found.
        #expect(try Netra.run(["validate"], in: Netra.root).status == 1)
    }

    @Test func initThenWorkInsideTheDatasetFolder() throws {
        let w = Netra.tempDir("init")
        #expect(try Netra.run(["init", "bogor", "--region", "32.71"], in: w).status == 0)
        let bogor = w + "/bogor"
        // dataset.xlsx, not csv/, is what the folder is (its csv/ copy is for those who keep CSVs).
        let v = try Netra.run(["validate"], in: bogor)
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.hasPrefix("ok: 0 peristiwa; 4 wilayah"))
        let out = Netra.tempDir("init-out")
        let r = try Netra.run(["report", "--out", out, "--quiet"], in: bogor)
        #expect(r.status == 0, "\(r.stderr)")
        // Charts name the dataset by its folder, never `.`.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<p class=\"dataset\">bogor</p>"))
    }

    @Test func aWorkbookIsADatasetByItself() throws {
        let w = Netra.tempDir("workbook")
        #expect(try Netra.run(["init", "bogor", "--region", "32.71"], in: w).status == 0)
        // Named as a file.
        let a = try Netra.run(["validate", "--dataset", "bogor/dataset.xlsx"], in: w)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("ok: 0 peristiwa; 4 wilayah"))
        // Named as a file, it alone is read: the CSVs beside it are not its tables.
        try FileManager.default.copyItem(atPath: w + "/bogor/csv/events.csv", toPath: w + "/bogor/events.csv")
        #expect(try Netra.run(["validate", "--dataset", "bogor/dataset.xlsx"], in: w).status == 0)
        try FileManager.default.removeItem(atPath: w + "/bogor/events.csv")
        // One workbook of another name is found, from inside the folder and by the folder's name.
        try FileManager.default.removeItem(atPath: w + "/bogor/csv")
        try FileManager.default.moveItem(atPath: w + "/bogor/dataset.xlsx", toPath: w + "/bogor/Bogor 2025.xlsx")
        #expect(try Netra.run(["validate"], in: w + "/bogor").stdout.hasPrefix("ok: 0 peristiwa; 4 wilayah"))
        #expect(try Netra.run(["validate", "--dataset", "bogor"], in: w).stdout.hasPrefix("ok: 0 peristiwa; 4 wilayah"))
        // A spreadsheet program's lock file is no second workbook.
        try "lock".write(toFile: w + "/bogor/~$Bogor 2025.xlsx", atomically: true, encoding: .utf8)
        #expect(try Netra.run(["validate", "--dataset", "bogor"], in: w).status == 0)
        // Two: refused, naming what was looked for and the workbooks found; each can be named.
        try FileManager.default.copyItem(atPath: w + "/bogor/Bogor 2025.xlsx", toPath: w + "/bogor/copy.xlsx")
        for (args, dir, folder) in [(["validate", "--dataset", "bogor", "--lang", "en"], w, "bogor"), (["validate", "--lang", "en"], w + "/bogor", ".")] {
            let r = try Netra.run(args, in: dir)
            #expect(r.status == 1)
            #expect(
                r.stderr.hasPrefix(
                    "\(folder):1:1: no dataset here: looked for jurisdictions.csv, elections.csv, events.csv (or jurisdictions.xlsx, elections.xlsx, events.xlsx), dataset.xlsx, or a single workbook of another name, and found 2 workbooks (Bogor 2025.xlsx, copy.xlsx); name the one to read, e.g. --dataset \(folder)/Bogor 2025.xlsx\n"
                ), "\(r.stderr)")
        }
        #expect(try Netra.run(["validate", "--dataset", "bogor/copy.xlsx"], in: w).status == 0)
        // A folder with nothing in it, and a file that is neither folder nor workbook.
        try FileManager.default.createDirectory(atPath: w + "/empty", withIntermediateDirectories: true)
        let e = try Netra.run(["validate", "--dataset", "empty", "--lang", "en"], in: w)
        #expect(e.status == 1)
        #expect(e.stderr.hasPrefix("empty:1:1: no dataset here: looked for jurisdictions.csv, "))
        #expect(e.stderr.contains("`netra init DIR` starts one"))
        let m = try Netra.run(["validate", "--dataset", "bogor/missing.xlsx", "--lang", "en"], in: w)
        #expect(m.status == 1)
        #expect(m.stderr.hasPrefix("bogor/missing.xlsx:1:1: no such dataset folder or workbook"))
    }
}
