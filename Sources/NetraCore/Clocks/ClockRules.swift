/// The legal clocks on a case: which stage starts one, which ends it, its limit and the article
/// it comes from. Shipped as `clocks.csv` (built in); a dataset may replace it with its own.

/// A step of a case's handling, each read off the event graph (datasets/README.md, *Case clocks*).
public enum CaseStage: String, CaseIterable, Sendable, Comparable {
    /// The incident a report `reports:`.
    case incident
    /// The report itself: the day it was received.
    case report
    /// A `decision` without a status that `decides:` the report (registered after the first check).
    case registration
    /// The first `decision` with a status that `decides:` the report.
    case decision
    /// A `decision` with status `confirmed` that `decides:` the report: for an ASN case, the
    /// recommendation forwarded to KASN (to 24 Aug 2024) or BKN.
    case forwarding
    /// A `sanction` that `sanctions:` (or `follows_up:`) the incident, the report or the forwarding.
    case sanction

    public var order: Int {
        switch self {
        case .incident: return 0
        case .report: return 1
        case .registration: return 2
        case .decision: return 3
        case .forwarding: return 4
        case .sanction: return 5
        }
    }
    public static func < (a: CaseStage, b: CaseStage) -> Bool { a.order < b.order }
}

/// Which law a case falls under: the election it leads up to.
public enum Regime: String, CaseIterable, Sendable {
    case pemilu, pilkada
    /// A rule for both.
    case semua
}

/// Calendar days, or working days counted on the `WorkingCalendar`.
public enum ClockUnit: String, CaseIterable, Sendable {
    case hari
    case hariKerja = "hari_kerja"
}

/// What running past the limit means.
public enum ClockKind: String, CaseIterable, Sendable {
    /// A body must act by the limit: an open clock past it is overdue.
    case duty
    /// A deadline for filing: an unfiled case past it is no longer open; a filing after it is late.
    case window
}

/// One row of `clocks.csv`.
public struct ClockRule: Sendable, Equatable {
    public var id: String
    public var regime: Regime
    public var start: CaseStage
    public var end: CaseStage
    /// Nil when the law sets none found: days are counted, nothing is overdue.
    public var limit: Int?
    public var unit: ClockUnit
    public var kind: ClockKind
    public var article: String
    public var sourceURL: String
    /// False when the row could not be checked against the law's text or sources disagree:
    /// shown wherever the rule is used.
    public var verified: Bool
    public var notes: String
    /// Where the row came from, `clocks.csv:4`.
    public var origin: String

    public init(
        id: String, regime: Regime, start: CaseStage, end: CaseStage, limit: Int?, unit: ClockUnit,
        kind: ClockKind = .duty, article: String, sourceURL: String = "", verified: Bool, notes: String = "", origin: String = ""
    ) {
        self.id = id; self.regime = regime; self.start = start; self.end = end; self.limit = limit
        self.unit = unit; self.kind = kind; self.article = article; self.sourceURL = sourceURL
        self.verified = verified; self.notes = notes; self.origin = origin
    }

    public func applies(to r: Regime) -> Bool { regime == .semua || regime == r }
}

/// The rules in force and the working-day calendar they count on.
public struct ClockBook: Sendable {
    public var rules: [ClockRule]
    public var calendar: WorkingCalendar
    /// `built-in` or the path of the dataset's own `clocks.csv`.
    public var rulesSource: String

    public init(rules: [ClockRule], calendar: WorkingCalendar, rulesSource: String = "built-in") {
        self.rules = rules; self.calendar = calendar; self.rulesSource = rulesSource
    }

    /// The rules and calendar shipped with Netra.
    public static func shipped() -> ClockBook {
        // Both files are part of the build and tested: a failure here is a defect of the build.
        let rules = (try? ClockRules.parse(PackageResources.clocks_csv, file: "clocks.csv")) ?? []
        let calendar = (try? WorkingCalendar.parse(PackageResources.hari_libur_csv, file: "hari-libur.csv")) ?? WorkingCalendar(days: [])
        return ClockBook(rules: rules, calendar: calendar)
    }

    /// The shipped book, its rules replaced by `DIR/clocks.csv` when the dataset folder has one.
    public static func load(datasetFolder: String?) throws(DatasetError) -> ClockBook {
        var book = shipped()
        guard let dir = datasetFolder, FileIO.isDirectory(dir) else { return book }
        let path = dir.hasSuffix("/") ? dir + "clocks.csv" : dir + "/clocks.csv"
        guard FileIO.exists(path) else { return book }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            throw DatasetError([Diagnostic(file: path, line: 1, column: 1, said: error.said)])
        }
        book.rules = try ClockRules.parse(bytes, file: path)
        book.rulesSource = path
        return book
    }
}

