#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole files with POSIX calls, so that every failure has a plain reason.
public enum FileIO {
    /// The largest input file accepted, so a stray multi-gigabyte file is refused, not swallowed:
    /// 4 GiB less a byte, what 32-bit cell offsets reach (a file of exactly 4 GiB is refused
    /// here, before it is read, not after).
    public static let maxInputBytes = Int(UInt32.max)

    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Why, in both languages.
        public var said: Said
        /// Why, in English.
        public var reason: String { said.en }
        public var description: String { reason }

        init(_ said: Said) { self.said = said }
    }

    /// The file's bytes, or why they cannot be had.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO (a named pipe put where a CSV should be) would otherwise
        // wait for a writer forever; it is refused below as not a regular file. Reading a
        // regular file ignores the flag.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { throw Failure(Syscall.reason(errno, .reading)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(Syscall.reason(errno, .reading)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(Said(en: "is a folder, not a file", id: "adalah folder, bukan berkas")) }
        if (st.st_mode & S_IFMT) != S_IFREG { throw Failure(Said(en: "is not a regular file", id: "bukan berkas biasa")) }
        let size = Int(st.st_size)
        if size > maxInputBytes {
            throw Failure(Said(en: "is \(size) bytes, more than the limit of \(maxInputBytes)", id: "berukuran \(size) bita, melebihi batas \(maxInputBytes)"))
        }
        // Filled straight from pread(2): zeroing first would touch every page twice. A big
        // file is read in two halves on two cores (copying it in is a fifth of loading it).
        let halves = size >= 64 << 20 ? 2 : 1
        // Per half: the bytes it got, and errno if reading failed.
        let outcome = UnsafeMutableBufferPointer<(got: Int, error: Int32)>.allocate(capacity: 2)
        outcome.initialize(repeating: (0, 0))
        defer { outcome.deallocate() }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            if halves == 2 { askForHugePages(UnsafeMutableRawBufferPointer(buf)) }
            let shared = UnsafeTransfer((buf, outcome))
            Parallel.forEach(halves) { h in
                let (buf, outcome) = shared.value
                let lo = h == 0 ? 0 : size / 2, hi = h == halves - 1 ? size : size / 2
                let half = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buf)[lo..<hi])
                let (got, error) = Syscall.readFully(fd, into: half, at: lo)
                outcome[h] = (got, error)
            }
            // A file that shrank while it was read keeps what is whole from its start.
            count = halves == 2 && outcome[0].got < size / 2 ? outcome[0].got : outcome[0].got + outcome[1].got
        }
        if let code = outcome.first(where: { $0.error != 0 })?.error { throw Failure(Syscall.reason(code, .reading)) }
        return bytes
    }

    /// Asks the kernel to back the whole 2 MiB pages inside `buf` with huge pages: a big file
    /// copied in then takes one page fault per 2 MiB, not per 4 KiB (a 355 MB file: 87,000
    /// faults). Only a hint: the bytes read are the same whether or not it is taken.
    static func askForHugePages(_ buf: UnsafeMutableRawBufferPointer) {
        #if canImport(Glibc)
        guard let base = buf.baseAddress else { return }
        let huge = 2 << 20
        let start = (UInt(bitPattern: base) + UInt(huge - 1)) & ~UInt(huge - 1)
        let end = (UInt(bitPattern: base) + UInt(buf.count)) & ~UInt(huge - 1)
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, Int(end - start), MADV_HUGEPAGE)
        #endif
    }

    /// True when `path` names a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when something exists at `path` (a dangling symlink counts).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}
