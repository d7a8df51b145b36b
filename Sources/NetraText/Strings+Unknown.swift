/// Words for a figure with nothing to take it from: shown as "—", never as 0.
extension Strings {
    /// What a chart or sheet prints in place of an unknown figure.
    public static let unknownMark = "—"

    /// The note under a chart that printed `unknownMark`: what the dash means.
    public static let unknownNote = Phrase(
        id: "— = tidak diketahui (tidak ada angka dalam data)",
        en: "— = unknown (no figure in the data)")

    /// Every phrase of this file, for the test of both languages.
    public static let unknownPhrases = [unknownNote]
}
