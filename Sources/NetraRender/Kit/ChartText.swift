import NetraCore
import NetraAnalytics

/// Month names, dates, numbers and category names as chart readers of each language write them.
public enum ChartText {
    // Month names and dates come from `DateText`, so charts, sheet and briefing agree.

    /// `Januari` / `January` for month 1…12.
    public static func monthName(_ number: Int, _ lang: Language) -> String { DateText.monthName(number, lang) }

    /// `Jan`, `Agu` / `Aug` for month 1…12.
    public static func shortMonthName(_ number: Int, _ lang: Language) -> String { DateText.shortMonthName(number, lang) }

    /// `22 Januari 2024` / `22 January 2024`.
    public static func date(_ day: Day, _ lang: Language) -> String { DateText.long(day, lang) }

    /// `22 Jan 2024`.
    public static func shortDate(_ day: Day, _ lang: Language) -> String { DateText.short(day, lang) }

    /// `22 Jan`.
    public static func dayMonth(_ day: Day, _ lang: Language) -> String {
        let c = day.components
        return "\(c.day) \(shortMonthName(c.month, lang))"
    }

    /// `Jan 2024`.
    public static func monthYear(_ month: Month, _ lang: Language) -> String { DateText.shortMonth(month, lang) }

    /// `24.013` / `24,013`: grouped thousands as each language writes them.
    public static func number(_ value: Int, _ lang: Language) -> String {
        let sep: Character = lang == .id ? "." : ","
        let digits = Array(String(value.magnitude))
        var out = ""
        for (k, d) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(sep) }
            out.append(d)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// A tick or median value: whole numbers grouped, else up to `digits` decimals with the
    /// language's decimal mark (`2,5` / `2.5`).
    public static func number(_ value: Double, _ lang: Language, digits: Int = 1) -> String {
        let rounded = value.rounded()
        if abs(value - rounded) < 1e-9, abs(rounded) < 1e15 { return number(Int(rounded), lang) }
        var f = 1.0
        for _ in 0..<max(0, digits) { f *= 10 }
        let scaled = Int((abs(value) * f).rounded())
        let whole = scaled / Int(f), frac = scaled % Int(f)
        var fracText = String(frac)
        while fracText.count < digits { fracText = "0" + fracText }
        while fracText.hasSuffix("0") { fracText.removeLast() }
        let body = number(whole, lang) + (fracText.isEmpty ? "" : (lang == .id ? "," : ".") + fracText)
        return (value < 0 && scaled != 0 ? "−" : "") + body
    }

    /// A count short enough for a marker: `950`, `1,2rb` / `1.2k`, `12rb` / `12k`, `1,5jt` / `1.5M`.
    public static func compact(_ value: Int, _ lang: Language) -> String {
        let v = Double(value.magnitude)
        let sign = value < 0 ? "−" : ""
        func scaled(_ d: Double, _ id: String, _ en: String) -> String {
            let x = v / d
            let text = x < 10 ? number((x * 10).rounded(.down) / 10, lang) : number(Int(x.rounded(.down)), lang)
            return sign + text + (lang == .id ? id : en)
        }
        if v < 1000 { return number(value, lang) }
        if v < 1_000_000 { return scaled(1000, "rb", "k") }
        return scaled(1_000_000, "jt", "M")
    }

    /// A kind as legends name it.
    public static func kind(_ kind: EventKind, _ lang: Language) -> String {
        switch (kind, lang) {
        case (.regulation, .id): return "Regulasi"
        case (.regulation, .en): return "Regulation"
        case (.taskForce, .id): return "Satgas/tim"
        case (.taskForce, .en): return "Task force"
        case (.directive, .id): return "Arahan"
        case (.directive, .en): return "Directive"
        case (.sosialisasi, .id): return "Sosialisasi"
        case (.sosialisasi, .en): return "Awareness session"
        case (.pledge, .id): return "Ikrar"
        case (.pledge, .en): return "Pledge"
        case (.incident, .id): return "Insiden"
        case (.incident, .en): return "Incident"
        case (.response, .id): return "Tanggapan"
        case (.response, .en): return "Response"
        case (.report, .id): return "Laporan"
        case (.report, .en): return "Report"
        case (.decision, .id): return "Putusan"
        case (.decision, .en): return "Decision"
        case (.sanction, .id): return "Sanksi"
        case (.sanction, .en): return "Sanction"
        case (.caseTally, .id): return "Rekap kasus"
        case (.caseTally, .en): return "Case tally"
        case (.statement, .id): return "Pernyataan"
        case (.statement, .en): return "Statement"
        }
    }

