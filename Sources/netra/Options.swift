import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraLoad
#if canImport(Glibc)
import Glibc
#endif

/// `--dataset DIR`, shared by every command that reads data.
struct DatasetOption: ParsableArguments {
    @Option(
        name: .customLong("dataset"),
        help: ArgumentHelp(
            "The dataset: a folder (events.csv, jurisdictions.csv, elections.csv; or the same as .xlsx workbooks, or one dataset.xlsx with a sheet for each, or its one workbook of another name), or a workbook file. Default: the current folder when it holds a dataset, else its csv/.",
            valueName: "DIR|FILE.xlsx"))
    var named: String?

    /// The dataset's path as the loader takes it: the one named, else the current folder or
    /// its csv/ when either holds a dataset (else `.`, which `located(_:)` refuses).
    var dataset: String { named ?? DatasetOption.here() ?? "." }

    /// Where the dataset is when none is named: `.` when the current folder holds one, else
    /// `csv` (what `netra init` writes beside its workbook); nil when neither does.
    static func here() -> String? {
        // Several workbooks to choose from: the loader names them rather than read csv/.
        if DatasetLoader.holdsDataset(".") || DatasetLoader.otherWorkbooks(in: ".").count > 1 { return "." }
        if FileIO.isDirectory("csv") && DatasetLoader.holdsDataset("csv") { return "csv" }
        return nil
    }

    /// The dataset's path, or exit 1 when none is named and the current folder holds none:
    /// the same code as a named folder that does not exist (a dataset that is not there).
    func located(_ lang: Language) throws(NetraFailure) -> String {
        if let named { return named }
        if let here = DatasetOption.here() { return here }
        throw NetraFailure(exitCode: 1, message: Strings.noDatasetHere(folder: DatasetOption.currentFolder, lookedFor: DatasetLoader.lookedFor).text(lang))
    }

    static var currentFolder: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Figures as they stood at the end of this day: only events that had happened and were known by then (known_date, else source_date) take part. Default: everything (a briefing: its month's last day).",
            valueName: "YYYY-MM-DD"),
        transform: parseDay)
    var asOf: Day?

    /// Loads and checks the dataset; its problems, one a line in `lang`, fail the command
    /// with exit 1. Kinds and statuses may be written with the names the charts print.
    func load(_ lang: Language) throws(NetraFailure) -> Dataset {
        let dataset = try located(lang)
        do {
            return try DatasetLoader.load(directory: dataset, names: Strings.acceptedNames)
        } catch {
            let place = dataset == "." ? DatasetOption.currentFolder : dataset
            let lines = error.lines(lang) + [Strings.problems(error.diagnostics.count, in: place, nothingWritten: true).text(lang)]
            throw NetraFailure(exitCode: 1, message: lines.joined(separator: "\n"))
        }
    }
}

/// A day given on the command line, strictly `YYYY-MM-DD`.
func parseDay(_ text: String) throws -> Day {
    guard case .success(let w) = WrittenDate.parse(text), w.form == .day else {
        throw usageError(Strings.notADay(text))
    }
    return w.anchor
}

/// `text` line by line made safe for a terminal (`Diagnostic.printable`), its own line
/// breaks kept.
func terminalSafe(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { Diagnostic.printable(String($0)) }.joined(separator: "\n")
}

/// Writes `line` on standard error, control characters from the data written as `\u{…}` (a
/// cell cannot retitle the terminal or forge a line); the message's own line breaks stay.
func printError(_ line: String) {
    var s = terminalSafe(line)
    s.append("\n")
    _ = s.withCString { write(2, $0, strlen($0)) }
}

/// Writes all of `bytes` to standard output; the `errno` of a failed write, else nil.
func writeStdoutChecked(_ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { Syscall.writeAll(1, $0) }
}

