import Foundation
import Logging

/// Where a job is, for the pages' and the API's queue place.
public enum QueueState: Sendable, Equatable {
    /// Waiting its turn: 1 is next.
    case waiting(place: Int)
    case running
}

/// At most `slots` jobs at once; the others wait their turn in order. A job may carry a ticket
/// (a random name its requester chose), by which its place can be asked while it waits.
public actor JobSlots {
    let slots: Int
    private(set) var running = 0
    private var waiting: [(id: Int, ticket: String?, go: CheckedContinuation<Void, Never>)] = []
    private var runningTickets: [String: Int] = [:]
    private var nextId = 0

    public init(slots: Int) { self.slots = max(1, slots) }

    /// Running and waiting jobs, for the pages.
    public var counts: (running: Int, waiting: Int) { (running, waiting.count) }

    /// The job of `ticket` now: its place while it waits, running, or nil (not here, or done).
    public func state(of ticket: String) -> QueueState? {
        if let k = waiting.firstIndex(where: { $0.ticket == ticket }) { return .waiting(place: k + 1) }
        return runningTickets[ticket] != nil ? .running : nil
    }

    /// Runs `body` when a slot is free; `queued` hears the place in the queue when it must wait.
    public func run<T: Sendable>(ticket: String? = nil, queued: @Sendable (Int) -> Void = { _ in }, _ body: @Sendable () async throws -> T) async throws -> T {
        if running >= slots {
            nextId += 1
            let id = nextId
            queued(waiting.count + 1)
            await withCheckedContinuation { c in waiting.append((id, ticket, c)) }
        } else {
            running += 1
        }
        if let ticket { runningTickets[ticket, default: 0] += 1 }
        defer { release(ticket) }
        return try await body()
    }

    private func release(_ ticket: String?) {
        if let ticket {
            let left = (runningTickets[ticket] ?? 1) - 1
            runningTickets[ticket] = left > 0 ? left : nil
        }
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().go.resume() }
    }

    /// A ticket as the pages make it: 32 lowercase hex digits (anything else is not looked up).
    public static func isTicket(_ s: String) -> Bool {
        s.utf8.count == 32 && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
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
/// Its standard output goes to `stdoutPath` when one is given.
public func runJob(executable: String, arguments: [String], timeLimit: Double, pidFile: String? = nil, stdoutPath: String? = nil) async throws -> JobOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    if let font = ProcessInfo.processInfo.environment["NETRA_FONT"] { env["NETRA_FONT"] = font }
    process.environment = env
    let errPipe = Pipe()
    process.standardError = errPipe
    var outFile: FileHandle?
    if let stdoutPath {
        guard FileManager.default.createFile(atPath: stdoutPath, contents: nil), let out = FileHandle(forWritingAtPath: stdoutPath) else {
            throw ServeError.failed("cannot write \((stdoutPath as NSString).lastPathComponent)")
        }
        process.standardOutput = out
        outFile = out
    } else {
        process.standardOutput = FileHandle.nullDevice
    }
    process.standardInput = FileHandle.nullDevice
    defer { try? outFile?.close() }
    try process.run()
    if let pidFile { try? Data("\(process.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: pidFile)) }
    // Read stderr as it comes, so a chatty job never blocks on a full pipe; on a thread of
    // Dispatch's, never one of Swift concurrency's few (two running jobs blocking both of them
    // stalled every other request until one ended).
    let reader = Task {
        await withCheckedContinuation { (c: CheckedContinuation<Data, Never>) in
            DispatchQueue.global().async { c.resume(returning: errPipe.fileHandleForReading.readDataToEndOfFile()) }
        }
    }
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
        let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
    else { return }
    guard String(decoding: cmdline.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(jobFolder + "/") else { return }
    kill(pid, SIGKILL)
}

/// The name of the file holding a job's process id, in its folder.
let jobPidFile = "job.pid"
