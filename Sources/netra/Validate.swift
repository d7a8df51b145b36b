import ArgumentParser
import NetraCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset and report every problem as FILE:LINE:COLUMN: message."
    )

    @OptionGroup var dataset: DatasetOption

    func run() throws {
        let data = try dataset.load()
        for w in DatasetWarnings.statuses(data, directory: dataset.dataset) { printError(w.description) }
        for h in DatasetWarnings.kodes(data, directory: dataset.dataset) { printError(h.description) }
        // With --as-of, the summary counts the events that take part by then.
        try printStdout(DatasetSummary(dataset.asOf.map { data.asOf($0).dataset } ?? data).line)
    }
}
