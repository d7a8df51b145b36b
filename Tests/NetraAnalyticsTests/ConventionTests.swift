import Testing
import NetraCore
@testable import NetraWrite
@testable import NetraAnalytics

@Suite struct MedianTests {
    @Test func oddEvenAndHalves() {
        #expect(Median([]) == nil)
        #expect(Median([7])?.description == "7")
        #expect(Median([3, 1, 2])?.description == "2")
        #expect(Median([1, 2])?.description == "1.5")
        #expect(Median([104, 102])?.description == "103")
        #expect(Median([-3, 2])?.description == "-0.5")
        #expect(Median([1, 2, 3, 10])?.value == 2.5)
    }
}

@Suite struct CSVWriterTests {
    @Test func plainQuotesOnlyWhereNeeded() {
        var w = CSVWriter(flavour: .plain)
        w.row([.text("a"), .text("b, c"), .text("say \"hi\""), .text("two\nlines"), .int(-3), .text("=1+1")])
        #expect(csvText(w.bytes) == "a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\",-3,=1+1\n")
    }

    @Test func excelNeutralisesFormulasButNotNumbers() {
        var w = CSVWriter(flavour: .excel)
        w.row([
            .text("=HYPERLINK(\"http://x\")"), .text("+cmd"), .text("-2+3"), .text("@SUM(A1)"), .text("\tx"),
            .text("\rx"), .text("a;b"), .int(-5), .number("12.5"), .text("ok")
        ])
        #expect(w.bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(csvText(Array(w.bytes.dropFirst(3))) == "\"'=HYPERLINK(\"\"http://x\"\")\";'+cmd;'-2+3;'@SUM(A1);'\tx;\"'\rx\";\"a;b\";-5;12.5;ok\r\n")
    }

    /// A writer is a value: a copy written to does not change the original, and the bytes
    /// survive growing far past the first memory.
    @Test func aCopyIsItsOwnAndGrowingKeepsEveryByte() {
        var a = CSVWriter(flavour: .plain)
        a.row(["x"])
        var b = a
        b.row(["y"])
        a.row(["z"])
        #expect(csvText(a.bytes) == "x\nz\n")
        #expect(csvText(b.bytes) == "x\ny\n")
        var big = CSVWriter(flavour: .plain)
        let cell = String(repeating: "ab", count: 700)
        for _ in 0..<300 { big.row([cell, "1"]) }
        #expect(big.bytes.count == 300 * (1_400 + 3))
        #expect(csvText(Array(big.bytes.suffix(1_403))) == cell + ",1\n")
    }
}
