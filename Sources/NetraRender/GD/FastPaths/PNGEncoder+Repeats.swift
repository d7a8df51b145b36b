#if canImport(Glibc)
import Glibc
#endif

// Speed code, fenced: a chart repeats most of its pixels from the row above (its background,
// the inside of its bars), and such a pixel is three zeros once Up-filtered. A row equal to the
// one above is told by one `memcmp` and written by one fill; in other rows, four pixels at a time
// that equal those above are told by two 8-byte compares and written as twelve zeros, instead of
// three bytes worked out per pixel (the filter was a tenth of a small report's instructions).
// `PNGEncoder.upFilter` is the plain path; `PNGEncoderTests` holds the two to the same bytes.

extension PNGEncoder {
    /// `upFilter`'s bytes, what repeats the row above told in blocks.
    static func upFilterSkippingRepeats(_ line: UnsafeMutablePointer<UInt8>, _ px: UnsafePointer<Int32>, _ up: UnsafePointer<Int32>?, width: Int) {
        guard let up else { return upFilter(line, px, nil, width: width) }
        if memcmp(px, up, width * MemoryLayout<Int32>.stride) == 0 {
            line.update(repeating: 0, count: width * 3)
            return
        }
        let now = UnsafeRawPointer(px), above = UnsafeRawPointer(up)
        var x = 0
        while x + 4 <= width {
            let at = x * 4
            if now.loadUnaligned(fromByteOffset: at, as: UInt64.self) == above.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                && now.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self) == above.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)
            {
                (line + x * 3).update(repeating: 0, count: 12)
            } else {
                upFilter(line + x * 3, px + x, up + x, width: 4)
            }
            x += 4
        }
        if x < width { upFilter(line + x * 3, px + x, up + x, width: width - x) }
    }
}
