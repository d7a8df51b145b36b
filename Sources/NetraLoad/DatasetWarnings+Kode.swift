import NetraCore

extension DatasetWarnings {
    /// A hint for each jurisdiction without a `kode` whose name is a region Netra knows
    /// (`Kota Bekasi` → 32.75), at its name cell (in `jurisdictions.csv`, or its workbook's sheet).
    public static func kodes(_ d: Dataset, directory: String) -> [Diagnostic] {
        let missing = d.jurisdictions.filter { $0.kode == nil && $0.level != .nasional }
            .compactMap { j in Regions.region(named: j.name).map { (j, $0) } }
            .filter { $0.1.level == $0.0.level }
        guard !missing.isEmpty else { return [] }
        let source = TableSource(directory, .jurisdictions)
        let columns = source.columns(named: JurisdictionColumn.name.name, lines: Set(missing.map { $0.0.line }))
        return missing.compactMap { j, r in
            source.diagnostic(
                line: j.line, column: columns[j.line] ?? 1,
                said: Said(
                    en: "hint: kode: '\(j.name)' is Kemendagri code \(r.kode); write it in a kode column so the data joins official tables",
                    id: "saran: kode: '\(j.name)' berkode Kemendagri \(r.kode); tulis di kolom kode agar data tersambung dengan tabel resmi"))
        }
    }
}
