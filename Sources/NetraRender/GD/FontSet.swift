#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NetraCore

/// The regular and bold TrueType files every chart draws with, checked to be readable.
public struct FontSet: Sendable, Equatable {
    /// Path of the regular face.
    public let regular: String
    /// Path of the bold face (the regular file when no bold one is known).
    public let bold: String

    /// The folder of the default DejaVu fonts on Debian and Ubuntu.
    public static let defaultFolder = "/usr/share/fonts/truetype/dejavu/"
    /// The environment variable naming the regular font.
    public static let environmentVariable = "NETRA_FONT"
    /// The environment variable naming the bold font.
    public static let boldEnvironmentVariable = "NETRA_FONT_BOLD"

    /// Uses these two files as they are, after checking they can be read.
    public init(regular: String, bold: String) throws(RenderError) {
        try FontSet.check(regular)
        if bold != regular { try FontSet.check(bold) }
        self.regular = regular
        self.bold = bold
    }

    /// The fonts to use: `path` if given, else `$NETRA_FONT`, else DejaVu Sans; likewise for bold
    /// (`boldPath`, `$NETRA_FONT_BOLD`, DejaVu Sans Bold beside the default, else the regular file).
    public static func resolve(path: String? = nil, boldPath: String? = nil) throws(RenderError) -> FontSet {
        let envRegular = environment(environmentVariable)
        let regular = path ?? envRegular ?? defaultFolder + "DejaVuSans.ttf"
        let usedDefault = path == nil && envRegular == nil
        let bold =
            boldPath ?? environment(boldEnvironmentVariable)
            ?? (usedDefault ? defaultFolder + "DejaVuSans-Bold.ttf" : regular)
        return try FontSet(regular: regular, bold: bold)
    }

    private static func environment(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// Throws a message naming `path` unless it is a readable regular file.
    static func check(_ path: String) throws(RenderError) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw .fontNotFound(path: path, reason: Syscall.reason(errno, .reading).en)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .fontNotFound(path: path, reason: "is not a regular file") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .fontNotFound(path: path, reason: Syscall.reason(errno, .reading).en) }
        close(fd)
    }
}
