import Foundation
import Testing
import NetraTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The package's root and the built `netra`, found as the other end-to-end tests find them.
enum Paths {
    static var root: String { TestPaths.packageRoot }

    static let netra: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir.appendingPathComponent("netra").path
    }()

    static var shipped: String { root + "/datasets/bekasi-2024" }
    static var workbookFixture: String { root + "/Tests/NetraWorkbookTests/Fixtures/Workbooks/openpyxl/dataset.xlsx" }

    /// A new folder, removed after the test (each suite is `.removingTemporaryFolders`).
    static func tempDir(_ name: String) -> String { TemporaryFolders.make("serve-" + name) }
}

struct Ran { var status: Int32; var stdout: String; var stderr: String }

/// Runs a program to its end.
func runProgram(_ program: String, _ args: [String], stdin: String? = nil) throws -> Ran {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = args
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? inp.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Ran(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// An HTTP answer, as curl saw it.
struct Answer {
    var status: Int
    /// Header names in lower case; a repeated header's values joined by "\n".
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() -> Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
}

/// The real `netra serve`, started on a free loopback port with a data folder of its own.
final class Server: @unchecked Sendable {
    let process = Process()
    let data: String
    let logPath: String
    var port = 0
    let scratch: String

    init(_ extra: [String] = [], data: String? = nil) throws {
        scratch = Paths.tempDir("work")
        self.data = data ?? scratch + "/data"
        logPath = scratch + "/serve-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Paths.netra)
        process.arguments = ["serve", "--port", "0", "--data", self.data] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
        // The log names the port once it listens.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let r = log.range(of: #"listening on http://127\.0\.0\.1:([0-9]+)"#, options: .regularExpression) {
                port = Int(log[r].split(separator: ":").last ?? "") ?? 0
                break
            }
            if !process.isRunning { break }
            usleep(50_000)
        }
        if port == 0 { throw NotStarted(log: log) }
    }

    struct NotStarted: Error, CustomStringConvertible { var log: String; var description: String { "netra serve did not start: \(log)" } }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
    var base: String { "http://127.0.0.1:\(port)" }

    /// SIGTERM, then the exit code (or -SIGNAL).
    @discardableResult func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// One request through curl. `form` fields go as multipart (`name=@file` uploads a file).
    func request(
        _ method: String, _ path: String, headers: [String] = [], body: String? = nil, bodyFile: String? = nil,
        form: [String] = [], user: String? = nil, cookies: String? = nil
    ) throws -> Answer {
        let id = UUID().uuidString
        let bodyOut = scratch + "/body-\(id)", headOut = scratch + "/head-\(id)"
        defer { try? FileManager.default.removeItem(atPath: bodyOut); try? FileManager.default.removeItem(atPath: headOut) }
        var args = ["-s", "-S", "-X", method, "-o", bodyOut, "-D", headOut, "-w", "%{http_code}", "--max-time", "900"]
        for h in headers { args += ["-H", h] }
        if let body { args += ["--data-binary", body] }
        if let bodyFile { args += ["--data-binary", "@" + bodyFile] }
        for f in form { args += ["-F", f] }
        if let user { args += ["-u", user] }
        if let cookies { args += ["-b", cookies, "-c", cookies] }
        args.append(base + path)
        let r = try runProgram("/usr/bin/curl", args)
        var h: [String: String] = [:]
        let head = (try? String(contentsOfFile: headOut, encoding: .utf8)) ?? ""
        // The last response's headers (after a 100 Continue).
        let blocks = head.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }
        for line in (blocks.last ?? "").components(separatedBy: "\r\n").dropFirst() {
            guard let c = line.firstIndex(of: ":") else { continue }
            let k = line[..<c].lowercased(), v = line[line.index(after: c)...].trimmingCharacters(in: .whitespaces)
            h[k] = h[k].map { $0 + "\n" + v } ?? v
        }
        let body = FileManager.default.contents(atPath: bodyOut).map { [UInt8]($0) } ?? []
        return Answer(status: Int(r.stdout) ?? 0, headers: h, body: body)
    }
}

/// `name="value"` of a hidden field in a page.
func hiddenField(_ name: String, in html: String) -> String? {
    guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[r.upperBound...].prefix { $0 != "\"" })
}

/// Runs `body` on a thread of its own, at once. Dispatch's global queue would do too, but on a
/// busy test process (20 load-test clients blocked in curl beside it) its few threads make work
/// wait for a free one, and "at once" would no longer be true.
func onItsOwnThread(_ body: @escaping @Sendable () -> Void) {
    let t = Thread { body() }
    t.start()
}
