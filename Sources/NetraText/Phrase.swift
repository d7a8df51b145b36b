/// One user-facing text in both languages, written side by side so neither can be forgotten.
public struct Phrase: Sendable, Hashable {
    /// Bahasa Indonesia.
    public let id: String
    /// English.
    public let en: String

    /// A phrase from its two languages.
    public init(id: String, en: String) {
        self.id = id; self.en = en
    }

    /// The words in `lang`.
    public func text(_ lang: Language) -> String {
        switch lang {
        case .id: return id
        case .en: return en
        }
    }
}
