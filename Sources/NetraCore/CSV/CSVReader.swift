/// Limits that keep a hostile file from taking the machine with it.
public enum CSVLimits {
    /// The largest `count` a row may carry: a billion, more than Indonesia's people. With at
    /// most 4 GiB of rows, every sum of counts then fits in 64 bits with room to spare.
    public static let maxCount = 1_000_000_000
    /// The largest field accepted, in bytes.
    public static let maxFieldBytes = 65_536
    /// The most columns a row may have.
    public static let maxColumns = 1_024
}

/// Where a field sits in its file: byte offsets and the line it starts on.
public struct CSVField: Sendable {
    /// First byte of the content (after an opening quote).
    public var start: Int
    /// One past the last byte of the content (before a closing quote).
    public var end: Int
    /// 1-based line the field starts on.
    public var line: Int
    /// Byte offset where that line starts, to work out the column when it is needed.
    public var lineStart: Int
    /// Offset of the field's first byte as written (its opening quote, if quoted).
    public var rawStart: Int
    /// The content holds doubled quotes that must be undone.
    public var hasEscapes: Bool
}

/// A syntax problem found while splitting a file into records.
public struct CSVProblem: Sendable, Equatable {
    public var line: Int
    public var column: Int
    /// What is wrong, in both languages.
    public var said: Said
    /// What is wrong, in English.
    public var message: String { said.en }

    public init(line: Int, column: Int, said: Said) { self.line = line; self.column = column; self.said = said }
    /// A problem named by its English text (what tests compare).
    public init(line: Int, column: Int, message: String) { self.init(line: line, column: column, said: Said(message)) }

    /// The same problem: the same place and words (the Indonesian says the same in the other language).
    public static func == (a: CSVProblem, b: CSVProblem) -> Bool { (a.line, a.column, a.said.en) == (b.line, b.column, b.said.en) }
}

/// One record handed to the reader's callback: its fields as offsets into the file's bytes.
public struct CSVRecord {
    /// The whole file (shared, not copied); the fields index into it.
    public let bytes: [UInt8]
    public internal(set) var fields: [CSVField]
    /// The file's delimiter.
    public var delimiter: UInt8 = 0x2C
    /// 1-based line the record starts on.
    public var line: Int { fields.first?.line ?? 0 }
    public var count: Int { fields.count }

