import NetraCore
import NetraText

/// The note that says what a filter kept: `Kota Bekasi · Nov 2023 – Jan 2024 · insiden, putusan`.
extension Strings {
    /// Nil for no filter.
    public static func selection(_ s: Selection?, _ d: Dataset) -> Phrase? {
        guard let s, !s.isEverything else { return nil }
        func part(_ lang: Language) -> String {
            var parts: [String] = []
            if !s.jurisdictions.isEmpty {
                parts.append(s.jurisdictions.filter { $0.raw < d.jurisdictions.count }.map { d.jurisdictions[$0].name }.joined(separator: ", "))
            }
            func date(_ w: WrittenDate) -> String {
                switch w.form {
                case .day: return DateText.short(w.anchor, lang)
                case .month: return DateText.shortMonth(w.anchor.month, lang)
                case .year: return String(w.anchor.year)
                }
            }
            switch (s.fromText, s.toText) {
            case let (f?, t?): parts.append(f == t ? date(f) : date(f) + " – " + date(t))
            case let (f?, nil): parts.append(Phrase(id: "sejak ", en: "from ").text(lang) + date(f))
            case let (nil, t?): parts.append(Phrase(id: "s.d. ", en: "up to ").text(lang) + date(t))
            case (nil, nil): break
            }
            if !s.kinds.isEmpty { parts.append(s.kinds.map { kind($0).text(lang).lowercased() }.joined(separator: ", ")) }
            return parts.joined(separator: " · ")
        }
        return Phrase(id: part(.id), en: part(.en))
    }

    /// Said on standard error when a filter keeps no event.
    public static func emptySelection(_ note: Phrase) -> Phrase {
        Phrase(
            id: "netra: tidak ada peristiwa yang cocok dengan filter (\(note.id)); keluaran ditulis kosong",
            en: "netra: no event matches the filter (\(note.en)); the outputs are written empty")
    }

    /// No Kota and Kabupaten of one name: the pair compared instead.
    public static func comparisonBusiest(_ a: String, _ b: String) -> Phrase {
        Phrase(
            id:
                "netra: tidak ada Kota dan Kabupaten senama di data ini; membandingkan \(a) dan \(b), dua wilayah dengan peristiwa terbanyak (--pair A,B memilih yang lain)",
            en: "netra: no Kota and Kabupaten of one name in this dataset; comparing \(a) and \(b), the two with the most events (--pair A,B chooses others)")
    }

    /// Why there is no comparison: said on the terminal and where its chart would be.
    public static func noComparison(_ m: ComparisonChoice.Missing) -> Phrase {
        switch m {
        case .fewerThanTwo(let level):
            let tier =
                level == .kota || level == .kabupaten
                ? ("kabupaten/kota", "kabupaten/kota") : level == .provinsi ? ("provinsi", "province") : ("wilayah", "jurisdiction")
            return Phrase(
                id:
                    "Tanpa perbandingan: data ini tidak memuat Kota dan Kabupaten senama, dan kurang dari dua \(tier.0) yang memiliki peristiwa; sebuah wilayah tidak dibandingkan dengan wilayah induknya. Pilih dua wilayah dengan --pair A,B atau pair di pengaturan.",
                en:
                    "No comparison: the dataset holds no Kota and Kabupaten of one name, and fewer than two \(tier.1) with events; a jurisdiction is never compared with one that holds it. Choose two with --pair A,B or the settings' pair."
            )
        }
    }

    static var selectionSamples: [Phrase] {
        [
            emptySelection(Phrase(id: "x", en: "x")), comparisonBusiest("A", "B"), noComparison(.fewerThanTwo(lowest: .kota)),
            noComparison(.fewerThanTwo(lowest: .provinsi))
        ]
    }
}
