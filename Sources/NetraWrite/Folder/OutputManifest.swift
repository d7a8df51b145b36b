import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// What a report wrote into its output folder, listed in `netra-manifest.txt` there, so that
/// the next report removes its own previous files first: a stale `netra.xlsx` (or the chart of
/// a jurisdiction since dropped) never sits beside the new CSVs. Only files the list names are
/// removed, and only regular files reached inside the folder through real folders: an entry
/// that is absolute or climbs out (`..`) is refused, a link is never followed.
public enum OutputManifest {
    public static let fileName = "netra-manifest.txt"
    static let header = "# netra report: the files its last run wrote into this folder, one a line; the next run removes them before writing its own."
    /// A longer list is not Netra's: read no further.
    static let maxBytes = 4 << 20

    /// The manifest's entries and, apart, the lines refused (absolute, `..`, empty parts,
    /// control characters). A manifest that is missing, a link or not a regular file lists nothing.
    public static func read(in folder: String) -> (entries: [String], refused: [String]) {
        let fd = open(OutputFolder.join(folder, fileName), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return ([], []) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return ([], []) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < maxBytes {
            let n = chunk.withUnsafeMutableBytes { buf in Syscall.retrying { Glibc.read(fd, buf.baseAddress, buf.count) } }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        var entries: [String] = [], refused: [String] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let entry = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if entry.hasPrefix("#") || entry.isEmpty { continue }
            if acceptable(entry) { entries.append(entry) } else { refused.append(entry) }
        }
        return (entries, refused)
    }

    /// An entry stays inside the folder: relative, no `..`, `.` or empty part, no control
    /// character, and not the manifest itself.
    static func acceptable(_ entry: String) -> Bool {
        if entry.hasPrefix("/") || entry == fileName { return false }
        if entry.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// The path, relative to the output folder, that `OutputFolder.write` gives a file named `name`.
    public static func entry(for name: String) -> String {
        name.split(separator: "/").map { OutputFolder.safeName(String($0)) }.joined(separator: "/")
    }

    /// Writes the list (atomically), sorted, with `notes` as comment lines after the header.
    public static func write(_ entries: [String], notes: [String] = [], in folder: String) throws(OutputError) {
        let lines = [header] + notes.map { "# " + $0 } + Array(Set(entries)).sorted()
        try OutputFolder.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: OutputFolder.join(folder, fileName))
    }

    /// Removes each of `entries` not in `keeping` and not one of `inputs` (the dataset's files,
    /// by device and inode): a regular file reached from `folder` through real folders, never
    /// a link. Returns the entries removed.
    public static func remove(_ entries: [String], in folder: String, keeping: Set<String>, sparing inputs: [String] = []) -> [String] {
        var spared = Set<[UInt64]>()
        for i in inputs {
            var st = stat()
            if stat(i, &st) == 0 { spared.insert([UInt64(st.st_dev), UInt64(st.st_ino)]) }
        }
        var removed: [String] = []
        for entry in Set(entries).subtracting(keeping).sorted() where acceptable(entry) {
            if removeFile(entry, in: folder, unless: spared) { removed.append(entry) }
        }
        return removed
    }

    /// Walks to the entry's folder with `openat` (each part a folder, no link followed), then
    /// unlinks the entry when it is a regular file.
    static func removeFile(_ entry: String, in folder: String, unless spared: Set<[UInt64]>) -> Bool {
        var parts = entry.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return false }
        var dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return false }
        defer { close(dir) }
        for p in parts {
            let next = openat(dir, p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return false }
            close(dir)
            dir = next
        }
        var st = stat()
        guard fstatat(dir, last, &st, AT_SYMLINK_NOFOLLOW) == 0, (st.st_mode & S_IFMT) == S_IFREG,
            !spared.contains([UInt64(st.st_dev), UInt64(st.st_ino)])
        else { return false }
        return unlinkat(dir, last, 0) == 0
    }
}
