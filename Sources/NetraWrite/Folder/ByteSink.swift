import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// Where a file's bytes go as they are made: straight into a file being written, in chunks,
/// so that a 350 MB export never sits whole in memory; or into memory, for tests and stdout.
/// A write error is kept (the first one) and later writes are dropped; the owner checks
/// `failure` when done.
public final class ByteSink {
    private let fd: Int32
    private let path: String
    /// Everything written, for a sink in memory.
    public private(set) var collected: [UInt8] = []
    public private(set) var failure: OutputError?

    /// Chunks this big are handed on.
    public static let chunk = 1 << 20

    /// A sink that keeps the bytes.
    public init() {
        fd = -1
        path = ""
    }

    /// A sink writing to an open file descriptor (not closed by the sink).
    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, !bytes.isEmpty else { return }
        if fd < 0 { collected.append(contentsOf: bytes); return }
        if let code = Syscall.writeAll(fd, UnsafeRawBufferPointer(bytes)) { failure = .cannotWrite(path, Syscall.reason(code)) }
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }
}

/// A file being written under a temporary name beside its target (see `OutputFolder` for
/// the name), renamed over the target only once it is whole: a failed or killed run never
/// leaves a half-written file under a final name. Used by every writer in Netra.
///
/// A target that is a named pipe or a character device (with `streams`) is written straight
/// into instead: it has no whole file to swap, and a rename would replace the pipe or device.
public struct StagedFile: Sendable {
    public let target: String
    /// Empty when the target is written into directly.
    public let temporary: String
    let fd: Int32
    let dir: String

    /// True when the bytes go straight into the target (a pipe, a device).
    public var isDirect: Bool { temporary.isEmpty }

    /// Creates the temporary file, or opens a pipe or device target when `streams`; refuses
    /// a target that is a folder, a socket or a block device (see `OutputFolder.placement`).
    public init(target: String, streams: Bool = false) throws(OutputError) {
        let (dir, base) = OutputFolder.split(target)
        if base.isEmpty { throw .cannotWrite(target, Said(en: "it names a folder, not a file", id: "itu nama folder, bukan berkas")) }
        if try OutputFolder.placement(of: target, streams: streams) == .stream {
            // No O_CREAT: it is there; O_TRUNC only matters for a file reached through /proc.
            let fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY)
            if fd < 0 { throw .cannotWrite(target, Syscall.reason(errno)) }
            self.target = target
            self.temporary = ""
            self.fd = fd
            self.dir = dir
            return
        }
        var fd: Int32 = -1
        var temp = ""
        for _ in 0..<64 {
            temp = OutputFolder.join(dir, OutputFolder.temporaryName(for: base))
            // O_EXCL: never open anything that is already there (a symlink included); the
            // mode follows the user's umask, like any other file.
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw .cannotWrite(target, OutputFolder.writeReason(errno, dir)) }
        // Held until the file is renamed or removed: another Netra's cleanup, in any PID
        // namespace (a container sees other pids as gone), can take it only once this
        // process has let go of the file, by ending or by being killed.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        // A file replaced keeps the permissions its owner gave it (a shared 0644 report stays so).
        var old = stat()
        if lstat(target, &old) == 0 && (old.st_mode & S_IFMT) == S_IFREG { _ = fchmod(fd, old.st_mode & 0o7777) }
        self.target = target
        self.temporary = temp
        self.fd = fd
        self.dir = dir
    }

    /// Writes through a sink, then flushes the file to disk (a pipe or device is closed; a
    /// temporary file stays open, and locked, until `commit` or `discard`); the sink's first
    /// error, or the flush's, is thrown. Call once.
    public func fill(_ body: (ByteSink) -> Void) throws(OutputError) {
        let sink = ByteSink(fd: fd, path: target)
        body(sink)
        // A pipe or a device has nothing to flush to disk (fsync fails there with EINVAL).
        let synced = isDirect || fsync(fd) == 0 ? nil : errno
        let closed = !isDirect || close(fd) == 0 ? nil : errno
        if let f = sink.failure { throw f }
        if let code = synced ?? closed { throw .cannotWrite(target, OutputFolder.writeReason(code, dir)) }
    }

    /// Renames the whole file over its target and flushes the folder, so the rename itself
    /// survives a crash.
    public func commit() throws(OutputError) {
        if isDirect { return }
        if rename(temporary, target) != 0 {
            throw .cannotWrite(target, OutputFolder.writeReason(errno, dir))
        }
        // Renamed: nothing under a temporary name is left to guard. (A close error after
        // fsync cannot lose data.)
        _ = close(fd)
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// Removes the temporary file (nothing else), then lets go of it.
    public func discard() {
        if isDirect { return }
        unlink(temporary)
        _ = close(fd)
    }
}
