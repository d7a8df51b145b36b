import Testing
import NetraCore
import NetraText
@testable import NetraAnalytics
@testable import NetraWrite

/// What a reader sees first is true (issue 27): each figure computed by hand from the shipped
/// dataset, as a supervisor, a journalist and an auditor would check it.
@Suite struct ReaderTruthTests {
    func month(_ y: Int, _ m: Int) -> Month { Month(year: y, month: m) }

    func figures(_ a: Analysis, _ m: Month) -> BriefingFigures {
        BriefingFigures(a.asOf(m.lastDay), month: m)
    }

    func ids(_ a: Analysis, _ m: Month, _ list: (BriefingFigures) -> [EventIndex]) -> [String] {
        let cut = a.asOf(m.lastDay)
        return list(BriefingFigures(cut, month: m)).map { cut.dataset.events.id($0) }
    }

    /// Each month's new incidents are those that became known in it; over all months every
    /// incident is new exactly once.
    @Test func newIncidentsAreThoseReportedInTheMonth() throws {
        let a = try #require(shipped)
        // January 2024 reports the jersey photo (29 Dec 2023, reported in January).
        #expect(ids(a, month(2024, 1)) { $0.newIncidentsReported } == ["kota-2023-12-29-jersey-photo"])
        #expect(ids(a, month(2024, 1)) { $0.newIncidentsOccurred } == [])
        // February 2024 the Pj Bupati's blue shirt (1 Dec 2023; Kompas.com, 5 Feb 2024).
        #expect(ids(a, month(2024, 2)) { $0.newIncidentsReported } == ["kab-2023-12-01-pj-bupati-blue-shirt"])
        // December 2023: the photo of the 29th was not known by the 31st.
        #expect(ids(a, month(2023, 12)) { $0.newIncidentsReported } == [])
        // A year-only 2022 incident is certainly past only on 31 December 2022.
        #expect(ids(a, month(2022, 12)) { $0.newIncidentsReported } == ["kab-2022-first-incident"])
        #expect(ids(a, month(2022, 1)) { $0.newIncidentsOccurred } == ["kab-2022-first-incident"])
        #expect(ids(a, month(2022, 1)) { $0.newIncidentsReported } == [])
        var seen: [String: Int] = [:]
        var m = month(2022, 1)
        while m <= month(2025, 2) {
            for id in ids(a, m, { $0.newIncidentsReported }) { seen[id, default: 0] += 1 }
            m = Month(index: m.index + 1)
        }
        let incidents = a.dataset.events.indices.filter { a.dataset.events.kinds[$0] == .incident }.map { a.dataset.events.id($0) }
        #expect(incidents.count == 6)
        #expect(seen == Dictionary(uniqueKeysWithValues: incidents.map { ($0, 1) }))
    }

    /// figures.csv says both rules, and the month's activity leaves the tallies out.
    @Test func februaryFigures() throws {
        let a = try #require(shipped)
        let cut = a.asOf(month(2024, 2).lastDay)
        let f = BriefingFigures(cut, month: month(2024, 2))
        let rows = Dictionary(uniqueKeysWithValues: f.rows(cut.dataset).map { ($0.figure, $0.value) })
        #expect(rows["new_incidents_reported"] == "1")
        #expect(rows["new_incidents_occurred"] == "0")
        // Nine events: the correction, the report, the denial, Bey's statement, five tallies.
        #expect(rows["events"] == "4" && rows["case_tallies"] == "5")
        // Two first reports known by then: the jersey photo's 4 days and the blue shirt's 63 —
        // two values, no median.
        #expect(rows["median_days_to_first_report"] == "" && rows["median_days_to_first_report_n"] == "2")
        #expect(f.firstReport.values == [LeadValue(days: 4, atLeast: false), LeadValue(days: 63, atLeast: false)])
        #expect(NumberFormat.typical(f.firstReport, .id) == "4 dan 63")
        #expect(NumberFormat.typical(f.firstReport, .en) == "4 and 63")
        // The 24,013 statements of Kota's follow-up; its pledge of 2 Nov and Kabupaten's give no count.
        #expect(rows["pledge_signatories"] == "24013" && rows["pledge_signatories_complete"] == "false")
        #expect(f.uncountedPledges == 2)
    }

