/// Where one text cell sits in a `TextStore`.
public struct TextRef: Sendable, Hashable {
    /// Offset into the store's file bytes, or into its decoded bytes when `count` has `decodedBit`.
    @usableFromInline package var start: UInt32
    @usableFromInline package var count: UInt32

    @usableFromInline package init(start: UInt32, count: UInt32) { self.start = start; self.count = count }

    @usableFromInline package static let decodedBit: UInt32 = 1 << 31
    /// The cell holds no `,`, `"`, CR or LF (it was unquoted in a comma-separated file), so
    /// a plain CSV export can copy it as it is, without looking at it again.
    @usableFromInline package static let plainBit: UInt32 = 1 << 30
    static let lengthMask: UInt32 = (1 << 30) - 1
    public static let empty = TextRef(start: 0, count: 0)

    var length: Int { Int(count & TextRef.lengthMask) }
    @usableFromInline package var isDecoded: Bool { count & TextRef.decodedBit != 0 }
    @usableFromInline package var isPlain: Bool { count & TextRef.plainBit != 0 }
    @usableFromInline package var isEmpty: Bool { count & TextRef.lengthMask == 0 }
    /// Where the bytes are, in the file or in the decoded bytes.
    @usableFromInline package var range: Range<Int> { Int(start)..<(Int(start) + length) }

    /// The cell's bytes: in `file`, or in `decoded` when its doubled quotes were undone.
    @inline(__always)
    @usableFromInline package func bytes(file: [UInt8], decoded: [UInt8]) -> ArraySlice<UInt8> {
        isDecoded ? decoded[range] : file[range]
    }
}

/// The text cells of a dataset's events. A million events with a dozen `String`s each would be
/// twelve million heap blocks; here every cell is a span of the file's own bytes, and only
/// cells whose doubled quotes had to be undone are copied (into `decoded`). Outlet names, which
/// repeat, are kept once each.
///
/// Nothing in a store changes once it is made, so it is shared between threads as it is: the
/// loader reads rows against a store of the file alone, then gives the table the finished
/// one (`EventTable.seal`) with the decoded bytes and the outlets.
public final class TextStore: Sendable {
    @usableFromInline package let file: [UInt8]
    @usableFromInline package let decoded: [UInt8]
    /// Distinct `source` values, in order of first appearance.
    public let sources: [String]

    @usableFromInline package init(file: [UInt8], decoded: [UInt8] = [], sources: [String] = []) {
        self.file = file
        self.decoded = decoded
        self.sources = sources
    }

    /// A store holding `texts`, for events made in code; returns the refs in order.
    static func make(_ texts: [String], source: String) -> (TextStore, [TextRef]) {
        var bytes: [UInt8] = []
        var refs: [TextRef] = []
        for t in texts {
            refs.append(TextRef(start: UInt32(bytes.count), count: UInt32(t.utf8.count)))
            bytes += t.utf8
        }
        return (TextStore(file: bytes, decoded: [], sources: [source]), refs)
    }

    /// The cell's UTF-8 bytes, a slice of the store (no copy).
    @inline(__always)
    public func bytes(_ r: TextRef) -> ArraySlice<UInt8> {
        r.isDecoded ? decoded[r.range] : file[r.range]
    }

    /// Hands `body` the cell's bytes read in place. A slice would take a reference to the
    /// store's buffer and give it back, atomically, per cell: the exports read millions, on
    /// both cores at once.
    @inlinable @inline(__always)
    public func withBytes<R>(_ r: TextRef, _ body: (Span<UInt8>) -> R) -> R {
        // Each bound to a local first (a span of the property read in place would outlive the
        // read), one per branch: a local picked from the two by `?:` would be a copy, retained.
        if r.isDecoded {
            let decoded = decoded
            return body(decoded.span.extracting(r.range))
        }
        let file = file
        return body(file.span.extracting(r.range))
    }

    public func string(_ r: TextRef) -> String {
        r.isEmpty ? "" : String(decoding: bytes(r), as: UTF8.self)
    }
}

/// The text cells of an event, by name.
public enum EventText: Int, CaseIterable, Sendable {
    case id, title, actors, place, unit, sourceURL, quote, notes, titleEN
}
