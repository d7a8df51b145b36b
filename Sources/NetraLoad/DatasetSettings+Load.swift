import NetraCore

extension DatasetLoader {
    /// Reads the settings table against the dataset's jurisdictions (`jIndex`, their parents
    /// in `parents`); every problem at its cell.
    static func loadSettings(
        _ input: (String, [UInt8]?), jIndex: [String: Int]?, parents: [Int?],
        _ diags: inout [Diagnostic]
    ) -> DatasetSettings {
        guard let data = input.1 else { return DatasetSettings() }
        var table = Table(file: input.0, bytes: data)
        var s = DatasetSettings()
        var seen: [DatasetSettings.Key: Int] = [:]
        let file = input.0
        let keys = DatasetSettings.Key.allCases.map(\.rawValue).joined(separator: ", ")
        table.read(required: DatasetSettings.header, optional: []) { rec, col, _, sink in
            func say(_ i: Int, _ m: Said) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, said: m)) }
            func say(_ i: Int, _ en: String, _ id: String) { say(i, Said(en: en, id: id)) }
            guard let ck = rec.has(col[0]) else { return }
            let name = rec.trimmedString(ck)
            let value = rec.has(col[1]).map { rec.trimmedString($0) } ?? ""
            let cv = rec.has(col[1]) ?? ck
            if name.isEmpty {
                if !value.isEmpty {
                    say(
                        ck, "key: missing key for the value '\(value)'; expected one of: \(keys)",
                        "key: kunci tidak ada untuk nilai '\(value)'; pilihan: \(keys)")
                }
                return
            }
            guard let key = DatasetSettings.Key(name: name) else {
                say(ck, "key: unknown setting '\(name)'; expected one of: \(keys)", "key: pengaturan '\(name)' tidak dikenal; pilihan: \(keys)"); return
            }
            if let first = seen[key] {
                say(ck, "key: '\(key.rawValue)' is set twice (first on line \(first))", "key: '\(key.rawValue)' diatur dua kali (pertama di baris \(first))");
                return
            }
            seen[key] = rec.line
            if value.isEmpty { return }
            switch key {
            case .office:
                if value.count > DatasetSettings.maxOfficeLength {
                    say(
                        cv, "value: the office's name is \(value.count) characters long; at most \(DatasetSettings.maxOfficeLength), it heads every page",
                        "value: nama kantor \(value.count) karakter; paling banyak \(DatasetSettings.maxOfficeLength), karena tampil di kepala setiap halaman")
                } else {
                    s.office = value
                }
            case .lang:
                if value == "id" || value == "en" {
                    s.lang = value
                } else {
                    say(cv, "value: unknown language '\(value)'; expected id or en", "value: bahasa '\(value)' tidak dikenal; pilihan: id atau en")
                }
            case .region:
                if let r = Regions.lookup(value) {
                    s.region = r.kode
                } else {
                    let near = Regions.nearest(value).map { "\($0.kode) \($0.name)" }
                    let list = near.joined(separator: ", ")
                    say(
                        cv,
                        "value: unknown region '\(value)'; expected a Kemendagri code (32.71) or a name (Kota Bogor)"
                            + (near.isEmpty ? "" : "; nearest: " + list),
                        "value: wilayah '\(value)' tidak dikenal; tulis kode Kemendagri (32.71) atau nama (Kota Bogor)"
                            + (near.isEmpty ? "" : "; yang terdekat: " + list))
                }
            case .pair:
                guard let (a, b) = DatasetSettings.splitPair(value) else {
                    say(
                        cv, "value: a pair is two jurisdiction ids separated by a comma, e.g. kota-bogor,kabupaten-bogor; got '\(value)'",
                        "value: pasangan adalah dua id wilayah dipisah koma, mis. kota-bogor,kabupaten-bogor; tertulis '\(value)'");
                    return
                }
                guard let jIndex else { return }
                let unknown = [a, b].filter { jIndex[$0] == nil }
                if !unknown.isEmpty {
                    let ids = listing(jIndex.keys.sorted())
                    say(
                        cv, "value: unknown jurisdiction '\(unknown[0])'; expected one of: \(ids)",
                        "value: wilayah '\(unknown[0])' tidak dikenal; pilihan: \(ids)");
                    return
                }
                if let why = pairProblem(a, b, jIndex: jIndex, parents: parents) { say(cv, why.after(Said("value: "))); return }
                s.pair = (a, b)
            }
        }
        diags += table.diagnostics
        return s
    }

    /// Why `a` and `b` make no comparison: one jurisdiction twice, or one under the other.
    public static func pairProblem(_ a: String, _ b: String, jIndex: [String: Int], parents: [Int?]) -> Said? {
        guard let x = jIndex[a], let y = jIndex[b] else { return nil }
        if x == y { return Said(en: "a pair is two jurisdictions; '\(a)' is given twice", id: "pasangan adalah dua wilayah; '\(a)' tertulis dua kali") }
        func under(_ k: Int, _ top: Int) -> Bool {
            var cur = parents[k], steps = 0
            while let c = cur, steps <= parents.count { if c == top { return true }; cur = parents[c]; steps += 1 }
            return false
        }
        func within(_ inner: String, _ outer: String) -> Said {
            Said(
                en: "'\(inner)' lies within '\(outer)', which counts its events too; compare two that do not hold each other",
                id: "'\(inner)' berada di dalam '\(outer)', yang ikut menghitung peristiwanya; bandingkan dua wilayah yang tidak saling memuat")
        }
        if under(x, y) { return within(a, b) }
        if under(y, x) { return within(b, a) }
        return nil
    }
}
