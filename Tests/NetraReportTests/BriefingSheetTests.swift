import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraReport

/// The sheet as a supervisor reads it: forwarded to a chat group and shown 390 CSS px wide.
@Suite struct BriefingSheetTests {
    /// A month's pages, laid out with their chart, as the briefing job lays them out (the
    /// tests read their plans; nothing here asks for a page's PNG).
    static func pages(_ a: Analysis, _ month: Month, _ lang: Language) throws -> (BriefingFigures, [LaidOutChart<SheetPage>]) {
        let sheet = try BriefingJob.sheet(a, month: month, options: JobOptions(language: lang, fonts: try FontSet.resolve()))
        return (sheet.figures, sheet.pages)
    }

    /// The shipped dataset's pages of every month in both languages, laid out once for the suite
    /// (its tests went through every month's sheet eight times between them).
    static let shippedSheets = Result { () throws -> [String: (BriefingFigures, [LaidOutChart<SheetPage>])] in
        let a = try shipped()
        var out: [String: (BriefingFigures, [LaidOutChart<SheetPage>])] = [:]
        for lang in Language.allCases {
            for month in try months() { out["\(month.iso) \(lang)"] = try pages(a, month, lang) }
        }
        return out
    }

    /// A month's pages of the shipped dataset, as `pages(try shipped(), month, lang)` lays them out.
    static func shippedPages(_ month: Month, _ lang: Language) throws -> (BriefingFigures, [LaidOutChart<SheetPage>]) {
        if let made = try shippedSheets.get()["\(month.iso) \(lang)"] { return made }
        return try pages(try shipped(), month, lang)
    }

    /// Every month from the first to the last of the shipped dataset, the empty ones too.
    static func months() throws -> [Month] {
        let d = try shipped().dataset
        let all = d.events.dates.map(\.anchor.month)
        guard let lo = all.min(), let hi = all.max() else { return [] }
        return (lo.index...hi.index).map { Month(index: $0) }
    }

