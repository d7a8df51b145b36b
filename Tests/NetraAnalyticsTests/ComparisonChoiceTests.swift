import Testing
import NetraCore
@testable import NetraLoad
@testable import NetraAnalytics

/// Which two jurisdictions the comparison sets side by side when none is named (issue 31).
@Suite struct ComparisonChoiceTests {
    static func dataset(_ jurisdictions: [String], events: [(String, Int)], settings: String? = nil) throws -> Dataset {
        var rows = ["id,date,precision,kind,jurisdiction,title,source"]
        var n = 0
        for (j, count) in events {
            for _ in 0..<count { n += 1; rows.append("e\(n),2024-01-\(10 + n % 10),day,sosialisasi,\(j),Sosialisasi,Uji") }
        }
        return try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", Array((["id,name,level,parent,kode"] + jurisdictions).joined(separator: "\n").utf8)),
            elections: ("elections.csv", Array("id,name,date,scope\n".utf8)),
            events: ("events.csv", Array(rows.joined(separator: "\n").utf8)),
            settings: settings.map { ("settings.csv", Array($0.utf8)) })
    }

    static let west = ["indonesia,Indonesia,nasional,,", "jawa-barat,Jawa Barat,provinsi,indonesia,32"]
    static let bogor = ["kota-bogor,Kota Bogor,kota,jawa-barat,32.71", "kabupaten-bogor,Kabupaten Bogor,kabupaten,jawa-barat,32.01"]

    func ids(_ d: Dataset, _ c: ComparisonChoice) -> [String] {
        c.pair.map { [d.jurisdictions[$0.a].id, d.jurisdictions[$0.b].id] } ?? []
    }

    @Test func kotaWithItsKabupaten() throws {
        // The Kabupaten busier, a third place busier still, the Kabupaten first in the table:
        // still Kota Bogor with Kabupaten Bogor, the Kota first.
        let d = try Self.dataset(
            Self.west + Self.bogor.reversed() + ["kota-depok,Kota Depok,kota,jawa-barat,32.76"],
            events: [("kota-bogor", 1), ("kabupaten-bogor", 3), ("kota-depok", 9)])
        let c = d.comparisonChoice()
        #expect(ids(d, c) == ["kota-bogor", "kabupaten-bogor"])
        #expect(c.note(d) == nil)
        // Matched by name when the kode is left out; a twin with no events still pairs.
        let named = try Self.dataset(
            Self.west + ["kota-b,Kota  Bekasi,kota,jawa-barat,", "kab-b,kabupaten bekasi,kabupaten,jawa-barat,"],
            events: [("kota-b", 2)])
        #expect(ids(named, named.comparisonChoice()) == ["kota-b", "kab-b"])
    }

    @Test func theOfficeRegionsTwinsComeFirstThenTheTablesFirst() throws {
        let j = Self.west + ["kota-bekasi,Kota Bekasi,kota,jawa-barat,32.75", "kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat,32.16"] + Self.bogor
        #expect(ids(try Self.dataset(j, events: []), try Self.dataset(j, events: []).comparisonChoice()) == ["kota-bekasi", "kabupaten-bekasi"])
        let d = try Self.dataset(j, events: [], settings: "key,value\nregion,32.01\n")
        #expect(ids(d, d.comparisonChoice()) == ["kota-bogor", "kabupaten-bogor"])
        // The settings' pair, then a pair given, before either.
        let p = try Self.dataset(j, events: [], settings: "key,value\nregion,32.01\npair,\"kabupaten-bekasi,kota-bogor\"\n")
        #expect(ids(p, p.comparisonChoice()) == ["kabupaten-bekasi", "kota-bogor"])
        let given = (a: try #require(p.jurisdictionIndex["jawa-barat"]), b: try #require(p.jurisdictionIndex["indonesia"]))
        #expect(p.comparisonChoice(given: given) == .pair(given.a, given.b, .given))
    }

    @Test func noTwinsTheTwoBusiestOfTheLowestLevel() throws {
        let d = try Self.dataset(
            Self.west + [
                "kota-depok,Kota Depok,kota,jawa-barat,32.76", "kota-banjar,Kota Banjar,kota,jawa-barat,32.79",
                "kota-bogor,Kota Bogor,kota,jawa-barat,32.71"
            ],
            events: [("jawa-barat", 20), ("kota-depok", 2), ("kota-banjar", 5), ("kota-bogor", 2)])
        let c = d.comparisonChoice()
        // Ties by id; the province, with more events of its own, is not of the lowest level.
        #expect(ids(d, c) == ["kota-banjar", "kota-bogor"])
        #expect(
            c.note(d)?.en
                == "netra: no Kota and Kabupaten of one name in this dataset; comparing Kota Banjar and Kota Bogor, the two with the most events (--pair A,B chooses others)"
        )
    }

    @Test func aKotaAndItsProvinceAreNeverCompared() throws {
        let d = try Self.dataset(
            Self.west + ["kota-bogor,Kota Bogor,kota,jawa-barat,32.71"],
            events: [("kota-bogor", 4), ("jawa-barat", 3), ("indonesia", 1)])
        let c = d.comparisonChoice()
        #expect(c == .none(.fewerThanTwo(lowest: .kota)))
        #expect(d.defaultComparisonPair() == nil)
        #expect(
            c.note(d)?.id.hasPrefix(
                "Tanpa perbandingan: data ini tidak memuat Kota dan Kabupaten senama, dan kurang dari dua kabupaten/kota yang memiliki peristiwa") == true)
        #expect(c.note(d)?.en.contains("a jurisdiction is never compared with one that holds it") == true)
        // Only a province and the nation: none either.
        let p = try Self.dataset(Self.west, events: [("jawa-barat", 3), ("indonesia", 1)])
        #expect(p.comparisonChoice() == .none(.fewerThanTwo(lowest: .provinsi)))
        // Two kota, one of them without events: none.
        let e = try Self.dataset(
            Self.west + ["kota-bogor,Kota Bogor,kota,jawa-barat,32.71", "kota-depok,Kota Depok,kota,jawa-barat,32.76"],
            events: [("kota-bogor", 4)])
        #expect(e.comparisonChoice().pair == nil)
    }

    /// A chain of 2,000 kota, each under the last, an event on each: every pair nests, so there
    /// is none, found in one pass up the tree (not a walk per event and per pair).
    @Test func aDeepChainIsNoPairAndCostsLittle() throws {
        var j = ["indonesia,Indonesia,nasional,,"], prev = "indonesia"
        for k in 0..<2_000 { j.append("j\(k),J \(k),kota,\(prev),"); prev = "j\(k)" }
        let d = try Self.dataset(j, events: (0..<2_000).map { ("j\($0)", 1) })
        let clock = ContinuousClock()
        var choice: ComparisonChoice?
        let took = clock.measure { choice = d.comparisonChoice() }
        #expect(choice == .none(.fewerThanTwo(lowest: .kota)))
        #expect(took < .seconds(2), "\(took)")
        let n = d.eventsWithin()
        let top = try #require(d.jurisdictionIndex["indonesia"]), mid = try #require(d.jurisdictionIndex["j1000"])
        #expect(n[top] == 2_000 && n[mid] == 1_000)  // j1000 itself and the 999 under it
    }
}
