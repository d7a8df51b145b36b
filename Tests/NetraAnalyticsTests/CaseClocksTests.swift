import Testing
import Foundation
import NetraCore
import NetraText
@testable import NetraAnalytics

/// The case clocks: the shipped rules and calendar, the jersey case by hand, and a second,
/// independent computation on a generated dataset.
@Suite struct CaseClocksTests {
    static let book = ClockBook.shipped()

    static func clocks(asOf day: String) throws -> (CaseClocks, Dataset) {
        let a = try #require(shipped)
        let d = try #require(clockDay(day))
        let cut = Analysis(dataset: a.full, asOf: d)
        return (CaseClocks(cut.dataset, asOf: d, book: book), cut.dataset)
    }

    @Test func shippedRulesAndCalendarHaveASourceOnEveryRow() {
        #expect(Self.book.rules.count == 8)
        #expect(Self.book.rules.allSatisfy { !$0.article.isEmpty })
        // The decision limits were read in the law's text; the others are marked.
        #expect(Self.book.rules.filter(\.verified).map(\.id) == ["pemilu-putusan", "pemilu-putusan-tambahan"])
        #expect(Self.book.calendar.years == 2022...2026)
        #expect(Self.book.calendar.entries.count == 129)
        #expect(Self.book.calendar.entries.allSatisfy { !$0.decree.isEmpty && $0.sourceURL.hasPrefix("http") })
        for y in 2022...2026 { #expect(Self.book.calendar.entries.contains { $0.day.year == y && $0.type == .cutiBersama }) }
    }

    @Test func workingDaysCountWeekendsHolidaysAndCutiBersama() throws {
        let c = Self.book.calendar
        func day(_ s: String) throws -> Day { try #require(clockDay(s)) }
        // 4 Jan 2024 (Thu) to 22 Jan (Mon): 5, 8–12, 15–19, 22 Jan.
        #expect(try c.workingDays(from: day("2024-01-04"), to: day("2024-01-22")) == 12)
        // Pemilu day 14 Feb 2024 was a holiday (Keppres 10/2024); 8 Feb Isra Mikraj, 9 Feb cuti bersama.
        #expect(try c.workingDays(from: day("2024-02-07"), to: day("2024-02-15")) == 3)
        // Lebaran 2024: 8–15 April off (cuti bersama and Idul Fitri), 16 April works.
        #expect(try c.workingDays(from: day("2024-04-05"), to: day("2024-04-16")) == 1)
        // A day outside 2022–2026 is an error, never a guess.
        #expect(throws: WorkingCalendar.OutsideYears.self) { try c.workingDays(from: day("2026-12-30"), to: day("2027-01-04")) }
        #expect(throws: WorkingCalendar.OutsideYears.self) { try c.isWorkingDay(day("2021-12-31")) }
    }

    /// A year between the listed ones with no row is not covered: its holidays are unknown.
    @Test func aYearWithoutRowsIsNotCovered() throws {
        let text = "date,type,name,decree,source_url\n2022-01-01,libur_nasional,A,SKB,https://x\n2024-01-01,libur_nasional,B,SKB,https://x\n"
        let c = try WorkingCalendar.parse(Array(text.utf8), file: "hari-libur.csv")
        let from = try #require(clockDay("2022-12-30")), to = try #require(clockDay("2024-01-03"))
        do {
            _ = try c.workingDays(from: from, to: to)
            Issue.record("counted over 2023")
        } catch {
            #expect(error.day.iso == "2023-01-01")
        }
        // Within a listed year: Tue 2 and Wed 3 Jan 2024 after Mon 1 Jan (a holiday).
        #expect(try c.workingDays(from: try #require(clockDay("2023-12-31")), to: to) == 2)
    }

    @Test func asOf20January2024TheJerseyReportIsOpen() throws {
        let (c, d) = try Self.clocks(asOf: "2024-01-20")
        let open = c.listed(overdueOnly: false).map { (d.events.id($0.caseFile.report), $0.rule.id, $0) }
        #expect(open.map(\.1) == ["pemilu-putusan", "pemilu-putusan-tambahan"])
        #expect(open.allSatisfy { $0.0 == "kota-2024-01-02-jersey-report" })
        // Registered 4 Jan: 16 days by the 20th, past the 7 days of Pasal 454(7) ...
        #expect(open[0].2.days == .exact(16) && open[0].2.state == .overdue)
        // ... and 11 working days of the 14 of Pasal 454(8).
        #expect(open[1].2.workingDays == .exact(11) && open[1].2.state == .open)
        #expect(c.listed(overdueOnly: true).map(\.rule.id) == ["pemilu-putusan"])
        #expect(c.overdueLines(.id) == ["1 laporan melewati batas 7 hari"])
        #expect(c.overdueLines(.en) == ["1 report past the limit of 7 days"])
    }

    @Test func asOf31January2024ItClosedIn18Days() throws {
        let (c, d) = try Self.clocks(asOf: "2024-01-31")
        #expect(c.listed(overdueOnly: false).isEmpty)
        let jersey = c.clocks.filter { d.events.id($0.caseFile.report) == "kota-2024-01-02-jersey-report" }
        let byRule = Dictionary(uniqueKeysWithValues: jersey.map { ($0.rule.id, $0) })
        let decision = try #require(byRule["pemilu-putusan"])
        #expect(d.events.id(try #require(decision.end)) == "kota-2024-01-22-jersey-decision")
        // 18 days: past the 7-day limit, within 14 working days (12).
        #expect(decision.days == .exact(18) && decision.state == .late)
        #expect(byRule["pemilu-putusan-tambahan"]?.workingDays == .exact(12))
        #expect(byRule["pemilu-putusan-tambahan"]?.state == .within)
        // Reported 2 Jan, registered 4 Jan: the first check took its 2 days.
        #expect(byRule["pemilu-kajian-awal"]?.days == .exact(2) && byRule["pemilu-kajian-awal"]?.state == .within)
        // Counted from the photo's day (29 Dec), the earliest it can have been known: at most 4 days.
        #expect(byRule["pemilu-laporan"]?.days == .atMost(4))
    }

    @Test func aForwardedCaseWaitsForItsSanction() throws {
        // Bawaslu Jawa Barat's correction of 2 Feb 2024 (public 6 Feb) forwarded the case to KASN.
        let (c, d) = try Self.clocks(asOf: "2024-03-01")
        let kota = try #require(d.jurisdictionIndex["kota-bekasi"])
        let row = try #require(c.ledger(d).first { $0.jurisdiction == kota })
        #expect(row.forwarded == 1 && row.sanctioned == 0 && row.waitingDays == [.exact(28)])
        #expect(row.median == nil)  // one value is shown as the value
        let asn = try #require(c.listed(overdueOnly: false).first { $0.rule.id == "asn-sanksi" })
        #expect(asn.days == .exact(28) && asn.state == .open && asn.rule.limit == nil)
        // Before it was known, nothing was forwarded.
        let (before, d2) = try Self.clocks(asOf: "2024-02-05")
        #expect(before.ledger(d2).allSatisfy { $0.forwarded == 0 })
    }

    @Test func anImpreciseStartSaysAtLeast() throws {
        let j = Jurisdiction(id: "k", name: "K", level: .kota, parent: nil)
        func date(_ s: String, _ p: Precision) throws -> EventDate {
            guard case .success(let w) = WrittenDate.parse(s) else { throw CancellationError() }
            return EventDate(written: w, precision: p)
        }
        let events = [
            Event(id: "inc", date: try date("2024-01-01", .day), kind: .incident, jurisdiction: JurisdictionIndex(0)),
            Event(
                id: "rep", date: try date("2024-01-03", .day), kind: .report, jurisdiction: JurisdictionIndex(0),
                links: [Link(relation: .reports, target: EventIndex(0))]),
            Event(
                id: "reg", date: try date("2024-01", .month), kind: .decision, jurisdiction: JurisdictionIndex(0),
                links: [Link(relation: .decides, target: EventIndex(1))])
        ]
        let e = try #require(clockDay("2024-02-14"))
        let d = Dataset(events: events, jurisdictions: [j], elections: [Election(id: "pemilu-2024", name: "Pemilu", date: e, scope: JurisdictionIndex(0))])
        let asOf = try #require(clockDay("2024-02-10"))
        let c = CaseClocks(d, asOf: asOf, book: Self.book)
        // Registered some day in January: by 10 Feb at least 10 days (from 31 Jan).
        let putusan = try #require(c.clocks.first { $0.rule.id == "pemilu-putusan" })
        #expect(putusan.days == .atLeast(10) && putusan.state == .overdue)
        #expect(c.table([putusan], d, overdueOnly: false, lang: .id).contains("≥ 10 hari / 7 hari"))
        // No registration at all: no decision clock is invented.
        let none = CaseClocks(Dataset(events: Array(events.prefix(2)), jurisdictions: [j], elections: d.elections.map { $0 }), asOf: asOf, book: Self.book)
        #expect(!none.clocks.contains { $0.rule.start == .registration })
    }

    @Test func badRulesAreReportedAtTheirCell() {
        let text = "id,regime,start,end,limit,unit,article,verified\nx,pemilu,report,decision,7,hari,UU,verified\nx,pilpres,decision,report,-1,jam,,maybe\n"
        do {
            _ = try ClockRules.parse(Array(text.utf8), file: "clocks.csv")
            Issue.record("accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "clocks.csv:3:1: id 'x' is used by an earlier rule",
                    "clocks.csv:3:3: regime: 'pilpres' is not one of pemilu, pilkada, semua",
                    "clocks.csv:3:20: end: 'report' does not come after start 'decision' in a case (incident, report, registration, decision, forwarding, sanction)",
                    "clocks.csv:3:27: limit: '-1' is not a whole number of days from 1 to 3660 (empty for none)",
                    "clocks.csv:3:30: unit: 'jam' is not one of hari, hari_kerja",
                    "clocks.csv:3:34: article is empty; every rule names the article it comes from",
                    "clocks.csv:3:35: verified: 'maybe' is not one of verified, unverified"
                ])
        }
    }

    @Test func everyClockPhraseHasBothLanguages() {
        for p in Strings.clockSamples { #expect(!p.id.isEmpty && !p.en.isEmpty && p.id != p.en) }
    }
}

/// A `YYYY-MM-DD` day, nil for anything else.
func clockDay(_ s: String) -> Day? {
    guard case .success(let w) = WrittenDate.parse(s), w.form == .day else { return nil }
    return w.anchor
}
