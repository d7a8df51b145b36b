import Testing
import Foundation
import NetraTestSupport

/// Issue 31, point 7: an output folder holds one run. The report lists what it wrote in
/// netra-manifest.txt and, on its next run, removes the files of that list it does not write
/// again: nothing else, nothing through a link, nothing outside --out.
@Suite("An output folder holds one run", .removingTemporaryFolders)
struct OutputManifestTests {
    static func manifest(_ out: String) throws -> [String] {
        try String(contentsOfFile: out + "/netra-manifest.txt", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func theNextReportRemovesWhatItsPreviousRunWroteAndNothingElse() throws {
        let out = Netra.tempDir("manifest")
        let first = try Netra.run(["report", "--out", out, "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("listed in \(out)/netra-manifest.txt\n"))
        let again = try Netra.run(["report", "--out", out])
        #expect(again.stdout.hasSuffix("tercatat di \(out)/netra-manifest.txt\n"), "\(again.stdout)")
        let written = Netra.files(in: out).filter { $0 != "netra-manifest.txt" }
        let listed = try Self.manifest(out)
        #expect(listed.first?.hasPrefix("# netra report: ") == true)
        #expect(Array(listed.dropFirst()) == written)
        #expect(written.contains("monthly-kabupaten-bekasi.png") && written.contains("netra.xlsx"))
        // The analyst's own file, and a briefing written beside the report: not the report's.
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(try Netra.run(["briefing", "--month", "2024-01", "--out", out, "-q"]).status == 0)
        // Only Kota Bekasi's events: the other jurisdictions' monthly charts are not made again.
        let second = try Netra.run(["report", "--jurisdiction", "kota-bekasi", "--out", out, "--lang", "en"])
        #expect(second.status == 0, "\(second.stderr)")
        let now = Netra.files(in: out)
        #expect(!now.contains("monthly-kabupaten-bekasi.png"))
        #expect(now.contains("monthly-kota-bekasi.png") && now.contains("netra.xlsx"))
        #expect(now.contains("notes.txt") && now.contains("briefing-2024-01/briefing-sheet.png"))
        #expect(second.stdout.contains("; removed "))
        let gone = Set(written).subtracting(now)
        #expect(second.stdout.contains("removed \(gone.count) file\(gone.count == 1 ? "" : "s") of its previous run that this one did not write"))
        #expect(try Self.manifest(out).dropFirst().allSatisfy { now.contains($0) })
        #expect(try !Self.manifest(out).contains("notes.txt"))
    }

    @Test func aHostileManifestRemovesNothingOutsideTheFolderNorThroughALink() throws {
        let w = Netra.tempDir("hostile-manifest")
        let out = w + "/out", outside = w + "/outside"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        for f in ["keep.txt", "victim.png"] { try "keep".write(toFile: outside + "/" + f, atomically: true, encoding: .utf8) }
        // A link to a file outside and a link to the folder outside, planted in --out.
        try FileManager.default.createSymbolicLink(atPath: out + "/link.png", withDestinationPath: outside + "/keep.txt")
        try FileManager.default.createSymbolicLink(atPath: out + "/elsewhere", withDestinationPath: outside)
        try "mine".write(toFile: out + "/mine.txt", atomically: true, encoding: .utf8)
        let entries = [
            "../outside/keep.txt", outside + "/keep.txt", "x/../../outside/keep.txt", "./mine.txt", "link.png",
            "elsewhere/victim.png", "netra-manifest.txt", "", "a//b"
        ]
        try (entries.joined(separator: "\n") + "\n").write(toFile: out + "/netra-manifest.txt", atomically: true, encoding: .utf8)
        let r = try Netra.run(["report", "--out", out, "--quiet", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        for bad in ["../outside/keep.txt", outside + "/keep.txt", "x/../../outside/keep.txt", "./mine.txt", "a//b"] {
            #expect(
                r.stderr.contains(
                    "netra-manifest.txt: '\(bad)' does not name a file inside this folder (an absolute path, or a '..', '.' or empty part); it is left alone"),
                "\(bad)")
        }
        #expect(FileManager.default.fileExists(atPath: outside + "/keep.txt"))
        #expect(FileManager.default.fileExists(atPath: outside + "/victim.png"))
        #expect(FileManager.default.fileExists(atPath: out + "/mine.txt"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/link.png")) == outside + "/keep.txt")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/elsewhere")) == outside)
        // The manifest is the report's own again.
        #expect(try Self.manifest(out).dropFirst().allSatisfy { !$0.contains("..") && !$0.hasPrefix("/") && $0 != "mine.txt" })
        // A manifest that is a link is not read (nor written through).
        let out2 = w + "/out2"
        try FileManager.default.createDirectory(atPath: out2, withIntermediateDirectories: true)
        try "victim.png\n".write(toFile: outside + "/list.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: out2 + "/netra-manifest.txt", withDestinationPath: outside + "/list.txt")
        try FileManager.default.createSymbolicLink(atPath: out2 + "/victim.png", withDestinationPath: outside + "/victim.png")
        #expect(try Netra.run(["report", "--out", out2, "--quiet"]).status == 0)
        #expect(try String(contentsOfFile: outside + "/list.txt", encoding: .utf8) == "victim.png\n")
        #expect(FileManager.default.fileExists(atPath: outside + "/victim.png"))
    }

    /// Over 50,000 events the report writes no netra.xlsx, says so on the terminal and in the
    /// listing, and the previous run's workbook does not stay behind. A report of 50,001
    /// events, the size being the point: `make test` only (WorkbookInReportTests holds the
    /// limit in process in the fast set).
    @Test(.tags(.slow), .leftOutOfTheFastRun) func noWorkbookOverFiftyThousandEventsIsSaidAndTheOldOneGoes() throws {
        let w = Netra.tempDir("big")
        #expect(try Netra.run(["generate", "--events", "50001", "--seed", "7", "--out", "big"], in: w).status == 0)
        let out = w + "/out"
        #expect(try Netra.run(["report", "--out", out, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/netra.xlsx"))
        let r = try Netra.run(["report", "--dataset", "big", "--out", "out", "--lang", "en"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        let note =
            "netra.xlsx not written: 50001 events, more than the report's 50000 for a workbook; the CSVs hold them all (`netra export xlsx --out FILE` writes one up to Excel's row limit)"
        #expect(r.stderr.contains("netra: " + note))
        #expect(r.stdout.contains("  (" + note + ")\n"))
        #expect(!FileManager.default.fileExists(atPath: out + "/netra.xlsx"))
        #expect(try Self.manifest(out).contains("# " + note))
    }
}
