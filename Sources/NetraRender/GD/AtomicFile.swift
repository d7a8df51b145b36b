#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files so that a reader sees either the old file or the complete new one.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it
    /// over `path`; on any failure the temporary file is removed and `path` is untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else { throw .write(path: path, reason: "the path names a folder, not a file") }
        // mkstemp makes a unique name even when several writers share the folder.
        var template = ((folder.isEmpty ? "/" : folder + "/") + "." + base + ".tmp-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw .write(path: path, reason: reason(errno)) }
        let tempPath = template.withUnsafeBufferPointer { buf in buf.baseAddress.map { String(cString: $0) } ?? "" }
        var closed = false
        func fail(_ why: String) -> RenderError {
            if !closed { close(fd) }
            unlink(tempPath)
            return .write(path: path, reason: why)
        }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                Glibc.write(fd, buf.baseAddress.map { $0 + done }, bytes.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(reason(errno))
            }
            done += n
        }
        // mkstemp creates 0600; an output file is meant to be shared like any other.
        let mask = umask(0); umask(mask)
        if fchmod(fd, 0o666 & ~mask) != 0 { throw fail(reason(errno)) }
        if fsync(fd) != 0 { throw fail(reason(errno)) }
        closed = true
        if close(fd) != 0 { throw fail(reason(errno)) }
        if rename(tempPath, path) != 0 { throw fail(reason(errno)) }
        // Make the rename itself durable; a folder that cannot be opened is not an error.
        let dfd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such folder"
        case EACCES: return "permission denied"
        case ENOSPC: return "no space left on the device"
        default: return String(cString: strerror(code))
        }
    }
}
