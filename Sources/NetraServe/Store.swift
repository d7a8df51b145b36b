import Foundation
import NetraCore
import NetraText
import NetraAnalytics
import NetraReport
import NetraWrite
import NetraLoad
#if canImport(Glibc)
import Glibc
#endif

/// One problem of an upload, as `validate` prints it.
public struct UploadProblem: Codable, Sendable, Equatable {
    /// `dataset.xlsx:events!B12` or `events.csv:3:14`.
    public var place: String
    public var message: String
}

/// A warning of an upload that validated, at its cell, in both languages (a page shows its
/// reader's): what `validate` prints without refusing the data.
public struct UploadWarning: Codable, Sendable, Equatable {
    /// `dataset.xlsx:events!B12` or `events.csv:3:14`.
    public var place: String
    public var en: String
    public var id: String

    public func message(_ lang: Language) -> String { Strings.Serve.said(Said(en: en, id: id), lang) }
}

/// What became of an upload.
public enum UploadResult: Sendable {
    case stored(VersionRow)
    /// The data did not validate: nothing was stored.
    case problems([UploadProblem])
    /// Over the time limit: the check (`checking`) or the making of the outputs, stopped.
    case timedOut(checking: Bool)
    case failed(String)
}

/// What the check of an upload found: its problems as `validate` gives them, else its counts.
/// Made by `netra serve --check-upload DIR` in a process of its own, so that the job time limit
/// stops a check that runs too long; it prints this as JSON.
public struct UploadCheck: Codable, Sendable {
    public var valid: Bool
    public var problems: [UploadProblem]
    public var events = 0, jurisdictions = 0, elections = 0, warnings = 0
    /// The first `shownWarnings` of the `warnings` (by line), at their cells.
    public var warningList: [UploadWarning] = []
    public var firstMonth: String?
    public var latestMonth: String?

    /// At most this many warnings are listed (a generated or badly merged dataset can hold
    /// thousands of possible duplicates); `warnings` counts them all.
    public static let shownWarnings = 100

    /// The check of the dataset in `data` (the same loader and warnings as `netra validate`),
    /// its places relative to `data`, its problems' words in `lang`; `today` bounds the
    /// far-date warning (nil: no such bound).
    public static func run(data: String, lang: Language, today: Day?) -> UploadCheck {
        do throws(DatasetError) {
            let d = try DatasetLoader.load(directory: data, names: Strings.acceptedNames)
            // Read only when there is a warning to place, once for every kind.
            lazy var source = DatasetWarnings.TableSource(data, loaded: d)
            let statuses = DatasetWarnings.statuses(d, events: source)
            // A mistyped year (0024 for 2024), as `validate` warns of it.
            let farDates = DatasetWarnings.farDates(d, events: source, today: today)
            let duplicates = DatasetWarnings.duplicates(d, events: source, limit: shownWarnings)
            let listed = (statuses + farDates + duplicates.warnings).sorted { ($0.line, $0.column) < ($1.line, $1.column) }.prefix(shownWarnings)
            let days = d.events.map { $0.date.anchor }
            return UploadCheck(
                valid: true, problems: [], events: d.events.count, jurisdictions: d.jurisdictions.count, elections: d.elections.count,
                warnings: statuses.count + farDates.count + duplicates.total,
                warningList: listed.map { w in
                    let d = relative(w, to: data)
                    return UploadWarning(place: Diagnostic.printable(d.position), en: Diagnostic.printable(d.said.en), id: Diagnostic.printable(d.said.id))
                },
                firstMonth: days.min()?.month.iso, latestMonth: days.max()?.month.iso)
        } catch {
            return UploadCheck(
                valid: false,
                problems: error.diagnostics.prefix(DatasetError.shownProblems).map { diag in
                    let d = relative(diag, to: data)
                    return UploadProblem(place: Diagnostic.printable(d.position), message: Diagnostic.printable(Strings.Serve.said(d.said, lang)))
                })
        }
    }

    /// The diagnostic with its file named inside the upload (never the server's folder).
    static func relative(_ diag: Diagnostic, to data: String) -> Diagnostic {
        var d = diag
        if d.file.hasPrefix(data + "/") { d.file = String(d.file.dropFirst(data.count + 1)) }
        return d
    }
}

/// The files an upload may hold, by the fixed names they are stored under.
public enum UploadName: String, CaseIterable, Sendable {
    case workbook = "dataset.xlsx"
    case events = "events.csv"
    case jurisdictions = "jurisdictions.csv"
    case elections = "elections.csv"
    case settings = "settings.csv"

