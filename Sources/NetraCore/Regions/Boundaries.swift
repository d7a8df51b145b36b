/// The boundaries of Indonesia's 514 kabupaten/kota and 38 provinces, for maps, from
/// `wilayah-boundaries.txt` beside this file: cahyadsn/wilayah_boundaries (MIT,
/// `LICENSE-wilayah_boundaries` travels with it), simplified once by `tools/make_boundaries.py`
/// from shared arcs, so that neighbours meet on one line. Built into the library like the
/// regions' table; read the first time a map asks for it.
public enum Boundaries {
    /// The credit every map carries.
    public static let credit = "cahyadsn/wilayah_boundaries (MIT)"

    /// The kabupaten/kota, by code (`32.75`).
    public static var kabkota: BoundaryLayer { layers.kabkota }
    /// The provinces, by code (`32`).
    public static var provinsi: BoundaryLayer { layers.provinsi }

    /// Grid steps per degree of the stored coordinates.
    public static var grid: Double { layers.grid }

    static let layers: (kabkota: BoundaryLayer, provinsi: BoundaryLayer, grid: Double) = parse(Array(text.utf8))

    /// The resource's text: `grid N`, then per layer a line `layer NAME ARCS SHAPES`, its arcs
    /// (one a line, polyline-encoded: a first point, then steps) and its shapes (`kode x y
    /// polygons`, polygons `|`-separated, rings `/`-separated, each a list of arc numbers, `~k`
    /// written `-k-1` for arc k walked backwards).
    static func parse(_ bytes: [UInt8]) -> (kabkota: BoundaryLayer, provinsi: BoundaryLayer, grid: Double) {
        var grid = 1000.0
        var layers: [String: BoundaryLayer] = [:]
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.first == 0x23 || line.isEmpty { continue }
            let words = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            if words.first == "grid", words.count == 2, let g = Double(words[1]), g > 0 { grid = g; continue }
            guard words.first == "layer", words.count == 4, let arcCount = Int(words[2]), let shapeCount = Int(words[3]),
                arcCount >= 0, shapeCount >= 0, arcCount <= lines.count
            else { continue }
            var arcs: [[GridPoint]] = []
            arcs.reserveCapacity(arcCount)
            for _ in 0..<arcCount { arcs.append(decodeArc(lines.popFirst() ?? [])) }
            var shapes: [String: BoundaryShape] = [:]
            var order: [String] = []
            for _ in 0..<shapeCount {
                guard let row = lines.popFirst() else { break }
                // Split as bytes (the file is ASCII): split as Characters, the shapes were 8 % of
                // a small report's instructions.
                let parts = row.split(separator: 0x20, maxSplits: 3)
                func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
                guard parts.count == 4, let ax = Int32(text(parts[1])), let ay = Int32(text(parts[2])) else { continue }
                let kode = text(parts[0])
                var polygons: [[[GridPoint]]] = []
                for poly in parts[3].split(separator: UInt8(ascii: "|")) {
                    var rings: [[GridPoint]] = []
                    for ring in poly.split(separator: UInt8(ascii: "/")) {
                        var points: [GridPoint] = []
                        for ref in ring.split(separator: UInt8(ascii: ",")) {
                            guard let k = Int(text(ref)) else { continue }
                            let index = k >= 0 ? k : -k - 1
                            guard arcs.indices.contains(index) else { continue }
                            let arc = k >= 0 ? arcs[index] : arcs[index].reversed()
                            points.append(contentsOf: points.isEmpty ? arc[...] : arc.dropFirst())
                        }
                        // Stored closed (first point again at the end); kept open here.
                        if points.count > 1, points.first == points.last { points.removeLast() }
                        if points.count >= 3 { rings.append(points) }
                    }
                    if !rings.isEmpty { polygons.append(rings) }
                }
                shapes[kode] = BoundaryShape(kode: kode, anchor: GridPoint(x: ax, y: ay), polygons: polygons)
                order.append(kode)
            }
            layers[words[1]] = BoundaryLayer(shapes: shapes, codes: order)
        }
        let empty = BoundaryLayer(shapes: [:], codes: [])
        return (layers["kabkota"] ?? empty, layers["provinsi"] ?? empty, grid)
    }

    /// One arc: Google's polyline encoding of its first point and then each step.
    static func decodeArc(_ line: ArraySlice<UInt8>) -> [GridPoint] {
        var values: [Int32] = []
        var value = 0, shift = 0
        for b in line {
            let c = Int(b) - 63
            guard c >= 0, shift < 60 else { return [] }
            value |= (c & 0x1F) << shift
            if c & 0x20 != 0 { shift += 5; continue }
            let v = value & 1 == 0 ? value >> 1 : -((value + 1) >> 1)
            guard let n = Int32(exactly: v) else { return [] }
            values.append(n)
            value = 0; shift = 0
        }
        var out: [GridPoint] = []
        out.reserveCapacity(values.count / 2)
        var x: Int32 = 0, y: Int32 = 0
        var k = 0
        while k + 1 < values.count {
            let (nx, ox) = x.addingReportingOverflow(values[k]), (ny, oy) = y.addingReportingOverflow(values[k + 1])
            guard !ox, !oy else { return [] }
            x = nx; y = ny
            out.append(GridPoint(x: x, y: y))
            k += 2
        }
        return out
    }
}

