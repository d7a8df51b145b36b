import Foundation
import Testing
import NetraCore
import NetraAnalytics
import NetraRender
@testable import NetraReport

/// Issue 29, point 8: briefing.pdf, the sheet's pages on A4 with real text, read back by
/// poppler's pdftotext (poppler-utils, `make test-deps`).
@Suite struct BriefingPDFTests {
    static let pdftotext = "/usr/bin/pdftotext"

    /// The PDF and the PNG pages' plans one briefing writes.
    static func briefing(_ a: Analysis, _ month: Month, _ lang: Language) throws -> (pdf: [UInt8], pages: [SheetPage]) {
        let files = BriefingJob.build(a, month: month, options: JobOptions(language: lang, fonts: try FontSet.resolve()))
        let dir = BriefingJob.folderName(month) + "/"
        let pdf = try #require(files.first { $0.name == dir + BriefingPDF.fileName }).bytes()
        let cut = a.asOf(month.lastDay)
        let pages = try BriefingSheet.layout(cut, figures: BriefingFigures(cut, month: month), language: lang, fonts: try FontSet.resolve(),
                                             plotHeight: BriefingJob.plotHeight(month, BriefingJob.upToMonth(cut.dataset, through: month), lang, try FontSet.resolve()))
        return (pdf, pages)
    }

    /// pdftotext's text of `pdf`, pages split at form feeds, each with its runs of white space made one space.
    static func text(_ pdf: [UInt8]) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netra-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
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
}
