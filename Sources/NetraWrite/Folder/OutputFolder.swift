import NetraCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in both languages.
    public var said: Said
    public init(_ said: Said) { self.said = said }
    public init(en: String, id: String) { said = Said(en: en, id: id) }
    /// English, for logs and tests.
    public var message: String { said.en }
    public var description: String { said.en }

    /// `cannot write 'target': why`.
    static func cannotWrite(_ target: String, _ why: Said) -> OutputError {
        OutputError(en: "cannot write '\(target)': \(why.en)", id: "tidak dapat menulis '\(target)': \(why.id)")
    }
}

/// A folder Netra writes into. Every file lands whole or not at all (written to a temporary
/// file beside it, flushed, then renamed), names from the data are made safe, and nothing
/// outside the folder is touched.
///
/// A temporary file is named `.netra-tmp-<pid>-<6 random characters>-<final name>`. A run
/// that is killed while it writes can leave one behind, never a half-written file under its
/// final name; the next run that opens the folder removes such leftovers, and only those: a
/// regular file of this user, named by that pattern, whose process is no longer running.
public struct OutputFolder: Sendable {
    public let path: String

    /// Opens `path`, creating it (and missing parents) when needed, and removes Netra's own
    /// stale temporary files from it.
    public init(_ path: String) throws(OutputError) {
        let p = try OutputFolder.normalised(path)
        self.path = p
        try OutputFolder.makeDirectory(p)
        if access(p, W_OK | X_OK) != 0 {
            throw OutputError(
                Said(en: "cannot write to the output folder '\(p)': ", id: "tidak dapat menulis ke folder keluaran '\(p)': ").joined(Syscall.reason(errno)))
        }
        OutputFolder.removeStaleTemporaries(in: p)
    }

    /// Checks, before any long work and without creating anything, that `path` could be
    /// opened as an output folder: it is a writable folder, or it can be created under the
    /// nearest folder that exists.
    public static func check(_ path: String) throws(OutputError) {
        let p = try normalised(path)
        var st = stat()
        var prefix = p.hasPrefix("/") ? "/" : ""
        var deepest = p.hasPrefix("/") ? "/" : "."
        for part in p.split(separator: "/") {
            prefix += part
            if stat(prefix, &st) != 0 {
                if errno == ENOENT { break }
                throw OutputError(
                    Said(en: "cannot use '\(p)' as the output folder: '\(prefix)': ", id: "'\(p)' tidak dapat dipakai sebagai folder keluaran: '\(prefix)': ")
                        .joined(Syscall.reason(errno)))
            }
            if (st.st_mode & S_IFMT) != S_IFDIR {
                if prefix == p {
                    throw OutputError(
                        en: "'\(p)' is an existing file, not a folder; give --out a folder",
                        id: "'\(p)' adalah berkas yang sudah ada, bukan folder; beri --out sebuah folder")
                }
                throw OutputError(
                    en: "cannot use '\(p)' as the output folder: '\(prefix)' is an existing file, not a folder",
                    id: "'\(p)' tidak dapat dipakai sebagai folder keluaran: '\(prefix)' adalah berkas, bukan folder")
            }
            deepest = prefix
            prefix += "/"
        }
        if access(deepest, W_OK | X_OK) != 0 {
            let what =
                deepest == p
                ? Said(en: "cannot write to the output folder '\(p)': ", id: "tidak dapat menulis ke folder keluaran '\(p)': ")
                : Said(en: "cannot create the output folder '\(p)' in '\(deepest)': ", id: "tidak dapat membuat folder keluaran '\(p)' di '\(deepest)': ")
            throw OutputError(what.joined(Syscall.reason(errno)))
        }
    }

    /// Checks, without creating anything, that a file could be written at `target`: its
    /// folder exists and is writable, and `target` is not a folder, a socket or a block
    /// device (a pipe or a character device needs only to be writable itself).
    public static func checkFile(_ target: String) throws(OutputError) {
        let (dir, base) = split(target)
        if base.isEmpty { throw .cannotWrite(target, Said(en: "it names a folder, not a file", id: "itu nama folder, bukan berkas")) }
        var st = stat()
        if stat(target, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw .cannotWrite(target, Said(en: "it is a folder; give a file name", id: "itu sebuah folder; beri nama berkas"))
        }
        // A pipe or a device is written into: its folder (/dev) need not be writable.
        if try placement(of: target, streams: true) == .stream {
            if access(target, W_OK) != 0 { throw .cannotWrite(target, Syscall.reason(errno)) }
            return
        }
        if stat(dir, &st) != 0 {
            throw .cannotWrite(
                target,
                errno == ENOENT
                    ? Said(en: "the folder '\(dir)' does not exist", id: "folder '\(dir)' tidak ada")
                    : Said(en: "the folder '\(dir)' cannot be used: ", id: "folder '\(dir)' tidak dapat dipakai: ").joined(Syscall.reason(errno)))
        }
        if (st.st_mode & S_IFMT) != S_IFDIR {
            throw .cannotWrite(target, Said(en: "'\(dir)' is a file, not a folder", id: "'\(dir)' adalah berkas, bukan folder"))
        }
        if access(dir, W_OK | X_OK) != 0 { throw .cannotWrite(target, Syscall.reason(errno)) }
    }

