#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The one place Netra retries a system call a signal interrupted and says why a call failed,
/// as swift-nio's `System.swift` does: every read, write and wait loop goes through here.
public enum Syscall {
    /// Calls `call` again while a signal interrupts it (a negative result with `EINTR`); its
    /// last result, with `errno` as that call left it.
    @inlinable
    public static func retrying<T: SignedInteger>(_ call: () -> T) -> T {
        while true {
            let r = call()
            if r >= 0 || errno != EINTR { return r }
        }
    }

    /// Writes all of `bytes` to `fd`; the `errno` of a failed write (`EIO` for a write that
    /// took nothing), else nil.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var done = 0
        while done < bytes.count {
            let r = retrying { write(fd, base + done, bytes.count - done) }
            if r < 0 { return errno }
            if r == 0 { return EIO }
            done += r
        }
        return nil
    }

    /// Reads from `fd` into `buffer` at `offset` until it is full or the file ends; the bytes
    /// read, and the `errno` of a failed read (0 when none failed).
    public static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> (got: Int, error: Int32) {
        guard let base = buffer.baseAddress else { return (0, 0) }
        var done = 0
        while done < buffer.count {
            let r = retrying { pread(fd, base + done, buffer.count - done, off_t(offset + done)) }
            if r < 0 { return (done, errno) }
            if r == 0 { break }
            done += r
        }
        return (done, 0)
    }

    /// What a file is being used for when a call on it fails: the words for "permission
    /// denied" differ in Indonesian between reading a file and writing one.
    public enum Use: Sendable { case reading, writing }

    /// Why a call failed (`errno`), in both languages; the system's own text where Netra has none.
    public static func reason(_ code: Int32, _ use: Use = .writing) -> Said {
        switch code {
        case ENOENT: return Said(en: "no such file", id: "berkas tidak ada")
        case EACCES where use == .reading: return Said(en: "permission denied", id: "tidak ada izin membacanya")
        case EACCES, EPERM: return Said(en: "permission denied", id: "izin ditolak")
        case ELOOP: return Said(en: "too many levels of symbolic links", id: "terlalu banyak tautan simbolik berantai")
        case EISDIR: return Said(en: "is a folder, not a file", id: "adalah folder, bukan berkas")
        case EROFS: return Said(en: "the file system is read-only", id: "sistem berkas hanya-baca")
        case ENOSPC: return Said(en: "no space left on the device", id: "ruang perangkat penuh")
        case EDQUOT: return Said(en: "the disk quota is used up", id: "kuota disk habis")
        case ENOTDIR: return Said(en: "a part of the path is a file, not a folder", id: "sebagian jalur adalah berkas, bukan folder")
        case ENAMETOOLONG: return Said(en: "the name is too long", id: "nama terlalu panjang")
        default: return Said(String(cString: strerror(code)))
        }
    }
}
