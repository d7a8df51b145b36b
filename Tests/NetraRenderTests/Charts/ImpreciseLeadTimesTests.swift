import Testing
import NetraCore
import NetraAnalytics
import NetraRender

/// Issue 13, point 5, on the lead-time chart: an inexact figure is drawn as its range, an
/// unbounded end as an arrow to the plot's edge, and a median only from three values on.
@Suite struct ImpreciseLeadTimesTests {
    @Test func inexactFiguresAreRangesAndFewValuesHaveNoMedian() throws {
        let d = try Fixtures.shipped()
        let a = Analysis(dataset: d)
        let chart = try LeadTimesChart(a.leadTimeSeries(label: { $0.rawValue }), dataset: d).render()
        let plan = chart.plan
        let kab = try #require(plan.rows.first { $0.measure == "prevention" && $0.jurisdiction == "kabupaten-bekasi" })
        // Six inexact figures, six ranges (the decree, the ban, the Satgas, the Tim Pengawas, the
        // banners and circular 3771); the four exact ones (the 2022 pledge, the sosialisasi,
        // circular 4881 and the parade of 23 Nov 2024) stay dots.
        #expect(kab.ranges.count == 6 && kab.dots.count == 4)
        // The decree of 2023 (year only): 45 to 409 days before Pemilu 2024.
        let decree = try #require(kab.ranges.first { $0.range == LeadTimeRange(day: 409, low: 45, high: 409) })
        #expect(abs(decree.x0 - plan.scale(45)) < 0.001 && abs(decree.x1 - plan.scale(409)) < 0.001)
        #expect(kab.rect.contains(ChartPoint(x: decree.x0, y: decree.y)))
        // On-or-before: open to the right, up to the plot's edge.
        let open = kab.ranges.filter { $0.range.high == nil }
        #expect(open.count == 5 && open.allSatisfy { $0.x1 == plan.plot.maxX })
        #expect(plan.legend.contains { $0.item.label == "rentang: tanggal tidak pasti" })
        #expect(plan.legend.contains { $0.item.label == "panah: tanpa batas (tanggal paling lambat)" })
        // Read back: the range's colour at its middle, not the background.
        let mid = try pixel(chart.png, (decree.x0 + decree.x1) / 2, decree.y)
        #expect(mid.distance(to: .white) > 60, "the decree's range is \(mid)")

        // n = 10 has its median; n = 1 and 2 state n and draw none.
        #expect(kab.medianDrawn)
        let few = plan.rows.filter { $0.count < 3 }
        #expect(!few.isEmpty)
        let inkBars = plan.chart.marks.compactMap { m -> ChartPoint? in
            if case let .line(ps, stroke, t, _) = m, ps.count == 2, ps[0].x == ps[1].x, stroke == RGBA(hex: 0x1F1F1F), t == 4 { return ps[0] }
            return nil
        }
        for r in plan.rows {
            #expect(r.medianDrawn == (r.count >= 3))
            let drawn = inkBars.contains { abs($0.x - r.medianX) < 0.001 && r.rect.contains(ChartPoint(x: r.rect.midX, y: $0.y)) }
            #expect(drawn == r.medianDrawn, "\(r.measure) \(r.jurisdiction): median drawn \(drawn) for n = \(r.count)")
        }
        #expect(plan.chart.texts.contains { $0.text == "n = 1 · tanpa median (n < 3)" })
        // Kabupaten's ten prevention leads include year, month and on-or-before dates: the
        // median of their least values is a lower bound.
        #expect(plan.chart.texts.contains { $0.text == "median ≥ 70,5 hari · n = 10" })
        try expectDrawn(chart.png, plan.chart)
        expectReadable(plan.chart)
    }
}