    /// The field's content with doubled quotes undone.
    public func string(_ i: Int) -> String {
        let f = fields[i]
        if !f.hasEscapes {
            return String(decoding: bytes[f.start..<f.end], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(f.end - f.start)
        var k = f.start
        while k < f.end {
            out.append(bytes[k])
            k += bytes[k] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The field's raw bytes (doubled quotes left as they are).
    public func slice(_ i: Int) -> ArraySlice<UInt8> {
        let f = fields[i]
        return bytes[f.start..<f.end]
    }

    /// The field's bytes without surrounding spaces and tabs: for ids, codes and numbers.
    @inlinable
    public func trimmed(_ i: Int) -> ArraySlice<UInt8> { bytes[trimmedRange(i)] }

    /// Where `trimmed(i)` lies in `bytes`: to read it through `bytes.span`, which, unlike a
    /// slice, does not retain the file's buffer.
    @inlinable
    public func trimmedRange(_ i: Int) -> Range<Int> {
        let f = fields[i]
        var a = f.start, b = f.end
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        return a..<b
    }

    /// The field without spaces around it, its doubled quotes undone (`"kota""bekasi"` is
    /// `kota"bekasi`).
    public func trimmedString(_ i: Int) -> String {
        let t = trimmed(i)
        guard fields[i].hasEscapes else { return String(decoding: t, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        var k = t.startIndex
        while k < t.endIndex {
            out.append(t[k])
            k += t[k] == 0x22 && k + 1 < t.endIndex && t[k + 1] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func isBlank(_ i: Int) -> Bool { trimmedRange(i).isEmpty }

    /// 1-based line and character column where field `i` starts.
    public func position(_ i: Int) -> (line: Int, column: Int) {
        let f = fields[i]
        return (f.line, CSVReader.column(in: bytes, lineStart: f.lineStart, offset: f.rawStart))
    }
}

/// How a scan passes over bytes it need not look at one by one. Each method returns the
/// first offset at or after `i` (and at most `n`) where a byte that matters may be: every
/// byte it passes over is one that does not. The plain path (`ByteByByte`) passes none;
/// `EightBytes` (CSVReader+Unsafe.swift) passes whole words.
protocol ByteSkipper {
    /// Past bytes that are not `"`, LF or CR.
    func quotedText(from i: Int, to n: Int) -> Int
    /// Past bytes that are not the delimiter, `"`, LF or CR.
    func unquotedText(from i: Int, to n: Int) -> Int
    /// Past bytes in 0x01...0x7F.
    func ascii(from i: Int, to n: Int) -> Int
}

/// Every byte looked at: the plain path.
struct ByteByByte: ByteSkipper {
    @inline(__always) func quotedText(from i: Int, to n: Int) -> Int { i }
    @inline(__always) func unquotedText(from i: Int, to n: Int) -> Int { i }
    @inline(__always) func ascii(from i: Int, to n: Int) -> Int { i }
}

/// An RFC 4180 reader over bytes: quoted fields with delimiters, doubled quotes and line
/// breaks; CRLF, LF or CR line ends; `,` or `;` detected from the header; a UTF-8 BOM skipped.
public enum CSVReader {
    /// How the scans pass over plain text: one byte at a time (the plain path, checked
    /// indexing) or eight at a time (CSVReader+Unsafe.swift). Both find the same things;
    /// `CSVReaderTests` and the fuzzer hold them to it.
    public enum Scan: Sendable {
        case byteByByte
        case eightBytes
    }

    /// The delimiter the header line uses: `;` when it has more of them than `,`.
    public static func detectDelimiter(_ b: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == 0x0A || c == 0x0D { break }
                if c == 0x2C { commas += 1 } else if c == 0x3B { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? 0x3B : 0x2C
    }

    /// Offset past a UTF-8 byte-order mark, if there is one.
    public static func contentStart(_ b: [UInt8]) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// The 1-based character column of `offset` on the line that starts at `lineStart`.
    public static func column(in b: [UInt8], lineStart: Int, offset: Int) -> Int {
        var col = 1
        var i = lineStart
        while i < offset && i < b.count {
            if b[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        // A BOM is not a character the user sees.
        if lineStart == 0 && contentStart(b) == 3 && offset >= 3 { col -= 1 }
        return col
    }

    /// The first byte that breaks UTF-8 (or is NUL), with its line and column.
    public static func firstInvalidUTF8(_ b: [UInt8], scan: Scan = .byteByByte) -> (line: Int, column: Int, byte: UInt8)? {
        placeInvalidUTF8(b, at: firstInvalidUTF8Offset(b, scan: scan, in: 0..<b.count))
    }

    /// The offset of the first byte in `range` that breaks UTF-8 or is NUL, the range read as
    /// if the file ended where it ends.
    static func firstInvalidUTF8Offset(_ b: [UInt8], scan: Scan, in range: Range<Int>) -> Int? {
        switch scan {
        case .byteByByte: return firstInvalidUTF8Offset(b, ByteByByte(), in: range)
        case .eightBytes: return withEightBytes(b, delimiter: 0x2C) { firstInvalidUTF8Offset(b, $0, in: range) }
        }
    }

    /// The line, column and byte of the bad byte at `found`, if any.
    static func placeInvalidUTF8(_ b: [UInt8], at found: Int?) -> (line: Int, column: Int, byte: UInt8)? {
        guard let at = found else { return nil }
        // Only now, on the way to a message, are the lines counted.
        var line = 1, lineStart = 0, i = 0
        while i < at {
            let c = b[i]
            if c == 0x0A { line += 1; lineStart = i + 1 } else if c == 0x0D && (i + 1 >= b.count || b[i + 1] != 0x0A) { line += 1; lineStart = i + 1 }
            i += 1
        }
        return (line, column(in: b, lineStart: lineStart, offset: at), b[at])
    }

    /// The offset of the first byte that breaks UTF-8 or is NUL; runs of ASCII go by `skip`.
    static func firstInvalidUTF8Offset<S: ByteSkipper>(_ b: [UInt8], _ skip: S, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            i = skip.ascii(from: i, to: n)
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 {
                if c == 0 { return i }
                i += 1
                continue
            }
            var need = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            if c & 0xE0 == 0xC0 {
                need = 1; minimum = 0x80; scalar = UInt32(c & 0x1F)
            } else if c & 0xF0 == 0xE0 {
                need = 2; minimum = 0x800; scalar = UInt32(c & 0x0F)
            } else if c & 0xF8 == 0xF0 {
                need = 3; minimum = 0x10000; scalar = UInt32(c & 0x07)
            } else {
                return i
            }
            for k in 1...need {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += need + 1
        }
        return nil
    }

    /// How many times `byte` occurs in `b[from..<to]`.
    @usableFromInline package static func count(_ byte: UInt8, in b: [UInt8], from: Int, to: Int, scan: Scan = .byteByByte) -> Int {
        if scan == .eightBytes { return countEightBytes(byte, in: b, from: from, to: to) }
        var total = 0
        for i in from..<to where b[i] == byte { total += 1 }
        return total
    }

    /// Whether `byte` occurs an odd number of times in `b[from..<to]`: whether a quote is
    /// still open there, for the quotes.
    @usableFromInline package static func occursOddly(_ byte: UInt8, in b: [UInt8], from: Int, to: Int, scan: Scan = .byteByByte) -> Bool {
        if scan == .eightBytes { return occursOddlyEightBytes(byte, in: b, from: from, to: to) }
        return count(byte, in: b, from: from, to: to) % 2 == 1
    }

    /// The offset just past the first LF at or after `from` that lies outside quotes, given
    /// whether `from` is inside a quoted field; nil when there is none.
    @usableFromInline package static func recordEnd(_ b: [UInt8], from: Int, quoted: Bool) -> Int? {
        var inQuotes = quoted
        var i = from
        while i < b.count {
            let c = b[i]
            if c == 0x22 { inQuotes.toggle() } else if c == 0x0A && !inQuotes { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The line ends in `b[from..<to]` as `read` counts them: LF, CRLF, or a lone CR.
    @usableFromInline package static func lineEnds(in b: [UInt8], from: Int, to: Int, scan: Scan = .byteByByte) -> Int {
        let lf = count(0x0A, in: b, from: from, to: to, scan: scan)
        guard count(0x0D, in: b, from: from, to: to, scan: scan) > 0 else { return lf }
        return lf + loneCRs(in: b, from: from, to: to)
    }

    /// CRs in `b[from..<to]` not followed by an LF (each a line end of its own).
    static func loneCRs(in b: [UInt8], from: Int, to: Int) -> Int {
        var lone = 0
        for i in from..<to where b[i] == 0x0D && (i + 1 >= b.count || b[i + 1] != 0x0A) { lone += 1 }
        return lone
    }

    /// Splits `b` into records and hands each to `body`; syntax problems are collected and
    /// the reader carries on where it safely can. Records whose fields are all empty are skipped.
    /// With `range`, only the records in it are read; it must start where a record does, on
    /// line `line`. `scan` changes the speed, never the result.
    public static func read(
        _ b: [UInt8],
        delimiter: UInt8,
        range: Range<Int>? = nil,
        line firstLine: Int = 1,
        scan: Scan = .byteByByte,
        body: (CSVRecord) -> Void
    ) -> [CSVProblem] {
        readCountingLines(b, delimiter: delimiter, range: range, line: firstLine, scan: scan, body: body).problems
    }

    /// `read`, also saying the line after the last one read: where a read of the range that
    /// follows would start (meaningful when there are no problems).
    public static func readCountingLines(
        _ b: [UInt8],
        delimiter: UInt8,
        range: Range<Int>? = nil,
        line firstLine: Int = 1,
        scan: Scan = .byteByByte,
        body: (CSVRecord) -> Void
    ) -> (problems: [CSVProblem], nextLine: Int) {
        if let range { precondition(range.lowerBound >= 0 && range.upperBound <= b.count, "a range inside the file") }
        switch scan {
        case .byteByByte:
            return records(b, delimiter: delimiter, range: range, line: firstLine, ByteByByte(), body)
        case .eightBytes:
            return withEightBytes(b, delimiter: delimiter) { records(b, delimiter: delimiter, range: range, line: firstLine, $0, body) }
        }
    }

    /// `read`, with runs of plain text passed over by `skip`.
    static func records<S: ByteSkipper>(
        _ b: [UInt8], delimiter: UInt8, range: Range<Int>?, line firstLine: Int, _ skip: S, _ body: (CSVRecord) -> Void
    ) -> (problems: [CSVProblem], nextLine: Int) {
        var problems: [CSVProblem] = []
        let n = range?.upperBound ?? b.count
        var i = range?.lowerBound ?? contentStart(b)
        var line = firstLine
        var lineStart = range?.lowerBound ?? 0
        // One record for the whole read, its fields refilled for each row: a record made per
        // row retained the file's buffer each time, on both cores at once when a file is read
        // in two parts. The body borrows it.
        var rec = CSVRecord(bytes: b, fields: [], delimiter: delimiter)
        rec.fields.reserveCapacity(32)
        var tooManyColumnsReported = false

        // The columns of a line's problems are counted in one pass, not from the line start
        // for each: a long line full of stray quotes must not take quadratic time.
        var cursorLineStart = -1, cursorOffset = 0, cursorChars = 0
        func problem(_ l: Int, _ ls: Int, _ off: Int, _ msg: Said) {
            if ls != cursorLineStart || off < cursorOffset { cursorLineStart = ls; cursorOffset = ls; cursorChars = 0 }
            while cursorOffset < off && cursorOffset < n {
                if b[cursorOffset] & 0xC0 != 0x80 { cursorChars += 1 }
                cursorOffset += 1
            }
            // As column(in:lineStart:offset:) counts it, BOM included.
            let col = cursorChars + 1 - (ls == 0 && off >= 3 && contentStart(b) == 3 ? 1 : 0)
            problems.append(CSVProblem(line: l, column: col, said: msg))
        }
        // Every field goes through here, so no row ever holds more than the limit.
        func add(_ f: CSVField) {
            if rec.fields.count < CSVLimits.maxColumns {
                rec.fields.append(f)
            } else if !tooManyColumnsReported {
                tooManyColumnsReported = true
                problem(
                    f.line, f.lineStart, f.rawStart,
                    Said(en: "more than \(CSVLimits.maxColumns) columns in one row", id: "lebih dari \(CSVLimits.maxColumns) kolom dalam satu baris"))
            }
        }

        while i < n {
            // One field.
            let fLine = line, fLineStart = lineStart, rawStart = i
            var start = i, end = i, escaped = false
            if b[i] == 0x22 {
                i += 1
                start = i
                var closed = false
                while i < n {
                    i = skip.quotedText(from: i, to: n)
                    guard i < n else { break }
                    let c = b[i]
                    if c == 0x22 {
                        if i + 1 < n && b[i + 1] == 0x22 { escaped = true; i += 2; continue }
                        end = i
                        i += 1
                        closed = true
                        break
                    }
                    if c == 0x0A { line += 1; lineStart = i + 1 } else if c == 0x0D && (i + 1 >= n || b[i + 1] != 0x0A) { line += 1; lineStart = i + 1 }
                    i += 1
                }
                if !closed {
                    problem(
                        fLine, fLineStart, rawStart,
                        Said(en: "unterminated quoted field: the closing \" is missing", id: "isian berkutip tidak ditutup: tanda \" penutupnya hilang"))
                    end = n
                    // The rest of the file is not one huge field to hand on.
                    if end - start > CSVLimits.maxFieldBytes {
                        problem(
                            fLine, fLineStart, rawStart,
                            Said(
                                en: "field is \(end - start) bytes long, more than the limit of \(CSVLimits.maxFieldBytes)",
                                id: "isian sepanjang \(end - start) bita, melebihi batas \(CSVLimits.maxFieldBytes)"))
                        end = start
                    }
                    // Nothing after an unterminated quote can be trusted.
                    add(CSVField(start: start, end: end, line: fLine, lineStart: fLineStart, rawStart: rawStart, hasEscapes: escaped))
                    if rec.fields.count > 0 { body(rec) }
                    return (problems, line)
                }
                // Only a delimiter or a line end may follow the closing quote.
                if i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D {
                    problem(
                        line, lineStart, i,
                        Said(
                            en: "unexpected text after a closing quote; a \" inside a quoted field is written \"\"",
                            id: "ada teks setelah tanda kutip penutup; tanda \" di dalam isian berkutip ditulis \"\""))
                    while i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                }
            } else {
                var strayQuote = -1
                while i < n {
                    i = skip.unquotedText(from: i, to: n)
                    guard i < n else { break }
                    let c = b[i]
                    if c == delimiter || c == 0x0A || c == 0x0D { break }
                    if c == 0x22 && strayQuote < 0 { strayQuote = i }
                    i += 1
                }
                end = i
                if strayQuote >= 0 {
                    problem(
                        fLine, fLineStart, strayQuote,
                        Said(
                            en: "stray \" in an unquoted field; quote the whole field and write \" as \"\"",
                            id: "tanda \" nyasar di isian tanpa kutip; kutip seluruh isian dan tulis \" sebagai \"\""))
                }
            }
            if end - start > CSVLimits.maxFieldBytes {
                problem(
                    fLine, fLineStart, rawStart,
                    Said(
                        en: "field is \(end - start) bytes long, more than the limit of \(CSVLimits.maxFieldBytes)",
                        id: "isian sepanjang \(end - start) bita, melebihi batas \(CSVLimits.maxFieldBytes)"))
                end = start
            }
            add(CSVField(start: start, end: end, line: fLine, lineStart: fLineStart, rawStart: rawStart, hasEscapes: escaped))
            // What ends the field.
            if i < n && b[i] == delimiter {
                i += 1
                if i == n {
                    add(CSVField(start: i, end: i, line: line, lineStart: lineStart, rawStart: i, hasEscapes: false))
                } else {
                    continue
                }
            } else if i < n {
                i += (b[i] == 0x0D && i + 1 < n && b[i + 1] == 0x0A) ? 2 : 1
                line += 1
                lineStart = i
            }
            let blank = rec.fields.allSatisfy { $0.start == $0.end }
            if !blank { body(rec) }
            rec.fields.removeAll(keepingCapacity: true)
            tooManyColumnsReported = false
        }
        return (problems, line)
    }
}
