import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraLoad
import NetraWrite

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic dataset of the SPEC shape, for scale tests."
    )

    @Option(name: .long, help: ArgumentHelp("How many events to write, from 1 to 10000000.", valueName: "N"))
    var events: Int

    @Option(name: .long, help: ArgumentHelp("The random seed; the same seed writes the same bytes.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder to write into, created if missing. A folder that already holds a dataset is refused unless --force; then only its events.csv, jurisdictions.csv and elections.csv are replaced.",
            valueName: "DIR"))
    var out: String

    @Flag(name: .long, help: "Replace the dataset the --out folder already holds.")
    var force = false

    @Option(name: .long, help: "Language of the messages: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    func validate() throws {
        guard events > 0 else { throw usageError(Strings.generateEvents(events, max: Generate.maxEvents)) }
        // Ten million events is about 3 GB of CSV; more would exhaust memory, not test scale.
        guard events <= Generate.maxEvents else {
            throw usageError(Strings.generateEvents(events, max: Generate.maxEvents))
        }
        guard !out.isEmpty else { throw usageError(Strings.generateOut(out)) }
        if FileIO.exists(out) && !FileIO.isDirectory(out) {
            throw usageError(Strings.generateOut(out))
        }
    }

    func run() throws {
        // A dataset's events.csv replaced by synthetic rows is data lost: only when asked.
        let held = OutputFolder.heldDataset(in: out) + (FileIO.exists(OutputFolder.join(out, DatasetLoader.eventsFile)) ? [DatasetLoader.eventsFile] : [])
        if !force && !held.isEmpty {
            throw NetraFailure.failed(Strings.generateOverDataset(out, held: held).text(lang))
        }
        let bytes = try orFail { try SyntheticDataset.write(events: events, seed: seed, to: out) }
        try printStdout(Strings.generated(events, seed: seed, into: out, size: Generate.size(bytes)).text(lang))
    }

    static let maxEvents = 10_000_000

    /// `345.2 MB`: decimal units, one decimal, by integer arithmetic.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        let (unit, scale) = bytes < 1_000_000 ? ("kB", 1_000) : bytes < 1_000_000_000 ? ("MB", 1_000_000) : ("GB", 1_000_000_000)
        let tenths = (bytes * 10 + scale / 2) / scale
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }
}
