/// Limits that keep a hostile file from taking the machine with it.
public enum CSVLimits {
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
    public var message: String
}

/// One record handed to the reader's callback; valid only during the call.
public struct CSVRecord {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let fields: [CSVField]
    /// The file's delimiter.
    public var delimiter: UInt8 = 0x2C
    /// 1-based line the record starts on.
    public var line: Int { fields.first?.line ?? 0 }
    public var count: Int { fields.count }

    /// The field's content with doubled quotes undone.
    public func string(_ i: Int) -> String {
        let f = fields[i]
        if !f.hasEscapes {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]), as: UTF8.self)
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
    public func slice(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        return UnsafeBufferPointer(rebasing: bytes[f.start..<f.end])
    }

    /// The field's bytes without surrounding spaces and tabs: for ids, codes and numbers.
    public func trimmed(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        var a = f.start, b = f.end
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[a..<b])
    }

    public func trimmedString(_ i: Int) -> String {
        String(decoding: trimmed(i), as: UTF8.self)
    }

    public func isBlank(_ i: Int) -> Bool { trimmed(i).isEmpty }

    /// 1-based line and character column where field `i` starts.
    public func position(_ i: Int) -> (line: Int, column: Int) {
        let f = fields[i]
        return (f.line, CSVReader.column(in: bytes, lineStart: f.lineStart, offset: f.rawStart))
    }
}

/// Eight bytes at a time.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// 0x80 in exactly the bytes of `x` that are zero.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }
}

