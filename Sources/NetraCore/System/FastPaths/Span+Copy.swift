// Speed code, fenced: a span's bytes appended to an array, or to room made in one (an
// OutputSpan), in one copy, through the buffers' pointers, which live only for the calls that
// lend them. `SpanCopy.byteByByte` is the same append without them (NetraWrite's
// `append(span:by:)` and `OutputSpan.append(span:by:)`); `SpanCopyTests` holds the two to the
// same bytes. The CSV writer and `IDOrder.copy` use them.

extension [UInt8] {
    /// Appends the bytes of `u` in one copy (`append(span:by: .whole)`).
    @inline(__always)
    package mutating func appendWhole(_ u: Span<UInt8>) {
        append(addingCapacity: u.count) { $0.appendWhole(u) }
    }
}

extension OutputSpan<UInt8> {
    /// Appends the bytes of `u` in one copy; there must be room for them.
    @inline(__always)
    package mutating func appendWhole(_ u: Span<UInt8>) {
        withUnsafeMutableBufferPointer { buffer, initialized in
            u.withUnsafeBufferPointer { source in
                precondition(buffer.count - initialized >= source.count, "room made for the whole span")
                let tail = UnsafeMutableBufferPointer(rebasing: buffer[initialized...])
                _ = tail.initialize(fromContentsOf: source)
                initialized += source.count
            }
        }
    }
}
