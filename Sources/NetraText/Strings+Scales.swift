/// The words of charts whose scales and titles say what they show (issue 14, point 6): titles
/// made from the figures, panel headers that name their axis, units in the reader's language.
extension Strings {
    /// `1 event` / `2 events`: English nouns follow the count; Indonesian ones do not change.
    static func noun(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }

    // MARK: Comparison

    /// The comparison's title, first part: prevention on each side, the larger first.
    public static func comparePrevention(first: String, _ a: String, second: String, _ b: String, count: Int) -> Phrase {
        Phrase(
            id: "\(first): \(a) kegiatan pencegahan, \(second): \(b)",
            en: "\(first): \(a) prevention \(noun(count, "event", "events")), \(second): \(b)")
    }

    /// The comparison's title, first part, when both sides have as many.
    public static func comparePreventionEqual(first: String, second: String, _ n: String, count: Int) -> Phrase {
        Phrase(
            id: "\(first) dan \(second): masing-masing \(n) kegiatan pencegahan",
            en: "\(first) and \(second): \(n) prevention \(noun(count, "event", "events")) each")
    }

    /// The comparison's title, first part, short (a portrait chart): `Pencegahan: Kabupaten 7, Kota 2`.
    public static func comparePreventionShort(first: String, _ a: String, second: String, _ b: String) -> Phrase {
        Phrase(id: "Pencegahan: \(first) \(a), \(second) \(b)", en: "Prevention: \(first) \(a), \(second) \(b)")
    }

    /// The comparison's title, second part: incidents on one side only.
    public static func compareIncidentsOnly(_ name: String) -> Phrase {
        Phrase(id: "insiden hanya di \(name)", en: "incidents only in \(name)")
    }

    /// The comparison's title, second part: no incident on either side.
    public static let compareNoIncidents = Phrase(id: "tanpa insiden", en: "no incidents")

    /// The comparison's title, second part: incidents on both sides.
    public static func compareIncidents(_ a: String, in first: String, _ b: String, in second: String) -> Phrase {
        Phrase(id: "insiden: \(first) \(a), \(second) \(b)", en: "incidents: \(first) \(a), \(second) \(b)")
    }

    // MARK: Lead times

    /// The lead-time panel of prevention, with what its axis counts.
    public static let leadPreventionPanel = Phrase(id: "Pencegahan: hari sebelum pemilu", en: "Prevention: days before the election")

    /// The lead-time panel of incident handling, with what its axis counts.
    public static let leadHandlingPanel = Phrase(
        id: "Penanganan insiden: hari dari insiden ke langkah pertama",
        en: "Incident handling: days from incident to first step")

    /// The lead-time panel of reporting lags, with what its axis counts.
    public static let leadReportingPanel = Phrase(
        id: "Jeda pemberitaan: hari dari peristiwa ke terbitnya berita",
        en: "Reporting lag: days from the event to publication")

    /// The lead-time panel of measures given by other names.
    public static let leadOtherPanel = Phrase(id: "Jeda waktu lain (hari)", en: "Other lead times (days)")

    /// `12 hari` / `12 days`, `1 day`; `value` already written.
    public static func days(_ value: String, count: Int) -> Phrase {
        Phrase(id: "\(value) hari", en: "\(value) \(noun(count, "day", "days"))")
    }

    /// `23–510 hari` / `23–510 days`: a span of days (one figure when both ends agree).
    public static func daySpan(_ lo: String, _ hi: String, loCount: Int, hiCount: Int) -> Phrase {
        if lo == hi { return days(lo, count: loCount) }
        // A dash between figures that are not negative; words where a minus would run into it.
        if loCount >= 0 { return Phrase(id: "\(lo)–\(hi) hari", en: "\(lo)–\(hi) \(noun(hiCount, "day", "days"))") }
        return Phrase(id: "\(lo) s.d. \(hi) hari", en: "\(lo) to \(hi) \(noun(hiCount, "day", "days"))")
    }

    /// The lead-time title's prevention part, with a median (from three values on).
    public static func leadPreventionMedian(_ days: Phrase) -> Phrase {
        Phrase(id: "Pencegahan median \(days.id) sebelum pemilu", en: "Prevention a median \(days.en) before the election")
    }

