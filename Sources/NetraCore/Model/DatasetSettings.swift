/// The dataset's own settings: `settings.csv`, or the sheet `settings`/`pengaturan` of
/// `dataset.xlsx`, a table of `key,value` rows (datasets/README.md). Each is a default that
/// the command line overrides; a setting left out (or empty) is simply not set.
public struct DatasetSettings: Sendable, Equatable {
    /// Whose briefing it is (`Bawaslu Kota Bogor`): it heads every sheet page, chart footer
    /// and report.html.
    public var office: String?
    /// The Kemendagri code of the office's region (`32.71`), as `netra init --region` wrote it.
    public var region: String?
    /// The two jurisdiction ids the comparison sets side by side.
    public var pair: (a: String, b: String)?
    /// `id` or `en`: the language of charts, sheet and messages.
    public var lang: String?

    public init(office: String? = nil, region: String? = nil, pair: (a: String, b: String)? = nil, lang: String? = nil) {
        self.office = office; self.region = region; self.pair = pair; self.lang = lang
    }

    public static func == (x: Self, y: Self) -> Bool {
        x.office == y.office && x.region == y.region && x.lang == y.lang && x.pair?.a == y.pair?.a && x.pair?.b == y.pair?.b
    }

    /// The keys, each with its Indonesian name (also accepted).
    public enum Key: String, CaseIterable, Sendable {
        case office, region, pair, lang
        public var indonesian: String {
            switch self {
            case .office: return "kantor"
            case .region: return "wilayah"
            case .pair: return "pasangan"
            case .lang: return "bahasa"
            }
        }
        @usableFromInline package init?(name: String) {
            let n = name.lowercased()
            guard let k = Key(rawValue: n) ?? Key.allCases.first(where: { $0.indonesian == n }) else { return nil }
            self = k
        }
    }

    /// The table's columns (more are kept and ignored: a note beside each row, say).
    public static let header = ["key", "value"]
    public static let csvFile = "settings.csv"
    /// The longest office name: it heads a page 1240 px wide in one line or two.
    public static let maxOfficeLength = 80

    /// The two ids of a `pair` value: `kota-bogor,kabupaten-bogor` (or with `;`).
    public static func splitPair(_ text: String) -> (String, String)? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
