import ArgumentParser
import NetraCore
import NetraText
import NetraRender
import NetraAnalytics
#if canImport(Glibc)
import Glibc
#endif

@main
struct Netra: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netra",
        abstract: "Watch ASN neutrality around elections: charts, exports and briefings from a dataset of dated events.",
        discussion: """
            Run with no command for the main job: every chart and export of the dataset in the current \
            folder (or --dataset) and the latest month's briefing, into output/.
            Exit codes: 0 success, 1 invalid data or an output that cannot be written, 2 a usage error.
            """,
        version: netraVersionLine,
        subcommands: [
            MainJob.self, Validate.self, Report.self, HTML.self, Briefing.self, Compare.self, Export.self, Diff.self, Init.self, RegionsCommand.self,
            Generate.self, Cases.self, Serve.self
        ],
        defaultSubcommand: MainJob.self
    )

    /// Runs the command. The one place where an error becomes a message and an exit code:
    /// a `NetraFailure` says both; usage errors exit 2 (the argument parser's own default is 64).
    static func main() {
        holdClosedStandardDescriptors()
        Memory.returnLargeBlocks()
        do {
            var command = try parseAsRoot()
            try command.run()
            GDImage.releaseFontCache()
        } catch let failure as NetraFailure {
            GDImage.releaseFontCache()
            // An empty message: stdout's reader went away (`| head`); nothing to say.
            if !failure.message.isEmpty { printError(failure.message) }
            Glibc.exit(failure.exitCode)
        } catch {
            GDImage.releaseFontCache()
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty, let code = writeStdoutChecked(Array((message + "\n").utf8)) {
                    let failure = stdoutFailure(code)
                    if !failure.message.isEmpty { printError(failure.message) }
                    Glibc.exit(failure.exitCode)
                }
                Glibc.exit(0)
            }
            // The parser's own words in the language of the messages (help stays as written).
            message = ParserMessages.translated(message, MessageLanguage.current)
            if !message.isEmpty { printError(message) }
            Glibc.exit(code.rawValue == 64 ? 2 : code.rawValue)
        }
    }

    /// Started with standard output closed (`>&-`), the next file opened would get
    /// descriptor 1 and receive the data: /dev/null, read-only, holds the place, so writes
    /// there fail (EBADF) and are reported.
    static func holdClosedStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0 && held != fd { _ = dup2(held, fd); close(held) }
        }
    }
}
