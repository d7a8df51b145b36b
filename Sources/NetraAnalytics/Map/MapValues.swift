import NetraCore

/// What a map shades its regions by (`--map-measure`).
public enum MapMeasure: Sendable, Hashable {
    /// Every event of the period, of the region and under it (the default).
    case events
    /// Incidents of the period.
    case incidents
    /// Prevention events of the period (regulations, task forces, directives, sessions, pledges).
    case prevention
    /// The latest figure of the tally series of `unit` (and `status`, when more than one is kept).
    case tally(unit: String, status: CaseStatus?)

    /// The measure an argument names: `events`, `incidents`, `prevention`, `tally:UNIT` or
    /// `tally:UNIT:STATUS`; nil for anything else.
    public init?(argument: String) {
        let a = argument.trimmingSpaces
        switch a {
        case "events": self = .events
        case "incidents": self = .incidents
        case "prevention": self = .prevention
        default:
            guard a.hasPrefix("tally:") else { return nil }
            let rest = a.dropFirst(6)
            var unit = String(rest), status: CaseStatus?
            if let colon = rest.lastIndex(of: ":"), let s = CaseStatus(rawValue: String(rest[rest.index(after: colon)...])) {
                unit = String(rest[..<colon]); status = s
            }
            unit = unit.trimmingSpaces
            guard !unit.isEmpty else { return nil }
            self = .tally(unit: unit, status: status)
        }
    }

    /// The forms `--map-measure` takes, for its help and its error.
    public static let argumentForms = "events, incidents, prevention, tally:UNIT or tally:UNIT:STATUS"

    /// True for a count of events (zero when a jurisdiction has none); false for a tally,
    /// which is unknown where no series stands.
    public var isCount: Bool { if case .tally = self { return false } else { return true } }
}

/// A map's figure per jurisdiction, read from the analysis (never counted here from events):
/// counts from its monthly table, rolled up, or the latest figure of a tally series.
public struct MapValues: Sendable {
    /// What the figures are.
    public let measure: MapMeasure
    /// The month they cover (a briefing's), nil for the whole period.
    public let month: Month?
    /// The figure per jurisdiction; nil: nothing to take it from ("tidak ada data"), which is
    /// not 0.
    public let values: Column<JurisdictionIndex, Int?>
    /// The tally each jurisdiction's figure comes from (its date), for a tally measure.
    public let tallyDays: Column<JurisdictionIndex, Day?>
    /// The outlets of each jurisdiction's scope, whose count the footer looks up.
    public let outlets: ScopeOutlets

    /// The figures of `measure` in `analysis`, for `month` only when given.
    public init(_ analysis: Analysis, measure: MapMeasure, month: Month? = nil) {
        self.init(
            analysis.dataset, table: analysis.monthlyTable, tallies: measure.isCount ? nil : analysis.tallies,
            outlets: analysis.outlets, measure: measure, month: month)
    }

    /// The figures from the monthly table (rolled up) and, for a tally measure, the series.
    public init(
        _ dataset: Dataset, table: MonthlyTable, tallies: TallySeries?, outlets: ScopeOutlets, measure: MapMeasure, month: Month? = nil
    ) {
        self.measure = measure
        self.month = month
        self.outlets = outlets
        let n = dataset.jurisdictions.count
        var values = Column<JurisdictionIndex, Int?>(repeating: nil, count: n)
        var days = Column<JurisdictionIndex, Day?>(repeating: nil, count: n)
        switch measure {
        case .events, .incidents, .prevention:
            let kinds = EventKind.allCases.filter { k in
                switch measure {
                case .incidents: return k.family == .incident
                case .prevention: return k.family == .prevention
                // A place's events are its activity: case tallies are snapshots, not events of the period.
                default: return k.countsAsActivity
                }
            }
            for j in dataset.jurisdictions.indices {
                var total = 0
                if let month {
                    // Events known only by their year are not a month's (kindCounts keeps them apart).
                    if let first = table.first, month.index - first.index >= 0, month.index - first.index < table.months {
                        for k in kinds { total += table.events(month: month.index - first.index, jurisdiction: j, kind: k, monthKnown: true) }
                    }
                } else {
                    for m in table.monthsWithEvents {
                        for k in kinds { total += table.events(month: m, jurisdiction: j, kind: k) }
                    }
                }
                values[j] = total
            }
        case let .tally(unit, status):
            for s in tallies?.series ?? [] where s.key.unit == unit && s.key.jurisdiction.raw < n {
                if let status, s.key.status != status { continue }
                guard let latest = s.latest, let count = latest.count else { continue }
                let j = s.key.jurisdiction
                // Two series of one unit in one jurisdiction (two statuses, none asked for):
                // the later figure stands, as the cases chart's title reads it.
                if let d = days[j], d > latest.day { continue }
                values[j] = count
                days[j] = latest.day
            }
        }
        self.values = values
        tallyDays = days
    }

    /// The statuses the series of `unit` carry: with more than one, a tally measure without a
    /// status is ambiguous, and `--map-measure` asks for one.
    public static func statuses(of unit: String, in tallies: TallySeries) -> [CaseStatus?] {
        var out: [CaseStatus?] = []
        for s in tallies.series where s.key.unit == unit && !out.contains(where: { $0 == s.key.status }) { out.append(s.key.status) }
        return out
    }
}
