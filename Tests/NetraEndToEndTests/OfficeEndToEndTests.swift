import Testing
import Foundation
import NetraTestSupport

/// Any office, not only Bekasi (issue 31, points 3 and 4): the comparison fits the office's
/// dataset, `--pair` on every job, regions by code or name, and the office's name on what it forwards.
@Suite("An office's own dataset", .removingTemporaryFolders)
struct OfficeEndToEndTests {
    /// Events made up for the test (source "Uji"): two for Kota Bogor, two for Kabupaten Bogor.
    static let events = """
        kota-2024-01-10-sos,2024-01-10,day,,sosialisasi,kota-bogor,Sosialisasi netralitas ASN,,,,,,,,Uji,,2024-01-10,,,
        kota-2024-01-20-ikrar,2024-01-20,day,,pledge,kota-bogor,Ikrar netralitas ASN,,,,300,pernyataan,,,Uji,,2024-01-21,,,
        kab-2024-01-05-sos,2024-01-05,day,,sosialisasi,kabupaten-bogor,Sosialisasi netralitas ASN,,,,,,,,Uji,,2024-01-06,,,
        kab-2024-01-15-inc,2024-01-15,day,,incident,kabupaten-bogor,Foto ASN dengan simbol jari,,,,,,alleged,,Uji,,2024-01-16,,,

        """

