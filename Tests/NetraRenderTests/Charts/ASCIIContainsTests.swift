import Testing
import NetraTestSupport
@testable import NetraRender

/// `containsASCIIWord` (`Charts/FastPaths/String+ASCIIContains.swift`) answers as the plain
/// `contains` by Characters does (`containsPlainly`: here, with Foundation imported, `contains`
/// would be Foundation's, which compares code units).
@Suite struct ASCIIContainsTests {
    @Test func handPickedCases() {
        let cases: [(String, String, Bool)] = [
            ("dugaan pelanggaran", "dugaan", true),
            ("alleged violations", "alleged", true),
            ("kasus", "dugaan", false),
            ("", "dugaan", false),
            ("dug", "dugaan", false),
            ("pelanggaran dugaan", "dugaan", true),
            ("Dugaan", "dugaan", false),
            // Not ASCII: the plain way decides (an accent joined to the last letter is no match).
            ("dugaan\u{301} x", "dugaan", false),
            ("dugaán", "dugaan", false),
            ("laporan dugaan", "dugaan", true),
            // CR LF in the text is one Character; the word has none, so bytes still agree.
            ("a\r\ndugaan", "dugaan", true),
            ("dugaan\r\n", "dugaan", true),
            // A word with a line end or nothing in it goes the plain way (by Characters, CR LF
            // is one: no CR alone in it).
            ("a\r\nb", "\r", false),
            ("a\r\nb", "", "a\r\nb".containsPlainly(""))
        ]
        for (text, word, expected) in cases {
            #expect(text.containsASCIIWord(word) == expected, "\(text.debugDescription) ∋ \(word.debugDescription)")
            #expect(text.containsASCIIWord(word) == text.containsPlainly(word), "\(text.debugDescription) ∋ \(word.debugDescription)")
        }
    }

    @Test func randomTextsAgreeWithContains() {
        var g = SeededGenerator(seed: 7)
        let pieces = ["a", "b", "ab", " ", "\r", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "ba", "-"]
        func text(_ n: Int) -> String { (0..<n).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }.joined() }
        for _ in 0..<5_000 {
            let t = text(Int.random(in: 0...12, using: &g)), w = text(Int.random(in: 1...3, using: &g))
            #expect(t.containsASCIIWord(w) == t.containsPlainly(w), "\(t.debugDescription) ∋ \(w.debugDescription)")
        }
    }
}
