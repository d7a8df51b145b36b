import Testing
import NetraCore
@testable import NetraLoad
@testable import NetraAnalytics

/// `diff` compares every column of every table, the ones Netra does not use included.
@Suite struct DiffColumnsTests {
    static let events = "id,date,precision,kind,jurisdiction,title,source\ne1,2024-01-02,day,incident,kota,Kejadian,Sumber\n"

    static func load(jurisdictions: String, elections: String) throws -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array(jurisdictions.utf8)),
            elections: ("elections.csv", Array(elections.utf8)),
            events: ("events.csv", Array(events.utf8)))
    }

    @Test func extraColumnsOfJurisdictionsAndElectionsAreCompared() throws {
        let a = try Self.load(
            jurisdictions: "id,name,level,parent,kode,kontak,catatan\nindonesia,Indonesia,nasional,,,,\nkota,Kota,kota,indonesia,32.75,0812,lama\n",
            elections: "id,name,date,scope,putaran\npemilu,Pemilu,2024-02-14,indonesia,1\n")
        // Columns in another order, one changed, one gone, one new.
        let b = try Self.load(
            jurisdictions: "id,name,level,parent,catatan,kode,wilayah\nindonesia,Indonesia,nasional,,,,\nkota,Kota,kota,indonesia,baru,32.75,\n",
            elections: "id,name,date,scope,putaran\npemilu,Pemilu,2024-02-14,indonesia,2\n")
        let d = DatasetDiff(old: a, new: b)
        let got = d.entries.map { "\($0.change.rawValue) \($0.table.rawValue) \($0.id) \($0.field) \($0.old)→\($0.new)" }
        #expect(
            got == [
                "changed jurisdictions kota kontak 0812→",
                "changed jurisdictions kota catatan lama→baru",
                "changed elections pemilu putaran 1→2"
            ])
        #expect(d.changed == 2)
        #expect(DatasetDiff(old: a, new: a).entries.isEmpty)
    }
}
