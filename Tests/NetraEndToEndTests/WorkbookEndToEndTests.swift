import Testing
import Foundation
import NetraTestSupport
import NetraWrite

/// `validate` and `report` on a dataset kept in workbooks give what its CSVs give: the
/// workbooks LibreOffice and openpyxl made from a copy of the shipped dataset
/// (Tests/NetraWorkbookTests/Fixtures/Workbooks).
@Suite("Workbook datasets, end to end", .removingTemporaryFolders)
struct WorkbookEndToEndTests {
    static let fixtures = Netra.root + "/Tests/NetraWorkbookTests/Fixtures/Workbooks"

    /// A folder `ds` (same name each time: the charts' footers name the dataset) holding `files`
    /// copied from the fixtures, in a new working folder.
    func dataset(_ name: String, _ files: [String]) throws -> String {
        let work = Netra.tempDir(name)
        try FileManager.default.createDirectory(atPath: work + "/ds", withIntermediateDirectories: true)
        for f in files {
            try FileManager.default.copyItem(atPath: Self.fixtures + "/" + f, toPath: work + "/ds/" + (f as NSString).lastPathComponent)
        }
        return work
    }

    static let csvs = ["csv/events.csv", "csv/jurisdictions.csv", "csv/elections.csv"]

    @Test func validateGivesTheSameFigures() throws {
        let csv = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: try dataset("csv", Self.csvs))
        #expect(csv.status == 0)
        #expect(
            csv.stdout.hasPrefix(
                "ok: 34 events (regulation 3, task_force 2, directive 2, sosialisasi 2, pledge 3, incident 4, response 1, report 2, decision 3, case_tally 8, statement 4); 4 jurisdictions; 2 elections; 2022-01-01 to 2024-08-23"
            ))
        for files in [["libreoffice/events.xlsx", "libreoffice/jurisdictions.xlsx", "libreoffice/elections.xlsx"], ["openpyxl/dataset.xlsx"]] {
            let r = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: try dataset("xlsx", files))
            #expect(r.status == 0 && r.stdout == csv.stdout, "\(files): \(r.stderr)")
            // The copy has no kode column: the same three hints, each at its sheet's name cell.
            let hints = r.stderr.split(separator: "\n").map(String.init)
            #expect(hints.count == csv.stderr.split(separator: "\n").count && hints.count == 3)
            let book = files.count == 1 ? "ds/dataset.xlsx:wilayah" : "ds/jurisdictions.xlsx:jurisdictions"
            #expect(hints.first == "\(book)!B3: hint: kode: 'Jawa Barat' is Kemendagri code 32; write it in a kode column so the data joins official tables")
            #expect(hints.last?.hasPrefix("\(book)!B5: hint: kode: 'Kabupaten Bekasi' is Kemendagri code 32.16") == true)
        }
    }

    @Test func reportWritesTheSameFiles() throws {
        let a = try dataset("csv", Self.csvs)
        let b = try dataset("xlsx", ["openpyxl/dataset.xlsx"])
        let c = try dataset("xlsx", ["libreoffice/events.xlsx", "libreoffice/jurisdictions.xlsx", "csv/elections.csv"])
        for dir in [a, b, c] {
            let r = try Netra.run(["report", "--dataset", "ds", "--out", "out", "--quiet"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let files = Netra.files(in: a + "/out")
        #expect(files.contains("events.csv") && files.contains("monthly.png") && files.count > 10)
        for dir in [b, c] {
            #expect(Netra.files(in: dir + "/out") == files)
            for f in files {
                #expect(FileManager.default.contentsEqual(atPath: a + "/out/" + f, andPath: dir + "/out/" + f), "\(dir): \(f)")
            }
        }
    }

    @Test func aBadWorkbookIsRefusedAtItsCells() throws {
        // LibreOffice's workbook of the CSV copy with 2022-09-31 typed in B3 (make_libreoffice.sh).
        let dir = try dataset("bad", ["bad/events.xlsx", "csv/jurisdictions.csv", "csv/elections.csv"])
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: dir)
        #expect(r.status == 1)
        #expect(
            r.stderr == """
                ds/events.xlsx:events!B3: date: impossible date '2022-09-31'; no such day in the calendar
                netra: 1 problem in ds; nothing was written

                """, "\(r.stderr)")
        let out = try Netra.run(["report", "--lang", "en", "--dataset", "ds", "--out", "out"], in: dir)
        #expect(out.status == 1 && !FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func aStatusWarningNamesTheSheetsCell() throws {
        // openpyxl's workbook with the Bapenda gathering (row 6) saying `confirmed` in M6 (make_openpyxl.py).
        let dir = try dataset("warn", [])
        try FileManager.default.copyItem(atPath: Self.fixtures + "/openpyxl/status-warning.xlsx", toPath: dir + "/ds/dataset.xlsx")
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: dir)
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "ds/dataset.xlsx:peristiwa!M6: warning: status: 'kota-2023-09-18-bapenda-gathering' says 'confirmed', but 'kota-2023-09-22-bapenda-report-stopped' (2023-09-22) set it to 'dismissed'; an incident's status is the last one set on it"
        )
        // Then the kode hints of the copy's jurisdictions, at their cells.
        #expect(
            lines.dropFirst().map { String($0.prefix { $0 != " " }) } == [
                "ds/dataset.xlsx:wilayah!B3:", "ds/dataset.xlsx:wilayah!B4:", "ds/dataset.xlsx:wilayah!B5:"
            ])
        #expect(r.stdout.hasPrefix("ok: 34 events"))
    }

    @Test func aTableInTwoPlacesIsAmbiguous() throws {
        let dir = try dataset("both", Self.csvs + ["openpyxl/dataset.xlsx"])
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", "ds"], in: dir)
        #expect(r.status == 1)
        #expect(
            r.stderr.hasPrefix(
                """
                ds/elections.csv:1:1: the elections are in both elections.csv and dataset.xlsx (sheet 'pemilu'); keep only one of them
                ds/events.csv:1:1: the events are in both events.csv and dataset.xlsx (sheet 'peristiwa'); keep only one of them
                ds/jurisdictions.csv:1:1: the jurisdictions are in both jurisdictions.csv and dataset.xlsx (sheet 'wilayah'); keep only one of them
                """), "\(r.stderr)")
    }
}