    /// The lead-time title's prevention part, as the span of its values (too few for a median).
    public static func leadPreventionSpan(_ span: Phrase) -> Phrase {
        Phrase(id: "Pencegahan \(span.id) sebelum pemilu", en: "Prevention \(span.en) before the election")
    }

    /// The lead-time title's handling part: how many incidents have any recorded follow-up.
    public static func leadHandlingFollowed(_ n: Int, of total: Int, capitalised: Bool) -> Phrase {
        Phrase(
            id: "\(n) dari \(total) insiden punya tindak lanjut tercatat",
            en: "\(n) of \(total) incident\(total == 1 ? "" : "s") \(n == 1 ? "has" : "have") a recorded follow-up")
    }

    /// The lead-time title's handling part: the span of every first step's days.
    public static func leadHandlingSpan(_ span: Phrase, capitalised: Bool) -> Phrase {
        Phrase(
            id: "\(capitalised ? "Langkah" : "langkah") pertama yang tercatat \(span.id) setelah insiden",
            en: "\(capitalised ? "First" : "first") recorded steps \(span.en) after the incident")
    }

    /// The lead-time title's handling part, every first step on the incident's day.
    public static func leadHandlingSameDay(capitalised: Bool) -> Phrase {
        Phrase(
            id: "\(capitalised ? "Insiden" : "insiden") ditangani pada hari yang sama",
            en: "\(capitalised ? "Incidents" : "incidents") handled the same day")
    }

    // MARK: Monthly

    /// The monthly chart's title: its busiest month (`scope` names the jurisdiction, if one).
    public static func monthlyPeak(scope: String?, month: String, _ n: String, count: Int) -> Phrase {
        let events = noun(count, "event", "events")
        guard let scope else {
            return Phrase(id: "Bulan tersibuk: \(month), \(n) peristiwa", en: "Busiest month: \(month), \(n) \(events)")
        }
        return Phrase(id: "\(scope): bulan tersibuk \(month), \(n) peristiwa", en: "\(scope): busiest month \(month), \(n) \(events)")
    }

    /// The monthly chart's title when several months share the most, as a person says it:
    /// `Bulan tersibuk: Nov 2023 dan Jan 2024, 4 peristiwa` for two months, `Bulan tersibuk:
    /// 4 peristiwa, 3 kali sejak Nov 2023` for more; a jurisdiction leads as in `monthlyPeak`
    /// (`Kabupaten Bekasi: bulan tersibuk …`), with one colon only. Short: it is a title.
    public static func monthlyPeakTied(scope: String?, month: String, _ n: String, count: Int, months: Int, second: String? = nil) -> Phrase {
        let events = noun(count, "event", "events")
        let lead = scope.map { (id: "\($0): bulan tersibuk", en: "\($0): busiest months") } ?? (id: "Bulan tersibuk:", en: "Busiest months:")
        if months == 2, let second {
            return Phrase(
                id: "\(lead.id) \(month) dan \(second), \(n) peristiwa",
                en: "\(lead.en) \(month) and \(second), \(n) \(events)")
        }
        // "X: bulan tersibuk dengan 4 peristiwa", where no colon comes before the count.
        let with = scope == nil ? (id: "", en: "") : (id: "dengan ", en: "with ")
        return Phrase(
            id: "\(lead.id) \(with.id)\(n) peristiwa, \(months) kali sejak \(month)",
            en: "\(lead.en) \(with.en)\(n) \(events), \(months) times since \(month)")
    }

    /// The briefed month's figure: `Januari 2024: 12 peristiwa`. A nil month leaves the name
    /// out (`12 peristiwa`), for a chart on a page that names the month already.
    public static func monthlyMonth(_ month: String?, _ n: String, count: Int) -> Phrase {
        monthLead(month, id: "\(n) peristiwa", en: "\(n) \(noun(count, "event", "events"))")
    }

