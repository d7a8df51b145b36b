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
}
