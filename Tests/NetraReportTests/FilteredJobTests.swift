import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
@testable import NetraLoad
@testable import NetraReport

/// Every chart of a filtered report and the briefing sheet say what the filter kept (issue 18, point 1).
@Suite struct FilteredJobTests {
    static func filtered() throws -> Analysis {
        let d = try DatasetLoader.load(directory: root + "/datasets/bekasi-2024")
        let from = try WrittenDate.parse("2023-11").get(), to = try WrittenDate.parse("2024-01").get()
        let kota = try #require(d.jurisdictionIndex["kota-bekasi"])
        return Analysis(dataset: d, selection: Selection(from: from, to: to, jurisdictions: [kota], kinds: [.incident, .decision]))
    }

    @Test func everyChartSubtitleAndTheSheetSayTheFilter() throws {
        let a = try Self.filtered()
        #expect(a.dataset.events.indices.allSatisfy { a.dataset.jurisdictions[a.dataset.events.jurisdictions[$0]].id == "kota-bekasi" })
        let options = JobOptions(fonts: try FontSet.resolve())
        let files = ReportJob.build(a, options: options) + BriefingJob.build(a, month: Month(year: 2024, month: 1), options: options)
        var charts = 0
        for f in files {
            guard let plan = try f.planDump() else { continue }
            charts += 1
            let note =
                f.name.contains("briefing-sheet") && !f.name.hasSuffix("briefing-sheet.png") ? nil : "Kota Bekasi · Nov 2023 – Jan 2024 · insiden, putusan"
            if let note { #expect(plan.contains(note), "\(f.name) does not say the filter") }
        }
        #expect(charts >= 8)
        let md = try #require(files.first { $0.name == "briefing-2024-01/events.md" })
        #expect(String(decoding: try md.bytes(), as: UTF8.self).contains("Data per 31 Januari 2024 · Kota Bekasi · Nov 2023 – Jan 2024 · insiden, putusan\n"))
        let en = ReportJob.build(a, options: JobOptions(language: .en, fonts: try FontSet.resolve()))
        let monthly = try #require(en.first { $0.name == "monthly.png" })
        #expect(try #require(try monthly.planDump()).contains("Kota Bekasi · Nov 2023 – Jan 2024 · incident, decision"))
        // Kept to Kota Bekasi, the whole-dataset chart is not of "all jurisdictions".
        #expect(try #require(try monthly.planDump()).contains("All jurisdictions") == false)
        let idMonthly = try #require(files.first { $0.name == "monthly.png" })
        #expect(try #require(try idMonthly.planDump()).contains("Semua wilayah") == false)
    }

    @Test func noFilterNoNote() throws {
        let a = try shipped()
        #expect(Strings.selection(a.dataset.selection, a.dataset) == nil)
        #expect(a.selection == nil)
    }

    @Test func statusesAreSetByDecisionsOutsideTheFilter() throws {
        // Incidents alone: the jersey photo is still dismissed by Bawaslu's decision, left out.
        let d = try DatasetLoader.load(directory: root + "/datasets/bekasi-2024")
        let a = Analysis(dataset: d, selection: Selection(kinds: [.incident]))
        let all = Analysis(dataset: d)
        #expect(a.dataset.events.indices.allSatisfy { a.dataset.events.kinds[$0] == .incident })
        for k in a.dataset.events.indices {
            let id = a.dataset.events.id(k)
            let j = try #require(all.dataset.eventsByID[id])
            #expect(a.statusAsOf[k] == all.statusAsOf[j], "\(id)")
        }
        #expect(a.dataset.events.indices.contains { a.statusAsOf[$0] == .dismissed })
    }
}