    /// … and no month since `since` had as many.
    public static func monthlyMostSince(_ month: String?, _ n: String, count: Int, since: String) -> Phrase {
        monthLead(
            month, id: "\(n) peristiwa, terbanyak sejak \(since)",
            en: "\(n) \(noun(count, "event", "events")), the most since \(since)")
    }

    /// … and no earlier month had as many.
    public static func monthlyMostSoFar(_ month: String?, _ n: String, count: Int) -> Phrase {
        monthLead(
            month, id: "\(n) peristiwa, terbanyak sejauh ini",
            en: "\(n) \(noun(count, "event", "events")), the most of any month so far")
    }

    /// The briefed month without events.
    public static func monthlyNone(_ month: String?) -> Phrase {
        monthLead(month, id: "tidak ada peristiwa", en: "no events")
    }

    /// `Month: what`, or `What` alone when the month goes without saying.
    static func monthLead(_ month: String?, id: String, en: String) -> Phrase {
        guard let month else { return Phrase(id: capitalized(id), en: capitalized(en)) }
        return Phrase(id: "\(month): \(id)", en: "\(month): \(en)")
    }

    /// Units the data writes in Indonesian, in English (others are shown as written).
    static let unitsInEnglish: [String: String] = [
        "kasus": "cases", "dugaan pelanggaran": "alleged violations", "pernyataan": "statements",
        "rekomendasi": "recommendations", "orang": "people", "pelanggaran": "violations", "laporan": "reports",
        "temuan": "findings", "asn": "ASN", "pns": "PNS",
        // The units of the Pilkada tallies (datasets/bekasi-2024).
        "asn dilaporkan ke bkn": "ASN reported to BKN", "dugaan pelanggaran pilkada": "alleged Pilkada violations",
        "dugaan pelanggaran netralitas asn": "alleged ASN-neutrality violations",
        "kasus asn diteruskan": "ASN cases forwarded", "kasus netralitas asn": "ASN-neutrality cases",
        "temuan dan laporan netralitas asn": "ASN-neutrality findings and reports",
        // Kota Bekasi's Pilkada ASN case ruled guilty (issue 27, point 10 on main).
        "kasus netralitas asn pilkada": "ASN-neutrality cases in the Pilkada"
    ]

    /// A tally's or pledge's unit in `lang`: known Indonesian units translated for English.
    public static func unit(_ unit: String, _ lang: Language) -> String {
        guard lang == .en else { return unit }
        return unitsInEnglish[unit.lowercased()] ?? unit
    }

    /// Every phrase of this file with sample values, for the test that each has both languages.
    public static var scaleSamples: [Phrase] {
        [
            comparePrevention(first: "A", "7", second: "B", "2", count: 7), comparePreventionShort(first: "A", "7", second: "B", "2"),
            comparePreventionEqual(first: "A", second: "B", "1", count: 1),
            compareIncidentsOnly("A"), compareNoIncidents, compareIncidents("1", in: "A", "2", in: "B"),
            leadPreventionPanel, leadHandlingPanel, leadReportingPanel, leadOtherPanel,
            days("1", count: 1), daySpan("0", "6", loCount: 0, hiCount: 6),
            leadPreventionMedian(days("84", count: 84)), leadHandlingFollowed(1, of: 1, capitalised: true), leadHandlingFollowed(2, of: 3, capitalised: false),
            leadPreventionSpan(daySpan("23", "510", loCount: 23, hiCount: 510)),
            leadHandlingSpan(daySpan("0", "6", loCount: 0, hiCount: 6), capitalised: true), leadHandlingSameDay(capitalised: false),
            monthlyPeak(scope: nil, month: "x", "5", count: 5), monthlyPeak(scope: "A", month: "x", "1", count: 1),
            monthlyPeakTied(scope: "A", month: "x", "2", count: 2, months: 3), monthlyPeakTied(scope: nil, month: "x", "2", count: 2, months: 2, second: "y"),
            monthlyMonth("x", "3", count: 3), monthlyMostSince("x", "3", count: 3, since: "y"), monthlyMostSoFar("x", "3", count: 3),
            monthlyNone("x")
        ]
    }
}

extension Strings {
    /// `s` with its first letter a capital, for a phrase that opens a title.
    @usableFromInline package static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
