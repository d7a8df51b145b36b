import Testing
import NetraCore
@testable import NetraAnalytics
@testable import NetraWrite
import NetraTestSupport
@testable import NetraLoad

let packageRoot = TestPaths.packageRoot

/// The shipped dataset, analysed once for all tests.
let shipped: Analysis? = try? Analysis(dataset: DatasetLoader.load(directory: packageRoot + "/datasets/bekasi-2024"))

func csvText(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Figures worked out by hand from the articles (dates in the dataset, days counted on a calendar).
@Suite struct ShippedFiguresTests {
    @Test func preventionLeadsToTheNextElection() throws {
        let a = try #require(shipped)
        let leads = Dictionary(
            uniqueKeysWithValues: a.leadTimes.filter { $0.measure == .prevention }
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
        // KASN's dissolution and the hand-over to BKN are no prevention measures: no lead.
        #expect(leads["nas-2024-08-23-kasn-dissolved"] == nil && leads["nas-2024-08-24-bkn-takes-over"] == nil)
        // The Pilkada months (FACTS.md): each measured to 27 Nov 2024.
        for (id, days, exact) in [
            ("kab-2024-08-19-circular-3771", 100, false),
            ("kota-2024-08-31-pj-asks-candidates", 88, true), ("kab-2024-09-17-circular-4881", 71, true),
            ("kota-2024-10-15-neutrality-declaration", 43, true), ("kota-2024-10-16-invitation-to-report", 42, true),
            ("kab-2024-11-23-quiet-period-parade", 4, true)
        ] {
            let lead = try #require(leads[id], "\(id)")
            #expect(lead.days == days && lead.exact == exact && a.targetID(lead.target) == "pilkada-2024", "\(id)")
        }
        #expect(leads.count == 17)
    }

    @Test func incidentHandlingFollowsTheGraph() throws {
        let a = try #require(shipped)
        func first(_ m: LeadTimeMeasure, _ incident: String) -> (String, Int)? {
            a.leadTimes.first { $0.measure == m && a.dataset.events[$0.event].id == incident }
                .map { (a.targetID($0.target), $0.days) }
        }
        let jersey = "kota-2023-12-29-jersey-photo"
        #expect(first(.report, jersey)! == ("kota-2024-01-02-jersey-report", 4))
        // The registration of 4 Jan is no ruling: the first decision is the ruling of 22 Jan.
        #expect(first(.decision, jersey)! == ("kota-2024-01-22-jersey-decision", 24))
        // The report against the Pj Bupati (2 Feb 2024) came 63 days after the event of 1 Dec 2023.
        #expect(first(.report, "kab-2023-12-01-pj-bupati-blue-shirt")! == ("kab-2024-02-02-pj-bupati-report", 63))
        #expect(first(.decision, "kab-2023-12-01-pj-bupati-blue-shirt") == nil)
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
        // Medians only from three values (their n beside them); statuses that add up; each
        // tally series with its unit (see ReaderTruthTests).
        #expect(
            text == """
                metric,kota-bekasi,kabupaten-bekasi
                prevention_events,5,10
                first_prevention_date,2023-11-02,2022-10-17
                median_prevention_lead_days,88,70.5
                median_prevention_lead_days_n,5,10
                median_prevention_lead_days_lower_bound,false,true
                pledge_signatories,24013,
                pledge_signatories_complete,false,false
                incidents_total,4,2
                incidents_alleged,2,1
                incidents_confirmed,1,0
                incidents_dismissed,1,0
                incidents_sanctioned,0,0
                incidents_unknown,0,1
                median_first_response_days,,
                median_first_response_days_n,0,0
                median_first_response_days_lower_bound,false,false
                median_first_report_days,,
                median_first_report_days_n,1,1
                median_first_report_days_lower_bound,false,false
                median_first_decision_days,,
                median_first_decision_days_n,1,0
                median_first_decision_days_lower_bound,false,false
                median_first_sanction_days,,
                median_first_sanction_days_n,0,0
                median_first_sanction_days_lower_bound,false,false
                tally:ASN:confirmed,5,
                tally:ASN:confirmed:date,2024-02-06,
                tally:kasus netralitas ASN Pilkada:confirmed,1,
                tally:kasus netralitas ASN Pilkada:confirmed:date,2024-12-19,
                tally:laporan:alleged,18,
                tally:laporan:alleged:date,2025-02-19,

                """)
    }

    /// Unknown is not zero: a figure no event gives is empty; a count of events with none is 0.
    @Test func unknownFiguresAreEmptyNotZero() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let c = a.compare(try #require(d.jurisdictionIndex["kota-bekasi"]), try #require(d.jurisdictionIndex["kabupaten-bekasi"]))
        // Kota: the follow-up's 24,013 statements (the pledge of 2 Nov gives no count). Kabupaten:
        // its one pledge (17 Oct 2022) gives none, so the number of signatories is unknown.
        #expect(c.figures(.pledgeSignatories) == (24013, nil))
        // Kota's latest tally of reports is Bawaslu Kota Bekasi's 18 (19 Feb 2025); Kabupaten has none.
        let laporan = try #require(c.tallies.first { $0.unit == "laporan" })
        #expect(laporan.a?.count == 18 && laporan.b == nil)
        // Kabupaten's incidents (2022; the Pj Bupati's blue shirt, reported but never answered by
        // a response, decision or sanction): those medians are unknown, its counts 0.
        #expect(c.values[.medianFirstResponseDays]?.b == .median(MedianOrValues([])))
        #expect(c.values[.incidentsSanctioned]?.b == .count(0))
        let table = c.table(a, language: .en)
        let signed = try #require(table.split(separator: "\n").first { $0.hasPrefix("Pledge signatories") })
        #expect(signed.split(separator: " ").suffix(4) == ["at", "least", "24,013", "—"])
    }

    /// The summary behind the lead-time chart has a row only where there is a figure: never a
    /// median of nothing, in the shipped dataset or one with no lead times at all.
    @Test func leadTimeSummaryNeverPrintsAMedianOfNothing() throws {
        let a = try #require(shipped)
        let lines = csvText(a.leadTimeSummaryCSV(flavour: .plain)).split(separator: "\n").map(String.init)
        #expect(lines.first == "measure,jurisdiction,n,median,min,max,exact_n")
        for line in lines.dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false)
            // A median only from three values.
            #expect(c.count == 7 && c[3].isEmpty == ((Int(c[2]) ?? 0) < 3) && (Int(c[2]) ?? 0) >= 1, "\(line)")
        }
        // Kabupaten Bekasi's incident has no response: no response row for it.
        #expect(!lines.contains { $0.hasPrefix("response,kabupaten-bekasi,") })
        // Kota: 104, 102 (Pemilu), 88, 43, 42 (Pilkada).
        #expect(lines.contains("prevention,kota-bekasi,5,88,42,104,5"))
        let empty = try Analysis(
            dataset: DatasetLoader.load(
                jurisdictions: ("j", Array("id,name,level,parent\nkota-bekasi,K,kota,\n".utf8)),
                elections: ("e", Array("id,name,date,scope\n".utf8)),
                events: ("events.csv", Array("id,date,precision,kind,jurisdiction,title,source\nx,2024-01-01,day,incident,kota-bekasi,t,s\n".utf8))))
        #expect(csvText(empty.leadTimeSummaryCSV(flavour: .plain)) == "measure,jurisdiction,n,median,min,max,exact_n\n")
    }

    @Test func latestTallyIsASnapshotNotASum() throws {
        let a = try #require(shipped)
        let d = a.dataset
        let c = a.compare(try #require(d.jurisdictionIndex["indonesia"]), try #require(d.jurisdictionIndex["jawa-barat"]))
        let rows = Dictionary(uniqueKeysWithValues: c.rows.map { ($0.key, ($0.a.description, $0.b.description)) })
        // Bawaslu RI's 433, 314 and 99 of 2 Dec 2024 are three series, never one sum; Jawa
        // Barat's 270 and the 43 part of them, each in its own unit.
        let indonesia = c.tallies.compactMap { $0.a }.map { $0.count }
        #expect(indonesia.contains(433) && indonesia.contains(314) && indonesia.contains(99) && !indonesia.contains(846))
        #expect(rows["tally:dugaan pelanggaran Pilkada:alleged"]! == ("", "270"))
        #expect(rows["tally:dugaan pelanggaran Pilkada:alleged:date"]! == ("", "2024-12-12"))
        #expect(rows["tally:dugaan pelanggaran netralitas ASN:alleged"]! == ("", "43"))
        // Indonesia holds everything: 4 + 2 incidents under it, and all 17 prevention events
        // (KASN's dissolution and the hand-over to BKN are context, not prevention).
        #expect(rows["incidents_total"]!.0 == "6")
        #expect(rows["prevention_events"]!.0 == "17")
    }

    @Test func monthlyCountsAndRollUp() throws {
        let a = try #require(shipped)
        let d = a.dataset
        func rows(_ rollup: Bool, _ month: String, _ j: String) -> [String] {
            a.monthly(rollup: rollup).filter { $0.month.iso == month && d.jurisdictions[$0.jurisdiction].id == j }
                .map { "\($0.kind.rawValue) \($0.events) \($0.countSum.map(String.init) ?? "-") \($0.counted)" }
        }
        // January 2024 in Jawa Barat's own rows: three tallies of 22 Jan (Radar Bekasi's 20 kasus,
        // detik's 8 ASN and 67 dugaan pelanggaran: snapshots, never summed), a sosialisasi and a
        // statement, which carry no count.
        #expect(rows(false, "2024-01", "jawa-barat") == ["case_tally 3 - 0", "sosialisasi 1 - 0", "statement 1 - 0"])
        // Rolled up, Kota and Kabupaten Bekasi's January events join them: the jersey report and
        // the request for its correction (26 Jan), and KAMMI's statement of 29 Jan among them.
        #expect(
            rows(true, "2024-01", "jawa-barat") == [
                "case_tally 3 - 0", "decision 2 - 0", "directive 1 - 0", "report 2 - 0",
                "sosialisasi 1 - 0", "statement 4 - 0"
            ])
        // The pledge follow-up (4–13 Nov) counts once, in November, with its 24,013 signatures;
        // the pledge of 2 Nov gives no number, so one of the two is summed.
        // The lurah of Mustika Jaya (an allegation, on or before 5 Nov) is the month's incident.
        #expect(rows(false, "2023-11", "kota-bekasi") == ["incident 1 - 0", "pledge 2 24013 1"])
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
            // February 2024: KASN's three; rolled up, the Pemprov's 20 cases and the five in breach join them.
            #expect(lines.contains(rollup ? "2024-02,indonesia,case_tally,5,,0" : "2024-02,indonesia,case_tally,3,,0"))
            #expect(lines.contains("2024-01,jawa-barat,case_tally,3,,0"))
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
        #expect(
            header
                == "id,date,precision,end_date,kind,jurisdiction,title,title_en,actors,place,count,unit,status,links,source,source_url,source_date,known_date,quote,notes,month,anchor_date,date_exact,known_by,status_as_of,prevention_lead_days,prevention_election,first_response_days,first_report_days,first_decision_days,first_sanction_days,reporting_lag_days"
        )
        // Re-read with the loader's own reader: one row per event, every field intact.
        let d = try DatasetLoader.load(
            jurisdictions: (
                "j",
                Array(
                    "id,name,level,parent\nindonesia,I,nasional,\njawa-barat,J,provinsi,indonesia\nkota-bekasi,K,kota,jawa-barat\nkabupaten-bekasi,B,kabupaten,jawa-barat\n"
                        .utf8)
            ),
            elections: ("e", Array("id,name,date,scope\npemilu-2024,P,2024-02-14,indonesia\npilkada-2024,Q,2024-11-27,indonesia\n".utf8)),
            events: ("events.csv", a.eventsCSV(flavour: .plain)))
        #expect(d.events.map(\.id) == a.dataset.events.map(\.id))
        #expect(d.events.map(\.quote) == a.dataset.events.map(\.quote))
        #expect(d.events.map(\.notes) == a.dataset.events.map(\.notes))
        #expect(d.extraEventColumns == Analysis.computedEventColumns)
        let pledge = try #require(d.eventsByID["kota-2023-11-02-pledge"].map { d.events[$0] })
        // Public on 2 Nov 2023 (Radar Bekasi), the day itself; the lag still runs to Rakyat Bekasi's 4 Jan 2024.
        #expect(pledge.knownDate == Day(year: 2023, month: 11, day: 2))
        #expect(pledge.extras == ["2023-11", "2023-11-02", "true", "2023-11-02", "", "104", "pemilu-2024", "", "", "", "", "63"])
    }
}