    /// No text under 35 px at 1240 wide (11 CSS px at 390), inside its page or its chart's
    /// slot, none on another; every event of the month listed once, incidents and decisions
    /// first; no "see events.md".
    @Test(arguments: [Language.id, .en])
    func everyMonthReadsOnAPhone(_ lang: Language) throws {
        let a = try shipped()
        for month in try Self.months() {
            let (f, pages) = try Self.shippedPages(month, lang)
            #expect(!pages.isEmpty)
            let pageRect = ChartRect(x: 0, y: 0, width: Double(BriefingSheet.width), height: Double(BriefingSheet.height))
            for p in pages {
                #expect(p.plan.chart.width == 1240 && p.plan.chart.height == 1754)
                var texts = p.plan.chart.texts
                for t in texts {
                    #expect(t.style.size >= 35, "\(month.iso) p\(p.plan.number): '\(t.text)' is \(t.style.size) px")
                    #expect(t.style.size * 390 / 1240 >= 11)
                    #expect(pageRect.contains(t.box), "\(month.iso): '\(t.text)' leaves the page")
                    #expect(!t.text.contains("events.md"))
                }
                if let chart = p.plan.embedded, let slot = p.plan.chartSlot {
                    for t in chart.texts {
                        #expect(t.style.size >= 35, "\(month.iso) chart: '\(t.text)' is \(t.style.size) px")
                        #expect(
                            t.box.minX >= 0 && t.box.maxX <= slot.width + 0.5 && t.box.minY >= 0 && t.box.maxY <= slot.height + 0.5,
                            "\(month.iso) chart: '\(t.text)' leaves its slot")
                    }
                    texts += chart.texts.map {
                        var t = $0; t.box = t.box.offsetBy(dx: slot.minX, dy: slot.minY); return t
                    }
                }
                for (i, t) in texts.enumerated() {
                    for u in texts[(i + 1)...] where t.box.intersects(u.box.insetBy(dx: 1, dy: 1)) {
                        Issue.record("\(month.iso) p\(p.plan.number): '\(t.text)' overlaps '\(u.text)'")
                    }
                }
            }
            // Every event listed, once, in the sheet's order: outcomes first (incidents, rulings
            // and sanctions: a registration is no ruling), then the earlier events first reported
            // this month (the headline's new incidents), then the rest, each group by date.
            let all = pages.flatMap(\.plan.listed)
            #expect(Set(all) == Set(f.events + f.firstKnown) && all.count == f.events.count + f.firstKnown.count, "\(month.iso)")
            let events = a.asOf(month.lastDay).dataset.events
            let leads = f.events.filter { [.incident, .decision, .sanction].contains(events.kinds[$0]) && !events.isRegistration($0) }
            #expect(all == leads + f.firstKnown + f.events.filter { !leads.contains($0) }, "\(month.iso)")
            // Page numbers say how many pages there are.
            for p in pages {
                let footer = p.plan.chart.texts.filter { $0.role == .footer }.map(\.text).joined(separator: " ")
                #expect(footer.contains("\(p.plan.number)/\(pages.count)"), "\(month.iso): \(footer)")
            }
        }
    }

    /// January 2024, worked out by hand: twelve events, the two rulings of the jersey case
    /// first, the 22 January ruling in the headline.
    @Test func januaryListsEveryEventWithItsDateAndSource() throws {
        let a = try shipped()
        let (f, pages) = try Self.shippedPages(Month(year: 2024, month: 1), .id)
        #expect(f.events.count == 14)
        let texts = pages.flatMap(\.plan.chart.texts).map(\.text)
        let d = a.asOf(Month(year: 2024, month: 1).lastDay).dataset
        let ruling = try #require(d.eventsByID["kota-2024-01-22-jersey-decision"])
        // The jersey photo of 29 Dec became news in January: January's new incident.
        #expect(texts.joined(separator: " ").hasPrefix("Januari 2024: Bawaslu Kota Bekasi: tak ada pelanggaran, laporan jersey dihentikan; 1 insiden baru"))
        // title_en is the English reader's; Indonesian readers get the sources' own words.
        #expect(d.events[ruling].title(.en) == "Bawaslu Kota Bekasi: no violation in the jersey case; report stopped")
        let english = try Self.shippedPages(Month(year: 2024, month: 1), .en).1.flatMap(\.plan.chart.texts).map(\.text)
        #expect(english.joined(separator: " ").hasPrefix("January 2024: Bawaslu Kota Bekasi: no violation in the jersey case; report stopped; 1 new incident"))
        #expect(english.contains("22 January 2024 · Decision · Kota Bekasi"))
        #expect(!english.contains { $0.contains("tak ada pelanggaran") })
        #expect(texts.contains("Data per 31 Januari 2024 · dibuat dengan Netra"))
        let listed = pages.flatMap(\.plan.listed).map { d.events.id($0) }
        // The ruling leads, then what became news in January (the pledge follow-up of November
        // and the jersey photo); the registration of 4 Jan is no ruling and is listed with the rest.
        #expect(
            Array(listed.prefix(4)) == [
                "kota-2024-01-22-jersey-decision", "kota-2023-11-04-pledge-follow-up",
                "kota-2023-12-29-jersey-photo", "kota-2024-01-02-jersey-report"
            ])
        #expect(texts.contains("22 Januari 2024 · Putusan · Kota Bekasi"))
        #expect(texts.contains("4 Januari 2024 · Registrasi laporan · Kota Bekasi"))
        #expect(!texts.contains("4 Januari 2024 · Putusan · Kota Bekasi"))
        #expect(texts.contains { $0.hasPrefix("Menetapkan: dihentikan · Sumber: Kabar Bekasi") })
        // The on-or-before banners are written out in words, not with "≤".
        // A date line that would take two lines is said short: `22 Jan 2024`, `Kab. Bekasi`.
        #expect(texts.contains("paling lambat 22 Jan 2024 · Arahan · Kab. Bekasi"))
        #expect(!texts.contains { $0.contains("≤") })
        // The chart on the last page only, in the room it needs (checked below for every month).
        // Page 1 may hold only the headline and the figures when they are tall (issue 29 packs it fuller).
        #expect(pages.dropLast().allSatisfy { $0.plan.embedded == nil } && pages.dropFirst().dropLast().allSatisfy { $0.plan.listed.count > 0 })
        #expect(pages.last?.plan.embedded != nil)
        // No month squeezes its chart into less than it needs to be read.
        for month in try Self.months() {
            for p in try Self.shippedPages(month, .id).1 {
                if let slot = p.plan.chartSlot {
                    #expect(slot.height >= BriefingSheet.chartMinHeight && p.plan.embedded != nil)
                    let upTo = BriefingJob.upToMonth(a.asOf(month.lastDay).dataset, through: month)
                    #expect(try BriefingJob.plotHeight(month, upTo, .id, try FontSet.resolve())(slot.height) >= BriefingSheet.plotMinHeight, "\(month.iso)")
                }
            }
        }
    }

    /// February 2024 leads with its story, in both languages: Bawaslu Jawa Barat's correction of
    /// the jersey ruling and the new allegation against the Pj Bupati; never "0 new incidents".
    @Test func februaryLeadsWithItsStory() throws {
        let month = Month(year: 2024, month: 2)
        for (lang, headline, tile) in [
            (
                Language.id, "Februari 2024: Bawaslu Jawa Barat koreksi putusan jersey: ada pelanggaran netralitas ASN; 1 insiden baru",
                "Insiden baru diberitakan"
            ),
            (.en, "February 2024: Bawaslu Jawa Barat corrects the jersey ruling: a breach of ASN neutrality; 1 new incident", "New incidents reported")
        ] {
            let (f, pages) = try Self.shippedPages(month, lang)
            #expect(f.newIncidentsReported.count == 1)
            let first = pages[0].plan.chart.texts
            let title = first.filter { $0.role == .title }.map(\.text).joined(separator: " ")
            #expect(title == headline, "\(lang)")
            let all = pages.flatMap(\.plan.chart.texts).map(\.text).joined(separator: " ")
            #expect(!all.contains("0 insiden baru") && !all.contains("0 new incident"))
            // The tile: one new incident, reported this month, that happened earlier.
            #expect(first.contains { $0.text == "1" && $0.role == .value })
            #expect(all.contains(tile))
            #expect(all.contains(lang == .id ? "terjadi sebelumnya" : "happened earlier"))
            // Signatories are a lower bound while pledges give no count.
            #expect(all.contains(lang == .id ? "sedikitnya 24.013" : "at least 24,013"))
        }
    }

    /// An event first reported after its month is listed in the month it became known, apart
    /// from the month's own events and not counted in them: the Pj Bupati's blue shirt of
    /// 1 Dec 2023, first reported by Kompas.com on 5 Feb 2024, in February's sheet; KASN's
    /// hand-over to BKN of 24 Aug 2024, first reported on 17 Sep, in September's.
    @Test func eventsFirstReportedLaterAreListedWhenTheyBecameKnown() throws {
        let a = try shipped()
        for (month, id, events) in [
            (Month(year: 2024, month: 2), "kab-2023-12-01-pj-bupati-blue-shirt", 9),
            (Month(year: 2024, month: 9), "nas-2024-08-24-bkn-takes-over", 3)
        ] {
            let (f, pages) = try Self.shippedPages(month, .id)
            let d = a.asOf(month.lastDay).dataset
            #expect(f.firstKnown.map { d.events.id($0) } == [id], "\(month.iso)")
            #expect(f.events.count == events && !f.events.contains { d.events.id($0) == id })
            let texts = pages.flatMap(\.plan.chart.texts).map(\.text)
            #expect(texts.contains("Baru diberitakan bulan ini"), "\(month.iso)")
        }
        // December 2023 and August 2024 knew nothing of them: they are not counted there, only
        // named at the end as reported after the sheet's day, so they do not vanish without a word.
        for (month, id, day) in [
            (Month(year: 2023, month: 12), "kab-2023-12-01-pj-bupati-blue-shirt", "31 Des 2023"),
            (Month(year: 2024, month: 8), "nas-2024-08-24-bkn-takes-over", "31 Agu 2024")
        ] {
            let (f, pages) = try Self.shippedPages(month, .id)
            let d = a.asOf(month.lastDay).dataset
            #expect(!(f.events + f.firstKnown).contains { d.events.id($0) == id }, "\(month.iso)")
            #expect(f.knownLater.map { a.full.events.id($0) }.contains(id), "\(month.iso)")
            let texts = pages.flatMap(\.plan.chart.texts).map(\.text)
            let heading = try #require(texts.firstIndex(of: "Diberitakan setelah \(day)"), "\(month.iso)")
            #expect(!texts[..<heading].contains { $0.contains("Gebyar Museum") || $0.contains("beralih ke BKN") })
            #expect(!pages.contains { $0.plan.listed.contains { d.events.id($0) == id } })
        }
    }

    /// A month without events says so, in one page (the chart of the months before only if
    /// it fits there: it gets no page of its own).
    @Test func anEmptyMonthSaysSo() throws {
        let (f, pages) = try Self.shippedPages(Month(year: 2024, month: 3), .en)
        #expect(f.events.isEmpty)
        #expect(pages.count == 1)
        let texts = pages.flatMap(\.plan.chart.texts).map(\.text)
        #expect(texts.contains("No events recorded in March 2024."))
        #expect(texts.first == "March 2024: no events recorded")
    }

    /// A figure is never cut: seven-digit signatories (a generated dataset) are set smaller,
    /// whole, and still no text is under 35 px.
    @Test func aLongFigureIsSetSmallerNotCut() throws {
        let f = SyntheticDataset.make(events: 5_000, seed: 3)
        let a = Analysis(
            dataset: try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                events: ("events.csv", f.events), name: "g5"))
        let (figures, pages) = try Self.pages(a, Month(year: 2024, month: 12), .en)
        let signatories = try #require(figures.signatoriesSoFar)
        #expect(signatories >= 1_000_000)
        let values = pages[0].plan.chart.texts.filter { $0.role == .value }
        #expect(values.count == 6)
        #expect(values.allSatisfy { !$0.text.contains("…") && $0.style.size >= 35 })
        #expect(values.contains { $0.text == NumberFormat.number(signatories, .en) })
    }

    /// Issue 29, point 5: pages as full as their content allows. December 2023 (2 events, an
    /// earlier one first reported in it and 2 reported after it) takes 2 pages, January 2024
    /// (14 events and 2 reported in it) 4, in both languages; every month of at most 6 listed
    /// events (November 2023: 5 and one known later) fits on 2; page 1 holds the tiles and at
    /// least one event, February's the new incident its headline counts; every page but the last is
    /// filled down to where the next event, or the chart at its least readable height, would not fit.
    @Test(arguments: [Language.id, .en])
    func pagesAreAsFullAsTheirContentAllows(_ lang: Language) throws {
        let a = try shipped()
        let fonts = try FontSet.resolve()
        #expect(try Self.shippedPages(Month(year: 2023, month: 12), lang).1.count == 2)
        #expect(try Self.shippedPages(Month(year: 2024, month: 1), lang).1.count == 4)
        #expect(try Self.shippedPages(Month(year: 2023, month: 11), lang).1.count == 2)
        for month in try Self.months() {
            let (f, pages) = try Self.shippedPages(month, lang)
            let blocks = f.events.count + f.firstKnown.count + f.knownLater.count
            if blocks <= 6 { #expect(pages.count <= 2, "\(month.iso): \(blocks) events on \(pages.count) pages") }
            if !(f.events + f.firstKnown).isEmpty { #expect(!pages[0].plan.listed.isEmpty, "\(month.iso): nothing listed on page 1") }
            let upTo = BriefingJob.upToMonth(a.asOf(month.lastDay).dataset, through: month)
            // The footer rule and the lowest text above it: less apart than the next thing needs (an
            // event with its heading is at most 10 lines, some 480 px; the chart, the height at
            // which its plot reads).
            for (n, p) in pages.dropLast().enumerated() {
                let rule = try #require(
                    p.plan.chart.marks.compactMap { m -> Double? in
                        if case let .rect(r, _) = m, r.height == 2 { return r.minY } else { return nil }
                    }.max())
                let lowest = p.plan.chart.texts.filter { $0.role != .footer }.map(\.box.maxY).max() ?? 0
                let next = pages[n + 1].plan
                if next.listed.isEmpty && next.chartSlot != nil {
                    let room = rule - lowest
                    let reads =
                        try room >= BriefingSheet.chartMinHeight
                        && BriefingJob.plotHeight(month, upTo, lang, fonts)(room) >= BriefingSheet.plotMinHeight
                    #expect(!reads, "\(month.iso) p\(p.plan.number): \(Int(room)) px empty, and the chart reads in that")
                } else {
                    #expect(rule - lowest < 480, "\(month.iso) p\(p.plan.number): \(Int(rule - lowest)) px empty")
                }
            }
            // The month's chart is on the last page, with the events when there is room.
            if !f.events.isEmpty { #expect(pages.last?.plan.embedded != nil, "\(month.iso)") }
        }
        // The headline's new incident (first reported in February, from December) is on page 1.
        let february = try Self.shippedPages(Month(year: 2024, month: 2), .id)
        #expect(february.1[0].plan.listed.contains(try #require(february.0.firstKnown.first)))
    }

    /// A briefing of January of year 1 (a valid date): its timeline's window, the three
    /// months before it, began in year 0, where no day is, and the job stopped on a range
    /// running backwards. The window now starts at year 1's January.
    @Test func aBriefingOfTheFirstMonthOfYearOneHasItsTimeline() throws {
        let shipped = try shipped().dataset
        let kota = try #require(shipped.jurisdictions.indices.first { shipped.jurisdictions[$0].id == "kota-bekasi" })
        func day(_ y: Int, _ m: Int, _ d: Int) throws -> EventDate {
            EventDate(written: WrittenDate(anchor: try #require(Day(year: y, month: m, day: d)), form: .day), precision: .day)
        }
        let d = Dataset(
            events: [
                Event(id: "first", date: try day(1, 1, 5), kind: .incident, jurisdiction: kota, title: "Year one", status: .alleged, source: "A"),
                Event(id: "later", date: try day(2024, 2, 6), kind: .pledge, jurisdiction: kota, title: "Now", source: "A")
            ], jurisdictions: Array(shipped.jurisdictions), elections: Array(shipped.elections), name: "datasets/far")
        for month in [Month(year: 1, month: 1), Month(year: 1, month: 2)] {
            let files = BriefingJob.build(Analysis(dataset: d), month: month, options: JobOptions(fonts: try FontSet.resolve()))
            let timeline = try #require(files.first { $0.name == "briefing-\(month.iso)/timeline.png" })
            #expect(Array(try timeline.bytes().prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
    }

    /// The job writes one file per page, named in order.
    @Test func pagesAreFilesNamedInOrder() throws {
        let files = BriefingJob.build(try shipped(), month: Month(year: 2024, month: 1), options: JobOptions(fonts: try FontSet.resolve()))
        let sheets = files.map(\.name).filter { $0.contains("briefing-sheet") }
        #expect(
            sheets == [
                "briefing-2024-01/briefing-sheet.png", "briefing-2024-01/briefing-sheet-2.png", "briefing-2024-01/briefing-sheet-3.png",
                "briefing-2024-01/briefing-sheet-4.png"
            ])
        for f in files where f.name.hasSuffix(".png") { #expect(Array(try f.bytes().prefix(4)) == [0x89, 0x50, 0x4E, 0x47]) }
    }
}

/// Issue 35: the sheet says when reports are past a legal limit, in both languages.
@Suite struct OverdueLineTests {
    @Test(arguments: [
        (Language.id, "1 laporan melewati batas 2 hari (belum terverifikasi)"),
        (Language.en, "1 report past the limit of 2 days (unverified)")
    ])
    func februaryHasThePjBupatiReportPastTheFirstCheck(lang: Language, line: String) throws {
        // Reported 2 Feb 2024 (public 5 Feb); no registration or ruling in any source.
        let files = BriefingJob.build(try shipped(), month: Month(year: 2024, month: 2), options: JobOptions(language: lang, fonts: try FontSet.resolve()))
        let sheet = try #require(files.first { $0.name == "briefing-2024-02/briefing-sheet.png" })
        let dump = try #require(try sheet.planDump())
        #expect(dump.contains("\"\(line)\""))
        let md = try #require(files.first { $0.name == "briefing-2024-02/events.md" })
        #expect(String(decoding: try md.bytes(), as: UTF8.self).contains("- **\(line)**\n"))
        // January ends with nothing overdue (the jersey report was decided on the 22nd): no line.
        let january = BriefingJob.build(try shipped(), month: Month(year: 2024, month: 1), options: JobOptions(language: lang, fonts: try FontSet.resolve()))
        let jan = try #require(try january.first { $0.name == "briefing-2024-01/briefing-sheet.png" }?.planDump())
        #expect(!jan.contains(lang == .id ? "melewati batas" : "past the limit"))
    }
}
