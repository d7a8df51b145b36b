import Foundation
import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// The built `netra` started with posix_spawn, so that the test can kill it at a chosen moment
/// and learn its peak memory.
///
/// Peak memory: a child started with posix_spawn (vfork semantics) inherits the *test
/// process's* peak RSS in its own ru_maxrss at exec, so wait4 alone overstates it. With
/// `measure`, netra runs under GNU time (`/usr/bin/time`), which forks from a small process and
/// reports netra's own peak; without GNU time, wait4's figure is used and marked as such.
struct Child {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    /// Where GNU time writes netra's peak memory, when measured that way.
    let rssPath: String?

    struct Finished {
        /// The exit code, or -1 when a signal ended the process.
        var status: Int32
        /// The signal that ended it, or 0.
        var signal: Int32
        var stdout: String
        var stderr: String
        /// Peak resident memory, in KiB.
        var maxRSSKiB: Int
        /// True when `maxRSSKiB` is netra's own (GNU time), false when it may include the test
        /// process's peak (wait4 after posix_spawn).
        var ownRSS: Bool
        var seconds: Double
    }

    enum Failure: Error { case spawn(Int32) }

    static let gnuTime = "/usr/bin/time"
    static let haveGNUTime = access(gnuTime, X_OK) == 0

    /// Starts `netra args…` in a process group of its own; standard output and error go to
    /// files, standard input is /dev/null.
    static func start(_ args: [String], measure: Bool = false) throws -> Child {
        let logs = Netra.tempDir("logs")
        let out = logs + "/stdout", err = logs + "/stderr", rss = logs + "/rss"
        let timed = measure && haveGNUTime
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let command = timed ? [gnuTime, "-f", "netra-maxrss-kib=%M", "-o", rss, Netra.binary] + args : [Netra.binary] + args
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, command[0], &actions, &attributes, argv, environ)
        if rc != 0 { throw Failure.spawn(rc) }
        return Child(pid: pid, stdoutPath: out, stderrPath: err, rssPath: timed ? rss : nil)
    }

    /// Runs `netra args…` to the end, killing it after `timeout` seconds (a hang fails the test
    /// that looks at `signal`).
    static func run(_ args: [String], timeout: Double = 300, measure: Bool = false) throws -> Finished {
        let child = try start(args, measure: measure)
        let started = Date()
        while true {
            if let done = child.poll(started) { return done }
            if Date().timeIntervalSince(started) > timeout { child.kill(); return child.wait(started) }
            usleep(2_000)
        }
    }

    /// SIGKILL to the whole group: netra, and GNU time when it runs under it.
    func kill() { _ = Glibc.kill(-pid, SIGKILL) }

    /// The result once the process has ended, without blocking; nil while it runs.
    func poll(_ started: Date) -> Finished? { reap(WNOHANG, started) }

    /// Waits for the process to end.
    func wait(_ started: Date) -> Finished {
        while true { if let f = reap(0, started) { return f } }
    }

    private func reap(_ options: Int32, _ started: Date) -> Finished? {
        var status: Int32 = 0
        var usage = rusage()
        let r = Syscall.retrying { wait4(pid, &status, options, &usage) }
        if r == 0 { return nil }
        let exited = (status & 0x7F) == 0
        var code = exited ? (status >> 8) & 0xFF : -1
        var signal = exited ? 0 : status & 0x7F
        let read = { (path: String) in String(decoding: readFile(path), as: UTF8.self) }
        var rss = usage.ru_maxrss
        var own = false
        if let rssPath {
            // GNU time passes netra's exit code on, and notes a signal in its report.
            let report = read(rssPath)
            if let line = report.split(separator: "\n").first(where: { $0.hasPrefix("netra-maxrss-kib=") }),
                let kib = Int(line.dropFirst("netra-maxrss-kib=".count))
            {
                rss = kib; own = true
            }
            if let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Command terminated by signal ") }),
                let sig = Int32(line.dropFirst("Command terminated by signal ".count))
            {
                code = -1; signal = sig
            }
        }
        return Finished(
            status: code, signal: signal, stdout: read(stdoutPath), stderr: read(stderrPath), maxRSSKiB: rss,
            ownRSS: own, seconds: Date().timeIntervalSince(started))
    }
}

/// True when the tests (and so the `netra` built with them) run under a sanitizer, which
/// takes far more memory: memory bounds are loosened then.
let underSanitizer: Bool = {
    guard let handle = dlopen(nil, RTLD_NOW) else { return false }
    defer { dlclose(handle) }
    return dlsym(handle, "__asan_init") != nil || dlsym(handle, "__tsan_init") != nil
}()

/// Names (relative paths) of every regular file under `dir`, found with readdir, sorted.
func regularFiles(in dir: String, _ prefix: String = "") -> [String] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var out: [String] = []
    while let entry = readdir(d) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name == "." || name == ".." { continue }
        var st = stat()
        guard lstat(dir + "/" + name, &st) == 0 else { continue }
        if (st.st_mode & S_IFMT) == S_IFDIR { out += regularFiles(in: dir + "/" + name, prefix + name + "/") } else { out.append(prefix + name) }
    }
    return out.sorted()
}

/// Every entry under `dir` with its kind, size and modification time: a fingerprint to show
/// that a run left a folder exactly as it was.
func snapshot(_ dir: String, skipping skip: String? = nil) -> [String: String] {
    var out: [String: String] = [:]
    func walk(_ path: String, _ rel: String) {
        guard let d = opendir(path) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let full = path + "/" + name, key = rel + name
            if full == skip { continue }
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            out[key] = "\(st.st_mode) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_ino)"
            if (st.st_mode & S_IFMT) == S_IFDIR { walk(full, key + "/") }
        }
    }
    walk(dir, "")
    return out
}

/// A file's bytes through POSIX calls (String(contentsOfFile:) leaks a buffer on some files
/// in this Foundation, which LeakSanitizer reports under `make sanitize`).
func readFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = buffer.withUnsafeMutableBytes { b in Syscall.retrying { Glibc.read(fd, b.baseAddress, b.count) } }
        if n <= 0 { break }
        out += buffer[..<n]
    }
    return out
}
