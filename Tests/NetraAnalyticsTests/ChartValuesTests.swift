import Testing
import NetraCore
@testable import NetraAnalytics

/// The values pages and charts take instead of counting events themselves (issue 30, point 4),
/// each checked against figures counted by hand from the shipped dataset's events.csv.
@Suite struct ChartValuesTests {
    /// report.html's key figures: 66 events; 17 prevention (2 regulations, 2 task forces,
    /// 7 directives, 2 sosialisasi, 4 pledges); 6 incidents: 3 alleged (the lurah volunteer,
    /// the blue shirt, the Kesbangpol photo), 1 confirmed (the jersey photo, by the correction
    /// of 2 Feb 2024), 1 dismissed (the Bapenda gathering), 1 without a status (2022's);
    /// 4 jurisdictions; 34 outlets (sources told apart without case); no sanction.
    @Test func keyFiguresOfTheShippedDataset() throws {
        let a = try #require(shipped)
        let f = KeyFigures(a)
        #expect(f.events == 66)
        #expect(f.prevention == 17)
        #expect(f.incidents == 6)
        #expect(f.incidentsByStatus == [3, 1, 1, 0])
        #expect(CaseStatus.allCases == [.alleged, .confirmed, .dismissed, .sanctioned])
        #expect(f.incidentsWithoutStatus == 1)
        #expect(f.statuses.map(\.status) == [.alleged, .confirmed, .dismissed, nil])
        #expect(f.statuses.map(\.count) == [3, 1, 1, 1])
        #expect(f.jurisdictions == 4)
        #expect(f.outlets == 34)
        #expect(f.kinds == EventKind.allCases.filter { $0 != .sanction })
    }

    /// The briefing sheet's headline and tiles: January 2024 reports one incident (the jersey
    /// photo), dismissed as of the 31st by the decision of the 22nd (the registration of the 4th
    /// is no ruling; the correction came in February); December 2023 holds only a task force
    /// and a sosialisasi (the blue shirt and the jersey photo were not known by the 31st).
    /// The sheet's footer counts the month's outlets.
    @Test func briefingFiguresSayWhatTheSheetShows() throws {
        let a = try #require(shipped)
        let jan = Month(year: 2024, month: 1), dec = Month(year: 2023, month: 12)
        let cut = a.asOf(jan.lastDay)
        let f = BriefingFigures(cut, month: jan)
        #expect(f.newIncidentsByStatus == [.dismissed: 1])
        #expect(f.latestRuling.map { cut.dataset.events.id($0) } == "kota-2024-01-22-jersey-decision")
        #expect(!f.preventionOnly)
        // Its 14 events cite 8 outlets (bekasimedia.com, detik.com, Kabar Bekasi, lampumerahnews.id,
        // Metro TV News, Radar Bekasi, Rakyat Bekasi, Suara.com); December's two, one (Diskominfosantik).
        #expect(f.outlets == 8)
        let d = BriefingFigures(a.asOf(dec.lastDay), month: dec)
        #expect(d.newIncidentsByStatus.isEmpty && d.latestRuling == nil)
        #expect(d.preventionOnly)
        #expect(d.events.count == 2 && d.outlets == 1)
        // January's events by kind, most first: 4 tallies, 4 statements, 2 decisions, 2 reports,
        // then one directive and one sosialisasi (ties in the kinds' order).
        let byKind = BriefingFigures.byKind(f.events, cut.dataset.events)
        #expect(byKind.map(\.count) == [4, 4, 2, 2, 1, 1])
        #expect(Set(byKind.prefix(2).map(\.kind)) == [.caseTally, .statement])
        #expect(Set(byKind[2..<4].map(\.kind)) == [.decision, .report])
        #expect(byKind.reduce(0) { $0 + $1.count } == 14)
    }

