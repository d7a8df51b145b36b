import NetraCore

/// Days on a clock: exact only when every date it rests on is; else the bound the dates allow.
public enum ClockDays: Sendable, Hashable {
    case exact(Int)
    /// The start date is imprecise: at least this many ("≥").
    case atLeast(Int)
    /// Counted from a day on or before the true start: at most this many ("≤").
    case atMost(Int)

    public var value: Int {
        switch self {
        case .exact(let n), .atLeast(let n), .atMost(let n): return n
        }
    }
    /// `18`, `≥ 18`, `≤ 18`.
    public var text: String {
        switch self {
        case .exact(let n): return "\(n)"
        case .atLeast(let n): return "≥ \(n)"
        case .atMost(let n): return "≤ \(n)"
        }
    }
    /// Whether it is past `limit`: true, false, or nil when the bound cannot tell.
    public func past(_ limit: Int) -> Bool? {
        switch self {
        case .exact(let n): return n > limit
        case .atLeast(let n): return n > limit ? true : nil
        case .atMost(let n): return n <= limit ? false : nil
        }
    }
}

/// One case: a report of an incident and the steps of its handling known by the day.
public struct CaseFile: Sendable {
    public var report: EventIndex
    public var jurisdiction: JurisdictionIndex
    public var regime: Regime
    /// The event of each stage reached, by `CaseStage.order` (nil where none is known).
    public var stages: [EventIndex?]

    public subscript(_ s: CaseStage) -> EventIndex? { stages[s.order] }
}

/// One rule's clock on one case, as of a day.
public struct CaseClock: Sendable {
    public enum State: String, Sendable {
        /// Running, within its limit (or with no limit).
        case open
        /// Running, past its limit.
        case overdue
        /// Running; the dates cannot tell whether it is past its limit.
        case openUncertain = "open_uncertain"
        /// Ended within the limit.
        case within
        /// Ended past the limit.
        case late
        /// Ended; the dates cannot tell.
        case endedUncertain = "ended_uncertain"
    }

    /// The rule, shared by every clock it runs on (a `ClockRule` is about 120 bytes; a million
    /// events give a quarter of a million clocks).
    public var rule: ClockRule {
        get { shared.rule }
        set { shared = SharedRule(newValue) }
    }
    private var shared: SharedRule
    public var caseFile: CaseFile
    // Kept in 32 bits, the rare problem boxed: a million events give a quarter of a million
    // clocks, 144 bytes each before (the report's peak is while they are written).
    private var start32: Int32, end32: Int32
    private var days32: Int32, working32: Int32
    private var daysKind: UInt8, workingKind: UInt8
    private var problemBox: ProblemBox?

    public var start: EventIndex {
        get { EventIndex(Int(start32)) }
        set { start32 = Int32(truncatingIfNeeded: newValue.raw) }
    }
    /// The event that ended it, nil while it runs.
    public var end: EventIndex? {
        get { end32 < 0 ? nil : EventIndex(Int(end32)) }
        set { end32 = newValue.map { Int32(truncatingIfNeeded: $0.raw) } ?? -1 }
    }
    /// Calendar days, and in the rule's unit.
    public var days: ClockDays {
        get { Self.unpacked(daysKind, days32) ?? .exact(Int(days32)) }
        set { (daysKind, days32) = Self.packed(newValue) }
    }
    /// Nil when the rule counts calendar days, or when a day is outside the calendar (`problem`).
    public var workingDays: ClockDays? {
        get { Self.unpacked(workingKind, working32) }
        set { (workingKind, working32) = newValue.map(Self.packed) ?? (0, 0) }
    }
    public var state: State
    /// A working-day clock over a day outside the calendar's years: no count, said why.
    public var problem: WorkingCalendar.OutsideYears? {
        get { problemBox?.problem }
        set { problemBox = newValue.map(ProblemBox.init) }
    }

    public var isOpen: Bool { end == nil }
    public var isOverdue: Bool { state == .overdue }
    /// The count in the rule's unit, nil when it cannot be made.
    public var counted: ClockDays? { rule.unit == .hari ? days : workingDays }

    init(
        rule: SharedRule, caseFile: CaseFile, start: EventIndex, end: EventIndex?, days: ClockDays, workingDays: ClockDays?,
        state: State, problem: WorkingCalendar.OutsideYears?
    ) {
        // Day counts and event indices of one dataset fit 32 bits (a dataset's days span
        // centuries at most, its events are fewer than 2^31).
        assert(Int32(exactly: start.raw) != nil && Int32(exactly: days.value) != nil && Int32(exactly: workingDays?.value ?? 0) != nil)
        shared = rule; self.caseFile = caseFile; self.state = state
        start32 = Int32(truncatingIfNeeded: start.raw); end32 = end.map { Int32(truncatingIfNeeded: $0.raw) } ?? -1
        (daysKind, days32) = Self.packed(days)
        (workingKind, working32) = workingDays.map(Self.packed) ?? (0, 0)
        problemBox = problem.map(ProblemBox.init)
    }