    /// `netra init d --region REGION` (with `args`), the four events added to its CSVs.
    func bogor(_ name: String, region: String = "32.71", _ args: [String] = []) throws -> String {
        let w = Netra.tempDir(name)
        let r = try Netra.run(["init", "d", "--region", region] + args, in: w)
        #expect(r.status == 0, "\(r.stderr)")
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: w + "/d/csv/events.csv"))
        h.seekToEndOfFile(); h.write(Data(Self.events.utf8)); try h.close()
        return w
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func aBogorDatasetComparesKotaWithKabupatenBogor() throws {
        let w = try bogor("bogor", ["--office", "Bawaslu Kota Bogor"])
        #expect(
            read(w + "/d/csv/jurisdictions.csv").contains(
                "kabupaten-bogor,Kabupaten Bogor,kabupaten,jawa-barat,32.01\nkota-bogor,Kota Bogor,kota,jawa-barat,32.71\n"))
        #expect(read(w + "/d/csv/settings.csv").hasPrefix("key,value,note\noffice,Bawaslu Kota Bogor,"))
        let r = try Netra.run(["report", "--dataset", "d/csv", "--out", "out", "-q"], in: w)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(read(w + "/out/compare.csv").hasPrefix("metric,kota-bogor,kabupaten-bogor\nprevention_events,2,1\n"))
        let html = read(w + "/out/report.html")
        #expect(html.contains("<header><p class=\"office\">Bawaslu Kota Bogor</p><h1>"))
        // Every chart drawn in the page names the office first in its footer.
        #expect(html.contains(">Bawaslu Kota Bogor · "))
        // --office for one run; the settings' office is then nowhere.
        let o = try Netra.run(["html", "--dataset", "d/csv", "--out", "o2", "-q", "--office", "Bawaslu Provinsi Jawa Barat"], in: w)
        #expect(o.status == 0, "\(o.stderr)")
        let other = read(w + "/o2/report.html")
        #expect(
            other.contains("<p class=\"office\">Bawaslu Provinsi Jawa Barat</p>") && !other.contains("Kota Bogor</p>") && !other.contains("Bawaslu Kota Bogor"))
        // `--office ""`: none for this run.
        #expect(try Netra.run(["html", "--dataset", "d/csv", "--out", "o3", "-q", "--office", ""], in: w).status == 0)
        #expect(!read(w + "/o3/report.html").contains("Bawaslu Kota Bogor") && !read(w + "/o3/report.html").contains("class=\"office\""))
        // The settings are an input: no export replaces them.
        let settings = read(w + "/d/csv/settings.csv")
        #expect(try Netra.run(["export", "events", "--dataset", "d/csv", "--out", "d/csv/settings.csv"], in: w).status == 1)
        #expect(read(w + "/d/csv/settings.csv") == settings)
        // The same region by its digits or its name, in any case and spacing.
        for region in ["3271", "kota  BOGOR"] {
            let x = Netra.tempDir("region")
            #expect(try Netra.run(["init", "d", "--region", region], in: x).status == 0)
            #expect(read(x + "/d/csv/jurisdictions.csv") == read(w + "/d/csv/jurisdictions.csv"))
            // No --office: the settings name none.
            #expect(read(x + "/d/csv/settings.csv").contains("\noffice,,"))
        }
    }

    @Test func theSettingsAreReadFromTheWorkbook() throws {
        // init's workbook, its sheets filled from the CSVs; its settings sheet as init wrote it.
        let w = try bogor("xlsx", ["--office", "Bawaslu Kota Bogor", "--lang", "en"])
        try FileManager.default.createDirectory(atPath: w + "/ds", withIntermediateDirectories: true)
        let builder = Netra.root + "/Tests/tools/xlsx_from_csv.py"
        #expect(try Netra.runProgram("/usr/bin/python3", [builder, "d/dataset.xlsx", "d/csv", "ds/dataset.xlsx"], in: w).status == 0)
        let r = try Netra.run(["report", "--dataset", "ds", "--out", "out", "-q"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(read(w + "/out/compare.csv").hasPrefix("metric,kota-bogor,kabupaten-bogor\n"))
        // The settings' lang (en) is the default; --lang id overrides it.
        #expect(
            read(w + "/out/report.html").contains("<html lang=\"en\">") && read(w + "/out/report.html").contains("<p class=\"office\">Bawaslu Kota Bogor</p>"))
        #expect(try Netra.run(["html", "--dataset", "ds", "--out", "id", "-q", "--lang", "id"], in: w).status == 0)
        #expect(read(w + "/id/report.html").contains("<html lang=\"id\">"))
        // A bad key in the sheet is told at its cell, like any table's problem.
        let edit =
            #"parts["xl/worksheets/sheet4.xml"] = ("<worksheet><sheetData>" + rows_xml([["key", "value"], ["office", "Bawaslu"], ["ofice", "x"], ["lang", "fr"]]) + "</sheetData></worksheet>").encode()"#
        #expect(try Netra.runProgram("/usr/bin/python3", [builder, "d/dataset.xlsx", "d/csv", "ds/dataset.xlsx", edit], in: w).status == 0)
        let v = try Netra.run(["validate", "--dataset", "ds", "--lang", "en"], in: w)
        #expect(v.status == 1)
        #expect(
            v.stderr.hasPrefix(
                """
                ds/dataset.xlsx:settings!A3: key: unknown setting 'ofice'; expected one of: office, region, pair, lang
                ds/dataset.xlsx:settings!B4: value: unknown language 'fr'; expected id or en

                """), "\(v.stderr)")
    }

    @Test func aKotaIsNeverComparedWithItsProvince() throws {
        let w = Netra.tempDir("alone")
        #expect(try Netra.run(["init", "d", "--region", "32.76"], in: w).status == 0)  // Kota Depok: no Kabupaten Depok
        try Data(
            "k1,2024-01-10,day,,sosialisasi,kota-depok,Sosialisasi,,,,,,,,Uji,,2024-01-10,,,\nj1,2024-01-11,day,,sosialisasi,jawa-barat,Sosialisasi,,,,,,,,Uji,,2024-01-11,,,\n"
                .utf8
        )
        .append(to: w + "/d/csv/events.csv")
        for lang in ["id", "en"] {
            let r = try Netra.run(["report", "--dataset", "d/csv", "--out", lang, "--lang", lang], in: w)
            #expect(r.status == 0, "\(r.stderr)")
            let why =
                lang == "id"
                ? "Tanpa perbandingan: data ini tidak memuat Kota dan Kabupaten senama" : "No comparison: the dataset holds no Kota and Kabupaten of one name"
            #expect(r.stderr.hasPrefix(why), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: w + "/\(lang)/compare.png") && !FileManager.default.fileExists(atPath: w + "/\(lang)/compare.csv"))
            #expect(read(w + "/\(lang)/report.html").contains("<p class=\"no-comparison\">" + why))
        }
        // Asked for, it is a usage error.
        let p = try Netra.run(["report", "--lang", "en", "--dataset", "d/csv", "--out", "p", "--pair", "kota-depok,jawa-barat"], in: w)
        #expect(p.status == 2 && p.stderr.contains("'kota-depok' lies within 'jawa-barat'"), "\(p.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w + "/p"))
    }

    @Test func pairOnEveryJob() throws {
        let w = Netra.tempDir("pair")
        let shipped = Netra.root + "/datasets/bekasi-2024"
        let r = try Netra.run(["report", "--dataset", shipped, "--out", "r", "-q", "--pair", "kabupaten-bekasi,kota-bekasi"], in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(read(w + "/r/compare.csv").hasPrefix("metric,kabupaten-bekasi,kota-bekasi\n"))
        #expect(read(w + "/r/report.html").contains("<table class=\"compare\"><thead><tr><th></th><th>Kabupaten Bekasi</th><th>Kota Bekasi</th>"))
        let h = try Netra.run(["html", "--dataset", shipped, "--out", "h", "-q", "--pair", "kabupaten-bekasi,kota-bekasi"], in: w)
        #expect(h.status == 0 && read(w + "/h/report.html").contains("<th>Kabupaten Bekasi</th><th>Kota Bekasi</th>"))
        let b = try Netra.run(["briefing", "--month", "2024-01", "--dataset", shipped, "--out", "b", "-q", "--pair", "kota-bekasi,kabupaten-bekasi"], in: w)
        #expect(b.status == 0 && FileManager.default.fileExists(atPath: w + "/b/briefing-2024-01/compare.png"))
        let m = try Netra.run(["--dataset", shipped, "--out", "m", "-q", "--pair", "kabupaten-bekasi,kota-bekasi"], in: w)
        #expect(m.status == 0 && read(w + "/m/compare.csv").hasPrefix("metric,kabupaten-bekasi,kota-bekasi\n"))
        for args in [["report"], ["briefing", "--month", "2024-01"], ["html"], []] {
            for (pair, message) in [
                ("kota-bekasi", "--pair takes two jurisdiction ids separated by a comma"), ("kota-bekasi,kota-bogor", "unknown jurisdiction 'kota-bogor'"),
                ("kota-bekasi,kota-bekasi", "'kota-bekasi' is given twice"), ("indonesia,kota-bekasi", "'kota-bekasi' lies within 'indonesia'")
            ] {
                let x = try Netra.run(args + ["--dataset", shipped, "--out", "x", "--pair", pair, "--lang", "en"], in: w)
                #expect(x.status == 2 && x.stderr.contains(message), "\(args) \(pair): \(x.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: w + "/x"))
    }

    @Test func regionsAreListedAndAnUnknownOneSaysTheNearest() throws {
        let r = try Netra.run(["regions", "bogor"])
        #expect(r.status == 0 && r.stdout == "32.01 Kabupaten Bogor  (kabupaten, Jawa Barat)\n32.71 Kota Bogor  (kota, Jawa Barat)\n")
        #expect(try Netra.run(["regions", "3271"]).stdout == "32.71 Kota Bogor  (kota, Jawa Barat)\n")
        #expect(try Netra.run(["regions"]).stdout.split(separator: "\n").count == 552)
        let none = try Netra.run(["regions", "Kota Bogr", "--lang", "en"])
        #expect(none.status == 2 && none.stderr == "netra: no region matches 'Kota Bogr'; nearest: 32.71 Kota Bogor, 35.79 Kota Batu, 52.72 Kota Bima\n")
        let w = Netra.tempDir("unknown")
        for (lang, start) in [
            (
                "id",
                "netra: --region: wilayah 'Kota Bogr' tidak dikenal; berikan kode Kemendagri (32.71 atau 3271) atau nama (Kota Bogor); yang terdekat: 32.71 Kota Bogor"
            ),
            ("en", "netra: --region: unknown region 'Kota Bogr'; give a Kemendagri code (32.71 or 3271) or a name (Kota Bogor); nearest: 32.71 Kota Bogor")
        ] {
            let i = try Netra.run(["init", "d", "--region", "Kota Bogr", "--lang", lang], in: w)
            #expect(i.status == 2 && i.stderr.hasPrefix(start), "\(i.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: w + "/d"))
    }
}

extension Data {
    func append(to path: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        h.seekToEndOfFile(); h.write(self); try h.close()
    }
}
