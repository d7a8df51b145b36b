import NetraCore

/// The words of the timeline chart, both languages side by side.
extension Strings {
    /// "34 peristiwa" / "34 events" (English counts one "event").
    public static func eventCount(_ n: Int, _ shown: String) -> Phrase {
        Phrase(id: "\(shown) peristiwa", en: n == 1 ? "\(shown) event" : "\(shown) events")
    }

    /// The headline's first part: how many events, where. `place` is set when all are in one.
    public static func timelineWhere(
        events n: Int, shown: String, jurisdictions m: Int, shownJurisdictions: String,
        place: String?
    ) -> Phrase {
        let count = eventCount(n, shown)
        if let place { return Phrase(id: "\(count.id) di \(place)", en: "\(count.en) in \(place)") }
        return Phrase(
            id: "\(count.id) di \(shownJurisdictions) wilayah",
            en: "\(count.en) in \(shownJurisdictions) " + (m == 1 ? "jurisdiction" : "jurisdictions"))
    }

    /// The headline when one month stands out: "Bulan terpadat Jan 2024: 12 dari 34 peristiwa,
    /// 5 di Jawa Barat". `lane` is `nil` when no one jurisdiction holds most of it.
    public static func timelinePeak(
        month m: Month, count: String, of total: Int, shownTotal: String,
        lane: (name: String, count: String)?
    ) -> Phrase {
        let month = Phrase(id: DateText.shortMonth(m, .id), en: DateText.shortMonth(m, .en))
        let base = Phrase(
            id: "Bulan terpadat \(month.id): \(count) dari \(shownTotal) peristiwa",
            en: "Busiest month \(month.en): \(count) of \(shownTotal) " + (total == 1 ? "event" : "events"))
        guard let lane else { return base }
        return Phrase(id: base.id + ", \(lane.count) di \(lane.name)", en: base.en + ", \(lane.count) in \(lane.name)")
    }

    /// Said in the subtitle when the sparse start of the axis is drawn narrower.
    public static func compressedBefore(_ d: Day, events: String, count: Int) -> Phrase {
        let day = Phrase(id: DateText.short(d, .id), en: DateText.short(d, .en))
        return Phrase(
            id: "sebelum \(day.id) skala dipadatkan (\(events) peristiwa)",
            en: "axis compressed before \(day.en) (\(events) " + (count == 1 ? "event)" : "events)"))
    }

    /// The cluster size key's words before its circles ("Per kuartal; luas lingkaran ∼ jumlah").
    public static func clusterKey(period: Phrase) -> Phrase {
        Phrase(
            id: "Per \(period.id) dan wilayah; luas lingkaran sebanding dengan jumlah peristiwa:",
            en: "Per \(period.en) and jurisdiction; circle area proportional to the number of events:")
    }

    /// The key's note on circles drawn at the smallest visible size.
    public static func clusterFloor(_ n: String) -> Phrase {
        Phrase(id: "titik terkecil: \(n) atau kurang", en: "smallest dots: \(n) or fewer")
    }

    /// A cluster's period, for the key.
    public static func clusterPeriod(days: Double) -> Phrase {
        switch days {
        case ..<2: return Phrase(id: "hari", en: "day")
        case ..<8: return Phrase(id: "minggu", en: "week")
        case ..<32: return Phrase(id: "bulan", en: "month")
        case ..<100: return Phrase(id: "kuartal", en: "quarter")
        case ..<400: return Phrase(id: "tahun", en: "year")
        case ..<4000: return Phrase(id: "dasawarsa", en: "decade")
        case ..<40000: return Phrase(id: "abad", en: "century")
        default: return Phrase(id: "milenium", en: "millennium")
        }
    }

    /// Said under a lane's name for linked events left without a label inside a chain whose
    /// first and last are labelled.
    public static func chainRest(_ n: String, count: Int) -> Phrase {
        Phrase(id: "+\(n) di tengah rangkaian", en: count == 1 ? "+\(n) inside a chain" : "+\(n) inside chains")
    }

    /// Every timeline phrase with sample values, for the test that each has both languages.
    public static var timelineSamples: [Phrase] {
        let m = Month(year: 2024, month: 1)
        return [
            eventCount(1, "1"), eventCount(2, "2"),
            timelineWhere(events: 34, shown: "34", jurisdictions: 4, shownJurisdictions: "4", place: nil),
            timelineWhere(events: 1, shown: "1", jurisdictions: 1, shownJurisdictions: "1", place: "Kota Bekasi"),
            timelinePeak(month: m, count: "12", of: 34, shownTotal: "34", lane: nil),
            timelinePeak(month: m, count: "12", of: 34, shownTotal: "34", lane: ("Jawa Barat", "5")),
            compressedBefore(m.firstDay, events: "4", count: 4),
            compressedBefore(m.firstDay, events: "1", count: 1),
            clusterKey(period: clusterPeriod(days: 91)), clusterFloor("2"),
            chainRest("1", count: 1), chainRest("2", count: 2)
        ]
            + [1, 7, 30, 91, 365, 3650, 36500, 365000].map { clusterPeriod(days: Double($0)) }
    }
}