/// The corrections of issue 13, point 6, each read against its source (FACTS.md, the seed articles).
@Suite struct ShippedCorrectionsTests {
    func event(_ d: Dataset, _ id: String) throws -> Event {
        try #require(d.eventsByID[id].map { d.events[$0] }, "no row \(id)")
    }

    @Test func onlyTheBanIsTiedToTheSKB() throws {
        let d = try #require(shipped).dataset
        let skb = try #require(d.eventsByID["nas-2022-09-22-skb"])
        // KBEONLIN: the ban "tertuang dalam" SKB Nomor 22 Tahun 2022; the Satgas is only "sudah membentuk".
        #expect(try event(d, "kab-2023-11-22-ban-number-photos").links == [Link(relation: .implements, target: skb)])
        #expect(try event(d, "kab-2023-11-22-satgas").links.isEmpty)
        // Radar Bekasi's BACA JUGA headlines name no case: the ruling's notes no longer say they do.
        let notes = try event(d, "kota-2024-01-22-jersey-decision").notes
        #expect(!notes.contains("Anti Klimaks") && !notes.contains("Masuk Angin"))
    }

    @Test func detikGivesEightASNAsItsOwnTally() throws {
        let d = try #require(shipped).dataset
        let e = try event(d, "jabar-2024-01-22-asn-tally")
        #expect(e.kind == .caseTally && e.count == 8 && e.unit == "ASN" && e.status == .alleged)
        #expect(d.jurisdictions[e.jurisdiction].id == "jawa-barat")
        #expect(e.date.anchor == Day(year: 2024, month: 1, day: 22) && e.date.isExact)
        #expect(e.source == "detik.com" && e.sourceDate == Day(year: 2024, month: 1, day: 22))
        #expect(e.sourceURL == "https://www.detik.com/jabar/berita/d-7153984/bawaslu-20-asn-di-jabar-tidak-netral-camat-hingga-pj-wali-kota")
        // Radar Bekasi's 20 and detik's 67 stay as they were: disagreeing outlets each keep a row.
        #expect(try event(d, "jabar-2024-01-22-case-tally").count == 20)
        #expect(try event(d, "jabar-2024-01-22-violations-tally").count == 67)
    }

