/// The language of labels, dates and month names.
public enum Language: String, CaseIterable, Sendable {
    /// Bahasa Indonesia, the default.
    case id
    case en
}
