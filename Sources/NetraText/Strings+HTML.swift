import NetraCore

/// The words of `report.html`: headings, controls, the details panel and its notes.
extension Strings {
    /// The page's title.
    public static let htmlTitle = Phrase(id: "Laporan netralitas ASN", en: "ASN neutrality report")
    public static let htmlKeyFigures = Phrase(id: "Angka kunci", en: "Key figures")
    public static let htmlFilters = Phrase(id: "Saring", en: "Filter")
    public static let htmlAllKinds = Phrase(id: "Semua jenis", en: "All kinds")
    public static let htmlKind = Phrase(id: "Jenis", en: "Kind")
    public static let htmlJurisdiction = Phrase(id: "Wilayah", en: "Jurisdiction")
    public static let htmlSearch = Phrase(id: "Cari judul, sumber, kutipan…", en: "Search titles, sources, quotes…")
    public static let htmlPermalink = Phrase(id: "Tautan ke tampilan ini", en: "Link to this view")
    public static let htmlTimeline = Phrase(id: "Lini masa", en: "Timeline")
    public static let htmlZoomIn = Phrase(id: "Perbesar", en: "Zoom in")
    public static let htmlZoomOut = Phrase(id: "Perkecil", en: "Zoom out")
    public static let htmlZoomReset = Phrase(id: "Semua", en: "All")
    public static let htmlTimelineHelp = Phrase(
        id: "Seret untuk menggeser; cubit, Ctrl + roda tetikus atau tombol + / − untuk memperbesar; ketuk tanda untuk rinciannya.",
        en: "Drag to pan; pinch, Ctrl + mouse wheel or the + / − buttons to zoom; tap a mark for its details.")
    /// The timeline's colour key: its name, and the entry of the election rules.
    public static let htmlTimelineKey = Phrase(id: "Keterangan warna", en: "Colour key")
    public static let htmlElectionDay = Phrase(id: "Hari pemungutan suara", en: "Election day")
    public static let htmlCharts = Phrase(id: "Grafik", en: "Charts")
    public static let htmlEventList = Phrase(id: "Daftar peristiwa", en: "Event list")
    public static let htmlDate = Phrase(id: "Tanggal", en: "Date")
    public static let htmlTitleColumn = Phrase(id: "Judul", en: "Title")
    /// The status column's head: each cell says whose status it is.
    public static let htmlStatus = Phrase(id: "Status", en: "Status")

    /// An incident's status as of the data's day (`per 19 Feb 2025: terbukti`).
    public static func htmlStatusAsOf(_ status: String, day: String?) -> Phrase {
        let s = status.lowercased()
        guard let day else { return Phrase(id: "per tanggal data: \(s)", en: "as of the data's date: \(s)") }
        return Phrase(id: "per \(day): \(s)", en: "as of \(day): \(s)")
    }

    /// The status a decision or sanction set for the incidents it reaches.
    public static func htmlStatusSet(_ status: String) -> Phrase {
        let s = status.lowercased()
        return Phrase(id: "menetapkan: \(s)", en: "set: \(s)")
    }

    /// The status of the cases a tally counts.
    public static func htmlStatusCounted(_ status: String) -> Phrase {
        let s = status.lowercased()
        return Phrase(id: "kasus yang dihitung: \(s)", en: "cases counted: \(s)")
    }
    public static let htmlSource = Phrase(id: "Sumber", en: "Source")
    public static let htmlQuote = Phrase(id: "Kutipan", en: "Quote")
    public static let htmlNotes = Phrase(id: "Catatan", en: "Notes")
    public static let htmlLinked = Phrase(id: "Peristiwa terkait", en: "Linked events")
    public static let htmlPrecision = Phrase(id: "Ketepatan tanggal", en: "Date precision")
    public static let htmlClose = Phrase(id: "Tutup", en: "Close")
    public static let htmlEventLink = Phrase(id: "Tautan ke peristiwa ini", en: "Link to this event")
    public static let htmlNoMatch = Phrase(id: "Tidak ada peristiwa yang cocok.", en: "No event matches.")
    public static let htmlPrevention = Phrase(id: "Kegiatan pencegahan", en: "Prevention events")
    public static let htmlIncidents = Phrase(id: "Insiden", en: "Incidents")
    public static let htmlOutlets = Phrase(id: "Media sumber", en: "Source outlets")
    public static let htmlJurisdictions = Phrase(id: "Wilayah dengan peristiwa", en: "Jurisdictions with events")
    public static let htmlEvents = Phrase(id: "Peristiwa", en: "Events")
    public static let htmlMadeWith = Phrase(
        id: "Dibuat dengan Netra; berkas ini bekerja tanpa internet.",
        en: "Made with Netra; this file works offline.")
    /// A cluster mark's details: `1.234 peristiwa, Jan 2024`.
    public static let htmlClusterOf = Phrase(id: "peristiwa dalam periode ini; jenis terbanyak", en: "events in this period; most frequent kind")

