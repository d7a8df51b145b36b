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
        guard failure == nil, let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if fd < 0 { collected.append(contentsOf: bytes); return }
        var done = 0
        while done < bytes.count {
            let r = Glibc.write(fd, base + done, bytes.count - done)
            if r < 0 {
                if errno == EINTR { continue }
                failure = OutputError("cannot write '\(path)': \(FileIO.reason(errno))")
                return
            }
            done += r
        }
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }
}

/// A file being written under a temporary name beside its target, renamed over the target
/// only once it is whole: a failed or killed run never leaves a half-written file under a
/// final name. The temporary's name starts with `.netra-tmp-`.
public struct StagedFile: Sendable {
    public let target: String
    public let temporary: String
    let fd: Int32

    public static let prefix = ".netra-tmp-"

    /// Creates the temporary file; refuses a target that is a folder.
    public init(target: String) throws(OutputError) {
        var st = stat()
        if stat(target, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError("'\(target)' is a folder; cannot write a file there")
        }
        let dir: String
        if let slash = target.lastIndex(of: "/") { dir = String(target[..<slash]).isEmpty ? "/" : String(target[..<slash]) } else { dir = "." }
        var template = Array((dir + "/" + StagedFile.prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress else { return -1 }
            return mkstemp(base)
        }
        if fd < 0 { throw OutputError("cannot write in '\(dir)': \(FileIO.reason(errno))") }
        self.target = target
        self.fd = fd
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes through a sink; the sink's first error is thrown. The file is flushed to disk
    /// and closed either way.
    public func fill(_ body: (ByteSink) -> Void) throws(OutputError) {
        let sink = ByteSink(fd: fd, path: target)
        body(sink)
        fchmod(fd, 0o644)
        let synced = fsync(fd) == 0 ? nil : FileIO.reason(errno)
        let closed = close(fd) == 0 ? nil : FileIO.reason(errno)
        if let f = sink.failure { throw f }
        if let reason = synced ?? closed { throw OutputError("cannot write '\(target)': \(reason)") }
    }

    /// Renames the whole file over its target.
    public func commit() throws(OutputError) {
        if rename(temporary, target) != 0 {
            throw OutputError("cannot write '\(target)': \(FileIO.reason(errno))")
        }
    }

    /// Removes the temporary file (nothing else).
    public func discard() { unlink(temporary) }
}
