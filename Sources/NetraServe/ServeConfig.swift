import Foundation
import NetraCore

/// What `netra serve` was started with.
public struct ServeConfig: Sendable {
    public var host: String
    public var port: Int
    /// Workspaces, versions and the index live here.
    public var dataDir: String
    /// The bcrypt hash of the password, or nil to run open (loopback only).
    public var passwordHash: String?
    /// The largest request body taken, in bytes.
    public var maxUpload: Int
    /// Jobs running at once; the rest wait in a queue.
    public var jobSlots: Int
    /// Seconds a job may run before it is stopped.
    public var jobTimeLimit: Double
    /// The `netra` executable a job runs (this one).
    public var executable: String

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDir: String, passwordHash: String? = nil,
        maxUpload: Int = 20 * 1024 * 1024, jobSlots: Int = 2, jobTimeLimit: Double = 120, executable: String
    ) {
        self.host = host; self.port = port; self.dataDir = dataDir; self.passwordHash = passwordHash
        self.maxUpload = maxUpload; self.jobSlots = jobSlots; self.jobTimeLimit = jobTimeLimit; self.executable = executable
    }

    /// 127.0.0.0/8, ::1 and localhost: the only addresses a server may run open on.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }

    /// `~/.local/share/netra`, where the data lives unless `--data` says otherwise.
    public static var defaultDataDir: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "."
        return home + "/.local/share/netra"
    }

    /// Why the server must not start, or nil: off loopback it needs a password.
    public var refusal: String? {
        if passwordHash == nil && !ServeConfig.isLoopback(host) {
            return
                "netra serve: \(host) is not a loopback address; off 127.0.0.1 the server needs a password: --password-file FILE (a bcrypt hash, made by `netra serve --hash-password`)"
        }
        if !(0...65535).contains(port) { return "netra serve: --port takes 0 to 65535; got \(port)" }
        if maxUpload < 1024 { return "netra serve: --max-upload takes at least 1024 bytes" }
        return nil
    }
}
