import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
import NetraWrite

extension Language: ExpressibleByArgument {}
extension ChartSize: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two jurisdictions side by side (default: the settings' pair, else Kota X with Kabupaten X of one name).",
        discussion: "Each side counts the jurisdiction and everything under it. With --out DIR the table is also written as compare.csv."
    )

    @Argument(help: "Two jurisdiction ids, e.g. kota-bekasi kabupaten-bekasi.")
    var ids: [String] = []

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions

    @Option(name: .customLong("lang"), help: "Language of the table: id (Bahasa Indonesia) or en (default: the dataset's settings, else id).")
    var langOption: Language?

    @Option(
        name: .long, help: ArgumentHelp("The two jurisdictions to compare, as the report takes them (instead of A B).", valueName: "A,B"),
        transform: parsePair)
    var pair: JurisdictionPair?

    @Option(name: .long, help: ArgumentHelp("Also write compare.csv into this folder.", valueName: "DIR"))
    var out: String?

    func validate() throws {
        if !ids.isEmpty && ids.count != 2 { throw usageError(Strings.compareTwoIDs) }
        if !ids.isEmpty && pair != nil { throw usageError(Strings.comparePairOnce) }
    }

    func run() throws {
        if let out {
            try orFail { () throws(OutputError) in
                try OutputFolder.check(out)
                try OutputFolder.refuseInput(
                    OutputFolder.join(out, ExportKind.compare.fileName),
                    inputs: OutputFolder.datasetFiles(in: dataset.dataset))
            }
        }
        // Messages before the settings are read in --lang, else Indonesian.
        let data = try dataset.load(langOption ?? .id)
        let lang = langOption ?? data.settings.lang.flatMap(Language.init(rawValue:)) ?? .id
        MessageLanguage.use(lang)
        let analysis = try filter.analysis(data, asOf: dataset.asOf, lang: lang)
        let given = ids.count == 2 ? (ids[0], ids[1]) : pair.map { ($0.a, $0.b) }
        let choice = try data.comparisonChoice(given: given.map { try resolvePair($0.0, $0.1, in: data) })
        if let note = choice.note(data) { printError(note.text(lang)) }
        guard let pair = choice.pair else { throw NetraFailure(exitCode: 2, message: "") }
        let comparison = analysis.compare(pair.a, pair.b)
        try printStdout(comparison.table(analysis, language: lang))
        if let out {
            let path = try orFail { () throws(OutputError) in
                try OutputFolder(out).write(analysis.compareCSV(comparison, flavour: .plain), to: ExportKind.compare.fileName)
            }
            printError(Strings.wrote(path).text(lang))
        }
    }
}
