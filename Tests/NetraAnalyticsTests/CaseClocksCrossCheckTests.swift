import Testing
import NetraTestSupport
import Foundation
import NetraCore
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraAnalytics

/// A second computation of the clocks, written apart from Netra's: its own rule table, dates
/// counted with Foundation's calendar, holidays read from the CSV's first two columns. It must
/// agree with `CaseClocks` on a generated 5,000-event dataset as of three days.
@Suite struct CaseClocksCrossCheckTests {
    struct Rule { let id, regime, start, end: String; let limit: Int?; let working, window: Bool }
    static let rules = [
        Rule(id: "pemilu-laporan", regime: "pemilu", start: "incident", end: "report", limit: 7, working: true, window: true),
        Rule(id: "pemilu-kajian-awal", regime: "pemilu", start: "report", end: "registration", limit: 2, working: false, window: false),
        Rule(id: "pemilu-putusan", regime: "pemilu", start: "registration", end: "decision", limit: 7, working: false, window: false),
        Rule(id: "pemilu-putusan-tambahan", regime: "pemilu", start: "registration", end: "decision", limit: 14, working: true, window: false),
        Rule(id: "pilkada-kajian-awal", regime: "pilkada", start: "report", end: "registration", limit: 3, working: false, window: false),
        Rule(id: "pilkada-putusan", regime: "pilkada", start: "report", end: "decision", limit: 3, working: false, window: false),
        Rule(id: "pilkada-putusan-tambahan", regime: "pilkada", start: "report", end: "decision", limit: 5, working: false, window: false),
        Rule(id: "asn-sanksi", regime: "semua", start: "forwarding", end: "sanction", limit: nil, working: false, window: false)
    ]
    static let order = ["incident", "report", "registration", "decision", "forwarding", "sanction"]

    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c
    }()
    static func date(_ iso: String) -> Date {
        let p = iso.split(separator: "-").compactMap { Int($0) }
        return utc.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))!
    }
    static func days(_ a: String, _ b: String) -> Int { utc.dateComponents([.day], from: date(a), to: date(b)).day! }
    static func plus(_ a: String, _ n: Int) -> String {
        let d = utc.date(byAdding: .day, value: n, to: date(a))!
        let c = utc.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
    static let holidays: Set<String> = {
        let text = (try? String(contentsOfFile: TestPaths.packageRoot + "/Sources/NetraCore/Clocks/hari-libur.csv", encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").dropFirst().map { String($0.prefix(10)) })
    }()
    static func working(_ a: String, _ b: String) -> Int {
        guard days(a, b) > 0 else { return 0 }
        return (1...days(a, b)).filter { n in
            let d = plus(a, n)
            let w = utc.component(.weekday, from: date(d))  // 1 Sunday … 7 Saturday
            return w != 1 && w != 7 && !holidays.contains(d)
        }.count
    }

    /// Every clock as `rule|report|days|state`, computed the second way.
    static func independent(_ full: Dataset, asOf: String) -> Set<String> {
        let ev = full.events
        func iso(_ d: Day) -> String { d.iso }
        let known: (EventIndex) -> Bool = { k in
            let anchor = iso(ev.dates[k].anchor)
            let knownDay = (ev.knownDates[k] ?? ev.sourceDates[k]).map(iso) ?? anchor
            return anchor <= asOf && knownDay <= asOf
        }
        // Earliest and latest day each event can mean, as ISO text (nil: unbounded).
        func earliest(_ k: EventIndex) -> String? { ev.dates[k].precision == .onOrBefore ? nil : iso(ev.dates[k].anchor) }
        func latest(_ k: EventIndex) -> String { iso(ev.dates[k].latest) }
        var out: Set<String> = []
        var byTarget: [Int: [(Relation, EventIndex)]] = [:]
        for k in ev.indices where known(k) { for l in ev.links[k] where known(l.target) { byTarget[l.target.raw, default: []].append((l.relation, k)) } }
        func first(_ xs: [EventIndex]) -> EventIndex? { xs.min { (iso(ev.dates[$0].anchor), ev.id($0)) < (iso(ev.dates[$1].anchor), ev.id($1)) } }
        for r in ev.indices where known(r) && ev.kinds[r] == .report {
            let reported = ev.links[r].filter { $0.relation == .reports && known($0.target) }.map(\.target)
            if reported.isEmpty { continue }
            var stage: [String: EventIndex] = ["report": r]
            stage["incident"] = first(reported.filter { ev.kinds[$0] == .incident })
            let deciding = (byTarget[r.raw] ?? []).filter { $0.0 == .decides && ev.kinds[$0.1] == .decision }.map(\.1)
            stage["registration"] = first(deciding.filter { ev.statuses[$0] == nil })
            stage["decision"] = first(deciding.filter { ev.statuses[$0] != nil })
            stage["forwarding"] = first(deciding.filter { ev.statuses[$0] == .confirmed })
            let holders = [r] + [stage["incident"], stage["forwarding"]].compactMap { $0 }
            stage["sanction"] = first(
                holders.flatMap { h in (byTarget[h.raw] ?? []).filter { ($0.0 == .sanctions || $0.0 == .followsUp) && ev.kinds[$0.1] == .sanction }.map(\.1) })
            // The regime: the first election in scope on or after the report, else the last.
            let j = ev.jurisdictions[r]
            let elections = full.elections.filter { full.isWithin(j, $0.scope) }.sorted { $0.date < $1.date }
            let e = elections.first { iso($0.date) >= iso(ev.dates[r].anchor) } ?? elections.last
            let regime = e.map { ($0.id + $0.name).lowercased().contains("pilkada") ? "pilkada" : "pemilu" } ?? "pemilu"
            for rule in rules where rule.regime == "semua" || rule.regime == regime {
                guard let s = stage[rule.start] else { continue }
                let end = stage[rule.end]
                let endIndex = order.firstIndex(of: rule.end)!
                if end == nil && order[(endIndex + 1)...].contains(where: { stage[$0] != nil }) { continue }
                func count(_ a: String, _ b: String) -> Int { rule.working ? working(a, b) : max(0, days(a, b)) }
                let toEarliest = end.map(earliest) ?? asOf
                let toLatest = end.map(latest) ?? asOf
                var text: String, value: Int, sure: Bool?
                if rule.start == "incident" {
                    guard let from = earliest(s) else { continue }
                    value = count(from, toLatest); text = "≤ \(value)"
                    sure = rule.limit.map { value <= $0 ? false : nil } ?? false
                } else {
                    let lower = toEarliest.map { count(latest(s), $0) }
                    let upper = earliest(s).map { count($0, toLatest) }
                    if let lower, lower == upper {
                        value = lower; text = "\(lower)"; sure = rule.limit.map { value > $0 } ?? false
                    } else if let lower {
                        value = lower; text = "≥ \(lower)"; sure = rule.limit.map { value > $0 ? true : nil } ?? false
                    } else if let upper {
                        value = upper; text = "≤ \(upper)"; sure = rule.limit.map { value <= $0 ? false : nil } ?? false
                    } else {
                        continue
                    }
                }
                let state: String
                if end == nil {
                    state = rule.limit == nil ? "open" : sure == true ? "overdue" : sure == false ? "open" : "open_uncertain"
                    if rule.window && state != "open" { continue }
                } else {
                    state = rule.limit == nil ? "within" : sure == true ? "late" : sure == false ? "within" : "ended_uncertain"
                }
                out.insert("\(rule.id)|\(ev.id(r))|\(text)|\(state)")
            }
        }
        return out
    }

    static let generated: Dataset? = {
        let f = SyntheticDataset.make(events: 5_000, seed: 7)
        return try? DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
            events: ("events.csv", f.events))
    }()

    @Test(arguments: ["2023-06-30", "2024-02-20", "2024-12-31"])
    func agreesWithNetraOnAGenerated5kDataset(asOf: String) throws {
        let full = try #require(Self.generated)
        let day = try #require(clockDay(asOf))
        let a = Analysis(dataset: full, asOf: day)
        let netra = CaseClocks(a.dataset, asOf: day, book: ClockBook.shipped())
        let mine = Set(
            netra.clocks.map { c in
                let shown = c.rule.unit == .hari ? c.days.text : (c.workingDays?.text ?? "?")
                return "\(c.rule.id)|\(a.dataset.events.id(c.caseFile.report))|\(shown)|\(c.state.rawValue)"
            })
        let theirs = Self.independent(full, asOf: asOf)
        #expect(mine.subtracting(theirs).sorted().prefix(5) == [])
        #expect(theirs.subtracting(mine).sorted().prefix(5) == [])
        // Enough clocks of enough rules for the agreement to mean something.
        #expect(mine.count > 100)
        #expect(Set(netra.clocks.map(\.rule.id)).count >= 5)
        #expect(netra.clocks.contains { $0.isOverdue } && netra.clocks.contains { !$0.isOpen })
    }
}
