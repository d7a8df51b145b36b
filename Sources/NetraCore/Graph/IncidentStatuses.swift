/// Who set an incident's status, and when: the decisions and sanctions with a `status` cell
/// that reach it along the links an incident's handling follows (the lead times' relations).
///
/// An incident's status as of a day is the one set by the latest of them (anchor, then id)
/// that takes part by that day, else `alleged`; an incident that none of them reaches keeps
/// its own `status` cell.
public struct IncidentStatuses: Sendable {
    let graph: EventGraph

    /// Relations along which a decision reaches the incident it rules on.
    public static let handling: Set<Relation> = Set(Relation.allCases.filter(\.carriesResponse))

    public init(_ events: EventTable, graph: EventGraph) {
        self.graph = graph
    }

    /// True for a decision or sanction that sets a status.
    static func sets(_ events: EventTable, _ k: EventIndex) -> Bool {
        events.statuses[k] != nil && (events.kinds[k] == .decision || events.kinds[k] == .sanction)
    }

    /// The later anchor, then the larger id, then the later row: one total order.
    static func later(_ a: EventIndex, _ b: EventIndex, _ events: EventTable) -> Bool {
        let x = events.dates[a].anchor, y = events.dates[b].anchor
        if x != y { return x > y }
        return events.idPrecedes(b, a) || (events.sameID(a, b) && a > b)
    }

    /// For each event, the latest status-setting event that `counts` admits and that reaches
    /// it (itself included); -1 where none does.
    func latestSetters(_ events: EventTable, counts: (EventIndex) -> Bool) -> [Int] {
        guard events.indices.contains(where: { Self.sets(events, $0) }) else { return [Int](repeating: -1, count: events.count) }
        return latestInOneSweep(events, counts: counts) ?? latestByWalking(events, counts: counts)
    }

    /// Effects before causes: what reaches an event is each of its effects and what reaches
    /// them, so an event's latest setter is final once all its effects are done. Linear in
    /// events and links; nil when the handling links hold a cycle.
    func latestInOneSweep(_ events: EventTable, counts: (EventIndex) -> Bool) -> [Int]? {
        var latest = [Int](repeating: -1, count: events.count)
        for k in events.indices where Self.sets(events, k) && counts(k) { latest[k.raw] = k.raw }
        let whole = graph.sweepFromEffects(allowed: Relation.allCases.map(\.carriesResponse)) { e, c in
            let mine = latest[e.raw]
            if mine >= 0 && (latest[c.raw] < 0 || Self.later(EventIndex(mine), EventIndex(latest[c.raw]), events)) {
                latest[c.raw] = mine
            }
        }
        return whole ? latest : nil
    }

    /// The plain way, and the reference the sweep is tested against: a walk back from each
    /// status-setting event to everything it reaches.
    func latestByWalking(_ events: EventTable, counts: (EventIndex) -> Bool) -> [Int] {
        var latest = [Int](repeating: -1, count: events.count)
        for k in events.indices where Self.sets(events, k) && counts(k) {
            for cause in [k] + graph.ancestors(of: k, following: Self.handling) {
                if latest[cause.raw] < 0 || Self.later(k, EventIndex(latest[cause.raw]), events) { latest[cause.raw] = k.raw }
            }
        }
        return latest
    }

    /// The status of every event as of the day, for incidents only (nil for other kinds, and
    /// for an incident no one set a status on and whose cell is empty). `takesPart` says
    /// which setters count by then.
    /// `takesPart` nil: every setter counts (as of everything), and one sweep serves both.
    public func asOf(_ events: EventTable, takesPart: ((EventIndex) -> Bool)?) -> Column<EventIndex, CaseStatus?> {
        let ever = latestSetters(events) { _ in true }
        let now = takesPart.map { latestSetters(events, counts: $0) } ?? ever
        var out = Column<EventIndex, CaseStatus?>(repeating: nil, count: events.count)
        for k in events.indices where events.kinds[k] == .incident {
            if ever[k.raw] < 0 { out[k] = events.statuses[k]; continue }
            out[k] = now[k.raw] >= 0 ? events.statuses[EventIndex(now[k.raw])] : .alleged
        }
        return out
    }

    /// Incidents whose own `status` cell disagrees with the last status set on them, with
    /// the event that set it: `validate` warns about each.
    public func disagreements(_ events: EventTable) -> [(incident: EventIndex, setter: EventIndex)] {
        let last = latestSetters(events) { _ in true }
        var out: [(incident: EventIndex, setter: EventIndex)] = []
        for k in events.indices where events.kinds[k] == .incident && last[k.raw] >= 0 {
            let setter = EventIndex(last[k.raw])
            guard let own = events.statuses[k], let set = events.statuses[setter], set != own else { continue }
            out.append((k, setter))
        }
        return out
    }
}
