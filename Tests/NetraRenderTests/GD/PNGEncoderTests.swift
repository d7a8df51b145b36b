import Testing
import NetraTestSupport
@testable import NetraRender

@Suite struct PNGEncoderTests {
    /// The fenced fast paths (GD/FastPaths/PNGEncoder+Repeats.swift, Adler32+Lanes.swift)
    /// against the plain filter and zlib's own checksum: the same bytes for images whose rows
    /// repeat, differ in one pixel, differ only in the alpha byte libgd keeps (ignored by the
    /// PNG), or are all different; one row, one column; batches of rows past 4 KiB (the lanes' chunk).
    @Test func skippingRepeatedRowsGivesThePlainBytes() {
        var random = SeededGenerator(seed: 0x2545F4914F6CDD1D)
        var repeated = 0
        for (width, height) in [(1, 1), (1, 9), (7, 1), (31, 40), (1600, 12)] {
            for pattern in 0..<4 {
                var rows: [[Int32]] = []
                for y in 0..<height {
                    if y > 0 && random.below(3) > 0 {
                        var row = rows[y - 1]
                        switch pattern {
                        case 1: row[random.below(width)] = Int32(random.below(0x1000000))  // one pixel differs
                        case 2: row[random.below(width)] |= 0x7F00_0000  // only the alpha byte differs
                        case 3: row = (0..<width).map { _ in Int32(random.below(0x1000000)) }
                        default: repeated += 1  // the same row again
                        }
                        rows.append(row)
                    } else {
                        rows.append((0..<width).map { _ in Int32(random.below(0x1000000)) })
                    }
                }
                let pixels = rows.flatMap { $0 }
                let (fast, plain) = pixels.withUnsafeBufferPointer { buf -> ([UInt8]?, [UInt8]?) in
                    guard let base = buf.baseAddress else { return (nil, nil) }
                    return (
                        PNGEncoder.encode(width: width, height: height) { base + $0 * width },
                        PNGEncoder.encode(width: width, height: height, skippingRepeats: false, checksumByLanes: false) { base + $0 * width }
                    )
                }
                #expect(fast != nil)
                #expect(fast == plain, "\(width)×\(height), pattern \(pattern)")
            }
        }
        #expect(repeated > 10, "the images repeat rows")
    }

    /// `Adler32.lanes` against zlib's `adler32`: lengths around the 32-byte block and the
    /// 4 KiB chunk, bytes all 0xFF (the greatest sums) or random, from any running value,
    /// and carried on over parts.
    @Test func adlerByLanesIsZlibs() {
        var random = SeededGenerator(seed: 0x9E37_79B9_7F4A_7C15)
        var lengths = [0, 1, 2, 31, 32, 33, 63, 64, 65, 4_095, 4_096, 4_097, 4_127, 4_128, 5_552, 32_767, 32_768, 32_769, 32_800, 65_536 + 95, 1 << 20]
        for _ in 0..<40 { lengths.append(random.below(100_000)) }
        for (k, n) in lengths.enumerated() {
            let bytes = (0..<n).map { _ in k % 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: random.below(256)) }
            // A running value zlib could have left: both halves under 65521.
            let start = k % 2 == 0 ? 1 : UInt32(random.below(65_521)) << 16 | UInt32(random.below(65_521))
            bytes.withUnsafeBufferPointer { all in
                #expect(Adler32.lanes(start, all) == Adler32.zlib(start, all), "\(n) bytes from \(start)")
                let cut = n == 0 ? 0 : random.below(n)
                let parts = Adler32.lanes(Adler32.lanes(start, UnsafeBufferPointer(rebasing: all[..<cut])), UnsafeBufferPointer(rebasing: all[cut...]))
                #expect(parts == Adler32.zlib(start, all), "\(n) bytes cut at \(cut)")
            }
        }
        // Not a constant: zlib's value of a known input.
        let abc = Array("abc".utf8)
        #expect(abc.withUnsafeBufferPointer { Adler32.lanes(1, $0) } == 0x024D_0127)
    }
}
