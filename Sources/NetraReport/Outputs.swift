import NetraCore

/// One file a job produces, held in memory until every file is ready, so that a failure
/// half-way writes nothing.
public struct OutputFile: Sendable {
    /// Path relative to the output folder (`briefing-2024-01/events.csv`).
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

extension OutputFolder {
    /// Writes each file atomically (subfolders created as needed); returns the paths written.
    public func write(_ files: [OutputFile]) throws(OutputError) -> [String] {
        var written: [String] = []
        for f in files {
            let parts = f.name.split(separator: "/").map(String.init)
            var folder = self
            for sub in parts.dropLast() { folder = try folder.subfolder(sub) }
            written.append(try folder.write(f.bytes, to: parts.last ?? f.name))
        }
        return written
    }
}
