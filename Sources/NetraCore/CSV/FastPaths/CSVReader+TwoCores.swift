extension CSVReader {
    /// `firstInvalidUTF8`, the two halves of the file checked on two cores: the same answer.
    /// The cut is moved to a byte that starts a character (not `10xxxxxx`); then no valid
    /// character spans it, and a sequence broken by it is broken in the whole file too, at
    /// the same byte, so the first bad byte is the first half's, else the second's.
    /// `cut` is for tests, which try every one. `CSVReaderTests` holds it to the plain scan.
    public static func firstInvalidUTF8OnTwoCores(_ b: [UInt8], scan: Scan = .byteByByte, cut: Int? = nil) -> (
        line: Int, column: Int, byte: UInt8
    )? {
        var middle = min(max(cut ?? b.count / 2, 0), b.count)
        // A character is at most four bytes: past three continuation bytes the file is bad
        // there anyway, and the cut stays where it is (the first half then finds it).
        var steps = 0
        while middle < b.count, steps < 3, b[middle] & 0xC0 == 0x80 { middle += 1; steps += 1 }
        let m = middle
        let (first, second) = Parallel.both(
            { firstInvalidUTF8Offset(b, scan: scan, in: 0..<m) },
            { firstInvalidUTF8Offset(b, scan: scan, in: m..<b.count) })
        return placeInvalidUTF8(b, at: first ?? second)
    }
}
