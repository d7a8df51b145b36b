@testable import NetraWrite
import Foundation
import Testing
import NetraTestSupport
@testable import NetraCore

/// Reads `text` and returns each record's fields and the problems found. Every input is
/// read both ways, byte by byte and eight bytes at a time, and the two must agree.
private func records(_ text: String, bytes: [UInt8]? = nil) -> (rows: [[String]], positions: [[String]], problems: [CSVProblem], delimiter: UInt8) {
    let b = bytes ?? Array(text.utf8)
    let plain = CSVReadout(b, scan: .byteByByte), fast = CSVReadout(b, scan: .eightBytes)
    #expect(plain == fast, "the eight-byte scan reads otherwise than the plain one")
    return (plain.rows, plain.positions, plain.problems, plain.delimiter)
}

/// All that reading a file gives: every field as offsets and as text, every position and
/// problem, and the first byte that is not UTF-8.
struct CSVReadout: Equatable {
    var rows: [[String]] = []
    var fields: [[String]] = []
    var positions: [[String]] = []
    var problems: [CSVProblem] = []
    var delimiter: UInt8 = 0
    var invalidUTF8: String?

    init(_ b: [UInt8], scan: CSVReader.Scan) {
        delimiter = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
        problems = CSVReader.read(b, delimiter: delimiter, scan: scan) { rec in
            rows.append((0..<rec.count).map { rec.string($0) })
            fields.append(rec.fields.map { "\($0.start) \($0.end) \($0.line) \($0.lineStart) \($0.rawStart) \($0.hasEscapes)" })
            positions.append(
                (0..<rec.count).map {
                    let p = rec.position($0); return "\(p.line):\(p.column)"
                })
        }
        invalidUTF8 = CSVReader.firstInvalidUTF8(b, scan: scan).map { "\($0.line):\($0.column) \($0.byte)" }
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

    /// The two-core check (FastPaths) cut anywhere, even inside a character, finds what the
    /// plain one finds, on good and bad text, eight bytes at a time or not.
    @Test func invalidUTF8OnTwoCoresFindsTheSameByteWhereverTheCut() {
        let emoji = Array("a,b\nü✓😀,x😀\n".utf8)
        let texts: [[UInt8]] = [
            emoji, emoji + [0xC3, 0x28] + emoji, emoji + [0x80] + emoji, emoji + [0xF0, 0x9F, 0x98] + emoji,
            [0xF0, 0x9F, 0x98, 0x80, 0x80, 0x41], [0xF0, 0x80, 0x80, 0x80, 0x80, 0x80], [0x80, 0x80, 0x80, 0x80, 0x80],
            [0xED, 0xA0, 0x80] + emoji, emoji + [0x00] + emoji, emoji + [0xE2, 0x9C], [0xC0, 0xAF], [],
            Array(String(repeating: "abcdefgh", count: 5).utf8) + [0xFF] + Array(String(repeating: "ü", count: 9).utf8)
        ]
        func same(_ a: (line: Int, column: Int, byte: UInt8)?, _ b: (line: Int, column: Int, byte: UInt8)?) -> Bool {
            a?.line == b?.line && a?.column == b?.column && a?.byte == b?.byte
        }
        for text in texts {
            let plain = CSVReader.firstInvalidUTF8(text)
            for cut in 0...text.count {
                for scan in [CSVReader.Scan.byteByByte, .eightBytes] {
                    let split = CSVReader.firstInvalidUTF8OnTwoCores(text, scan: scan, cut: cut)
                    #expect(same(split, plain), "\(text) cut at \(cut), \(scan)")
                }
            }
        }
        // The cases above are not all good or all bad.
        #expect(texts.filter { CSVReader.firstInvalidUTF8($0) == nil }.count == 2)
    }

    /// Whether a byte occurs oddly often, eight bytes at a time, is what the plain count says,
    /// over every range of text full of quotes, at every alignment and with tails.
    @Test func anOddNumberOfQuotesEightBytesAtATimeIsThePlainCount() {
        var g = SeededGenerator(seed: 34)
        let alphabet: [UInt8] = [0x22, 0x22, 0x0A, 0x0D, 0x41, 0x2C, 0xC3, 0xBC]
        var odd = 0, even = 0
        for size in [0, 1, 7, 8, 9, 31, 64, 200] {
            let b = (0..<size).map { _ in alphabet[g.below(alphabet.count)] }
            for from in stride(from: 0, through: size, by: max(1, size / 9)) {
                for to in stride(from: from, through: size, by: max(1, size / 7)) {
                    let plain = b[from..<to].filter { $0 == 0x22 }.count % 2 == 1
                    #expect(CSVReader.occursOddly(0x22, in: b, from: from, to: to, scan: .byteByByte) == plain, "\(b) \(from)..<\(to)")
                    #expect(CSVReader.occursOddly(0x22, in: b, from: from, to: to, scan: .eightBytes) == plain, "\(b) \(from)..<\(to)")
                    if plain { odd += 1 } else { even += 1 }
                }
            }
        }
        // Both answers were tried, often.
        #expect(odd > 50 && even > 50)
    }

    @Test func invalidUTF8IsFoundWithItsPosition() {
        let bytes = Array("a,b\nok,caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let bad = CSVReader.firstInvalidUTF8(bytes)
        #expect(bad?.line == 2 && bad?.column == 7 && bad?.byte == 0xC3)
        let ok = CSVReader.firstInvalidUTF8(Array("ümlaut ✓ 😀\n".utf8))
        #expect(ok == nil)
        // Overlong encodings and lone surrogates are not UTF-8 either.
        #expect(CSVReader.firstInvalidUTF8([0xC0, 0xAF]) != nil)
        #expect(CSVReader.firstInvalidUTF8([0xED, 0xA0, 0x80]) != nil)
        // Eight bytes at a time finds the same byte, past long ASCII runs and at a file's end.
        for text in [bytes, Array(String(repeating: "abcdefgh", count: 9).utf8) + [0xFF], [0x41, 0x00] + Array(repeating: 0x41, count: 20)] {
            #expect(CSVReadout(text, scan: .eightBytes) == CSVReadout(text, scan: .byteByByte))
        }
    }

    /// The eight-byte scan (CSVReader+Unsafe.swift) against the plain one on real files: the
    /// shipped dataset, a generated one, and every fuzz seed and finding.
    @Test func eightBytesAtATimeReadsWhatByteByByteReads() throws {
        var inputs: [[UInt8]] = []
        for name in ["events.csv", "jurisdictions.csv", "elections.csv"] {
            inputs.append(try FileIO.read(TestPaths.shippedDataset + "/" + name))
        }
        let generated = SyntheticDataset.make(events: 2_000, seed: 5)
        inputs += [generated.events, generated.jurisdictions, generated.elections]
        let seeds = TestPaths.packageRoot + "/Fuzz/seeds"
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds).sorted() {
            // A seed holds up to three files split by NUL; each is read, and the whole too.
            let whole = try FileIO.read(seeds + "/" + name)
            inputs.append(whole)
            inputs += whole.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        }
        #expect(inputs.count > 10)
        for (k, b) in inputs.enumerated() {
            // Every way a field can end next to a word boundary: the input cut at each length.
            let cuts = b.count < 600 ? Array(0...b.count) : [b.count]
            for n in cuts {
                let part = Array(b[..<n])
                #expect(CSVReadout(part, scan: .eightBytes) == CSVReadout(part, scan: .byteByByte), "input \(k) cut at \(n)")
            }
            for byte: UInt8 in [0x0A, 0x0D, 0x22, 0x2C] {
                #expect(CSVReader.countEightBytes(byte, in: b, from: 0, to: b.count) == CSVReader.count(byte, in: b, from: 0, to: b.count))
                let from = min(3, b.count), to = max(from, b.count - 5)
                #expect(CSVReader.countEightBytes(byte, in: b, from: from, to: to) == CSVReader.count(byte, in: b, from: from, to: to))
            }
            #expect(CSVReader.lineEnds(in: b, from: 0, to: b.count, scan: .eightBytes) == CSVReader.lineEnds(in: b, from: 0, to: b.count))
            #expect(CSVReader.occursOddly(0x22, in: b, from: 0, to: b.count, scan: .eightBytes) == CSVReader.occursOddly(0x22, in: b, from: 0, to: b.count))
        }
    }
}
