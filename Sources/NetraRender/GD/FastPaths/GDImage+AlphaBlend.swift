// Speed code, fenced: text is blended pixel by pixel (`GDImage.blend`), and each partly covered
// pixel was a call into libgd's `gdAlphaBlend`, 1.5 million of them in the shipped dataset's
// report. Here the same integer arithmetic is inlined. `gdAlphaBlend` is the plain path;
// `GDImageTests.alphaBlendIsLibgds` holds the two to the same value for every pair of alphas.

extension GDImage {
    /// libgd 2.3's `gdAlphaBlend(dst, src)`: `src` over `dst`, alphas 0 (opaque) to 127 (clear).
    @inline(__always)
    static func alphaBlend(_ dst: Int32, _ src: Int32) -> Int32 {
        let sa = (src &>> 24) & 0x7F
        if sa == 0 { return src }
        let da = (dst &>> 24) & 0x7F
        if sa == 127 { return dst }
        if da == 127 { return src }
        // Over an opaque pixel (most of a chart) the weights are 127 - sa and sa, their sum 127,
        // and the alpha 0: the general case's values, with a divisor the compiler knows.
        if da == 0 {
            let sw = 127 &- sa
            let r = (((src &>> 16) & 0xFF) &* sw &+ ((dst &>> 16) & 0xFF) &* sa) / 127
            let g = (((src &>> 8) & 0xFF) &* sw &+ ((dst &>> 8) & 0xFF) &* sa) / 127
            let b = ((src & 0xFF) &* sw &+ (dst & 0xFF) &* sa) / 127
            return (r &<< 16) &+ (g &<< 8) &+ b
        }
        // Weights at most 127 and channels at most 255: no product nears Int32's limit, and
        // `sw` is at least 1, so the divisions are libgd's (all terms ≥ 0, truncated).
        let sw = 127 &- sa
        let dw = (127 &- da) &* sa / 127
        let tw = sw &+ dw
        let alpha = sa &* da / 127
        let r = (((src &>> 16) & 0xFF) &* sw &+ ((dst &>> 16) & 0xFF) &* dw) / tw
        let g = (((src &>> 8) & 0xFF) &* sw &+ ((dst &>> 8) & 0xFF) &* dw) / tw
        let b = ((src & 0xFF) &* sw &+ (dst & 0xFF) &* dw) / tw
        return (alpha &<< 24) &+ (r &<< 16) &+ (g &<< 8) &+ b
    }
}