    @Test func statusesSetByDecisions() throws {
        let d = try #require(shipped).dataset
        // The two stops set dismissed, the correction of 2 Feb 2024 confirmed; the registration of 4 Jan sets nothing.
        #expect(try event(d, "kota-2024-01-22-jersey-decision").status == .dismissed)
        #expect(try event(d, "jabar-2024-02-02-jersey-correction").status == .confirmed)
        #expect(try event(d, "kota-2023-09-22-bapenda-report-stopped").status == .dismissed)
        #expect(try event(d, "kota-2024-01-04-jersey-registration").status == nil)
        // Each incident's own cell agrees with the last status set on it in the dataset.
        #expect(try event(d, "kota-2023-12-29-jersey-photo").status == .confirmed)
        #expect(try event(d, "kota-2023-09-18-bapenda-gathering").status == .dismissed)
        let decisions = d.events.indices.filter { d.events.kinds[$0] == .decision || d.events.kinds[$0] == .sanction }
        #expect(decisions.filter { d.events.statuses[$0] != nil }.count == 3)
    }

    @Test func thePledgeWasPublicOnItsDay() throws {
        let d = try #require(shipped).dataset
        let pledge = try event(d, "kota-2023-11-02-pledge")
        #expect(pledge.knownDate == Day(year: 2023, month: 11, day: 2))
        #expect(pledge.sourceDate == Day(year: 2024, month: 1, day: 4))
        // No other row has a known_date: the 24,013 were first reported on 4 Jan 2024.
        #expect(d.events.knownDates.values.compactMap { $0 }.count == 1)
    }
}