/// Reading `clocks.csv`.
public enum ClockRules {
    static let required = ["id", "regime", "start", "end", "limit", "unit", "article", "verified"]
    static let optional = ["kind", "source_url", "notes"]

    /// Every rule of the file, or every problem in it at its line and column.
    public static func parse(_ bytes: [UInt8], file: String) throws(DatasetError) -> [ClockRule] {
        var table = Table(file: file, bytes: bytes)
        var rules: [ClockRule] = []
        var seen: Set<String> = []
        table.read(required: required, optional: optional) { rec, cols, _, sink in
            func cell(_ k: Int) -> (String, line: Int, column: Int)? {
                guard let c = rec.has(cols[k]) else { return nil }
                let p = rec.position(c)
                return (rec.trimmedString(c), p.line, p.column)
            }
            var ok = true
            func say(_ k: Int, _ en: String, _ id: String) {
                let p: (line: Int, column: Int) = rec.has(cols[k]).map { rec.position($0) } ?? (rec.line, 1)
                sink.append(Diagnostic(file: file, line: p.line, column: p.column, said: Said(en: en, id: id))); ok = false
            }
            func value<T: RawRepresentable & CaseIterable>(_ k: Int, _ name: String, _ t: T.Type) -> T? where T.RawValue == String {
                let text = cell(k)?.0 ?? ""
                if let v = T(rawValue: text) { return v }
                say(k, "\(name): '\(text)' is not one of \(T.allowedList)", "\(name): '\(text)' bukan salah satu dari \(T.allowedList)"); return nil
            }
            let id = cell(0)?.0 ?? ""
            if id.isEmpty {
                say(0, "id is empty; every rule needs one", "id kosong; setiap aturan memerlukannya")
            } else if !seen.insert(id).inserted {
                say(0, "id '\(id)' is used by an earlier rule", "id '\(id)' sudah dipakai aturan sebelumnya")
            }
            let regime = value(1, "regime", Regime.self)
            let start = value(2, "start", CaseStage.self)
            let end = value(3, "end", CaseStage.self)
            if let s = start, let e = end, e <= s {
                say(
                    3, "end: '\(e.rawValue)' does not come after start '\(s.rawValue)' in a case (\(CaseStage.allowedList))",
                    "end: '\(e.rawValue)' tidak datang sesudah start '\(s.rawValue)' dalam perkara (\(CaseStage.allowedList))")
            }
            var limit: Int?
            let limitText = cell(4)?.0 ?? ""
            if !limitText.isEmpty {
                if let n = Int(limitText), n > 0, n <= 3660 {
                    limit = n
                } else {
                    say(
                        4, "limit: '\(limitText)' is not a whole number of days from 1 to 3660 (empty for none)",
                        "limit: '\(limitText)' bukan jumlah hari bulat dari 1 sampai 3660 (kosong bila tidak ada)")
                }
            }
            let unit = value(5, "unit", ClockUnit.self)
            let kindText = cell(8)?.0 ?? ""
            let kind = kindText.isEmpty ? ClockKind.duty : value(8, "kind", ClockKind.self)
            let article = cell(6)?.0 ?? ""
            if article.isEmpty {
                say(6, "article is empty; every rule names the article it comes from", "article kosong; setiap aturan menyebut pasal asalnya")
            }
            let verifiedText = cell(7)?.0 ?? ""
            if verifiedText != "verified" && verifiedText != "unverified" {
                say(
                    7, "verified: '\(verifiedText)' is not one of verified, unverified",
                    "verified: '\(verifiedText)' bukan salah satu dari verified, unverified")
            }
            guard ok, let regime, let start, let end, let unit, let kind else { return }
            rules.append(
                ClockRule(
                    id: id, regime: regime, start: start, end: end, limit: limit, unit: unit, kind: kind,
                    article: article, sourceURL: cell(9)?.0 ?? "", verified: verifiedText == "verified",
                    notes: cell(10)?.0 ?? "", origin: "\(file):\(rec.line)"))
        }
        guard table.diagnostics.isEmpty else { throw DatasetError(table.diagnostics) }
        return rules
    }
}
