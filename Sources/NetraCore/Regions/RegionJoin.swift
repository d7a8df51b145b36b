/// Which region (and so which shape on a map) each of a dataset's jurisdictions is: by its
/// `kode`, else by an official name that names one region of its level only (the rule behind
/// `validate`'s hint). Jurisdictions that cannot be joined are kept, by name, for the map to say.
public struct RegionJoin: Sendable {
    /// Why a jurisdiction has no shape.
    public enum Miss: Sendable, Equatable {
        /// Its `kode` is not one of the 514 kabupaten/kota or 38 provinces.
        case unknownKode(String)
        /// No `kode`, and its name is not an official name of its level (or names more than one).
        case noMatch
        /// Another jurisdiction of the dataset already joined the same region.
        case sameRegion(JurisdictionIndex)
    }

    /// The region's code per jurisdiction; nil for `nasional` and for jurisdictions not joined.
    public let kode: Column<JurisdictionIndex, String?>
    /// Kabupaten, kota and provinces that have no shape, in file order, with the reason.
    public let unjoined: [(jurisdiction: JurisdictionIndex, miss: Miss)]
    /// The jurisdiction joined to each region code.
    public let jurisdiction: [String: JurisdictionIndex]

    /// Joins `dataset`'s jurisdictions to the regions that have boundaries.
    public init(_ dataset: Dataset) {
        var kode = Column<JurisdictionIndex, String?>(repeating: nil, count: dataset.jurisdictions.count)
        var unjoined: [(JurisdictionIndex, Miss)] = []
        var taken: [String: JurisdictionIndex] = [:]
        for j in dataset.jurisdictions.indices {
            let x = dataset.jurisdictions[j]
            guard x.level != .nasional else { continue }
            var found: String?
            if let k = x.kode?.trimmingSpaces, !k.isEmpty {
                guard Self.hasShape(k) else { unjoined.append((j, .unknownKode(k))); continue }
                found = k
            } else if let r = Self.unambiguous(x.name, level: x.level), Self.hasShape(r.kode) {
                found = r.kode
            }
            guard let k = found else { unjoined.append((j, .noMatch)); continue }
            if let other = taken[k] { unjoined.append((j, .sameRegion(other))); continue }
            taken[k] = j
            kode[j] = k
        }
        self.kode = kode
        self.unjoined = unjoined
        jurisdiction = taken
    }

    /// True when the boundaries hold a shape for `kode` (a province `NN` or a kabupaten/kota `NN.NN`).
    static func hasShape(_ kode: String) -> Bool {
        switch Regions.shape(kode) {
        case .province: return Boundaries.provinsi[kode] != nil
        case .kabkota: return Boundaries.kabkota[kode] != nil
        case nil: return false
        }
    }

    /// Names that more than one region of a level carries, in lower case.
    static let ambiguous: Set<String> = {
        var seen: [String: Int] = [:]
        for r in Regions.all { seen["\(r.level.rawValue) \(r.name.lowercased())", default: 0] += 1 }
        return Set(seen.filter { $0.value > 1 }.keys)
    }()

    /// The region of `level` officially named `name` (any case), when exactly one is.
    static func unambiguous(_ name: String, level: JurisdictionLevel) -> Region? {
        let key = name.trimmingSpaces.lowercased()
        guard !ambiguous.contains("\(level.rawValue) \(key)"), let r = Regions.region(named: key), r.level == level else { return nil }
        return r
    }

    /// The province code of a joined jurisdiction: its own for a province, its first two
    /// digits for a kabupaten/kota.
    public func province(of j: JurisdictionIndex) -> String? {
        guard kode.indices.contains(j), let k = kode[j] else { return nil }
        return String(k.prefix(2))
    }
}
