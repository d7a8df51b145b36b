/// The one-line summary `netra validate` prints for a good dataset.
public struct DatasetSummary: Sendable {
    public let line: String

    public init(_ d: Dataset) {
        var byKind: [EventKind: Int] = [:]
        var first: Day?, last: Day?
        for e in d.events {
            byKind[e.kind, default: 0] += 1
            let a = e.date.anchor
            if first.map({ a < $0 }) ?? true { first = a }
            if last.map({ a > $0 }) ?? true { last = a }
        }
        let kinds = EventKind.allCases.compactMap { k in byKind[k].map { "\(k.rawValue) \($0)" } }
        var s = "ok: \(d.events.count) event\(d.events.count == 1 ? "" : "s")"
        if !kinds.isEmpty { s += " (" + kinds.joined(separator: ", ") + ")" }
        s += "; \(d.jurisdictions.count) jurisdiction\(d.jurisdictions.count == 1 ? "" : "s")"
        s += "; \(d.elections.count) election\(d.elections.count == 1 ? "" : "s")"
        if let first, let last { s += "; \(first.iso) to \(last.iso)" }
        line = s
    }
}