    /// A tally is never a month's activity: December 2024 (eight tallies) is not "+366,7 %".
    @Test func tallyMonthsAreNotActivity() throws {
        let a = try #require(shipped)
        let f = figures(a, month(2024, 12))
        #expect(f.tallies == 8)
        #expect(f.total == 0)
        #expect(f.trend.events == 0)
        #expect(f.trend.changeTenths.map { $0 > 0 } != true)
    }

    /// The registration of the jersey report (4 Jan) is no ruling: the first decision on the
    /// photo is the ruling of 22 Jan, 24 days after it.
    @Test func aRegistrationIsNotARuling() throws {
        let a = try #require(shipped)
        let e = a.dataset.events
        let registration = try #require(e.indices.first { e.id($0) == "kota-2024-01-04-jersey-registration" })
        #expect(e.isRegistration(registration))
        #expect(Strings.kind(of: e, registration).id == "Registrasi laporan")
        let decision = try #require(a.leadTimes.first { $0.measure == .decision && e.id($0.event) == "kota-2023-12-29-jersey-photo" })
        #expect(a.targetID(decision.target) == "kota-2024-01-22-jersey-decision" && decision.days == 24)
    }

    /// A lead from an on-or-before date to the same day is zero by construction, not a measured 0;
    /// from an on-or-before date otherwise it is a lower bound.
    @Test func zeroByConstructionAndLowerBounds() throws {
        let a = try #require(shipped)
        let e = a.dataset.events
        let promise = try #require(a.leadTimes.first { $0.measure == .response && e.id($0.event) == "kota-2024-05-13-kesbangpol-photo" })
        #expect(promise.days == 0 && a.leadValue(promise) == nil)
        #expect(!a.measuredLeadTimes.contains(promise))
        // Circular 3771 (on or before 19 Aug 2024) came at least 100 days before the Pilkada.
        let circular = try #require(a.leadTimes.first { $0.measure == .prevention && e.id($0.event) == "kab-2024-08-19-circular-3771" })
        #expect(a.leadValue(circular) == LeadValue(days: 100, atLeast: true))
        #expect(NumberFormat.lead(LeadValue(days: 100, atLeast: true), .id) == "≥ 100")
    }

    /// compare.csv: no median of fewer than three values, its n beside it; statuses that add
    /// up; tallies by series with their units; signatories marked incomplete.
    @Test func comparisonRowsAReaderCanTrust() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let c = a.compare(try #require(d.jurisdictionIndex["kota-bekasi"]), try #require(d.jurisdictionIndex["kabupaten-bekasi"]))
        let rows = Dictionary(uniqueKeysWithValues: c.rows.map { ($0.key, ($0.a.description, $0.b.description)) })
        #expect(rows["incidents_unknown"]! == ("0", "1"))
        for side in [rows["incidents_total"]!, rows["incidents_alleged"]!] { _ = side }
        let statuses = ["incidents_alleged", "incidents_confirmed", "incidents_dismissed", "incidents_sanctioned", "incidents_unknown"]
        #expect(statuses.reduce(0) { $0 + Int(rows[$1]!.0)! } == 4)
        #expect(statuses.reduce(0) { $0 + Int(rows[$1]!.1)! } == 2)
        // The jersey photo's 4 days to its report (Kota); the blue shirt's 63 (Kabupaten): one each.
        #expect(rows["median_first_report_days"]! == ("", ""))
        #expect(rows["median_first_report_days_n"]! == ("1", "1"))
        // The Kesbangpol photo's same-day reprimand promise is no measured 0: no response at all.
        #expect(rows["median_first_response_days_n"]! == ("0", "0"))
        // Prevention: Kota's five exact leads (104, 102, 88, 43, 42); Kabupaten's ten include
        // year, month and on-or-before dates, so its median is a lower bound.
        #expect(rows["median_prevention_lead_days"]!.0 == "88" && rows["median_prevention_lead_days_n"]! == ("5", "10"))
        #expect(rows["median_prevention_lead_days_lower_bound"]! == ("false", "true"))
        #expect(rows["pledge_signatories"]! == ("24013", "") && rows["pledge_signatories_complete"]! == ("false", "false"))
        // Kota's own tallies: the jersey case's 5 ASN in breach, Bawaslu Kota's latest 18 Pilkada
        // reports, and the one Pilkada ASN case ruled guilty; Kabupaten has none.
        #expect(rows["tally:ASN:confirmed"]! == ("5", "") && rows["tally:ASN:confirmed:date"]! == ("2024-02-06", ""))
        #expect(rows["tally:laporan:alleged"]! == ("18", "") && rows["tally:laporan:alleged:date"]! == ("2025-02-19", ""))
        #expect(rows["tally:kasus netralitas ASN Pilkada:confirmed"]! == ("1", ""))
        #expect(rows["cases_latest"] == nil)
        // The terminal says the values, "sedikitnya", and the unit.
        let table = c.table(a, language: .id)
        #expect(table.contains("sedikitnya 24.013"))
        #expect(table.contains("4 (n=1)") && table.contains("≥ "))
        #expect(table.contains("Rekap terakhir: laporan, dugaan"))
        let en = c.table(a, language: .en)
        #expect(en.contains("at least 24,013") && en.contains("Latest tally: reports, alleged"))
    }

