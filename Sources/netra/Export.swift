import ArgumentParser
import NetraCore
import NetraAnalytics

extension ExportKind: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one CSV export: events, monthly, leadtimes, compare, tallies, trends or duplicates.",
        discussion: "The columns of each export are documented in README.md. Without --out the CSV goes to standard output."
    )

    @Argument(help: "What to export: events, monthly, leadtimes, compare, tallies, trends or duplicates.")
    var kind: ExportKind

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions

    @Option(name: .long, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "FILE|-"))
    var out: String = "-"

    @Flag(name: .long, help: "Excel's flavour: UTF-8 BOM, ';', CRLF, formula-like text neutralised.")
    var excel = false

    @Flag(name: .long, help: "monthly: add each ancestor jurisdiction's rows (Kota Bekasi also counts in Jawa Barat).")
    var rollup = false

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("compare: the two jurisdiction ids to compare.", valueName: "A B"))
    var pair: [String] = []

    func validate() throws {
        if !pair.isEmpty && pair.count != 2 { throw ValidationError("--pair takes two jurisdiction ids, e.g. --pair kota-bekasi kabupaten-bekasi") }
    }

    func run() throws {
        if out != "-" {
            try orFail { () throws(OutputError) in
                try OutputFolder.checkFile(out)
                try OutputFolder.refuseInput(out, inputs: OutputFolder.datasetFiles(in: dataset.dataset))
            }
        }
        let data = try dataset.load()
        let analysis = try filter.analysis(data, asOf: dataset.asOf)
        var chosen: (a: JurisdictionIndex, b: JurisdictionIndex)?
        if pair.count == 2 { chosen = try resolvePair(pair[0], pair[1], in: data) }
        let flavour: CSVFlavour = excel ? .excel : .plain
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

/// Looks up two jurisdiction ids; an unknown one is a usage error listing the known ones.
func resolvePair(_ a: String, _ b: String, in d: Dataset) throws -> (a: JurisdictionIndex, b: JurisdictionIndex) {
    func find(_ id: String) throws -> JurisdictionIndex {
        guard let j = d.jurisdictionIndex[id] else {
            throw ValidationError("unknown jurisdiction '\(id)'; expected one of: \(d.jurisdictions.map(\.id).joined(separator: ", "))")
        }
        return j
    }
    return (try find(a), try find(b))
}
