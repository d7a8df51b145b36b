import Testing
import Foundation
import NetraTestSupport

/// An output never replaces an input (issue 16, point 1): each reproduction starts from a copy
/// of the shipped dataset and must leave its files byte for byte as they were, with exit 1.
@Suite(.removingTemporaryFolders) struct InputProtectionTests {
    static func copyOfShipped() throws -> String {
        let d = Netra.tempDir("dataset")
        for f in ["events.csv", "jurisdictions.csv", "elections.csv"] {
            try FileManager.default.copyItem(atPath: Netra.root + "/datasets/bekasi-2024/" + f, toPath: d + "/" + f)
        }
        return d
    }

    static func contents(_ d: String) -> [Data?] {
        ["events.csv", "jurisdictions.csv", "elections.csv"].map { FileManager.default.contents(atPath: d + "/" + $0) }
    }

    func expectRefused(_ args: [String], keeps d: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = Self.contents(d)
        let r = try Netra.run(args + ["--lang", "en"])
        #expect(r.status == 1, "\(args): exit \(r.status)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("choose another --out"), "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(Self.contents(d) == before, "\(args) changed the dataset", sourceLocation: sourceLocation)
        // And the dataset still loads.
        #expect(try Netra.run(["validate", "--dataset", d]).status == 0, sourceLocation: sourceLocation)
    }

    @Test func theReportIntoItsOwnDatasetFolderIsRefused() throws {
        let d = try Self.copyOfShipped()
        try expectRefused(["report", "--dataset", d, "--out", d, "--quiet"], keeps: d)
        try expectRefused(["--dataset", d, "--out", d, "--quiet"], keeps: d)
        try expectRefused(["briefing", "--month", "2024-01", "--dataset", d, "--out", d, "--quiet"], keeps: d)
        // Through a link to the folder, and with a trailing slash.
        let link = Netra.tempDir("link") + "/to-dataset"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: d)
        try expectRefused(["report", "--dataset", d, "--out", link, "--quiet"], keeps: d)
        try expectRefused(["report", "--dataset", link + "/", "--out", d + "/", "--quiet"], keeps: d)
    }

    @Test func anExportOverADatasetFileIsRefused() throws {
        let d = try Self.copyOfShipped()
        try expectRefused(["export", "events", "--dataset", d, "--out", d + "/events.csv"], keeps: d)
        try expectRefused(["export", "monthly", "--dataset", d, "--out", d + "/jurisdictions.csv"], keeps: d)
        // compare.csv is no input: beside them it is fine, and they stay as they were.
        let before = Self.contents(d)
        #expect(try Netra.run(["compare", "--dataset", d, "--out", d]).status == 0)
        #expect(Self.contents(d) == before)
        // A link to a dataset file is the same file.
        let link = Netra.tempDir("link") + "/events.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: d + "/events.csv")
        try expectRefused(["export", "events", "--dataset", d, "--out", link], keeps: d)
    }

    @Test func aHardLinkToADatasetFileInTheOutputFolderIsRefused() throws {
        let d = try Self.copyOfShipped()
        let out = Netra.tempDir("out")
        try FileManager.default.linkItem(atPath: d + "/events.csv", toPath: out + "/events.csv")
        try expectRefused(["report", "--dataset", d, "--out", out, "--quiet"], keeps: d)
        // Nothing else was written either.
        #expect(Netra.files(in: out) == ["events.csv"])
    }

    @Test func anotherFolderStillWorks() throws {
        let d = try Self.copyOfShipped()
        let out = Netra.tempDir("out")
        #expect(try Netra.run(["report", "--dataset", d, "--out", out, "--quiet"]).status == 0)
        #expect(try Netra.run(["export", "events", "--dataset", d, "--out", out + "/events-copy.csv"]).status == 0)
        #expect(Self.contents(d) == Self.contents(Netra.root + "/datasets/bekasi-2024"))
    }
}
