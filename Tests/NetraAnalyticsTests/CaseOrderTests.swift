import Testing
import NetraCore
import NetraAnalytics

/// Issue 30, point 3: the `order` of each vocabulary is a switch (asked once per event, it
/// must not hash or build an array), and tables are indexed by it: it must be the position
/// in `allCases`, for every case, or a new case would land in another's row.
@Suite struct CaseOrderTests {
    static func positions<T: CaseIterable & Equatable>(_: T.Type, _ order: (T) -> Int) -> (orders: [Int], expected: [Int]) {
        (T.allCases.map(order), Array(0..<T.allCases.count))
    }

    @Test func everyOrderIsThePositionInAllCases() {
        var checked: [(String, [Int], [Int])] = []
        func check<T: CaseIterable & Equatable>(_ t: T.Type, _ order: (T) -> Int) {
            let p = Self.positions(t, order)
            checked.append(("\(t)", p.orders, p.expected))
        }
        check(EventKind.self, \.order)
        check(CaseStatus.self, \.order)
        check(Relation.self, \.order)
        check(Precision.self, \.order)
        check(CaseStage.self, \.order)
        check(LeadTimeMeasure.self, \.order)
        for (name, orders, expected) in checked { #expect(orders == expected, "\(name)") }
        // The comparisons that follow the order agree with it.
        #expect(EventKind.allCases.sorted() == EventKind.allCases)
        #expect(CaseStage.allCases.sorted() == CaseStage.allCases)
    }

    /// Kinds by family and by what they do, declared once for every kind.
    @Test func familiesAndRulings() {
        #expect(EventKind.allCases.filter(\.rules) == [.decision, .sanction])
        #expect(EventKind.allCases.filter { $0.family == .incident } == [.incident])
        #expect(EventKind.allCases.filter { $0.family == .prevention } == [.regulation, .taskForce, .directive, .sosialisasi, .pledge])
    }
}
