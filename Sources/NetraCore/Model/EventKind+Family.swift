extension EventKind {
    /// The groups kinds fall in: what analyses count together and charts colour alike (one hue
    /// a family, lightness within it).
    public enum Family: Sendable, Hashable, CaseIterable {
        /// Work before an election to keep it neutral (pencegahan).
        case prevention
        /// A breach of neutrality (insiden): what the charts are about.
        case incident
        /// What follows an incident: responses, reports, decisions, sanctions (penanganan).
        case handling
        /// Counts of cases as some body reported them (rekap kasus).
        case caseTally
        /// Statements (pernyataan).
        case statement
    }

    /// The kind's family: declared here, once, for every kind.
    public var family: Family {
        switch self {
        case .regulation, .taskForce, .directive, .sosialisasi, .pledge: return .prevention
        case .incident: return .incident
        case .response, .report, .decision, .sanction: return .handling
        case .caseTally: return .caseTally
        case .statement: return .statement
        }
    }
}

extension EventKind {
    /// True for the kinds a month's activity counts: every kind but `case_tally`, which is a
    /// snapshot of others' counts, not something done in the month.
    public var countsAsActivity: Bool { self != .caseTally }
}

extension EventKind {
    /// True for the kinds that rule on a case and may set its status (a decision, a
    /// sanction): declared for every kind, so a new one is placed here by the compiler.
    public var rules: Bool {
        switch self {
        case .decision, .sanction: return true
        case .regulation, .taskForce, .directive, .sosialisasi, .pledge, .incident, .response, .report, .caseTally, .statement: return false
        }
    }
}
