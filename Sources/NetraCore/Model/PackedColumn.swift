/// A value that fits in 32 bits, for `PackedColumn`.
public protocol Packable32 {
    /// The value in 32 bits; nil when it does not fit (or is `Int32.min`, which marks nil).
    var packed: Int32? { get }
    init(unpacked: Int32)
}

extension Day: Packable32 {
    /// Days of years 1 to 9999 (all a date cell can say) are within ±3.7 million.
    @inlinable public var packed: Int32? { Int32(exactly: ordinal).flatMap { $0 == .min ? nil : $0 } }
    @inlinable public init(unpacked: Int32) { self.init(ordinal: Int(unpacked)) }
}

extension Int: Packable32 {
    /// Counts are at most `CSVLimits.maxCount`, a billion.
    @inlinable public var packed: Int32? { Int32(exactly: self).flatMap { $0 == .min ? nil : $0 } }
    @inlinable public init(unpacked: Int32) { self = Int(unpacked) }
}

/// One optional value per row, in 4 bytes: a `Day?` or an `Int?` takes 16 in an array, and a
/// million events have four such columns (end, source and known dates, counts). Reads like
/// `Column` (`events.endDates[k]`).
public struct PackedColumn<Index: TypedIndex, Wrapped: Packable32>: RandomAccessCollection, Sendable {
    public typealias Element = Wrapped?
    @usableFromInline var raw: [Int32]
    @usableFromInline static var none: Int32 { .min }

    public init() { raw = [] }

    public var startIndex: Index { Index(0) }
    public var endIndex: Index { Index(raw.count) }
    public var count: Int { raw.count }
    public typealias Indices = Range<Index>
    public var indices: Range<Index> { startIndex..<endIndex }

    @inlinable @inline(__always)
    public subscript(i: Index) -> Wrapped? {
        let v = raw[i.raw]
        return v == Self.none ? nil : Wrapped(unpacked: v)
    }

    /// Every value, as an array.
    public var values: [Wrapped?] { map { $0 } }

    /// Appends `v`. Values read from a file always fit (`Packable32`); one made in code that
    /// does not is a programming error.
    public mutating func append(_ v: Wrapped?) {
        guard let v else { raw.append(Self.none); return }
        guard let p = v.packed else { preconditionFailure("\(v) does not fit a packed column") }
        raw.append(p)
    }

    public mutating func reserveCapacity(_ n: Int) { raw.reserveCapacity(n) }
    public static func += (a: inout PackedColumn, b: PackedColumn) { a.raw += b.raw }
}

/// Equal when every row's value is (each value has one packed form).
extension PackedColumn: Equatable {
    public static func == (a: PackedColumn, b: PackedColumn) -> Bool { a.raw == b.raw }
}