    /// The cases chart cites the events behind its lines: KASN's "ASN alleged" series holds its
    /// two tallies (403 on 6 Feb, 464 on 12 Jun 2024); Kota Bekasi's signatories in
    /// "pernyataan" the one pledge that counts them (24,013, the follow-up of 4 Nov 2023).
    @Test func tallyEventsBehindTheLines() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let t = a.tallies
        func index(_ name: String) throws -> JurisdictionIndex { try #require(d.jurisdictionIndex[name]) }
        let kasn = TallySeries.Key(jurisdiction: try index("indonesia"), unit: "ASN", status: .alleged)
        let signed = TallySeries.Key(jurisdiction: try index("kota-bekasi"), unit: "pernyataan", status: nil)
        let events = t.events(tallies: [kasn], signatories: [signed])
        #expect(
            Set(events.map { d.events.id($0) })
                == ["nas-2024-02-06-kasn-reported", "nas-2024-06-12-kasn-reported", "kota-2023-11-04-pledge-follow-up"])
        // Series by series, each event once (the chart's footer counts their outlets, in any order).
        #expect(events.map { d.events.id($0) } == ["nas-2024-02-06-kasn-reported", "nas-2024-06-12-kasn-reported", "kota-2023-11-04-pledge-follow-up"])
        #expect(t.events(tallies: [], signatories: []).isEmpty)
    }

    /// The lead-time chart's rows: a measure and jurisdiction given twice is one row (its
    /// values together), measures and jurisdictions in order of first appearance, empty series
    /// dropped.
    @Test func leadTimeRowsMergeRepeatedPairs() {
        let rows = LeadTimeRows([
            LeadTimeSeries(measure: "response_time", jurisdiction: "kota-bekasi", exactDays: [3, 5]),
            LeadTimeSeries(measure: "prevention_lead", jurisdiction: "kota-bekasi", exactDays: [104]),
            LeadTimeSeries(measure: "response_time", jurisdiction: "kabupaten-bekasi", exactDays: []),
            LeadTimeSeries(measure: "response_time", jurisdiction: "kota-bekasi", exactDays: [3], inexactDays: [9]),
            LeadTimeSeries(measure: "response_time", jurisdiction: "jawa-barat", exactDays: [1])
        ])
        #expect(rows.measures.map(\.name) == ["response_time", "prevention_lead"])
        #expect(rows.measures.map(\.kind) == [.response, .prevention])
        let response = rows.measures[0].rows
        #expect(response.map(\.jurisdiction) == ["kota-bekasi", "jawa-barat"])
        // 3, 3, 5 exact and 9 inexact: four values, median (3 + 5) / 2.
        #expect(response[0].count == 4 && response[0].median == 4)
        #expect(response[0].bins.map(\.day) == [3, 5, 9])
        #expect(response[0].bins.map(\.exact) == [2, 1, 0] && response[0].bins.map(\.inexact) == [0, 0, 1])
        #expect(rows.total == 6)
        #expect(rows.measure("prevention_lead")?.rows.first?.count == 1)
        #expect(rows.measure("reporting_lag") == nil)
    }

    /// The timeline's title counts activity by month here, not in the chart: of the 66 events,
    /// 21 are case tallies (snapshots, not activity), leaving 45; 2 of them have a year-only
    /// date (activity, in no month). January 2024 is the busiest month with 10 (6 in Kota Bekasi,
    /// 2 each in Jawa Barat and Kabupaten Bekasi), then November 2023 with 6.
    @Test func activityByMonthOfTheShippedDataset() throws {
        let d = try #require(shipped).dataset
        let a = ActivityByMonth(d, window: nil, jurisdictions: d.jurisdictions.count)
        #expect(a.total == 45)
        #expect(a.perMonth.values.reduce(0, +) == 43)
        #expect(a.perMonth[Month(year: 2024, month: 1).index] == 10)
        #expect(a.perMonth[Month(year: 2023, month: 11).index] == 6)
        let busiest = try #require(a.perMonth.max { ($0.value, -$0.key) < ($1.value, -$1.key) })
        #expect(busiest.key == Month(year: 2024, month: 1).index)
        let names = a.perJurisdiction(inMonth: busiest.key).map { (d.jurisdictions[JurisdictionIndex($0.key)].id, $0.value) }
        #expect(Dictionary(uniqueKeysWithValues: names) == ["kota-bekasi": 6, "jawa-barat": 2, "kabupaten-bekasi": 2])
        // Past the last jurisdiction's index nothing counts.
        #expect(ActivityByMonth(d, window: nil, jurisdictions: 0).total == 0)
    }
}
