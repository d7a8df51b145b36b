import Testing
import Foundation
import NetraCore
import NetraTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// SPEC §6 through the built binary: whatever a spreadsheet saved, Netra exits 1 with a clear
/// message and bounded memory; whatever happens to a run, no half-written file is left under
/// its final name, and nothing outside `--out` is touched.
enum Hostile {
    static let shipped = Netra.root + "/datasets/bekasi-2024"
    static let shippedEvents: [UInt8] = Array(FileManager.default.contents(atPath: shipped + "/events.csv") ?? Data())
    /// The shipped events.csv, one element per line (without the line end).
    static var shippedLines: [[UInt8]] {
        var lines = shippedEvents.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A copy of the shipped dataset whose files `change` may then replace.
    static func dataset(_ name: String, _ change: (String) throws -> Void) throws -> String {
        let dir = Netra.tempDir(name)
        for f in ["events.csv", "jurisdictions.csv", "elections.csv"] {
            try FileManager.default.copyItem(atPath: shipped + "/" + f, toPath: dir + "/" + f)
        }
        try change(dir)
        return dir
    }

    /// Writes `parts` one after the other into a new file at `path` (each part repeated
    /// `times`), without holding the whole file in memory.
    static func write(_ path: String, _ parts: [(bytes: [UInt8], times: Int)]) throws {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        for part in parts {
            for _ in 0..<part.times {
                var done = 0
                while done < part.bytes.count {
                    let r = part.bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, part.bytes.count - done) }
                    guard r > 0 else { throw POSIXError(.EIO) }
                    done += r
                }
            }
        }
    }

    /// This test process's peak RSS (VmHWM), in KiB.
    static func ownPeakKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func joined(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [0x0A])) + [0x0A] }

    /// Peak memory allowed for reading a file of `size` bytes: the file itself (it is read
    /// whole, once) plus 64 MiB for the rest (`netra validate` of the shipped dataset peaks at
    /// about 22 MiB); no field beyond the 64 KiB limit may be copied. Far more under a sanitizer.
    static func memoryBoundKiB(forFileOf size: Int) -> Int {
        underSanitizer ? (6 * size + (1_536 << 20)) / 1024 : (size + (64 << 20)) / 1024
    }

    /// Runs `netra validate` on `dir`; checks exit 1, every line but the last in the form
    /// `DIR/FILE:LINE:COLUMN: message`, the closing line, time and memory; returns stderr lines.
    static func refused(_ dir: String, fileSize: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> (lines: [String], run: Child.Finished) {
        let r = try Child.run(["validate", "--lang", "en", "--dataset", dir], timeout: 120, measure: true)
        // Hostile datasets run to 100 MB and more: gone once checked.
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(r.signal == 0, "netra was killed by signal \(r.signal) (a hang or a crash)", sourceLocation: sourceLocation)
        #expect(r.status == 1, "exit \(r.status); stderr: \(r.stderr.prefix(500))", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count >= 2, sourceLocation: sourceLocation)
        let problems = lines.dropLast()
        let located = /^(.+)\/(events|jurisdictions|elections)\.csv:[0-9]+:[0-9]+: \S.*$/
        for l in problems {
            #expect(
                l.hasPrefix(dir + "/") && l.wholeMatch(of: located) != nil, "not FILE:LINE:COLUMN: message: \(l.prefix(300))", sourceLocation: sourceLocation)
        }
        let n = problems.count
        #expect(lines.last == "netra: \(n) problem\(n == 1 ? "" : "s") in \(dir); nothing was written", sourceLocation: sourceLocation)
        // Bounded output too: a hostile file must not make netra print without end.
        #expect(r.stderr.utf8.count < 1 << 20, "stderr is \(r.stderr.utf8.count) bytes", sourceLocation: sourceLocation)
        // Without GNU time the figure may be the test process's own peak: allow for that.
        let bound = memoryBoundKiB(forFileOf: fileSize) + (r.ownRSS ? 0 : ownPeakKiB())
        #expect(r.maxRSSKiB < bound, "peak RSS \(r.maxRSSKiB) KiB, bound \(bound) KiB", sourceLocation: sourceLocation)
        let name = dir.split(separator: "/").last.map { $0.replacingOccurrences(of: "netra-e2e-", with: "").dropLast(37) } ?? ""
        print(
            "hostile \(name): exit \(r.status), \(n) problem(s), peak RSS \(r.maxRSSKiB) KiB\(r.ownRSS ? "" : " (wait4, includes the test process)") (bound \(bound)), \(String(format: "%.2f", r.seconds)) s; first: \(lines.first.map { $0.replacingOccurrences(of: dir + "/", with: "") }?.prefix(140) ?? "")"
        )
        return (lines, r)
    }
}

