import Testing
import Foundation
import NetraTestSupport

/// Issue 16, point 9: ids that differ only in case or Unicode normalisation, or hold spaces,
/// slashes, dots, commas, invisible characters, a BOM or a leading `=`, are refused at their
/// cell, the character named (invisible ones by code only, never echoed raw).
@Suite(.removingTemporaryFolders) struct IDSlugTests {
    static let rule = "an id uses only lowercase letters a-z, digits, hyphens and underscores, e.g. kota-2023-11-02-pledge"

    /// The shipped dataset with `rows` appended to events.csv, validated.
    func validate(events rows: [String]) throws -> (dir: String, status: Int32, stderr: String) {
        var text = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)
        for r in rows { text += r + ",2024-01-05,day,,pledge,kota-bekasi,T,,,,,,,,S,,,," + Netra.shippedExtraFields + "\n" }
        let dir = try Netra.brokenDataset("events.csv", text)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        return (dir, r.status, r.stderr)
    }

    @Test func eventIDsThatOnlyLookAlikeAreRefusedWhereTheyStand() throws {
        let nfc = "kota-caf\u{E9}", nfd = "kota-cafe\u{301}"
        let rows = ["Kota-Bekasi-x", nfc, nfd, "\"kota bekasi\"", "a/b", "..", "\"a,b\"", "kota\u{200B}x", "\u{FEFF}kota-y", "=cmd", "\"kota\"\"q\""]
        let r = try validate(events: rows)
        #expect(r.status == 1)
        let first = Netra.firstAppendedEventLine
        let expected = [
            "'K' (U+004B) at character 1",
            "'é' (U+00E9) at character 9",
            "'́' (U+0301) at character 10",
            "U+0020 at character 5",
            "'/' (U+002F) at character 2",
            "'.' (U+002E) at character 1",
            "',' (U+002C) at character 2",
            "U+200B at character 5",
            "U+FEFF at character 1",
            "'=' (U+003D) at character 1",
            "'\"' (U+0022) at character 5"
        ]
        for (k, what) in expected.enumerated() {
            let line = "\(r.dir)/events.csv:\(first + k):1: id: \(what) is not allowed; \(Self.rule)"
            #expect(r.stderr.contains(line), "missing: \(line)\n\(r.stderr)")
        }
        // Nothing invisible reaches the terminal.
        #expect(!r.stderr.contains("\u{200B}") && !r.stderr.contains("\u{FEFF}"))
    }

    @Test func aLeadingHyphenAndAJurisdictionIDWithQuotesAreRefused() throws {
        #expect(
            try validate(events: ["-kota"]).stderr.contains(
                "events.csv:\(Netra.firstAppendedEventLine):1: id: an id starts with a letter or digit; \(Self.rule)"))
        // A doubled quote is undone before the id is read: the message shows what the cell holds.
        var j = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/jurisdictions.csv", encoding: .utf8)
        j += "\"kota\"\"bekasi\",K,kota,jawa-barat,\n"
        let dir = try Netra.brokenDataset("jurisdictions.csv", j)
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(dir)/jurisdictions.csv:6:1: id: '\"' (U+0022) at character 5 is not allowed; \(Self.rule)"), "\(r.stderr)")
        // Elections too.
        var e = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/elections.csv", encoding: .utf8)
        e += "Pemilu 2029,Pemilu 2029,2029-02-14,indonesia\n"
        let dir2 = try Netra.brokenDataset("elections.csv", e)
        #expect(
            try Netra.run(["validate", "--lang", "en", "--dataset", dir2]).stderr.contains("elections.csv:4:1: id: 'P' (U+0050) at character 1 is not allowed"))
    }
}