    /// A count as its kind (1 exact, 2 at least, 3 at most; 0 none) and value.
    private static func packed(_ d: ClockDays) -> (UInt8, Int32) {
        switch d {
        case .exact(let n): return (1, Int32(clamping: n))
        case .atLeast(let n): return (2, Int32(clamping: n))
        case .atMost(let n): return (3, Int32(clamping: n))
        }
    }

    private static func unpacked(_ kind: UInt8, _ n: Int32) -> ClockDays? {
        switch kind {
        case 1: return .exact(Int(n))
        case 2: return .atLeast(Int(n))
        case 3: return .atMost(Int(n))
        default: return nil
        }
    }

    /// The rare problem, held by reference so that clocks without one do not carry its room.
    final class ProblemBox: Sendable {
        let problem: WorkingCalendar.OutsideYears
        init(_ problem: WorkingCalendar.OutsideYears) { self.problem = problem }
    }

    /// One rule held once for all its clocks.
    final class SharedRule: Sendable {
        let rule: ClockRule
        init(_ rule: ClockRule) { self.rule = rule }
    }
}

/// Every case and every clock on it, as of a day.
public struct CaseClocks: Sendable {
    public let asOf: Day
    public let cases: [CaseFile]
    /// Every clock that started by the day, open or ended, by case then rule order.
    public let clocks: [CaseClock]
    public let book: ClockBook

    /// The open clocks (a window past its limit is no longer open: nothing can be filed).
    public var open: [CaseClock] { clocks.filter { $0.isOpen } }
    public var overdue: [CaseClock] { clocks.filter(\.isOverdue) }
    /// Working-day clocks that could not be counted: a day outside the calendar's years.
    public var problems: [CaseClock] { clocks.filter { $0.problem != nil } }

    /// The clocks of `d` (already cut to what was known by `asOf`) under `book`'s rules.
    /// `graph` is `d`'s event graph when the caller has it (the analysis does), else made here.
    public init(_ d: Dataset, asOf: Day, book: ClockBook, graph given: EventGraph? = nil) {
        self.asOf = asOf
        self.book = book
        let ev = d.events
        // Effects of each event are the graph's edges read backwards: no list per event.
        let graph = given ?? EventGraph(events: ev)
        func effects(of x: EventIndex, along relations: Relation..., kind: EventKind) -> [EventIndex] {
            var out: [EventIndex] = []
            graph.forEachEffect(of: x) { k, relation in
                if relations.contains(relation) && ev.kinds[k] == kind { out.append(k) }
            }
            return out
        }
        // Ties on the anchor broken by id bytes (ids are ASCII slugs: String order), no String made.
        func earliest(_ xs: [EventIndex]) -> EventIndex? {
            xs.min { a, b in
                let x = ev.dates[a].anchor, y = ev.dates[b].anchor
                return x != y ? x < y : ev.idPrecedes(a, b)
            }
        }
        // The earliest sanction following each event, found once per event: an incident that
        // a hundred thousand reports share was walked once per report (quadratic).
        var sanctionAfter = [Int32](repeating: -2, count: ev.count)
        func earliestSanction(after x: EventIndex) -> EventIndex? {
            if sanctionAfter[x.raw] == -2 {
                sanctionAfter[x.raw] = earliest(effects(of: x, along: .sanctions, .followsUp, kind: .sanction)).map { Int32($0.raw) } ?? -1
            }
            let e = sanctionAfter[x.raw]
            return e < 0 ? nil : EventIndex(Int(e))
        }
        var regimes = RegimeFinder(d)
        var cases: [CaseFile] = []
        for r in ev.indices where ev.kinds[r] == .report {
            let reported = ev.links[r].filter { $0.relation == .reports }.map(\.target)
            guard !reported.isEmpty else { continue }
            var stages = [EventIndex?](repeating: nil, count: CaseStage.allCases.count)
            stages[CaseStage.incident.order] = earliest(reported.filter { ev.kinds[$0] == .incident })
            stages[CaseStage.report.order] = r
            let deciding = effects(of: r, along: .decides, kind: .decision)
            stages[CaseStage.registration.order] = earliest(deciding.filter { ev.statuses[$0] == nil })
            stages[CaseStage.decision.order] = earliest(deciding.filter { ev.statuses[$0] != nil })
            let forwarding = earliest(deciding.filter { ev.statuses[$0] == .confirmed })
            stages[CaseStage.forwarding.order] = forwarding
            var sanctionable = [r] + (stages[CaseStage.incident.order].map { [$0] } ?? [])
            if let f = forwarding { sanctionable.append(f) }
            // The earliest of them all is the earliest of each one's earliest.
            stages[CaseStage.sanction.order] = earliest(sanctionable.compactMap { earliestSanction(after: $0) })
            cases.append(CaseFile(report: r, jurisdiction: ev.jurisdictions[r], regime: regimes.regime(r), stages: stages))
        }
        self.cases = cases
        var clocks: [CaseClock] = []
        let rules = book.rules.map(CaseClock.SharedRule.init)
        // The rules of each regime picked once: asked per case, each ask copied the rule.
        let applying = Dictionary(uniqueKeysWithValues: Regime.allCases.map { regime in (regime, rules.filter { $0.rule.applies(to: regime) }) })
        for c in cases {
            for rule in applying[c.regime] ?? [] {
                if let clock = Self.clock(rule, c, d, asOf: asOf, calendar: book.calendar) { clocks.append(clock) }
            }
        }
        self.clocks = clocks
    }

