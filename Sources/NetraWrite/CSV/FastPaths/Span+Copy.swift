// Speed code, fenced: a span's bytes appended to an array in one copy, through the two
// buffers' pointers, which live only for the calls that lend them. `SpanCopy.byteByByte` is
// the same append without them; `SpanCopyTests` holds the two to the same bytes.

extension [UInt8] {
    /// `append(span:by: .whole)`.
    @inline(__always)
    mutating func appendWhole(_ u: Span<UInt8>) {
        append(addingCapacity: u.count) { out in
            out.withUnsafeMutableBufferPointer { buffer, initialized in
                u.withUnsafeBufferPointer { source in
                    precondition(buffer.count - initialized >= source.count, "room made for the whole span")
                    let tail = UnsafeMutableBufferPointer(rebasing: buffer[initialized...])
                    _ = tail.initialize(fromContentsOf: source)
                    initialized += source.count
                }
            }
        }
    }
}
