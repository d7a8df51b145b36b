import Testing
import NetraCore
@testable import NetraWrite

/// The writer's cell-by-cell calls, which the big exports use: the same bytes as its row of
/// `CSVCell`s (the spans and the digits written by index must not change one).
@Suite struct CSVWriterTests {
    static let texts = [
        "", " ", "ok", "a,b", "a;b", "say \"hi\"", "\"", "\"\"", "x\"", "\"x", "line\nbreak", "cr\r", "=1+1", "  =1+1",
        "\n-2", "@x", "'kept", "Rp 5.000", "Kota Bekasi, Jawa Barat", "ümlaut \"é\", ok"
    ]

    @Test(arguments: [CSVFlavour.plain, .excel])
    func textFromBytesIsTextFromAString(_ flavour: CSVFlavour) {
        for t in Self.texts {
            var row = CSVWriter(flavour: flavour)
            row.row([.text(t)])
            var cells = CSVWriter(flavour: flavour)
            let bytes = Array(t.utf8)
            cells.text(bytes.span)
            cells.endRow()
            #expect(cells.bytes == row.bytes, "\(t.debugDescription)")
            var encoded = CSVWriter(flavour: flavour)
            encoded.cell(encoded.encoded(t))
            encoded.endRow()
            #expect(encoded.bytes == row.bytes, "\(t.debugDescription)")
        }
    }

    @Test func intsAsDigits() {
        var w = CSVWriter(flavour: .plain)
        for n in [0, 7, -7, 10, -10, 123, 1_000_000, -987_654_321, Int.max, Int.min] {
            w.int(n); w.separator()
        }
        w.int(nil)
        let expected = [0, 7, -7, 10, -10, 123, 1_000_000, -987_654_321, Int.max, Int.min].map(String.init).joined(separator: ",") + ","
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }

    /// The room `CSVCells` says a cell may take is room enough: the events export makes a
    /// row's room from it before writing, and writing past it would stop the program.
    @Test(arguments: [CSVFlavour.plain, .excel])
    func cellsFitTheRoomTheySayTheyTake(_ flavour: CSVFlavour) {
        // The cell's bytes alone (Excel's flavour starts with a BOM).
        func cell(_ write: (inout CSVWriter) -> Void) -> ArraySlice<UInt8> {
            var w = CSVWriter(flavour: flavour)
            let start = w.bytes.count
            write(&w)
            return w.bytes[start...]
        }
        let worst = [String(repeating: "\"", count: 1_000), "=" + String(repeating: "\"", count: 9), "\n\n\"", ";,\r\n"]
        for t in Self.texts + worst {
            #expect(cell { $0.text(t) }.count <= CSVCells.textBound(t.utf8.count), "\(t.debugDescription)")
        }
        // Years past 9999 and before 0 are written as text (quoted and neutralised where due).
        let days = [Day(ordinal: 0), Day(ordinal: 4_000_000), Day(ordinal: -1_000), Day(ordinal: 1_000_000_000_000), Day(ordinal: -1_000_000_000_000)]
        for d in days {
            let inRange = (0...9999).contains(d.year)
            let written = cell {
                $0.day(d); $0.separator(); $0.month(d.month)
            }
            let asText = cell { w in
                if inRange { w.text(Array(d.iso.utf8).span, plain: true) } else { w.text(d.iso) }
                w.separator()
                if inRange { w.text(Array(d.month.iso.utf8).span, plain: true) } else { w.text(d.month.iso) }
            }
            #expect(written == asText, "\(d.iso)")
            #expect(cell { $0.day(d) }.count <= CSVCells.dateBound, "\(d.iso)")
            #expect(cell { $0.month(d.month) }.count <= CSVCells.dateBound, "\(d.iso)")
        }
        #expect(cell { $0.int(Int.min) }.count <= CSVCells.intBound)
    }
}
