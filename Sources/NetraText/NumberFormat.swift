/// Numbers as readers of each language write them: the one place for grouping, decimal
/// marks and short counts, used by charts, sheet, Markdown and terminal alike.
public enum NumberFormat {
    /// The thousands separator: `.` in Indonesian, `,` in English.
    public static func groupSeparator(_ lang: Language) -> Character {
        switch lang {
        case .id: return "."
        case .en: return ","
        }
    }

    /// The decimal mark: `,` in Indonesian, `.` in English.
    public static func decimalMark(_ lang: Language) -> Character {
        switch lang {
        case .id: return ","
        case .en: return "."
        }
    }

    /// `24.013` / `24,013`: grouped thousands; a negative value takes `minus` (a typographic
    /// minus on charts, `-` in terminal tables).
    public static func number(_ value: Int, _ lang: Language, minus: String = "−") -> String {
        let sep = groupSeparator(lang)
        let digits = Array(String(value.magnitude))
        var out = ""
        for (k, d) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(sep) }
            out.append(d)
        }
        return (value < 0 ? minus : "") + out
    }

    /// A tick or median value: whole numbers grouped, else up to `digits` decimals with the
    /// language's decimal mark (`2,5` / `2.5`).
    public static func number(_ value: Double, _ lang: Language, digits: Int = 1) -> String {
        let rounded = value.rounded()
        if abs(value - rounded) < 1e-9, abs(rounded) < 1e15 { return number(Int(rounded), lang) }
        var f = 1.0
        for _ in 0..<max(0, digits) { f *= 10 }
        let scaled = Int((abs(value) * f).rounded())
        let whole = scaled / Int(f), frac = scaled % Int(f)
        var fracText = String(frac)
        while fracText.count < digits { fracText = "0" + fracText }
        while fracText.hasSuffix("0") { fracText.removeLast() }
        let body = number(whole, lang) + (fracText.isEmpty ? "" : String(decimalMark(lang)) + fracText)
        return (value < 0 && scaled != 0 ? "−" : "") + body
    }

    /// A count short enough for a marker: `950`, `1,2rb` / `1.2k`, `12rb` / `12k`, `1,5jt` / `1.5M`.
    public static func compact(_ value: Int, _ lang: Language) -> String {
        let v = Double(value.magnitude)
        let sign = value < 0 ? "−" : ""
        func scaled(_ d: Double, _ suffix: Phrase) -> String {
            let x = v / d
            let text = x < 10 ? number((x * 10).rounded(.down) / 10, lang) : number(Int(x.rounded(.down)), lang)
            return sign + text + suffix.text(lang)
        }
        if v < 1000 { return number(value, lang) }
        if v < 1_000_000 { return scaled(1000, Phrase(id: "rb", en: "k")) }
        return scaled(1_000_000, Phrase(id: "jt", en: "M"))
    }

}
