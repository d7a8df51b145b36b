import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
@testable import NetraReport

/// Whose briefing it is (issue 31, point 4), read from the pages' plans, not from pixels.
@Suite struct OfficeSheetTests {
    static let office = "Bawaslu Kota Bogor"  // named nowhere in the shipped data

    /// Every page of every month of the shipped dataset names the office at its top, in the
    /// band, at the sheet's smallest size or more, in both languages.
    @Test(arguments: [Language.id, .en])
    func everyPageIsHeadedByTheOffice(_ lang: Language) throws {
        let a = try shipped()
        let fonts = try FontSet.resolve()
        var pages = 0
        for month in try BriefingSheetTests.months() {
            let cut = a.asOf(month.lastDay)
            let f = BriefingFigures(cut, month: month)
            let with = try BriefingSheet.layout(cut, figures: f, language: lang, fonts: fonts, office: Self.office)
            let without = try BriefingSheet.layout(cut, figures: f, language: lang, fonts: fonts)
            // The band's extra line may push the month's chart onto a page of its own.
            #expect(with.count == without.count || with.count == without.count + 1, "\(month.iso)")
            for p in with {
                let first = try #require(p.chart.texts.first)
                #expect(first.text == Self.office, "\(month.iso) p\(p.number)")
                #expect(first.style.size >= 36 && first.style.bold)
                #expect(first.box.minY >= 20 && first.box.maxY <= 100, "\(first.box)")
                #expect(p.chart.texts.filter { $0.text.contains(Self.office) }.count == 1)
                pages += 1
            }
            // Without an office, none is made up: the band opens with the headline.
            for p in without {
                #expect(!p.chart.texts.contains { $0.text.contains(Self.office) })
                #expect(p.chart.texts.first?.style.size ?? 0 >= 40)
            }
        }
        #expect(pages > 20)
    }

    /// A chart's footer opens with the office; the briefing's comparison is the pair asked for.
    @Test func chartFootersAndTheBriefingsPair() throws {
        let a = try shipped()
        let d = a.dataset
        var options = JobOptions(fonts: try FontSet.resolve(), office: Self.office, pair: ("kabupaten-bekasi", "kota-bekasi"))
        let files = BriefingJob.build(a, month: Month(parsing: "2024-01")!, options: options)
        let compare = try #require(files.first { $0.name == "briefing-2024-01/compare.png" })
        let dump = try #require(try compare.planDump())
        let kab = try #require(dump.range(of: "Kabupaten Bekasi")), kota = try #require(dump.range(of: "Kota Bekasi"))
        #expect(kab.lowerBound < kota.lowerBound)
        let monthly = try #require(files.first { $0.name == "briefing-2024-01/monthly.png" })
        #expect(try monthly.planDump()?.contains("\"\(Self.office) · ") == true)
        // The sheet's pages as the job lays them out.
        let sheet = try #require(files.first { $0.name == "briefing-2024-01/briefing-sheet.png" })
        #expect(try sheet.planDump()?.contains(Self.office) == true)
        options.office = nil
        let plain = BriefingJob.build(a, month: Month(parsing: "2024-01")!, options: options)
        for f in plain { #expect(try f.planDump()?.contains(Self.office) != true, "\(f.name)") }
        #expect(d.jurisdictionIndex["kota-bekasi"] != nil)
    }
}
