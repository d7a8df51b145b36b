#if canImport(Glibc)
import Glibc
#endif

/// Why an output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A folder Netra writes into. Every file lands whole or not at all (written to a temporary
/// file beside it, then renamed), names from the data are made safe, and nothing outside
/// the folder is touched.
public struct OutputFolder: Sendable {
    public let path: String

    /// Opens `path`, creating it (and missing parents) when needed.
    public init(_ path: String) throws(OutputError) {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if p.isEmpty { throw OutputError("the output folder name is empty") }
        self.path = p
        try OutputFolder.makeDirectory(p)
        if access(p, W_OK) != 0 {
            throw OutputError("cannot write to the output folder '\(p)': \(FileIO.reason(errno))")
        }
    }

    /// Creates `path` and its parents; refuses a path that names an existing file.
    static func makeDirectory(_ path: String) throws(OutputError) {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw OutputError("'\(path)' is an existing file, not a folder; give --out a folder")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if stat(prefix, &st) != 0 {
                if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                    throw OutputError("cannot create the folder '\(prefix)': \(FileIO.reason(errno))")
                }
            } else if (st.st_mode & S_IFMT) != S_IFDIR {
                throw OutputError("'\(prefix)' is an existing file, not a folder")
            }
            prefix += "/"
        }
    }

    /// A subfolder, created if needed; its name is made safe first.
    public func subfolder(_ name: String) throws(OutputError) -> OutputFolder {
        try OutputFolder(path + "/" + OutputFolder.safeName(name))
    }

    /// Writes `bytes` to `name` inside the folder, atomically; returns the path written.
    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) throws(OutputError) -> String {
        let target = path + "/" + OutputFolder.safeName(name)
        try OutputFolder.writeAtomically(bytes, to: target)
        return target
    }

    /// A file name that stays inside its folder: `/`, `\`, `:`, control characters and
    /// leading dots become `_`, so `../../x` from the data becomes `_._.._x`.
    public static func safeName(_ name: String) -> String {
        var out = ""
        for u in name.unicodeScalars {
            if u == "/" || u == "\\" || u.value < 0x20 || u.value == 0x7F || u == ":" { out.append("_") } else { out.unicodeScalars.append(u) }
        }
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        if out.isEmpty { out = "_" }
        if out.utf8.count > 200 { out = String(out.prefix(200)) }
        return out
    }

    /// Writes a whole file or nothing: a temporary file in the same folder, flushed, then
    /// renamed over the target. Refuses to replace a folder.
    public static func writeAtomically(_ bytes: [UInt8], to target: String) throws(OutputError) {
        var st = stat()
        if stat(target, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError("'\(target)' is a folder; cannot write a file there")
        }
        let dir: String
        if let slash = target.lastIndex(of: "/") { dir = String(target[..<slash]).isEmpty ? "/" : String(target[..<slash]) } else { dir = "." }
        var template = Array((dir + "/.netra-tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress else { return -1 }
            return mkstemp(base)
        }
        if fd < 0 { throw OutputError("cannot write in '\(dir)': \(FileIO.reason(errno))") }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer { if !ok { unlink(tmp) } }
        var written = 0
        while written < bytes.count {
            let r = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if r < 0 {
                if errno == EINTR { continue }
                let reason = FileIO.reason(errno)
                close(fd)
                throw OutputError("cannot write '\(target)': \(reason)")
            }
            written += r
        }
        fchmod(fd, 0o644)
        if fsync(fd) != 0 || close(fd) != 0 {
            throw OutputError("cannot write '\(target)': \(FileIO.reason(errno))")
        }
        if rename(tmp, target) != 0 {
            throw OutputError("cannot write '\(target)': \(FileIO.reason(errno))")
        }
        ok = true
    }
}
