import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraReport
import NetraWrite

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new dataset: dataset.xlsx to fill in a spreadsheet (drop-down lists, a Petunjuk sheet) and the same as CSVs in csv/.",
        discussion: """
            --region 32.71 (or 3271, or "Kota Bogor") puts Kota Bogor, its twin Kabupaten Bogor, Jawa Barat and \
            Indonesia into jurisdictions, and the pair kota-bogor,kabupaten-bogor into the settings; --region 32 all of \
            Jawa Barat with its kabupaten/kota; give --region as often as needed. A folder that already holds a \
            dataset (events, jurisdictions or elections as .csv or .xlsx, or dataset.xlsx, in it or in its csv/) \
            is refused. DIR is the dataset of the workbook (netra validate --dataset DIR); DIR/csv the same \
            as CSVs, for those who keep CSVs (--dataset DIR/csv): one folder holds one form, never both.
            """
    )

    @Argument(help: ArgumentHelp("The folder to write into, created if missing.", valueName: "DIR"))
    var dir: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A region: a Kemendagri code (NN for a province and all its kabupaten/kota; NN.NN or NNNN for one kabupaten/kota, which comes with its twin of the same name) or its name (\"Kota Bogor\"); `netra regions TEXT` looks them up.",
            valueName: "KODE|NAME"))
    var region: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The office whose dataset it is (e.g. \"Bawaslu Kota Bogor\"), written into the settings: it heads the briefing sheet, chart footers and report.html.",
            valueName: "TEXT"))
    var office: String?

    @Option(name: .long, help: "The Petunjuk sheet in Bahasa Indonesia (id) or English (en).")
    var lang: Language = .id

    func run() throws {
        let template: DatasetTemplate
        // A --region that names no region is a usage error (exit 2).
        if let office, office.trimmingSpaces.count > DatasetSettings.maxOfficeLength {
            throw NetraFailure.usage(Strings.officeTooLong(DatasetSettings.maxOfficeLength).text(lang))
        }
        do throws(WorkbookError) { template = try DatasetTemplate(regions: region, lang: lang, office: office?.trimmingSpaces) } catch {
            throw NetraFailure(exitCode: 2, message: error.message)
        }
        if FileIO.exists(dir) && !FileIO.isDirectory(dir) {
            throw NetraFailure(exitCode: 1, message: Strings.folderIsAFile(dir, command: "init").text(lang))
        }
        let held = (DatasetTemplate.datasetFiles + DatasetTemplate.datasetFiles.map { "csv/" + $0 })
            .filter { FileIO.exists(OutputFolder.join(dir, $0)) }
        if !held.isEmpty {
            throw NetraFailure(exitCode: 1, message: Strings.initOverDataset(dir, held: held).text(lang))
        }
        // The CSVs apart: a folder with both forms of a table is refused as ambiguous.
        let files =
            template.csvFiles.map { OutputFile(name: "csv/" + $0.name, bytes: $0.bytes) }
            + [OutputFile(name: "dataset.xlsx", workbook: { template.workbook })]
        do throws(JobError) {
            let folder: OutputFolder
            do throws(OutputError) { folder = try OutputFolder(dir) } catch { throw JobError.output(error) }
            _ = try folder.write(files)
        } catch {
            // init names its folder DIR; the output folder's messages speak of --out.
            throw NetraFailure.failed(error.text(lang).replacingOccurrences(of: "--out", with: "DIR"))
        }
        let n = template.jurisdictions.count
        try printStdout(Strings.initWrote(dir, jurisdictions: n).text(lang))
    }
}
