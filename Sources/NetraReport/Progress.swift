/// Where long jobs say what they are doing: a terminal sees steps, a pipe sees nothing.
public protocol ProgressSink: Sendable {
    /// A step begins.
    func step(_ message: String)
    /// Extra detail, for `--verbose`.
    func detail(_ message: String)
}

/// Says nothing.
public struct SilentProgress: ProgressSink {
    public init() {}
    public func step(_ message: String) {}
    public func detail(_ message: String) {}
}