/// A point of the boundaries' grid: longitude (`x`) and latitude (`y`) in grid steps
/// (thousandths of a degree).
public struct GridPoint: Sendable, Hashable {
    public var x: Int32
    public var y: Int32

    public init(x: Int32, y: Int32) { self.x = x; self.y = y }
}

/// One layer of boundaries: a shape per region code.
public struct BoundaryLayer: Sendable {
    /// Shapes by Kemendagri code.
    public let shapes: [String: BoundaryShape]
    /// The codes in the resource's order (sorted).
    public let codes: [String]

    /// The shape of region `kode`.
    public subscript(kode: String) -> BoundaryShape? { shapes[kode] }
}

/// A region's shape: polygons, each an outer ring and its holes.
public struct BoundaryShape: Sendable {
    /// The region's code.
    public let kode: String
    /// A point well inside its largest polygon, for a label.
    public let anchor: GridPoint
    /// Polygons: the first ring of each is its outline, the others its holes (open rings).
    public let polygons: [[[GridPoint]]]
    /// The smallest box holding every ring.
    public let minX: Int32, minY: Int32, maxX: Int32, maxY: Int32

    init(kode: String, anchor: GridPoint, polygons: [[[GridPoint]]]) {
        self.kode = kode; self.anchor = anchor; self.polygons = polygons
        var x0 = Int32.max, y0 = Int32.max, x1 = Int32.min, y1 = Int32.min
        for poly in polygons { for ring in poly { for p in ring { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) } } }
        if x0 > x1 { x0 = 0; y0 = 0; x1 = 0; y1 = 0 }
        minX = x0; minY = y0; maxX = x1; maxY = y1
    }

    /// True when `p` lies inside the shape (inside an outline and outside its holes).
    public func contains(_ p: GridPoint) -> Bool {
        guard p.x >= minX, p.x <= maxX, p.y >= minY, p.y <= maxY else { return false }
        var inside = false
        let px = Double(p.x), py = Double(p.y)
        for poly in polygons {
            for ring in poly {
                var j = ring.count - 1
                for i in ring.indices {
                    let a = ring[i], b = ring[j]
                    let ay = Double(a.y), by = Double(b.y)
                    if (ay > py) != (by > py) {
                        let x = Double(a.x) + (py - ay) * Double(b.x - a.x) / (by - ay)
                        if px < x { inside.toggle() }
                    }
                    j = i
                }
            }
        }
        return inside
    }

    /// The area inside the outlines less the holes, in square grid steps.
    public var area: Double {
        var total = 0.0
        for poly in polygons {
            for (k, ring) in poly.enumerated() {
                let a = abs(Self.signedArea(ring))
                total += k == 0 ? a : -a
            }
        }
        return total
    }

    /// The signed area of a ring in square grid steps (positive when counter-clockwise).
    public static func signedArea(_ ring: [GridPoint]) -> Double {
        var s = 0.0
        var j = ring.count - 1
        for i in ring.indices {
            s += Double(ring[j].x) * Double(ring[i].y) - Double(ring[i].x) * Double(ring[j].y)
            j = i
        }
        return s / 2
    }
}
