import NetraCore
import NetraLoad

/// A small valid dataset as text, to be broken one way at a time.
public enum Fixture {
    public static let jurisdictions = """
        id,name,level,parent
        indonesia,Indonesia,nasional,
        jawa-barat,Jawa Barat,provinsi,indonesia
        kota-bekasi,Kota Bekasi,kota,jawa-barat
        kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat

        """
    public static let elections = """
        id,name,date,scope
        pemilu-2024,Pemilu 2024,2024-02-14,indonesia
        pilkada-2024,Pilkada 2024,2024-11-27,indonesia

        """
    public static let header = "id,date,precision,kind,jurisdiction,title,count,status,links,source,source_date"
    public static let rows = [
        "pledge,2023-11-02,day,pledge,kota-bekasi,Ikrar,24013,,,Rakyat Bekasi,2024-01-04",
        "photo,2023-12-29,day,incident,kota-bekasi,Jersey photo,,dismissed,,Rakyat Bekasi,2024-01-04",
        "report,2024-01-02,day,report,kota-bekasi,Report,,,reports:photo,Radar Bekasi,2024-01-04",
        "decision,2024-01-22,day,decision,kota-bekasi,Decision,,,decides:report,Kabar Bekasi,2024-01-22"
    ]
    public static var events: String { ([header] + rows).joined(separator: "\n") + "\n" }

    public static func load(events: String? = nil, jurisdictions: String? = nil, elections: String? = nil) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array((jurisdictions ?? Self.jurisdictions).utf8)),
            elections: ("elections.csv", Array((elections ?? Self.elections).utf8)),
            events: ("events.csv", Array((events ?? Self.events).utf8)))
    }

    /// The messages a broken dataset gives, one per line.
    public static func problems(events: String? = nil, jurisdictions: String? = nil, elections: String? = nil) -> [String] {
        do {
            _ = try load(events: events, jurisdictions: jurisdictions, elections: elections)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The events file with row `index` (0-based, after the header) replaced.
    public static func eventsWith(_ index: Int, _ row: String) -> String {
        var r = rows
        r[index] = row
        return ([header] + r).joined(separator: "\n") + "\n"
    }

    /// The events file with one more row.
    public static func eventsPlus(_ row: String) -> String {
        ([header] + rows + [row]).joined(separator: "\n") + "\n"
    }
}