    /// `12 dari 120 peristiwa ditampilkan`.
    public static func htmlShown(_ shown: String, of total: String) -> Phrase {
        Phrase(id: "\(shown) dari \(total) peristiwa ditampilkan", en: "\(shown) of \(total) events shown")
    }

    /// `1.000 dari 5.000 peristiwa ditampilkan (daftar memuat 1.000 pertama)`: a list cut for
    /// size counts what it shows against every event, and says how many it holds.
    public static func htmlShownCapped(_ shown: String, of listed: String, total: String) -> Phrase {
        Phrase(
            id: "\(shown) dari \(total) peristiwa ditampilkan (daftar memuat \(listed) pertama menurut tanggal)",
            en: "\(shown) of \(total) events shown (the list holds the first \(listed) by date)")
    }

    /// Under a table cut for size.
    public static func htmlTableCapped(_ listed: String, of total: String) -> Phrase {
        Phrase(
            id: "Hanya \(listed) peristiwa pertama (menurut tanggal) dari \(total) yang dicantumkan agar berkas tetap ringan; semuanya ada di events.csv.",
            en: "Only the first \(listed) of \(total) events (by date) are listed, to keep the file light; events.csv holds them all.")
    }

    /// Under a timeline drawn as counted marks.
    public static func htmlTimelineClustered(_ total: String) -> Phrase {
        Phrase(
            id:
                "\(total) peristiwa terlalu banyak untuk satu tanda per peristiwa: lini masa mengelompokkannya per wilayah dan periode, seperti timeline.png; warna menurut jenis terbanyak.",
            en:
                "\(total) events are too many for a mark each: the timeline groups them per jurisdiction and period, as timeline.png does; coloured by the most frequent kind."
        )
    }

    /// How precisely a date is known.
    public static func precision(_ p: Precision) -> Phrase {
        switch p {
        case .day: return Phrase(id: "hari pasti", en: "exact day")
        case .month: return Phrase(id: "hanya bulan", en: "month only")
        case .year: return Phrase(id: "hanya tahun", en: "year only")
        case .onOrBefore: return Phrase(id: "paling lambat tanggal ini (tanggal diberitakan)", en: "on or before this day (the day it was reported)")
        }
    }

    /// A link between two events, read from the effect.
    public static func relation(_ r: Relation) -> Phrase {
        switch r {
        case .respondsTo: return Phrase(id: "menanggapi", en: "responds to")
        case .followsUp: return Phrase(id: "menindaklanjuti", en: "follows up")
        case .implements: return Phrase(id: "melaksanakan", en: "implements")
        case .reports: return Phrase(id: "melaporkan", en: "reports")
        case .decides: return Phrase(id: "memutus", en: "decides")
        case .sanctions: return Phrase(id: "menyanksi", en: "sanctions")
        case .partOf: return Phrase(id: "bagian dari", en: "part of")
        }
    }

    /// A link read from the cause: the event that reaches it.
    public static let htmlLinkedFrom = Phrase(id: "ditindaklanjuti oleh", en: "followed by")

    /// Every HTML phrase with sample values, for the test that each has both languages.
    @usableFromInline package static var htmlSamples: [Phrase] {
        [
            htmlTitle, htmlKeyFigures, htmlFilters, htmlAllKinds, htmlKind, htmlJurisdiction, htmlSearch,
            htmlPermalink, htmlTimeline, htmlZoomIn, htmlZoomOut, htmlZoomReset, htmlTimelineHelp, htmlTimelineKey, htmlElectionDay, htmlCharts, htmlEventList,
            htmlDate, htmlTitleColumn, htmlStatus, htmlSource, htmlQuote, htmlNotes, htmlLinked, htmlPrecision, htmlClose,
            htmlEventLink, htmlNoMatch, htmlPrevention, htmlIncidents, htmlOutlets, htmlJurisdictions, htmlEvents, htmlMadeWith,
            htmlClusterOf, htmlLinkedFrom, htmlShown("1", of: "2"), htmlShownCapped("1", of: "2", total: "3"), htmlStatusAsOf("x", day: "y"),
            htmlStatusAsOf("x", day: nil),
            htmlStatusSet("x"), htmlStatusCounted("x"), htmlTableCapped("1", of: "2"), htmlTimelineClustered("2")
        ]
            + Precision.allCases.map(precision) + Relation.allCases.map(relation)
    }
}
