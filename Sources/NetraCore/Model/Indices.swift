/// A position in one of the dataset's tables, typed so that an event's position cannot be
/// used where a jurisdiction's is meant.
public protocol TypedIndex: Strideable, Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral
where Stride == Int, IntegerLiteralType == Int {
    /// The position as a plain number.
    var raw: Int { get }
    init(_ raw: Int)
}

extension TypedIndex {
    public init(integerLiteral value: Int) { self.init(value) }
    public func distance(to other: Self) -> Int { other.raw - raw }
    public func advanced(by n: Int) -> Self { Self(raw + n) }
    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    public var description: String { "\(raw)" }
}

/// A row of the event table.
public struct EventIndex: TypedIndex {
    public let raw: Int
    @inline(__always) public init(_ raw: Int) { self.raw = raw }
}

/// A row of the jurisdictions table.
public struct JurisdictionIndex: TypedIndex {
    public let raw: Int
    @inline(__always) public init(_ raw: Int) { self.raw = raw }
}

/// A row of the elections table.
public struct ElectionIndex: TypedIndex {
    public let raw: Int
    @inline(__always) public init(_ raw: Int) { self.raw = raw }
}

/// One value per row of a table, indexed by that table's typed index.
public struct Column<Index: TypedIndex, Element>: RandomAccessCollection, MutableCollection {
    public var values: [Element]

    public init(_ values: [Element] = []) { self.values = values }
    public init(repeating value: Element, count: Int) { values = [Element](repeating: value, count: count) }

    public var startIndex: Index { Index(0) }
    public var endIndex: Index { Index(values.count) }
    public var count: Int { values.count }
    public typealias Indices = Range<Index>
    public var indices: Range<Index> { startIndex..<endIndex }

    @inline(__always)
    public subscript(i: Index) -> Element {
        get { values[i.raw] }
        set { values[i.raw] = newValue }
        // In place: `column[k].append(x)` grows the element without copying it first.
        _modify { yield &values[i.raw] }
    }

    public mutating func append(_ v: Element) { values.append(v) }
    public mutating func reserveCapacity(_ n: Int) { values.reserveCapacity(n) }
    public static func += (a: inout Column, b: Column) { a.values += b.values }
}

extension Column: Sendable where Element: Sendable {}
extension Column: Equatable where Element: Equatable {}
