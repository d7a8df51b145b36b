import NetraCore
import NetraText

/// Forwarded ASN cases of one jurisdiction: how many were answered by a sanction, how many wait.
public struct CaseLedgerRow: Sendable {
    public var jurisdiction: JurisdictionIndex
    /// Reports received (cases), and those with a decision known.
    public var received: Int
    public var decided: Int
    public var forwarded: Int
    public var sanctioned: Int
    /// Days each waiting case has waited since its forwarding, longest first.
    public var waitingDays: [ClockDays]
    public var waiting: Int { waitingDays.count }
    /// The median days waited, only from three values up (fewer are shown as the values).
    public var median: Median? { waitingDays.count >= 3 ? Median(waitingDays.map(\.value)) : nil }
}

/// How long each stage took: the days of every ended clock of a stage pair, and the longest
/// still running.
public struct StageTime: Sendable {
    public var start: CaseStage
    public var end: CaseStage
    /// Calendar days of the ended clocks (exact ones and bounds alike, their text keeps the bound).
    public var ended: [ClockDays]
    /// The longest running clock of the pair, if any.
    public var longestOpen: ClockDays?
    public var median: Median? { ended.count >= 3 ? Median(ended.map(\.value)) : nil }
    public var longest: Int? { (ended.map(\.value) + (longestOpen.map { [$0.value] } ?? [])).max() }
}

extension CaseClocks {
    /// One row per jurisdiction with a case, in the dataset's order.
    public func ledger(_ d: Dataset) -> [CaseLedgerRow] {
        var rows: [JurisdictionIndex: CaseLedgerRow] = [:]
        let ev = d.events
        for c in cases {
            var row = rows[c.jurisdiction] ?? CaseLedgerRow(jurisdiction: c.jurisdiction, received: 0, decided: 0, forwarded: 0, sanctioned: 0, waitingDays: [])
            row.received += 1
            if c[.decision] != nil { row.decided += 1 }
            if let f = c[.forwarding] {
                row.forwarded += 1
                if c[.sanction] != nil {
                    row.sanctioned += 1
                } else {
                    let date = ev.dates[f]
                    let n = max(0, date.latest.days(to: asOf))
                    row.waitingDays.append(date.isExact ? .exact(n) : .atLeast(n))
                }
            }
            rows[c.jurisdiction] = row
        }
        return d.jurisdictions.indices.compactMap { j in
            rows[j].map { r in
                var r = r; r.waitingDays.sort { $0.value > $1.value }; return r
            }
        }
    }

    /// Time in each stage, one entry per distinct start → end of the rules, in stage order.
    public func stageTimes() -> [StageTime] {
        var pairs: [(CaseStage, CaseStage)] = []
        for r in book.rules where !pairs.contains(where: { $0 == (r.start, r.end) }) { pairs.append((r.start, r.end)) }
        pairs.sort { ($0.0.order, $0.1.order) < ($1.0.order, $1.1.order) }
        return pairs.map { p in
            // One value per case: two rules on the same stages measure the same days.
            var seen: Set<EventIndex> = []
            var ended: [ClockDays] = [], open: ClockDays?
            // Each clock read in place (a span): taken out by value, each was retained and released.
            let all = clocks.span
            for i in all.indices where all[i].rule.start == p.0 && all[i].rule.end == p.1 && seen.insert(all[i].caseFile.report).inserted {
                let days = all[i].days
                if all[i].isOpen { if open.map({ days.value > $0.value }) ?? true { open = days } } else { ended.append(days) }
            }
            return StageTime(start: p.0, end: p.1, ended: ended.sorted { $0.value < $1.value }, longestOpen: open)
        }
    }

    /// The briefing's lines: reports overdue, counted per limit (`2 laporan melewati batas 7 hari`).
    public func overdueLines(_ lang: Language) -> [String] {
        var groups: [(limit: Int, unit: ClockUnit, unverified: Bool, reports: Set<EventIndex>)] = []
        for c in overdue {
            guard let l = c.rule.limit else { continue }
            if let i = groups.firstIndex(where: { $0.limit == l && $0.unit == c.rule.unit }) {
                groups[i].reports.insert(c.caseFile.report)
                if !c.rule.verified { groups[i].unverified = true }
            } else {
                groups.append((l, c.rule.unit, !c.rule.verified, [c.caseFile.report]))
            }
        }
        return groups.sorted { ($0.unit == .hari ? 0 : 1, $0.limit) < ($1.unit == .hari ? 0 : 1, $1.limit) }.map { g in
            Strings.overdueLine(count: g.reports.count, limit: g.limit, unit: g.unit == .hari ? .hari : .hariKerja, unverified: g.unverified).text(lang)
        }
    }

    /// The clocks `netra cases` lists: open ones (with `overdueOnly`, only those past their limit).
    public func listed(overdueOnly: Bool) -> [CaseClock] {
        clocks.filter { overdueOnly ? $0.isOverdue : $0.isOpen }
    }

    /// `netra cases` as text: one block per clock, the rule's article and its mark.
    public func table(_ list: [CaseClock], _ d: Dataset, overdueOnly: Bool, lang: Language) -> String {
        let day = DateText.long(asOf, lang)
        guard !list.isEmpty else { return Strings.noClocks(overdueOnly: overdueOnly, day: day).text(lang) }
        var s = Strings.clocksHeading(day: day, overdueOnly: overdueOnly).text(lang) + "\n"
        let ev = d.events
        for c in list {
            let unitWord: ClockUnitWord = c.rule.unit == .hari ? .hari : .hariKerja
            let counted = c.counted.map { Strings.clockUnit($0.text, unitWord).text(lang) } ?? "—"
            let limit = c.rule.limit.map { Strings.clockUnit("\($0)", unitWord).text(lang) } ?? "—"
            let mark = c.rule.verified ? "" : " [" + Strings.unverifiedMark.text(lang) + "]"
            // A jurisdiction's name is a cell: a line break in it must not forge a line.
            s += "\n\(ev.id(c.caseFile.report)) · \(Diagnostic.printable(d.jurisdictions[c.caseFile.jurisdiction].name))\n"
            s += "  \(c.rule.id)\(mark): \(counted) / \(limit) · \(Strings.clockState(c.state.rawValue).text(lang))\n"
            s += "  \(c.rule.start.rawValue) \(ev.dates[c.start].written.text) (\(ev.id(c.start)))"
            if c.rule.unit == .hariKerja { s += " · " + Strings.clockUnit(c.days.text, .hari).text(lang) }
            s += "\n  \(c.rule.article)\n"
        }
        return s
    }
}
