import NetraCore
import NetraAnalytics
import NetraRender

/// The report's and the briefing's maps, made in one place so that the PNGs and
/// `report.html`'s SVGs come from the same values.
enum ReportMaps {
    /// One map per province the dataset's joined jurisdictions lie in, then the provinces of
    /// Indonesia when there are several, each with its file name.
    static func charts(_ a: Analysis, measure: MapMeasure, month: Month? = nil) -> [(name: String, chart: MapChart)] {
        let d = a.dataset
        let join = RegionJoin(d)
        let values = MapValues(a, measure: measure, month: month)
        let provinces = MapChart.provinces(join)
        var areas = provinces.map { MapChart.Area.province($0) }
        if provinces.count > 1 { areas.append(.provinces) }
        return areas.map { (MapChart.fileName($0), MapChart(values, join: join, dataset: d, area: $0)) }
    }

    /// The month's maps when its events span two or more kabupaten/kota (figures from the
    /// analysis: the month's counts per jurisdiction), else none.
    static func monthCharts(_ a: Analysis, month: Month) -> [(name: String, chart: MapChart)] {
        let d = a.dataset
        let join = RegionJoin(d)
        let values = MapValues(a, measure: .events, month: month)
        let places = d.jurisdictions.indices.filter { j in
            guard let k = join.kode[j], Regions.shape(k) == .kabkota else { return false }
            return (values.values[j] ?? 0) > 0
        }
        guard places.count >= 2 else { return [] }
        return charts(a, measure: .events, month: month)
    }

    /// The report's map files.
    static func files(_ a: Analysis, options: JobOptions, prefix: String = "", month: Month? = nil, shared: SharedLayouts? = nil) -> [OutputFile] {
        let o = options.chartOptions
        let charts = month.map { monthCharts(a, month: $0) } ?? charts(a, measure: options.mapMeasure)
        return charts.map { item in
            let chart = item.chart
            return OutputFile(name: prefix + item.name, cost: 3) { () throws(RenderError) in
                try rendered({ chart }, shared, "map-" + item.name, options: o)
            }
        }
    }
}
