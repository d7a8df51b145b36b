import Testing
import Foundation
import NetraTestSupport

/// `--as-of` through the built binary, on the shipped dataset (figures worked out by hand).
@Suite(.removingTemporaryFolders) struct AsOfEndToEndTests {
    /// `column` of the row whose `id` is `id`, in an events export.
    func cell(_ csv: String, _ id: String, _ column: String) -> String? {
        let lines = csv.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
            let at = header.firstIndex(of: column)
        else { return nil }
        // The ids and the leading columns hold no commas or quotes in the shipped rows asked for.
        for line in lines.dropFirst() where line.hasPrefix(id + ",") {
            return try? csvFields(line)[at]
        }
        return nil
    }

    /// The fields of one CSV line (quotes undone; no line breaks inside).
    func csvFields(_ line: String) throws -> [String] {
        var out: [String] = [], cur = "", quoted = false, prev: Character = " "
        for c in line {
            if quoted {
                if c == "\"" { quoted = false } else { cur.append(c) }
            } else if c == "\"" {
                if prev == "\"" { cur.append("\"") }
                quoted = true
            } else if c == "," {
                out.append(cur); cur = ""
            } else {
                cur.append(c)
            }
            prev = c
        }
        out.append(cur)
        return out
    }

    @Test func theJerseyPhotoIsAllegedUntilTheDecisionOf22January() throws {
        let early = try Netra.run(["export", "events", "--as-of", "2024-01-10"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(cell(early.stdout, "kota-2023-12-29-jersey-photo", "status_as_of") == "alleged")
        // Its own cell stays as written: the last status set on it (the correction of 2 February).
        #expect(cell(early.stdout, "kota-2023-12-29-jersey-photo", "status") == "confirmed")
        // The decision of 22 January is not known yet.
        #expect(!early.stdout.contains("\nkota-2024-01-22-jersey-decision,"))
        let late = try Netra.run(["export", "events", "--as-of", "2024-01-31"])
        #expect(cell(late.stdout, "kota-2023-12-29-jersey-photo", "status_as_of") == "dismissed")
        #expect(cell(late.stdout, "kota-2023-12-29-jersey-photo", "known_by") == "2024-01-04")
    }

    /// The jersey photo went alleged → dismissed → confirmed: Bawaslu Jawa Barat's correction,
    /// signed on 2 February 2024, was public on 6 February (Radar Bekasi), so on the 5th the
    /// Kota ruling still stands.
    @Test func theJerseyPhotoIsConfirmedOnceTheCorrectionIsKnown() throws {
        let before = try Netra.run(["export", "events", "--as-of", "2024-02-05"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(cell(before.stdout, "kota-2023-12-29-jersey-photo", "status_as_of") == "dismissed")
        #expect(!before.stdout.contains("\njabar-2024-02-02-jersey-correction,"))
        let after = try Netra.run(["export", "events", "--as-of", "2024-02-10"])
        #expect(cell(after.stdout, "kota-2023-12-29-jersey-photo", "status_as_of") == "confirmed")
        #expect(cell(after.stdout, "jabar-2024-02-02-jersey-correction", "known_by") == "2024-02-06")
        // The photo's own cell agrees with the graph: validate has nothing to say.
        let v = try Netra.run(["validate"])
        #expect(v.status == 0 && v.stderr.isEmpty, "\(v.stderr)")
    }

    /// The Pilkada months: each prevention event in its month, with how long before the
    /// Pilkada of 27 November 2024 it came (FACTS.md; days counted on a calendar).
    @Test func thePilkadaMonthsListTheirPreventionWithItsLead() throws {
        let expected: [(String, [String])] = [
            (
                "2024-08",
                [
                    "Surat Edaran KP.06.02/3771-BKPSDM", "sedikitnya 100 hari sebelum Pilkada Serentak 2024",
                    "Pj Wali Kota Bekasi minta pasangan calon", "88 hari sebelum Pilkada Serentak 2024"
                ]
            ),
            ("2024-09", ["SE Bupati KP.06.02/4881-BKPSDM", "71 hari sebelum Pilkada Serentak 2024"]),
            (
                "2024-10",
                [
                    "Deklarasi netralitas ASN, TNI dan Polri", "43 hari sebelum Pilkada Serentak 2024",
                    "Pemkot Bekasi persilakan masyarakat mengadukan ASN", "42 hari sebelum Pilkada Serentak 2024"
                ]
            ),
            ("2024-11", ["Apel siaga masa tenang", "4 hari sebelum Pilkada Serentak 2024"])
        ]
        for (month, phrases) in expected {
            let out = Netra.tempDir("pilkada-" + month)
            let r = try Netra.run(["briefing", "--month", month, "--out", out, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let md = try String(contentsOfFile: out + "/briefing-\(month)/events.md", encoding: .utf8)
            for p in phrases { #expect(md.contains(p), "\(month): missing \(p)") }
        }
        // October: the declaration's line, source and lead together; and in English.
        let out = Netra.tempDir("pilkada-en")
        #expect(try Netra.run(["briefing", "--month", "2024-10", "--out", out, "--lang", "en", "--quiet"]).status == 0)
        let md = try String(contentsOfFile: out + "/briefing-2024-10/events.md", encoding: .utf8)
        #expect(md.contains("**15 October 2024** · Pledge · Kota Bekasi: Neutrality declaration of ASN, TNI and Polri for the 2024 Pilkada in Kota Bekasi"))
        #expect(md.contains(", 16 October 2024 · 43 days before Pilkada Serentak 2024\n"))
    }

    /// Bawaslu Kota Bekasi's Pilkada totals are one series (17, 19, 18): the latest known
    /// stands, never a sum; West Java's 8, 4 and 43 stay three series.
    @Test func talliesStandAsOfTheirDay() throws {
        func latest(_ asOf: String, _ unit: String) throws -> String? {
            let r = try Netra.run(["export", "tallies", "--as-of", asOf])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.split(separator: "\n").first { $0.contains(",\(unit),") && $0.hasSuffix(",true") }
                .map { String($0.split(separator: ",")[4]) }
        }
        #expect(try latest("2024-12-13", "laporan") == nil)  // the 17 of 12 Dec, public on the 14th
        #expect(try latest("2024-12-14", "laporan") == "17")
        #expect(try latest("2024-12-31", "laporan") == "19")
        #expect(try latest("2025-02-28", "laporan") == "18")
        #expect(try latest("2025-02-28", "kasus ASN diteruskan") == "8")
        #expect(try latest("2025-02-28", "ASN dilaporkan ke BKN") == "4")
        #expect(try latest("2025-02-28", "dugaan pelanggaran netralitas ASN") == "43")
    }

    @Test func theDecemberBriefingKnowsNothingOfJanuary() throws {
        let out = Netra.tempDir("asof-december")
        let r = try Netra.run(["briefing", "--month", "2023-12", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let figures = try String(contentsOfFile: out + "/briefing-2023-12/figures.csv", encoding: .utf8)
        #expect(
            figures == """
                figure,value
                as_of,2023-12-31
                events,2
                events_previous_month,5
                case_tallies,0
                new_incidents_reported,0
                new_incidents_occurred,0
                new_incidents_reported_and_occurred,0
                median_days_to_first_response,
                median_days_to_first_response_n,0
                median_days_to_first_response_lower_bound,false
                median_days_to_first_report,
                median_days_to_first_report_n,0
                median_days_to_first_report_lower_bound,false
                days_to_next_election,45
                next_election,pemilu-2024
                pledge_signatories,
                pledge_signatories_complete,false
                trend,low_baseline
                trend_baseline,2.7
                trend_change_pct,

                """)
        let md = try String(contentsOfFile: out + "/briefing-2023-12/events.md", encoding: .utf8)
        #expect(md.contains("Data per 31 Desember 2023"))
        // The jersey photo of 29 Dec was reported in January: not counted, only named at the end.
        let later = try #require(md.range(of: "## Diberitakan setelah 31 Des 2023"))
        #expect(!md[..<later.lowerBound].contains("jersey") && md[later.upperBound...].contains("jersey"))
        let events = try String(contentsOfFile: out + "/briefing-2023-12/events.csv", encoding: .utf8)
        #expect(events.split(separator: "\n").count == 3)
    }

    @Test func aDayThatIsNotADayIsAUsageError() throws {
        for bad in ["2024-01", "2024-02-30", "31-12-2023", ""] {
            let r = try Netra.run(["export", "--lang", "en", "monthly", "--as-of", bad])
            #expect(r.status == 2, "\(bad)")
            #expect(r.stderr.contains("expected YYYY-MM-DD"), "\(bad): \(r.stderr)")
        }
    }

    @Test func validateWarnsWhereAnIncidentsOwnStatusDisagrees() throws {
        let shipped = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)
        // The Bapenda gathering made to say `confirmed`; the decision that stopped it set `dismissed`.
        let lines = shipped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("kota-2023-09-18-bapenda-gathering,") })
        var fields = try csvFields(lines[at])
        let header = try csvFields(lines[0])
        let status = try #require(header.firstIndex(of: "status"))
        #expect(fields[status] == "dismissed")
        var changed = lines
        changed[at] = lines[at].replacingOccurrences(of: ",dismissed,", with: ",confirmed,")
        fields = try csvFields(changed[at])
        #expect(fields[status] == "confirmed")
        let dir = try Netra.brokenDataset("events.csv", changed.joined(separator: "\n"))
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", dir])
        #expect(r.status == 0)
        // The status cell's column, counted in characters.
        let column = lines[at].distance(from: lines[at].startIndex, to: try #require(lines[at].range(of: ",dismissed,")).lowerBound) + 2
        #expect(
            r.stderr
                == "\(dir)/events.csv:\(at + 1):\(column): warning: status: 'kota-2023-09-18-bapenda-gathering' says 'confirmed', but 'kota-2023-09-22-bapenda-report-stopped' (2023-09-22) set it to 'dismissed'; an incident's status is the last one set on it\n"
        )
        #expect(r.stdout.hasPrefix("ok: "))
    }
}
