// Speed code, fenced: whether a text holds a word, by bytes when both are ASCII. The standard
// `contains` (_StringProcessing) sets up a searcher on every call, about 17,000 instructions:
// the cases chart asks it for each end label it measures (9,281 times, 154 M instructions of
// a 100k report). `ASCIIContainsTests` holds the two to the same answers.

extension String {
    /// `contains(word)`. By bytes when both are ASCII and `word` holds no CR or LF: each byte
    /// is then a Character of its own (only CR LF pairs into one), so a match of the bytes is
    /// a match of the Characters. Anything else takes the plain `contains`.
    func containsASCIIWord(_ word: String) -> Bool {
        let text = utf8.span, w = word.utf8.span
        guard !w.isEmpty, Self.isASCII(text, allowingLineEnds: true), Self.isASCII(w, allowingLineEnds: false) else {
            return containsPlainly(word)
        }
        guard w.count <= text.count else { return false }
        for start in 0...(text.count - w.count) {
            var i = 0
            while i < w.count && text[start + i] == w[i] { i += 1 }
            if i == w.count { return true }
        }
        return false
    }

    /// `contains(word)` by Characters, as `_StringProcessing` answers it: the plain path (a
    /// file that imports Foundation would get its `contains`, which compares code units).
    func containsPlainly(_ word: String) -> Bool { contains(word) }

    private static func isASCII(_ s: Span<UInt8>, allowingLineEnds: Bool) -> Bool {
        for i in s.indices {
            let b = s[i]
            if b >= 0x80 || (!allowingLineEnds && (b == 0x0A || b == 0x0D)) { return false }
        }
        return true
    }
}
