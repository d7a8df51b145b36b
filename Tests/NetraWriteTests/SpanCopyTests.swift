import Testing
import NetraTestSupport
@testable import NetraWrite

/// A span appended in one copy (NetraCore/System/FastPaths/Span+Copy.swift), to an array or into
/// room made in one, gives the bytes the plain byte-by-byte append gives, onto empty and filled
/// arrays, for empty, short and long spans, from the start, the middle and the end of their array.
@Suite struct SpanCopyTests {
    @Test func oneCopyAppendsWhatByteByByteAppends() {
        var generator = SeededGenerator(seed: 71)
        for _ in 0..<300 {
            let source = (0..<Int.random(in: 0...5_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let lo = Int.random(in: 0...source.count, using: &generator), hi = Int.random(in: lo...source.count, using: &generator)
            let prefix = (0..<Int.random(in: 0...64, using: &generator)).map { UInt8(truncatingIfNeeded: $0) }
            var whole = prefix, plain = prefix
            whole.reserveCapacity(Int.random(in: 0...100, using: &generator))
            whole.append(span: source.span.extracting(lo..<hi), by: .whole)
            plain.append(span: source.span.extracting(lo..<hi), by: .byteByByte)
            #expect(whole == plain)
            #expect(whole == prefix + source[lo..<hi])
            // Into room made for them (an OutputSpan, as a CSV row is written), with room to spare.
            var room = prefix, roomPlain = prefix
            let spare = Int.random(in: 0...16, using: &generator)
            room.append(addingCapacity: hi - lo + spare) { $0.append(span: source.span.extracting(lo..<hi), by: .whole) }
            roomPlain.append(addingCapacity: hi - lo + spare) { $0.append(span: source.span.extracting(lo..<hi), by: .byteByByte) }
            #expect(room == roomPlain)
            #expect(room == whole)
        }
    }
}
