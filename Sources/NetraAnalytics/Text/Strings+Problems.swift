import NetraCore

/// The loader's problems in the user's language, and the other names a dataset may give its
/// kinds and statuses.
extension Diagnostic {
    /// `FILE:LINE:COLUMN: message` (or `FILE:SHEET!B12: message`) in `lang`.
    public func text(_ lang: Language) -> String { text(indonesian: lang == .id) }
}

extension DatasetError {
    /// The problems one a line in `lang`, the first `limit`, then how many more there are.
    public func lines(_ lang: Language, limit: Int = DatasetError.shownProblems) -> [String] {
        lines(limit: limit, indonesian: lang == .id)
    }
}

extension Strings {
    /// The last line under a dataset's problems.
    public static func problems(_ n: Int, in dataset: String, nothingWritten: Bool) -> Phrase {
        Phrase(id: "netra: \(n) masalah di \(dataset)" + (nothingWritten ? "; tidak ada yang ditulis" : ""),
               en: "netra: \(n) problem\(n == 1 ? "" : "s") in \(dataset)" + (nothingWritten ? "; nothing was written" : ""))
    }

    /// The names Netra prints on its own charts, accepted in a dataset for the canonical ones
    /// (`Ikrar` for `pledge`, `Dugaan` for `alleged`): one vocabulary, its labels taken from
    /// this catalogue. Only the Indonesian labels: the English ones are not names a dataset uses.
    public static let acceptedNames = VocabularyNames(
        kinds: Dictionary(EventKind.allCases.map { (kind($0).id, $0) }, uniquingKeysWith: { a, _ in a }),
        statuses: Dictionary(CaseStatus.allCases.map { (status($0).id, $0) }, uniquingKeysWith: { a, _ in a }))
}
