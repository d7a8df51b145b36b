/// The form every id takes (events, jurisdictions, elections): lowercase ASCII letters,
/// digits, hyphens and underscores, starting with a letter or digit. Ids are compared byte for byte, so
/// this is what keeps two ids that look alike (`Kota-Bekasi`, NFC and NFD `café`, a
/// zero-width space) from being two events, and what keeps ids safe in file names and links.
public enum Slug {
    /// Why `bytes` is not a slug, naming the first offending character and where it is; nil
    /// for a slug.
    public static func problem<C: Collection<UInt8>>(_ bytes: C) -> String? { said(bytes)?.en }

    /// Why `bytes` is not a slug, in both languages; nil for a slug.
    public static func said<C: Collection<UInt8>>(_ bytes: C) -> Said? {
        // Every byte before the first bad one is ASCII, so its offset is its character's.
        for (offset, b) in bytes.enumerated() {
            if allowed(b, at: offset) { continue }
            if b == 0x2D || b == 0x5F { return Said(en: "an id starts with a letter or digit; " + rule.en, id: "id diawali huruf atau angka; " + rule.id) }
            let scalar = String(decoding: bytes.dropFirst(offset), as: UTF8.self).unicodeScalars.first ?? "?"
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            // Invisible and control characters are named by code alone (never echoed raw).
            let visible = !scalar.properties.isWhitespace && ![.control, .format].contains(scalar.properties.generalCategory)
            let what = visible ? "'\(scalar)' (\(code))" : code
            return Said(
                en: what + " at character \(offset + 1) is not allowed; " + rule.en,
                id: what + " pada karakter ke-\(offset + 1) tidak diizinkan; " + rule.id)
        }
        return nil
    }

    /// True when `bytes` is a slug (`said` is nil), read through a span: the loader asks it of
    /// every row's id on both cores, where a slice would retain the file's one buffer.
    public static func isSlug(_ bytes: Span<UInt8>) -> Bool {
        for i in bytes.indices where !allowed(bytes[i], at: i) { return false }
        return true
    }

    /// Byte `b` may stand at `offset` of a slug: a-z and 0-9 anywhere, `-` and `_` after the first.
    @inline(__always)
    static func allowed(_ b: UInt8, at offset: Int) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || ((b == 0x2D || b == 0x5F) && offset > 0)
    }

    static let rule = Said(
        en: "an id uses only lowercase letters a-z, digits, hyphens and underscores, e.g. kota-2023-11-02-pledge",
        id: "id hanya memakai huruf kecil a-z, angka, tanda hubung dan garis bawah, misalnya kota-2023-11-02-pledge")
}