/// An RFC 4180 reader over bytes: quoted fields with delimiters, doubled quotes and line
/// breaks; CRLF, LF or CR line ends; `,` or `;` detected from the header; a UTF-8 BOM skipped.
public enum CSVReader {
    /// The delimiter the header line uses: `;` when it has more of them than `,`.
    public static func detectDelimiter(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == 0x22 { inQuotes.toggle() }
            else if !inQuotes {
                if c == 0x0A || c == 0x0D { break }
                if c == 0x2C { commas += 1 } else if c == 0x3B { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? 0x3B : 0x2C
    }

    /// Offset past a UTF-8 byte-order mark, if there is one.
    public static func contentStart(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// The 1-based character column of `offset` on the line that starts at `lineStart`.
    public static func column(in b: UnsafeBufferPointer<UInt8>, lineStart: Int, offset: Int) -> Int {
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
    public static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int, byte: UInt8)? {
        guard let at = firstInvalidUTF8Offset(b) else { return nil }
        // Only now, on the way to a message, are the lines counted.
        var line = 1, lineStart = 0, i = 0
        while i < at {
            let c = b[i]
            if c == 0x0A { line += 1; lineStart = i + 1 }
            else if c == 0x0D && (i + 1 >= b.count || b[i + 1] != 0x0A) { line += 1; lineStart = i + 1 }
            i += 1
        }
        return (line, column(in: b, lineStart: lineStart, offset: at), b[at])
    }

    /// The offset of the first byte that breaks UTF-8 or is NUL. ASCII is passed over eight
    /// bytes at a time: most of a dataset is.
    static func firstInvalidUTF8Offset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = b.count
        while i < n {
            if i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & SWAR.highs == 0 && SWAR.zeroBytes(w) == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 {
                if c == 0 { return i }
                i += 1
                continue
            }
            var need = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; minimum = 0x80; scalar = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { need = 2; minimum = 0x800; scalar = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { need = 3; minimum = 0x10000; scalar = UInt32(c & 0x07) }
            else { return i }
            for k in 1...need {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += need + 1
        }
        return nil
    }

    /// How many times `byte` occurs in `b[from..<to]`, eight bytes at a time.
    static func count(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = b.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let pattern = SWAR.ones &* UInt64(byte)
        var i = from, total = 0
        while i + 8 <= to {
            total += SWAR.zeroBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern).nonzeroBitCount
            i += 8
        }
        while i < to { if b[i] == byte { total += 1 }; i += 1 }
        return total
    }

    /// The offset just past the first LF at or after `from` that lies outside quotes, given
    /// whether `from` is inside a quoted field; nil when there is none.
    static func recordEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, quoted: Bool) -> Int? {
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
    static func lineEnds(in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let lf = count(0x0A, in: b, from: from, to: to)
        guard count(0x0D, in: b, from: from, to: to) > 0 else { return lf }
        var lone = 0
        for i in from..<to where b[i] == 0x0D && (i + 1 >= b.count || b[i + 1] != 0x0A) { lone += 1 }
        return lf + lone
    }

    /// Splits `b` into records and hands each to `body`; syntax problems are collected and
    /// the reader carries on where it safely can. Records whose fields are all empty are skipped.
    /// With `range`, only the records in it are read; it must start where a record does, on
    /// line `line`.
    public static func read(
        _ b: UnsafeBufferPointer<UInt8>,
        delimiter: UInt8,
        range: Range<Int>? = nil,
        line firstLine: Int = 1,
        body: (CSVRecord) -> Void
    ) -> [CSVProblem] {
        var problems: [CSVProblem] = []
        guard let base = b.baseAddress else { return [] }
        let raw = UnsafeRawPointer(base)
        let quotes = SWAR.ones &* 0x22, lfs = SWAR.ones &* 0x0A, crs = SWAR.ones &* 0x0D
        let delimiters = SWAR.ones &* UInt64(delimiter)
        let n = range?.upperBound ?? b.count
        var i = range?.lowerBound ?? contentStart(b)
        var line = firstLine
        var lineStart = range?.lowerBound ?? 0
        var fields: [CSVField] = []
        fields.reserveCapacity(32)
        var tooManyColumnsReported = false

        // The columns of a line's problems are counted in one pass, not from the line start
        // for each: a long line full of stray quotes must not take quadratic time.
        var cursorLineStart = -1, cursorOffset = 0, cursorChars = 0
        func problem(_ l: Int, _ ls: Int, _ off: Int, _ msg: String) {
            if ls != cursorLineStart || off < cursorOffset { cursorLineStart = ls; cursorOffset = ls; cursorChars = 0 }
            while cursorOffset < off && cursorOffset < n {
                if b[cursorOffset] & 0xC0 != 0x80 { cursorChars += 1 }
                cursorOffset += 1
            }
            // As column(in:lineStart:offset:) counts it, BOM included.
            let col = cursorChars + 1 - (ls == 0 && off >= 3 && contentStart(b) == 3 ? 1 : 0)
            problems.append(CSVProblem(line: l, column: col, message: msg))
        }
        // Every field goes through here, so no row ever holds more than the limit.
        func add(_ f: CSVField) {
            if fields.count < CSVLimits.maxColumns {
                fields.append(f)
            } else if !tooManyColumnsReported {
                tooManyColumnsReported = true
                problem(f.line, f.lineStart, f.rawStart, "more than \(CSVLimits.maxColumns) columns in one row")
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
                    // Eight bytes at a time past text that holds no quote and no line end.
                    if i + 8 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        if SWAR.zeroBytes(w ^ quotes) | SWAR.zeroBytes(w ^ lfs) | SWAR.zeroBytes(w ^ crs) == 0 { i += 8; continue }
                    }
                    let c = b[i]
                    if c == 0x22 {
                        if i + 1 < n && b[i + 1] == 0x22 { escaped = true; i += 2; continue }
                        end = i
                        i += 1
                        closed = true
                        break
                    }
                    if c == 0x0A { line += 1; lineStart = i + 1 }
                    else if c == 0x0D && (i + 1 >= n || b[i + 1] != 0x0A) { line += 1; lineStart = i + 1 }
                    i += 1
                }
                if !closed {
                    problem(fLine, fLineStart, rawStart, "unterminated quoted field: the closing \" is missing")
                    end = n
                    // The rest of the file is not one huge field to hand on.
                    if end - start > CSVLimits.maxFieldBytes {
                        problem(fLine, fLineStart, rawStart, "field is \(end - start) bytes long, more than the limit of \(CSVLimits.maxFieldBytes)")
                        end = start
                    }
                    // Nothing after an unterminated quote can be trusted.
                    add(CSVField(start: start, end: end, line: fLine, lineStart: fLineStart, rawStart: rawStart, hasEscapes: escaped))
                    if fields.count > 0 { body(CSVRecord(bytes: b, fields: fields, delimiter: delimiter)) }
                    return problems
                }
                // Only a delimiter or a line end may follow the closing quote.
                if i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D {
                    problem(line, lineStart, i, "unexpected text after a closing quote; a \" inside a quoted field is written \"\"")
                    while i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                }
            } else {
                var strayQuote = -1
                while i < n {
                    if i + 8 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        if SWAR.zeroBytes(w ^ delimiters) | SWAR.zeroBytes(w ^ quotes) | SWAR.zeroBytes(w ^ lfs) | SWAR.zeroBytes(w ^ crs) == 0 { i += 8; continue }
                    }
                    let c = b[i]
                    if c == delimiter || c == 0x0A || c == 0x0D { break }
                    if c == 0x22 && strayQuote < 0 { strayQuote = i }
                    i += 1
                }
                end = i
                if strayQuote >= 0 {
                    problem(fLine, fLineStart, strayQuote, "stray \" in an unquoted field; quote the whole field and write \" as \"\"")
                }
            }
            if end - start > CSVLimits.maxFieldBytes {
                problem(fLine, fLineStart, rawStart, "field is \(end - start) bytes long, more than the limit of \(CSVLimits.maxFieldBytes)")
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
            let blank = fields.allSatisfy { $0.start == $0.end }
            if !blank { body(CSVRecord(bytes: b, fields: fields, delimiter: delimiter)) }
            fields.removeAll(keepingCapacity: true)
            tooManyColumnsReported = false
        }
        return problems
    }
}
