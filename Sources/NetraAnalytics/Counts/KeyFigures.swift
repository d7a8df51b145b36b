import NetraCore

/// The report's key figures of an analysis (report.html's tiles): events, prevention events,
/// incidents by their status as of the day, jurisdictions with events, outlets; and the kinds
/// present. Counted once here, in one pass, so that a page only says them.
public struct KeyFigures: Sendable, Equatable {
    /// Events that take part.
    public let events: Int
    /// Prevention events (regulation, task force, directive, sosialisasi, pledge).
    public let prevention: Int
    /// Incidents.
    public let incidents: Int
    /// Incidents by their status as of the day, in `CaseStatus.allCases` order.
    public let incidentsByStatus: [Int]
    /// Incidents no status was ever set on (unknown, not zero).
    public let incidentsWithoutStatus: Int
    /// Jurisdictions with an event of their own or under them.
    public let jurisdictions: Int
    /// Outlets cited.
    public let outlets: Int
    /// The kinds with at least one event, in `EventKind.allCases` order.
    public let kinds: [EventKind]

    public init(_ a: Analysis) {
        let d = a.dataset
        var prevention = 0, incidents = 0, noStatus = 0
        var byStatus = [Int](repeating: 0, count: CaseStatus.allCases.count)
        var seen = [Bool](repeating: false, count: EventKind.allCases.count)
        for i in d.events.indices {
            let kind = d.events.kinds[i]
            seen[kind.order] = true
            switch kind.family {
            case .prevention: prevention += 1
            case .incident:
                incidents += 1
                if let s = a.statusAsOf[i] { byStatus[s.order] += 1 } else { noStatus += 1 }
            default: break
            }
        }
        events = d.events.count
        self.prevention = prevention
        self.incidents = incidents
        incidentsByStatus = byStatus
        incidentsWithoutStatus = noStatus
        let within = d.eventsWithin()
        jurisdictions = d.jurisdictions.indices.filter { within[$0] > 0 }.count
        outlets = d.outletCount
        kinds = EventKind.allCases.filter { seen[$0.order] }
    }

    /// The incidents' statuses with how many have each, those without one last (only the
    /// statuses some incident has).
    public var statuses: [(status: CaseStatus?, count: Int)] {
        var out: [(status: CaseStatus?, count: Int)] = CaseStatus.allCases.filter { incidentsByStatus[$0.order] > 0 }
            .map { ($0, incidentsByStatus[$0.order]) }
        if incidentsWithoutStatus > 0 { out.append((nil, incidentsWithoutStatus)) }
        return out
    }
}
