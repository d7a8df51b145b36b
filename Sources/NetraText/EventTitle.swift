import NetraCore

extension Event {
    /// The title a reader of `lang` sees: `title` is in Bahasa Indonesia, the sources'
    /// language; English uses `title_en` where the row gives one, else the Indonesian title
    /// as it stands (never marked as translated).
    public func title(_ lang: Language) -> String {
        if lang == .en, !titleEN.isEmpty { return titleEN }
        return title.isEmpty ? id : title
    }
}
