/// A message in both of Netra's languages, written side by side where the problem is found:
/// the modules below the catalogue cannot see it, so the edge picks the language.
public struct Said: Sendable, Hashable {
    /// English.
    public var en: String
    /// Bahasa Indonesia.
    public var id: String

    public init(en: String, id: String) { self.en = en; self.id = id }

    /// The same text in both languages: a name, a number, a system's own error text.
    public init(_ both: String) { en = both; id = both }

    /// `prefix` then `self`, in each language (`kode: ` before a reason).
    public func after(_ prefix: Said) -> Said { Said(en: prefix.en + en, id: prefix.id + id) }

    /// `self` then `next`, in each language.
    public func joined(_ next: Said) -> Said { Said(en: en + next.en, id: id + next.id) }
}
