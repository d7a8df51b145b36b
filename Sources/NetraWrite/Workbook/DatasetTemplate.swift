import NetraCore
import NetraText
import NetraAnalytics

/// What `netra init` writes: an empty dataset to fill in a spreadsheet, as `dataset.xlsx`
/// (sheets events, jurisdictions, elections with drop-down lists, and Petunjuk) and as CSVs.
public struct DatasetTemplate: Sendable {
    /// The jurisdictions' rows: Indonesia, then each province asked for (or holding a
    /// kabupaten/kota asked for) and its kabupaten/kota, in the table's order.
    public let jurisdictions: [Region?]  // nil: Indonesia
    public let lang: Language
    /// The settings table's values: the office named (`--office`), the first region asked for,
    /// and the pair of that region and its twin when the template holds both.
    public let settings: DatasetSettings

    /// Names of files that make a folder a dataset already: `init` writes into none of them.
    public static let datasetFiles: [String] =
        ["events", "jurisdictions", "elections"].flatMap { [$0 + ".csv", $0 + ".xlsx"] }
        + ["dataset.xlsx"]

    /// Rows the drop-down lists cover, below the header.
    static let fillRows = 2_000

    /// `regions`: Kemendagri codes (`32` for a whole province, `32.75` or `3275` for one
    /// kabupaten/kota) or names (`Kota Bekasi`); a kabupaten/kota comes with its twin of the
    /// same name (Kota Bogor with Kabupaten Bogor), the comparison's other side.
    public init(regions: [String], lang: Language = .id, office: String? = nil) throws(WorkbookError) {
        var provinces: [String] = [], picked: Set<String> = []
        var first: Region?
        for code in regions {
            guard let r = Regions.lookup(code) else {
                throw WorkbookError(Strings.unknownRegion(code, nearest: Regions.nearest(code).map { "\($0.kode) \($0.name)" }).text(lang))
            }
            if first == nil { first = r }
            let province = r.province ?? r.kode
            if !provinces.contains(province) { provinces.append(province) }
            if r.level == .provinsi {
                Regions.members(of: r.kode).forEach { picked.insert($0.kode) }
            } else {
                picked.insert(r.kode)
                if let t = Regions.twin(of: r) { picked.insert(t.kode) }
            }
        }
        var rows: [Region?] = [nil]
        for p in provinces.sorted() {
            if let pr = Regions.region(kode: p) { rows.append(pr) }
            rows += Regions.members(of: p).filter { picked.contains($0.kode) }.map { Optional($0) }
        }
        jurisdictions = rows
        self.lang = lang
        let twin = first.flatMap { Regions.twin(of: $0) }
        let pair = first.flatMap { f in twin.map { t in f.level == .kota ? (f.id, t.id) : (t.id, f.id) } }
        settings = DatasetSettings(office: office.flatMap { $0.isEmpty ? nil : $0 }, region: first?.kode, pair: pair, lang: lang.rawValue)
    }

    /// The settings table: key, value and a note on each key in the template's language.
    var settingsRows: [[String]] {
        DatasetSettings.Key.allCases.map { k in
            let value: String
            switch k {
            case .office: value = settings.office ?? ""
            case .region: value = settings.region ?? ""
            case .pair: value = settings.pair.map { "\($0.a),\($0.b)" } ?? ""
            case .lang: value = settings.lang ?? ""
            }
            return [k.rawValue, value, Strings.templateSetting(k).text(lang)]
        }
    }
    static var settingsHeader: [String] { DatasetSettings.header + ["note"] }

    static let jurisdictionHeader = JurisdictionColumn.names
    static let electionHeader = ["id", "name", "date", "scope"]

    /// The jurisdictions' cells: id, name, level, parent, kode.
    var jurisdictionRows: [[String]] {
        jurisdictions.map { r in
            guard let r else { return ["indonesia", "Indonesia", JurisdictionLevel.nasional.rawValue, "", ""] }
            let parent = r.province.flatMap { Regions.region(kode: $0)?.id } ?? "indonesia"
            return [r.id, r.name, r.level.rawValue, parent, r.kode]
        }
    }

    /// `events.csv`, `jurisdictions.csv`, `elections.csv`: headers, and the jurisdictions.
    public var csvFiles: [(name: String, bytes: [UInt8])] {
        func csv(_ rows: [[String]]) -> [UInt8] {
            var w = CSVWriter(flavour: .plain)
            for r in rows { w.row(r.map { .text($0) }) }
            return w.bytes
        }
        return [
            ("events.csv", csv([EventColumn.names])),
            ("jurisdictions.csv", csv([Self.jurisdictionHeader] + jurisdictionRows)),
            ("elections.csv", csv([Self.electionHeader])),
            (DatasetSettings.csvFile, csv([Self.settingsHeader] + settingsRows))
        ]
    }

