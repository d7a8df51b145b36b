import Testing
import NetraCore
import NetraAnalytics
import NetraWrite

/// CSV injection (SPEC §6, README "CSV exports"): Excel's flavour puts `'` before any text cell a
/// spreadsheet would run as a formula; numbers and the plain flavour are never changed.
@Suite struct InjectionTests {
    func cells(_ flavour: CSVFlavour, _ row: [CSVCell]) -> String {
        var w = CSVWriter(flavour: flavour)
        w.row(row)
        let bytes = flavour == .excel ? Array(w.bytes.dropFirst(3)) : w.bytes
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each hostile text and how Excel's flavour writes it (`;` and CRLF around it).
    static let hostile: [(text: String, excel: String)] = [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "\"'\r=1+1\""),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("-", "'-"),
        ("=", "'="),
        // Spaces or line feeds first do not hide a formula from an import that trims them.
        ("  =1+1", "'  =1+1"),
        (" +1", "' +1"),
        ("\n=1+1", "\"'\n=1+1\""),
        (" \t x", "' \t x"),
        ("  \r", "\"'  \r\"")
    ]

    @Test(arguments: hostile.indices)
    func excelNeutralisesEachFormulaStart(_ k: Int) {
        let (text, excel) = Self.hostile[k]
        #expect(cells(.excel, [.text(text)]) == excel + "\r\n", "\(text.debugDescription)")
        // The plain flavour keeps every byte (quoted only where RFC 4180 needs it).
        let plain = cells(.plain, [.text(text)])
        let needsQuotes = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        #expect(plain == (needsQuotes ? "\"" + String(text.flatMap { $0 == "\"" ? "\"\"" : String($0) }) + "\"" : text) + "\n")
    }

    @Test func harmlessTextIsLeftAlone() {
        for text in ["ok", "a=b", "a-b", "email@x.id", "", " ", "   ", "'already", "2024-01-22", "100%", "Rp 5.000", "x\n=1"] {
            let out = cells(.excel, [.text(text)])
            let quoted = text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
            #expect(out == (quoted ? "\"" + text + "\"" : text) + "\r\n", "\(text.debugDescription) → \(out.debugDescription)")
        }
    }

    @Test func numbersAreNeverChanged() {
        #expect(cells(.excel, [.int(-5), .int(0), .int(12), .number("-12.5"), .number("+3"), .int(nil)]) == "-5;0;12;-12.5;+3;\r\n")
        #expect(cells(.plain, [.int(-5), .number("-12.5")]) == "-5,-12.5\n")
    }
}
