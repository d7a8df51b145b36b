import ArgumentParser
import Synchronization
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
import NetraReport
import NetraWrite
#if canImport(Glibc)
import Glibc
#endif

/// `--out`, `--lang`, `--size`, `--scale`, `--font`, and how chatty to be: shared by report and briefing.
struct JobFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "DIR"))
    var out: String = "output"

    @Option(name: .long, help: "Language of charts and briefing: id (Bahasa Indonesia) or en (default: the dataset's settings, else id).")
    var lang: Language?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The two jurisdictions to compare, e.g. kota-bogor,kabupaten-bogor (default: the dataset's settings, else Kota X with Kabupaten X of one name, else the two with the most events).",
            valueName: "A,B"),
        transform: parsePair)
    var pair: JurisdictionPair?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Whose report it is, for this run (default: the office of the dataset's settings): it heads the briefing sheet, chart footers and report.html.",
            valueName: "TEXT"))
    var office: String?

    @Option(name: .long, help: "Shape of the charts: wide (1600×900, for slides) or phone (1080×1350 portrait, for chat groups).")
    var size: ChartSize = .wide

    @Option(name: .long, help: "Pixel scale of the charts: 1, or 2 for sharp output on dense screens (3200×1800 wide).")
    var scale: Int = 1

    @Option(name: .long, help: ArgumentHelp("A TrueType font for the charts (default: DejaVu Sans, or $NETRA_FONT).", valueName: "FILE"))
    var font: String?

    @Option(
        name: .customLong("map-measure"),
        help: ArgumentHelp(
            "What the maps shade each kabupaten/kota (or province) by: \(MapMeasure.argumentForms) (the latest figure of that tally series).",
            valueName: "MEASURE"),
        transform: { text in
            guard let m = MapMeasure(argument: text) else {
                throw usageError(Strings.notAMapMeasure(text, forms: MapMeasure.argumentForms))
            }
            return m
        })
    var mapMeasure: MapMeasure = .events

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every step.")
    var verbose = false

    func validate() throws {
        // What the charts take, checked before anything is read or made.
        if !ChartOptions.scales.contains(scale) {
            throw usageError(Strings.scaleTakes(ChartOptions.scales, got: scale))
        }
        if quiet && verbose { throw usageError(Strings.quietAndVerbose) }
    }

    func options() throws(NetraFailure) -> JobOptions {
        JobOptions(language: lang ?? .id, scale: scale, size: size, fonts: try orFail { try FontSet.resolve(path: font) }, mapMeasure: mapMeasure)
    }

    /// The options with what the dataset's settings give and the command line leaves open:
    /// language, office and pair. A pair of unknown or nested jurisdictions is a usage error.
    func settle(_ options: JobOptions, by data: Dataset) throws -> JobOptions {
        var o = options
        let s = data.settings
        o.language = lang ?? s.lang.flatMap(Language.init(rawValue:)) ?? .id
        MessageLanguage.use(o.language)
        // `--office ""` names none for this run.
        o.office = office.map { $0.trimmingSpaces }.map { $0.isEmpty ? nil : $0 } ?? s.office
        if let pair {
            _ = try resolvePair(pair.a, pair.b, in: data)
            o.pair = (pair.a, pair.b)
        }
        return o
    }

    /// Says on stderr why the comparison is not Kota X with Kabupaten X (unless quiet).
    func noteComparison(_ options: JobOptions, _ data: Dataset) {
        if !quiet, let note = options.comparisonChoice(data).note(data) { printError(note.text(options.language)) }
    }

    /// Refuses an output folder that cannot be used before any long work (creates nothing).
    func checkOut() throws(NetraFailure) {
        try orFail { () throws(OutputError) in try OutputFolder.check(out) }
    }

    /// What every job does first: refuse an unusable --out, find the fonts, then load and
    /// analyse the dataset.
    func prepare(_ dataset: DatasetOption, _ filter: FilterOptions, asOf: Day? = nil) throws -> (JobOptions, Analysis) {
        try checkOut()
        _ = try dataset.located(lang ?? .id)
        try orFail { () throws(OutputError) in
            try OutputFolder.refuseDatasetFolder(out, dataset: dataset.dataset)
            try OutputFolder.refuseDatasetHolder(out)
        }
        progress.step(Strings.stepLoading(dataset.dataset).text(lang ?? MessageLanguage.current))
        // Messages before the settings are read in --lang, else Indonesian.
        let data = try dataset.load(lang ?? .id)
        let options = try settle(try options(), by: data)
        let analysis = try filter.analysis(data, asOf: asOf ?? dataset.asOf, lang: options.language, quiet: quiet)
        try checkMapMeasure(analysis)
        KeptUntilExit.keep(analysis)
        return (options, analysis)
    }

    var progress: any ProgressSink { TerminalProgress(show: !quiet && (verbose || isatty(2) != 0), verbose: verbose) }

    /// Makes and writes the files, none over a file of `dataset`, then lists them (unless quiet).
    /// With `manifest` (the report), the folder holds one run: the files its previous run
    /// listed in netra-manifest.txt and this one does not write are removed, and the list is
    /// renewed; `notes` (what was not written, and why) go on the terminal, in the listing and
    /// in the manifest.
    func write(_ files: [OutputFile], sparing dataset: DatasetOption, lang: Language, manifest: Bool = false, notes: [String] = []) throws(NetraFailure) {
        let folder = try orFail { () throws(OutputError) in try OutputFolder(out) }
        let inputs = OutputFolder.datasetFiles(in: dataset.dataset)
        let entries = files.map { OutputManifest.entry(for: $0.name) }
        var previous: [String] = []
        if manifest {
            let listed = OutputManifest.read(in: folder.path)
            for bad in listed.refused {
                printError(Strings.manifestRefused("\(folder.path)/\(OutputManifest.fileName)", entry: bad).text(lang))
            }
            previous = listed.entries
            // Until this run has finished, the list covers the files of both runs.
            if !previous.isEmpty {
                try orFail { () throws(OutputError) in try OutputManifest.write(previous + entries, in: folder.path) }
            }
        }
        let paths = try orFail { () throws(JobError) in try folder.write(files, sparing: inputs, progress: progress) }
        var removed: [String] = []
        if manifest {
            removed = OutputManifest.remove(previous, in: folder.path, keeping: Set(entries), sparing: inputs)
            try orFail { () throws(OutputError) in try OutputManifest.write(entries, notes: notes, in: folder.path) }
        }
        for n in notes where !quiet { printError("netra: \(n)") }
        if !quiet {
            try printStdout(Strings.wroteFiles(paths.count, into: folder.path).text(lang))
            for p in paths { try printStdout("  \(p)") }
            for n in notes { try printStdout("  (\(n))") }
            if manifest {
                try printStdout(Strings.manifestListed("\(folder.path)/\(OutputManifest.fileName)", removed: removed.count).text(lang))
            }
        }
    }

    /// What the report leaves out, for the terminal and the listing.
    static func reportNotes(_ a: Analysis, _ lang: Language) -> [String] {
        let n = a.dataset.events.count
        guard n > ReportJob.workbookEventLimit else { return [] }
        return [Strings.workbookNotWritten(n, limit: ReportJob.workbookEventLimit).text(lang)]
    }
}

