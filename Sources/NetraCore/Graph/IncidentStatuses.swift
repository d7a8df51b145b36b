/// Who set an incident's status, and when: the decisions and sanctions with a `status` cell
/// that reach it along the links an incident's handling follows (the lead times' relations).
///
/// An incident's status as of a day is the one set by the latest of them (anchor, then id)
/// that takes part by that day, else `alleged`; an incident that none of them reaches keeps
/// its own `status` cell.
public struct IncidentStatuses: Sendable {
    /// Per incident that some status-setting event reaches: those events, by anchor then id.
    public let setters: [EventIndex: [EventIndex]]

    /// Relations along which a decision reaches the incident it rules on.
    public static let handling: Set<Relation> = Set(Relation.allCases.filter(\.carriesResponse))

    /// One walk back from each decision or sanction that sets a status.
    public init(_ events: EventTable, graph: EventGraph) {
        var found: [EventIndex: [EventIndex]] = [:]
        for k in events.indices where events.statuses[k] != nil {
            let kind = events.kinds[k]
            guard kind == .decision || kind == .sanction else { continue }
            for cause in graph.ancestors(of: k, following: Self.handling) where events.kinds[cause] == .incident {
                found[cause, default: []].append(k)
            }
        }
        for (incident, list) in found {
            found[incident] = list.sorted { a, b in
                let x = events.dates[a].anchor, y = events.dates[b].anchor
                return x != y ? x < y : events.idPrecedes(a, b)
            }
        }
        setters = found
    }

    /// The status of every event as of the day (`nil`: everything known), for incidents only
    /// (nil for other kinds, and for an incident no one set a status on and whose cell is empty).
    /// `takesPart` says which setters count by then.
    public func asOf(_ events: EventTable, takesPart: (EventIndex) -> Bool) -> Column<EventIndex, CaseStatus?> {
        var out = Column<EventIndex, CaseStatus?>(repeating: nil, count: events.count)
        for k in events.indices where events.kinds[k] == .incident {
            guard let list = setters[k] else {
                out[k] = events.statuses[k]
                continue
            }
            out[k] = list.last(where: takesPart).flatMap { events.statuses[$0] } ?? .alleged
        }
        return out
    }

    /// Incidents whose own `status` cell disagrees with the last status set on them, with
    /// the event that set it: `validate` warns about each.
    public func disagreements(_ events: EventTable) -> [(incident: EventIndex, setter: EventIndex)] {
        var out: [(incident: EventIndex, setter: EventIndex)] = []
        for (incident, list) in setters {
            guard let own = events.statuses[incident], let last = list.last, let set = events.statuses[last], set != own else { continue }
            out.append((incident, last))
        }
        return out.sorted { $0.incident < $1.incident }
    }
}
