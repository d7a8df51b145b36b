import Testing
import Foundation
import Synchronization

/// The temporary folders a test made (`Netra.tempDir`), removed when it ends, pass or fail.
final class TemporaryFolders: Sendable {
    private let made = Mutex<[String]>([])

    /// The running test's folders; nil outside a test scoped by `.removingTemporaryFolders`.
    @TaskLocal static var current: TemporaryFolders?

    func add(_ path: String) { made.withLock { $0.append(path) } }

    func removeAll() {
        for path in made.withLock({ $0 }) {
            // A test may have locked a folder (mode 0555): open it up so it can go.
            chmodTree(path)
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private func chmodTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        chmod(path, 0o755)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { chmodTree(path + "/" + name) }
    }
}

/// Removes every folder each test of the suite made with `Netra.tempDir`, after that test.
struct RemovingTemporaryFolders: TestTrait, SuiteTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        // The suite itself gets no scope of its own: each of its tests does.
        guard testCase != nil else { try await function(); return }
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        try await TemporaryFolders.$current.withValue(folders) { try await function() }
    }
}

extension Trait where Self == RemovingTemporaryFolders {
    /// Each test's temporary folders are removed when it ends.
    static var removingTemporaryFolders: Self { Self() }
}
