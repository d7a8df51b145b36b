import NetraCore
import NetraAnalytics

/// Longitude and latitude to canvas pixels: equirectangular, x shrunk by the cosine of the
/// map's middle latitude so that shapes keep their proportions there (within 2 % over
/// Indonesia's 6°N–11°S; docs/MAPS.md).
public struct MapProjection: Sendable, Hashable {
    /// The latitude whose cosine scales x, in degrees.
    public var midLatitude: Double
    /// Pixels per degree of latitude.
    public var pixelsPerDegree: Double
    /// Where the western edge and northern edge of the area land.
    public var west: Double, north: Double, left: Double, top: Double
    /// Grid steps per degree of the boundaries.
    public var grid: Double

    /// cos(mid-latitude).
    public let cosine: Double

    /// A projection from its parts.
    public init(midLatitude: Double, pixelsPerDegree: Double, west: Double, north: Double, left: Double, top: Double, grid: Double) {
        self.midLatitude = midLatitude; self.pixelsPerDegree = pixelsPerDegree; self.west = west; self.north = north
        self.left = left; self.top = top; self.grid = grid
        cosine = NetraRender.cosine(midLatitude * Double.pi / 180)
    }

    /// The pixel of a grid point, rounded to a whole pixel (what libgd draws anyway).
    public func point(_ p: GridPoint) -> ChartPoint {
        ChartPoint(
            x: (left + (Double(p.x) / grid - west) * cosine * pixelsPerDegree).rounded(),
            y: (top + (north - Double(p.y) / grid) * pixelsPerDegree).rounded())
    }
}

/// A class of the legend: figures from `lower` to `upper`, one colour.
public struct MapClass: Sendable, Hashable {
    public var lower: Int
    public var upper: Int
    public var color: RGBA
}

/// One region on a laid-out map.
public struct MapRegion: Sendable, Hashable {
    /// Its Kemendagri code.
    public var kode: String
    /// Its name as the map writes it.
    public var name: String
    /// The dataset's jurisdiction joined to it, if any.
    public var jurisdiction: JurisdictionIndex?
    /// Its figure; nil: no data.
    public var value: Int?
    /// Its class (index into `MapPlan.classes`); nil: no data.
    public var classIndex: Int?
    /// The colour it is filled with.
    public var fill: RGBA
    /// The marks that draw its shape (outlines, then holes drawn back), in `chart.marks`.
    public var marks: Range<Int>
    /// Its projected bounding box.
    public var bounds: ChartRect
    /// Where its label points to.
    public var anchor: ChartPoint
    /// Its label on the map (`nil`: in the ranked list, or no figure to say).
    public var label: TextMark?
    /// True when its label stands outside it, joined by a leader line.
    public var leader: Bool
}

/// A laid-out map.
public struct MapPlan: Sendable {
    public var chart: ChartPlan
    /// The rectangle the map is fitted into.
    public var area: ChartRect
    public var projection: MapProjection
    /// Regions of the map's subject in drawing order (larger first, so an enclave is drawn after
    /// the region whose hole it fills).
    public var regions: [MapRegion]
    /// The legend's classes, lowest first.
    public var classes: [MapClass]
    /// Regions with a figure that are not labelled on the map, in rank order (indices into `regions`).
    public var listed: [Int]
    /// Of `listed`, how many had no room in the list (said as "+N more").
    public var listedHidden: Int
    /// The names of jurisdictions that could not be placed, as written under the map.
    public var unjoined: [String]
    /// Legend entries.
    public var legend: [LegendEntry]
}

extension MapPlan: HoldsChartPlan {
    /// The plan one mark a line, as every chart's, except that a shape's points are written as
    /// their count, first point and a checksum of them all (FNV-1a): a map's thousands of
    /// points stay pinned without filling the golden files. Then each region: code, figure,
    /// class, label.
    public var textDump: String {
        var out = "canvas \(chart.width)x\(chart.height) \(chart.background.hexDump)\n"
        for m in chart.marks {
            if case let .polygon(points, fill, stroke, thickness) = m, points.count > 6, let first = points.first {
                var h: UInt64 = 0xcbf29ce484222325
                for p in points {
                    for v in [p.x, p.y] {
                        h = (h ^ v.bitPattern) &* 0x100000001b3
                    }
                }
                out +=
                    "polygon n=\(points.count) from \(first.dump) fnv \(String(h, radix: 16)) fill \(fill?.hexDump ?? "-") stroke \(stroke?.hexDump ?? "-") \(thickness)\n"
            } else {
                out += m.textDump + "\n"
            }
        }
        for r in regions {
            out +=
                "region \(r.kode) value \(r.value.map(String.init) ?? "-") class \(r.classIndex.map(String.init) ?? "-") marks \(r.marks.lowerBound)..<\(r.marks.upperBound)"
            out += " label \(r.label.map { String(reflecting: $0.text) } ?? "-")\(r.leader ? " leader" : "")\n"
        }
        return out
    }
}

/// A choropleth of kabupaten/kota in a province, or of the provinces, shaded by figures of the
/// analysis (`MapValues`): it counts nothing itself.
public struct MapChart: Chart {
    /// What the map covers.
    public enum Area: Sendable, Hashable {
        /// The kabupaten/kota of one province (`32`).
        case province(String)
        /// Indonesia's 38 provinces.
        case provinces
        /// All 514 kabupaten/kota of Indonesia.
        case kabkota
    }

    public var values: MapValues
    public var join: RegionJoin
    public var dataset: Dataset
    public var area: Area

    /// The map of `area`, shaded by `values`, regions found through `join`.
    public init(_ values: MapValues, join: RegionJoin, dataset: Dataset, area: Area) {
        self.values = values; self.join = join; self.dataset = dataset; self.area = area
    }

    /// The provinces a dataset's joined jurisdictions lie in, by code.
    public static func provinces(_ join: RegionJoin) -> [String] {
        Array(Set(join.jurisdiction.keys.map { String($0.prefix(2)) })).filter { Boundaries.provinsi[$0] != nil }.sorted()
    }

    /// `map-jawa-barat.png`: the file name of a province's map (`map-indonesia.png` for the provinces).
    public static func fileName(_ area: Area) -> String {
        switch area {
        case let .province(k): return "map-\(Regions.slug(Regions.region(kode: k)?.name ?? k)).png"
        case .provinces: return "map-indonesia.png"
        case .kabkota: return "map-indonesia-kabkota.png"
        }
    }

    /// The sequential palette (ColorBrewer YlGn, colour-blind safe: it steps in lightness):
    /// the palest for 0, then up to five classes of figures above it.
    static let zeroColor = RGBA(hex: 0xFFFFCC)
    static let ramp: [RGBA] = [0xD9F0A3, 0xADDD8E, 0x78C679, 0x31A354, 0x006837].map { RGBA(hex: $0) }
    /// Regions without a figure: a grey of no hue, darker than 0's near-white.
    static let noDataColor = RGBA(hex: 0xC8C8C8)
    /// The areas around the subject.
    static let outsideColor = RGBA(hex: 0xEEEEEE)
    /// Lines between regions.
    static let borderColor = RGBA.white
}