/// Steps on stderr, so that stdout stays clean for what was written.
struct TerminalProgress: ProgressSink {
    let show: Bool
    let verbose: Bool
    func step(_ message: String) { if show { printError("… \(message)") } }
    func detail(_ message: String) { if verbose { printError("    \(message)") } }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every chart, every CSV export and report.html into the output folder."
    )

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions
    @OptionGroup var flags: JobFlags

    func run() throws {
        let (options, analysis) = try flags.prepare(dataset, filter)
        flags.noteComparison(options, analysis.dataset)
        try flags.write(
            ReportJob.build(analysis, options: options, clocks: dataset.clockBook(options.language), progress: flags.progress), sparing: dataset,
            lang: options.language,
            manifest: true, notes: JobFlags.reportNotes(analysis, options.language))
    }
}

struct HTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Write report.html alone: one offline page with the key figures, charts, an interactive timeline and every event's source.",
        discussion: "`netra report` writes the same page beside the charts and exports."
    )

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions
    @OptionGroup var flags: JobFlags

    func run() throws {
        let (options, analysis) = try flags.prepare(dataset, filter)
        flags.noteComparison(options, analysis.dataset)
        flags.progress.step(Strings.stepHTML.text(options.language))
        try flags.write([HTMLReport(analysis, options: options).file], sparing: dataset, lang: options.language)
    }
}

