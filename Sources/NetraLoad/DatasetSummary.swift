import NetraCore

/// The one-line summary `netra validate` prints for a good dataset.
public struct DatasetSummary: Sendable {
    /// The line in both languages (`ok: 66 events …` / `ok: 66 peristiwa …`).
    public let said: Said
    /// English, for logs and tests.
    public var line: String { said.en }

    public init(_ d: Dataset) {
        // Read column by column: an `Event` made of each row would copy its links and extras.
        var byKind = [Int](repeating: 0, count: EventKind.allCases.count)
        var first: Day?, last: Day?
        for k in d.events.indices {
            byKind[d.events.kinds[k].order] += 1
            let a = d.events.dates[k].anchor
            if first.map({ a < $0 }) ?? true { first = a }
            if last.map({ a > $0 }) ?? true { last = a }
        }
        let kinds = EventKind.allCases.compactMap { k in byKind[k.order] > 0 ? "\(k.rawValue) \(byKind[k.order])" : nil }
        func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
        let (e, j, el) = (d.events.count, d.jurisdictions.count, d.elections.count)
        var s = Said(en: "ok: \(e) event\(plural(e))", id: "ok: \(e) peristiwa")
        // The kinds by the names the files use, in both languages.
        if !kinds.isEmpty { s = s.joined(Said(" (" + kinds.joined(separator: ", ") + ")")) }
        s = s.joined(Said(en: "; \(j) jurisdiction\(plural(j)); \(el) election\(plural(el))", id: "; \(j) wilayah; \(el) pemilu"))
        if let first, let last { s = s.joined(Said(en: "; \(first.iso) to \(last.iso)", id: "; \(first.iso) s.d. \(last.iso)")) }
        said = s
    }
}
