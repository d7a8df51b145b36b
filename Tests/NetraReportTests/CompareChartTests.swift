import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
@testable import NetraReport

/// Every number drawn on `compare.png` is read back from its plan and checked against the
/// cells of `compare.csv`: chart and export are made from one `Comparison`, so they agree.
@Suite struct CompareChartTests {
    /// The words of a text mark in a plan dump line (`text ROLE … "WORDS"`).
    static func words(_ line: Substring) -> String? {
        guard let open = line.firstIndex(of: "\""), line.last == "\"" else { return nil }
        return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
    }

    /// `24.013` → 24013 (Indonesian grouping).
    static func count(_ text: String) -> Int? { Int(text.filter { $0 != "." }) }

    static func check(_ a: Analysis) throws {
        let files = ReportJob.build(a, options: JobOptions(fonts: try FontSet.resolve()))
        let plan = try #require(try files.first { $0.name == "compare.png" }?.planDump())
        let csv = String(decoding: try #require(files.first { $0.name == "compare.csv" }).bytes(), as: UTF8.self)
        var cells: [String: (a: String, b: String)] = [:]
        for row in csv.split(separator: "\n").dropFirst() {
            let c = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[c[0]] = (c[1], c[2])
        }
        func csvCount(_ m: ComparisonMetric) throws -> (a: Int, b: Int) {
            let c = try #require(cells[m.rawValue])
            return (try #require(Int(c.a)), try #require(Int(c.b)))
        }

        // Rows: a label, then the left and right values, in drawing order.
        var rows: [(label: String, a: String, b: String)] = []
        var notes: [String] = []
        var label: String?
        var values: [String] = []
        for line in plan.split(separator: "\n") {
            guard line.hasPrefix("text "), let w = words(line) else { continue }
            if line.hasPrefix("text label ") { label = w; values = [] }
            if line.hasPrefix("text note ") { notes.append(w) }
            if line.hasPrefix("text value ") {
                values.append(w)
                if values.count == 2, let l = label { rows.append((l, values[0], values[1])); label = nil }
            }
        }
        var byLabel: [String: (a: String, b: String)] = [:]
        for r in rows { byLabel[r.label] = (r.a, r.b) }
        #expect(byLabel.count == rows.count, "each row once")

        func drawn(_ label: String) throws -> (a: Int, b: Int) {
            let v = try #require(byLabel[label], "no row '\(label)' on the chart")
            return (try #require(count(v.a), "'\(v.a)' is not a count"), try #require(count(v.b), "'\(v.b)' is not a count"))
        }
        // Prevention: the total is the CSV's cell, and the kinds add up to it.
        let total = try drawn(StringKey.total.text(.id))
        let prevention = try csvCount(.preventionEvents)
        #expect(total == prevention)
        var sum = (a: 0, b: 0)
        for k in EventKind.allCases where k.isPrevention {
            let n = try drawn(Strings.kind(k).text(.id))
            sum = (sum.a + n.a, sum.b + n.b)
        }
        #expect(sum == prevention)
        // Incidents: each status is its CSV cell; with "no status", they add up to the total.
        let metrics: [(CaseStatus, ComparisonMetric)] = [
            (.alleged, .incidentsAlleged), (.confirmed, .incidentsConfirmed),
            (.dismissed, .incidentsDismissed), (.sanctioned, .incidentsSanctioned)
        ]
        var incidents = (a: 0, b: 0)
        for (status, metric) in metrics {
            let n = try drawn(Strings.status(status).text(.id))
            #expect(n == (try csvCount(metric)), "\(status)")
            incidents = (incidents.a + n.a, incidents.b + n.b)
        }
        if byLabel[Strings.status(nil).text(.id)] != nil {
            let n = try drawn(Strings.status(nil).text(.id))
            incidents = (incidents.a + n.a, incidents.b + n.b)
        }
        #expect(incidents == (try csvCount(.incidentsTotal)))
        // Signatories: the CSV's sum (a lower bound marked `+` when some pledge gave none), or
        // "—" where the CSV's cell is empty because no pledge gave a number: never a 0 for unknown.
        let signed = try #require(byLabel[StringKey.signatories.text(.id)])
        let csvSigned = try #require(cells[ComparisonMetric.pledgeSignatories.rawValue])
        for (text, cell) in [(signed.a, csvSigned.a), (signed.b, csvSigned.b)] {
            if text == Strings.unknownMark {
                #expect(cell.isEmpty)
            } else {
                // A lower bound says so: "sedikitnya 24.013".
                let prefix = Strings.atLeast("").text(.id)
                #expect(!cell.isEmpty && count(text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text) == Int(cell))
            }
        }
        // A "—" on the chart comes with the note that says what it means, once.
        let dashes = rows.contains { $0.a == Strings.unknownMark || $0.b == Strings.unknownMark }
        let unknownNotes = notes.filter { $0.hasPrefix(Strings.unknownNote.text(.id)) }.count
        #expect(unknownNotes == (dashes ? 1 : 0))
        notes.removeAll { $0.hasPrefix(Strings.unknownNote.text(.id)) }
        // The heads' first prevention dates.
        let first = try #require(cells[ComparisonMetric.firstPreventionDate.rawValue])
        for (note, cell) in zip(notes, [first.a, first.b]) {
            let ymd = cell.split(separator: "-").compactMap { Int($0) }
            if ymd.count == 3, let day = Day(year: ymd[0], month: ymd[1], day: ymd[2]) {
                #expect(note == StringKey.firstPrevention.text(.id) + ": " + DateText.short(day, .id))
            } else {
                #expect(cell.isEmpty && note == StringKey.nonePrevention.text(.id))
            }
        }
        #expect(notes.count == 2)
        #expect(
            rows.count == EventKind.allCases.filter(\.isPrevention).count + 1 + metrics.count
                + (byLabel[Strings.status(nil).text(.id)] == nil ? 0 : 1) + 1, "no number drawn unchecked")
    }

    @Test func shippedDataset() throws {
        try Self.check(try shipped())
    }

    /// Kabupaten Bekasi's one pledge gives no count: its signatories are drawn "—", with no bar.
    @Test func unknownSignatoriesAreADashNotAZeroBar() throws {
        let a = try shipped()
        let d = a.dataset
        let kota = try #require(d.jurisdictionIndex["kota-bekasi"]), kab = try #require(d.jurisdictionIndex["kabupaten-bekasi"])
        for lang in Language.allCases {
            let plan = try ComparisonChart(a, first: kota, second: kab).layout(options: ChartOptions(language: lang))
            let row = try #require(plan.rows.first { $0.panel == 2 })
            #expect(row.a == 24013 && row.b == nil)
            #expect(row.barB.width == 0 && row.barA.width > 0)
            let texts = plan.chart.marks.compactMap { m -> TextMark? in if case .text(let t) = m { return t } else { return nil } }
            #expect(texts.contains { $0.role == .value && $0.text == Strings.unknownMark && $0.box.minX > row.barB.maxX })
            // One note says what "—" and "sedikitnya" mean, with the number of uncounted pledges.
            #expect(
                texts.contains {
                    $0.role == .note && $0.text.hasPrefix(Strings.unknownNote.text(lang))
                        && $0.text.hasSuffix(Strings.uncountedPledges(2).text(lang))
                })
            // Kota's figure is a lower bound: its pledge of 2 Nov 2023 and the declaration of 15 Oct 2024 give no count.
            #expect(texts.contains { $0.role == .value && $0.text == Strings.atLeast(NumberFormat.number(24013, lang)).text(lang) })
            // Nothing else on the chart is unknown: every other value is a number.
            #expect(texts.filter { $0.role == .value && $0.text == Strings.unknownMark }.count == 1)
        }
    }

    @Test func generated5k() throws {
        try Self.check(try GoldenFileTests.generated())
    }
}
