import Testing
import NetraTestSupport
@testable import NetraRender

@Suite struct PNGEncoderTests {
    /// The fenced fast path (GD/FastPaths/PNGEncoder+Repeats.swift) against the plain filter:
    /// the same bytes for images whose rows repeat, differ in one pixel, differ only in the
    /// alpha byte libgd keeps (ignored by the PNG), or are all different; one row, one column.
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
                        PNGEncoder.encode(width: width, height: height, skippingRepeats: true) { base + $0 * width },
                        PNGEncoder.encode(width: width, height: height, skippingRepeats: false) { base + $0 * width }
                    )
                }
                #expect(fast != nil)
                #expect(fast == plain, "\(width)×\(height), pattern \(pattern)")
            }
        }
        #expect(repeated > 10, "the images repeat rows")
    }
}
