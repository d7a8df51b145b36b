/// The words of the tallies (the cases chart and its panels), both languages side by side.
extension Strings {
    /// The cases chart's line under its title.
    public static let tallySubtitle = Phrase(
        id: "Rekap: angka per tanggal laporan, bukan tambahan",
        en: "Tallies: figures as of each report, not increments")

    /// Said where a panel of pledge signatories is drawn.
    public static let signatorySubtitle = Phrase(id: "ikrar: jumlah berjalan", en: "pledges: running total")

    /// What a tally or pledge counts when its row gives no unit.
    public static let noUnit = Phrase(id: "tanpa satuan", en: "no unit")

    /// A panel of one jurisdiction's case tallies in one unit (`ASN`, `kasus`): units never
    /// share an axis.
    public static func tallyPanel(_ name: String, unit: String) -> Phrase {
        Phrase(id: "\(name) · rekap, satuan: \(unit)", en: "\(name) · tallies, unit: \(unit)")
    }

    /// A panel of one jurisdiction's pledge signatories in one unit, summed as they come.
    public static func signatoryPanel(_ name: String, unit: String) -> Phrase {
        Phrase(
            id: "\(name) · penanda tangan ikrar, kumulatif, satuan: \(unit)",
            en: "\(name) · pledge signatories, cumulative, unit: \(unit)")
    }

    /// Series a panel had no room for, said where they are missing.
    public static func seriesNotShown(_ n: Int) -> Phrase {
        Phrase(id: "+\(n) seri lain tidak ditampilkan", en: "+\(n) more series not shown")
    }

    /// Series beyond the chart's last page, said on that page with where they all are.
    public static func seriesLeftOff(_ n: Int, jurisdictions: Int) -> Phrase {
        Phrase(
            id: "+\(n) seri dari \(jurisdictions) wilayah tidak muat dalam gambar-gambar ini (semua ada di tallies.csv)",
            en:
                "+\(n) more \(noun(n, "series", "series")) of \(jurisdictions) \(noun(jurisdictions, "jurisdiction", "jurisdictions")) not drawn on these images (tallies.csv lists them all)"
        )
    }

    /// A chart drawn on several images: which one this is.
    public static func chartPage(_ n: Int, of count: Int) -> Phrase {
        Phrase(id: "Gambar \(n) dari \(count)", en: "Image \(n) of \(count)")
    }

    /// The cases chart's title: what it shows, never one figure picked out of it. `period`
    /// is kept on one line (no break inside a month).
    public static func casesOverview(tallies: Int, signatories: Int, jurisdictions: Int, period: String) -> Phrase {
        let when = period.replacing(" ", with: "\u{00A0}")
        let places = Phrase(id: "\(jurisdictions) wilayah", en: "\(jurisdictions) \(noun(jurisdictions, "jurisdiction", "jurisdictions"))")
        let tallied = Phrase(id: "\(tallies) seri rekap kasus", en: "\(tallies) case-tally series")
        let signed = Phrase(id: "\(signatories) seri penanda tangan ikrar", en: "\(signatories) pledge-signatory series")
        let parts = (tallies > 0 ? [tallied] : []) + (signatories > 0 || tallies == 0 ? [signed] : [])
        return Phrase(
            id: parts.map(\.id).joined(separator: " dan ") + ", \(places.id), \(when)",
            en: parts.map(\.en).joined(separator: " and ") + ", \(places.en), \(when)")
    }

    /// Every tallies phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var tallySamples: [Phrase] {
        [
            tallySubtitle, signatorySubtitle, noUnit, tallyPanel("A", unit: "x"), signatoryPanel("A", unit: "x"), seriesNotShown(2),
            seriesLeftOff(3, jurisdictions: 2),
            chartPage(1, of: 2), casesOverview(tallies: 20, signatories: 1, jurisdictions: 3, period: "x"),
            casesOverview(tallies: 1, signatories: 0, jurisdictions: 1, period: "x"), casesOverview(tallies: 0, signatories: 2, jurisdictions: 1, period: "x")
        ]
    }
}
