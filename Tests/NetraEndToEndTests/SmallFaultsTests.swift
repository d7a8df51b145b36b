import Testing
import Foundation
import NetraTestSupport

/// Issue 16, point 10: the smaller faults, each as a user meets it.
@Suite(.removingTemporaryFolders) struct SmallFaultsTests {
    @Test func generateRefusesASizeThatCannotBeMadeBeforeMakingAnything() throws {
        let out = Netra.tempDir("gen-huge") + "/new"
        let r = try Netra.run(["generate", "--lang", "en", "--events", "10000000000", "--out", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--events takes at most 10000000; got 10000000000"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anExtraColumnNamedLikeAComputedOneGetsAHeaderOfItsOwn() throws {
        let dir = Netra.tempDir("extra-month")
        try "id,name,level,parent\nk,K,kota,\n".write(toFile: dir + "/jurisdictions.csv", atomically: true, encoding: .utf8)
        try "id,name,date,scope\np,P,2024-02-14,k\n".write(toFile: dir + "/elections.csv", atomically: true, encoding: .utf8)
        try "id,date,precision,kind,jurisdiction,title,source,month\na,2024-01-02,day,pledge,k,T,S,januari\n"
            .write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let r = try Netra.run(["export", "events", "--dataset", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Set(header).count == header.count, "\(header)")
        let input = try #require(header.firstIndex(of: "input_month")), computed = try #require(header.firstIndex(of: "month"))
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row[input] == "januari" && row[computed] == "2024-01")
    }

    /// A cell's control characters never reach the terminal: a `kind` of `ESC]0;pwned BEL`
    /// cannot retitle it, a newline cannot forge a line, a name cannot colour the table.
    @Test func controlCharactersFromCellsAreWrittenOutNotSent() throws {
        var text = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)
        text += "kota-x,2024-01-01,day,,\"\u{1B}]0;pwned\u{7}\",kota-bekasi,T,,,,,,,,S,,,," + Netra.shippedExtraFields + "\n"
        text += "kota-y,2024-01-01,day,,\"pledge\nkota-z: forged\",kota-bekasi,T,,,,,,,,S,,,," + Netra.shippedExtraFields + "\n"
        let dir = try Netra.brokenDataset("events.csv", text)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        #expect(r.status == 1)
        #expect(!r.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(r.stderr.contains("events.csv:\(Netra.firstAppendedEventLine):24: kind: unknown kind '\\u{1B}]0;pwned\\u{7}'"), "\(r.stderr)")
        #expect(r.stderr.contains("events.csv:\(Netra.firstAppendedEventLine + 1):24: kind: unknown kind 'pledge\\u{A}kota-z: forged'"))
        #expect(r.stderr.split(separator: "\n").count == 3)
        // A jurisdiction's name in compare's table.
        var j = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/jurisdictions.csv", encoding: .utf8)
        j = j.replacingOccurrences(of: "kota-bekasi,Kota Bekasi,", with: "kota-bekasi,\"Kota \u{1B}[31mBekasi\",")
        let named = try Netra.brokenDataset("jurisdictions.csv", j)
        let c = try Netra.run(["compare", "--lang", "en", "--dataset", named])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("Kota \\u{1B}[31mBekasi") && !c.stdout.contains("\u{1B}"))
    }

    /// `export --out FILE` cleans up what a killed export left beside FILE, as `report` does.
    @Test func anExportRemovesAKilledExportsTemporaries() throws {
        let dir = Netra.tempDir("export-stale")
        var pid: Int32 = 99_999
        while kill(pid, 0) == 0 || errno != ESRCH { pid += 1 }
        let stale = ".netra-tmp-\(pid)-abc123-events.csv"
        FileManager.default.createFile(atPath: dir + "/" + stale, contents: Data("half".utf8))
        FileManager.default.createFile(atPath: dir + "/keep.txt", contents: Data("mine".utf8))
        #expect(try Netra.run(["export", "events", "--out", dir + "/events.csv"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["events.csv", "keep.txt"])
    }
}

/// A replaced output keeps the mode its owner gave it.
@Suite(.removingTemporaryFolders) struct ReplacedModeTests {
    @Test func aReplacedFileKeepsItsMode() throws {
        let file = Netra.tempDir("mode") + "/monthly.csv"
        try "old\n".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        let r = try Netra.run(["export", "monthly", "--out", file])
        #expect(r.status == 0, "\(r.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("month,"))
    }
}
