import ArgumentParser
import NetraCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset and report every problem as FILE:LINE:COLUMN: message."
    )

    @OptionGroup var dataset: DatasetOption

    func run() throws {
        let data = try dataset.load()
        print(DatasetSummary(data).line)
    }
}