    @Test func nationalAndProvincialTalliesSideBySide() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let c = a.compare(try #require(d.jurisdictionIndex["indonesia"]), try #require(d.jurisdictionIndex["jawa-barat"]))
        let rows = Dictionary(uniqueKeysWithValues: c.rows.map { ($0.key, ($0.a.description, $0.b.description)) })
        // KASN's 403 → 464 ASN reported stands at 464 (12 Jun 2024); Jawa Barat's 20 cases of 22 Jan 2024.
        #expect(rows.values.contains { $0.0 == "464" })
        #expect(rows["tally:kasus:alleged"]! == ("", "20"))
        // Forwarded cases found in breach are confirmed: Bawaslu Jabar's 8 and 4, Bawaslu RI's 33.
        #expect(rows["tally:kasus ASN diteruskan:confirmed"]! == ("", "8"))
        #expect(rows["tally:ASN dilaporkan ke BKN:confirmed"]! == ("", "4"))
        #expect(rows["tally:rekomendasi:confirmed"]! == ("33", ""))
        // The Pemprov's 20: no source gives a status.
        #expect(rows["tally:kasus netralitas ASN:"]! == ("", "20"))
    }

    /// Events of the month known only after the day are named, not counted.
    @Test func eventsKnownLaterAreNamed() throws {
        let a = try #require(shipped)
        let day = try #require(Day(year: 2024, month: 12, day: 13))
        let cut = a.asOf(day)
        let f = BriefingFigures(cut, month: month(2024, 12))
        // Bawaslu Kota's 17 reports (12 Dec, published 14 Dec) had happened but were not yet known.
        let late = f.knownLater.map { a.full.events.id($0) }
        #expect(late.contains("kota-2024-12-12-bawaslu-17-reports"))
        #expect(!f.events.map { cut.dataset.events.id($0) }.contains("kota-2024-12-12-bawaslu-17-reports"))
        // At the month's end everything of December is known.
        #expect(figures(a, month(2024, 12)).knownLater.isEmpty)
    }

    /// A figure from one or two values is shown as the values; from three, a median.
    @Test func fewValuesAreNotAStatistic() {
        #expect(NumberFormat.typical(MedianOrValues([]), .id) == "—")
        #expect(NumberFormat.typical(MedianOrValues([LeadValue(days: 5, atLeast: false), LeadValue(days: 2, atLeast: false)]), .id) == "2 dan 5")
        #expect(NumberFormat.typical(MedianOrValues([LeadValue(days: 3, atLeast: true)]), .en) == "≥ 3")
        let three = MedianOrValues([LeadValue(days: 1, atLeast: false), LeadValue(days: 4, atLeast: false), LeadValue(days: 9, atLeast: true)])
        #expect(three.median == Median([1, 4, 9]) && NumberFormat.typical(three, .id) == "≥ 4")
        let four = MedianOrValues([1, 2, 4, 5].map { LeadValue(days: $0, atLeast: false) })
        #expect(
            NumberFormat.typical(four, .id) == "3"
                && NumberFormat.typical(MedianOrValues([1, 2, 5, 6].map { LeadValue(days: $0, atLeast: false) }), .id) == "3,5")
    }
}
