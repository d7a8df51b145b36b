import CGD

/// A PNG writer for opaque true-colour images: every row filtered with `Up`, then deflated by
/// zlib at its fastest level.
///
/// libgd hands its rows to libpng, which tries all five filters on every row and keeps the
/// best; for flat chart colours that search cost more than the compression itself (about half
/// of a simple chart's time). `Up` turns the large areas that repeat the row above into runs
/// of zeros, which is most of what the search found. The bytes are a standard PNG (8-bit RGB,
/// no interlace), read back by libgd like any other, and the same pixels always give the
/// same bytes.
enum PNGEncoder {
    /// The PNG file of `width` × `height` pixels; `row(y)` gives row `y` as libgd's true-colour
    /// ints (`0x7FRRGGBB`, alpha ignored: the image is opaque).
    static func encode(width: Int, height: Int, row: (Int) -> UnsafePointer<Int32>) -> [UInt8]? {
        let stride = width * 3
        // Filtered scanlines: a filter byte (2, Up) then each pixel's bytes minus those above.
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        raw.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            var prev: UnsafePointer<Int32>?
            for y in 0..<height {
                let line = base + y * (stride + 1)
                line[0] = 2
                let px = row(y)
                var o = 1
                if let up = prev {
                    for x in 0..<width {
                        let c = UInt32(bitPattern: px[x]), u = UInt32(bitPattern: up[x])
                        // The buffer starts zeroed: a pixel like the one above needs nothing.
                        if c == u { o += 3; continue }
                        line[o] = UInt8(truncatingIfNeeded: c >> 16) &- UInt8(truncatingIfNeeded: u >> 16)
                        line[o + 1] = UInt8(truncatingIfNeeded: c >> 8) &- UInt8(truncatingIfNeeded: u >> 8)
                        line[o + 2] = UInt8(truncatingIfNeeded: c) &- UInt8(truncatingIfNeeded: u)
                        o += 3
                    }
                } else {
                    for x in 0..<width {
                        let c = UInt32(bitPattern: px[x])
                        line[o] = UInt8(truncatingIfNeeded: c >> 16)
                        line[o + 1] = UInt8(truncatingIfNeeded: c >> 8)
                        line[o + 2] = UInt8(truncatingIfNeeded: c)
                        o += 3
                    }
                }
                prev = px
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]                       // 8 bits, RGB, deflate, adaptive filters, no interlace
        png.appendChunk("IHDR", header)
        var phys: [UInt8] = []                          // 96 dpi, as libgd writes
        phys.appendBigEndian(3780)
        phys.appendBigEndian(3780)
        phys.append(1)
        png.appendChunk("pHYs", phys)
        guard let deflated = ZlibStream.compress(raw) else { return nil }
        png.appendChunk("IDAT", deflated)
        png.appendChunk("IEND", [])
        return png
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }

    /// Length, type, data and the CRC of type and data.
    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let start = count
        append(contentsOf: Array(type.utf8))
        append(contentsOf: data)
        let crc = self.withUnsafeBufferPointer { CRC32.checksum(UnsafeBufferPointer(rebasing: $0[start...])) }
        appendBigEndian(crc)
    }
}

/// CRC-32 as PNG chunks use it, from zlib.
enum CRC32 {
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32(0, bytes.baseAddress, uInt(bytes.count)))
    }
}

/// A zlib stream made by zlib itself at its fastest level: the Up-filtered rows of a chart are
/// mostly zeros, which it packs nearly as well as at any other.
enum ZlibStream {
    /// nil only when zlib runs out of memory.
    static func compress(_ data: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), Z_BEST_SPEED) }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(size)...)
        return out
    }
}
