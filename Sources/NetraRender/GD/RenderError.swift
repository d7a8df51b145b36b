/// Why a chart could not be drawn or written.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The font file does not exist or cannot be read.
    case fontNotFound(path: String, reason: String)
    /// libgd's FreeType layer refused to measure or draw text.
    case textFailed(message: String, font: String)
    /// libgd could not allocate an image of this size.
    case imageCreation(width: Int, height: Int)
    /// libgd could not encode the PNG.
    case pngEncoding
    /// The bytes are not a PNG that libgd can read.
    case pngDecoding
    /// The chart's input cannot be drawn (an index out of range, a size too small).
    case invalidInput(String)

    public var description: String {
        switch self {
        case let .fontNotFound(path, reason):
            return "font file \(path): \(reason); give a TrueType font with NETRA_FONT=/path/to/font.ttf"
        case let .textFailed(message, font): return "cannot draw text with font \(font): \(message)"
        case let .imageCreation(w, h): return "cannot create a \(w)×\(h) image"
        case .pngEncoding: return "cannot encode the PNG"
        case .pngDecoding: return "not a PNG image libgd can read"
        case let .invalidInput(m): return m
        }
    }
}
