import Foundation
import Testing

/// Golden files, after swift-argument-parser's `assertSnapshot`: `actual` is compared byte for
/// byte with `Goldens/<name>` beside this file. With `NETRA_RECORD_SNAPSHOTS=1` the file is
/// written instead and the test fails, so that a recording is never mistaken for a pass.
/// The jobs' tests record them and the built binary's tests read them through here.
public enum Snapshot {
    public static let folder = TestPaths.packageRoot + "/Tests/Support/Goldens"

    public static var recording: Bool { ProcessInfo.processInfo.environment["NETRA_RECORD_SNAPSHOTS"] == "1" }

    public static func assertMatches(_ actual: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if recording {
            let url = URL(fileURLWithPath: path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual).write(to: url)
                Issue.record("recorded \(name) (NETRA_RECORD_SNAPSHOTS=1); run again without it to check", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(name); record it with NETRA_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if Array(expected) == actual { return }
        Issue.record("\(name) differs from its golden file: \(firstDifference(Array(expected), actual))", sourceLocation: sourceLocation)
    }

    /// Where two files first part, as line and both lines' text.
    public static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for k in 0..<max(la.count, lb.count) {
            let x = k < la.count ? String(la[k]) : "<end>", y = k < lb.count ? String(lb[k]) : "<end>"
            if x != y { return "line \(k + 1): expected \(x.prefix(300)) but got \(y.prefix(300))" }
        }
        return "\(a.count) bytes expected, \(b.count) written"
    }
}
