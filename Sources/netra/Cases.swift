import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraLoad

/// How `netra cases` prints.
enum CasesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}

struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The case clocks open as of a day: days elapsed, the legal limit, overdue or not, and the article.",
        discussion: """
            A clock runs from one stage of a case to the next (a report's receipt, its registration, \
            the decision, the forwarding of an ASN case, the sanction), under the rules of clocks.csv: \
            Netra's own, or the dataset folder's clocks.csv when it has one. A rule marked unverified \
            says so wherever it is used. Working days (hari_kerja) are counted on the built-in calendar \
            of national holidays and cuti bersama (2022–2026); a day outside it fails the command (exit 1).
            """
    )

    @OptionGroup var dataset: DatasetOption
    @OptionGroup var filter: FilterOptions

    @Flag(name: .long, help: "Only the clocks past their limit.")
    var overdue = false

    @Flag(name: .long, help: "Every clock started by the day, ended ones too (with their days and whether within the limit).")
    var all = false

    @Option(name: .long, help: "text or csv.")
    var format: CasesFormat = .text

    @Option(name: .long, help: "Language of the text: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    func validate() throws {
        if dataset.asOf == nil { throw usageError(Strings.casesNeedAsOf) }
    }

    func run() throws {
        let data = try dataset.load(lang)
        let book = try dataset.clockBook(lang)
        let analysis = try filter.analysis(data, asOf: dataset.asOf, lang: lang)
        guard let clocks = analysis.caseClocks(book) else { return }
        let list = all && !overdue ? clocks.clocks : clocks.listed(overdueOnly: overdue)
        // A working-day clock that cannot be counted is an error, never a guess.
        let problems = list.compactMap { c in c.problem.map { (c, $0) } }
        if !problems.isEmpty {
            let ev = analysis.dataset.events
            let lines = problems.map { c, p in
                Strings.outsideCalendar(
                    rule: c.rule.id, event: ev.id(c.caseFile.report), day: p.day.iso,
                    years: p.years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "—"
                ).text(lang)
            }
            throw NetraFailure(exitCode: 1, message: lines.joined(separator: "\n"))
        }
        switch format {
        case .text: try printStdout(clocks.table(list, analysis.dataset, overdueOnly: overdue, lang: lang))
        case .csv:
            let bytes = clocks.csv(list, analysis.dataset, flavour: .plain)
            if let code = writeStdoutChecked(bytes) { throw stdoutFailure(code) }
        }
    }
}

extension DatasetOption {
    /// The clock rules (the dataset folder's clocks.csv, else Netra's) and the calendar; a bad
    /// rules file fails the command with exit 1, every problem at its line and column.
    func clockBook(_ lang: Language) throws(NetraFailure) -> ClockBook {
        do { return try ClockBook.load(datasetFolder: DatasetLoader.folder(of: dataset)) } catch {
            let n = error.diagnostics.count
            throw NetraFailure(
                exitCode: 1,
                message: (error.diagnostics.map { $0.text(lang) }
                    + [Strings.clockRuleProblems(n).text(lang)]).joined(separator: "\n"))
        }
    }
}
