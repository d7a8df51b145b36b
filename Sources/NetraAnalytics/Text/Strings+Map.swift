import NetraCore
import NetraText

/// The words of the maps, both languages side by side.
extension Strings {
    /// What a map's figures are, as a noun phrase (`peristiwa`, `insiden`).
    public static func mapMeasure(_ m: MapMeasure) -> Phrase {
        switch m {
        case .events: return Phrase(id: "peristiwa", en: "events")
        case .incidents: return Phrase(id: "insiden", en: "incidents")
        case .prevention: return Phrase(id: "kegiatan pencegahan", en: "prevention events")
        case let .tally(unit, status):
            let s = status.map { " · " + Strings.status($0).id.lowercased() } ?? ""
            let se = status.map { " · " + Strings.status($0).en.lowercased() } ?? ""
            return Phrase(id: "rekap terakhir (\(unit)\(s))", en: "latest tally (\(unit)\(se))")
        }
    }

    /// The title of a map of a province's kabupaten/kota (`Peristiwa per kabupaten/kota: Jawa Barat`).
    public static func mapTitle(_ m: MapMeasure, place: String) -> Phrase {
        let what = mapMeasure(m)
        return Phrase(id: "\(capitalized(what.id)) per kabupaten/kota: \(place)", en: "\(capitalized(what.en)) by kabupaten/kota: \(place)")
    }

    /// The title of a map of the provinces.
    public static func mapNationalTitle(_ m: MapMeasure) -> Phrase {
        let what = mapMeasure(m)
        return Phrase(id: "\(capitalized(what.id)) per provinsi", en: "\(capitalized(what.en)) by province")
    }

    /// A title that says who leads (`Kabupaten Bekasi: peristiwa terbanyak di Jawa Barat (14)`).
    public static func mapLeader(_ name: String, _ m: MapMeasure, place: String, value: String) -> Phrase {
        if case .tally = m {
            return Phrase(id: "\(name): angka tertinggi di \(place) (\(value))", en: "\(name): the highest figure in \(place) (\(value))")
        }
        let what = mapMeasure(m)
        return Phrase(id: "\(name): \(what.id) terbanyak di \(place) (\(value))", en: "\(name): the most \(what.en) in \(place) (\(value))")
    }

    /// The month a briefing's map covers, or the whole period.
    public static func mapPeriod(_ month: Month?) -> Phrase {
        guard let month else { return Phrase(id: "seluruh periode data", en: "the whole period of the data") }
        return Phrase(id: "bulan \(DateText.month(month, .id))", en: "in \(DateText.month(month, .en))")
    }

    /// The subtitle: what the colours show and for when.
    public static func mapSubtitle(_ m: MapMeasure, _ month: Month?, within: Bool = true) -> Phrase {
        let what = mapMeasure(m), when = mapPeriod(month)
        if case .tally = m {
            return Phrase(id: "Warna: \(what.id), per tanggal rekapnya", en: "Colour: \(what.en), as of each tally's date")
        }
        guard within else { return Phrase(id: "Warna: jumlah \(what.id), \(when.id)", en: "Colour: number of \(what.en), \(when.en)") }
        return Phrase(
            id: "Warna: jumlah \(what.id), \(when.id), termasuk wilayah di bawahnya",
            en: "Colour: number of \(what.en), \(when.en), including the areas under each")
    }

    /// A figure that stands for a whole province, its own events included.
    public static func mapProvinceTotal(_ place: String, total: String, own: String) -> Phrase {
        Phrase(id: "\(place) seluruhnya: \(total) (\(own) di tingkat provinsi)", en: "All of \(place): \(total) (\(own) at province level)")
    }

    /// A province's own tally, under its map (the map shades only its kabupaten/kota).
    public static func mapProvinceTally(_ place: String, value: String, date: String) -> Phrase {
        Phrase(id: "\(place) sendiri: \(value) (rekap \(date))", en: "\(place) itself: \(value) (tally of \(date))")
    }

    /// The legend's entry for regions without a figure: not the same as 0.
    public static let mapNoData = Phrase(id: "tidak ada data", en: "no data")

    /// The legend's entry for the areas around the map's subject.
    public static let mapOutside = Phrase(id: "di luar wilayah", en: "outside the area")

    /// The heading of the ranked list of regions not labelled on the map.
    public static let mapRanked = Phrase(id: "Tidak berlabel di peta:", en: "Not labelled on the map:")

    /// Regions of the ranked list left out for want of room.
    public static func mapMore(_ n: Int) -> Phrase { Phrase(id: "+\(n) lainnya", en: "+\(n) more") }

    /// The jurisdictions a map could not place, named under it.
    public static func mapUnjoined(_ names: String) -> Phrase {
        Phrase(
            id: "Tidak dipetakan (kode atau nama resmi tidak cocok): \(names)",
            en: "Not mapped (no matching kode or official name): \(names)")
    }

    /// Maps the page leaves to their PNG files.
    public static func mapInFiles(_ names: String) -> Phrase {
        Phrase(id: "Peta lain ada di berkas PNG-nya: \(names)", en: "More maps are in their PNG files: \(names)")
    }

    /// The credit every map carries.
    public static let mapCredit = Phrase(id: "Batas wilayah: \(Boundaries.credit)", en: "Boundaries: \(Boundaries.credit)")

    /// A name shortened for a label on a map, still telling a kabupaten from the kota of the
    /// same name (`Kabupaten Bekasi` → `Kab. Bekasi`, `Kota Administrasi Jakarta Pusat` →
    /// `Kota Adm. Jakarta Pusat`).
    public static func mapShortName(_ name: String) -> String {
        for (long, short) in [("Kabupaten Administrasi ", "Kab. Adm. "), ("Kota Administrasi ", "Kota Adm. "), ("Kabupaten ", "Kab. ")]
        where name.hasPrefix(long) {
            return short + name.dropFirst(long.count)
        }
        return name
    }

    /// Every map phrase with sample values, for the test that each has both languages.
    public static var mapSamples: [Phrase] {
        var out = [MapMeasure.events, .incidents, .prevention, .tally(unit: "ASN", status: .alleged)].flatMap {
            [mapMeasure($0), mapTitle($0, place: "P"), mapNationalTitle($0), mapLeader("X", $0, place: "P", value: "1"), mapSubtitle($0, nil)]
        }
        out += [
            mapPeriod(nil), mapPeriod(Month(year: 2024, month: 1)), mapProvinceTotal("P", total: "2", own: "1"), mapProvinceTally("P", value: "1", date: "d"),
            mapNoData, mapOutside,
            mapRanked, mapMore(2), mapUnjoined("X"), mapInFiles("x.png"), mapCredit
        ]
        return out
    }
}
