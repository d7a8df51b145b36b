extension EventKind {
    /// The groups kinds fall in: what analyses count together and charts colour alike.
    public enum Family: Sendable, Hashable, CaseIterable {
        /// Work before an election to keep it neutral.
        case prevention
        /// An incident and what follows from it: responses, reports, decisions, sanctions, tallies.
        case incidentChain
        /// Everything else (statements).
        case other
    }

    /// The kind's family: declared here, once, for every kind.
    public var family: Family {
        switch self {
        case .regulation, .taskForce, .directive, .sosialisasi, .pledge: return .prevention
        case .incident, .response, .report, .decision, .sanction, .caseTally: return .incidentChain
        case .statement: return .other
        }
    }
}
