import Foundation
import Testing
import NetraCore
import NetraText
@testable import NetraAnalytics
import NetraTestSupport

/// The catalogue of both languages: complete, and the only place that tells them apart.
@Suite struct StringsTests {
    @Test func everyPhraseHasBothLanguages() {
        for p in Strings.all {
            #expect(!p.id.trimmingCharacters(in: .whitespaces).isEmpty, "no Indonesian for '\(p.en)'")
            #expect(!p.en.trimmingCharacters(in: .whitespaces).isEmpty, "no English for '\(p.id)'")
        }
        // English counts agree with their noun; dates are said in words, not with "≤".
        for p in Strings.all {
            #expect(p.en.range(of: #"(^|[^0-9.,])1 (days|events|incidents|outlets)\b"#, options: .regularExpression) == nil, "'\(p.en)'")
            #expect(!p.id.contains("≤") && !p.en.contains("≤"), "'\(p.id)'")
        }
        #expect(
            DateText.event(EventDate(written: WrittenDate(anchor: Day(year: 2024, month: 5, day: 13)!, form: .day), precision: .onOrBefore), .id)
                == "paling lambat 13 Mei 2024")
        // Each kind and status has a label of its own in each language.
        for lang in Language.allCases {
            #expect(Set(EventKind.allCases.map { Strings.kind($0).text(lang) }).count == EventKind.allCases.count)
            #expect(Set(CaseStatus.allCases.map { Strings.status($0).text(lang) }).count == CaseStatus.allCases.count)
            #expect(Set((1...12).map { DateText.monthName($0, lang) }).count == 12)
        }
    }

    /// The words for an unknown figure, which name the mark they explain.
    @Test func unknownPhrasesHaveBothLanguagesAndNameTheMark() {
        for p in Strings.unknownPhrases {
            #expect(!p.id.isEmpty && !p.en.isEmpty && p.id != p.en)
            #expect(p.id.hasPrefix(Strings.unknownMark) && p.en.hasPrefix(Strings.unknownMark))
        }
    }

    /// Issue 29: the monthly chart's title for tied months as a person would say it, one colon,
    /// no "di 2 bulan, pertama …".
    @Test func tiedBusiestMonthsReadAsSaid() {
        let two = Strings.monthlyPeakTied(scope: "Kabupaten Bekasi", month: "Nov 2023", "3", count: 3, months: 2, second: "Des 2023")
        #expect(two.id == "Kabupaten Bekasi: bulan tersibuk Nov 2023 dan Des 2023, 3 peristiwa")
        #expect(two.en == "Kabupaten Bekasi: busiest months Nov 2023 and Des 2023, 3 events")
        let more = Strings.monthlyPeakTied(scope: "Kota Bogor", month: "Nov 2023", "4", count: 4, months: 3)
        #expect(more.id == "Kota Bogor: bulan tersibuk dengan 4 peristiwa, 3 kali sejak Nov 2023")
        #expect(more.en == "Kota Bogor: busiest months with 4 events, 3 times since Nov 2023")
        #expect(Strings.monthlyPeakTied(scope: nil, month: "Nov 2023", "4", count: 4, months: 3).id == "Bulan tersibuk: 4 peristiwa, 3 kali sejak Nov 2023")
        for scope in [nil, "Kota Bogor"] {
            for p in [
                Strings.monthlyPeakTied(scope: scope, month: "x", "2", count: 2, months: 2, second: "y"),
                Strings.monthlyPeakTied(scope: scope, month: "x", "2", count: 2, months: 4),
                Strings.monthlyPeak(scope: scope, month: "x", "2", count: 2)
            ] {
                for text in [p.id, p.en] {
                    #expect(text.components(separatedBy: ":").count <= 2, "\(text)")
                    #expect(!text.contains("pertama") && !text.contains("sebulan, di"), "\(text)")
                }
            }
        }
    }

    @Test func numbersAndMediansAsEachLanguageWrites() {
        #expect(NumberFormat.number(24013, .id) == "24.013")
        #expect(NumberFormat.number(24013, .en) == "24,013")
        #expect(NumberFormat.number(-1200, .en) == "−1,200")
        #expect(NumberFormat.number(-1200, .en, minus: "-") == "-1,200")
        // Issue 29: a negative lead or median is written with a real minus, as "−5".
        #expect(NumberFormat.lead(LeadValue(days: -5, atLeast: false), .id) == "−5")
        #expect(NumberFormat.lead(LeadValue(days: -5, atLeast: true), .en) == "≥ −5")
        #expect(NumberFormat.typical(MedianOrValues([LeadValue(days: -5, atLeast: false), LeadValue(days: 2, atLeast: false)]), .id) == "−5 dan 2")
        #expect(NumberFormat.median(Median([-3, -2]), .id) == "−2,5")
        #expect(NumberFormat.median(Median([1, 2]), .id) == "1,5")
        #expect(NumberFormat.median(Median([1, 2]), .en) == "1.5")
        #expect(NumberFormat.median(nil, .en) == "—")
    }

    /// Words of one language are chosen only inside the catalogue (`Sources/NetraText/`, and
    /// its words for analytics' values in `Sources/NetraAnalytics/Text/`): anywhere else a
    /// `lang == .id ? … : …` is a label that escaped it.
    @Test func noLanguageChoiceOutsideTheCatalogue() throws {
        let sources = URL(fileURLWithPath: TestPaths.packageRoot).appendingPathComponent("Sources")
        let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var offenders: [String] = []
        for case let url as URL in walker where url.pathExtension == "swift" && !url.path.contains("/NetraAnalytics/Text/") && !url.path.contains("/NetraText/")
        {
            let text = try String(contentsOf: url, encoding: .utf8)
            for pattern in ["== .id", "== .en", "!= .id", "!= .en", ", .id)", ", .en)"] where text.contains(pattern) {
                offenders.append("\(url.lastPathComponent): \(pattern)")
            }
        }
        #expect(offenders.isEmpty, "labels outside the catalogue: \(offenders)")
    }
}
