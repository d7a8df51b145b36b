import NetraCore

/// The cells of a CSV row, written into room already made for them (an `OutputSpan`): what
/// `CSVWriter` appends cell by cell, and what the events export writes a whole row at a time.
/// Each says how much room it may take, so a row's room can be made before it is written.
enum CSVCells {
    /// The most bytes a text cell of `count` bytes takes: quoted, a `'` in front, every byte
    /// a quote and so doubled.
    @inline(__always)
    static func textBound(_ count: Int) -> Int { 2 * count + 3 }

    /// The most bytes an integer takes (`-9223372036854775808`).
    static let intBound = 20

    /// The most bytes a date or month cell takes, even one written as text because its year is
    /// past 9999 (a year of an `Int`'s 19 digits at most, quoted and neutralised).
    static let dateBound = 64

    /// The delimiter between cells.
    @inline(__always)
    static func separator(_ flavour: CSVFlavour, _ o: inout OutputSpan<UInt8>) { o.append(flavour.delimiter) }

    /// The end of a row.
    @inline(__always)
    static func endRow(_ flavour: CSVFlavour, _ o: inout OutputSpan<UInt8>) {
        if flavour == .plain { o.append(0x0A) } else { o.append(0x0D); o.append(0x0A) }
    }

    /// A cell made by `CSVWriter.encoded`, read through a span (no reference to it taken).
    @inline(__always)
    static func encoded(_ cell: [UInt8], _ o: inout OutputSpan<UInt8>) { o.append(span: cell.span) }

    /// A text cell from bytes (neutralised in Excel's flavour). `plain`: the bytes are known to
    /// hold no `,`, `"`, CR or LF, so plain CSV copies them without a look.
    @inline(__always)
    static func text(_ u: Span<UInt8>, plain: Bool, _ flavour: CSVFlavour, _ o: inout OutputSpan<UInt8>) {
        if plain && flavour == .plain {
            o.append(span: u)
            return
        }
        field(u, neutralise: flavour == .excel, delimiter: flavour.delimiter, &o)
    }

    /// A cell's bytes, quoted where they hold the delimiter, a quote, a CR or a LF; with
    /// `neutralise`, a `'` put before a formula's first character.
    static func field(_ u: Span<UInt8>, neutralise: Bool, delimiter: UInt8, _ o: inout OutputSpan<UInt8>) {
        // =, +, -, @, tab or CR first would make a spreadsheet run the cell as a formula. Leading
        // spaces and line feeds are looked past (an import that trims them, as LibreOffice's can,
        // would bring the formula to the front): `  =1+1` is neutralised too.
        var prefix = false
        if neutralise {
            var i = 0
            while i < u.count && (u[i] == 0x20 || u[i] == 0x0A) { i += 1 }
            if i < u.count {
                let f = u[i]
                prefix = f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D
            }
        }
        guard needsQuotes(u, delimiter: delimiter) else {
            if prefix { o.append(0x27) }
            o.append(span: u)
            return
        }
        o.append(0x22)
        if prefix { o.append(0x27) }
        // Runs between quotes are copied whole; each quote is doubled.
        var run = 0
        for i in u.indices where u[i] == 0x22 {
            o.append(span: u.extracting(run...i))
            o.append(0x22)
            run = i + 1
        }
        o.append(span: u.extracting(run...))
        o.append(0x22)
    }

    /// True when `u` holds the delimiter, a quote, a CR or a LF.
    static func needsQuotes(_ u: Span<UInt8>, delimiter: UInt8) -> Bool {
        for i in u.indices {
            let b = u[i]
            if b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        }
        return false
    }

    /// An integer cell; empty for nil. Digits and `-` never need quotes.
    static func int(_ n: Int?, _ o: inout OutputSpan<UInt8>) {
        guard let n else { return }
        if n < 0 { o.append(0x2D) }
        // Digits from the last, into a buffer of their own, then copied in order.
        var digits = InlineArray<20, UInt8>(repeating: 0)
        var v = n.magnitude, at = 20
        repeat {
            at -= 1
            digits[at] = UInt8(v % 10) + 0x30
            v /= 10
        } while v > 0
        while at < 20 {
            o.append(digits[at])
            at += 1
        }
    }

    /// An ISO date cell (`2024-01-22`); empty for nil. Written digit by digit for years
    /// 0…9999, dividing by constants (a division by a variable is slow), else as text.
    static func day(_ d: Day?, _ flavour: CSVFlavour, _ o: inout OutputSpan<UInt8>) {
        guard let d else { return }
        let c = d.components
        guard (0...9999).contains(c.year) else {
            let iso = d.iso
            text(iso.utf8.span, plain: false, flavour, &o)
            return
        }
        four(c.year, &o); o.append(0x2D); two(c.month, &o); o.append(0x2D); two(c.day, &o)
    }

    /// A `YYYY-MM` cell.
    static func month(_ m: Month, _ flavour: CSVFlavour, _ o: inout OutputSpan<UInt8>) {
        guard (0...9999).contains(m.year), m.index >= 0 else {
            let iso = m.iso
            text(iso.utf8.span, plain: false, flavour, &o)
            return
        }
        four(m.year, &o); o.append(0x2D); two(m.number, &o)
    }

    /// A date cell as it was written: `2024-01-22`, `2024-01` or `2024`.
    static func written(_ w: WrittenDate, _ flavour: CSVFlavour, _ o: inout OutputSpan<UInt8>) {
        switch w.form {
        case .day: day(w.anchor, flavour, &o)
        case .month: month(w.anchor.month, flavour, &o)
        case .year:
            let y = w.anchor.year
            if (0...9999).contains(y) {
                four(y, &o)
            } else {
                let text = w.text
                Self.text(text.utf8.span, plain: false, flavour, &o)
            }
        }
    }

    /// `v` (0 ≤ v < 10000) as four digits.
    @inline(__always)
    private static func four(_ v: Int, _ o: inout OutputSpan<UInt8>) {
        o.append(UInt8(v / 1000) + 0x30)
        o.append(UInt8(v / 100 % 10) + 0x30)
        two(v % 100, &o)
    }

    /// `v` (0 ≤ v < 100) as two digits.
    @inline(__always)
    private static func two(_ v: Int, _ o: inout OutputSpan<UInt8>) {
        o.append(UInt8(v / 10) + 0x30)
        o.append(UInt8(v % 10) + 0x30)
    }
}
