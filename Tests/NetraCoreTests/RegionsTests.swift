import Testing
import Foundation
@testable import NetraCore
import NetraTestSupport
@testable import NetraLoad

/// The built-in regions of Indonesia and the `kode` column they check.
@Suite struct RegionsTests {
    @Test func theTableHoldsEveryProvinceAndKabupatenKota() {
        #expect(Regions.all.count == 552)
        #expect(Regions.provinces.count == 38)
        #expect(Regions.all.filter { $0.level == .kabupaten }.count == 416)
        #expect(Regions.all.filter { $0.level == .kota }.count == 98)
        #expect(Regions.members(of: "32").count == 27)
        #expect(Regions.region(kode: "32.75") == Region(kode: "32.75", name: "Kota Bekasi", level: .kota, province: "32"))
        #expect(Regions.region(kode: "32.16")?.name == "Kabupaten Bekasi")
        #expect(Regions.region(kode: "32")?.name == "Jawa Barat")
        #expect(Regions.region(named: " kota bekasi ")?.kode == "32.75")
        #expect(Regions.region(kode: "32.99") == nil)
        // Every kabupaten/kota sits in a province of the table, under its code's prefix.
        for r in Regions.all where r.level != .provinsi {
            #expect(r.province.map { Regions.region(kode: $0)?.level == .provinsi && r.kode.hasPrefix($0 + ".") } == true, "\(r.kode)")
        }
    }

    @Test func idsAreTheNamesAsSlugs() {
        #expect(Regions.region(kode: "32.75")?.id == "kota-bekasi")
        #expect(Regions.region(kode: "32")?.id == "jawa-barat")
        #expect(Regions.slug("Kota Administrasi Jakarta Pusat") == "kota-administrasi-jakarta-pusat")
        #expect(Regions.slug("  Kep. Bangka  Belitung ") == "kep-bangka-belitung")
        // Every id a region gives is a slug, and no two are the same.
        #expect(Regions.all.allSatisfy { Slug.problem($0.id.utf8) == nil })
        #expect(Set(Regions.all.map(\.id)).count == Regions.all.count)
    }

    @Test func theShippedDatasetCarriesItsCodes() throws {
        let d = try DatasetLoader.load(directory: TestPaths.shippedDataset)
        #expect(d.jurisdictions.map(\.kode) == [nil, "32", "32.75", "32.16"])
        #expect(DatasetWarnings.kodes(d, directory: TestPaths.shippedDataset).isEmpty)
    }

    static let header = "id,name,level,parent,kode\n"

    @Test func aCodeIsCheckedAgainstTheTableAtItsCell() {
        let j =
            Self.header + """
                indonesia,Indonesia,nasional,,00
                jawa-barat,Jawa Barat,provinsi,indonesia,31
                kota-bekasi,Kota Bekasi,kota,jawa-barat,32.75
                kabupaten-bekasi,Kabupaten Bekasi,kota,jawa-barat,32.16
                y,Y,kota,jawa-barat,32.99
                z,Z,kota,jawa-barat,3275
                w,W,provinsi,indonesia,32.75
                v,V,kota,indonesia,32

                """
        #expect(
            Fixture.problems(jurisdictions: j) == [
                "jurisdictions.csv:2:31: kode: a nasional jurisdiction has no Kemendagri code; leave kode empty",
                "jurisdictions.csv:4:41: kode: '32.75' lies in province 32, but parent 'jawa-barat' has kode '31'",
                "jurisdictions.csv:5:51: kode: '32.16' is a kabupaten (Kabupaten Bekasi), but level is 'kota'",
                "jurisdictions.csv:6:21: kode: unknown Kemendagri code '32.99'",
                "jurisdictions.csv:7:21: kode: '3275' is not a Kemendagri code; expected NN for a province or NN.NN for a kabupaten/kota, e.g. 32.75",
                "jurisdictions.csv:8:24: kode: '32.75' is a kota (Kota Bekasi), but level is 'provinsi'",
                "jurisdictions.csv:9:20: kode: '32' is a province (Jawa Barat), but level is 'kota'"
            ])
    }

    @Test func aFileWithoutKodeAndEmptyCodesAreFine() throws {
        #expect(Fixture.problems().isEmpty)
        let j =
            Self.header
            + "indonesia,Indonesia,nasional,,\njawa-barat,Jawa Barat,provinsi,indonesia,\nkota-bekasi,Kota Bekasi,kota,jawa-barat,32.75\nkabupaten-bekasi,K,kabupaten,jawa-barat,\n"
        let d = try Fixture.load(jurisdictions: j)
        #expect(d.jurisdictions.map(\.kode) == [nil, nil, "32.75", nil])
        // A kabupaten/kota whose parent has no code is not held to a province.
        let k =
            Self.header
            + "indonesia,Indonesia,nasional,,\njawa-barat,Jawa Barat,provinsi,indonesia,\nkota-bekasi,Kota Bekasi,kota,jawa-barat,31.71\nkabupaten-bekasi,K,kabupaten,jawa-barat,\n"
        #expect(Fixture.problems(jurisdictions: k).isEmpty)
    }

    @Test func aKnownNameWithoutItsCodeGetsAHint() throws {
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        let dir = folders.make("kode-hint")
        // `name` is the third column here: the hint points at the name cell.
        let j =
            "id,level,name,parent\nindonesia,nasional,Indonesia,\njawa-barat,provinsi,Jawa Barat,indonesia\nkota-bekasi,kota,KOTA BEKASI,jawa-barat\nkabupaten-bekasi,kabupaten,Bekasi,jawa-barat\n"
        try j.write(toFile: dir + "/jurisdictions.csv", atomically: true, encoding: .utf8)
        try Fixture.elections.write(toFile: dir + "/elections.csv", atomically: true, encoding: .utf8)
        try Fixture.events.write(toFile: dir + "/events.csv", atomically: true, encoding: .utf8)
        let d = try DatasetLoader.load(directory: dir)
        #expect(
            DatasetWarnings.kodes(d, directory: dir).map(\.description) == [
                "\(dir)/jurisdictions.csv:3:21: hint: kode: 'Jawa Barat' is Kemendagri code 32; write it in a kode column so the data joins official tables",
                "\(dir)/jurisdictions.csv:4:18: hint: kode: 'KOTA BEKASI' is Kemendagri code 32.75; write it in a kode column so the data joins official tables"
            ])
    }
}
