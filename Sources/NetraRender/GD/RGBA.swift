import CGD

/// A colour with 8-bit red, green, blue and opacity (255 = opaque).
public struct RGBA: Sendable, Hashable, CustomStringConvertible {
    /// Red, 0…255.
    public var red: UInt8
    /// Green, 0…255.
    public var green: UInt8
    /// Blue, 0…255.
    public var blue: UInt8
    /// Opacity: 0 is invisible, 255 is opaque.
    public var alpha: UInt8

    /// A colour from its components.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from `0xRRGGBB`.
    public init(hex: UInt32, alpha: UInt8 = 255) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF), alpha: alpha)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: UInt8) -> RGBA { RGBA(red: red, green: green, blue: blue, alpha: alpha) }

    /// Mixed toward white by `amount` (0 keeps it, 1 gives white).
    public func tinted(_ amount: Double) -> RGBA { mixed(with: .white, amount) }

    /// Mixed toward black by `amount` (0 keeps it, 1 gives black).
    public func shaded(_ amount: Double) -> RGBA { mixed(with: .black, amount) }

    /// Linear mix of the two colours' channels; keeps this colour's opacity.
    public func mixed(with other: RGBA, _ amount: Double) -> RGBA {
        let t = min(max(amount, 0), 1)
        func m(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
        return RGBA(red: m(red, other.red), green: m(green, other.green), blue: m(blue, other.blue), alpha: alpha)
    }

    /// Euclidean distance of the RGB channels, for tests and palette checks.
    public func distance(to other: RGBA) -> Double {
        let dr = Double(red) - Double(other.red), dg = Double(green) - Double(other.green), db = Double(blue) - Double(other.blue)
        return (dr * dr + dg * dg + db * db).squareRoot()
    }

    /// `#RRGGBB` (and `AA` when not opaque).
    public var description: String {
        let digits = Array("0123456789ABCDEF")
        var s = "#"
        for v in alpha == 255 ? [red, green, blue] : [red, green, blue, alpha] {
            s.append(digits[Int(v >> 4)]); s.append(digits[Int(v & 15)])
        }
        return s
    }

    /// Opaque white.
    public static let white = RGBA(hex: 0xFFFFFF)
    /// Opaque black.
    public static let black = RGBA(hex: 0x000000)

    /// libgd's true-colour value; libgd's alpha runs the other way, 0 opaque to 127 clear.
    var gdColor: Int32 {
        let gdAlpha = 127 - (Int32(alpha) * 127 + 127) / 255
        return netra_gdTrueColorAlpha(Int32(red), Int32(green), Int32(blue), gdAlpha)
    }

    /// The colour of a libgd true-colour pixel value.
    init(gdColor c: Int32) {
        let a = netra_gdTrueColorGetAlpha(c)
        self.init(
            red: UInt8(truncatingIfNeeded: netra_gdTrueColorGetRed(c)),
            green: UInt8(truncatingIfNeeded: netra_gdTrueColorGetGreen(c)),
            blue: UInt8(truncatingIfNeeded: netra_gdTrueColorGetBlue(c)),
            alpha: UInt8(truncatingIfNeeded: 255 - (Int(a) * 255 + 63) / 127))
    }
}
