extension DatasetWarnings {
    /// A hint for each jurisdiction without a `kode` whose name is a region Netra knows
    /// (`Kota Bekasi` → 32.75), at its name cell in `jurisdictions.csv`.
    public static func kodes(_ d: Dataset, directory: String) -> [Diagnostic] {
        let missing = d.jurisdictions.filter { $0.kode == nil && $0.level != .nasional }
            .compactMap { j in Regions.region(named: j.name).map { (j, $0) } }
            .filter { $0.1.level == $0.0.level }
        guard !missing.isEmpty else { return [] }
        let file = directory.hasSuffix("/") ? directory + DatasetLoader.jurisdictionsFile : directory + "/" + DatasetLoader.jurisdictionsFile
        let columns = nameColumns(file)
        return missing.map { j, r in
            Diagnostic(file: file, line: j.line, column: columns[j.line] ?? 1,
                       message: "hint: kode: '\(j.name)' is Kemendagri code \(r.kode); write it in a kode column so the data joins official tables")
        }
    }

    /// The character column of the `name` cell on each line.
    static func nameColumns(_ file: String) -> [Int: Int] {
        guard let b = try? FileIO.read(file) else { return [:] }
        let delimiter = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
        var name: Int?, out: [Int: Int] = [:]
        var header = true
        _ = CSVReader.read(b, delimiter: delimiter) { rec in
            if header {
                header = false
                name = (0..<rec.count).first { rec.trimmedString($0).lowercased() == JurisdictionColumn.name.name }
                return
            }
            if let name, name < rec.count { out[rec.line] = rec.position(name).column }
        }
        return out
    }
}
