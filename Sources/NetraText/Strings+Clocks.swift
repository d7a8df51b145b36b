/// The words of the case clocks (`netra cases`, cases.csv, clocks.png, the briefing's line),
/// both languages side by side.
extension Strings {
    /// A unit with its count: `7 hari`, `14 hari kerja`.
    public static func clockUnit(_ n: String, _ unit: ClockUnitWord) -> Phrase {
        switch unit {
        case .hari: return Phrase(id: "\(n) hari", en: "\(n) days")
        case .hariKerja: return Phrase(id: "\(n) hari kerja", en: "\(n) working days")
        }
    }

    /// The mark shown wherever an unchecked rule is used.
    public static let unverifiedMark = Phrase(id: "belum terverifikasi", en: "unverified")

    /// A clock's state.
    public static func clockState(_ s: String) -> Phrase {
        switch s {
        case "open": return Phrase(id: "berjalan", en: "open")
        case "overdue": return Phrase(id: "melewati batas", en: "overdue")
        case "open_uncertain": return Phrase(id: "berjalan, batas tak pasti", en: "open, limit uncertain")
        case "within": return Phrase(id: "selesai dalam batas", en: "closed within the limit")
        case "late": return Phrase(id: "selesai melewati batas", en: "closed past the limit")
        default: return Phrase(id: "selesai, batas tak pasti", en: "closed, limit uncertain")
        }
    }

    /// The briefing's line when reports are overdue: `2 laporan melewati batas 7 hari`.
    public static func overdueLine(count: Int, limit: Int, unit: ClockUnitWord, unverified: Bool) -> Phrase {
        let l = clockUnit("\(limit)", unit)
        let mark = unverified ? " (\(unverifiedMark.id))" : ""
        let markEN = unverified ? " (\(unverifiedMark.en))" : ""
        return Phrase(
            id: "\(count) laporan melewati batas \(l.id)\(mark)",
            en: "\(count) report\(count == 1 ? "" : "s") past the limit of \(l.en)\(markEN)")
    }

    /// `netra cases` when nothing is open (or overdue) as of the day.
    public static func noClocks(overdueOnly: Bool, day: String) -> Phrase {
        overdueOnly
            ? Phrase(id: "Tidak ada laporan yang melewati batas per \(day).", en: "Nothing overdue as of \(day).")
            : Phrase(id: "Tidak ada jam perkara yang berjalan per \(day).", en: "No case clock open as of \(day).")
    }

    /// The heading of `netra cases`.
    public static func clocksHeading(day: String, overdueOnly: Bool) -> Phrase {
        overdueOnly
            ? Phrase(id: "Jam perkara melewati batas per \(day)", en: "Case clocks overdue as of \(day)")
            : Phrase(id: "Jam perkara berjalan per \(day)", en: "Case clocks open as of \(day)")
    }

    /// A working-day clock over a day the calendar does not cover.
    public static func outsideCalendar(rule: String, event: String, day: String, years: String) -> Phrase {
        Phrase(
            id: "\(rule) pada \(event): \(day) di luar kalender hari kerja (\(years)); hari kerja tidak dihitung",
            en: "\(rule) on \(event): \(day) is outside the working-day calendar (\(years)); working days not counted")
    }

    /// The clocks chart's title, subtitle and panels.
    public static let clocksTitle = Phrase(id: "Lama penanganan perkara per tahap", en: "Time in each stage of a case")
    public static let clocksSubtitle = Phrase(
        id: "Hari kalender · batang: median (kurang dari 3 nilai: satu titik per nilai) · garis tebal: terlama · garis putus: batas",
        en: "Calendar days · bar: median (fewer than 3 values: a dot per value) · thick tick: longest · dashed: limit")
    public static let receivedClosedTitle = Phrase(
        id: "Laporan diterima dan diputus, per kabupaten/kota",
        en: "Reports received and decided, per kabupaten/kota")
    public static let received = Phrase(id: "diterima", en: "received")
    public static let closed = Phrase(id: "diputus", en: "decided")
    public static let forwardedWaiting = Phrase(id: "diteruskan, menunggu sanksi", en: "forwarded, awaiting sanction")
    /// Kabupaten/kota rows the clocks chart had no room for.
    public static func placesNotShown(_ n: Int) -> Phrase {
        Phrase(id: "+\(n) kabupaten/kota lain tidak ditampilkan (semua ada di cases.csv)", en: "+\(n) more kabupaten/kota not shown (all are in cases.csv)")
    }
    public static let limitWord = Phrase(id: "batas", en: "limit")
    public static let medianWord = Phrase(id: "median", en: "median")
    public static let longestWord = Phrase(id: "terlama", en: "longest")
    public static let stillOpen = Phrase(id: "masih berjalan", en: "still open")
    public static let noCases = Phrase(id: "Belum ada laporan dengan tahap tercatat", en: "No report with recorded stages yet")

    /// A stage pair's row label: `Laporan → registrasi`.
    public static func stagePair(_ a: String, _ b: String) -> Phrase {
        func word(_ s: String) -> (String, String) {
            switch s {
            case "incident": return ("kejadian", "incident")
            case "report": return ("laporan", "report")
            case "registration": return ("registrasi", "registration")
            case "decision": return ("putusan", "decision")
            case "forwarding": return ("diteruskan", "forwarded")
            default: return ("sanksi", "sanction")
            }
        }
        let x = word(a), y = word(b)
        return Phrase(
            id: x.0.prefix(1).uppercased() + x.0.dropFirst() + " → " + y.0,
            en: x.1.prefix(1).uppercased() + x.1.dropFirst() + " → " + y.1)
    }

    /// Every clock phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var clockSamples: [Phrase] {
        [
            clockUnit("7", .hari), clockUnit("14", .hariKerja), unverifiedMark, overdueLine(count: 2, limit: 7, unit: .hari, unverified: false),
            noClocks(overdueOnly: true, day: "x"), noClocks(overdueOnly: false, day: "x"), clocksHeading(day: "x", overdueOnly: true),
            clocksHeading(day: "x", overdueOnly: false), outsideCalendar(rule: "r", event: "e", day: "d", years: "y"),
            clocksTitle, clocksSubtitle, limitWord, longestWord, stillOpen, receivedClosedTitle, received, closed, forwardedWaiting, noCases, placesNotShown(3),
            stagePair("report", "decision")
        ]
            + ["open", "overdue", "open_uncertain", "within", "late", "ended_uncertain"].map(clockState)
    }
}

/// The two units as the catalogue words them.
public enum ClockUnitWord: Sendable { case hari, hariKerja }
