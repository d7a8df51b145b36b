#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetraCore

/// A cell of an exported table: text, or a number that a spreadsheet must read as one.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case number(String)

    public static func int(_ n: Int?) -> CSVCell { .number(n.map(String.init) ?? "") }
}

/// The two flavours of exported CSV.
public enum CSVFlavour: Sendable {
    /// RFC 4180, UTF-8, `,`, LF line ends, quoted only where needed.
    case plain
    /// What Excel (set to Indonesian) opens directly: UTF-8 BOM, `;`, CRLF, and text cells
    /// a spreadsheet would run as a formula neutralised with a leading `'`: those whose first
    /// character other than spaces and line feeds is `=`, `+`, `-`, `@`, a tab or a CR.
    /// Number cells are never changed.
    case excel

    var delimiter: UInt8 { self == .plain ? 0x2C : 0x3B }
    var lineEnd: [UInt8] { self == .plain ? [0x0A] : [0x0D, 0x0A] }
}

/// Memory for a writer's bytes, freed with it. Its fields are constants: a class's variables
/// would be checked for exclusive access on every append.
final class CSVMemory: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }
}

/// Writes tables of cells as CSV bytes.
///
/// An export appends a few bytes at a time, 40 times a row, a million rows: each append here is
/// a bounds check and a store, where an array's also checks that it is not shared and calls
/// out of line.
public struct CSVWriter: Sendable {
    public let flavour: CSVFlavour
    private var memory: CSVMemory
    private var count = 0

    /// The bytes written so far (and not yet handed to a sink).
    public var bytes: [UInt8] { Array(written) }

