import Foundation
import Logging

/// At most `slots` jobs at once; the others wait their turn in order.
public actor JobSlots {
    let slots: Int
    private(set) var running = 0
    private var waiting: [(id: Int, go: CheckedContinuation<Void, Never>)] = []
    private var nextId = 0

    public init(slots: Int) { self.slots = max(1, slots) }

    /// Running and waiting jobs, for the pages.
    public var counts: (running: Int, waiting: Int) { (running, waiting.count) }

    /// Runs `body` when a slot is free; `queued` hears the place in the queue when it must wait.
    public func run<T: Sendable>(queued: @Sendable (Int) -> Void = { _ in }, _ body: @Sendable () async throws -> T) async throws -> T {
        if running >= slots {
            nextId += 1
            let id = nextId
            queued(waiting.count + 1)
            await withCheckedContinuation { c in waiting.append((id, c)) }
        } else {
            running += 1
        }
        defer { release() }
        return try await body()
    }

    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().go.resume() }
    }
}

/// How a job's process ended.
public enum JobOutcome: Sendable, Equatable {
    case finished(status: Int32, stderr: String)
    /// Over its time limit: stopped (SIGTERM, then SIGKILL).
    case timedOut
}

/// Runs `netra` with `arguments` in a process of its own, stopped past `timeLimit` seconds.
/// The job's folders are the caller's fresh temporary ones: nothing of the request names a path.
/// The process's id goes into `pidFile`, so that a server killed mid-job stops the orphan when
/// it starts again (`stopOrphan`).
public func runJob(executable: String, arguments: [String], timeLimit: Double, pidFile: String? = nil) async throws -> JobOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    if let font = ProcessInfo.processInfo.environment["NETRA_FONT"] { env["NETRA_FONT"] = font }
    process.environment = env
    let errPipe = Pipe()
    process.standardError = errPipe
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    if let pidFile { try? Data("\(process.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: pidFile)) }
    // Read stderr as it comes, so a chatty job never blocks on a full pipe.
    let reader = Task.detached { errPipe.fileHandleForReading.readDataToEndOfFile() }
    let timedOut = await ended(process, within: timeLimit) == false
    if timedOut {
        process.terminate()
        if await ended(process, within: 2) == false { kill(process.processIdentifier, SIGKILL) }
        _ = await ended(process, within: 10)
    }
    let err = await reader.value
    if timedOut { return .timedOut }
    return .finished(status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
}

/// True once the process has ended, false when `seconds` passed first (looked at every 20 ms).
func ended(_ process: Process, within seconds: Double) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning {
        if Date() >= deadline { return false }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return true
}

/// Kills the job process a killed server left running in `jobFolder`: the pid its file names,
/// when that process's command line still names the folder (a pid is reused, a path is not).
func stopOrphan(jobFolder: String) {
    guard let text = try? String(contentsOfFile: jobFolder + "/" + jobPidFile, encoding: .utf8),
          let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1,
          let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return }
    guard String(decoding: cmdline.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(jobFolder + "/") else { return }
    kill(pid, SIGKILL)
}

/// The name of the file holding a job's process id, in its folder.
let jobPidFile = "job.pid"
