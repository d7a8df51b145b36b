import Testing
import Foundation
import NetraTestSupport

/// CSV injection through the built binary: `netra export … --excel` neutralises formula-like
/// text from titles, actors, quotes and ids with a leading `'`, while number columns and the
/// plain flavour keep their exact values.
@Suite(.removingTemporaryFolders) struct ExcelInjectionTests {
    /// Splits RFC 4180 text (quoted fields, doubled quotes, CRLF or LF) into rows of cells.
    static func parse(_ bytes: Data, delimiter: Unicode.Scalar) -> [[String]] {
        var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], cell = String.UnicodeScalarView()
        var i = 0, quoted = false
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                    quoted = false
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == delimiter {
                row.append(String(cell)); cell = .init()
            } else if c == "\r" || c == "\n" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                row.append(String(cell)); cell = .init()
                rows.append(row); row = []
            } else {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !row.isEmpty { row.append(String(cell)); rows.append(row) }
        return rows
    }

    /// Would a spreadsheet run this text cell? (The README's rule.)
    static func formulaLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first(where: { $0 != " " && $0 != "\n" }) else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    static let hostileTexts = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "  =1+1", "\n@x"]

    /// The shipped dataset plus an incident and a month-dated response to it (a negative lead
    /// time: the month's first day is before the incident), with formula-like text everywhere.
    static func dataset() throws -> String {
        try Hostile.dataset("injection") { d in
            func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let t = hostileTexts
            let rows = [
                // id, date, precision, end_date, kind, jurisdiction, title, actors, place, count, unit, status, links, source, source_url, source_date, quote, notes
                ["inc", "2024-08-15", "day", "", "incident", "kota-bekasi", q(t[0]), q(t[1]), "", "", "", "alleged", "", "Outlet", "", "", q(t[2]), q(t[3])],
                ["resp", "2024-08", "month", "", "response", "kota-bekasi", q(t[3]), q(t[4]), "", "", "", "", "responds_to:inc", "Outlet", "", "", q(t[5]), ""],
                ["stmt", "2024-08-16", "day", "", "statement", "kota-bekasi", q(t[6]), q(t[7]), q(t[0]), "7", "", "", "", q(t[1]), "", "", q(t[4]), ""]
            ]
            // The shipped file may have columns beyond these 18 (e.g. `known_date`): each row's
            // cells go where the header names them, other columns are left empty.
            let names = [
                "id", "date", "precision", "end_date", "kind", "jurisdiction", "title", "actors", "place", "count",
                "unit", "status", "links", "source", "source_url", "source_date", "quote", "notes"
            ]
            let shipped = try String(contentsOfFile: d + "/events.csv", encoding: .utf8)
            let header = shipped.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
            let text =
                rows.map { row in
                    let cell = Dictionary(uniqueKeysWithValues: zip(names, row))
                    return header.map { cell[$0] ?? "" }.joined(separator: ",")
                }.joined(separator: "\n") + "\n"
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: d + "/events.csv"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    /// Runs `netra export KIND` in both flavours and checks every cell: numbers equal, text
    /// neutralised exactly when formula-like. Returns the parsed excel and plain tables.
    func compare(_ kind: String, numeric: Set<String>, data: String) throws -> (excel: [[String]], plain: [[String]]) {
        let plainRun = try Netra.run(["export", kind, "--dataset", data])
        let excelRun = try Netra.run(["export", kind, "--excel", "--dataset", data])
        #expect(plainRun.status == 0 && excelRun.status == 0, "\(plainRun.stderr)\(excelRun.stderr)")
        let plain = Self.parse(Data(plainRun.stdout.utf8), delimiter: ",")
        let excel = Self.parse(Data(excelRun.stdout.utf8), delimiter: ";")
        #expect(plain.count == excel.count && plain.count > 1)
        let header = plain[0]
        for (p, x) in zip(plain.dropFirst(), excel.dropFirst()) {
            #expect(p.count == header.count && x.count == header.count)
            for (k, name) in header.enumerated() where k < p.count && k < x.count {
                if numeric.contains(name) {
                    #expect(x[k] == p[k], "\(kind) \(name): number changed from \(p[k].debugDescription) to \(x[k].debugDescription)")
                } else if Self.formulaLike(p[k]) {
                    #expect(x[k] == "'" + p[k], "\(kind) \(name): \(p[k].debugDescription) written as \(x[k].debugDescription)")
                } else {
                    #expect(x[k] == p[k], "\(kind) \(name): \(p[k].debugDescription) written as \(x[k].debugDescription)")
                }
            }
        }
        return (excel, plain)
    }

    @Test func eventsExportNeutralisesTitlesActorsAndQuotes() throws {
        let data = try Self.dataset()
        let numeric: Set<String> = [
            "count", "prevention_lead_days", "first_response_days", "first_report_days",
            "first_decision_days", "first_sanction_days", "reporting_lag_days"
        ]
        let (excel, plain) = try compare("events", numeric: numeric, data: data)
        let header = plain[0]
        func cell(_ table: [[String]], _ id: String, _ column: String) -> String? {
            guard let c = header.firstIndex(of: column), let row = table.first(where: { $0.first == id || $0.first == "'" + id }) else { return nil }
            return row[c]
        }
        // The plain flavour keeps the exact text; Excel's gets the `'`.
        #expect(cell(plain, "inc", "title") == Self.hostileTexts[0])
        #expect(cell(excel, "inc", "title") == "'" + Self.hostileTexts[0])
        #expect(cell(excel, "inc", "actors") == "'+cmd")
        #expect(cell(excel, "inc", "quote") == "'-2+3")
        #expect(cell(excel, "inc", "notes") == "'@SUM(A1)")
        #expect(cell(excel, "resp", "actors") == "'\t=1+1")
        #expect(cell(excel, "resp", "quote") == "'\r=1+1")
        #expect(cell(excel, "stmt", "title") == "'  =1+1")
        #expect(cell(excel, "stmt", "actors") == "'\n@x")
        #expect(cell(excel, "stmt", "source") == "'+cmd")
        // Ids are slugs, so never formula-like: written as they are; numbers stay numbers,
        // negative ones included.
        #expect(excel.contains { $0.first == "inc" } && excel.contains { $0.first == "resp" })
        #expect(cell(plain, "inc", "first_response_days") == "-14")
        #expect(cell(excel, "inc", "first_response_days") == "-14")
        #expect(cell(excel, "stmt", "count") == "7")
    }

    @Test func leadTimesKeepTheirDaysAndNeutraliseIds() throws {
        let data = try Self.dataset()
        let (excel, plain) = try compare("leadtimes", numeric: ["days"], data: data)
        let row = plain.first { $0.count > 4 && $0[0] == "response" && $0[1] == "inc" }
        #expect(row?[3] == "resp" && row?[4] == "-14")
        let x = excel.first { $0.count > 4 && $0[0] == "response" && $0[1] == "inc" }
        #expect(x?[3] == "resp" && x?[4] == "-14")
        // monthly and compare have counts only besides ids and kinds.
        _ = try compare("monthly", numeric: ["events", "count_sum", "counted"], data: data)
        let all = try compare("compare", numeric: ["kota-bekasi", "kabupaten-bekasi"], data: data)
        #expect(all.excel.count > 2)
    }
}
