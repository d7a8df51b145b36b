import Foundation
import Testing
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
@testable import NetraReport

/// Issue 29, point 7: `caption.txt`, the month's message to paste under the sheet in a chat group.
@Suite struct BriefingCaptionTests {
    /// The caption and figures.csv (as `figure → value`) that one briefing writes.
    static func files(_ a: Analysis, _ month: Month, _ lang: Language) throws -> (caption: String, figures: [String: String]) {
        let files = BriefingJob.build(a, month: month, options: JobOptions(language: lang, fonts: try FontSet.resolve()))
        let dir = BriefingJob.folderName(month) + "/"
        let caption = String(decoding: try #require(files.first { $0.name == dir + "caption.txt" }).bytes(), as: UTF8.self)
        let csv = String(decoding: try #require(files.first { $0.name == dir + "figures.csv" }).bytes(), as: UTF8.self)
        var figures: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            if cells.count == 2 { figures[String(cells[0])] = String(cells[1]) }
        }
        return (caption, figures)
    }

    /// Every figure the caption gives is figures.csv's: the month's events, its new incidents,
    /// the days to the next election and the day it stands on; plain text of 2–5 sentences.
    @Test(arguments: [Language.id, .en])
    func figuresAreFiguresCSVs(_ lang: Language) throws {
        let a = try shipped()
        for month in [
            Month(year: 2023, month: 12), Month(year: 2024, month: 1), Month(year: 2024, month: 2),
            Month(year: 2024, month: 10), Month(year: 2024, month: 11)
        ] {
            let (caption, fig) = try Self.files(a, month, lang)
            let m = month.iso
            #expect(caption.hasSuffix(".\n") && !caption.dropLast().contains("\n"), "\(m)")
            #expect(caption.dropLast().count <= BriefingJob.captionLimit, "\(m): \(caption.count)")
            #expect(!caption.contains { "*_~`#[]|<>".contains($0) }, "\(m): \(caption)")
            let sentences = BriefingJob.caption(a.asOf(month.lastDay), BriefingFigures(a.asOf(month.lastDay), month: month), lang)
            #expect((2...5).contains(sentences.count) && sentences.allSatisfy { $0.hasSuffix(".") }, "\(m)")
            #expect(sentences.joined(separator: " ") + "\n" == caption)

            let events = try #require(fig["events"]), incidents = try #require(fig["new_incidents_reported"].flatMap { Int($0) })
            // The month's events: in the headline when it has no new incident, else said apart.
            if incidents == 0 {
                #expect(caption.contains(": \(events) "), "\(m): \(caption)")
                #expect(caption.contains(lang == .id ? "Tidak ada insiden baru." : "No new incidents."))
            } else {
                #expect(
                    caption.contains(lang == .id ? " \(events) peristiwa bulan ini;" : " \(events) event\(events == "1" ? "" : "s") this month;"),
                    "\(m): \(caption)")
                #expect(caption.contains(lang == .id ? ": \(incidents) insiden baru." : ": \(incidents) new incident"), "\(m): \(caption)")
            }
            if let days = fig["days_to_next_election"], !days.isEmpty {
                #expect(caption.contains(lang == .id ? "\(days) hari menuju " : "\(days) days to "), "\(m): \(caption)")
            } else {
                #expect(caption.contains(lang == .id ? "Tidak ada pemilu lagi" : "No election ahead"), "\(m): \(caption)")
            }
            // A briefing stands on its month's last day.
            #expect(fig["as_of"] == month.lastDay.iso)
            #expect(caption.contains(Strings.dataAsOf(month.lastDay).text(lang) + ", "), "\(m): \(caption)")
        }
    }

    /// January 2024 worked out by hand: the jersey photo (dismissed by the 22 Jan ruling), the
    /// ruling with its day, 10 events, 14 days to the Pemilu, 8 outlets.
    @Test func januaryByHand() throws {
        let (id, _) = try Self.files(try shipped(), Month(year: 2024, month: 1), .id)
        #expect(
            id == "Januari 2024: 1 insiden baru. Insiden baru: Pj Wali Kota Bekasi dan sejumlah camat berpose dengan jersey nomor dua (dihentikan). "
                + "Putusan: Bawaslu Kota Bekasi: tak ada pelanggaran, laporan jersey dihentikan (22 Januari 2024, dihentikan). "
                + "10 peristiwa bulan ini; 14 hari menuju Pemilu 2024. Data per 31 Januari 2024, dari 8 sumber media.\n")
        let (en, _) = try Self.files(try shipped(), Month(year: 2024, month: 1), .en)
        #expect(en.hasPrefix("January 2024: 1 new incident. New incident: Pj Wali Kota and camat pose with jersey number two (dismissed). "))
        #expect(en.hasSuffix("10 events this month; 14 days to Pemilu 2024. Data as of 31 January 2024, from 8 news outlets.\n"))
    }

    /// A generated month of thousands of events still fits a chat message: incidents counted by
    /// status, the figures figures.csv's.
    @Test func aBusyMonthIsCountedWithinTheLimit() throws {
        let a = try GoldenFileTests.generated()
        for lang in [Language.id, .en] {
            let (caption, fig) = try Self.files(a, Month(year: 2023, month: 12), lang)
            #expect(caption.dropLast().count <= BriefingJob.captionLimit, "\(caption.count)")
            let incidents = try #require(fig["new_incidents_reported"].flatMap { Int($0) })
            #expect(incidents > 5)
            #expect(
                caption.contains(
                    lang == .id ? "\(NumberFormat.number(incidents, lang)) insiden baru: " : "\(NumberFormat.number(incidents, lang)) new incidents: "),
                "\(caption)")
        }
    }
}
