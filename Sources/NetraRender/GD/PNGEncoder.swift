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
    /// With `skippingRepeats`, a row equal to the one above is written as zeros without
    /// reading its pixels (FastPaths/PNGEncoder+Repeats.swift); the bytes are the same.
    /// With `checksumByLanes`, the stream's checksum is summed by lanes (see `ZlibStream`).
    static func encode(
        width: Int, height: Int, skippingRepeats: Bool = true, checksumByLanes: Bool = true, row: (Int) -> UnsafePointer<Int32>
    ) -> [UInt8]? {
        let stride = width * 3
        // Filtered scanlines, a batch of rows at a time into zlib: a filter byte (2, Up) then
        // each pixel's bytes minus those above. No buffer the size of the image is made.
        let batch = 32
        var rows = [UInt8](repeating: 0, count: (stride + 1) * batch)
        let stream = ZlibStream(checksumByLanes: checksumByLanes)
        guard stream.ready else { return nil }
        var prev: UnsafePointer<Int32>?
        var y = 0
        while y < height {
            let count = min(batch, height - y)
            rows.withUnsafeMutableBufferPointer { out in
                guard let base = out.baseAddress else { return }
                for r in 0..<count {
                    let line = base + r * (stride + 1)
                    line[0] = 2
                    let px = row(y + r)
                    if skippingRepeats {
                        upFilterSkippingRepeats(line + 1, px, prev, width: width)
                    } else {
                        upFilter(line + 1, px, prev, width: width)
                    }
                    prev = px
                }
            }
            y += count
            let filled = count * (stride + 1)
            guard rows.withUnsafeBufferPointer({ stream.add(UnsafeBufferPointer(rebasing: $0[..<filled]), last: y == height) }) else { return nil }
        }
        guard let deflated = stream.finish() else { return nil }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filters, no interlace
        png.appendChunk("IHDR", header)
        var phys: [UInt8] = []  // 96 dpi, as libgd writes
        phys.appendBigEndian(3780)
        phys.appendBigEndian(3780)
        phys.append(1)
        png.appendChunk("pHYs", phys)
        png.appendChunk("IDAT", deflated)
        png.appendChunk("IEND", [])
        return png
    }
}

extension PNGEncoder {
    /// Row `px` Up-filtered into `line` (3 bytes a pixel): each byte minus the one above, or
    /// itself in the first row (`up` nil).
    static func upFilter(_ line: UnsafeMutablePointer<UInt8>, _ px: UnsafePointer<Int32>, _ up: UnsafePointer<Int32>?, width: Int) {
        var o = 0
        if let up {
            for x in 0..<width {
                let c = UInt32(bitPattern: px[x]), u = UInt32(bitPattern: up[x])
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

/// The Adler-32 checksum that ends a zlib stream.
enum Adler32 {
    /// Its modulus, the largest prime under 2^16.
    static let base: UInt64 = 65521

    /// The checksum `a` carried on over `bytes`, as zlib sums it (start from 1).
    static func zlib(_ a: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(truncatingIfNeeded: adler32(uLong(a), bytes.baseAddress, uInt(bytes.count)))
    }
}

/// A zlib stream made by zlib at its fastest level, fed a part at a time: the Up-filtered rows
/// of a chart are mostly zeros, which it packs nearly as well as at any other level. The
/// `z_stream` lives at one address (zlib checks that it does not move).
///
/// With `checksumByLanes`, zlib deflates without its wrapper and the stream's header and
/// checksum are written here, the checksum by `Adler32.lanes` (FastPaths/Adler32+Lanes.swift):
/// the same bytes as zlib's own wrapper, whose deflated data does not depend on it.
final class ZlibStream {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var out: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)
    /// False when zlib could not start (out of memory).
    let ready: Bool
    /// The checksum so far when it is summed here; nil when zlib sums it.
    private var adler: UInt32?

    init(checksumByLanes: Bool = true) {
        stream.initialize(to: z_stream())
        let size = Int32(MemoryLayout<z_stream>.size)
        if checksumByLanes {
            // The header zlib writes at level 1 with a 32 KiB window (window bits 15, memory
            // level 8: deflateInit's defaults); negative window bits leave it and the checksum out.
            ready = deflateInit2_(stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, size) == Z_OK
            out = [0x78, 0x01]
            adler = 1
        } else {
            ready = deflateInit_(stream, Z_BEST_SPEED, ZLIB_VERSION, size) == Z_OK
        }
    }

    deinit {
        if ready { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Deflates `input`; with `last`, finishes the stream. False when zlib fails.
    func add(_ input: UnsafeBufferPointer<UInt8>, last: Bool) -> Bool {
        guard ready else { return false }
        if let a = adler { adler = Adler32.lanes(a, input) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = uInt(input.count)
        let flush = last ? Z_FINISH : Z_NO_FLUSH
        while true {
            let (status, produced) = chunk.withUnsafeMutableBufferPointer { c -> (Int32, Int) in
                stream.pointee.next_out = c.baseAddress
                stream.pointee.avail_out = uInt(c.count)
                let status = deflate(stream, flush)
                return (status, c.count - Int(stream.pointee.avail_out))
            }
            out.append(contentsOf: chunk[..<produced])
            if status == Z_STREAM_END { return true }
            guard status == Z_OK || status == Z_BUF_ERROR else { return false }
            // Not the end: zlib has taken all the input and had room to spare for its output.
            if !last && stream.pointee.avail_in == 0 && produced < chunk.count { return true }
        }
    }

    /// The whole stream, once `add(_:last: true)` has succeeded (asked once: it adds the checksum).
    func finish() -> [UInt8]? {
        guard ready else { return nil }
        if let adler { out.appendBigEndian(adler) }
        return out
    }
}
