import ArgumentParser
import NetraCore
import NetraAnalytics
import NetraRender

extension Language: ExpressibleByArgument {}
extension ChartSize: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two jurisdictions side by side (default: Kota Bekasi and Kabupaten Bekasi).",
        discussion: "Each side counts the jurisdiction and everything under it. With --out DIR the table is also written as compare.csv."
    )

    @Argument(help: "Two jurisdiction ids, e.g. kota-bekasi kabupaten-bekasi.")
    var ids: [String] = []

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions

    @Option(name: .long, help: "Language of the table: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    @Option(name: .long, help: ArgumentHelp("Also write compare.csv into this folder.", valueName: "DIR"))
    var out: String?

    func validate() throws {
        if !ids.isEmpty && ids.count != 2 { throw ValidationError("give two jurisdiction ids, or none for the default pair") }
    }

    func run() throws {
        if let out {
            try orFail { () throws(OutputError) in
                try OutputFolder.check(out)
                try OutputFolder.refuseInput(OutputFolder.join(out, ExportKind.compare.fileName),
                                             inputs: OutputFolder.datasetFiles(in: dataset.dataset))
            }
        }
        let data = try dataset.load(lang)
        let analysis = try filter.analysis(data, asOf: dataset.asOf, lang: lang)
        let pair: (a: JurisdictionIndex, b: JurisdictionIndex)
        if ids.count == 2 {
            pair = try resolvePair(ids[0], ids[1], in: data)
        } else if let p = data.defaultComparisonPair() {
            pair = (p.a, p.b)
            if !p.isBekasi {
                printError(StringKey.noBekasiPair.text(lang))
            }
        } else {
            throw ValidationError("the dataset has fewer than two jurisdictions to compare")
        }
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
