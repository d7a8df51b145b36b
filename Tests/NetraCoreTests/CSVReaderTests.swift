import Testing
@testable import NetraCore

/// Reads `text` and returns each record's fields and the problems found.
private func records(_ text: String, bytes: [UInt8]? = nil) -> (rows: [[String]], positions: [[String]], problems: [CSVProblem], delimiter: UInt8) {
    let data = bytes ?? Array(text.utf8)
    return data.withUnsafeBufferPointer { b in
        let d = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
        var rows: [[String]] = []
        var pos: [[String]] = []
        let problems = CSVReader.read(b, delimiter: d) { rec in
            rows.append((0..<rec.count).map { rec.string($0) })
            pos.append((0..<rec.count).map { let p = rec.position($0); return "\(p.line):\(p.column)" })
        }
        return (rows, pos, problems, d)
    }
}

@Suite struct CSVReaderTests {
    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() {
        let r = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\nlast,,end\n")
        #expect(r.rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2"], ["last", "", "end"]])
        #expect(r.problems.isEmpty)
        // The record after a quoted line break starts on line 4.
        #expect(r.positions[2] == ["4:1", "4:6", "4:7"])
    }

    @Test func crlfAndLfAndMissingFinalNewline() {
        let r = records("a,b\r\n1,2\r\n3,4\n5,6")
        #expect(r.rows == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(r.positions.map { $0[0] } == ["1:1", "2:1", "3:1", "4:1"])
    }

    @Test func semicolonDetectedFromTheHeader() {
        let r = records("id;title;count\nx;\"a; b, c\";3\n")
        #expect(r.delimiter == UInt8(ascii: ";"))
        #expect(r.rows[1] == ["x", "a; b, c", "3"])
    }

    @Test func commaWinsWhenTheHeaderHasMoreCommas() {
        #expect(records("a,b;c,d\n").delimiter == UInt8(ascii: ","))
    }

    @Test func byteOrderMarkSkippedAndNotCountedAsAColumn() {
        let r = records("", bytes: [0xEF, 0xBB, 0xBF] + Array("id;kind\nx;pledge\n".utf8))
        #expect(r.rows == [["id", "kind"], ["x", "pledge"]])
        #expect(r.positions[0] == ["1:1", "1:4"])
    }

    @Test func columnsCountCharactersNotBytes() {
        let r = records("judul,x\nSosialisasi é ü,here\n")
        #expect(r.positions[1] == ["2:1", "2:17"])
    }

    @Test func blankLinesAreSkipped() {
        #expect(records("a,b\n\n1,2\n,\n").rows == [["a", "b"], ["1", "2"]])
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() {
        let r = records("a,b\n1,\"never closed\n2,3\n")
        #expect(r.problems == [CSVProblem(line: 2, column: 3, message: "unterminated quoted field: the closing \" is missing")])
    }

    @Test func strayQuoteAndTextAfterClosingQuote() {
        let r = records("a,b\nab\"c,1\n\"x\"y,2\n")
        #expect(r.problems.map { "\($0.line):\($0.column)" } == ["2:3", "3:4"])
        #expect(r.problems[0].message.hasPrefix("stray \""))
        #expect(r.problems[1].message.hasPrefix("unexpected text after a closing quote"))
    }

    @Test func hugeFieldIsRefused() {
        let big = String(repeating: "x", count: CSVLimits.maxFieldBytes + 1)
        let r = records("a,b\n1,\(big)\n")
        #expect(r.problems == [CSVProblem(line: 2, column: 3, message: "field is 65537 bytes long, more than the limit of 65536")])
    }

    @Test func invalidUTF8IsFoundWithItsPosition() {
        let bytes = Array("a,b\nok,caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let bad = bytes.withUnsafeBufferPointer { CSVReader.firstInvalidUTF8($0) }
        #expect(bad?.line == 2 && bad?.column == 7 && bad?.byte == 0xC3)
        let ok = Array("ümlaut ✓ 😀\n".utf8).withUnsafeBufferPointer { CSVReader.firstInvalidUTF8($0) }
        #expect(ok == nil)
        // Overlong encodings and lone surrogates are not UTF-8 either.
        #expect([0xC0, 0xAF].withUnsafeBufferPointer { CSVReader.firstInvalidUTF8($0) } != nil)
        #expect([0xED, 0xA0, 0x80].withUnsafeBufferPointer { CSVReader.firstInvalidUTF8($0) } != nil)
    }
}
