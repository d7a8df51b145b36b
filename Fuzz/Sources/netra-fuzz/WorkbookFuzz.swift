#if canImport(Glibc)
import Glibc
#endif
import NetraCore
import NetraLoad
import NetraWorkbook

// The workbook target (NETRA_FUZZ=xlsx, `make fuzz-xlsx`): each input is a dataset.xlsx, put
// in a folder of its own under /dev/shm and loaded as `netra validate` loads it, through every
// check of a dataset. An input is read twice: as it is, and with every stored (uncompressed)
// part's CRC-32 made right again, so that mutations inside the XML get past the checksum
// (which refuses them, rightly, in the first read) to the parser and the loader.
//
// Promises checked besides "no crash, no hang, no runaway memory": a refused dataset names
// at least one problem, each at a place (the workbook, a sheet's cell within Excel's grid,
// or a CSV's line and column) with a message; a loaded one is whole (NetraFuzz.checkDataset).
enum WorkbookFuzz {
    static let folder: String = {
        let dir = "/dev/shm/netra-fuzz-xlsx-\(getpid())"
        mkdir(dir, 0o700)
        return dir
    }()

    static func run(_ input: [UInt8]) {
        load(input)
        let fixed = fixingStoredCRCs(input)
        if fixed != input { load(fixed) }
    }

    static func load(_ bytes: [UInt8]) {
        let path = folder + "/dataset.xlsx"
        guard let f = fopen(path, "wb") else { NetraFuzz.fail("cannot write \(path)") }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        // Every sheet on its own too, the loader reading only the dataset's.
        if let w = try? WorkbookFile(bytes: bytes) {
            for k in w.sheetNames.indices {
                if let g = try? w.sheet(k) {
                    NetraFuzz.check(g.problems.count <= SheetGrid.shownProblems + 1, "\(g.problems.count) problems kept")
                    for r in g.rows { NetraFuzz.check(r.number >= 1 && r.number <= 1_048_576, "row \(r.number)") }
                }
            }
        }
        do {
            let d = try DatasetLoader.load(directory: folder)
            NetraFuzz.checkDataset(d)
        } catch {
            NetraFuzz.check(!error.diagnostics.isEmpty, "a refused workbook names no problem")
            for d in error.diagnostics {
                NetraFuzz.check(d.file.hasPrefix(folder + "/"), "diagnostic for an unknown file: \(d)")
                NetraFuzz.check(!d.message.isEmpty, "empty message: \(d)")
                if d.sheet != nil {
                    NetraFuzz.check((1...1_048_576).contains(d.line) && (1...16_384).contains(d.column), "cell out of the grid: \(d)")
                } else {
                    NetraFuzz.check(d.line >= 1 && d.column >= 1, "place out of range: \(d)")
                }
            }
        }
    }

    /// `zip` with the CRC-32 of each stored part, in its local header and in the central
    /// directory, computed from the bytes the local header's sizes span.
    static func fixingStoredCRCs(_ zip: [UInt8]) -> [UInt8] {
        var b = zip
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func put32(_ i: Int, _ v: UInt32) { for k in 0..<4 { b[i + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) } }
        var crcAt: [Int: UInt32] = [:]  // local header offset -> CRC of its data
        var i = 0
        while i + 30 <= b.count {
            guard b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 3, b[i + 3] == 4 else { i += 1; continue }
            let method = u16(i + 8), size = u32(i + 18), start = i + 30 + u16(i + 26) + u16(i + 28)
            if method == 0, start <= b.count, size <= b.count - start {
                let crc = crc32(b[start..<start + size])
                put32(i + 14, crc)
                crcAt[i] = crc
            }
            i += 4
        }
        i = 0
        while i + 46 <= b.count {
            guard b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 1, b[i + 3] == 2 else { i += 1; continue }
            if let crc = crcAt[u32(i + 42)] { put32(i + 16, crc) }
            i += 4
        }
        return b
    }

    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for x in bytes { c = table[Int((c ^ UInt32(x)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
