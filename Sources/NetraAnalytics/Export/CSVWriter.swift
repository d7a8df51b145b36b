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
    /// a spreadsheet would run as a formula neutralised with a leading `'`.
    case excel

    var delimiter: UInt8 { self == .plain ? 0x2C : 0x3B }
    var lineEnd: [UInt8] { self == .plain ? [0x0A] : [0x0D, 0x0A] }
}

/// Writes tables of cells as CSV bytes.
public struct CSVWriter: Sendable {
    public let flavour: CSVFlavour
    public private(set) var bytes: [UInt8] = []

    public init(flavour: CSVFlavour, capacity: Int = 0) {
        self.flavour = flavour
        bytes.reserveCapacity(capacity)
        if flavour == .excel { bytes += [0xEF, 0xBB, 0xBF] }
    }

    /// Appends one row.
    public mutating func row(_ cells: [CSVCell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(flavour.delimiter) }
            switch cell {
            case .number(let s): field(s, neutralise: false)
            case .text(let s): field(s, neutralise: flavour == .excel)
            }
        }
        bytes += flavour.lineEnd
    }

    /// Appends a header or any row of plain text.
    public mutating func row(_ texts: [String]) { row(texts.map(CSVCell.text)) }

    private mutating func field(_ s: String, neutralise: Bool) {
        var u = Array(s.utf8)
        // =, +, -, @, tab or CR first would make a spreadsheet run the cell as a formula.
        if neutralise, let f = u.first, f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D {
            u.insert(0x27, at: 0)
        }
        let d = flavour.delimiter
        if u.contains(where: { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(0x22)
            for c in u {
                if c == 0x22 { bytes.append(0x22) }
                bytes.append(c)
            }
            bytes.append(0x22)
        } else {
            bytes += u
        }
    }
}