    /// `path` without trailing slashes; an empty name is refused.
    static func normalised(_ path: String) throws(OutputError) -> String {
        var p = path
        while p.utf8.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if p.isEmpty { throw OutputError(en: "the output folder name is empty", id: "nama folder keluaran kosong") }
        return p
    }

    /// Creates `path` and its parents; refuses a path that names an existing file.
    static func makeDirectory(_ path: String) throws(OutputError) {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw OutputError(
                en: "'\(path)' is an existing file, not a folder; give --out a folder",
                id: "'\(path)' adalah berkas yang sudah ada, bukan folder; beri --out sebuah folder")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if stat(prefix, &st) != 0 {
                if mkdir(prefix, 0o777) != 0 && !(errno == EEXIST && FileIO.isDirectory(prefix)) {
                    // ENOENT from mkdir with every parent there: a file system such as /proc
                    // that makes no folders.
                    let why =
                        errno == ENOENT
                        ? Said(en: "the file system there does not allow new folders", id: "sistem berkas di sana tidak mengizinkan folder baru")
                        : Syscall.reason(errno)
                    let which = prefix == path ? Said("") : Said(en: ": cannot create '\(prefix)'", id: ": tidak dapat membuat '\(prefix)'")
                    throw OutputError(
                        Said(en: "cannot create the output folder '\(path)'", id: "tidak dapat membuat folder keluaran '\(path)'").joined(which).joined(
                            Said(": ")
                        ).joined(why))
                }
            } else if (st.st_mode & S_IFMT) != S_IFDIR {
                throw OutputError(
                    en: "cannot create the output folder '\(path)': '\(prefix)' is an existing file, not a folder",
                    id: "tidak dapat membuat folder keluaran '\(path)': '\(prefix)' adalah berkas, bukan folder")
            }
            prefix += "/"
        }
    }

    /// A subfolder, created if needed; its name is made safe first. A link planted there
    /// (`ln -s /elsewhere OUT/briefing-2024-01`) is refused: it would lead outside the folder.
    public func subfolder(_ name: String) throws(OutputError) -> OutputFolder {
        let sub = path + "/" + OutputFolder.safeName(name)
        var st = stat()
        if lstat(sub, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
            throw OutputError(
                en: "'\(sub)' is a link, not a folder; Netra writes only inside the output folder: remove the link or choose another --out",
                id: "'\(sub)' adalah tautan, bukan folder; Netra hanya menulis di dalam folder keluaran: hapus tautan itu atau pilih --out lain")
        }
        return try OutputFolder(sub)
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
        guard out.utf8.count > maxNameBytes else { return out }
        // Too long for the file system: the stem is cut, the extension kept.
        let dot = out.lastIndex(of: ".").map { out.distance(from: $0, to: out.endIndex) <= 8 ? $0 : out.endIndex } ?? out.endIndex
        let ext = String(out[dot...])
        return cut(String(out[..<dot]), toBytes: maxNameBytes - ext.utf8.count) + ext
    }

    /// The longest name most file systems take, in bytes.
    public static let maxNameBytes = 255

    /// `s` cut at a character boundary to at most `bytes` UTF-8 bytes.
    static func cut(_ s: String, toBytes bytes: Int) -> String {
        var out = "", used = 0
        for c in s {
            let n = c.utf8.count
            if used + n > bytes { break }
            out.append(c); used += n
        }
        return out
    }

    /// A file name `prefix + id + ext` for each id that stays inside the folder, within
    /// `maxNameBytes`, and distinct for distinct ids: an id that had to be changed (a `/`, a
    /// length) gets a short hash of itself, so `a/b` and `a_b` never share a file.
    public static func distinctNames(_ ids: [String], prefix: String, ext: String) -> [String] {
        var taken = Set<String>(), out: [String] = []
        for id in ids {
            let room = maxNameBytes - prefix.utf8.count - ext.utf8.count
            var stem = safeName(id)
            if stem != id || stem.utf8.count > room {
                stem = cut(stem, toBytes: room - 9) + "-" + hash8(id)
            }
            var name = prefix + stem + ext, n = 2
            while taken.contains(name) { name = prefix + cut(stem, toBytes: room - 12) + "-\(n)" + ext; n += 1 }
            taken.insert(name)
            out.append(name)
        }
        return out
    }

    /// Eight hex digits of FNV-1a over the id's bytes: stable between runs and machines.
    static func hash8(_ s: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h & 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    // MARK: Writing a whole file

    /// Writes a whole file or nothing: a temporary file in the same folder (created with the
    /// user's umask, like any other file), written, flushed to disk, then renamed over the
    /// target, and the folder flushed so the rename itself survives a crash. On any failure
    /// the temporary file is removed and the target is untouched. Refuses to replace a folder.
    public static func writeAtomically(_ bytes: [UInt8], to target: String) throws(OutputError) {
        let file = try StagedFile(target: target)
        do {
            try file.fill { $0.write(bytes) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    // MARK: Temporary files

    /// How every temporary file of Netra's starts.
    public static let temporaryPrefix = ".netra-tmp-"

    /// A path in `dir` named like Netra's temporary files, for a file made on the side (a
    /// workbook that libxlsxwriter writes before it is read back): a killed run's leftover is
    /// removed like any other.
    public static func scratchPath(in dir: String, for base: String) -> String {
        join(dir.isEmpty ? "." : dir, temporaryName(for: base))
    }

    /// `.netra-tmp-<pid>-<6 random characters>-<base>`, the base cut to 64 bytes.
    static func temporaryName(for base: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var rng = SystemRandomNumberGenerator()
        let random = String(decoding: (0..<6).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] }, as: UTF8.self)
        var shortBase = ""
        var bytes = 0
        for u in base.unicodeScalars {
            bytes += String(u).utf8.count
            if bytes > 64 { break }
            shortBase.unicodeScalars.append(u)
        }
        return "\(temporaryPrefix)\(getpid())-\(random)-\(shortBase)"
    }

    /// The process id in a name of Netra's temporary-file pattern, or nil for any other name.
    public static func temporaryOwner(_ name: String) -> Int32? {
        let b = Array(name.utf8)
        let prefix = Array(temporaryPrefix.utf8)
        guard b.count > prefix.count, Array(b[..<prefix.count]) == prefix else { return nil }
        var k = prefix.count
        var pid: Int64 = 0
        let digitsStart = k
        while k < b.count, b[k] >= 0x30, b[k] <= 0x39, k - digitsStart < 10 {
            pid = pid * 10 + Int64(b[k] - 0x30)
            k += 1
        }
        guard k > digitsStart, pid > 0, pid <= Int64(Int32.max), k < b.count, b[k] == 0x2D else { return nil }
        k += 1
        for _ in 0..<6 {
            guard k < b.count, (b[k] >= 0x61 && b[k] <= 0x7A) || (b[k] >= 0x30 && b[k] <= 0x39) else { return nil }
            k += 1
        }
        guard k < b.count, b[k] == 0x2D, k + 1 < b.count else { return nil }
        return Int32(pid)
    }

    /// True for a name of Netra's temporary-file pattern.
    public static func isTemporaryName(_ name: String) -> Bool { temporaryOwner(name) != nil }

    /// Removes the temporary files a killed run of Netra left in `dir` (not in its
    /// subfolders): regular files owned by this user, named by Netra's pattern, whose process
    /// is no longer running and whose lock no process holds (a live run in another PID
    /// namespace has a pid that looks gone here, but holds its lock). Anything else is never
    /// touched. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaries(in dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var removed: [String] = []
        let me = geteuid()
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = temporaryOwner(name) else { continue }
            // Still running (or another user's process, which we may not signal): keep.
            if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
            let path = join(dir, name)
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == me else { continue }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // Held by a live writer somewhere: keep. Taken here: its writer is gone.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            var held = stat()
            // Still the file that was checked (not swapped for another between the calls).
            guard fstat(fd, &held) == 0, held.st_ino == st.st_ino, held.st_dev == st.st_dev else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    // MARK: Paths and reasons

    /// The folder and the last component of a file path (`.` for a bare name).
    public static func split(_ target: String) -> (dir: String, base: String) {
        guard let slash = target.lastIndex(of: "/") else { return (".", target) }
        let dir = String(target[..<slash])
        return (dir.isEmpty ? "/" : dir, String(target[target.index(after: slash)...]))
    }

    /// `name` inside the folder `dir`.
    public static func join(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }

    static func writeReason(_ code: Int32, _ dir: String) -> Said {
        if code != ENOENT { return Syscall.reason(code) }
        return FileIO.isDirectory(dir)
            ? Said(en: "the file system of '\(dir)' does not allow new files", id: "sistem berkas '\(dir)' tidak mengizinkan berkas baru")
            : Said(en: "the folder '\(dir)' does not exist", id: "folder '\(dir)' tidak ada")
    }
}
