import NetraCore
import CZip

/// A zip archive read from memory with libzip: the central directory is checked against the
/// buffer's bounds when it is opened, and every entry's size and CRC-32 when it has been read
/// to its end. A damaged archive is an error, never a trap.
final class ZipArchive {
    /// The archive's bytes, owned here: libzip reads them in place for as long as it is open.
    private let buffer: UnsafeMutableRawBufferPointer
    private let archive: OpaquePointer
    /// Each entry's name and stated unpacked size, in the archive's order.
    let entries: [(name: String, size: UInt64)]
    private let index: [String: Int]

    struct Damaged: Error { var reason: String }

    init(bytes: [UInt8]) throws(Damaged) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, UInt64(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw Damaged(reason: String(cString: zip_error_strerror(&error)))
        }
        // Not ZIP_CHECKCONS: libxlsxwriter's local headers ask for a newer zip version than
        // its central directory does, which Excel and LibreOffice accept. The bytes are
        // checked as they are read (bounds, sizes, CRC-32).
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            buffer.deallocate()
            throw Damaged(reason: String(cString: zip_error_strerror(&error)))
        }
        self.buffer = buffer
        self.archive = archive
        let n = max(0, zip_get_num_entries(archive, 0))
        var entries: [(String, UInt64)] = []
        var index: [String: Int] = [:]
        entries.reserveCapacity(Int(min(n, 100_000)))
        var k: Int64 = 0
        while k < n {
            var st = zip_stat_t()
            zip_stat_init(&st)
            if zip_stat_index(archive, UInt64(k), 0, &st) != 0 || st.name == nil {
                throw Damaged(reason: "entry \(k + 1) cannot be read")
            }
            let name = st.name.map { String(cString: $0) } ?? ""
            let size = st.valid & UInt64(ZIP_STAT_SIZE) != 0 ? st.size : 0
            if index[name] == nil { index[name] = entries.count }
            entries.append((name, size))
            k += 1
            // The caller refuses an archive of this many entries; no need to list them all.
            if entries.count > 1_000_000 { break }
        }
        self.entries = entries
        self.index = index
    }

    deinit {
        zip_discard(archive)  // frees the source too; the buffer is ours
        buffer.deallocate()
    }

    /// Whether the archive has an entry called `name`.
    func contains(_ name: String) -> Bool { index[name] != nil }

    /// The unpacked bytes of entry `name` (nil when there is none), handed to `chunk` as they
    /// come (which may throw to stop); its size and CRC-32 are checked when it has been read whole.
    func read(_ name: String, chunk: ([UInt8]) throws(WorkbookProblem) -> Void) throws(WorkbookProblem) -> Bool {
        guard let k = index[name] else { return false }
        guard let file = zip_fopen_index(archive, UInt64(k), 0) else {
            throw WorkbookProblem(
                "cannot unpack \(name): \(lastError()); the workbook is damaged", id: "tidak dapat mengurai \(name): \(lastError()); buku kerja rusak")
        }
        defer { zip_fclose(file) }
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        var total: UInt64 = 0
        while true {
            let got = buf.withUnsafeMutableBytes { b in b.baseAddress.map { zip_fread(file, $0, UInt64(b.count)) } ?? -1 }
            if got < 0 {
                let why = String(cString: zip_error_strerror(zip_file_get_error(file)))
                throw WorkbookProblem("cannot unpack \(name): \(why); the workbook is damaged", id: "tidak dapat mengurai \(name): \(why); buku kerja rusak")
            }
            if got == 0 { break }
            total += UInt64(got)
            try chunk(Array(buf[0..<Int(got)]))
        }
        // libzip compares the CRC-32 at the end; the size is compared here as well.
        if total != entries[k].size {
            throw WorkbookProblem(
                "cannot unpack \(name): it holds \(total) bytes where the archive says \(entries[k].size); the workbook is damaged",
                id: "tidak dapat mengurai \(name): isinya \(total) bita padahal arsip menyebut \(entries[k].size); buku kerja rusak")
        }
        return true
    }

    /// The whole of entry `name` (for tests and small parts).
    func bytes(_ name: String) throws(WorkbookProblem) -> [UInt8]? {
        var out: [UInt8] = []
        return try read(name) { (c: [UInt8]) throws(WorkbookProblem) in out += c } ? out : nil
    }

    private func lastError() -> String { String(cString: zip_error_strerror(zip_get_error(archive))) }
}
