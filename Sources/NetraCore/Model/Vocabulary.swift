/// What an event is. The order here is the order of legends and tables.
public enum EventKind: String, CaseIterable, Sendable, Comparable {
    case regulation
    case taskForce = "task_force"
    case directive
    case sosialisasi
    case pledge
    case incident
    case response
    case report
    case decision
    case sanction
    case caseTally = "case_tally"
    case statement

    /// Kinds that work before an election to keep it neutral.
    public var isPrevention: Bool { family == .prevention }

    /// Position in `allCases`; a switch, as it is asked once per event in every count.
    public var order: Int {
        switch self {
        case .regulation: return 0
        case .taskForce: return 1
        case .directive: return 2
        case .sosialisasi: return 3
        case .pledge: return 4
        case .incident: return 5
        case .response: return 6
        case .report: return 7
        case .decision: return 8
        case .sanction: return 9
        case .caseTally: return 10
        case .statement: return 11
        }
    }
    public static func < (a: EventKind, b: EventKind) -> Bool { a.order < b.order }
}

/// The state of an incident or of the cases in a tally.
public enum CaseStatus: String, CaseIterable, Sendable {
    case alleged, confirmed, dismissed, sanctioned

    /// Position in `allCases`, by switch: `allCases.firstIndex` builds an array each time.
    public var order: Int {
        switch self {
        case .alleged: return 0
        case .confirmed: return 1
        case .dismissed: return 2
        case .sanctioned: return 3
        }
    }
}

/// The type of an edge: the event with the link is the effect, its target the cause.
public enum Relation: String, CaseIterable, Sendable {
    case respondsTo = "responds_to"
    case followsUp = "follows_up"
    case implements
    case reports
    case decides
    case sanctions
    case partOf = "part_of"

    /// Relations along which an incident's handling is followed.
    public var carriesResponse: Bool {
        switch self {
        case .respondsTo, .reports, .decides, .sanctions: return true
        case .followsUp, .implements, .partOf: return false
        }
    }

    /// Position in `allCases`, for per-relation tables.
    public var order: Int {
        switch self {
        case .respondsTo: return 0
        case .followsUp: return 1
        case .implements: return 2
        case .reports: return 3
        case .decides: return 4
        case .sanctions: return 5
        case .partOf: return 6
        }
    }

    /// Relations whose effect cannot come before its cause (`part_of` is containment).
    public var isCausal: Bool { self != .partOf }
}

/// The tier of a government.
public enum JurisdictionLevel: String, CaseIterable, Sendable {
    case kota, kabupaten, provinsi, nasional
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
    /// `a, b, c`: for messages that list the allowed values.
    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Other names a dataset may write kinds and statuses with (the Indonesian ones Netra prints
/// on its own charts: `ikrar` for `pledge`, `dugaan` for `alleged`). The names come from the
/// catalogue (`Strings.acceptedNames` in NetraAnalytics); the loader reads them into the
/// canonical cases, so every export writes the canonical form.
public struct VocabularyNames: Sendable {
    public var kinds: [String: EventKind]
    public var statuses: [String: CaseStatus]

    /// The canonical names only.
    public static let canonical = VocabularyNames(kinds: [:], statuses: [:])

    /// Names are matched in any case, their spaces trimmed.
    public init(kinds: [String: EventKind], statuses: [String: CaseStatus]) {
        self.kinds = Dictionary(kinds.map { (Self.key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.statuses = Dictionary(statuses.map { (Self.key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    public func kind(_ text: String) -> EventKind? { kinds.isEmpty ? nil : kinds[Self.key(text)] }
    public func status(_ text: String) -> CaseStatus? { statuses.isEmpty ? nil : statuses[Self.key(text)] }

    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
