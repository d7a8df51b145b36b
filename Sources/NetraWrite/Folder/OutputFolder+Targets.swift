import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// What is already at an output's path decides how it is written: a rename over a named pipe
/// or `/dev/null` would replace the pipe or the device node itself.
extension OutputFolder {
    /// How a file is put at its target.
    public enum Placement: Sendable, Equatable {
        /// Written beside it and renamed over it: nothing is there, a regular file, or a link
        /// (the link is replaced, not followed).
        case replace
        /// Written straight into it: a named pipe or a character device (`/dev/null`, a
        /// terminal), or standard output named through `/dev/stdout`.
        case stream
    }

    /// How `target` can be written; throws for what cannot be (a folder, a socket, a block
    /// device, and with `streams` false a pipe or device, as in a report's folder).
    public static func placement(of target: String, streams: Bool) throws(OutputError) -> Placement {
        var st = stat()
        guard lstat(target, &st) == 0 else { return .replace }
        var kind = st.st_mode & S_IFMT
        var throughProc = false
        if kind == S_IFLNK {
            var to = stat()
            // A dangling link is replaced, as a link to a file is.
            guard stat(target, &to) == 0 else { return .replace }
            kind = to.st_mode & S_IFMT
            // /dev/stdout, /dev/fd/1: the process's own descriptors, never to be replaced.
            throughProc = linksIntoProc(target)
            if kind == S_IFREG && !throughProc { return .replace }
        }
        let what: Said
        switch kind {
        case S_IFREG:
            if !throughProc { return .replace }
            what = Said(en: "standard output or another open file (through /proc)", id: "keluaran standar atau berkas lain yang sedang terbuka (lewat /proc)")
        case S_IFIFO: what = Said(en: "a named pipe (FIFO)", id: "pipa bernama (FIFO)")
        case S_IFCHR: what = Said(en: "a character device", id: "perangkat karakter")
        case S_IFDIR:
            throw OutputError(en: "'\(target)' is a folder; cannot write a file there", id: "'\(target)' adalah folder; tidak dapat menulis berkas di sana")
        case S_IFSOCK: throw .cannotWrite(target, Said(en: "it is a socket, not a file", id: "itu soket, bukan berkas"))
        case S_IFBLK:
            throw .cannotWrite(
                target,
                Said(
                    en: "it is a block device; Netra writes only files, pipes and character devices",
                    id: "itu perangkat blok; Netra hanya menulis berkas, pipa dan perangkat karakter"))
        default: throw .cannotWrite(target, Said(en: "it is not a file", id: "itu bukan berkas"))
        }
        if streams { return .stream }
        throw .cannotWrite(
            target,
            Said(
                en: "it is \(what.en), not a regular file; remove it or choose another --out",
                id: "itu \(what.id), bukan berkas biasa; hapus atau pilih --out lain"))
    }

    /// True when the link at `path`, or the folder it sits in, leads into /proc.
    static func linksIntoProc(_ path: String) -> Bool {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buf, buf.count - 1)
        if n > 0 {
            let text = String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("/proc/") { return true }
        }
        let dir = split(path).dir
        guard let real = realpath(dir, nil) else { return false }
        defer { free(real) }
        let resolved = String(cString: real)
        return resolved == "/proc" || resolved.hasPrefix("/proc/")
    }
}
