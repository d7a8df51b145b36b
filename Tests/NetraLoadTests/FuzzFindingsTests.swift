@testable import NetraLoad
import Testing
import NetraTestSupport
@testable import NetraCore

/// Inputs that took the reader or the loader super-linear time, found while writing the fuzz
/// target (`make fuzz`, Fuzz/) and timed under it, where 10 s counts as a hang: each is now
/// refused with its diagnostics, or loads, in well under a second. The times quoted are
/// those of the fuzz build (release, AddressSanitizer) before the fix.
@Suite struct FuzzFindingsTests {
    /// The messages for three files given as bytes.
    private func problems(
        jurisdictions: String = Fixture.jurisdictions, elections: String = Fixture.elections,
        events: String = Fixture.events
    ) -> [String] {
        do {
            _ = try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", Array(jurisdictions.utf8)),
                elections: ("elections.csv", Array(elections.utf8)),
                events: ("events.csv", Array(events.utf8)))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Found by the fuzzer (Fuzz/seeds/finding-unterminated-1025th-column.bin, minimised from
    /// its crash): a 1,025th field slipped past the column limit when it was an unterminated
    /// quoted field, or the empty field after a delimiter that ends the file. Now every field
    /// goes through the limit and the row is reported as too wide.
    @Test func noRowHoldsMoreThanTheColumnLimit() {
        let row = "a" + String(repeating: ",x", count: CSVLimits.maxColumns - 1)
        for (tail, expected) in [
            (",\"open", ["1:2049: unterminated quoted field: the closing \" is missing", "1:2049: more than 1024 columns in one row"]),
            (",", ["1:2049: more than 1024 columns in one row"])
        ] {
            var widths: [Int] = []
            let problems = CSVReader.read(Array((row + tail).utf8), delimiter: UInt8(ascii: ",")) { widths.append($0.count) }
            #expect(widths == [CSVLimits.maxColumns])
            #expect(problems.map { "\($0.line):\($0.column): \($0.message)" } == expected)
        }
        // Through the loader: a header of 1,025 columns whose last quote never closes.
        let header =
            "id,date,precision,kind,jurisdiction,title,source"
            + (7..<CSVLimits.maxColumns).map { ",extra\($0)" }.joined()
        let quoteColumn = header.utf8.count + 2
        #expect(
            problems(events: header + ",\"open\nx,2024") == [
                "events.csv:1:\(quoteColumn): unterminated quoted field: the closing \" is missing",
                "events.csv:1:\(quoteColumn): more than 1024 columns in one row"
            ])
    }

    /// A chain of parents was walked again from every row, each step searching the path so
    /// far: cubic; 4,000 rows (54 kB) took over 150 s. Now each row is walked once.
    @Test(.timeLimit(.minutes(1))) func longChainOfParentsLoadsAndALoopAtItsEndIsReportedOnce() throws {
        let n = 3_000
        var jur = "id,name,level,parent\nj0,J0,nasional,\n"
        for i in 1..<n { jur += "j\(i),J\(i),kota,j\(i - 1)\n" }
        let events = "id,date,precision,kind,jurisdiction,title,source\nx,2024-01-02,day,pledge,j\(n - 1),T,S\n"
        let d = try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array(jur.utf8)),
            elections: ("elections.csv", Array("id,name,date,scope\ne,E,2024-02-14,j0\n".utf8)),
            events: ("events.csv", Array(events.utf8)))
        #expect(d.jurisdictions.count == n)
        #expect(d.jurisdictions[JurisdictionIndex(n - 1)].parent == JurisdictionIndex(n - 2))
        // The same chain hanging from a loop of three: one message, at its smallest row.
        let looped = jur + "a,A,kota,c\nb,B,kota,a\nc,C,kota,b\nhang,H,kota,a\n"
        #expect(
            problems(jurisdictions: looped, elections: "id,name,date,scope\n", events: events)
                == ["jurisdictions.csv:\(n + 2):10: parent: cycle of parents: a -> c -> b -> a"])
    }

    /// Each election with an unknown scope sorted every jurisdiction id again for its
    /// message: 3,500 of them among 5,000 jurisdictions (130 kB) took 17 s.
    @Test(.timeLimit(.minutes(1))) func manyElectionsWithAnUnknownScope() {
        var jur = "id,name,level,parent\n"
        for i in 0..<3_000 { jur += "j\(i),J,kota,\n" }
        var el = "id,name,date,scope\n"
        for i in 0..<2_000 { el += "e\(i),E,2024-01-01,nowhere\n" }
        let found = problems(jurisdictions: jur, elections: el, events: "id,date,precision,kind,jurisdiction,title,source\n")
        #expect(found.count == 2_000)
        #expect(
            found.first
                == "elections.csv:2:17: scope: unknown jurisdiction 'nowhere'; expected one of: j0, j1, j10, j100, j1000, j1001, j1002, j1003, j1004, j1005, j1006, j1007, … (3000 in all)"
        )
    }

    /// The column of each syntax problem was counted from the start of its line: 43,000
    /// stray quotes on one 128 kB line took 115 s. Now a line's problems are counted in one pass.
    @Test(.timeLimit(.minutes(1))) func longLineFullOfStrayQuotes() {
        let line = String(repeating: "x\",", count: 40_000) + "é\""
        let bytes = Array(("id,title\n" + line + "\n").utf8)
        let problems = CSVReader.read(bytes, delimiter: UInt8(ascii: ",")) { _ in }
        #expect(problems.count == 40_002)  // each stray quote, then the column limit
        #expect(problems.first == CSVProblem(line: 2, column: 2, message: "stray \" in an unquoted field; quote the whole field and write \" as \"\""))
        #expect(problems.contains(CSVProblem(line: 2, column: 3_073, message: "more than 1024 columns in one row")))
        // The last quote sits after 120,000 ASCII characters and one two-byte é.
        #expect(problems.last?.column == 120_002)
        // The same through the loader: every problem, each where it is, plus the row's field
        // count, its id (a quote is no slug) and its date, precision, kind and jurisdiction.
        let found = self.problems(events: "id,date,precision,kind,jurisdiction,title,source\n" + line + "\n")
        #expect(found.count == 40_008)
        #expect(found.contains("events.csv:2:120002: stray \" in an unquoted field; quote the whole field and write \" as \"\""))
    }

    /// A stray quote and a field over the limit in one field: the column is right for both
    /// (the second is before the first on the line, so it is counted afresh).
    @Test func problemsOutOfOrderOnOneLineKeepTheirColumns() {
        let big = String(repeating: "ü", count: CSVLimits.maxFieldBytes / 2) + "\"x"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,\(big)\nb,\"c\"d\n".utf8)
        let problems = CSVReader.read(bytes, delimiter: UInt8(ascii: ",")) { _ in }
        #expect(problems.map { "\($0.line):\($0.column)" } == ["1:32771", "1:3", "2:6"])
    }

    /// The links cell's column was counted from the start of the line for every malformed
    /// link in it: 32,000 after a 60 kB title took 28 s. Now once per cell.
    @Test(.timeLimit(.minutes(1))) func thousandsOfMalformedLinksInOneCell() {
        let title = String(repeating: "t", count: 60_000)
        let links = String(repeating: "a;", count: 30_000)
        let found = problems(events: Fixture.eventsPlus("many,2024-01-03,day,response,kota-bekasi,\(title),,,\(links),S,"))
        #expect(found.count == 30_000)
        #expect(found.allSatisfy { $0 == "events.csv:6:60045: links: malformed link 'a'; expected relation:target_id, e.g. responds_to:many" })
    }

    /// 4,000 links to unknown events in one cell after a long title: the column was counted
    /// for each unresolved link. Now the cell's column is remembered.
    @Test(.timeLimit(.minutes(1))) func thousandsOfUnknownLinkTargetsInOneCell() {
        let title = String(repeating: "t", count: 30_000)
        let links = (0..<4_000).map { "reports:g\($0)" }.joined(separator: ";")
        let found = problems(events: Fixture.eventsPlus("many,2024-01-03,day,response,kota-bekasi,\(title),,,\(links),S,"))
        #expect(found.count == 4_000)
        #expect(found.first == "events.csv:6:30045: links: link to unknown event 'g0'")
        #expect(found.last == "events.csv:6:30045: links: link to unknown event 'g3999'")
    }
}