struct Briefing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one month's briefing: charts, key figures, event list and the briefing sheet (a page, or more when the month needs them)."
    )

    @Option(
        name: .long, help: ArgumentHelp("The month, as YYYY-MM (e.g. 2024-01).", valueName: "YYYY-MM"),
        transform: { text in
            guard let m = Month(parsing: text) else {
                throw usageError(Strings.notAMonth(text))
            }
            return m
        })
    var month: Month

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions
    @OptionGroup var flags: JobFlags

    func validate() throws {
        // A month to come has no end to stand on: its sheet would say "Data per" a day not yet lived.
        if let now = today(), month.firstDay > now {
            throw usageError(Strings.monthNotBegun(month.iso, today: now.iso))
        }
    }

    func run() throws {
        // The month so far when it is this month.
        let end = today().map { min($0, month.lastDay) } ?? month.lastDay
        let (options, analysis) = try flags.prepare(dataset, filter, asOf: dataset.asOf ?? end)
        flags.noteComparison(options, analysis.dataset)
        // (BriefingJob would cut it to the month's end itself; cut here, it is analysed once.)
        try flags.write(
            BriefingJob.build(analysis, month: month, options: options, clocks: dataset.clockBook(options.language), progress: flags.progress),
            sparing: dataset, lang: options.language)
    }
}

/// The main job, what `netra` alone runs: the full report and the latest month's briefing.
struct MainJob: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "The main job (what `netra` alone runs): the full report and the latest month's briefing."
    )

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions
    @OptionGroup var flags: JobFlags

    func run() throws {
        let (options, analysis) = try flags.prepare(dataset, filter)
        let data = analysis.dataset
        flags.noteComparison(options, data)
        let progress = flags.progress
        let book = try dataset.clockBook(options.language)
        var files = ReportJob.build(analysis, options: options, clocks: book, progress: progress)
        // The latest month's briefing, as it stood at that month's end (or at --as-of).
        let month = data.latestMonth
        if let month {
            files += BriefingJob.build(analysis, month: month, options: options, clocks: book, progress: progress)
        }
        try flags.write(files, sparing: dataset, lang: options.language, manifest: true, notes: JobFlags.reportNotes(analysis, options.language))
        if !flags.quiet, let month {
            try printStdout(Strings.briefingAt(month.iso, "\(flags.out)/\(BriefingJob.folderName(month))/briefing-sheet.png").text(options.language))
        }
    }
}

extension JobFlags {
    /// A tally measure must name a series the data has, and its status when the unit has
    /// several: a usage error (exit 2) that lists what there is, before anything is drawn.
    func checkMapMeasure(_ a: Analysis) throws(NetraFailure) {
        guard case let .tally(unit, status) = mapMeasure else { return }
        let tallies = a.tallies
        let statuses = MapValues.statuses(of: unit, in: tallies)
        var forms: [String] = []
        for s in tallies.series {
            let form = "tally:\(s.key.unit)" + (s.key.status.map { ":\($0.rawValue)" } ?? "")
            if !forms.contains(form) { forms.append(form) }
        }
        let lang = MessageLanguage.current
        if statuses.isEmpty {
            throw NetraFailure(exitCode: 2, message: Strings.noTallyOfUnit(unit, forms: forms).text(lang))
        }
        if let status, !statuses.contains(where: { $0 == status }) {
            throw NetraFailure(exitCode: 2, message: Strings.noTallyOfUnitStatus(unit, status: status.rawValue, forms: forms).text(lang))
        }
        if status == nil && statuses.count > 1 {
            throw NetraFailure(exitCode: 2, message: Strings.tallyNeedsStatus(unit, forms: forms).text(lang))
        }
    }
}

/// Today on this machine's calendar (its time zone), nil if the clock cannot be read.
func today() -> Day? {
    var t = time(nil)
    var parts = tm()
    guard localtime_r(&t, &parts) != nil else { return nil }
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
}

/// What a one-shot command keeps until the process exits: the system takes the memory back
/// then at once, where freeing a million events' arrays one by one took the last 50 ms of the
/// 1M report, on one core. Only the command line's jobs use it (`netra serve` runs many jobs in
/// one process and keeps nothing).
enum KeptUntilExit {
    private static let kept = Mutex<[any Sendable]>([])
    static func keep(_ value: any Sendable) { kept.withLock { $0.append(value) } }
}
