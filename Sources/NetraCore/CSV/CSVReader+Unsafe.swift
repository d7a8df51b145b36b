// Speed code, fenced: the reader's scans eight bytes at a time, through a raw pointer.
// `CSVReader.Scan.eightBytes` chooses it; `.byteByByte` is the same scan without it, and
// `CSVReaderTests` and the fuzzer hold the two to the same records and problems.

/// Eight bytes at a time.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// 0x80 in exactly the bytes of `x` that are zero.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }
}

/// Passes over whole words of bytes that do not matter. Valid only inside the
/// `withUnsafeBufferPointer` of `withEightBytes`, which is the only place that makes one.
struct EightBytes: ByteSkipper {
    private let raw: UnsafeRawPointer?
    private let count: Int
    private let quotes = SWAR.ones &* 0x22, lfs = SWAR.ones &* 0x0A, crs = SWAR.ones &* 0x0D
    private let delimiters: UInt64

    fileprivate init(_ b: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        // An empty array may have no storage; then there is nothing to pass over.
        raw = b.baseAddress.map(UnsafeRawPointer.init)
        count = b.baseAddress == nil ? 0 : b.count
        delimiters = SWAR.ones &* UInt64(delimiter)
    }

    /// The word at `i`: the caller has checked that it lies inside the buffer.
    @inline(__always)
    private func word(_ raw: UnsafeRawPointer, _ i: Int) -> UInt64 {
        assert(i >= 0 && i + 8 <= count, "a whole word inside the buffer")
        return raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    }

    /// The first byte from `i` that `stops` marks (the 0x80 bit of its byte in the mask it
    /// makes of a word), or the start of the last whole word's step before `n`. Marking exact
    /// bytes, not words, lets the reader land on the byte that matters, not look at each byte
    /// of its word again.
    @inline(__always)
    private func skipWords(from i: Int, to n: Int, stops: (UInt64) -> UInt64) -> Int {
        assert(i >= 0 && n <= count, "the scan stays in the buffer")
        // Clamped as well: a wrong `n` must not read past the storage in a release build.
        guard let raw, i >= 0 else { return i }
        let n = min(n, count)
        var i = i
        while i + 8 <= n {
            let marked = stops(word(raw, i))
            if marked != 0 {
                // The word's first byte is its lowest on a little-endian machine.
                #if _endian(little)
                return i + marked.trailingZeroBitCount >> 3
                #else
                return i
                #endif
            }
            i += 8
        }
        return i
    }

    @inline(__always)
    func quotedText(from i: Int, to n: Int) -> Int {
        skipWords(from: i, to: n) { w in SWAR.zeroBytes(w ^ quotes) | SWAR.zeroBytes(w ^ lfs) | SWAR.zeroBytes(w ^ crs) }
    }

    @inline(__always)
    func unquotedText(from i: Int, to n: Int) -> Int {
        skipWords(from: i, to: n) { w in
            SWAR.zeroBytes(w ^ delimiters) | SWAR.zeroBytes(w ^ quotes) | SWAR.zeroBytes(w ^ lfs) | SWAR.zeroBytes(w ^ crs)
        }
    }

    @inline(__always)
    func ascii(from i: Int, to n: Int) -> Int {
        skipWords(from: i, to: n) { w in (w & SWAR.highs) | SWAR.zeroBytes(w) }
    }

    /// Whether `byte` occurs an odd number of times in `from..<to`: each word's matches are
    /// folded into one mask by XOR, whose bits are counted once at the end.
    func occursOddly(_ byte: UInt8, from: Int, to: Int, tail: (Int) -> UInt8) -> Bool {
        assert(from >= 0 && to <= count, "the scan stays in the buffer")
        let pattern = SWAR.ones &* UInt64(byte)
        var i = from, folded: UInt64 = 0, odd = false
        if let raw, from >= 0 {
            let words = min(to, count)
            while i + 8 <= words {
                folded ^= SWAR.zeroBytes(word(raw, i) ^ pattern)
                i += 8
            }
        }
        while i < to { if tail(i) == byte { odd.toggle() }; i += 1 }
        return odd != (folded.nonzeroBitCount % 2 == 1)
    }

    /// How many times `byte` occurs in `from..<to`.
    func count(_ byte: UInt8, from: Int, to: Int, tail: (Int) -> UInt8) -> Int {
        assert(from >= 0 && to <= count, "the count stays in the buffer")
        let pattern = SWAR.ones &* UInt64(byte)
        var i = from, total = 0
        if let raw, from >= 0 {
            let words = min(to, count)
            while i + 8 <= words {
                total += SWAR.zeroBytes(word(raw, i) ^ pattern).nonzeroBitCount
                i += 8
            }
        }
        while i < to { if tail(i) == byte { total += 1 }; i += 1 }
        return total
    }
}

extension CSVReader {
    /// Runs `body` with an eight-byte skipper over `b`'s storage, which lives as long as the call.
    static func withEightBytes<R>(_ b: [UInt8], delimiter: UInt8, _ body: (EightBytes) -> R) -> R {
        b.withUnsafeBufferPointer { body(EightBytes($0, delimiter: delimiter)) }
    }

    /// `occursOddly(_:in:from:to:)`, eight bytes at a time.
    static func occursOddlyEightBytes(_ byte: UInt8, in b: [UInt8], from: Int, to: Int) -> Bool {
        precondition(from >= 0 && to <= b.count, "a range inside the file")
        return withEightBytes(b, delimiter: 0x2C) { $0.occursOddly(byte, from: from, to: to) { b[$0] } }
    }

    /// `count(_:in:from:to:)`, eight bytes at a time.
    static func countEightBytes(_ byte: UInt8, in b: [UInt8], from: Int, to: Int) -> Int {
        precondition(from >= 0 && to <= b.count, "a range inside the file")
        return withEightBytes(b, delimiter: 0x2C) { $0.count(byte, from: from, to: to) { b[$0] } }
    }
}
