import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraLoad

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset and report every problem as FILE:LINE:COLUMN: message (in a workbook FILE:SHEET!CELL: message).",
        discussion: """
            Warnings (a status cell that disagrees with the last one set, a possible duplicate) are \
            printed on standard error and do not fail the check unless --strict is given. At most \
            \(Validate.shownDuplicates) possible duplicates are printed; `netra export duplicates` lists them \
            (at most \(PossibleDuplicates.maxPairsPerEvent) for each event).
            """
    )

    @OptionGroup var dataset: DatasetOption

    @Option(name: .long, help: "Language of the messages: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    @Flag(name: .long, help: "Fail (exit 1) when there is any warning, e.g. a possible duplicate.")
    var strict = false

    /// A generated or badly merged dataset can hold thousands of pairs; the export lists them.
    static let shownDuplicates = 100

    func run() throws {
        let data = try dataset.load(lang)
        KeptUntilExit.keep(data)
        // Which sheet was read, where a hidden one is named like it.
        for note in DatasetLoader.sheetNotes(directory: dataset.dataset) { printError(note.text(lang)) }
        // The warnings' columns come from the loaded rows (a workbook's sheet is read again), once for every kind.
        lazy var events = DatasetWarnings.TableSource(dataset.dataset, loaded: data)
        // The statuses' disagreements found on another thread beside the duplicate search,
        // which spreads its own walk over the cores: the search's preparing leaves one idle.
        let (found, duplicates) = Parallel.beside({ DatasetWarnings.statusDisagreements(data) }) {
            // Only the warnings printed are made: a dense dataset can hold millions of pairs.
            DatasetWarnings.duplicates(data, events: events, limit: Self.shownDuplicates)
        }
        let statuses = DatasetWarnings.statuses(data, found: found, events: events)
        // A mistyped year (0024 for 2024) stretches every chart across the centuries between.
        let farDates = DatasetWarnings.farDates(data, events: events, today: today())
        let shown = (statuses + farDates + duplicates.warnings).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        for w in shown { printError(w.text(lang)) }
        if duplicates.total > Self.shownDuplicates {
            printError(Strings.moreDuplicates(duplicates.total - Self.shownDuplicates, perEvent: PossibleDuplicates.maxPairsPerEvent).text(lang))
        }
        // A hint (the kode of a name Netra knows) is no warning: --strict lets it pass.
        for h in DatasetWarnings.kodes(data, directory: dataset.dataset) { printError(h.text(lang)) }
        let warnings = statuses.count + farDates.count + duplicates.total
        if strict && warnings > 0 {
            throw NetraFailure.failed(Strings.strictFails(warnings, in: dataset.dataset).text(lang))
        }
        // With --as-of, the summary counts the events that take part by then.
        try printStdout(DatasetSummary(dataset.asOf.map { data.asOf($0).dataset } ?? data).said.text(lang))
    }
}
