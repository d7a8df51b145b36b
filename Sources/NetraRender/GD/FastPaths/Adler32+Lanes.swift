// Speed code, fenced: zlib 1.2.13 sums the Adler-32 checksum of a PNG's rows a byte at a time,
// about 3.6 instructions a byte, 6 % of a report's instructions (all its charts' pixels pass
// through it). Here 32 bytes at a time go into eight lanes of paired byte sums, and the lanes
// are weighted and folded into the checksum once per 4 KiB: about 1.1 instructions a byte.
// `Adler32.zlib` is the plain path; `PNGEncoderTests` holds the two to the same values and the
// PNGs made either way to the same bytes.

extension Adler32 {
    /// `zlib(a, bytes)`, by lanes.
    static func lanes(_ a: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        #if _endian(little)
        var s1 = UInt64(a & 0xFFFF), s2 = UInt64(a >> 16)
        guard let base = bytes.baseAddress else { return a }
        let n = bytes.count
        let pairs = SIMD8<UInt32>(repeating: 0x00FF_00FF), half = SIMD8<UInt32>(repeating: 0xFFFF)
        var i = 0
        while n - i >= 32 {
            // Lane l holds bytes 4l…4l+3 of a block; `even` sums its bytes 0 and 2 over the
            // blocks, in its two 16-bit halves, `odd` bytes 1 and 3. At most 128 blocks: a half
            // stays under 32,768, so `even + odd` carries nothing across halves.
            let blocks = min((n - i) / 32, 128)
            var even = SIMD8<UInt32>(), odd = SIMD8<UInt32>()
            // What the lanes had summed before each block, added up: every byte counts into
            // s2 once for each byte after it.
            var before = SIMD8<UInt32>()
            for _ in 0..<blocks {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt32>.self)
                let t = even &+ odd
                before &+= (t & half) &+ (t &>> 16)
                even &+= v & pairs
                odd &+= (v &>> 8) & pairs
                i += 32
            }
            // Within a block, byte j counts into s2 32 - j times.
            var sum: UInt64 = 0, weighted: UInt64 = 0, prior: UInt64 = 0
            for l in 0..<8 {
                let w = UInt64(32 - 4 * l)
                let c0 = UInt64(even[l] & 0xFFFF), c1 = UInt64(odd[l] & 0xFFFF), c2 = UInt64(even[l] >> 16), c3 = UInt64(odd[l] >> 16)
                sum += c0 + c1 + c2 + c3
                weighted += w * c0 + (w - 1) * c1 + (w - 2) * c2 + (w - 3) * c3
                prior += UInt64(before[l])
            }
            s2 = (s2 + UInt64(32 * blocks) * s1 + 32 * prior + weighted) % Self.base
            s1 = (s1 + sum) % Self.base
        }
        while i < n {
            s1 = (s1 + UInt64(base[i])) % Self.base
            s2 = (s2 + s1) % Self.base
            i += 1
        }
        return UInt32(s2 << 16 | s1)
        #else
        return zlib(a, bytes)
        #endif
    }
}
