import Testing
import NetraTestSupport
import NetraCore

/// `Slug.isSlug` (through a span, the loader's per-row check) agrees with `Slug.said` (which
/// says why not) on every kind of id: slugs, capitals, a leading hyphen or underscore, spaces,
/// non-ASCII, control bytes, and random bytes.
@Suite struct SlugTests {
    @Test func theSpanCheckAgreesWithTheMessages() {
        var samples: [[UInt8]] = [
            "kota-bekasi-2024-01-15-incident-3", "a", "0", "a_b-c", "-a", "_a", "Kota-Bekasi", "kota bekasi", "café",
            "kota\u{200B}bekasi", "a\tb", "a-", "a_", ""
        ].map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 72)
        let alphabet = Array("abz09-_A .\u{00E9}".utf8) + [0x00, 0x7F, 0xFF]
        for _ in 0..<2_000 {
            samples.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 })
        }
        for s in samples {
            let fast = Slug.isSlug(s.span)
            #expect(fast == (Slug.said(s) == nil), "\(s)")
        }
        let good = Array("kota-bekasi_2".utf8), bad = Array("-kota".utf8)
        let goodIsSlug = Slug.isSlug(good.span), badIsSlug = Slug.isSlug(bad.span)
        #expect(goodIsSlug && !badIsSlug)
    }
}