    /// A case status; `nil` is "no status".
    public static func status(_ status: CaseStatus?, _ lang: Language) -> String {
        switch (status, lang) {
        case (.alleged, .id): return "Dugaan"
        case (.alleged, .en): return "Alleged"
        case (.confirmed, .id): return "Terbukti"
        case (.confirmed, .en): return "Confirmed"
        case (.dismissed, .id): return "Dihentikan"
        case (.dismissed, .en): return "Dismissed"
        case (.sanctioned, .id): return "Disanksi"
        case (.sanctioned, .en): return "Sanctioned"
        case (nil, .id): return "Tanpa status"
        case (nil, .en): return "No status"
        }
    }

    /// A lead-time measure key as analytics names it (`prevention_lead` …), in words; other
    /// text is shown as given.
    public static func measure(_ key: String, _ lang: Language) -> String {
        switch (key, lang) {
        case ("prevention_lead", .id), ("preventionLead", .id): return "Jeda pencegahan ke pemilu"
        case ("prevention_lead", .en), ("preventionLead", .en): return "Prevention lead to election"
        case ("response_time", .id), ("responseTime", .id): return "Waktu tanggap insiden"
        case ("response_time", .en), ("responseTime", .en): return "Incident response time"
        case ("reporting_lag", .id), ("reportingLag", .id): return "Jeda pemberitaan"
        case ("reporting_lag", .en), ("reportingLag", .en): return "Reporting lag"
        default: return key
        }
    }

    /// The last part of a dataset's folder path (`datasets/bekasi-2024` → `bekasi-2024`).
    public static func datasetName(_ dataset: Dataset) -> String {
        let trimmed = dataset.name.hasSuffix("/") ? String(dataset.name.dropLast()) : dataset.name
        let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
        return last.isEmpty ? "netra" : last
    }

    /// `Sumber: dataset bekasi-2024 (12 media)` / `Source: dataset bekasi-2024 (12 outlets)`,
    /// counting distinct `source` values among `events` (all events when `nil`).
    public static func sourceFooter(_ dataset: Dataset, _ lang: Language, events: [EventIndex]? = nil) -> String {
        let n = events.map { dataset.events.outletCount($0) } ?? dataset.outletCount
        return lang == .id
            ? "Sumber: dataset \(datasetName(dataset)) (\(number(n, lang)) media) · Netra"
            : "Source: dataset \(datasetName(dataset)) (\(number(n, lang)) \(n == 1 ? "outlet" : "outlets")) · Netra"
    }
}

/// The fixed words of the charts in both languages.
public enum ChartString: Sendable, CaseIterable {
    case monthlyTitle, allJurisdictions, events, eventsAxis, monthAxis, dateAxis
    case timelineTitle, moreEvents, electionDay, onOrBefore, monthOrYear, span, clustered, rolledUp, underIt, lanesHidden, link
    case comparisonTitle, preventionPanel, incidentPanel, signatoriesPanel, total, withinOne, withinNote, firstPrevention, nonePrevention
    case leadTitle, leadAxis, median, exact, imprecise, days
    case signatories, unknown
    case casesTitle, casesPanel, signatoriesOverTime, countAxis, seriesHidden, noData, outsideWindow
    case rowsHidden, leadDotsNote, leadBandsNote

