import Testing
import NetraCore
@testable import NetraAnalytics

let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The shipped dataset, analysed once for all tests.
let shipped: Analysis? = try? Analysis(dataset: DatasetLoader.load(directory: packageRoot + "/datasets/bekasi-2024"))

func csvText(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Figures worked out by hand from the articles (dates in the dataset, days counted on a calendar).
@Suite struct ShippedFiguresTests {
    @Test func preventionLeadsToTheNextElection() throws {
        let a = try #require(shipped)
        let leads = Dictionary(uniqueKeysWithValues: a.leadTimes.filter { $0.measure == .prevention }
            .map { (a.dataset.events[$0.event].id, $0) })
        // The Kota Bekasi pledge of 2 Nov 2023 leads Pemilu 2024 (14 Feb) by 104 days.
        let pledge = try #require(leads["kota-2023-11-02-pledge"])
        #expect(pledge.days == 104 && pledge.exact)
        #expect(a.targetID(pledge.target) == "pemilu-2024")
        #expect(leads["kota-2023-11-04-pledge-follow-up"]?.days == 102)
        #expect(leads["nas-2022-09-22-skb"]?.days == 510)
        #expect(leads["kab-2022-10-17-pledge"]?.days == 485)
        // A decree known only by its year is measured from 1 Jan 2023, and flagged inexact.
        #expect(leads["kab-2023-decree-hk-02-02-2023"]?.days == 409)
        #expect(leads["kab-2023-decree-hk-02-02-2023"]?.exact == false)
        #expect(leads["kab-2023-11-22-satgas"]?.days == 84 && leads["kab-2023-11-22-satgas"]?.exact == false)
        #expect(leads["kab-2023-12-06-sosialisasi"]?.days == 70)
        #expect(leads["jabar-2024-01-22-sosialisasi-gedung-sate"]?.days == 23)
        // KASN's dissolution comes after Pemilu: it leads Pilkada (27 Nov 2024) by 96 days.
        let kasn = try #require(leads["nas-2024-08-23-kasn-dissolved"])
        #expect(kasn.days == 96 && a.targetID(kasn.target) == "pilkada-2024")
        #expect(leads.count == 12)
    }

    @Test func incidentHandlingFollowsTheGraph() throws {
        let a = try #require(shipped)
        func first(_ m: LeadTimeMeasure, _ incident: String) -> (String, Int)? {
            a.leadTimes.first { $0.measure == m && a.dataset.events[$0.event].id == incident }
                .map { (a.targetID($0.target), $0.days) }
        }
        let jersey = "kota-2023-12-29-jersey-photo"
        #expect(first(.report, jersey)! == ("kota-2024-01-02-jersey-report", 4))
        // The registration of 4 Jan is the first decision reached through the report.
        #expect(first(.decision, jersey)! == ("kota-2024-01-04-jersey-registration", 6))
        // The Kesbangpol statement is a statement, not a response.
        #expect(first(.response, jersey) == nil)
        #expect(first(.response, "kota-2024-05-13-kesbangpol-photo")! == ("kota-2024-05-13-reprimand-promise", 0))
        #expect(first(.decision, "kota-2023-09-18-bapenda-gathering")! == ("kota-2023-09-22-bapenda-report-stopped", 4))
        #expect(a.leadTimes.filter { $0.measure == .sanction }.isEmpty)
    }

    @Test func comparisonOfKotaAndKabupatenBekasi() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let c = a.compare(try #require(d.jurisdictionIndex["kota-bekasi"]), try #require(d.jurisdictionIndex["kabupaten-bekasi"]))
        let text = csvText(a.compareCSV(c, flavour: .plain))
        #expect(text == """
        metric,kota-bekasi,kabupaten-bekasi
        prevention_events,2,7
        first_prevention_date,2023-11-02,2022-10-17
        median_prevention_lead_days,103,84
        pledge_signatories,24013,0
        incidents_total,3,1
        incidents_alleged,1,0
        incidents_confirmed,0,0
        incidents_dismissed,2,0
        incidents_sanctioned,0,0
        median_first_response_days,0,
        median_first_report_days,2,
        median_first_decision_days,5,
        median_first_sanction_days,,
        cases_latest,0,0
        cases_latest_date,,

        """)
    }

    @Test func latestTallyIsASnapshotNotASum() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let c = a.compare(try #require(d.jurisdictionIndex["indonesia"]), try #require(d.jurisdictionIndex["jawa-barat"]))
        let rows = Dictionary(uniqueKeysWithValues: c.rows.map { ($0.metric, ($0.a.description, $0.b.description)) })
        // KASN's 464 of 12 Jun 2024 replaces the earlier tallies; Jawa Barat's latest is the 67 (larger on the same day).
        #expect(rows[.casesLatest]! == ("464", "67"))
        #expect(rows[.casesLatestDate]! == ("2024-06-12", "2024-01-22"))
        // Indonesia holds everything: 3 + 1 incidents under it, and all prevention events.
        #expect(rows[.incidentsTotal]!.0 == "4")
        #expect(rows[.preventionEvents]!.0 == "12")
    }

    @Test func monthlyCountsAndRollUp() throws {
        let a = try #require(shipped)
        let d = a.dataset
        func rows(_ rollup: Bool, _ month: String, _ j: String) -> [String] {
            a.monthly(rollup: rollup).filter { $0.month.iso == month && d.jurisdictions[$0.jurisdiction].id == j }
                .map { "\($0.kind.rawValue) \($0.events) \($0.countSum.map(String.init) ?? "-") \($0.counted)" }
        }
        // January 2024 in Jawa Barat's own rows: two tallies (20 and 67, snapshots: never summed),
        // a sosialisasi and a statement, which carry no count.
        #expect(rows(false, "2024-01", "jawa-barat") == ["case_tally 2 - 0", "sosialisasi 1 - 0", "statement 1 - 0"])
        // Rolled up, Kota and Kabupaten Bekasi's January events join them.
        #expect(rows(true, "2024-01", "jawa-barat") == ["case_tally 2 - 0", "decision 2 - 0", "directive 1 - 0", "report 1 - 0",
                                                        "sosialisasi 1 - 0", "statement 3 - 0"])
        // The pledge follow-up (4–13 Nov) counts once, in November, with its 24,013 signatures;
        // the pledge of 2 Nov gives no number, so one of the two is summed.
        #expect(rows(false, "2023-11", "kota-bekasi") == ["pledge 2 24013 1"])
        #expect(rows(true, "2023-11", "indonesia").contains("pledge 2 24013 1"))
        // Indonesia, February 2024: KASN's 403 reported, 183 proven and 97 sanctioned are
        // subsets of one another; the row says how many tallies there were, not 683.
        #expect(rows(false, "2024-02", "indonesia") == ["case_tally 3 - 0"])
        let total = a.monthly(rollup: false).reduce(0) { $0 + $1.events }
        #expect(total == d.events.count)
    }

    @Test func monthlyExportColumns() throws {
        let a = try #require(shipped)
        for rollup in [false, true] {
            let lines = csvText(a.monthlyCSV(flavour: .plain, rollup: rollup)).split(separator: "\n")
            #expect(lines.first == "month,jurisdiction,kind,events,count_sum,counted")
            #expect(lines.contains("2023-11,kota-bekasi,pledge,2,24013,1"))
            // A pledge without a number: nothing summed, so empty, not 0.
            #expect(lines.contains("2022-10,kabupaten-bekasi,pledge,1,,0"))
            #expect(lines.contains("2024-02,indonesia,case_tally,3,,0"))
            #expect(lines.contains("2024-01,jawa-barat,case_tally,2,,0"))
            #expect(!lines.contains { $0.hasSuffix(",683") || $0.contains(",683,") })
        }
        let plain = csvText(a.monthlyCSV(flavour: .plain, rollup: false)).split(separator: "\n")
        #expect(plain[1] == "2022-01,kabupaten-bekasi,incident,1,,0")
        // The Excel flavour leaves the empty cells empty.
        let excel = csvText(a.monthlyCSV(flavour: .excel, rollup: false))
        #expect(excel.contains("2023-11;kota-bekasi;pledge;2;24013;1\r\n"))
        #expect(excel.contains("2024-02;indonesia;case_tally;3;;0\r\n"))
    }

    @Test func leadTimesExport() throws {
        let a = try #require(shipped)
        let lines = csvText(a.leadTimesCSV(flavour: .plain)).split(separator: "\n").map(String.init)
        #expect(lines.first == "measure,event_id,jurisdiction,target_id,days,exact")
        #expect(lines.contains("prevention,kota-2023-11-02-pledge,kota-bekasi,pemilu-2024,104,true"))
        #expect(lines.contains("prevention,kab-2023-decree-hk-02-02-2023,kabupaten-bekasi,pemilu-2024,409,false"))
        #expect(lines.contains("report,kota-2023-12-29-jersey-photo,kota-bekasi,kota-2024-01-02-jersey-report,4,true"))
        #expect(lines.contains("reporting_lag,kota-2023-12-29-jersey-photo,kota-bekasi,,6,true"))
    }

    @Test func eventsExportKeepsEveryColumnAndAddsTheComputedOnes() throws {
        let a = try #require(shipped)
        let text = csvText(a.eventsCSV(flavour: .plain))
        let header = text.prefix { $0 != "\n" }
        #expect(header == "id,date,precision,end_date,kind,jurisdiction,title,actors,place,count,unit,status,links,source,source_url,source_date,known_date,quote,notes,month,anchor_date,date_exact,known_by,status_as_of,prevention_lead_days,prevention_election,first_response_days,first_report_days,first_decision_days,first_sanction_days,reporting_lag_days")
        // Re-read with the loader's own reader: one row per event, every field intact.
        let d = try DatasetLoader.load(
            jurisdictions: ("j", Array("id,name,level,parent\nindonesia,I,nasional,\njawa-barat,J,provinsi,indonesia\nkota-bekasi,K,kota,jawa-barat\nkabupaten-bekasi,B,kabupaten,jawa-barat\n".utf8)),
            elections: ("e", Array("id,name,date,scope\npemilu-2024,P,2024-02-14,indonesia\npilkada-2024,Q,2024-11-27,indonesia\n".utf8)),
            events: ("events.csv", a.eventsCSV(flavour: .plain)))
        #expect(d.events.map(\.id) == a.dataset.events.map(\.id))
        #expect(d.events.map(\.quote) == a.dataset.events.map(\.quote))
        #expect(d.events.map(\.notes) == a.dataset.events.map(\.notes))
        #expect(d.extraEventColumns == Analysis.computedEventColumns)
        let pledge = try #require(d.eventsByID["kota-2023-11-02-pledge"].map { d.events[$0] })
        // Known by 4 January 2024 (its source's date), no status (not an incident).
        #expect(pledge.extras == ["2023-11", "2023-11-02", "true", "2024-01-04", "", "104", "pemilu-2024", "", "", "", "", "63"])
    }
}
