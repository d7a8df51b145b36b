/// Indonesia's 38 provinces and 514 kabupaten/kota with their Kemendagri codes, from
/// `wilayah-kabkota.csv` beside this file (MIT, cahyadsn/wilayah: `LICENSE-wilayah` travels
/// with it). Built into the library, so a `netra` copied anywhere still knows them.
public struct Region: Sendable, Equatable {
    /// Kemendagri code: `32` (a province) or `32.75` (a kabupaten/kota).
    public let kode: String
    /// The name as the source writes it (`Kota Bekasi`).
    public let name: String
    public let level: JurisdictionLevel
    /// The province's code for a kabupaten/kota; nil for a province.
    public let province: String?

    /// The id a dataset gives it: its name as a slug (`Kota Bekasi` → `kota-bekasi`).
    public var id: String { Regions.slug(name) }
}

public enum Regions {
    /// Every region, in the table's order (each province before its kabupaten/kota).
    public static let all: [Region] = parse(PackageResources.wilayah_kabkota_csv)

    static let byKode: [String: Region] = Dictionary(all.map { ($0.kode, $0) }, uniquingKeysWith: { a, _ in a })
    static let byName: [String: Region] = Dictionary(all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })

    /// The region with code `kode`.
    public static func region(kode: String) -> Region? { byKode[kode] }

    /// The region whose name is `name`, in any case (`kota bekasi`).
    public static func region(named name: String) -> Region? {
        byName[name.trimmingSpaces.lowercased()]
    }

    /// The code `kode` stood for before a spreadsheet read it as a number and dropped its
    /// trailing zero (`32.1` for 32.10), when the region of that code is named `name` (case and
    /// spacing forgiven); nil for any other code or name.
    public static func unshortened(_ kode: String, name: String) -> String? {
        let b = Array(kode.utf8)
        guard b.count == 4, b[2] == UInt8(ascii: "."), byKode[kode] == nil, let r = byKode[kode + "0"] else { return nil }
        func key(_ s: String) -> String { s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
        return key(r.name) == key(name) ? r.kode : nil
    }

    /// The provinces.
    public static var provinces: [Region] { all.filter { $0.level == .provinsi } }

    /// The kabupaten/kota of province `kode`, in the table's order.
    public static func members(of kode: String) -> [Region] { all.filter { $0.province == kode } }

    /// What a code's shape says it names: a province (`NN`), a kabupaten/kota (`NN.NN`), or
    /// nil for neither shape.
    public enum Shape: Sendable { case province, kabkota }
    public static func shape(_ kode: String) -> Shape? {
        let b = Array(kode.utf8)
        func digits(_ r: Range<Int>) -> Bool { b[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if b.count == 2 && digits(0..<2) { return .province }
        if b.count == 5 && digits(0..<2) && b[2] == 0x2E && digits(3..<5) { return .kabkota }
        return nil
    }

    /// A name as a dataset id: lowercase ASCII letters and digits, other runs as one hyphen.
    public static func slug(_ name: String) -> String {
        var out = "", dash = false
        for u in name.lowercased().unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(u)
            } else {
                dash = true
            }
        }
        return out
    }

    static func parse(_ bytes: [UInt8]) -> [Region] {
        var out: [Region] = []
        var header = true
        _ = CSVReader.read(bytes, delimiter: 0x2C) { rec in
            if header { header = false; return }
            guard rec.count >= 4 else { return }
            let level: JurisdictionLevel
            switch rec.trimmedString(2) {
            case "provinsi": level = .provinsi
            case "kota": level = .kota
            default: level = .kabupaten
            }
            let parent = rec.trimmedString(3)
            out.append(
                Region(
                    kode: rec.trimmedString(0), name: rec.trimmedString(1), level: level,
                    province: parent.isEmpty ? nil : parent))
        }
        return out
    }
}

extension Regions {
    /// The region `text` names: a code as written (`32.71`, `32`), its digits alone (`3271`),
    /// or a name in any case and spacing (`kota  bogor`); nil when none.
    public static func lookup(_ text: String) -> Region? {
        let t = text.trimmingSpaces
        if let r = byKode[t] { return r }
        let digits = Array(t.utf8)
        if digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let r = byKode[String(t.prefix(2)) + "." + String(t.suffix(2))] {
            return r
        }
        return byFolded[folded(t)]
    }

    /// The regions whose code starts with `text` or whose name holds it (case and spacing
    /// forgiven), in the table's order; all of them for an empty text.
    public static func matching(_ text: String) -> [Region] {
        let t = text.trimmingSpaces
        if t.isEmpty { return all }
        if let r = lookup(t) { return [r] + all.filter { $0.kode != r.kode && folded($0.name).contains(folded(t)) } }
        let f = folded(t)
        return all.filter { $0.kode.hasPrefix(t) || folded($0.name).contains(f) }
    }

    /// The names nearest to `text`, for a message: those that hold it, else the fewest edits away.
    public static func nearest(_ text: String, limit: Int = 5) -> [Region] {
        let f = folded(text)
        if f.isEmpty { return [] }
        let holding = all.filter { folded($0.name).contains(f) }
        if !holding.isEmpty { return Array(holding.prefix(limit)) }
        let scored = all.map { r -> (Region, Int) in
            let name = folded(r.name)
            // A bare name (`bogr`) is measured against the name without its `kota`/`kabupaten`.
            let bare = name.split(separator: " ", maxSplits: 1).last.map(String.init) ?? name
            return (r, min(editDistance(f, name), editDistance(f, bare)))
        }
        let best = scored.filter { $0.1 <= max(2, f.count / 3) }.sorted { $0.1 < $1.1 }
        return Array(best.prefix(limit).map(\.0))
    }

    /// The kabupaten of the same name for a kota, and the kota for a kabupaten (`32.71` Kota
    /// Bogor ↔ `32.01` Kabupaten Bogor); nil when there is none.
    public static func twin(of r: Region) -> Region? {
        guard r.level != .provinsi, let p = r.province else { return nil }
        let stem = r.stem
        return members(of: p).first { $0.kode != r.kode && $0.level != r.level && $0.stem == stem }
    }

    static let byFolded: [String: Region] = Dictionary(all.map { (folded($0.name), $0) }, uniquingKeysWith: { a, _ in a })

    /// Lowercased, runs of spaces as one, ends trimmed.
    static func folded(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        var prev = Array(0...y.count), cur = prev
        for i in 1...x.count {
            cur[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}

extension Region {
    /// The name without `Kota `/`Kabupaten ` (`Bogor`), folded.
    var stem: String {
        let f = Regions.folded(name)
        for p in ["kota ", "kabupaten "] where f.hasPrefix(p) { return String(f.dropFirst(p.count)) }
        return f
    }
}
