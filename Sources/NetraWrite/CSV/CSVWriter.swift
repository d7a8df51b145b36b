import NetraAnalytics
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

/// Writes tables of cells as CSV bytes.
public struct CSVWriter: Sendable {
    public let flavour: CSVFlavour
    /// The bytes written so far (and not yet handed to a sink).
    public private(set) var bytes: [UInt8] = []

    public init(flavour: CSVFlavour, capacity: Int = 0) {
        self.flavour = flavour
        bytes.reserveCapacity(capacity)
        if flavour == .excel { bytes += [0xEF, 0xBB, 0xBF] }
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
    public mutating func spill(into sink: ByteSink) { spill { sink.write($0) } }

    /// Hands the bytes so far to `emit` once they pass a chunk.
    public mutating func spill(_ emit: ([UInt8]) -> Void) {
        guard bytes.count >= ByteSink.chunk else { return }
        emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the rest to `sink`.
    public mutating func finish(into sink: ByteSink) { finish { sink.write($0) } }

    /// Hands the rest to `emit`.
    public mutating func finish(_ emit: ([UInt8]) -> Void) {
        emit(bytes)
        bytes.removeAll()
    }

    /// Appends a header or any row of plain text.
    public mutating func row(_ texts: [String]) { row(texts.map(CSVCell.text)) }

    // Cell by cell, for the big exports: no array of cells and no String per cell.

    mutating func separator() { bytes.append(flavour.delimiter) }

    mutating func endRow() {
        if flavour == .plain { bytes.append(0x0A) } else { bytes.append(0x0D); bytes.append(0x0A) }
    }

    /// A text cell (neutralised in Excel's flavour).
    mutating func text(_ s: String) { field(s.utf8.span, neutralise: flavour == .excel) }

    /// A number cell written as text.
    mutating func number(_ s: String) { field(s.utf8.span, neutralise: false) }

    /// An integer cell; empty for nil. Digits and `-` never need quotes.
    mutating func int(_ n: Int?) {
        guard n != nil else { return }
        bytes.append(addingCapacity: CSVCells.intBound) { CSVCells.int(n, &$0) }
    }

    /// `text`'s cell as this flavour writes it, for a value written on many rows.
    func encoded(_ text: String) -> [UInt8] {
        var w = CSVWriter(flavour: flavour)
        w.bytes.removeAll()
        w.text(text)
        return w.bytes
    }

    /// A cell made by `encoded` (read through a span: `append(contentsOf:)` takes its own
    /// reference to the array, once per cell).
    mutating func cell(_ encoded: [UInt8]) { bytes.append(span: encoded.span) }

    /// A text cell from bytes (neutralised in Excel's flavour). `plain`: the bytes are known
    /// to hold no `,`, `"`, CR or LF, so plain CSV copies them without a look.
    mutating func text(_ u: Span<UInt8>, plain: Bool = false) {
        let f = flavour
        bytes.append(addingCapacity: CSVCells.textBound(u.count)) { CSVCells.text(u, plain: plain, f, &$0) }
    }

    /// A text cell of a table's store, read where it lies (no reference to the store taken).
    mutating func text(_ r: TextRef, in store: TextStore) {
        store.withBytes(r) { text($0, plain: r.isPlain) }
    }

    /// Text cell `field` of event `k`.
    mutating func text(_ field: EventText, of k: EventIndex, in events: EventTable) {
        text(events.ref(field, k), in: events.text)
    }

    private mutating func field(_ u: Span<UInt8>, neutralise: Bool) {
        let delimiter = flavour.delimiter
        bytes.append(addingCapacity: CSVCells.textBound(u.count)) { CSVCells.field(u, neutralise: neutralise, delimiter: delimiter, &$0) }
    }

    /// An ISO date cell (`2024-01-22`); empty for nil.
    mutating func day(_ d: Day?) {
        guard d != nil else { return }
        let f = flavour
        bytes.append(addingCapacity: CSVCells.dateBound) { CSVCells.day(d, f, &$0) }
    }

    /// A `YYYY-MM` cell.
    mutating func month(_ m: Month) {
        let f = flavour
        bytes.append(addingCapacity: CSVCells.dateBound) { CSVCells.month(m, f, &$0) }
    }

    /// A date cell as it was written: `2024-01-22`, `2024-01` or `2024`.
    mutating func written(_ w: WrittenDate) {
        let f = flavour
        bytes.append(addingCapacity: CSVCells.dateBound) { CSVCells.written(w, f, &$0) }
    }

    /// A row of at most `bound` bytes, its cells written by `body` with `CSVCells` into room
    /// made once for the whole row: one check of the array's room and uniqueness per row, not
    /// one per cell and separator (the events export writes some sixty a row).
    mutating func row(bound: Int, _ body: (inout OutputSpan<UInt8>, CSVFlavour) -> Void) {
        let f = flavour
        bytes.append(addingCapacity: bound) { body(&$0, f) }
    }
}

extension [UInt8] {
    /// Appends the bytes of `u` (the standard library has no such append for a span yet): in
    /// one copy (`NetraCore/System/FastPaths/Span+Copy.swift`), or byte by byte, the plain
    /// path, which cost the 1M report 4 % of its CPU in the events export. `SpanCopyTests`
    /// holds the two together.
    @inline(__always)
    mutating func append(span u: Span<UInt8>, by copy: SpanCopy = .whole) {
        guard !u.isEmpty else { return }
        switch copy {
        case .byteByByte:
            append(addingCapacity: u.count) { out in
                for i in u.indices { out.append(u[i]) }
            }
        case .whole:
            appendWhole(u)
        }
    }
}

extension OutputSpan<UInt8> {
    /// Appends the bytes of `u`, for which there must be room: in one copy
    /// (`NetraCore/System/FastPaths/Span+Copy.swift`), or byte by byte, the plain path.
    /// `SpanCopyTests` holds the two together.
    @inline(__always)
    mutating func append(span u: Span<UInt8>, by copy: SpanCopy = .whole) {
        guard !u.isEmpty else { return }
        switch copy {
        case .byteByByte:
            for i in u.indices { append(u[i]) }
        case .whole:
            appendWhole(u)
        }
    }
}

/// How `append(span:)` copies.
enum SpanCopy {
    case byteByByte
    case whole
}