@Suite(.serialized, .removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun) struct HostileFileTests {
    let header = Hostile.shippedLines[0]
    /// The line a row appended to the shipped events.csv starts on.
    var nextLine: Int { Hostile.shippedLines.count + 1 }

    @Test func aHundredMegabyteLineWithNoNewline() throws {
        // After the shipped rows, one 100 MB line with no line end.
        let dir = try Hostile.dataset("longline") { d in
            try Hostile.write(d + "/events.csv", [(Hostile.shippedEvents, 1), ([UInt8](repeating: 0x78, count: 1 << 20), 100)])
        }
        let r = try Hostile.refused(dir, fileSize: Hostile.shippedEvents.count + 100 << 20)
        #expect(r.lines.first == "\(dir)/events.csv:\(nextLine):1: field is \(100 << 20) bytes long, more than the limit of 65536")
        // The whole file one line, not even a header row.
        let alone = try Hostile.dataset("oneline") { d in
            try Hostile.write(d + "/events.csv", [([UInt8](repeating: 0x78, count: 1 << 20), 100)])
        }
        let r2 = try Hostile.refused(alone, fileSize: 100 << 20)
        #expect(r2.lines.first == "\(alone)/events.csv:1:1: field is \(100 << 20) bytes long, more than the limit of 65536")
        // A 100 MB quoted field that does close.
        let quoted = try Hostile.dataset("quoted") { d in
            try Hostile.write(
                d + "/events.csv",
                [
                    (Hostile.shippedEvents, 1), (Hostile.bytes("big,\""), 1),
                    ([UInt8](repeating: 0x79, count: 1 << 20), 100), (Hostile.bytes("\",day\n"), 1)
                ])
        }
        let r3 = try Hostile.refused(quoted, fileSize: Hostile.shippedEvents.count + 100 << 20)
        #expect(r3.lines.contains("\(quoted)/events.csv:\(nextLine):5: field is \(100 << 20) bytes long, more than the limit of 65536"))
    }

    @Test func aFieldJustUnderAndJustOverTheLimit() throws {
        let at = try Hostile.dataset("atlimit") { d in
            try Hostile.write(
                d + "/events.csv",
                [
                    (Hostile.shippedEvents, 1),
                    (Hostile.bytes("big,2024-01-01,day,,statement,kota-bekasi,"), 1), ([UInt8](repeating: 0x61, count: 65_536), 1),
                    (Hostile.bytes(",,,,,,,,Outlet,,,," + Netra.shippedExtraFields + "\n"), 1)
                ])
        }
        let ok = try Child.run(["validate", "--lang", "en", "--dataset", at])
        #expect(ok.status == 0, "a 65,536-byte title is allowed: \(ok.stderr.prefix(300))")
        let over = try Hostile.dataset("overlimit") { d in
            try Hostile.write(
                d + "/events.csv",
                [
                    (Hostile.shippedEvents, 1),
                    (Hostile.bytes("big,2024-01-01,day,,statement,kota-bekasi,"), 1), ([UInt8](repeating: 0x61, count: 65_537), 1),
                    (Hostile.bytes(",,,,,,,,Outlet,,,," + Netra.shippedExtraFields + "\n"), 1)
                ])
        }
        let r = try Hostile.refused(over, fileSize: Hostile.shippedEvents.count + 65_600)
        #expect(r.lines.first == "\(over)/events.csv:\(nextLine):43: field is 65537 bytes long, more than the limit of 65536")
    }

    @Test func nulBytes() throws {
        var lines = Hostile.shippedLines
        lines[2].insert(0x00, at: 5)  // line 3, column 6
        let dir = try Hostile.dataset("nul") { d in try Hostile.write(d + "/events.csv", [(Hostile.joined(lines), 1)]) }
        let r = try Hostile.refused(dir, fileSize: Hostile.shippedEvents.count)
        #expect(r.lines.first == "\(dir)/events.csv:3:6: the file is not UTF-8 text (a NUL byte); save it as \"CSV UTF-8\"")
        let all = try Hostile.dataset("allnul") { d in try Hostile.write(d + "/events.csv", [([UInt8](repeating: 0, count: 1 << 20), 10)]) }
        let r2 = try Hostile.refused(all, fileSize: 10 << 20)
        #expect(r2.lines.first == "\(all)/events.csv:1:1: the file is not UTF-8 text (a NUL byte); save it as \"CSV UTF-8\"")
    }

