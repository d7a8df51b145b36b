import ArgumentParser
import Foundation
import Logging
import NetraServe
import NetraAnalytics
import NetraText

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Serve Netra to the office's browsers: workspaces, uploads checked cell by cell, briefings, report and workbook, and the same as an HTTP API.",
        discussion: """
            On 127.0.0.1 it may run open; on any other address it needs --password-file, a file holding \
            a bcrypt hash (netra serve --hash-password < FILE prints one). Stops on SIGTERM or Ctrl-C \
            once running jobs have finished. docs/SERVE.md has the API, curl examples and a systemd unit.
            """
    )

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port, said in the log).")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Where workspaces, versions and the index live (default: ~/.local/share/netra).", valueName: "DIR"))
    var data: String?

    @Option(
        name: .customLong("password-file"), help: ArgumentHelp("A file holding the bcrypt hash of the password (required off loopback).", valueName: "FILE"))
    var passwordFile: String?

    @Option(name: .customLong("max-upload"), help: ArgumentHelp("The largest upload taken, in MB.", valueName: "MB"))
    var maxUpload = 20

    @Option(name: .customLong("job-time-limit"), help: ArgumentHelp("Seconds a job may run before it is stopped.", valueName: "SECONDS"))
    var jobTimeLimit = 120

    @Flag(name: .customLong("hash-password"), help: "Read a password on standard input, print its bcrypt hash for --password-file, and exit.")
    var hashPassword = false

    /// The server's own check of an upload, in a process of its own so the job time limit can stop it.
    @Option(name: .customLong("check-upload"), help: .hidden)
    var checkUpload: String?

    @Option(name: .customLong("check-lang"), help: .hidden)
    var checkLang = "id"

    func run() throws {
        if let checkUpload {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(UploadCheck.run(data: checkUpload, lang: Language(rawValue: checkLang) ?? .id, today: today()))
            try printStdout(String(decoding: data, as: UTF8.self))
            return
        }
        if hashPassword {
            let line = readLine(strippingNewline: true) ?? ""
            guard !line.isEmpty else { throw NetraFailure.usage("--hash-password: give the password on standard input") }
            try printStdout(PasswordFile.hash(line))
            return
        }
        guard (1...2048).contains(maxUpload) else { throw NetraFailure.usage("--max-upload takes 1 to 2048 (MB); got \(maxUpload)") }
        guard (1...3600).contains(jobTimeLimit) else { throw NetraFailure.usage("--job-time-limit takes 1 to 3600 (seconds); got \(jobTimeLimit)") }
        var hash: String?
        if let passwordFile {
            do { hash = try PasswordFile.read(passwordFile) } catch ServeError.failed(let m) { throw NetraFailure(exitCode: 2, message: m) } catch {
                throw NetraFailure.usage("serve: cannot read \(passwordFile): \(error.localizedDescription)")
            }
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let config = ServeConfig(
            host: host, port: port, dataDir: data ?? ServeConfig.defaultDataDir, passwordHash: hash,
            maxUpload: maxUpload * 1024 * 1024, jobTimeLimit: Double(jobTimeLimit), executable: executable)
        if let refusal = config.refusal { throw NetraFailure(exitCode: 2, message: refusal) }
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = .info
            return h
        }
        let server: NetraServer
        do { server = try NetraServer(config: config, logger: Logger(label: "netra.serve")) } catch {
            throw NetraFailure.failed("serve: cannot open \(config.dataDir): \(error)")
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do { try await server.run() } catch { failure.set("serve: \(error)") }
            done.signal()
        }
        done.wait()
        if let m = failure.get() { throw NetraFailure.failed(m) }
    }
}

/// The server's error, handed from its task to the command.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.lock(); message = m; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return message }
}
