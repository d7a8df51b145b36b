/// The words of the tallies (the cases chart and its panels), both languages side by side.
extension Strings {
    /// The cases chart's line under its title.
    public static let tallySubtitle = Phrase(
        id: "Rekap: angka per tanggal laporan, bukan tambahan; satu panel per satuan · ikrar: jumlah berjalan",
        en: "Tallies: figures as of each report, not increments; one panel per unit · pledges: running total")

    /// What a tally or pledge counts when its row gives no unit.
    public static let noUnit = Phrase(id: "tanpa satuan", en: "no unit")

    /// A panel of case tallies in one unit (`ASN`, `kasus`): units never share an axis.
    public static func tallyPanel(unit: String) -> Phrase {
        Phrase(id: "Rekap kasus · satuan: \(unit)", en: "Case tallies · unit: \(unit)")
    }

    /// A panel of pledge signatories in one unit, summed as they come.
    public static func signatoryPanel(unit: String) -> Phrase {
        Phrase(id: "Penanda tangan ikrar, kumulatif · satuan: \(unit)", en: "Pledge signatories, cumulative · unit: \(unit)")
    }

    /// Series a panel had no room for, said where they are missing.
    public static func seriesNotShown(_ n: Int) -> Phrase {
        Phrase(id: "+\(n) seri lain tidak ditampilkan", en: "+\(n) more series not shown")
    }

    /// Every tallies phrase with sample values, for the test that each has both languages.
    static var tallySamples: [Phrase] {
        [tallySubtitle, noUnit, tallyPanel(unit: "x"), signatoryPanel(unit: "x"), seriesNotShown(2)]
    }
}
