import Testing
import NetraTestSupport
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

@Suite struct NiceTicksTests {
    @Test func zeroToTwentyThreeGivesStepsOfFive() {
        #expect(NiceTicks.niceTicks(0, 23, count: 5) == [0, 5, 10, 15, 20, 25])
        #expect(NiceTicks.nice(0, 23, count: 5) == (0, 25))
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceTicks.step(0, 1000, count: 5) == 200)
        #expect(NiceTicks.step(0, 10, count: 10) == 1)
        #expect(NiceTicks.step(0, 1, count: 5) == 0.2)
        #expect(NiceTicks.ticks(-17, 42, count: 6) == [-10, 0, 10, 20, 30, 40])
        #expect(NiceTicks.niceTicks(0, 24_013, count: 5) == [0, 5000, 10000, 15000, 20000, 25000])
    }

    @Test func decimalTicksCarryNoDrift() {
        #expect(NiceTicks.ticks(0, 0.5, count: 5) == [0, 0.1, 0.2, 0.3, 0.4, 0.5])
    }

    @Test func integerTicksNeverStepBelowOne() {
        #expect(NiceTicks.niceTicks(0, 2, count: 5, integer: true) == [0, 1, 2])
        #expect(NiceTicks.niceTicks(0, 0, count: 5, integer: true) == [0, 1])
    }
}

@Suite struct TimeTicksTests {
    let d = Fixtures.day

    @Test func stepsGrowFromDaysToYearsWithTheSpan() {
        #expect(TimeTicks(from: d(2024, 1, 1), to: d(2024, 1, 10), maxCount: 12).unit == .days(1))
        let weeks = TimeTicks(from: d(2024, 1, 1), to: d(2024, 3, 1), maxCount: 12)
        #expect(weeks.unit == .weeks(1))
        #expect(weeks.days.allSatisfy { $0.weekday == 1 })
        let months = TimeTicks(from: d(2023, 11, 15), to: d(2024, 10, 15), maxCount: 12)
        #expect(months.unit == .months(1))
        #expect(months.days.first == d(2023, 12, 1) && months.days.count == 11)
        let quarters = TimeTicks(from: d(2022, 1, 1), to: d(2024, 12, 31), maxCount: 14)
        #expect(quarters.unit == .months(3))
        #expect(quarters.days.allSatisfy { [1, 4, 7, 10].contains($0.components.month) && $0.components.day == 1 })
        #expect(quarters.days.count == 12)
        let years = TimeTicks(from: d(2000, 6, 1), to: d(2024, 6, 1), maxCount: 14)
        #expect(years.unit == .years(2))
        #expect(years.days.first == d(2002, 1, 1))
    }

    @Test func labelsNameMonthsInIndonesianAndGiveTheYearOnce() {
        let t = TimeTicks(from: d(2023, 11, 1), to: d(2024, 9, 1), maxCount: 12)
        let labels = t.labels(.id)
        #expect(labels.map(\.primary) == ["Nov", "Des", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep"])
        #expect(labels.map(\.year) == ["2023", nil, "2024", nil, nil, nil, nil, nil, nil, nil, nil])
        #expect(t.labels(.en)[9].primary == "Aug")
    }

    @Test func timeScaleMapsDaysLinearly() {
        let s = TimeScale(from: d(2024, 1, 1), to: d(2024, 1, 11), range: (100, 200))
        #expect(s(d(2024, 1, 1)) == 100)
        #expect(s(d(2024, 1, 6)) == 150)
        #expect(s.pixelsPerDay == 10)
    }
}

@Suite struct ChartTextTests {
    @Test func datesInBothLanguages() {
        let day = Fixtures.day(2024, 1, 22)
        #expect(DateText.long(day, .id) == "22 Januari 2024")
        #expect(DateText.long(day, .en) == "22 January 2024")
        #expect(DateText.shortMonth(Month(year: 2024, month: 1), .id) == "Jan 2024")
        #expect(DateText.shortMonth(Month(year: 2024, month: 8), .id) == "Agu 2024")
        #expect(DateText.shortMonth(Month(year: 2024, month: 8), .en) == "Aug 2024")
        #expect(DateText.short(Fixtures.day(2024, 5, 13), .id) == "13 Mei 2024")
        #expect((1...12).map { DateText.shortMonthName($0, .id) } == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"])
        #expect(DateText.monthName(12, .id) == "Desember")
    }

    @Test func numbersGroupAsEachLanguageWrites() {
        #expect(NumberFormat.number(24013, .id) == "24.013")
        #expect(NumberFormat.number(24013, .en) == "24,013")
        #expect(NumberFormat.number(1_234_567, .id) == "1.234.567")
        #expect(NumberFormat.number(2.5, .id) == "2,5")
        #expect(NumberFormat.number(2.5, .en) == "2.5")
        #expect(NumberFormat.compact(3120, .id) == "3,1rb")
        #expect(NumberFormat.compact(3120, .en) == "3.1k")
        #expect(NumberFormat.compact(950, .en) == "950")
    }

    @Test func everyStringHasBothLanguages() {
        for key in StringKey.allCases {
            #expect(!key.text(.id).isEmpty && !key.text(.en).isEmpty)
        }
        #expect(StringKey.monthlyTitle.text(.id) != StringKey.monthlyTitle.text(.en))
    }

    @Test func footerNamesDatasetAndOutlets() {
        let f = Fixtures.bekasi()
        #expect(ChartText.sourceFooter(f, .id).hasSuffix("Sumber: dataset bekasi-fixture (6 media) · Netra"))
        #expect(ChartText.sourceFooter(f, .en) == "Data as of 12 June 2024 · Source: dataset bekasi-fixture (6 outlets) · Netra")
        // The day is the fixture's last event (12 Jun 2024), the day every figure stands on.
        #expect(ChartText.sourceFooter(f, .id).hasPrefix("Data per 12 Juni 2024 · "))
    }
}

@Suite struct PaletteTests {
    @Test func everyKindHasAColourOfItsOwn() {
        let colours = EventKind.allCases.map(KindPalette.color)
        #expect(Set(colours).count == EventKind.allCases.count)
        for i in colours.indices { for j in colours.indices where i < j { #expect(colours[i].distance(to: colours[j]) > 60) } }
        #expect(KindPalette.color(.incident) == RGBA(hex: 0xD55E00))
        #expect(KindPalette.color(.regulation) == RGBA(hex: 0x0072B2))
    }
}

@Suite struct LabelPlacerTests {
    @Test func keptBoxesNeverIntersect() {
        var placer = LabelPlacer(bounds: ChartRect(x: 0, y: 0, width: 400, height: 200), padding: 2)
        // A deterministic scatter of 300 labels, each with three candidate positions.
        var random = SeededGenerator(seed: 42)
        var kept: [ChartRect] = []
        for _ in 0..<300 {
            let x = random.unit() * 380, y = random.unit() * 190, w = 20 + random.unit() * 60
            let c = [
                ChartRect(x: x, y: y, width: w, height: 14), ChartRect(x: x - w, y: y, width: w, height: 14),
                ChartRect(x: x, y: y - 16, width: w, height: 14)
            ]
            if let k = placer.place(c) { kept.append(c[k]) }
        }
        #expect(kept.count > 20 && placer.leftOut > 0 && kept.count + placer.leftOut == 300)
        for i in kept.indices {
            #expect(ChartRect(x: 0, y: 0, width: 400, height: 200).contains(kept[i]))
            for j in kept.indices where i < j { #expect(!kept[i].intersects(kept[j])) }
        }
    }
}
