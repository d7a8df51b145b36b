import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraLoad

/// Issue 31, point 5: every problem the loader finds is told in the user's language, the place
/// (`FILE:LINE:COLUMN`) the same in both; a mistyped name gets the nearest valid one, a date
/// written the office way its ISO form; the Indonesian names on Netra's charts are accepted.
@Suite struct MessageLanguageTests {
    static let jurisdictions = """
        id,name,level,parent
        indonesia,Indonesia,nasional,
        jawa-barat,Jawa Barat,provinsi,indonesia
        kota-bekasi,Kota Bekasi,kota,jawa-barat
        kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat

        """
    static let elections = "id,name,date,scope\npemilu-2024,Pemilu 2024,2024-02-14,indonesia\n"
    static let header = "id,date,precision,kind,jurisdiction,title,count,status,links,source"
    static let good = "photo,2023-12-29,day,incident,kota-bekasi,Jersey photo,,alleged,,Rakyat Bekasi"

    static func load(_ rows: [String]) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array(jurisdictions.utf8)),
            elections: ("elections.csv", Array(elections.utf8)),
            events: ("events.csv", Array(([header, good] + rows).joined(separator: "\n").utf8) + [0x0A]),
            names: Strings.acceptedNames)
    }

    /// The one problem of a third row `row`, in `lang`.
    static func problem(_ row: String, _ lang: Language) -> String {
        do { _ = try load([row]); return "" } catch { return error.lines(lang).joined(separator: "\n") }
    }

    @Test func unknownKindSuggestsTheNearest() {
        let row = "a,2024-01-15,day,sosialisai,kota-bekasi,T,,,,S"
        let list = EventKind.allowedList
        #expect(Self.problem(row, .id) == "events.csv:3:18: kind: jenis 'sosialisai' tidak dikenal (maksud Anda `sosialisasi`?); pilihan: \(list)")
        #expect(Self.problem(row, .en) == "events.csv:3:18: kind: unknown kind 'sosialisai' (did you mean `sosialisasi`?); expected one of: \(list)")
        // Nothing near: no guess.
        #expect(Self.problem("a,2024-01-15,day,zzz,kota-bekasi,T,,,,S", .en) == "events.csv:3:18: kind: unknown kind 'zzz'; expected one of: \(list)")
    }

    @Test func unknownStatusSuggestsTheNearest() {
        let row = "a,2024-01-15,day,incident,kota-bekasi,T,,confirmd,,S"
        let list = CaseStatus.allowedList
        #expect(Self.problem(row, .id) == "events.csv:3:42: status: status 'confirmd' tidak dikenal (maksud Anda `confirmed`?); pilihan: \(list)")
        #expect(Self.problem(row, .en) == "events.csv:3:42: status: unknown status 'confirmd' (did you mean `confirmed`?); expected one of: \(list)")
    }

    @Test func unknownJurisdictionSuggestsTheNearest() {
        let row = "a,2024-01-15,day,incident,kota-bekas,T,,,,S"
        let list = "indonesia, jawa-barat, kabupaten-bekasi, kota-bekasi"
        #expect(Self.problem(row, .id) == "events.csv:3:27: jurisdiction: wilayah 'kota-bekas' tidak dikenal (maksud Anda `kota-bekasi`?); pilihan: \(list)")
        #expect(
            Self.problem(row, .en) == "events.csv:3:27: jurisdiction: unknown jurisdiction 'kota-bekas' (did you mean `kota-bekasi`?); expected one of: \(list)"
        )
    }

    @Test func unknownLinkTargetSuggestsTheNearest() {
        let row = "a,2024-01-15,day,response,kota-bekasi,T,,,responds_to:photos,S"
        #expect(Self.problem(row, .id) == "events.csv:3:43: links: tautan ke peristiwa 'photos' yang tidak dikenal (maksud Anda `photo`?)")
        #expect(Self.problem(row, .en) == "events.csv:3:43: links: link to unknown event 'photos' (did you mean `photo`?)")
    }

    @Test func datesWrittenTheOfficeWayAreRefusedWithTheirISOForm() {
        #expect(
            Self.problem("a,15/01/2024,day,incident,kota-bekasi,T,,,,S", .id)
                == "events.csv:3:3: date: tanggal '15/01/2024' tidak berbentuk baku; tulis 2024-01-15 (YYYY-MM-DD, YYYY-MM atau YYYY)")
        #expect(
            Self.problem("a,15/01/2024,day,incident,kota-bekasi,T,,,,S", .en)
                == "events.csv:3:3: date: malformed date '15/01/2024'; write it as 2024-01-15 (YYYY-MM-DD, YYYY-MM or YYYY)")
        #expect(
            Self.problem("a,14 Oktober 2024,day,incident,kota-bekasi,T,,,,S", .id)
                == "events.csv:3:3: date: tanggal '14 Oktober 2024' tidak berbentuk baku; tulis 2024-10-14 (YYYY-MM-DD, YYYY-MM atau YYYY)")
        #expect(
            Self.problem("a,14 Oktober 2024,day,incident,kota-bekasi,T,,,,S", .en)
                == "events.csv:3:3: date: malformed date '14 Oktober 2024'; write it as 2024-10-14 (YYYY-MM-DD, YYYY-MM or YYYY)")
        #expect(Suggestions.isoDate("1/2/2024") == "2024-02-01")  // day first, as Indonesia writes it
        #expect(Suggestions.isoDate("01/15/2024") == "2024-01-15")  // only month first makes a day
        #expect(Suggestions.isoDate("October 14, 2024") == "2024-10-14")
        #expect(Suggestions.isoDate("Okt 2024") == "2024-10")
        #expect(Suggestions.isoDate("31/02/2024") == nil)
        #expect(Suggestions.isoDate("2024") == nil)
    }

    @Test func anEmptyTitleIsAnError() {
        #expect(
            Self.problem("a,2024-01-15,day,incident,kota-bekasi, ,,,,S", .id)
                == "events.csv:3:39: title: judul kosong; setiap peristiwa punya judul singkat dari kata-kata beritanya sendiri")
        #expect(
            Self.problem("a,2024-01-15,day,incident,kota-bekasi, ,,,,S", .en)
                == "events.csv:3:39: title: missing title; every event has a short title from the article's own words")
    }

    @Test func aCountWhoseThousandsDotWasReadAsADecimalPointGetsAHint() {
        #expect(
            Self.problem("a,2024-01-15,day,pledge,kota-bekasi,T,1.85,,,S", .id)
                == "events.csv:3:39: count: '1.85' bukan bilangan bulat; jika yang dimaksud 1850 (diketik dengan titik pemisah ribuan, yang dibaca program lembar kerja sebagai koma desimal), tulis 1850: angka saja, tanpa pemisah"
        )
        #expect(
            Self.problem("a,2024-01-15,day,pledge,kota-bekasi,T,1.85,,,S", .en)
                == "events.csv:3:39: count: '1.85' is not a whole number; if 1850 was meant (typed with a dot for thousands, which a spreadsheet read as a decimal point), write 1850: digits only, with no separators"
        )
    }

    /// The kinds and statuses as Netra's own charts name them are read as the canonical ones.
    @Test func theChartsIndonesianNamesAreAccepted() throws {
        let d = try Self.load([
            "a,2024-01-15,day,Ikrar,kota-bekasi,T,,,,S", "b,2024-01-16,day,insiden,kota-bekasi,T,,dugaan,,S",
            "c,2024-01-17,day,Rekap kasus,kota-bekasi,T,3,Terbukti,,S"
        ])
        #expect(Array(d.events.kinds) == [EventKind]([.incident, .pledge, .incident, .caseTally]))
        #expect(Array(d.events.statuses) == [CaseStatus?]([.alleged, nil, .alleged, .confirmed]))
        // Without the catalogue's names, only the canonical ones.
        #expect(throws: DatasetError.self) {
            try DatasetLoader.load(
                jurisdictions: ("j", Array(Self.jurisdictions.utf8)), elections: ("e", Array(Self.elections.utf8)),
                events: ("events.csv", Array((Self.header + "\na,2024-01-15,day,ikrar,kota-bekasi,T,,,,S\n").utf8)))
        }
        #expect(Strings.acceptedNames.kind("IKRAR") == .pledge)
        #expect(Strings.acceptedNames.status("dihentikan") == .dismissed)
    }

    /// Every sheet or file problem keeps its place in both languages; only the words change.
    @Test func thePlaceIsTheSameInBothLanguages() {
        let d = Diagnostic(file: "dataset.xlsx", sheet: "peristiwa", row: 12, column: 2, said: Said(en: "kind: x", id: "kind: y"))
        #expect(d.text(.en) == "dataset.xlsx:peristiwa!B12: kind: x")
        #expect(d.text(.id) == "dataset.xlsx:peristiwa!B12: kind: y")
        let many = DatasetError(Array(repeating: d, count: 3))
        #expect(many.lines(.id, limit: 1).last == "… dan 2 masalah lagi")
        #expect(many.lines(.en, limit: 1).last == "… and 2 more problems")
    }

    /// The argument parser's own lines, in Indonesian; English stays as the parser wrote it,
    /// and lines it does not know are left alone.
    @Test func theParsersLinesInIndonesian() {
        let en = "Error: Unknown option '--foo'. Did you mean '--from'?\nUsage: netra report <options>\n  See 'netra report --help' for more information."
        #expect(ParserMessages.translated(en, .en) == en)
        #expect(
            ParserMessages.translated(en, .id)
                == "Galat: Opsi '--foo' tidak dikenal. Maksud Anda '--from'?\nPenggunaan: netra report <options>\n  Lihat 'netra report --help' untuk keterangan lebih lanjut."
        )
        #expect(ParserMessages.translated("Error: Missing value for '--month <YYYY-MM>'", .id) == "Galat: Nilai untuk '--month <YYYY-MM>' belum diberikan")
        #expect(ParserMessages.translated("Error: Unexpected argument 'x'", .id) == "Galat: Argumen 'x' tidak dikenal")
        #expect(ParserMessages.translated("Error: The value 'x' is invalid for '--scale <scale>'", .id) == "Galat: Nilai 'x' tidak sah untuk '--scale <scale>'")
        // Netra's own reason after the parser's words is already in the language: kept.
        #expect(ParserMessages.translated("Error: --scale menerima 1 atau 2", .id) == "Galat: --scale menerima 1 atau 2")
        #expect(ParserMessages.translated("something else", .id) == "something else")
    }
}
