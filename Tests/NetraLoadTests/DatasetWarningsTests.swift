import Foundation
import Testing
@testable import NetraCore
import NetraTestSupport
@testable import NetraLoad
@testable import NetraWrite

/// Where `validate` places its warnings: from the loaded rows (FastPaths/DatasetWarnings+Rows.swift)
/// exactly where reading the whole file again places them.
@Suite struct DatasetWarningsTests {
    let folders = TemporaryFolders()

    func folder(events: [UInt8], jurisdictions: [UInt8], elections: [UInt8]) throws -> String {
        let dir = folders.make("warnings")
        try Data(events).write(to: URL(fileURLWithPath: dir + "/events.csv"))
        try Data(jurisdictions).write(to: URL(fileURLWithPath: dir + "/jurisdictions.csv"))
        try Data(elections).write(to: URL(fileURLWithPath: dir + "/elections.csv"))
        return dir
    }

    /// Every row's title, source_url and status columns, both ways: a generated dataset with
    /// rows whose cells run over lines, are quoted, and start with spaces, in LF and CRLF files
    /// and with a BOM.
    @Test func rowsPlaceWarningsWhereReadingTheFileAgainDoes() throws {
        let f = SyntheticDataset.make(events: 2_000, seed: 3)
        let extra =
            [
                "\"zz-1\",2023-03-01,day,,statement,kota-bekasi,\"Judul, dengan koma\",,,,,,,,Planted,https://x.id/1,,,\"kutipan\nberbaris dua\",",
                "  zz-2  ,2023-03-02,day,,statement,kota-bekasi,\"Judul\n\"\"panjang\"\"\",,,,,,,,Planted,https://x.id/2,,,,",
                "zz-3,2023-03-02,day,,statement,kota-bekasi,Satu dua ÉTÉ,,,,,,,,Planted,\"https://x.id/3\",,,,"
            ].joined(separator: "\n") + "\n"
        var lf = f.events
        lf += Array(extra.utf8)
        let crlf = Array(String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        for events in [lf, crlf, [0xEF, 0xBB, 0xBF] + lf] {
            let dir = try folder(events: events, jurisdictions: f.jurisdictions, elections: f.elections)
            let d = try DatasetLoader.load(directory: dir)
            let lines = Set(d.events.lines.values)
            let fast = DatasetWarnings.TableSource(dir, loaded: d), plain = DatasetWarnings.TableSource(dir)
            for name in ["title", "source_url", "status", "id", "notes"] {
                let rows = try #require(fast.columnsFromRows(named: name, lines: lines, events: d.events))
                #expect(rows == plain.columnsByScan(named: name, lines: lines), "\(name)")
                #expect(fast.columns(named: name, lines: lines) == rows)
            }
            let zz = d.events.indices.filter { d.events.id($0).hasPrefix("zz-") }.map { d.events.lines[$0] }
            #expect(zz.count == 3)
            #expect(zz.map { fast.columns(named: "title", lines: [$0])[$0] } == [46, 48, 44])
        }
    }

    /// With the id not in the first column, each row's start is not known from its id: every
    /// record is read (from memory), and the columns are the same.
    @Test func withTheIdElsewhereEveryRecordIsRead() throws {
        let events =
            "date,id,precision,kind,jurisdiction,title,source,source_url\n"
            + "2024-01-10,a1,day,incident,kota-bekasi,\"ASN berfoto\npose dua\",X,\n"
            + "2024-01-11,a2,day,incident,kota-bekasi,ASN berfoto pose dua,X,\n"
        let dir = try folder(events: Array(events.utf8), jurisdictions: Array(Fixture.jurisdictions.utf8), elections: Array(Fixture.elections.utf8))
        let d = try DatasetLoader.load(directory: dir)
        let fast = DatasetWarnings.TableSource(dir, loaded: d)
        #expect(fast.columnsFromRows(named: "title", lines: [2, 4], events: d.events) == nil)
        #expect(fast.columns(named: "title", lines: [2, 4]) == [2: 40, 4: 40])
        #expect(fast.columns(named: "title", lines: [2, 4]) == DatasetWarnings.TableSource(dir).columns(named: "title", lines: [2, 4]))
        // The warning itself, both ways.
        let w = DatasetWarnings.duplicates(d, events: fast).warnings.map(\.description)
        #expect(w == DatasetWarnings.duplicates(d, directory: dir).warnings.map(\.description))
        #expect(w == ["\(dir)/events.csv:4:40: warning: possible duplicate of 'a1' (on line 2, same kind and jurisdiction, 1 day apart, titles 1.00 alike)"])
    }
}
