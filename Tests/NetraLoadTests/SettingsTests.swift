@testable import NetraLoad
import Testing
import NetraTestSupport
@testable import NetraCore

/// The regions looked up as an office types them, and the dataset's settings table (issue 31).
@Suite struct RegionLookupTests {
    @Test func aRegionIsFoundByCodeDigitsOrName() {
        for text in ["32.71", "3271", " 32.71 ", "Kota Bogor", "kota bogor", "KOTA  BOGOR", "\tkota bogor "] {
            #expect(Regions.lookup(text)?.kode == "32.71", "\(text)")
        }
        #expect(Regions.lookup("32")?.name == "Jawa Barat")
        #expect(Regions.lookup("Kabupaten Bogor")?.kode == "32.01")
        for text in ["", "32.7", "327", "32711", "Bogor", "Kota Bogr"] { #expect(Regions.lookup(text) == nil, "\(text)") }
    }

    @Test func aKotaHasItsKabupatenOfOneName() {
        let pairs = [("32.71", "32.01"), ("32.75", "32.16"), ("32.73", "32.04"), ("32.74", "32.09"), ("32.72", "32.02"), ("32.78", "32.06")]
        for (kota, kab) in pairs {
            #expect(Regions.twin(of: Regions.region(kode: kota)!)?.kode == kab, "\(kota)")
            #expect(Regions.twin(of: Regions.region(kode: kab)!)?.kode == kota, "\(kab)")
        }
        // Kota Depok and Kota Banjar have no Kabupaten of their name; a province has no twin.
        #expect(Regions.twin(of: Regions.region(kode: "32.76")!) == nil)
        #expect(Regions.twin(of: Regions.region(kode: "32")!) == nil)
    }

    @Test func theNearestNamesOfAMisspelling() {
        #expect(Regions.nearest("kota bogr").first?.kode == "32.71")
        #expect(Regions.nearest("bogor").map(\.kode) == ["32.01", "32.71"])
        #expect(Regions.nearest("zzzqqq").isEmpty)
        #expect(Regions.matching("bogor").map(\.kode) == ["32.01", "32.71"])
        #expect(Regions.matching("3271").map(\.kode) == ["32.71"])
        #expect(Regions.matching("").count == Regions.all.count)
    }
}

@Suite struct DatasetSettingsTests {
    static func load(_ settings: String) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array(Fixture.jurisdictions.utf8)),
            elections: ("elections.csv", Array(Fixture.elections.utf8)),
            events: ("events.csv", Array(Fixture.events.utf8)),
            settings: ("settings.csv", Array(settings.utf8)))
    }

    static func problems(_ settings: String) -> [String] {
        do { _ = try load(settings); return [] } catch { return error.diagnostics.map(\.description) }
    }

    @Test func theSettingsAreRead() throws {
        let d = try Self.load(
            """
            key,value,note
            office,  Bawaslu Kota Bekasi ,whose briefing
            region,3275,
            pair,"kabupaten-bekasi, kota-bekasi",
            lang,en,

            """)
        #expect(d.settings.office == "Bawaslu Kota Bekasi")
        #expect(d.settings.region == "32.75")
        #expect(d.settings.pair?.a == "kabupaten-bekasi" && d.settings.pair?.b == "kota-bekasi")
        #expect(d.settings.lang == "en")
        // Indonesian keys, `;` between the pair, empty values unset.
        let id = try Self.load("key;value\nkantor;Bawaslu Jawa Barat\npasangan;kota-bekasi,kabupaten-bekasi\nbahasa;\nwilayah;\n")
        #expect(id.settings == DatasetSettings(office: "Bawaslu Jawa Barat", pair: ("kota-bekasi", "kabupaten-bekasi")))
        // No settings table: nothing set, nothing invented.
        #expect(try Fixture.load().settings == DatasetSettings())
    }

    @Test func everyBadSettingIsReportedAtItsCell() {
        let p = Self.problems(
            """
            key,value
            ofice,Bawaslu
            lang,fr
            region,Kota Bekasy
            pair,kota-bekasi
            pair,"kota-bekasi,jawa-barat"
            office,\(String(repeating: "x", count: 81))
            office,Bawaslu

            """)
        #expect(
            p == [
                "settings.csv:2:1: key: unknown setting 'ofice'; expected one of: office, region, pair, lang",
                "settings.csv:3:6: value: unknown language 'fr'; expected id or en",
                "settings.csv:4:8: value: unknown region 'Kota Bekasy'; expected a Kemendagri code (32.71) or a name (Kota Bogor); nearest: 32.75 Kota Bekasi",
                "settings.csv:5:6: value: a pair is two jurisdiction ids separated by a comma, e.g. kota-bogor,kabupaten-bogor; got 'kota-bekasi'",
                "settings.csv:6:1: key: 'pair' is set twice (first on line 5)",
                "settings.csv:7:8: value: the office's name is 81 characters long; at most 80, it heads every page",
                "settings.csv:8:1: key: 'office' is set twice (first on line 7)"
            ], "\(p)")
        #expect(
            Self.problems("key,value\npair,\"kota-bekasi,jawa-barat\"\n")
                == ["settings.csv:2:6: value: 'kota-bekasi' lies within 'jawa-barat', which counts its events too; compare two that do not hold each other"])
        #expect(
            Self.problems("key,value\npair,\"kota-bekasi,kota-bogor\"\n").first?.hasPrefix(
                "settings.csv:2:6: value: unknown jurisdiction 'kota-bogor'; expected one of: ") == true)
        #expect(Self.problems("key\noffice\n") == ["settings.csv:1:1: missing column 'value'; the header needs: key, value"])
    }
}
