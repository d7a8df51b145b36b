/// Lead-time series as the lead-time chart's rows: one per measure and jurisdiction (a pair
/// given twice is merged into one), measures in order of first appearance. Made once from
/// the series, so that a chart laid out twice (wide and portrait) merges nothing itself.
public struct LeadTimeRows: Sendable, Hashable {
    /// A measure and its rows, jurisdictions in order of first appearance.
    public struct Measure: Sendable, Hashable {
        /// The measure's key or label, as the series gave it.
        public var name: String
        /// Its rows (none empty).
        public var rows: [LeadTimeSeries]
        /// What it measures (its first row's kind): what its panel and colour are chosen by.
        public var kind: LeadTimeMeasure? { rows.first?.kind }
    }

    /// Every measure with values, in order of first appearance.
    public let measures: [Measure]

    /// The rows of `series`: empty series dropped, a measure and jurisdiction given twice
    /// merged into one row (bins and ranges together, the first one's kind).
    public init(_ series: [LeadTimeSeries]) {
        var names: [String] = []
        var byName: [String: [LeadTimeSeries]] = [:]
        for x in series where x.count > 0 {
            if byName[x.measure] == nil { names.append(x.measure) }
            if let k = byName[x.measure, default: []].firstIndex(where: { $0.jurisdiction == x.jurisdiction }) {
                let old = byName[x.measure, default: []][k]
                byName[x.measure, default: []][k] = LeadTimeSeries(
                    measure: old.measure, jurisdiction: old.jurisdiction,
                    bins: old.bins + x.bins, ranges: old.ranges + x.ranges, kind: old.kind)
            } else {
                byName[x.measure, default: []].append(x)
            }
        }
        measures = names.map { Measure(name: $0, rows: byName[$0] ?? []) }
    }

    /// The measure named `name`, if it has values.
    public func measure(_ name: String) -> Measure? { measures.first { $0.name == name } }

    /// Values over every row.
    public var total: Int { measures.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } } }
}