    /// The words in `lang`.
    public func text(_ lang: Language) -> String {
        let (id, en) = pair
        return lang == .id ? id : en
    }

    private var pair: (String, String) {
        switch self {
        case .monthlyTitle: return ("Peristiwa netralitas ASN per bulan", "ASN neutrality events per month")
        case .allJurisdictions: return ("Semua wilayah", "All jurisdictions")
        case .events: return ("peristiwa", "events")
        case .eventsAxis: return ("Jumlah peristiwa", "Number of events")
        case .monthAxis: return ("Bulan (menurut tanggal awal peristiwa)", "Month (by the event's start date)")
        case .dateAxis: return ("Tanggal", "Date")
        case .timelineTitle: return ("Lini masa netralitas ASN", "ASN neutrality timeline")
        case .moreEvents: return ("lainnya", "more")
        case .electionDay: return ("Hari pemungutan suara", "Election day")
        case .onOrBefore: return ("paling lambat (tanggal diberitakan)", "on or before (date reported)")
        case .monthOrYear: return ("hanya bulan/tahun diketahui", "month/year only")
        case .span: return ("rentang", "span")
        case .clustered: return ("dikelompokkan per wilayah dan periode", "grouped by jurisdiction and period")
        case .rolledUp: return ("kab/kota digabung ke wilayah induknya", "cities and regencies merged into their parent")
        case .underIt: return ("kab/kota di bawahnya", "below it merged")
        case .lanesHidden: return ("wilayah tidak ditampilkan", "jurisdictions not shown")
        case .link: return ("tautan antarperistiwa", "link between events")
        case .comparisonTitle: return ("Perbandingan pencegahan dan penanganan", "Prevention and handling compared")
        case .preventionPanel: return ("Kegiatan pencegahan (jumlah)", "Prevention events (count)")
        case .incidentPanel: return ("Insiden menurut status (jumlah)", "Incidents by status (count)")
        case .signatoriesPanel: return ("Penanda tangan ikrar (orang)", "Pledge signatories (people)")
        case .total: return ("Total", "Total")
        case .withinOne: return ("termasuk wilayah di bawahnya", "including the jurisdictions under it")
        case .withinNote: return ("termasuk wilayah di bawahnya", "including the jurisdictions under each")
        case .firstPrevention: return ("pencegahan pertama", "first prevention")
        case .nonePrevention: return ("belum ada pencegahan", "no prevention yet")
        case .leadTitle: return ("Jeda waktu per wilayah", "Lead times per jurisdiction")
        case .leadAxis: return ("Hari", "Days")
        case .median: return ("median", "median")
        case .exact: return ("tanggal pasti", "exact date")
        case .imprecise: return ("tanggal tidak pasti", "imprecise date")
        case .days: return ("hari", "days")
        case .signatories: return ("Penanda tangan", "Signatories")
        case .unknown: return ("tidak diketahui", "unknown")
        case .casesTitle: return ("Kasus dan penanda tangan ikrar dari waktu ke waktu", "Cases and pledge signatories over time")
        case .casesPanel: return ("Rekap kasus (angka terakhir yang dilaporkan)", "Case tallies (latest reported figure)")
        case .signatoriesOverTime: return ("Penanda tangan ikrar (kumulatif)", "Pledge signatories (cumulative)")
        case .countAxis: return ("Jumlah", "Count")
        case .seriesHidden: return ("seri lain tidak ditampilkan", "more series not shown")
        case .noData: return ("Tidak ada data untuk digambar", "No data to draw")
        case .outsideWindow: return ("di luar rentang", "outside the window")
        case .rowsHidden: return ("baris lain tidak ditampilkan", "more rows not shown")
        case .leadDotsNote: return ("titik kosong: tanggal tidak pasti", "hollow dots: imprecise dates")
        case .leadBandsNote: return ("pita: banyaknya per hari, bagian pucat: tanggal tidak pasti",
                                     "bands: how many per day, pale part: imprecise dates")
        }
    }
}
