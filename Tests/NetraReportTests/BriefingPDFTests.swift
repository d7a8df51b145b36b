import Foundation
import Testing
import NetraCore
import NetraText
import NetraAnalytics
@testable import NetraRender
@testable import NetraReport
import NetraTestSupport

/// Issue 29, point 8: briefing.pdf, the sheet's pages on A4 with real text, read back by
/// poppler's pdftotext (poppler-utils, `make test-deps`).
@Suite struct BriefingPDFTests {
    static let pdftotext = "/usr/bin/pdftotext"

    /// The PDF and the PNG pages' plans one briefing writes.
    static func briefing(_ a: Analysis, _ month: Month, _ lang: Language) throws -> (pdf: [UInt8], pages: [SheetPage]) {
        let files = BriefingJob.build(a, month: month, options: JobOptions(language: lang, fonts: try FontSet.resolve()))
        let dir = BriefingJob.folderName(month) + "/"
        let pdf = try #require(files.first { $0.name == dir + BriefingPDF.fileName }).bytes()
        let pages = try BriefingJob.sheet(a, month: month, options: JobOptions(language: lang, fonts: try FontSet.resolve())).pages.map(\.plan)
        return (pdf, pages)
    }

    /// pdftotext's text of `pdf`, pages split at form feeds, each with its runs of white space made one space.
    static func text(_ pdf: [UInt8]) throws -> [String] {
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        let dir = URL(fileURLWithPath: folders.make("pdf"))
        let file = dir.appendingPathComponent("briefing.pdf")
        try Data(pdf).write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pdftotext)
        p.arguments = ["-enc", "UTF-8", file.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let pages = String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast()
        return pages.map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
    }

    @Test(arguments: [Language.id, .en])
    func pdfHoldsTheSheetsTextPageForPage(_ lang: Language) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.pdftotext) else {
            Issue.record("\(Self.pdftotext) is missing: make test-deps installs poppler-utils")
            return
        }
        let a = try shipped()
        for month in [Month(year: 2023, month: 12), Month(year: 2024, month: 1), Month(year: 2024, month: 2)] {
            let (pdf, pages) = try Self.briefing(a, month, lang)
            #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
            // The same bytes on every run: no date, no random ID.
            #expect(try Self.briefing(a, month, lang).pdf == pdf, "\(month.iso): two runs differ")
            let text = try Self.text(pdf)
            #expect(text.count == pages.count, "\(month.iso): \(text.count) PDF pages for \(pages.count) sheet pages")
            // The headline as the band sets it, and every event's title, on the page that lists it.
            let headline = pages[0].chart.texts.filter { $0.role == .title }.map(\.text).joined(separator: " ")
            #expect(!headline.isEmpty && text.first?.contains(headline) == true, "\(month.iso): \(headline)")
            let d = a.asOf(month.lastDay).dataset
            for (n, page) in pages.enumerated() where n < text.count {
                for k in page.listed {
                    let title = d.events[k].title(lang).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    #expect(text[n].contains(title), "\(month.iso) p\(n + 1): '\(title)' not in the PDF's text")
                }
                // Every line of the page is there as text, the footer too.
                for t in page.chart.texts { #expect(text[n].contains(t.text), "\(month.iso) p\(n + 1): '\(t.text)'") }
            }
        }
    }

    /// Every kind of mark a plan may hold is drawn (the sheet's pages hold rectangles and text;
    /// lines, outlines, circles, polygons and turned text must not fail either), text still text.
    @Test func everyKindOfMarkDraws() throws {
        let style = TextStyle(size: 40, color: RGBA(hex: 0x1A1A1A))
        let text = TextMark(
            text: "Teks miring ≥ 5 · −3", style: style, box: ChartRect(x: 100, y: 300, width: 40, height: 400),
            origin: ChartPoint(x: 140, y: 700), angle: .pi / 2, role: .axisTitle)
        let marks: [Mark] = [
            .outline(ChartRect(x: 10, y: 10, width: 100, height: 50), stroke: RGBA(hex: 0xB3261E), thickness: 2),
            .line([ChartPoint(x: 0, y: 100), ChartPoint(x: 600, y: 120), ChartPoint(x: 900, y: 90)], stroke: .black, thickness: 3, dash: 6),
            .circle(center: ChartPoint(x: 300, y: 300), radius: 20, fill: RGBA(hex: 0x2A7AB8), stroke: .black, thickness: 1),
            .circle(center: ChartPoint(x: 400, y: 300), radius: 20, fill: nil, stroke: .black, thickness: 1),
            .polygon(
                [ChartPoint(x: 500, y: 500), ChartPoint(x: 600, y: 500), ChartPoint(x: 550, y: 420)], fill: RGBA(hex: 0xE07B00), stroke: nil, thickness: 0),
            .text(text)
        ]
        let page = SheetPage(
            number: 1, month: Month(year: 2024, month: 1), chart: ChartPlan(width: 1240, height: 1754, marks: marks),
            listed: [], chartSlot: nil, embedded: nil)
        let pdf = try BriefingPDF.document([(page, nil)], fonts: try FontSet.resolve())
        guard FileManager.default.isExecutableFile(atPath: Self.pdftotext) else { return }
        #expect(try Self.text(pdf).first?.contains("Teks miring ≥ 5 · −3") == true)
    }
}