    /// The name a form field or file is known by: exactly one of ours, or nothing (a path,
    /// `../x`, any other name is refused, never used).
    public init?(field: String) {
        let bare = field.lowercased()
        if let n = UploadName(rawValue: bare) { self = n; return }
        switch bare {
        case "workbook", "dataset": self = .workbook
        case "events": self = .events
        case "jurisdictions": self = .jurisdictions
        case "elections": self = .elections
        case "settings": self = .settings
        default: return nil
        }
    }
}

/// Workspaces and versions on disk under `--data`, with their index.
///
/// `DATA/index.sqlite` (WAL), `DATA/tmp/job-RANDOM/` for each job, and each version whole in
/// `DATA/workspaces/ID/versions/v-RANDOM/` (`dataset/` as uploaded, `out/` as `netra` made it).
/// A job's folder is renamed into place complete, and only then is its row written.
public final class ServeStore: Sendable {
    public let root: String
    public let index: ServeIndex
    let config: ServeConfig
    public let slots: JobSlots

    public init(config: ServeConfig) throws {
        self.config = config
        root = config.dataDir
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/workspaces", withIntermediateDirectories: true)
        // A job killed with the server leaves its folder: never a version, removed now.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/tmp")) ?? [] {
            stopOrphan(jobFolder: root + "/tmp/" + name)
            try? FileManager.default.removeItem(atPath: root + "/tmp/" + name)
        }
        index = try ServeIndex(path: root + "/index.sqlite")
        slots = JobSlots(slots: config.jobSlots)
    }

    /// `[a-z0-9][a-z0-9-]*`, at most 63: safe in a path and a URL as it is.
    public static func isWorkspaceId(_ id: String) -> Bool {
        guard (1...63).contains(id.utf8.count), let first = id.utf8.first, first != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }

    public func versionFolder(_ v: VersionRow) -> String {
        "\(root)/workspaces/\(v.workspace)/versions/\(v.folder)"
    }

    /// A fresh, empty folder for one job, named at random.
    func newJobFolder() throws -> String {
        let path = "\(root)/tmp/job-\(randomHex(12))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    /// `--lang`, `--office` and `--pair` from the workspace's settings.
    func settingsArguments(_ w: WorkspaceRow) -> [String] {
        var args = ["--lang", w.lang]
        if let o = w.office, !o.isEmpty { args += ["--office", o] }
        if let p = w.pair, !p.isEmpty { args += ["--pair", p] }
        return args
    }

    /// Checks the upload in a fresh folder; when it validates, makes its outputs with `netra all`;
    /// each a process of its own under the job time limit, one slot for both. Then moves the
    /// folder into place whole and writes its row. On any refusal the folder is removed: nothing stored.
    public func upload(
        _ w: WorkspaceRow, files: [(name: UploadName, bytes: [UInt8])], uploader: String, ticket: String? = nil,
        queued: @Sendable (Int) -> Void = { _ in }
    ) async throws -> UploadResult {
        let job = try newJobFolder()
        // Renamed into place once stored; anything left here is removed.
        defer { try? FileManager.default.removeItem(atPath: job) }
        let data = job + "/dataset"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false)
        for f in files {
            do throws(OutputError) { try OutputFolder.writeAtomically(f.bytes, to: data + "/" + f.name.rawValue) } catch {
                return .failed(error.message)
            }
        }
        return try await slots.run(ticket: ticket, queued: queued) { () async throws -> UploadResult in
            // The check, in a process of its own under the time limit; its answer stays in the
            // version's folder for the warnings the page lists.
            let report = job + "/" + Self.checkFile
            let checking = try await runJob(
                executable: config.executable, arguments: ["serve", "--check-upload", data, "--check-lang", w.lang],
                timeLimit: config.jobTimeLimit, pidFile: job + "/" + jobPidFile, stdoutPath: report)
            try? FileManager.default.removeItem(atPath: job + "/" + jobPidFile)
            if let refused = Self.refusal(checking, checking: true, job: job) { return refused }
            guard let bytes = FileManager.default.contents(atPath: report), let checked = try? JSONDecoder().decode(UploadCheck.self, from: bytes) else {
                return .failed("the check gave no answer")
            }
            guard checked.valid else { return .problems(checked.problems) }
            let outcome = try await runJob(
                executable: config.executable,
                arguments: ["all", "--dataset", data, "--out", job + "/out", "-q"] + settingsArguments(w),
                timeLimit: config.jobTimeLimit, pidFile: job + "/" + jobPidFile)
            try? FileManager.default.removeItem(atPath: job + "/" + jobPidFile)
            if let refused = Self.refusal(outcome, checking: false, job: job) { return refused }
            let folder = "v-" + randomHex(12)
            let versions = "\(root)/workspaces/\(w.id)/versions"
            try FileManager.default.createDirectory(atPath: versions, withIntermediateDirectories: true)
            guard rename(job, versions + "/" + folder) == 0 else { return .failed("rename: \(Syscall.reason(errno).en)") }
            syncFolder(versions)
            let now = ISO8601DateFormatter().string(from: Date())
            let row = try await index.addVersion { n in
                VersionRow(
                    workspace: w.id, number: n, folder: folder, uploaded: now, uploader: uploader,
                    events: checked.events, jurisdictions: checked.jurisdictions, elections: checked.elections,
                    warnings: checked.warnings, validated: true,
                    firstMonth: checked.firstMonth, latestMonth: checked.latestMonth)
            }
            return .stored(row)
        }
    }

    /// The check's answer in a version's folder (`UploadCheck` as JSON).
    static let checkFile = "check.json"

    /// The warnings the check of the version listed, at their cells (none for a version stored
    /// before the list was kept).
    public func warnings(of v: VersionRow) -> [UploadWarning] {
        guard let bytes = FileManager.default.contents(atPath: versionFolder(v) + "/" + Self.checkFile),
            let checked = try? JSONDecoder().decode(UploadCheck.self, from: bytes)
        else { return [] }
        return checked.warningList
    }

    /// What an upload comes to when one of its jobs did not end well (nil when it did).
    static func refusal(_ outcome: JobOutcome, checking: Bool, job: String) -> UploadResult? {
        switch outcome {
        case .timedOut: return .timedOut(checking: checking)
        case .finished(let status, let stderr) where status != 0: return .failed(stderr.replacingOccurrences(of: job + "/", with: ""))
        case .finished: return nil
        }
    }

    /// The folder of `month`'s briefing for the version, made on first asking (a job in a
    /// fresh folder, moved into the version's `briefings/`), or nil when there is none.
    public func briefingFolder(_ w: WorkspaceRow, _ v: VersionRow, month: Month) async throws -> String? {
        let name = "briefing-" + month.iso
        let made = versionFolder(v) + "/out/" + name
        if FileManager.default.fileExists(atPath: made) { return made }
        let extra = versionFolder(v) + "/briefings/" + name
        if FileManager.default.fileExists(atPath: extra) { return extra }
        guard let first = v.firstMonth.flatMap(Month.init(parsing:)), let last = v.latestMonth.flatMap(Month.init(parsing:)),
            first <= month, month <= last
        else { return nil }
        let job = try newJobFolder()
        defer { try? FileManager.default.removeItem(atPath: job) }
        let outcome = try await slots.run {
            try await runJob(
                executable: config.executable,
                arguments: ["briefing", "--month", month.iso, "--dataset", versionFolder(v) + "/dataset", "--out", job, "-q"] + settingsArguments(w),
                timeLimit: config.jobTimeLimit, pidFile: job + "/" + jobPidFile)
        }
        switch outcome {
        case .timedOut: throw ServeError.timedOut
        case .finished(let status, _) where status != 0: return nil
        case .finished: break
        }
        try FileManager.default.createDirectory(atPath: versionFolder(v) + "/briefings", withIntermediateDirectories: true)
        // Two askers at once: the second rename fails and the first's folder serves both.
        _ = rename(job + "/" + name, extra)
        return FileManager.default.fileExists(atPath: extra) ? extra : nil
    }

    /// The template workbook of `netra init` for the workspace's region, written in a job folder.
    public func template(_ w: WorkspaceRow) throws -> [UInt8] {
        let job = try newJobFolder()
        defer { try? FileManager.default.removeItem(atPath: job) }
        let lang = Language(rawValue: w.lang) ?? .id
        let regions = (w.region ?? "").split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        do {
            let template = try DatasetTemplate(regions: regions, lang: lang, office: w.office.flatMap { $0.isEmpty ? nil : $0 })
            let folder = try OutputFolder(job)
            _ = try folder.write([OutputFile(name: "dataset.xlsx", workbook: { template.workbook })])
        } catch {
            throw ServeError.failed("\(error)")
        }
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: job + "/dataset.xlsx")))
    }

    /// Loads a stored version's dataset (for the diff).
    public func dataset(_ v: VersionRow) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(directory: versionFolder(v) + "/dataset", names: Strings.acceptedNames)
    }
}

public enum ServeError: Error, Sendable {
    case timedOut
    case failed(String)
}

/// Flushes a folder's entries (a rename in it) to disk.
func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY)
    if fd >= 0 { _ = fsync(fd); close(fd) }
}

/// `count` random bytes as hex.
func randomHex(_ count: Int) -> String {
    var rng = SystemRandomNumberGenerator()
    return (0..<count).map { _ in
        let b = UInt8.random(in: 0...255, using: &rng)
        return String(b >> 4, radix: 16) + String(b & 15, radix: 16)
    }.joined()
}
