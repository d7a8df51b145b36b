import Foundation
import Testing
import NetraTestSupport

/// The charts lay out in named steps: no function in Sources/NetraRender/Charts is over 80
/// lines (tools/function-lengths.py counts from `func`/`init` to its closing brace).
@Suite struct ChartStepsTests {
    static let limit = 80

    /// Runs the counter on `files`; its exit status and what it printed.
    static func lengths(_ files: [String], limit: Int = limit) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Fixtures.packageRoot + "/tools/function-lengths.py", String(limit)] + files
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func noChartFunctionIsOverEightyLines() throws {
        let folder = Fixtures.packageRoot + "/Sources/NetraRender/Charts"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count >= 9)
        let run = try Self.lengths(files.map { folder + "/" + $0 })
        #expect(run.output == "", "functions over \(Self.limit) lines:\n\(run.output)")
        #expect(run.status == 0)
    }

    /// The counter sees a long function, one inside a type, and skips braces in strings and comments.
    @Test func theCounterFindsALongFunction() throws {
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        let dir = URL(fileURLWithPath: folders.make("lengths"))
        let body = (0..<79).map { "        let x\($0) = \"}\" // }" }.joined(separator: "\n")
        let source = """
            struct S {
                func short() -> Int { 1 }
                public static func long() {
            \(body)
                }
                init(a: Int) {
                    _ = "{"
                }
            }
            """
        let file = dir.appendingPathComponent("S.swift").path
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        let over = try Self.lengths([file])
        #expect(over.status == 1)
        #expect(over.output == "\(file):3: func long is 81 lines (limit 80)\n")
        let within = try Self.lengths([file], limit: 81)
        #expect(within.status == 0 && within.output.isEmpty)
    }
}
