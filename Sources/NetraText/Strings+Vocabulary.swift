import NetraCore

/// The names of the vocabulary and of the months: one exhaustive switch each, so a new
/// case does not build until it has both its labels.
extension Strings {
    /// A kind as legends name it.
    public static func kind(_ kind: EventKind) -> Phrase {
        switch kind {
        case .regulation: return Phrase(id: "Regulasi", en: "Regulation")
        case .taskForce: return Phrase(id: "Satgas/tim", en: "Task force")
        case .directive: return Phrase(id: "Arahan", en: "Directive")
        case .sosialisasi: return Phrase(id: "Sosialisasi", en: "Awareness session")
        case .pledge: return Phrase(id: "Ikrar", en: "Pledge")
        case .incident: return Phrase(id: "Insiden", en: "Incident")
        case .response: return Phrase(id: "Tanggapan", en: "Response")
        case .report: return Phrase(id: "Laporan", en: "Report")
        case .decision: return Phrase(id: "Putusan", en: "Decision")
        case .sanction: return Phrase(id: "Sanksi", en: "Sanction")
        case .caseTally: return Phrase(id: "Rekap kasus", en: "Case tally")
        case .statement: return Phrase(id: "Pernyataan", en: "Statement")
        }
    }

    /// What event `k` is, as a reader should call it: its kind, except that a decision which
    /// sets no status is the registration of a report, not a ruling.
    public static func kind(of events: EventTable, _ k: EventIndex) -> Phrase {
        events.isRegistration(k) ? registration : kind(events.kinds[k])
    }

    /// A `decision` that sets no status: the registration of a report.
    public static let registration = Phrase(id: "Registrasi laporan", en: "Report registered")

    /// A case status, capitalised; `nil` is "no status".
    public static func status(_ status: CaseStatus?) -> Phrase {
        switch status {
        case .alleged: return Phrase(id: "Dugaan", en: "Alleged")
        case .confirmed: return Phrase(id: "Terbukti", en: "Confirmed")
        case .dismissed: return Phrase(id: "Dihentikan", en: "Dismissed")
        case .sanctioned: return Phrase(id: "Disanksi", en: "Sanctioned")
        case nil: return Phrase(id: "Status tidak diketahui", en: "Status unknown")
        }
    }

    /// A sum with unknown parts: `sedikitnya 24.013`.
    public static func atLeast(_ figure: String) -> Phrase {
        Phrase(id: "sedikitnya \(figure)", en: "at least \(figure)")
    }

    /// Why a signatories figure is a lower bound.
    public static func uncountedPledges(_ n: Int) -> Phrase {
        Phrase(id: "\(n) ikrar tanpa jumlah", en: "\(n) pledge\(n == 1 ? "" : "s") uncounted")
    }

    /// Why a chart's "sedikitnya" figure is a lower bound: `sedikitnya: 2 ikrar tanpa jumlah`.
    public static func atLeastNote(_ n: Int) -> Phrase {
        let why = uncountedPledges(n)
        return Phrase(id: "sedikitnya: \(why.id)", en: "at least: \(why.en)")
    }

    /// The row under a median: how many values it is of.
    public static let metricN = Phrase(id: "  jumlah nilai (n)", en: "  values (n)")
    /// The row saying a median is a lower bound (an imprecise date under it).
    public static let metricLowerBound = Phrase(id: "  batas bawah", en: "  lower bound")

    /// A tally series' latest figure: `Rekap terakhir: laporan, dugaan`.
    public static func tallyRow(unit: String, status: CaseStatus?) -> Phrase {
        let u = (id: unit.isEmpty ? noUnit.id : Strings.unit(unit, .id), en: unit.isEmpty ? noUnit.en : Strings.unit(unit, .en))
        let st = status.map { Strings.status($0) }
        return Phrase(
            id: "Rekap terakhir: \(u.id)" + (st.map { ", \($0.id.lowercased())" } ?? ""),
            en: "Latest tally: \(u.en)" + (st.map { ", \($0.en.lowercased())" } ?? ""))
    }
    /// The day of the tally above.
    public static let tallyRowDate = Phrase(id: "  per tanggal", en: "  as of")

    @usableFromInline package static let months: [Phrase] = [
        Phrase(id: "Januari", en: "January"), Phrase(id: "Februari", en: "February"), Phrase(id: "Maret", en: "March"),
        Phrase(id: "April", en: "April"), Phrase(id: "Mei", en: "May"), Phrase(id: "Juni", en: "June"),
        Phrase(id: "Juli", en: "July"), Phrase(id: "Agustus", en: "August"), Phrase(id: "September", en: "September"),
        Phrase(id: "Oktober", en: "October"), Phrase(id: "November", en: "November"), Phrase(id: "Desember", en: "December")
    ]
    @usableFromInline package static let shortMonths: [Phrase] = [
        Phrase(id: "Jan", en: "Jan"), Phrase(id: "Feb", en: "Feb"), Phrase(id: "Mar", en: "Mar"), Phrase(id: "Apr", en: "Apr"),
        Phrase(id: "Mei", en: "May"), Phrase(id: "Jun", en: "Jun"), Phrase(id: "Jul", en: "Jul"), Phrase(id: "Agu", en: "Aug"),
        Phrase(id: "Sep", en: "Sep"), Phrase(id: "Okt", en: "Oct"), Phrase(id: "Nov", en: "Nov"), Phrase(id: "Des", en: "Dec")
    ]

    /// `Januari` / `January` for month 1…12 (other numbers wrap around).
    public static func month(_ number: Int) -> Phrase { months[((number - 1) % 12 + 12) % 12] }

    /// `Jan`, `Agu` / `Aug` for month 1…12 (other numbers wrap around).
    public static func shortMonth(_ number: Int) -> Phrase { shortMonths[((number - 1) % 12 + 12) % 12] }
}