    private var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: memory.base, count: count) }

    public init(flavour: CSVFlavour, capacity: Int = 0) {
        self.flavour = flavour
        memory = CSVMemory(capacity: capacity)
        if flavour == .excel { append(0xEF); append(0xBB); append(0xBF) }
    }

    /// A writer copied and then written to gets memory of its own.
    @inline(__always) private mutating func owned() {
        if !isKnownUniquelyReferenced(&memory) { move(to: memory.capacity) }
    }

    private mutating func move(to capacity: Int) {
        let moved = CSVMemory(capacity: capacity)
        moved.base.update(from: memory.base, count: count)
        memory = moved
    }

    @inline(__always) private mutating func append(_ b: UInt8) {
        if count == memory.capacity { move(to: memory.capacity * 2) }
        memory.base[count] = b
        count += 1
    }

    @inline(__always) private mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
        guard let from = u.baseAddress, !u.isEmpty else { return }
        if count + u.count > memory.capacity {
            var bigger = memory.capacity * 2
            while bigger < count + u.count { bigger *= 2 }
            move(to: bigger)
        }
        (memory.base + count).update(from: from, count: u.count)
        count += u.count
    }

    @inline(__always) private mutating func append(_ u: UnsafeRawBufferPointer) {
        append(UnsafeBufferPointer(start: u.baseAddress?.assumingMemoryBound(to: UInt8.self), count: u.count))
    }

    /// Appends one row.
    public mutating func row(_ cells: [CSVCell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { separator() }
            switch cell {
            case .number(let s): number(s)
            case .text(let s): text(s)
            }
        }
        endRow()
    }

    /// Hands the bytes so far to `sink` once they pass a chunk, so a big export stays small in memory.
    public mutating func spill(into sink: ByteSink) {
        guard count >= ByteSink.chunk else { return }
        sink.write(written)
        count = 0
    }

    /// Hands the rest to `sink`.
    public mutating func finish(into sink: ByteSink) {
        sink.write(written)
        count = 0
    }

    /// Appends a header or any row of plain text.
    public mutating func row(_ texts: [String]) { row(texts.map(CSVCell.text)) }

    // Cell by cell, for the big exports: no array of cells and no String per cell.

    mutating func separator() { owned(); append(flavour.delimiter) }

    mutating func endRow() {
        owned()
        if flavour == .plain { append(0x0A) } else { append(0x0D); append(0x0A) }
    }

    /// A text cell (neutralised in Excel's flavour).
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { field($0, neutralise: flavour == .excel) }
    }

    /// A number cell written as text.
    mutating func number(_ s: String) {
        var s = s
        s.withUTF8 { field($0, neutralise: false) }
    }

    /// An integer cell; empty for nil. Digits and `-` never need quotes.
    mutating func int(_ n: Int?) {
        guard let n else { return }
        owned()
        if n < 0 {
            guard n != Int.min else { number(String(n)); return }
            append(0x2D)
        }
        var v = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            append(UnsafeRawBufferPointer(rebasing: d[(20 - count)...]))
        }
    }

    /// `text`'s cell as this flavour writes it, for a value written on many rows.
    func encoded(_ text: String) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.count = 0
        w.text(text)
        return w.bytes
    }

    /// A cell made by `encoded`.
    mutating func cell(_ encoded: [UInt8]) {
        owned()
        encoded.withUnsafeBufferPointer { append($0) }
    }

    /// A text cell from bytes (neutralised in Excel's flavour). `plain`: the bytes are known
    /// to hold no `,`, `"`, CR or LF, so plain CSV copies them without a look.
    mutating func text(bytes u: UnsafeBufferPointer<UInt8>, plain: Bool = false) {
        if plain && flavour == .plain {
            owned()
            append(u)
            return
        }
        field(u, neutralise: flavour == .excel)
    }

    /// A text cell from a slice of a store's bytes.
    mutating func text(bytes s: ArraySlice<UInt8>, plain: Bool = false) {
        s.withUnsafeBufferPointer { text(bytes: $0, plain: plain) }
    }

    private mutating func field(_ u: UnsafeBufferPointer<UInt8>, neutralise: Bool) {
        owned()
        // =, +, -, @, tab or CR first would make a spreadsheet run the cell as a formula. Leading
        // spaces and line feeds are looked past (an import that trims them, as LibreOffice's can,
        // would bring the formula to the front): `  =1+1` is neutralised too.
        var prefix = false
        if neutralise {
            var k = 0
            while k < u.count && (u[k] == 0x20 || u[k] == 0x0A) { k += 1 }
            if k < u.count {
                let f = u[k]
                prefix = f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D
            }
        }
        guard CSVWriter.needsQuotes(u, delimiter: flavour.delimiter), let base = u.baseAddress else {
            if prefix { append(0x27) }
            append(u)
            return
        }
        append(0x22)
        if prefix { append(0x27) }
        // Runs between quotes are copied whole; each quote is doubled.
        var i = 0
        while i < u.count {
            let rest = u.count - i
            guard let hit = memchr(base + i, 0x22, rest) else {
                append(UnsafeBufferPointer(start: base + i, count: rest))
                break
            }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            append(UnsafeBufferPointer(start: base + i, count: q - i + 1))
            append(0x22)
            i = q + 1
        }
        append(0x22)
    }

    /// True when `u` holds the delimiter, a quote, a CR or a LF, looked for eight bytes at a
    /// time: the big exports ask this of every text cell.
    static func needsQuotes(_ u: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard let base = u.baseAddress else { return false }
        let n = u.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let d = ones &* UInt64(delimiter), q = ones &* 0x22, lf = ones &* 0x0A, cr = ones &* 0x0D
        // Non-zero exactly when some byte of x is zero.
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZero(w ^ d) | hasZero(w ^ q) | hasZero(w ^ lf) | hasZero(w ^ cr) != 0 { return true }
            i += 8
        }
        while i < n {
            let c = base[i]
            if c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D { return true }
            i += 1
        }
        return false
    }

    /// An ISO date cell (`2024-01-22`); empty for nil. Written digit by digit for years 0…9999.
    mutating func day(_ d: Day?) {
        guard let d else { return }
        let c = d.components
        guard (0...9999).contains(c.year) else { text(d.iso); return }
        // Five dates a row in the events export: made in place and appended once.
        var cell: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (UInt8(c.year / 1000) + 0x30, UInt8(c.year / 100 % 10) + 0x30, UInt8(c.year / 10 % 10) + 0x30,
             UInt8(c.year % 10) + 0x30, 0x2D, UInt8(c.month / 10) + 0x30, UInt8(c.month % 10) + 0x30, 0x2D,
             UInt8(c.day / 10) + 0x30, UInt8(c.day % 10) + 0x30)
        owned()
        withUnsafeBytes(of: &cell) { append($0) }
    }

    /// A `YYYY-MM` cell.
    mutating func month(_ m: Month) {
        guard (0...9999).contains(m.year), m.index >= 0 else { text(m.iso); return }
        owned()
        digits(m.year, 4); append(0x2D); digits(m.number, 2)
    }

    /// A date cell as it was written: `2024-01-22`, `2024-01` or `2024`.
    mutating func written(_ w: WrittenDate) {
        switch w.form {
        case .day: day(w.anchor)
        case .month: month(w.anchor.month)
        case .year:
            let y = w.anchor.year
            if (0...9999).contains(y) { owned(); digits(y, 4) } else { text(w.text) }
        }
    }

    /// `v` (0 ≤ v < 10^width) zero-padded to `width` digits.
    private mutating func digits(_ v: Int, _ width: Int) {
        var div = 1
        for _ in 1..<width { div *= 10 }
        var v = v
        while div > 0 {
            append(UInt8(v / div) + 0x30)
            v %= div
            div /= 10
        }
    }
}