    /// The law a case falls under: that of the first election in its scope on or after the
    /// report (else the last before it); an election whose id or name says Pilkada is one.
    static func regime(_ d: Dataset, _ r: EventIndex) -> Regime {
        let j = d.events.jurisdictions[r]
        let day = d.events.dates[r].anchor
        let scoped = d.elections.filter { d.isWithin(j, $0.scope) }
        guard let e = scoped.first(where: { $0.date >= day }) ?? scoped.last else { return .pemilu }
        return (e.id + " " + e.name).lowercased().contains("pilkada") ? .pilkada : .pemilu
    }

    /// `regime` for every report of one dataset: the elections in each jurisdiction's scope
    /// and whether each is a Pilkada worked out once, not once per report.
    struct RegimeFinder {
        let d: Dataset
        let pilkada: [Bool]
        var scoped: [JurisdictionIndex: [ElectionIndex]] = [:]

        init(_ d: Dataset) {
            self.d = d
            pilkada = d.elections.map { ($0.id + " " + $0.name).lowercased().contains("pilkada") }
        }

        mutating func regime(_ r: EventIndex) -> Regime {
            let j = d.events.jurisdictions[r]
            let day = d.events.dates[r].anchor
            let list: [ElectionIndex]
            if let known = scoped[j] {
                list = known
            } else {
                list = d.elections.indices.filter { d.isWithin(j, d.elections[$0].scope) }
                scoped[j] = list
            }
            guard let e = list.first(where: { d.elections[$0].date >= day }) ?? list.last else { return .pemilu }
            return pilkada[e.raw] ? .pilkada : .pemilu
        }
    }

    /// The rule's clock on the case, or nil when it has none: its start not known (no date
    /// is invented), or its end not known while a later step is (the end's date is unknown).
    static func clock(_ shared: CaseClock.SharedRule, _ c: CaseFile, _ d: Dataset, asOf: Day, calendar: WorkingCalendar) -> CaseClock? {
        // The rule's fields read where it is kept: a copy of the rule retains its five strings,
        // for every case and rule.
        let ruleStart = shared.rule.start, ruleEnd = shared.rule.end, limit = shared.rule.limit
        let unit = shared.rule.unit, kind = shared.rule.kind
        guard let s = c[ruleStart] else { return nil }
        let ev = d.events
        let end = c[ruleEnd]
        if end == nil, CaseStage.allCases.contains(where: { $0 > ruleEnd && c[$0] != nil }) { return nil }
        let from = ev.dates[s]
        let to: EventDate? = end.map { ev.dates[$0] }
        // The incident's date is the earliest the violation can have been known: a bound from above.
        let fromAbove = ruleStart == .incident
        func bound(_ count: (Day, Day) throws(WorkingCalendar.OutsideYears) -> Int) throws(WorkingCalendar.OutsideYears) -> ClockDays? {
            let toEarliest = to.map { $0.earliest } ?? asOf
            let toLatest = to?.latest ?? asOf
            let lower = try toEarliest.map { d throws(WorkingCalendar.OutsideYears) in try count(from.latest, d) }
            let upper = try from.earliest.map { d throws(WorkingCalendar.OutsideYears) in try count(d, toLatest) }
            if fromAbove { return upper.map { .atMost($0) } }
            if let lower, let upper, lower == upper { return .exact(lower) }
            if let lower { return .atLeast(lower) }
            return upper.map { .atMost($0) }
        }
        guard let days = try? bound({ a, b in max(0, a.days(to: b)) }) else { return nil }
        var working: ClockDays?
        var problem: WorkingCalendar.OutsideYears?
        if unit == .hariKerja {
            do { working = try bound { a, b throws(WorkingCalendar.OutsideYears) in try calendar.workingDays(from: a, to: b) } } catch { problem = error }
        }
        let counted = unit == .hari ? days : working
        let past = limit.flatMap { l in counted.flatMap { $0.past(l) } }
        let state: CaseClock.State
        if end == nil {
            if limit == nil {
                state = .open
            } else if counted == nil {
                state = .openUncertain
            } else {
                state = past == true ? .overdue : past == false ? .open : .openUncertain
            }
            // A filing window past its limit is shut, not overdue: nobody owes a report.
            if kind == .window, state != .open { return nil }
        } else {
            if limit == nil { state = .within } else { state = past == true ? .late : past == false ? .within : .endedUncertain }
        }
        return CaseClock(rule: shared, caseFile: c, start: s, end: end, days: days, workingDays: working, state: state, problem: problem)
    }
}

extension Analysis {
    /// The case clocks as of the day the figures stand on.
    public func caseClocks(_ book: ClockBook) -> CaseClocks? {
        guard let day = standsOn else { return nil }
        return CaseClocks(dataset, asOf: day, book: book, graph: graph)
    }
}
