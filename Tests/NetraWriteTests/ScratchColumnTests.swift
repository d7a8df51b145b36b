import Testing
import Foundation
import NetraCore
import NetraText
import NetraAnalytics
@testable import NetraLoad
import NetraWorkbook
@testable import NetraWrite

/// The column path, walked by a scratch column added through the schema alone (an
/// `AddedColumn` in an `EventSchema` value; the product's schema has none): its rule checks
/// it on load, and it comes through the events export, a reload of that export, the diff and
/// the workbook (typed by its value, and read back).
@Suite struct ScratchColumnTests {
    /// A whole number, 0 or more.
    static let scratch = AddedColumn(name: "scratch_score", value: .number) { text in
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } ? nil : Said(en: "'\(text)' is not a whole number", id: "'\(text)' bukan bilangan bulat")
    }
    static let schema = EventSchema(added: [scratch])

    static let jurisdictions = Array(
        """
        id,name,level,parent,kode
        jawa-barat,Jawa Barat,provinsi,,
        kota-bekasi,Kota Bekasi,kota,jawa-barat,

        """.utf8)
    static let elections = Array("id,name,date,scope\npilkada-2024,Pilkada 2024,2024-11-27,jawa-barat\n".utf8)

    static let ids = ["kota-2024-01-02-sosialisasi", "kota-2024-01-05-incident", "kota-2024-01-09-response"]

    /// events.csv with the schema's columns and the scratch one, its cells `scores` (row by row).
    static func events(_ scores: [String]) -> (bytes: [UInt8], rows: [String]) {
        let header = EventColumn.names + [scratch.name]
        let rows: [[String: String]] = [
            [
                "id": ids[0], "date": "2024-01-02", "precision": "day", "kind": "sosialisasi", "jurisdiction": "kota-bekasi",
                "title": "Sosialisasi netralitas ASN", "source": "Uji", "source_date": "2024-01-03"
            ],
            [
                "id": ids[1], "date": "2024-01-05", "precision": "day", "kind": "incident", "jurisdiction": "kota-bekasi",
                "title": "Foto ASN", "status": "alleged", "source": "Uji", "source_date": "2024-01-06"
            ],
            [
                "id": ids[2], "date": "2024-01-09", "precision": "day", "kind": "response", "jurisdiction": "kota-bekasi",
                "title": "Tanggapan", "links": "responds_to:\(ids[1])", "source": "Uji", "source_date": "2024-01-10"
            ]
        ]
        let lines = zip(rows, scores).map { row, score in
            header.map { $0 == scratch.name ? score : row[$0] ?? "" }.joined(separator: ",")
        }
        return (Array((([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n").utf8), lines)
    }

    static func load(_ events: [UInt8], schema: EventSchema = schema) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", jurisdictions), elections: ("elections.csv", elections),
            events: ("events.csv", events), schema: schema)
    }

    /// The scratch column's cells of a dataset, by event.
    static func scores(_ d: Dataset) throws -> [String] {
        let at = try #require(d.extraEventColumns.firstIndex(of: scratch.name))
        return d.events.indices.map { d.events.extras[$0][at] }
    }

    @Test func itsRuleChecksItOnLoadAtItsCell() throws {
        let (bytes, rows) = Self.events(["7", "seven", "12"])
        let column = try #require(rows[1].range(of: ",seven")).lowerBound.utf16Offset(in: rows[1]) + 2
        do {
            _ = try Self.load(bytes)
            Issue.record("a bad scratch cell loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["events.csv:3:\(column): scratch_score: 'seven' is not a whole number"])
        }
        // Without it in the schema the column is an extra one, kept and not checked.
        #expect(try Self.scores(Self.load(bytes, schema: .standard)) == ["7", "seven", "12"])
    }

    @Test func itComesThroughLoadExportReloadAndDiff() throws {
        let d = try Self.load(Self.events(["7", "", "12"]).bytes)
        #expect(d.extraEventColumns == [Self.scratch.name])
        #expect(try Self.scores(d) == ["7", "", "12"])

        // The events export writes it, and the export loads again with it.
        let csv = Analysis(dataset: d).export(.events)
        var header: [String] = [], exported: [String] = []
        _ = CSVReader.read(csv, delimiter: 0x2C) { rec in
            if header.isEmpty { header = (0..<rec.count).map { rec.string($0) }; return }
            if let at = header.firstIndex(of: Self.scratch.name) { exported.append(rec.string(at)) }
        }
        #expect(exported == ["7", "", "12"])
        #expect(try Self.scores(Self.load(csv)) == ["7", "", "12"])

        // The diff sees a change in it, and only that.
        let changed = try Self.load(Self.events(["8", "", "12"]).bytes)
        #expect(
            DatasetDiff(old: d, new: changed).entries.map { [$0.change.rawValue, $0.table.rawValue, $0.id, $0.field, $0.old, $0.new] }
                == [["changed", "events", Self.ids[0], Self.scratch.name, "7", "8"]])
        #expect(DatasetDiff(old: d, new: d).entries.isEmpty)
    }

    @Test func theWorkbookTypesItByItsValueAndReadsItBack() throws {
        let bytes = Self.events(["7", "", "12"]).bytes
        func eventsSheet(_ d: Dataset) throws -> Sheet {
            try #require(Analysis(dataset: d).workbook(lang: .en).sheets.first { $0.name == StringKey.sheetEvents.text(.en) })
        }
        let sheet = try eventsSheet(Self.load(bytes))
        let at = try #require(sheet.header.firstIndex(of: Self.scratch.name))
        #expect(sheet.rows.map { $0[at] } == [.int(7), .empty, .int(12)])
        // The same column unknown to the schema is text: the type came from the schema.
        let plain = try eventsSheet(Self.load(bytes, schema: .standard))
        #expect(plain.rows.map { $0[at] } == [.text("7"), .empty, .text("12")])

        let book = Workbook(sheets: [sheet], title: "Netra")
        let read = try WorkbookFile(bytes: try book.bytes(scratchDir: NSTemporaryDirectory())).sheet(0)
        let column = try #require(read.rows.first?.cells.first { $0.text == Self.scratch.name }?.column)
        #expect(read.rows.dropFirst().map { row in row.cells.first { $0.column == column }?.text } == ["7", nil, "12"])
    }
}
