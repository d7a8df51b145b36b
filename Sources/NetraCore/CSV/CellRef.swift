/// A cell's place in a sheet: 1-based row and column. Diagnostics name a workbook's cells
/// with it (`file.xlsx:Events!B12`), so it sits beside them.
public struct CellRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) { self.row = row; self.column = column }

    public static func < (a: CellRef, b: CellRef) -> Bool { (a.row, a.column) < (b.row, b.column) }

    /// `A`, `Z`, `AA`, … `XFD`.
    public static func letters(_ column: Int) -> String {
        var n = column, out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    public var description: String { Self.letters(column) + String(row) }

    /// Parses `B12` (also `$B$12`); nil when it is not a cell reference within Excel's grid.
    public init?(_ text: String) {
        var col = 0, row = 0, sawDigit = false
        for u in text.utf8 {
            switch u {
            case 0x24: continue
            case 0x41...0x5A, 0x61...0x7A:
                if sawDigit { return nil }
                col = col * 26 + Int((u | 0x20) - 0x61) + 1
                if col > 16_384 { return nil }
            case 0x30...0x39:
                sawDigit = true
                row = row * 10 + Int(u - 0x30)
                if row > 1_048_576 { return nil }
            default: return nil
            }
        }
        guard col > 0, row > 0 else { return nil }
        self.row = row; self.column = col
    }

    /// Only the column letters of a reference (`B` of `B12`), for a cell whose row is known.
    @usableFromInline package static func column(_ text: String) -> Int? {
        var col = 0
        for u in text.utf8 {
            switch u {
            case 0x24: continue
            case 0x41...0x5A, 0x61...0x7A:
                col = col * 26 + Int((u | 0x20) - 0x61) + 1
                if col > 16_384 { return nil }
            case 0x30...0x39: return col > 0 ? col : nil
            default: return nil
            }
        }
        return col > 0 ? col : nil
    }
}
