import Testing
import NetraTestSupport
import NetraCore

/// What takes part as of a day, and the statuses set by then (SPEC §3 "As of a date").
@Suite struct AsOfTests {
    static let header = "id,date,precision,kind,jurisdiction,title,count,status,links,source,source_date,known_date"

    /// The jersey case in small: photo 29 Dec (reported 4 Jan), report 2 Jan, registration
    /// 4 Jan (sets nothing), dismissal 22 Jan, and a sanction on 1 Mar that outlets knew of
    /// only on 5 Mar.
    static let rows = [
        "photo,2023-12-29,day,incident,kota-bekasi,Photo,,dismissed,,A,2024-01-04,",
        "report,2024-01-02,day,report,kota-bekasi,Report,,,reports:photo,A,2024-01-04,",
        "registration,2024-01-04,day,decision,kota-bekasi,Registered,,,decides:report,A,2024-01-04,",
        "dismissal,2024-01-22,day,decision,kota-bekasi,Dismissed,,dismissed,decides:report,A,2024-01-22,",
        "pledge,2023-11-02,day,pledge,kota-bekasi,Pledge,100,,,A,2024-01-04,2023-11-03",
        "other,2024-02,month,incident,kota-bekasi,Other,,,,A,,",
        "sanction,2024-03-01,day,sanction,kota-bekasi,Sanction,,sanctioned,sanctions:other,A,2024-03-05,"
    ]

    static func load(_ rows: [String] = rows) throws -> Dataset {
        try Fixture.load(events: ([header] + rows).joined(separator: "\n") + "\n")
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) throws -> Day { try #require(Day(year: y, month: m, day: d)) }

    @Test func anEventTakesPartOnceItHappenedAndWasKnown() throws {
        let d = try Self.load()
        let k = { (id: String) in try #require(d.eventsByID[id]) }
        // known_date wins over source_date; source_date over the anchor.
        #expect(d.knownDay(try k("pledge")) == (try Self.day(2023, 11, 3)))
        #expect(d.knownDay(try k("photo")) == (try Self.day(2024, 1, 4)))
        #expect(d.knownDay(try k("other")) == (try Self.day(2024, 2, 1)))
        func ids(_ day: Day) -> [String] { d.asOf(day).dataset.events.map(\.id).sorted() }
        #expect(ids(try Self.day(2023, 12, 31)) == ["pledge"])
        #expect(ids(try Self.day(2024, 1, 3)) == ["pledge"])
        #expect(ids(try Self.day(2024, 1, 4)) == ["pledge", "photo", "registration", "report"].sorted())
        // Happened on 1 March, known on 5 March.
        #expect(!ids(try Self.day(2024, 3, 4)).contains("sanction"))
        #expect(ids(try Self.day(2024, 3, 5)).contains("sanction"))
        #expect(d.latestKnownDay == (try Self.day(2024, 3, 5)))
        #expect(d.asOf(try Self.day(2024, 1, 10)).dataset.standsOn == (try Self.day(2024, 1, 10)))
    }

    @Test func theCutKeepsTheLinksAmongWhatTakesPart() throws {
        let d = try Self.load()
        let cut = d.asOf(try Self.day(2024, 1, 22)).dataset
        let dismissal = try #require(cut.eventsByID["dismissal"])
        #expect(cut.events.links[dismissal].map { cut.events.id($0.target) } == ["report"])
        // The sanction's target is there as of 5 March, and the link with it.
        let later = d.asOf(try Self.day(2024, 3, 5)).dataset
        let sanction = try #require(later.eventsByID["sanction"])
        #expect(later.events.links[sanction].map { later.events.id($0.target) } == ["other"])
    }

    @Test func anIncidentIsAllegedUntilADecisionSetsItsStatus() throws {
        let d = try Self.load()
        let statuses = IncidentStatuses(d.events, graph: EventGraph(events: d.events))
        let photo = try #require(d.eventsByID["photo"]), other = try #require(d.eventsByID["other"])
        func status(_ k: EventIndex, _ day: Day) -> CaseStatus? {
            statuses.asOf(d.events) { d.takesPart($0, asOf: day) }[k]
        }
        // The registration of 4 January sets nothing; the dismissal of 22 January sets it.
        #expect(status(photo, try Self.day(2024, 1, 10)) == .alleged)
        #expect(status(photo, try Self.day(2024, 1, 21)) == .alleged)
        #expect(status(photo, try Self.day(2024, 1, 22)) == .dismissed)
        #expect(status(photo, try Self.day(2024, 1, 31)) == .dismissed)
        // The sanction counts from the day it was known, not the day it happened.
        #expect(status(other, try Self.day(2024, 3, 4)) == .alleged)
        #expect(status(other, try Self.day(2024, 3, 5)) == .sanctioned)
        // Everything known: the last status set.
        #expect(statuses.asOf(d.events) { _ in true }[photo] == .dismissed)
        #expect(statuses.disagreements(d.events).isEmpty)
    }

    @Test func anIncidentNoOneRuledOnKeepsItsOwnStatus() throws {
        var rows = Self.rows
        rows.append("lone,2024-01-05,day,incident,kota-bekasi,Lone,,confirmed,,A,,")
        rows.append("blank,2024-01-06,day,incident,kota-bekasi,Blank,,,,A,,")
        let d = try Self.load(rows)
        let statuses = IncidentStatuses(d.events, graph: EventGraph(events: d.events))
        let all = statuses.asOf(d.events) { _ in true }
        #expect(all[try #require(d.eventsByID["lone"])] == .confirmed)
        #expect(all[try #require(d.eventsByID["blank"])] == nil)
        // Not an incident: no status as of.
        #expect(all[try #require(d.eventsByID["dismissal"])] == nil)
    }

    @Test func theLaterOfTwoDecisionsOnADayIsTheOneWithTheLargerID() throws {
        var rows = Self.rows
        rows.append("zz-confirm,2024-01-22,day,decision,kota-bekasi,Confirmed,,confirmed,decides:report,A,2024-01-22,")
        let d = try Self.load(rows)
        let statuses = IncidentStatuses(d.events, graph: EventGraph(events: d.events))
        let photo = try #require(d.eventsByID["photo"])
        #expect(statuses.asOf(d.events) { _ in true }[photo] == .confirmed)
        // The photo's own cell says dismissed: validate warns.
        let found = statuses.disagreements(d.events)
        #expect(found.map { d.events.id($0.incident) } == ["photo"])
        #expect(found.map { d.events.id($0.setter) } == ["zz-confirm"])
    }

    @Test func aKnownDateBeforeTheEventOrNotADayIsRefusedWhereItStands() {
        let early = Fixture.problems(events: ([Self.header] + ["p,2023-11-02,day,pledge,kota-bekasi,P,,,,A,,2023-11-01"]).joined(separator: "\n") + "\n")
        #expect(early == ["events.csv:2:45: known_date: 2023-11-01 is before the event's date 2023-11-02; an event is public only once it has happened"])
        let month = Fixture.problems(events: ([Self.header] + ["p,2023-11-02,day,pledge,kota-bekasi,P,,,,A,,2023-11"]).joined(separator: "\n") + "\n")
        #expect(month == ["events.csv:2:45: known_date: the first day the event was public needs the day, YYYY-MM-DD; got '2023-11'"])
        // A month-precise event may be known any day of its month.
        #expect(Fixture.problems(events: ([Self.header] + ["p,2023-11,month,pledge,kota-bekasi,P,,,,A,,2023-11-01"]).joined(separator: "\n") + "\n").isEmpty)
    }
}
