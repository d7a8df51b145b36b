/// A PNG writer for opaque true-colour images: every row filtered with `Up`, then deflated
/// with one probe per position and a Huffman code built per block.
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
    static func encode(width: Int, height: Int, row: (Int) -> UnsafePointer<Int32>) -> [UInt8] {
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
        png.appendChunk("IDAT", ZlibStream.compress(raw))
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

/// CRC-32 as PNG chunks use it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}

/// A zlib stream (RFC 1950) around deflate blocks with dynamic Huffman codes (RFC 1951).
enum ZlibStream {
    static func compress(_ data: [UInt8]) -> [UInt8] {
        var w = BitWriter()
        w.out.reserveCapacity(data.count / 16 + 1024)
        w.out += [0x78, 0x01]                           // 32K window, fastest-level hint
        data.withUnsafeBufferPointer { Deflate.run($0, into: &w) }
        w.flush()
        w.out.appendBigEndian(adler32(data))
        return w.out
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        data.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i < n {
                // At most 5552 bytes before b could overflow (zlib's NMAX); a multiple of 8.
                let end = Swift.min(n, i + 5544)
                while i + 8 <= end {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word == 0 {
                        // Zeros (most of an Up-filtered chart) only carry b forward.
                        b &+= 8 &* a
                    } else {
                        for k in 0..<8 {
                            a &+= UInt32(truncatingIfNeeded: word >> UInt64(8 * k)) & 0xFF
                            b &+= a
                        }
                    }
                    i += 8
                }
                while i < end { a &+= UInt32(raw[i]); b &+= a; i += 1 }
                a %= 65521; b %= 65521
            }
        }
        return b << 16 | a
    }
}

/// Bits written least significant first, as deflate packs them.
struct BitWriter {
    var out: [UInt8] = []
    var bits: UInt64 = 0
    var count = 0

    mutating func put(_ value: UInt32, _ n: Int) {
        bits |= UInt64(value) << UInt64(count)
        count += n
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
            count -= 8
        }
    }

    mutating func flush() {
        if count > 0 { out.append(UInt8(truncatingIfNeeded: bits)) }
        bits = 0; count = 0
    }
}

