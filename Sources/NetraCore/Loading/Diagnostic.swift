/// One problem in a dataset, at the place a user can find it in a spreadsheet or editor.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (`datasets/bekasi-2024/events.csv`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based character column where the offending field starts.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `FILE:LINE:COLUMN: message`
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Every problem found in a dataset, sorted by file, line and column.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        // A stable sort keeps problems on one spot in the order they were found.
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.element.column, a.offset)
                < (b.element.file, b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
