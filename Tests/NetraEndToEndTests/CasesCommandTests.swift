import Testing
import Foundation
import NetraTestSupport

/// Issue 35: `netra cases`, as a user runs it.
@Suite(.removingTemporaryFolders) struct CasesCommandTests {
    @Test func theJerseyReportAsOf20January2024() throws {
        let r = try Netra.run(["cases", "--as-of", "2024-01-20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                Jam perkara berjalan per 20 Januari 2024

                kota-2024-01-02-jersey-report · Kota Bekasi
                  pemilu-putusan: 16 hari / 7 hari · melewati batas
                  registration 2024-01-04 (kota-2024-01-04-jersey-registration)
                  UU 7/2017 Pasal 454 ayat (7)

                kota-2024-01-02-jersey-report · Kota Bekasi
                  pemilu-putusan-tambahan: 11 hari kerja / 14 hari kerja · berjalan
                  registration 2024-01-04 (kota-2024-01-04-jersey-registration) · 16 hari
                  UU 7/2017 Pasal 454 ayat (8)


                """)
        let overdue = try Netra.run(["cases", "--as-of", "2024-01-20", "--overdue", "--format", "csv"])
        #expect(overdue.status == 0)
        let lines = overdue.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[1]
                == "pemilu-putusan,pemilu,UU 7/2017 Pasal 454 ayat (7),verified,kota-2024-01-02-jersey-report,kota-bekasi,registration,kota-2024-01-04-jersey-registration,2024-01-04,decision,,,16,,7,hari,overdue,"
        )
    }

    @Test func asOf31JanuaryItClosedIn18Days() throws {
        let r = try Netra.run(["cases", "--as-of", "2024-01-31", "--lang", "en"])
        #expect(r.status == 0 && r.stdout == "No case clock open as of 31 January 2024.\n")
        let all = try Netra.run(["cases", "--as-of", "2024-01-31", "--all", "--format", "csv"])
        #expect(all.stdout.contains(",kota-2024-01-22-jersey-decision,2024-01-22,18,,7,hari,late,\n"))
        #expect(all.stdout.contains(",kota-2024-01-22-jersey-decision,2024-01-22,18,12,14,hari_kerja,within,\n"))
        // An unchecked rule says so in every output.
        #expect(all.stdout.contains("pemilu-kajian-awal,pemilu,Perbawaslu 7/2022 Pasal 15 ayat (1),unverified,"))
    }

    @Test func withoutAnAsOfDayItIsAUsageError() throws {
        let r = try Netra.run(["cases", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--as-of YYYY-MM-DD is required"))
    }

    /// A working-day clock over a year the calendar does not cover fails, never guesses.
    @Test func aDayOutsideTheCalendarIsAnError() throws {
        let d = try AnalystToolsTests.dataset([], name: "late")
        let events = """
            id,date,precision,kind,jurisdiction,title,source,links
            i1,2026-12-20,day,incident,kota-bekasi,ASN berfoto,Radar,
            r1,2026-12-22,day,report,kota-bekasi,Laporan,Radar,reports:i1
            g1,2026-12-23,day,decision,kota-bekasi,Registrasi,Radar,decides:r1

            """
        try events.write(toFile: d + "/events.csv", atomically: true, encoding: .utf8)
        // After the last election the case falls under the Pilkada, whose clocks count calendar
        // days: the folder's own rule counts working days for any regime.
        try "id,regime,start,end,limit,unit,article,verified\nk,semua,registration,decision,14,hari_kerja,UU 7/2017 Pasal 454 ayat (8),verified\n"
            .write(toFile: d + "/clocks.csv", atomically: true, encoding: .utf8)
        let inside = try Netra.run(["cases", "--dataset", d, "--as-of", "2026-12-31"])
        #expect(inside.status == 0, "\(inside.stderr)")
        let r = try Netra.run(["cases", "--dataset", d, "--as-of", "2027-01-05", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr == "k on r1: 2027-01-01 is outside the working-day calendar (2022–2026); working days not counted\n")
        #expect(r.stdout.isEmpty)
    }

    /// A dataset's own clocks.csv replaces Netra's; its problems are told at their cell.
    @Test func aDatasetsOwnRules() throws {
        let d = try AnalystToolsTests.dataset([], name: "rules")
        try FileManager.default.removeItem(atPath: d + "/events.csv")
        for f in ["events.csv"] {
            try FileManager.default.copyItem(atPath: Netra.root + "/datasets/bekasi-2024/" + f, toPath: d + "/" + f)
        }
        try "id,regime,start,end,limit,unit,article,verified\nx,pemilu,registration,decision,20,hari,Aturan kantor,unverified\n"
            .write(toFile: d + "/clocks.csv", atomically: true, encoding: .utf8)
        let r = try Netra.run(["cases", "--dataset", d, "--as-of", "2024-01-20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  x [belum terverifikasi]: 16 hari / 20 hari · berjalan\n"))
        try "id,regime,start,end,limit,unit,article,verified\nx,pemilu,registration,decision,20,minggu,Aturan kantor,unverified\n"
            .write(toFile: d + "/clocks.csv", atomically: true, encoding: .utf8)
        let bad = try Netra.run(["cases", "--lang", "en", "--dataset", d, "--as-of", "2024-01-20"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "\(d)/clocks.csv:2:35: unit: 'minggu' is not one of hari, hari_kerja\nnetra: 1 problem in the clock rules; nothing was written\n")
        let id = try Netra.run(["cases", "--dataset", d, "--as-of", "2024-01-20"])
        #expect(
            id.stderr
                == "\(d)/clocks.csv:2:35: unit: 'minggu' bukan salah satu dari hari, hari_kerja\nnetra: 1 masalah di aturan tenggat; tidak ada yang ditulis\n")
        // The report refuses it too, writing nothing.
        let out = Netra.tempDir("rules-out")
        let report = try Netra.run(["report", "--dataset", d, "--out", out + "/o"])
        #expect(report.status == 1 && !FileManager.default.fileExists(atPath: out + "/o/clocks.png"))
    }
}
