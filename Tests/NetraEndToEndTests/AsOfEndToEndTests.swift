import Testing
import Foundation

/// `--as-of` through the built binary, on the shipped dataset (figures worked out by hand).
@Suite(.removingTemporaryFolders) struct AsOfEndToEndTests {
    /// `column` of the row whose `id` is `id`, in an events export.
    func cell(_ csv: String, _ id: String, _ column: String) -> String? {
        let lines = csv.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              let at = header.firstIndex(of: column) else { return nil }
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
            } else if c == "," { out.append(cur); cur = "" } else { cur.append(c) }
            prev = c
        }
        out.append(cur)
        return out
    }

    @Test func theJerseyPhotoIsAllegedUntilTheDecisionOf22January() throws {
        let early = try Netra.run(["export", "events", "--as-of", "2024-01-10"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(cell(early.stdout, "kota-2023-12-29-jersey-photo", "status_as_of") == "alleged")
        // Its own cell stays as written.
        #expect(cell(early.stdout, "kota-2023-12-29-jersey-photo", "status") == "dismissed")
        // The decision of 22 January is not known yet.
        #expect(!early.stdout.contains("\nkota-2024-01-22-jersey-decision,"))
        let late = try Netra.run(["export", "events", "--as-of", "2024-01-31"])
        #expect(cell(late.stdout, "kota-2023-12-29-jersey-photo", "status_as_of") == "dismissed")
        #expect(cell(late.stdout, "kota-2023-12-29-jersey-photo", "known_by") == "2024-01-04")
    }

    @Test func theDecemberBriefingKnowsNothingOfJanuary() throws {
        let out = Netra.tempDir("asof-december")
        let r = try Netra.run(["briefing", "--month", "2023-12", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let figures = try String(contentsOfFile: out + "/briefing-2023-12/figures.csv", encoding: .utf8)
        #expect(figures == """
        figure,value
        as_of,2023-12-31
        events,2
        events_previous_month,4
        new_incidents,0
        median_days_to_first_response,
        median_days_to_first_report,0
        days_to_next_election,45
        next_election,pemilu-2024
        pledge_signatories,
        trend,low_baseline
        trend_baseline,2.3
        trend_change_pct,

        """)
        let md = try String(contentsOfFile: out + "/briefing-2023-12/events.md", encoding: .utf8)
        #expect(md.contains("Data per 31 Desember 2023"))
        #expect(!md.contains("jersey"))
        let events = try String(contentsOfFile: out + "/briefing-2023-12/events.csv", encoding: .utf8)
        #expect(events.split(separator: "\n").count == 3)
    }

    @Test func aDayThatIsNotADayIsAUsageError() throws {
        for bad in ["2024-01", "2024-02-30", "31-12-2023", ""] {
            let r = try Netra.run(["export", "monthly", "--as-of", bad])
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
        let r = try Netra.run(["validate", "--dataset", dir])
        #expect(r.status == 0)
        // The status cell's column, counted in characters.
        let column = lines[at].distance(from: lines[at].startIndex, to: try #require(lines[at].range(of: ",dismissed,")).lowerBound) + 2
        #expect(r.stderr == "\(dir)/events.csv:\(at + 1):\(column): warning: status: 'kota-2023-09-18-bapenda-gathering' says 'confirmed', but 'kota-2023-09-22-bapenda-report-stopped' (2023-09-22) set it to 'dismissed'; an incident's status is the last one set on it\n")
        #expect(r.stdout.hasPrefix("ok: "))
    }
}
