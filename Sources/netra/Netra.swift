import ArgumentParser
import NetraCore
import NetraRender
#if canImport(Glibc)
import Glibc
#endif

@main
struct Netra: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netra",
        abstract: "Watch ASN neutrality around elections: charts, exports and briefings from a dataset of dated events.",
        discussion: """
        Run with no command for the main job: every chart and export of datasets/bekasi-2024 and the \
        latest month's briefing, into output/.
        Exit codes: 0 success, 1 invalid data or an output that cannot be written, 2 a usage error.
        """,
        subcommands: [MainJob.self, Validate.self, Report.self, Briefing.self, Compare.self, Export.self, Generate.self],
        defaultSubcommand: MainJob.self
    )

    /// Runs the command. The one place where an error becomes a message and an exit code:
    /// a `NetraFailure` says both; usage errors exit 2 (the argument parser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            GDImage.releaseFontCache()
        } catch let failure as NetraFailure {
            GDImage.releaseFontCache()
            printError(failure.message)
            Glibc.exit(failure.exitCode)
        } catch {
            GDImage.releaseFontCache()
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Glibc.exit(0)
            }
            if !message.isEmpty { printError(message) }
            Glibc.exit(code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}
