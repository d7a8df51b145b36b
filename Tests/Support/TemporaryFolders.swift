import Foundation
import Synchronization
import Testing

/// The one way tests make temporary folders: each is made under the system's temporary
/// folder with a unique name and removed, pass or fail, when its owner goes (a suite value
/// lives for one test) or when the test scoped by `.removingTemporaryFolders` ends.
public final class TemporaryFolders: Sendable {
    private let made = Mutex<[String]>([])

    /// The running test's folders; nil outside a test scoped by `.removingTemporaryFolders`.
    @TaskLocal public static var current: TemporaryFolders?

    public init() {}

    deinit { removeAll() }

    /// A new empty folder, `netra-<name>-<unique>`, removed with this value.
    public func make(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netra-\(name)-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            Issue.record("cannot make the temporary folder \(path): \(error)")
        }
        add(path)
        return path
    }

    /// A new folder for the running test, removed when it ends (see `.removingTemporaryFolders`).
    public static func make(_ name: String) -> String {
        guard let folders = current else {
            let folders = TemporaryFolders()
            let path = folders.make(name)
            Issue.record("\(path) is made outside a test that removes it")
            return path
        }
        return folders.make(name)
    }

    /// Removes `path` with this value (a folder or file the test made another way).
    public func add(_ path: String) { made.withLock { $0.append(path) } }

    /// Removes every folder made so far.
    public func removeAll() {
        for path in made.withLock({ list in
            defer { list = [] }; return list
        }) {
            // A test may have locked a folder (mode 0555): open it up so it can go.
            Self.openUp(path)
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private static func openUp(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        chmod(path, 0o755)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { openUp(path + "/" + name) }
    }
}

/// Removes every folder each test of the suite made with `TemporaryFolders.make`, after that test.
public struct RemovingTemporaryFolders: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        // The suite itself gets no scope of its own: each of its tests does.
        guard testCase != nil else { try await function(); return }
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        try await TemporaryFolders.$current.withValue(folders) { try await function() }
    }
}

extension Trait where Self == RemovingTemporaryFolders {
    /// Each test's temporary folders are removed when it ends.
    public static var removingTemporaryFolders: Self { Self() }
}
