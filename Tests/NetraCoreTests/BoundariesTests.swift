import Testing
import Foundation
@testable import NetraCore
import NetraTestSupport

/// The built-in boundaries the maps draw: one shape per region, where the codes say.
@Suite struct BoundariesTests {
    @Test func everyRegionHasAShape() {
        #expect(Boundaries.grid == 1000)
        #expect(Boundaries.kabkota.codes.count == 514)
        #expect(Boundaries.provinsi.codes.count == 38)
        for r in Regions.all {
            let layer = r.level == .provinsi ? Boundaries.provinsi : Boundaries.kabkota
            let shape = layer[r.kode]
            #expect(shape != nil, "\(r.kode) \(r.name) has no shape")
            guard let shape else { continue }
            #expect(!shape.polygons.isEmpty && shape.polygons.allSatisfy { $0.allSatisfy { $0.count >= 3 } }, "\(r.kode)")
            #expect(shape.area > 0, "\(r.kode)")
            // The label's point lies inside the region itself.
            #expect(shape.contains(shape.anchor), "\(r.kode) \(r.name): its anchor is outside it")
        }
        // Kota Bekasi sits on Kabupaten Bekasi's west, Jakarta's east: 106.9–107.05°E, 6.2–6.4°S.
        let kota = Boundaries.kabkota["32.75"]
        #expect(kota.map { $0.minX >= 106_880 && $0.maxX <= 107_060 && $0.minY >= -6_400 && $0.maxY <= -6_150 } == true)
    }

    /// Each kabupaten/kota lies inside its province (a different layer of the source): its
    /// label point inside the province's shape, its box inside the province's box.
    @Test func kabupatenKotaLieInsideTheirProvince() throws {
        for kode in Boundaries.kabkota.codes {
            let shape = try #require(Boundaries.kabkota[kode])
            let province = try #require(Boundaries.provinsi[String(kode.prefix(2))], "\(kode) has no province shape")
            #expect(province.contains(shape.anchor), "\(kode) \(Regions.region(kode: kode)?.name ?? "")'s point lies outside province \(province.kode)")
            // 0.02° (2 km) of slack: the two layers were simplified apart.
            let slack: Int32 = 20
            #expect(
                shape.minX >= province.minX - slack && shape.maxX <= province.maxX + slack
                    && shape.minY >= province.minY - slack && shape.maxY <= province.maxY + slack, "\(kode) reaches outside province \(province.kode)")
        }
    }

    /// Neighbours are drawn from one line: Kota and Kabupaten Bekasi share border points, and
    /// a hole is kept (Kota Bogor lies in a hole of Kabupaten Bogor).
    @Test func bordersAreSharedAndHolesKept() throws {
        let kota = try #require(Boundaries.kabkota["32.75"]), kab = try #require(Boundaries.kabkota["32.16"])
        let a = Set(kota.polygons.flatMap { $0.flatMap { $0 } }), b = Set(kab.polygons.flatMap { $0.flatMap { $0 } })
        #expect(a.intersection(b).count >= 8)
        let bogor = try #require(Boundaries.kabkota["32.01"]), kotaBogor = try #require(Boundaries.kabkota["32.71"])
        #expect(bogor.polygons.contains { $0.count > 1 })
        #expect(!bogor.contains(kotaBogor.anchor))
        #expect(kotaBogor.contains(kotaBogor.anchor))
    }

    /// `tools/make_boundaries.py` makes the shipped resource again, byte for byte, from
    /// ../shared/boundaries (Debian's python3; skipped where either is missing).
    @Test func theScriptRemakesTheResourceByteForByte() throws {
        let raw = TestPaths.packageRoot + "/../shared/boundaries"
        guard FileManager.default.fileExists(atPath: "/usr/bin/python3"), FileManager.default.fileExists(atPath: raw + "/kab") else { return }
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        let out = folders.make("boundaries") + "/Boundaries+Data.swift"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [TestPaths.packageRoot + "/tools/make_boundaries.py", raw, out]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let made = try Data(contentsOf: URL(fileURLWithPath: out))
        let shipped = try Data(contentsOf: URL(fileURLWithPath: TestPaths.packageRoot + "/Sources/NetraCore/Regions/Boundaries+Data.swift"))
        #expect(made == shipped)
        #expect(shipped.count < 1_000_000)
    }

    @Test func joinsByKodeElseByAnUnambiguousOfficialName() throws {
        let js = [
            Jurisdiction(id: "id", name: "Indonesia", level: .nasional, parent: nil),
            Jurisdiction(id: "jb", name: "Jawa Barat", level: .provinsi, parent: 0),
            Jurisdiction(id: "kota", name: "Kota Bekasi", level: .kota, parent: 1),
            Jurisdiction(id: "kab", name: "Bekasi Regency", level: .kabupaten, parent: 1, kode: "32.16"),
            Jurisdiction(id: "nowhere", name: "Kota Antah Berantah", level: .kota, parent: 1),
            Jurisdiction(id: "badkode", name: "Kota Bogor", level: .kota, parent: 1, kode: "32.99"),
            Jurisdiction(id: "twice", name: "Kota Bekasi", level: .kota, parent: 1),
            // The name is a kota's, the level says kabupaten: not joined by name.
            Jurisdiction(id: "wrong-level", name: "Kota Depok", level: .kabupaten, parent: 1)
        ]
        let d = Dataset(events: [], jurisdictions: js, elections: [], name: "t")
        let join = RegionJoin(d)
        #expect(join.kode.values == [nil, "32", "32.75", "32.16", nil, nil, nil, nil])
        #expect(join.unjoined.map(\.jurisdiction.raw) == [4, 5, 6, 7])
        #expect(join.unjoined.map(\.miss) == [.noMatch, .unknownKode("32.99"), .sameRegion(2), .noMatch])
        #expect(join.jurisdiction["32.75"] == 2)
    }
}