/// Why standard output could not be written, as the command ends: exit 1 naming it; a
/// reader gone (`| head`) ends it quietly.
func stdoutFailure(_ code: Int32) -> NetraFailure {
    if code == EPIPE { return NetraFailure(exitCode: 1, message: "") }
    let why: Phrase
    switch code {
    case ENOSPC: why = Strings.stdoutNoSpace
    case EBADF: why = Strings.stdoutClosed
    case EDQUOT: why = Strings.stdoutQuota
    default: let s = Syscall.reason(code); why = Phrase(id: s.id, en: s.en)
    }
    return NetraFailure(exitCode: 1, message: Strings.stdoutFailed(why).text(MessageLanguage.current))
}

/// Prints one line on standard output, checked: data lost on the way fails the command;
/// control characters from the data are written as `\u{…}`, as on standard error.
func printStdout(_ line: String) throws(NetraFailure) {
    if let code = writeStdoutChecked(Array((terminalSafe(line) + "\n").utf8)) { throw stdoutFailure(code) }
}

/// `--from`, `--to`, `--jurisdiction`, `--kind`: which events take part, shared by every
/// command that writes outputs. Applied once, to the dataset the analysis is made from.
struct FilterOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Only events anchored on or after this day or month (a month starts on its 1st).", valueName: "YYYY-MM[-DD]"),
        transform: { try parseDayOrMonth($0, "--from") })
    var from: WrittenDate?

    @Option(
        name: .long, help: ArgumentHelp("Only events anchored on or before this day or month (a month ends on its last day).", valueName: "YYYY-MM[-DD]"),
        transform: { try parseDayOrMonth($0, "--to") })
    var to: WrittenDate?

    @Option(name: .long, help: ArgumentHelp("Only events of this jurisdiction and those under it; repeat for more.", valueName: "ID"))
    var jurisdiction: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only events of this kind; repeat for more.", valueName: "KIND"))
    var kind: [String] = []

    func validate() throws {
        for k in kind where Self.kind(k) == nil {
            let all = EventKind.allCases.map(\.rawValue)
            throw usageError(Strings.unknownKindOption(k, nearest: Suggestions.nearest(k, among: all), all: all))
        }
        if let from, let to, from.anchor > to.last {
            throw usageError(Strings.fromAfterTo(from.text, to.text))
        }
    }

    /// A `--kind` as the dataset may write it: `incident`, or the name the charts print (`insiden`).
    static func kind(_ text: String) -> EventKind? { EventKind(rawValue: text) ?? Strings.acceptedNames.kind(text) }

    /// The selection, its ids looked up in `d`; nil when nothing is filtered. An unknown id is
    /// a usage error that lists the dataset's ids.
    func selection(in d: Dataset, lang: Language = MessageLanguage.current) throws(NetraFailure) -> Selection? {
        var places: [JurisdictionIndex] = []
        for id in jurisdiction {
            guard let j = d.jurisdictionIndex[id] else {
                throw .usage(Strings.unknownJurisdiction(id, in: d).text(lang))
            }
            if !places.contains(j) { places.append(j) }
        }
        var kinds: [EventKind] = []
        for k in kind { if let k = Self.kind(k), !kinds.contains(k) { kinds.append(k) } }
        let s = Selection(from: from, to: to, jurisdictions: places, kinds: kinds)
        return s.isEverything ? nil : s
    }

    /// The analysis of `d` as of `asOf`, cut by the filter; says on stderr when the filter
    /// keeps nothing (the outputs are still written, empty).
    func analysis(_ d: Dataset, asOf: Day?, lang: Language = MessageLanguage.current, quiet: Bool = false) throws(NetraFailure) -> Analysis {
        let s = try selection(in: d, lang: lang)
        let a = Analysis(dataset: d, asOf: asOf, selection: s)
        if !quiet, s != nil, a.dataset.events.isEmpty, let note = Strings.selection(s, d) {
            printError(Strings.emptySelection(note).text(lang))
        }
        return a
    }
}

/// `YYYY-MM` or `YYYY-MM-DD`, strictly.
func parseDayOrMonth(_ text: String, _ option: String) throws -> WrittenDate {
    guard case .success(let w) = WrittenDate.parse(text), w.form != .year else {
        throw usageError(Strings.notADayOrMonth(option, text))
    }
    return w
}