    @Test func invalidUTF8InTheMiddle() throws {
        // A stray byte, a cut sequence, an overlong form, a surrogate, past U+10FFFF, Latin-1.
        for (name, bad) in [
            ("ff", [0xFF]), ("cut", [0xE2, 0x82]), ("overlong", [0xC0, 0xAF]), ("surrogate", [0xED, 0xA0, 0x80]),
            ("beyond", [0xF4, 0x90, 0x80, 0x80]), ("latin1", [0xE9])
        ] as [(String, [UInt8])] {
            var lines = Hostile.shippedLines
            lines[9].insert(contentsOf: bad + [0x20], at: 50)  // line 10, column 51 (the row is ASCII up to there)
            #expect(lines[9].prefix(50).allSatisfy { $0 < 0x80 })
            let dir = try Hostile.dataset("utf8-\(name)") { d in try Hostile.write(d + "/events.csv", [(Hostile.joined(lines), 1)]) }
            let r = try Hostile.refused(dir, fileSize: Hostile.shippedEvents.count)
            let hex = String(bad[0], radix: 16, uppercase: true)
            #expect(r.lines.first == "\(dir)/events.csv:10:51: the file is not UTF-8 text (byte 0x\(hex)); save it as \"CSV UTF-8\"", "\(name)")
        }
        // UTF-16 (what "Unicode Text" saves) is refused at its first byte.
        let text = String(decoding: Hostile.shippedEvents, as: UTF8.self)
        let utf16 = try Hostile.dataset("utf16") { d in
            try Hostile.write(d + "/events.csv", [([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, 1)])
        }
        let r = try Hostile.refused(utf16, fileSize: 2 * Hostile.shippedEvents.count)
        #expect(r.lines.first == "\(utf16)/events.csv:1:1: the file is not UTF-8 text (byte 0xFF); save it as \"CSV UTF-8\"")
    }

    @Test func aMillionColumns() throws {
        // In the header, all different.
        let distinct = try Hostile.dataset("cols-header") { d in
            var h = header
            for k in 0..<1_000_000 { h += Hostile.bytes(",c\(k)") }
            try Hostile.write(d + "/events.csv", [(Hostile.joined([h] + Hostile.shippedLines.dropFirst()), 1)])
        }
        let r1 = try Hostile.refused(distinct, fileSize: 8_000_000)
        #expect(r1.lines.first?.hasPrefix("\(distinct)/events.csv:1:") == true)
        #expect(r1.lines.first?.hasSuffix(": more than 1024 columns in one row") == true)
        // In the header, the same name again and again.
        let same = try Hostile.dataset("cols-same") { d in
            try Hostile.write(
                d + "/events.csv",
                [
                    (header, 1), (Hostile.bytes(",c"), 1_000_000), ([0x0A], 1),
                    (Hostile.joined(Array(Hostile.shippedLines.dropFirst())), 1)
                ])
        }
        let r2 = try Hostile.refused(same, fileSize: 2_000_000)
        #expect(r2.lines.contains { $0.hasPrefix("\(same)/events.csv:1:") && $0.hasSuffix(": more than 1024 columns in one row") })
        // In one row: empty cells, then filled ones.
        for (name, cell) in [("empty", Hostile.bytes(",")), ("filled", Hostile.bytes(",x"))] {
            let row = try Hostile.dataset("cols-row-\(name)") { d in
                var lines = Hostile.shippedLines
                let tail = Array(lines[3...]); lines.removeLast(lines.count - 3)
                try Hostile.write(
                    d + "/events.csv",
                    [
                        (Hostile.joined(lines), 1), (Array(tail[0]), 1), (cell, 1_000_000), ([0x0A], 1),
                        (Hostile.joined(Array(tail.dropFirst())), 1)
                    ])
            }
            let r = try Hostile.refused(row, fileSize: 2_000_000)
            #expect(r.lines.contains { $0.hasPrefix("\(row)/events.csv:4:") && $0.hasSuffix(": more than 1024 columns in one row") }, "\(name)")
        }
    }

    @Test func anUnterminatedQuoteAtTheEnd() throws {
        let row = "late,2024-01-01,day,,incident,kota-bekasi,"
        let dir = try Hostile.dataset("unterminated") { d in
            try Hostile.write(d + "/events.csv", [(Hostile.shippedEvents, 1), (Hostile.bytes(row + "\"never closed, x\n"), 1)])
        }
        let r = try Hostile.refused(dir, fileSize: Hostile.shippedEvents.count + 100)
        #expect(r.lines.contains("\(dir)/events.csv:\(nextLine):\(row.count + 1): unterminated quoted field: the closing \" is missing"))
    }

    /// An unterminated quote that runs over 100 MB to the end of the file: the reader hands
    /// the whole rest of the file on as one field, skipping the 65,536-byte limit, and the
    /// loader copies it (peak RSS about twice the file; three times when it is in the header).
    @Test
    func anUnterminatedQuoteOverAHundredMegabytes() throws {
        let row = "late,2024-01-01,day,,incident,kota-bekasi,"
        let big = try Hostile.dataset("unterminated-big") { d in
            try Hostile.write(
                d + "/events.csv",
                [
                    (Hostile.shippedEvents, 1), (Hostile.bytes(row + "\""), 1),
                    (Hostile.bytes(String(repeating: "y", count: 1023) + "\n"), 100 * 1024)
                ])
        }
        let r = try Hostile.refused(big, fileSize: Hostile.shippedEvents.count + 100 << 20)
        #expect(r.lines.contains("\(big)/events.csv:\(nextLine):\(row.count + 1): unterminated quoted field: the closing \" is missing"))
        #expect(r.lines.contains("\(big)/events.csv:\(nextLine):\(row.count + 1): field is \(100 << 20) bytes long, more than the limit of 65536"))
        // The same in the header row: a one-line file whose last header cell never closes.
        let header = try Hostile.dataset("unterminated-header") { d in
            try Hostile.write(
                d + "/events.csv",
                [
                    (Array(self.header), 1), (Hostile.bytes(",\""), 1),
                    (Hostile.bytes(String(repeating: "y", count: 1023) + "\n"), 100 * 1024)
                ])
        }
        let r2 = try Hostile.refused(header, fileSize: 100 << 20)
        #expect(r2.lines.contains { $0.hasPrefix("\(header)/events.csv:1:") && $0.hasSuffix("unterminated quoted field: the closing \" is missing") })
    }

    @Test func filesThatAreNotFiles() throws {
        let folder = try Hostile.dataset("is-folder") { d in
            unlink(d + "/events.csv"); mkdir(d + "/events.csv", 0o755)
        }
        let r1 = try Hostile.refused(folder, fileSize: 0)
        #expect(r1.lines.first == "\(folder)/events.csv:1:1: cannot read the file: is a folder, not a file")

        let selfLoop = try Hostile.dataset("loop-self") { d in
            unlink(d + "/events.csv"); symlink("events.csv", d + "/events.csv")
        }
        let r2 = try Hostile.refused(selfLoop, fileSize: 0)
        #expect(r2.lines.first == "\(selfLoop)/events.csv:1:1: cannot read the file: too many levels of symbolic links")

        let pairLoop = try Hostile.dataset("loop-pair") { d in
            unlink(d + "/events.csv"); symlink("b", d + "/events.csv"); symlink("events.csv", d + "/b")
        }
        let r3 = try Hostile.refused(pairLoop, fileSize: 0)
        #expect(r3.lines.first == "\(pairLoop)/events.csv:1:1: cannot read the file: too many levels of symbolic links")

        // jurisdictions.csv looping too: every unreadable file is named.
        let two = try Hostile.dataset("loop-two") { d in
            unlink(d + "/events.csv"); symlink("events.csv", d + "/events.csv")
            unlink(d + "/jurisdictions.csv"); symlink("jurisdictions.csv", d + "/jurisdictions.csv")
        }
        let r4 = try Hostile.refused(two, fileSize: 0)
        #expect(r4.lines.contains("\(two)/jurisdictions.csv:1:1: cannot read the file: too many levels of symbolic links"))
        #expect(r4.lines.contains("\(two)/events.csv:1:1: cannot read the file: too many levels of symbolic links"))
    }

    @Test func aNamedPipeOrADeviceDoesNotHang() throws {
        let fifo = try Hostile.dataset("fifo") { d in
            unlink(d + "/events.csv"); mkfifo(d + "/events.csv", 0o644)
        }
        let r1 = try Hostile.refused(fifo, fileSize: 0)
        #expect(r1.lines.first == "\(fifo)/events.csv:1:1: cannot read the file: is not a regular file")
        #expect(r1.run.seconds < 30)
        let zero = try Hostile.dataset("devzero") { d in
            unlink(d + "/events.csv"); symlink("/dev/zero", d + "/events.csv")
        }
        let r2 = try Hostile.refused(zero, fileSize: 0)
        #expect(r2.lines.first == "\(zero)/events.csv:1:1: cannot read the file: is not a regular file")
    }

    /// Sparse files, large on paper and empty on disk, refused before any read: 5 GiB, and
    /// exactly 4 GiB (issue 16, point 10: it passed the size check, was read whole, then refused).
    @Test(arguments: [5 << 30, 4 << 30])
    func aFileOverTheSizeLimitIsNotRead(_ size: Int) throws {
        let dir = try Hostile.dataset("huge") { d in
            let fd = open(d + "/events.csv", O_WRONLY | O_TRUNC)
            defer { close(fd) }
            ftruncate(fd, off_t(size))
        }
        let r = try Hostile.refused(dir, fileSize: 0)
        #expect(r.lines.first == "\(dir)/events.csv:1:1: cannot read the file: is \(size) bytes, more than the limit of 4294967295")
        #expect(r.run.seconds < 10)
    }
}
