/// What a user probably meant: the nearest valid name to a mistyped one, and the ISO form of a
/// date written the way offices write dates. Asked only once a cell has failed, so never on
/// the fast path.
public enum Suggestions {
    /// The candidate nearest to `text` (edit distance, case and spacing forgiven), when it is
    /// near enough to be a typo: at most 1 edit for short names, else a third of the length.
    public static func nearest(_ text: String, among candidates: [String]) -> String? {
        let typed = Array(text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " "))
        guard !typed.isEmpty, typed.count <= 80 else { return nil }
        var best: (name: String, cost: Int)?
        for c in candidates {
            // A name much longer or shorter is no typo of it: skipped unmeasured.
            if abs(c.count - typed.count) > max(1, typed.count / 3) { continue }
            let d = distance(typed, Array(c.lowercased()))
            if d < (best?.cost ?? .max) { best = (c, d) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(typed.count, best.name.count) / 3)
        return best.cost <= allowed ? best.name : nil
    }

    /// How many suggestions one file's reading makes: each searches all the candidates, and a
    /// file of a million bad cells must not search a million times (the rest go without).
    static let budget = 200

    /// ` (did you mean `x`?)` in each language, or nothing when no name is near; `spent`
    /// counts the searches against `budget`.
    @usableFromInline package static func didYouMean(_ text: String, among candidates: [String], spent: inout Int) -> Said {
        guard spent < budget else { return Said("") }
        spent += 1
        return didYouMean(text, among: candidates)
    }

    /// ` (did you mean `x`?)` in each language, or nothing when no name is near.
    @usableFromInline package static func didYouMean(_ text: String, among candidates: [String]) -> Said {
        guard let n = nearest(text, among: candidates) else { return Said("") }
        return Said(en: " (did you mean `\(n)`?)", id: " (maksud Anda `\(n)`?)")
    }

    /// Levenshtein distance, one row at a time.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = old
            }
        }
        return row[b.count]
    }

    /// Month names as Indonesian and English offices write them (full and short).
    static let months: [String: Int] = {
        let id = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let short = ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des", "may", "aug", "oct", "dec", "agt", "sept"]
        let shortMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 5, 8, 10, 12, 8, 9]
        var m: [String: Int] = [:]
        for (k, n) in id.enumerated() { m[n] = k + 1 }
        for (k, n) in en.enumerated() { m[n] = k + 1 }
        for (k, n) in short.enumerated() { m[n] = shortMonth[k] }
        return m
    }()

    /// The ISO form (`2024-01-15`, `2024-10`) of a date written `15/01/2024`, `15-1-2024`,
    /// `15.01.2024`, `14 Oktober 2024`, `October 14, 2024` or `Oktober 2024`; nil for anything
    /// else. Numbers are read day first, as Indonesia writes them, unless only month first
    /// makes a day (`01/15/2024`).
    public static func isoDate(_ text: String) -> String? {
        let t = text.spacesTrimmed.lowercased()
        guard t.count <= 40 else { return nil }
        let numeric = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        if numeric.count == 3, numeric.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
            let a = Int(numeric[0]), let b = Int(numeric[1]), let y = Int(numeric[2]), numeric[2].count == 4
        {
            if let d = Day(year: y, month: b, day: a) { return d.iso }
            if let d = Day(year: y, month: a, day: b) { return d.iso }
            return nil
        }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        func year(_ s: String) -> Int? { s.count == 4 && s.allSatisfy(\.isASCIIDigit) ? Int(s) : nil }
        func day(_ s: String) -> Int? { (1...2).contains(s.count) && s.allSatisfy(\.isASCIIDigit) ? Int(s) : nil }
        if words.count == 3, let y = year(words[2]) {
            if let d = day(words[0]), let m = months[words[1]], let day = Day(year: y, month: m, day: d) { return day.iso }
            if let m = months[words[0]], let d = day(words[1]), let day = Day(year: y, month: m, day: d) { return day.iso }
        }
        if words.count == 2, let m = months[words[0]], let y = year(words[1]) {
            return Month(year: y, month: m).iso
        }
        return nil
    }
}

extension Character {
    @usableFromInline package var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var spacesTrimmed: Substring {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
