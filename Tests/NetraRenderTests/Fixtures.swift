import NetraCore
import NetraRender
import NetraTestSupport
import NetraLoad
import NetraWrite
#if canImport(Glibc)
import Glibc
#endif

/// Small datasets built in code, shaped like the Bekasi data.
enum Fixtures {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day(ordinal: 0) }

    static func date(_ y: Int, _ m: Int, _ d: Int, _ p: Precision = .day) -> EventDate {
        EventDate(written: WrittenDate(anchor: day(y, m, d), form: .day), precision: p)
    }

    static func monthDate(_ y: Int, _ m: Int) -> EventDate {
        EventDate(written: WrittenDate(anchor: day(y, m, 1), form: .month), precision: .month)
    }

    static func yearDate(_ y: Int) -> EventDate {
        EventDate(written: WrittenDate(anchor: day(y, 1, 1), form: .year), precision: .year)
    }

    static let indonesia: JurisdictionIndex = 0, jabar: JurisdictionIndex = 1, kota: JurisdictionIndex = 2, kabupaten: JurisdictionIndex = 3

    static let jurisdictions = [
        Jurisdiction(id: "indonesia", name: "Indonesia", level: .nasional, parent: nil),
        Jurisdiction(id: "jawa-barat", name: "Jawa Barat", level: .provinsi, parent: 0),
        Jurisdiction(id: "kota-bekasi", name: "Kota Bekasi", level: .kota, parent: 1),
        Jurisdiction(id: "kabupaten-bekasi", name: "Kabupaten Bekasi", level: .kabupaten, parent: 1)
    ]

    static let elections = [
        Election(id: "pemilu-2024", name: "Pemilu 2024", date: day(2024, 2, 14), scope: 0),
        Election(id: "pilkada-2024", name: "Pilkada 2024", date: day(2024, 11, 27), scope: 0)
    ]

    /// Twenty events over Sep 2022 – Aug 2024 with every precision, links, counts and statuses.
    static func bekasi() -> Dataset {
        var e: [Event] = []
        func add(
            _ id: String, _ d: EventDate, _ k: EventKind, _ j: JurisdictionIndex, _ title: String, count: Int? = nil,
            status: CaseStatus? = nil, end: Day? = nil, links: [(Relation, String)] = [], source: String = "Radar Bekasi"
        ) {
            let ls = links.compactMap { l in e.firstIndex { $0.id == l.1 }.map { Link(relation: l.0, target: EventIndex($0)) } }
            e.append(
                Event(
                    id: id, date: d, endDate: end, kind: k, jurisdiction: j, title: title, count: count,
                    status: status, links: ls, source: source))
        }
        add("nas-skb", date(2022, 9, 22), .regulation, indonesia, "Joint decree (SKB) on ASN neutrality", source: "inspira.tv")
        add("kab-2022-incident", yearDate(2022), .incident, kabupaten, "First ASN neutrality incident in Kabupaten Bekasi", status: .alleged)
        add("kab-pledge-2022", date(2022, 10, 17), .pledge, kabupaten, "Kabupaten Bekasi neutrality pledge", source: "BPBD")
        add("kota-bapenda", date(2023, 9, 18, .onOrBefore), .incident, kota, "Bapenda staff gathering in red shirts", status: .dismissed)
        add(
            "kota-bapenda-report", date(2023, 9, 18), .report, kota, "Report to Bawaslu on the Bapenda gathering",
            links: [(.reports, "kota-bapenda")])
        add("kota-pledge", date(2023, 11, 2), .pledge, kota, "Pemkot Bekasi neutrality briefing and pledge")
        add(
            "kota-pledge-follow", date(2023, 11, 4), .pledge, kota, "Pledge follow-up: 24,013 signed statements", count: 24013,
            end: day(2023, 11, 13), links: [(.followsUp, "kota-pledge")])
        add("kab-ban", date(2023, 11, 22, .onOrBefore), .directive, kabupaten, "Ban on number-gesture photos", source: "KBEONLINE")
        add(
            "kab-satgas", date(2023, 11, 22, .onOrBefore), .taskForce, kabupaten, "Satgas Netralitas ASN formed",
            links: [(.implements, "nas-skb")], source: "KBEONLINE")
        add("kab-decree", yearDate(2023), .regulation, kabupaten, "Keputusan Bupati HK/02/02/2023 on the Tim Pengawas")
        add("kab-sosialisasi", date(2023, 12, 6), .sosialisasi, kabupaten, "Sosialisasi Netralitas ASN led by the Pj Bupati")
        add("kota-jersey", date(2023, 12, 29), .incident, kota, "Pj Wali Kota and camat pose with jersey number two", status: .dismissed)
        add("kota-jersey-report", date(2024, 1, 2), .report, kota, "Report on the jersey photo", links: [(.reports, "kota-jersey")])
        add("kota-kesbangpol", date(2024, 1, 3), .statement, kota, "Kesbangpol head: neutrality guaranteed")
        add("jabar-tally", date(2024, 1, 22), .caseTally, jabar, "Bawaslu Jawa Barat: 20 alleged cases", count: 20, status: .alleged)
        add("jabar-sosialisasi", date(2024, 1, 22), .sosialisasi, jabar, "Sosialisasi at Gedung Sate")
        add(
            "kota-jersey-decision", date(2024, 1, 22), .decision, kota, "Bawaslu: no violation in the jersey case",
            links: [(.decides, "kota-jersey-report")])
        add("nas-kasn-403", date(2024, 2, 6), .caseTally, indonesia, "KASN: 403 ASN reported", count: 403, status: .alleged, source: "Antara")
        add("nas-kasn-464", date(2024, 6, 12), .caseTally, indonesia, "KASN at the DPR: 464 ASN reported", count: 464, status: .alleged, source: "tirto.id")
        add("kota-photo", monthDate(2024, 5), .incident, kota, "Kesbangpol secretary in photo backing a hopeful", status: .alleged)
        add("kota-reprimand", date(2024, 5, 13), .response, kota, "Kesbangpol head promises a reprimand", links: [(.respondsTo, "kota-photo")])
        return Dataset(events: e, jurisdictions: jurisdictions, elections: elections, name: "datasets/bekasi-fixture")
    }

    static var packageRoot: String { TestPaths.packageRoot }

    /// The dataset shipped in this checkout.
    static func shipped() throws -> Dataset {
        try DatasetLoader.load(directory: TestPaths.packageRoot + "/datasets/bekasi-2024")
    }

    /// Writes a PNG for eyeballing when `NETRA_RENDER_CHECK` names a folder.
    static func keep(_ png: [UInt8], _ name: String) {
        guard let p = getenv("NETRA_RENDER_CHECK") else { return }
        let folder = String(cString: p)
        try? OutputFolder.writeAtomically(png, to: folder + "/" + name)
    }
}
