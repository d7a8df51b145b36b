import Testing
import Foundation
import NetraTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Outputs that are not regular files, standard output that fails, a planted folder link
/// (issue 16, points 2, 4 and 7), through the built binary.
@Suite(.serialized, .removingTemporaryFolders) struct HostileOutputTests {
    static func kind(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    /// Runs netra with standard output on /dev/full (`full`) or closed; its exit code and stderr.
    static func runWithStdout(full: Bool, _ args: [String]) throws -> (status: Int32, stderr: String) {
        let err = Netra.tempDir("err") + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if full { posix_spawn_file_actions_addopen(&actions, 1, "/dev/full", O_WRONLY, 0) } else { posix_spawn_file_actions_addclose(&actions, 1) }
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Spawned in the tests' own folder: the shipped dataset named.
        let command = [Netra.binary] + args + ["--dataset", Netra.shipped]
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = Netra.root.withCString { _ in posix_spawn(&pid, Netra.binary, &actions, nil, argv, environ) }
        try #require(rc == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (code, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    // MARK: Point 2

    @Test func aNamedPipeIsWrittenIntoNotReplaced() throws {
        let fifo = Netra.tempDir("fifo") + "/out.csv"
        #expect(mkfifo(fifo, 0o644) == 0)
        // A reader that does not block: the export (about 1 kB) fits in the pipe's buffer.
        let fd = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(fd >= 0)
        defer { close(fd) }
        let r = try Netra.run(["export", "monthly", "--out", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        var got: [UInt8] = [], buf = [UInt8](repeating: 0, count: 65536)
        while true { let n = read(fd, &buf, buf.count); if n <= 0 { break }; got += buf[..<n] }
        #expect(String(decoding: got, as: UTF8.self) == (try Netra.run(["export", "monthly"])).stdout)
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test(.enabled(if: geteuid() == 0, "mknod needs root")) func aCharacterDeviceIsWrittenIntoNotReplaced() throws {
        let null = Netra.tempDir("dev") + "/null"
        #expect(mknod(null, S_IFCHR | 0o666, 259) == 0)  // makedev(1, 3): a null device of our own
        let r = try Netra.run(["export", "events", "--out", null])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.kind(null) == S_IFCHR)
    }

    @Test func aLinkToStandardOutputIsWrittenThrough() throws {
        let link = Netra.tempDir("link") + "/stdout"
        #expect(symlink("/proc/self/fd/1", link) == 0)
        let r = try Netra.run(["export", "monthly", "--out", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try Netra.run(["export", "monthly"])).stdout)
        #expect(Self.kind(link) == S_IFLNK)
    }

    @Test func aSocketIsRefused() throws {
        let path = Netra.tempDir("sock") + "/s"
        let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { b in for (i, c) in path.utf8.enumerated() where i < b.count - 1 { b[i] = c } }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let r = try Netra.run(["export", "--lang", "en", "monthly", "--out", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("it is a socket"))
        #expect(Self.kind(path) == S_IFSOCK)
    }

    @Test func aPipePlantedInTheReportFolderIsRefusedBeforeAnythingIsWritten() throws {
        let out = Netra.tempDir("out")
        #expect(mkfifo(out + "/monthly.csv", 0o644) == 0)
        let r = try Netra.run(["report", "--lang", "en", "--out", out, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'\(out)/monthly.csv'") && r.stderr.contains("named pipe"))
        #expect(Self.kind(out + "/monthly.csv") == S_IFIFO)
        #expect(Netra.files(in: out) == ["monthly.csv"])  // the pipe alone
    }

    // MARK: Point 4

    @Test func aFullStandardOutputFailsTheCommand() throws {
        for args in [["export", "events"], ["export", "monthly"], ["validate"], ["compare"]] {
            let r = try Self.runWithStdout(full: true, args + ["--lang", "en"])
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("cannot write to standard output: no space left on the device"), "\(args): \(r.stderr)")
        }
    }

    @Test func aClosedStandardOutputFailsTheCommand() throws {
        for args in [["export", "events"], ["validate"], ["compare"]] {
            let r = try Self.runWithStdout(full: false, args + ["--lang", "en"])
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("cannot write to standard output: it is closed"), "\(args): \(r.stderr)")
        }
    }

    // MARK: Point 7

    @Test func aLinkPlantedAsASubfolderIsRefused() throws {
        let out = Netra.tempDir("out"), elsewhere = Netra.tempDir("elsewhere")
        #expect(symlink(elsewhere, out + "/briefing-2024-01") == 0)
        let r = try Netra.run(["briefing", "--lang", "en", "--month", "2024-01", "--out", out, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'\(out)/briefing-2024-01' is a link"))
        #expect(Netra.files(in: elsewhere).isEmpty)
        #expect(Self.kind(out + "/briefing-2024-01") == S_IFLNK)
        #expect((try FileManager.default.contentsOfDirectory(atPath: out)) == ["briefing-2024-01"])
    }
}
