import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraLoad

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a dataset: records added, removed and changed, by id.",
        discussion: "Exit 0 whatever differs; 1 when either dataset is invalid (with its problems)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Argument(help: ArgumentHelp("The older dataset folder.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The newer dataset folder.", valueName: "NEW"))
    var new: String

    @Option(name: .long, help: "text (a summary, then one line per change) or csv (change,table,id,field,old,new).")
    var format: Format = .text

    @Option(name: .long, help: "Language of the text: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    func run() throws {
        var problems: [String] = []
        func load(_ dir: String) -> Dataset? {
            do { return try DatasetLoader.load(directory: dir, names: Strings.acceptedNames) } catch {
                problems += error.lines(lang) + [Strings.problems(error.diagnostics.count, in: dir, nothingWritten: false).text(lang)]
                return nil
            }
        }
        let a = load(old), b = load(new)
        guard let a, let b else { throw NetraFailure(exitCode: 1, message: problems.joined(separator: "\n")) }
        let diff = DatasetDiff(old: a, new: b)
        switch format {
        case .text: try printStdout(diff.text(lang))
        case .csv: try emit(to: "-") { write in write(diff.csv(flavour: .plain)) }
        }
    }
}
