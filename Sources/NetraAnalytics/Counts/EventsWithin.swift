import NetraCore

extension Dataset {
    /// The events a chart of `scope` draws, for its footer's count of outlets: those in any of
    /// `scope` or under it (every jurisdiction when `nil`) whose kind `kinds` takes. `nil` when
    /// that is every event, which the dataset already counts.
    public func eventsWithin(_ scope: [JurisdictionIndex]?, kinds: (EventKind) -> Bool = { _ in true }) -> [EventIndex]? {
        let allKinds = EventKind.allCases.allSatisfy(kinds)
        if scope == nil && allKinds { return nil }
        let inside = Column<JurisdictionIndex, Bool>(
            jurisdictions.indices.map { j in
                scope.map { $0.contains { isWithin(j, $0) } } ?? true
            })
        let wanted = EventKind.allCases.map(kinds)
        return events.indices.filter { k in
            let j = events.jurisdictions[k]
            return j.raw < jurisdictions.count && inside[j] && wanted[events.kinds[k].order]
        }
    }
}
