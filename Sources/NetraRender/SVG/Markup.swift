import NetraCore

/// Escaping for the three places a value from the data can land in an HTML page: text and
/// attributes, a `<script type="application/json">` block, and a link's address.
public enum Markup {
    /// `text` safe as HTML text or a quoted attribute value (`&`, `<`, `>`, `"`, `'` escaped).
    public static func text(_ text: String) -> String {
        // Most text has nothing to escape: handed back as it is.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` as a JSON string literal (quotes included) that is safe inside a `<script>`
    /// element: `<`, `>` and `&` are written `\u003c` … so no `</script>` or `<!--` can end
    /// or bend the block, and U+2028/U+2029 are escaped for older JavaScript parsers.
    public static func scriptJSON(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u" + hex4(c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
        return out
    }

    /// The address when it is an `http` or `https` link without spaces or control characters,
    /// else nil (shown as text, never as a link: no `javascript:`, `data:` or `file:`).
    public static func webLink(_ address: String) -> String? {
        let a = address.trimmingSpaces
        let lower = a.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), a.count > 8 else { return nil }
        guard !a.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return nil
        }
        return a
    }

    static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int((v >> 12) & 0xF)], digits[Int((v >> 8) & 0xF)], digits[Int((v >> 4) & 0xF)], digits[Int(v & 0xF)]])
    }
}
