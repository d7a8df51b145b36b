import Testing
import NetraCore
@testable import NetraAnalytics

/// The series the cases chart draws, as plain values of the dataset.
@Suite struct TallySeriesTests {
    @Test func snapshotsReplaceAndSignatoriesAddUp() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let t = TallySeries(d)
        let indonesia = try #require(d.jurisdictionIndex["indonesia"])
        let jabar = try #require(d.jurisdictionIndex["jawa-barat"])
        let kota = try #require(d.jurisdictionIndex["kota-bekasi"])
        // KASN's reported ASN: 403 in February, then 464 in June, a snapshot each, never summed.
        let reported = try #require(t.values[.init(jurisdiction: indonesia, status: .alleged, unit: "ASN", panel: 0)])
        #expect(reported.map(\.value).prefix(2) == [403, 464])
        // The 20 West Java cases of 22 Jan 2024, in their own unit.
        let cases = try #require(t.values[.init(jurisdiction: jabar, status: .alleged, unit: "kasus", panel: 0)])
        #expect(cases.map(\.value) == [20] && cases.first?.day == Day(year: 2024, month: 1, day: 22))
        // Kota Bekasi's signatories: a pledge without a count takes no part, 24,013 then.
        let signed = try #require(t.values[.init(jurisdiction: kota, status: nil, unit: "", panel: 1)])
        #expect(signed.map(\.value) == [24013])
    }
}
