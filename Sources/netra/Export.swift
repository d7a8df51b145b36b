import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import NetraCore
import NetraText
import NetraAnalytics
import NetraWrite
import NetraLoad

/// What `netra export` writes: one CSV export, or all of them as one workbook.
enum ExportChoice: ExpressibleByArgument {
    case csv(ExportKind)
    case xlsx

    init?(argument: String) {
        if argument == "xlsx" { self = .xlsx } else if let k = ExportKind(rawValue: argument) { self = .csv(k) } else { return nil }
    }

    static var allValueStrings: [String] { ExportKind.allCases.map(\.rawValue) + ["xlsx"] }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one CSV export (events, monthly, leadtimes, compare, tallies, trends, duplicates) or the exports as one Excel workbook (xlsx).",
        discussion: "The columns of each export are documented in README.md. Without --out the CSV goes to standard output; xlsx needs --out FILE."
    )

    @Argument(help: "What to export: events, monthly, leadtimes, compare, tallies, trends, duplicates or xlsx.")
    var kind: ExportChoice

    @Option(name: .long, help: "xlsx: the sheets' names and labels in Bahasa Indonesia (id) or English (en).")
    var lang: Language = .id

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions

    @Option(name: .long, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "FILE|-"))
    var out: String = "-"

    @Flag(name: .long, help: "Excel's flavour: UTF-8 BOM, ';', CRLF, formula-like text neutralised.")
    var excel = false

    @Flag(name: .long, help: "monthly (and xlsx's monthly sheet): add each ancestor jurisdiction's rows (Kota Bekasi also counts in Jawa Barat).")
    var rollup = false

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("compare (and xlsx's comparison sheet): the two jurisdiction ids to compare.", valueName: "A B"))
    var pair: [String] = []

    func validate() throws {
        if !pair.isEmpty && pair.count != 2 { throw usageError(Strings.exportPairTakesTwo) }
        if case .xlsx = kind, out == "-" { throw usageError(Strings.xlsxNeedsFile) }
    }

    func run() throws {
        if out != "-" {
            try orFail { () throws(OutputError) in
                try OutputFolder.checkFile(out)
                try OutputFolder.refuseInput(out, inputs: OutputFolder.datasetFiles(in: dataset.dataset))
                // Nor a table of another dataset (init's csv/ copy beside the workbook, say).
                let (dir, base) = OutputFolder.split(out)
                if OutputFolder.datasetFiles(in: dir).contains(OutputFolder.join(dir, base)) && !OutputFolder.heldDataset(in: dir).isEmpty {
                    let p = Strings.exportOverDataset(out, dir)
                    throw OutputError(en: p.en, id: p.id)
                }
            }
        }
        let data = try dataset.load(lang)
        let analysis = try filter.analysis(data, asOf: dataset.asOf)
        var chosen: (a: JurisdictionIndex, b: JurisdictionIndex)?
        if pair.count == 2 { chosen = try resolvePair(pair[0], pair[1], in: data) }
        let flavour: CSVFlavour = excel ? .excel : .plain
        let kind: ExportKind
        switch self.kind {
        case .csv(let k): kind = k
        case .xlsx:
            let book = analysis.workbook(lang: lang, rollup: rollup, pair: chosen)
            let bytes: [UInt8]
            // A pipe or a device (/dev/null) has a folder the user may not write: the scratch
            // workbook then goes into the temporary folder.
            let stream = (try? OutputFolder.placement(of: out, streams: true)) == .stream
            let scratch = stream ? (getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") : OutputFolder.split(out).dir
            do throws(WorkbookError) { bytes = try book.bytes(scratchDir: scratch) } catch {
                throw NetraFailure(exitCode: 1, message: "netra: \(error.message)")
            }
            try emit(to: out) { write in write(bytes) }
            return
        }
        if kind == .events {
            // The big one: written as it is made, a chunk at a time, as the report writes it.
            try emit(to: out) { write in analysis.writeEventsCSV(flavour: flavour, to: write) }
        } else {
            let bytes = analysis.export(kind, flavour: flavour, rollup: rollup, pair: chosen)
            try emit(to: out) { write in write(bytes) }
        }
    }
}

/// Hands `body` a writer to standard output for `-`, else to the file, which is replaced
/// whole or not at all.
func emit(to out: String, _ body: (([UInt8]) -> Void) -> Void) throws(NetraFailure) {
    if out == "-" {
        // The first failed write is kept and the rest dropped; the command then fails.
        var failed: Int32?
        body { bytes in if failed == nil { failed = writeStdoutChecked(bytes) } }
        if let failed { throw stdoutFailure(failed) }
        return
    }
    try orFail { () throws(OutputError) in
        // What a killed export left beside the file goes first, as `report` does in its folder.
        OutputFolder.removeStaleTemporaries(in: OutputFolder.split(out).dir)
        // A pipe or /dev/null named with --out is written into, not replaced.
        let file = try StagedFile(target: out, streams: true)
        do throws(OutputError) {
            try file.fill { sink in body { sink.write($0) } }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// Looks up two jurisdiction ids; an unknown one, or a pair of one jurisdiction twice or of
/// one within the other, is a usage error.
func resolvePair(_ a: String, _ b: String, in d: Dataset) throws -> (a: JurisdictionIndex, b: JurisdictionIndex) {
    func find(_ id: String) throws -> JurisdictionIndex {
        guard let j = d.jurisdictionIndex[id] else {
            throw usageError(Strings.unknownJurisdiction(id, in: d))
        }
        return j
    }
    let pair = (a: try find(a), b: try find(b))
    var index: [String: Int] = [:]
    for (id, j) in d.jurisdictionIndex { index[id] = j.raw }
    if let why = DatasetLoader.pairProblem(a, b, jIndex: index, parents: d.jurisdictions.map { $0.parent?.raw }) {
        throw ValidationError(why.text(MessageLanguage.current))
    }
    return pair
}

/// Two jurisdiction ids given as `A,B`.
struct JurisdictionPair {
    var a: String
    var b: String
}

/// `--pair A,B`: two ids separated by a comma.
func parsePair(_ text: String) throws -> JurisdictionPair {
    guard let (a, b) = DatasetSettings.splitPair(text) else {
        throw usageError(Strings.pairNeedsComma(text))
    }
    return JurisdictionPair(a: a, b: b)
}
