import Testing
import NetraCore
import NetraTestSupport
import NetraWrite
#if canImport(Glibc)
import Glibc
#endif

/// The one atomic writer (OutputFolder.writeAtomically), its temporary files and their cleanup.
@Suite struct OutputFolderTests {
    /// Each test gets a suite value of its own: its folders go when that value does.
    let folders = TemporaryFolders()

    func tempFolder() -> String { folders.make("output-test") }

    func listing(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            out += buf[..<n]
        }
        return out
    }

    func touch(_ path: String, _ text: String = "x") {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    /// The id of no process: one above the kernel's largest. A process that has ended (spawned,
    /// then reaped) is the fallback; its id can go to another process while the suite runs
    /// (pids wrap at 32,768 here, and the suite spawns thousands), which then looks alive.
    func deadPID() -> Int32 {
        let fd = open("/proc/sys/kernel/pid_max", O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            var bytes = [UInt8](repeating: 0, count: 32)
            let n = read(fd, &bytes, bytes.count)
            if n > 0, let max = Int32(String(decoding: bytes[..<n], as: UTF8.self).filter(\.isNumber)), max > 0, max < Int32.max {
                return max + 1
            }
        }
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        guard posix_spawn(&pid, "/bin/true", nil, nil, &argv, environ) == 0 else { return 999_999 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }

    @Test func writesTheBytesAndLeavesNoTemporaryFile() throws {
        let folder = tempFolder()
        let path = folder + "/chart.png"
        try OutputFolder.writeAtomically([1, 2, 3], to: path)
        try OutputFolder.writeAtomically([9, 8, 7, 6], to: path)
        try OutputFolder.writeAtomically([], to: folder + "/empty.csv")
        #expect(listing(folder) == ["chart.png", "empty.csv"])
        #expect(contents(path) == [9, 8, 7, 6])
        #expect(contents(folder + "/empty.csv") == [])
    }

    @Test func theFileGetsTheUsualPermissionsUnderTheUmask() throws {
        let folder = tempFolder()
        try OutputFolder.writeAtomically([1], to: folder + "/a.csv")
        var st = stat()
        #expect(stat(folder + "/a.csv", &st) == 0)
        // The umask as /proc tells it (calling umask() would race with other tests).
        let status = String(decoding: contents("/proc/self/status") ?? [], as: UTF8.self)
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        let mask = line.flatMap { mode_t($0.dropFirst(6).trimmingPrefix(while: { $0 == " " || $0 == "\t" }), radix: 8) } ?? 0o022
        #expect(st.st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test func aMissingFolderOrAFolderTargetThrowsAndWritesNothing() {
        #expect(throws: OutputError.self) { try OutputFolder.writeAtomically([1], to: "/nonexistent-netra-folder/x.png") }
        let folder = tempFolder()
        mkdir(folder + "/sub", 0o755)
        #expect(throws: OutputError.self) { try OutputFolder.writeAtomically([1], to: folder + "/sub") }
        #expect(throws: OutputError.self) { try OutputFolder.writeAtomically([1], to: folder + "/") }
        #expect(listing(folder) == ["sub"])
        #expect(listing(folder + "/sub") == [])
    }

    @Test func aSymlinkTargetIsReplacedNotFollowed() throws {
        let folder = tempFolder(), elsewhere = tempFolder()
        touch(elsewhere + "/precious.txt", "keep")
        symlink(elsewhere + "/precious.txt", folder + "/events.csv")
        try OutputFolder.writeAtomically([0x41], to: folder + "/events.csv")
        #expect(contents(elsewhere + "/precious.txt") == Array("keep".utf8))
        #expect(contents(folder + "/events.csv") == [0x41])
        var st = stat()
        #expect(lstat(folder + "/events.csv", &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG)
    }

    @Test func temporaryNamesAreRecognisable() {
        #expect(OutputFolder.temporaryOwner(".netra-tmp-123-a1b2c3-monthly.png") == 123)
        #expect(OutputFolder.temporaryOwner(".netra-tmp-123-a1b2c3-x") == 123)
        for other in [
            "monthly.png", ".netra-tmp-", ".netra-tmp-123-a1b2c3-", ".netra-tmp-123-a1b2c-x", ".netra-tmp-x-a1b2c3-y",
            ".netra-tmp-123-A1B2C3-x", "netra-tmp-123-a1b2c3-x", ".netra-tmp--a1b2c3-x", ".netra-tmp-0-a1b2c3-x",
            ".netra-tmp-99999999999-a1b2c3-x", ".netra-tmp-XXXXXX"
        ] {
            #expect(!OutputFolder.isTemporaryName(other), "\(other)")
        }
    }

    @Test func staleTemporariesAreRemovedAndNothingElse() throws {
        let folder = tempFolder()
        let dead = deadPID()
        let stale = ".netra-tmp-\(dead)-abc123-events.csv"
        let live = ".netra-tmp-\(getpid())-abc123-events.csv"
        let keep = ["notes.txt", ".netra-tmp-XXXXXX", ".netra-tmp-\(dead)-abc12-x", "netra-tmp-\(dead)-abc123-x", live]
        for name in keep + [stale] { touch(folder + "/" + name) }
        // Named like a temporary but not a regular file: a folder and a symlink are left alone.
        mkdir(folder + "/.netra-tmp-\(dead)-dir000-x", 0o755)
        let elsewhere = tempFolder()
        touch(elsewhere + "/target")
        symlink(elsewhere + "/target", folder + "/.netra-tmp-\(dead)-link00-x")
        let removed = OutputFolder.removeStaleTemporaries(in: folder)
        #expect(removed == [stale])
        #expect(listing(folder) == (keep + [".netra-tmp-\(dead)-dir000-x", ".netra-tmp-\(dead)-link00-x"]).sorted())
        #expect(contents(elsewhere + "/target") == [0x78])
        // Opening the folder cleans it the same way.
        touch(folder + "/" + stale)
        _ = try OutputFolder(folder)
        #expect(!listing(folder).contains(stale))
    }

    /// Issue 16, point 10: a live run in another PID namespace has a pid that looks gone
    /// from here; its lock on the file keeps the file. Once let go, the file is stale.
    @Test func aTemporaryWhoseLockIsHeldIsKeptWhateverItsPid() throws {
        let folder = tempFolder()
        let name = ".netra-tmp-\(deadPID())-abc123-events.csv"
        touch(folder + "/" + name)
        let fd = open(folder + "/" + name, O_RDONLY)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(OutputFolder.removeStaleTemporaries(in: folder).isEmpty)
        #expect(listing(folder) == [name])
        close(fd)
        #expect(OutputFolder.removeStaleTemporaries(in: folder) == [name])
        // A file being written holds its lock from creation until it is renamed.
        let staged = try StagedFile(target: folder + "/out.csv")
        try staged.fill { $0.write(Array("a\n".utf8)) }
        let probe = open(staged.temporary, O_RDONLY)
        #expect(flock(probe, LOCK_EX | LOCK_NB) != 0)
        close(probe)
        try staged.commit()
        #expect(listing(folder) == ["out.csv"])
    }

    @Test func checkCreatesNothingAndNamesTheProblem() throws {
        let folder = tempFolder()
        try OutputFolder.check(folder + "/new/deeper")
        #expect(listing(folder) == [])
        touch(folder + "/file")
        let e1 = #expect(throws: OutputError.self) { try OutputFolder.check(folder + "/file/sub") }
        #expect(e1?.message.contains("'\(folder)/file/sub'") == true)
        #expect(e1?.message.contains("is an existing file, not a folder") == true)
        let e2 = #expect(throws: OutputError.self) { try OutputFolder.check(folder + "/file") }
        #expect(e2?.message == "'\(folder)/file' is an existing file, not a folder; give --out a folder")
        #expect(throws: OutputError.self) { try OutputFolder.check("") }
        try OutputFolder.checkFile(folder + "/out.csv")
        #expect(throws: OutputError.self) { try OutputFolder.checkFile(folder + "/missing/out.csv") }
        #expect(throws: OutputError.self) { try OutputFolder.checkFile(folder) }
        #expect(listing(folder) == ["file"])
    }

    @Test func openingAFolderUnderAFileNamesThePath() {
        let folder = tempFolder()
        touch(folder + "/file")
        let e = #expect(throws: OutputError.self) { try OutputFolder(folder + "/file/sub") }
        #expect(e?.message.contains("'\(folder)/file/sub'") == true)
    }
}