    /// `dataset.xlsx`.
    public var workbook: Workbook {
        let jRange = "=jurisdictions!$A$2:$A$\(Self.fillRows + 1)"
        func col(_ c: EventColumn) -> Int { c.rawValue }
        var events = Sheet(name: "events", header: EventColumn.names, rows: [])
        events.fillRows = Self.fillRows
        // Ids as typed. Date columns keep the General format: a date typed the office's way
        // (15/01/2024) becomes a real date cell, read as its day; a month typed `2023-11` is a
        // month cell or text, and a year `2022` a number, each read as typed. A text format
        // would keep 15/01/2024 as text, a date format turn the year 2022 into 1905-07-14.
        events.textColumns = [EventColumn.id.rawValue]
        events.minWidths = Self.eventWidths
        events.dropDowns = [
            DropDown(column: col(.precision), source: .values(Precision.allCases.map(\.rawValue))),
            DropDown(column: col(.kind), source: .values(EventKind.allCases.map(\.rawValue))),
            DropDown(column: col(.jurisdiction), source: .range(jRange)),
            DropDown(column: col(.status), source: .values(CaseStatus.allCases.map(\.rawValue))),
            // A link is `relation:event-id`: the list offers the relation, the id is typed after it.
            DropDown(
                column: col(.links), source: .values(Relation.allCases.map { $0.rawValue + ":" }), strict: false,
                prompt: Strings.templateLinksPrompt.text(lang))
        ]
        var juris = Sheet(
            name: "jurisdictions", header: Self.jurisdictionHeader,
            rows: jurisdictionRows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
        juris.fillRows = Self.fillRows
        juris.textColumns = [JurisdictionColumn.id.rawValue, JurisdictionColumn.kode.rawValue]
        juris.minWidths = [
            JurisdictionColumn.id.rawValue: 28, JurisdictionColumn.name.rawValue: 30, JurisdictionColumn.level.rawValue: 12,
            JurisdictionColumn.parent.rawValue: 28, JurisdictionColumn.kode.rawValue: 8
        ]
        juris.dropDowns = [
            DropDown(column: JurisdictionColumn.level.rawValue, source: .values(JurisdictionLevel.allCases.map(\.rawValue))),
            DropDown(column: JurisdictionColumn.parent.rawValue, source: .range(jRange))
        ]
        var elections = Sheet(name: "elections", header: Self.electionHeader, rows: [])
        elections.fillRows = Self.fillRows
        elections.textColumns = [0]
        elections.minWidths = [0: 24, 1: 36, 2: 12, 3: 24]
        elections.dropDowns = [DropDown(column: 3, source: .range(jRange))]
        var notes = Sheet(
            name: Strings.templateSheet.text(lang), header: [Strings.templateTitle.text(lang)],
            rows: Strings.templateSteps.map { [.text($0.text(lang))] })
        notes.isNotes = true
        var settings = Sheet(name: "settings", header: Self.settingsHeader, rows: settingsRows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
        settings.textColumns = [0, 1]
        settings.dropDowns = [DropDown(column: 0, source: .values(DatasetSettings.Key.allCases.map(\.rawValue)))]
        return Workbook(sheets: [events, juris, elections, settings, notes], title: "Netra dataset")
    }
}

extension DatasetTemplate {
    /// The events sheet's widths: a date (2024-01-15) with room, an id (kota-2023-11-02-pledge),
    /// a title's first words, a link (responds_to:kota-2023-11-02-pledge).
    static var eventWidths: [Int: Double] {
        var w: [Int: Double] = [:]
        for c in EventColumn.allCases {
            switch c {
            case .id, .jurisdiction, .links: w[c.rawValue] = 30
            case .date, .endDate, .sourceDate, .knownDate: w[c.rawValue] = 12
            case .precision, .count, .status: w[c.rawValue] = 12
            case .kind: w[c.rawValue] = 14
            case .title, .titleEN, .quote, .notes: w[c.rawValue] = 50
            case .source, .actors, .place, .unit: w[c.rawValue] = 22
            case .sourceURL: w[c.rawValue] = 40
            }
        }
        return w
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