/// Greedy LZ77 with one hash probe per position (like zlib's fastest level), emitted in blocks
/// of at most `blockTokens` symbols, each with its own Huffman codes.
enum Deflate {
    static let blockTokens = 1 << 16
    static let window = 32_768
    static let hashBits = 15

    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                  4097, 6145, 8193, 12289, 16385, 24577]
    static let distExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// Length 3…258 to its code's index (0…28).
    static let lengthCode: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 259)
        for c in 0..<29 {
            let hi = c == 28 ? 258 : (c + 1 < 29 ? lengthBase[c + 1] - 1 : 258)
            for l in lengthBase[c]...Swift.min(hi, 258) { t[l] = UInt8(c) }
        }
        t[258] = 28
        return t
    }()

    static func distCode(_ d: Int) -> Int {
        // Binary search over 30 bases.
        var lo = 0, hi = 29
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if distBase[mid] <= d { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    static func run(_ p: UnsafeBufferPointer<UInt8>, into w: inout BitWriter) {
        let n = p.count
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        // A token is a literal (< 256) or a match: 1 << 31 | length << 16 | distance.
        var tokens: [UInt32] = []
        tokens.reserveCapacity(blockTokens)
        var i = 0
        let raw = UnsafeRawBufferPointer(p)
        head.withUnsafeMutableBufferPointer { head in
            @inline(__always) func hash(_ at: Int) -> Int {
                let v = UInt32(p[at]) | UInt32(p[at + 1]) << 8 | UInt32(p[at + 2]) << 16
                return Int((v &* 2_654_435_761) >> UInt32(32 - hashBits))
            }
            while i < n {
                var matched = false
                if i + 3 <= n {
                    let h = hash(i)
                    let cand = Int(head[h])
                    head[h] = Int32(i)
                    if cand >= 0, i - cand <= window, p[cand] == p[i], p[cand + 1] == p[i + 1], p[cand + 2] == p[i + 2] {
                        let limit = Swift.min(258, n - i)
                        var len = 3
                        // Eight bytes at a time while they agree, then byte by byte.
                        while len + 8 <= limit {
                            let x = raw.loadUnaligned(fromByteOffset: cand + len, as: UInt64.self)
                                ^ raw.loadUnaligned(fromByteOffset: i + len, as: UInt64.self)
                            if x != 0 { len += x.trailingZeroBitCount / 8; break }
                            len += 8
                        }
                        while len < limit && p[cand + len] == p[i + len] { len += 1 }
                        tokens.append(1 << 31 | UInt32(len) << 16 | UInt32(i - cand))
                        // Short matches also index their inner positions; long ones only their
                        // last, so that a run goes on at distance 1 (cheapest to code).
                        if len <= 8 {
                            var k = i + 1
                            while k < i + len && k + 3 <= n { head[hash(k)] = Int32(k); k += 1 }
                        } else if i + len + 2 <= n {
                            head[hash(i + len - 1)] = Int32(i + len - 1)
                        }
                        i += len
                        matched = true
                    }
                }
                if !matched { tokens.append(UInt32(p[i])); i += 1 }
                if tokens.count >= blockTokens {
                    writeBlock(tokens, last: false, into: &w)
                    tokens.removeAll(keepingCapacity: true)
                }
            }
        }
        writeBlock(tokens, last: true, into: &w)
    }

    /// Codes for the code-length alphabet are sent in this order.
    static let clOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func writeBlock(_ tokens: [UInt32], last: Bool, into w: inout BitWriter) {
        var litFreq = [Int](repeating: 0, count: 286), distFreq = [Int](repeating: 0, count: 30)
        for t in tokens {
            if t & (1 << 31) == 0 {
                litFreq[Int(t)] += 1
            } else {
                litFreq[257 + Int(lengthCode[Int((t >> 16) & 0x1FF)])] += 1
                distFreq[distCode(Int(t & 0xFFFF))] += 1
            }
        }
        litFreq[256] = 1
        let litLen = Huffman.lengths(litFreq, limit: 15)
        let distLen = Huffman.lengths(distFreq, limit: 15)
        let litCodes = Huffman.codes(litLen), distCodes = Huffman.codes(distLen)
        var hlit = 286
        while hlit > 257 && litLen[hlit - 1] == 0 { hlit -= 1 }
        var hdist = 30
        while hdist > 1 && distLen[hdist - 1] == 0 { hdist -= 1 }

        // The two code lengths, run-length coded with 16 (repeat), 17 and 18 (zeros).
        let all = Array(litLen[0..<hlit]) + Array(distLen[0..<hdist])
        var cl: [(sym: Int, extra: UInt32, bits: Int)] = []
        var k = 0
        while k < all.count {
            let v = all[k]
            var run = 1
            while k + run < all.count && all[k + run] == v { run += 1 }
            if v == 0 && run >= 3 {
                let r = Swift.min(run, 138)
                cl.append(r >= 11 ? (18, UInt32(r - 11), 7) : (17, UInt32(r - 3), 3))
                k += r
            } else if v != 0 && run >= 4 {
                cl.append((v, 0, 0))
                let r = Swift.min(run - 1, 6)
                cl.append((16, UInt32(r - 3), 2))
                k += 1 + r
            } else {
                cl.append((v, 0, 0))
                k += 1
            }
        }
        var clFreq = [Int](repeating: 0, count: 19)
        for c in cl { clFreq[c.sym] += 1 }
        let clLen = Huffman.lengths(clFreq, limit: 7)
        let clCodes = Huffman.codes(clLen)
        var hclen = 19
        while hclen > 4 && clLen[clOrder[hclen - 1]] == 0 { hclen -= 1 }

        w.put(last ? 1 : 0, 1)
        w.put(2, 2)                                     // dynamic Huffman codes
        w.put(UInt32(hlit - 257), 5)
        w.put(UInt32(hdist - 1), 5)
        w.put(UInt32(hclen - 4), 4)
        for j in 0..<hclen { w.put(UInt32(clLen[clOrder[j]]), 3) }
        for c in cl {
            w.put(clCodes[c.sym], clLen[c.sym])
            if c.bits > 0 { w.put(c.extra, c.bits) }
        }
        for t in tokens {
            if t & (1 << 31) == 0 {
                w.put(litCodes[Int(t)], litLen[Int(t)])
            } else {
                let len = Int((t >> 16) & 0x1FF), dist = Int(t & 0xFFFF)
                let lc = Int(lengthCode[len])
                w.put(litCodes[257 + lc], litLen[257 + lc])
                if lengthExtra[lc] > 0 { w.put(UInt32(len - lengthBase[lc]), lengthExtra[lc]) }
                let dc = distCode(dist)
                w.put(distCodes[dc], distLen[dc])
                if distExtra[dc] > 0 { w.put(UInt32(dist - distBase[dc]), distExtra[dc]) }
            }
        }
        w.put(litCodes[256], litLen[256])
    }
}

/// Length-limited Huffman codes, canonical as deflate wants them.
enum Huffman {
    /// Code lengths for `freq`; at least two symbols get a code so the code is complete.
    static func lengths(_ freq: [Int], limit: Int) -> [Int] {
        var f = freq
        let used = f.indices.filter { f[$0] > 0 }
        if used.count < 2 {
            for s in 0..<Swift.min(2, f.count) where f[s] == 0 && f.filter({ $0 > 0 }).count < 2 { f[s] = 1 }
        }
        while true {
            let lens = unlimited(f)
            if (lens.max() ?? 0) <= limit { return lens }
            // Too deep: flatten the frequencies and build again.
            for s in f.indices where f[s] > 0 { f[s] = Swift.max(1, f[s] >> 1) }
        }
    }

    /// Plain Huffman code lengths by repeatedly joining the two lightest trees.
    static func unlimited(_ f: [Int]) -> [Int] {
        var lens = [Int](repeating: 0, count: f.count)
        // Nodes: leaves first, then joins; parent links give each leaf's depth.
        var weight: [Int] = [], parent: [Int] = []
        var leafOf: [Int] = []
        for (s, x) in f.enumerated() where x > 0 { weight.append(x); parent.append(-1); leafOf.append(s) }
        let leaves = weight.count
        // Ties broken by node index, so the same input always gives the same code.
        var queue = Array(0..<leaves).sorted { (weight[$0], $0) < (weight[$1], $1) }
        var joined: [Int] = []
        var qi = 0, ji = 0
        func takeLightest() -> Int {
            if qi < queue.count && (ji >= joined.count || weight[queue[qi]] <= weight[joined[ji]]) { qi += 1; return queue[qi - 1] }
            ji += 1
            return joined[ji - 1]
        }
        while (queue.count - qi) + (joined.count - ji) > 1 {
            let a = takeLightest(), b = takeLightest()
            weight.append(weight[a] + weight[b]); parent.append(-1)
            let node = weight.count - 1
            parent[a] = node; parent[b] = node
            joined.append(node)
        }
        queue.removeAll()
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 1, through: 0, by: -1) where parent[node] >= 0 { depth[node] = depth[parent[node]] + 1 }
        for l in 0..<leaves { lens[leafOf[l]] = depth[l] }
        return lens
    }

    /// Canonical codes for `lengths`, bit-reversed for writing least significant bit first.
    static func codes(_ lengths: [Int]) -> [UInt32] {
        let maxLen = lengths.max() ?? 0
        var count = [Int](repeating: 0, count: maxLen + 2)
        for l in lengths where l > 0 { count[l] += 1 }
        var next = [Int](repeating: 0, count: maxLen + 2)
        var code = 0
        if maxLen >= 1 {
            for bits in 1...maxLen {
                code = (code + count[bits - 1]) << 1
                next[bits] = code
            }
        }
        return lengths.map { l -> UInt32 in
            guard l > 0 else { return 0 }
            let c = next[l]
            next[l] += 1
            var r: UInt32 = 0
            for b in 0..<l where c & (1 << b) != 0 { r |= 1 << UInt32(l - 1 - b) }
            return r
        }
    }
}
