/// The fixed words of charts, sheet, Markdown and terminal, each in both languages.
///
/// Every user-facing label lives in this catalogue: fixed words here, vocabulary and month
/// names in `Strings+Vocabulary.swift`, words around a value in `Strings+Templates.swift`.
public enum StringKey: Sendable, CaseIterable {
    // Charts.
    case monthlyTitle, allJurisdictions, events, eventsAxis, monthAxis, dateAxis
    case timelineTitle, moreEvents, electionDay, onOrBefore, monthOrYear, span, clustered, rolledUp, underIt, lanesHidden, link
    case comparisonTitle, preventionPanel, incidentPanel, signatoriesPanel, total, withinOne, withinNote, firstPrevention, nonePrevention
    case leadTitle, leadAxis, median, exact, imprecise, days, leadTimes
    case signatories, unknown
    case casesTitle, casesSubtitle, casesPanel, signatoriesOverTime, countAxis, seriesHidden, noData, outsideWindow
    case rowsHidden, leadDotsNote, leadBandsNote
    // Briefing sheet and its key figures.
    case sheetEventsHeading, sameAsLastMonth, fromLastMonth, nextElection, noElectionAhead, fromMonthEnd
    case eventsThisMonth, newIncidents, medianDaysToResponse, medianDaysToReport, incidentsSoFar
    case pledgeSignatories, totalSoFar
    // Briefing Markdown.
    case keyFigures, kindColumn, eventsHeading, sourcePrefix
    // Dates, terminal tables and messages.
    case onOrBeforePrefix, metricColumn, yes, no
    // The exported workbook's sheets and its summary.
    case sheetSummary, sheetEvents, sheetMonthly, sheetTallies, sheetLeadTimes, sheetComparison
    case figureColumn, valueColumn, asOfFigure, eventsFigure, jurisdictionsFigure, electionsFigure, firstEventFigure, lastEventFigure
    case eventsOfKind, sourcesHeading, eventsColumn

    /// The words in `lang`.
    public func text(_ lang: Language) -> String { phrase.text(lang) }

    /// Both languages.
    public var phrase: Phrase {
        let (id, en) = pair
        return Phrase(id: id, en: en)
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
        case .leadTimes: return ("jeda waktu", "lead times")
        case .signatories: return ("Penanda tangan", "Signatories")
        case .unknown: return ("tidak diketahui", "unknown")
        case .casesTitle: return ("Kasus dan penanda tangan ikrar dari waktu ke waktu", "Cases and pledge signatories over time")
        case .casesSubtitle:
            return (
                "Rekap: angka per tanggal laporan, bukan tambahan · ikrar: jumlah berjalan",
                "Tallies: figures as of each report, not increments · pledges: running total"
            )
        case .casesPanel: return ("Rekap kasus (angka terakhir yang dilaporkan)", "Case tallies (latest reported figure)")
        case .signatoriesOverTime: return ("Penanda tangan ikrar (kumulatif)", "Pledge signatories (cumulative)")
        case .countAxis: return ("Jumlah", "Count")
        case .seriesHidden: return ("seri lain tidak ditampilkan", "more series not shown")
        case .noData: return ("Tidak ada data untuk digambar", "No data to draw")
        case .outsideWindow: return ("di luar rentang", "outside the window")
        case .rowsHidden: return ("baris lain tidak ditampilkan", "more rows not shown")
        case .leadDotsNote: return ("titik kosong: tanggal tidak pasti", "hollow dots: imprecise dates")
        case .leadBandsNote:
            return (
                "pita: banyaknya per hari, bagian pucat: tanggal tidak pasti",
                "bands: how many per day, pale part: imprecise dates"
            )
        case .sheetEventsHeading: return ("Kegiatan bulan ini", "This month's events")
        case .sameAsLastMonth: return ("sama dengan bulan lalu", "same as last month")
        case .fromLastMonth: return ("dari bulan lalu", "vs last month")
        case .nextElection: return ("Pemilu berikutnya", "Next election")
        case .noElectionAhead: return ("tidak ada setelah tanggal ini dalam data", "none after this date in the dataset")
        case .fromMonthEnd: return ("dari akhir bulan, ", "from month end, ")
        case .eventsThisMonth: return ("Kegiatan bulan ini", "Events this month")
        case .newIncidents: return ("Insiden baru diberitakan", "New incidents reported")
        case .medianDaysToResponse: return ("Median hari ke tanggapan", "Median days to response")
        case .medianDaysToReport: return ("Median hari ke laporan", "Median days to report")
        case .incidentsSoFar: return ("insiden s.d. bulan ini", "incidents so far")
        case .pledgeSignatories: return ("Penanda tangan ikrar", "Pledge signatories")
        case .totalSoFar: return ("jumlah s.d. bulan ini", "total so far")
        case .keyFigures: return ("Angka kunci", "Key figures")
        case .yes: return ("ya", "yes")
        case .no: return ("tidak", "no")
        case .kindColumn: return ("jenis", "kind")
        case .eventsHeading: return ("Kegiatan", "Events")
        case .sourcePrefix: return ("Sumber: ", "Source: ")
        case .onOrBeforePrefix: return ("paling lambat ", "by ")
        case .metricColumn: return ("Ukuran", "Metric")
        case .sheetSummary: return ("Ringkasan", "Summary")
        case .sheetEvents: return ("Peristiwa", "Events")
        case .sheetMonthly: return ("Bulanan", "Monthly")
        case .sheetTallies: return ("Tallies", "Tallies")
        case .sheetLeadTimes: return ("Lead time", "Lead times")
        case .sheetComparison: return ("Perbandingan", "Comparison")
        case .figureColumn: return ("Angka", "Figure")
        case .valueColumn: return ("Nilai", "Value")
        case .asOfFigure: return ("Per tanggal", "As of")
        case .eventsFigure: return ("Jumlah peristiwa", "Events")
        case .jurisdictionsFigure: return ("Jumlah wilayah", "Jurisdictions")
        case .electionsFigure: return ("Jumlah pemilu", "Elections")
        case .firstEventFigure: return ("Peristiwa pertama", "First event")
        case .lastEventFigure: return ("Peristiwa terakhir", "Last event")
        case .eventsOfKind: return ("Peristiwa: ", "Events: ")
        case .sourcesHeading: return ("Sumber", "Source")
        case .eventsColumn: return ("Peristiwa", "Events")
        }
    }
}
