import Testing
import Foundation
import NetraCore
import NetraTestSupport
import NetraWrite
#if canImport(Glibc)
import Glibc
#endif

/// Outputs land whole or not at all, only inside `--out`, and an unusable `--out` is a clear
/// error (SPEC §6), all through the built binary.
@Suite(.serialized, .removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun) struct AtomicOutputTests {
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// What a killed run left: every file under its final name must equal the complete run's,
    /// and everything else must be one of Netra's temporary files. Returns the temporaries.
    static func checkLeftovers(_ out: String, against ref: String, refFiles: Set<String>, _ moment: String) -> [String] {
        var temporaries: [String] = []
        for f in regularFiles(in: out) {
            let name = String(f.split(separator: "/").last ?? "")
            if OutputFolder.isTemporaryName(name) { temporaries.append(f); continue }
            #expect(refFiles.contains(f), "\(moment): unexpected file \(f)")
            let got = bytes(out + "/" + f), want = bytes(ref + "/" + f)
            #expect(got != nil && got == want, "\(moment): \(f) is not the complete file (\(got?.count ?? -1) of \(want?.count ?? -1) bytes)")
        }
        return temporaries
    }

    /// When to kill a running report.
    enum Moment: CustomStringConvertible {
        /// After this many milliseconds (while it loads or draws).
        case after(Int)
        /// As soon as one of its temporary files is seen and at least `files` final files exist.
        case temporary(files: Int)
        /// As soon as this many final files exist.

        var description: String {
            switch self {
            case .after(let ms): return "after \(ms) ms"
            case .temporary(let n): return "on a temporary file after \(n) files"
            }
        }
    }

    @Test func aReportKilledAtAnyMomentLeavesOnlyCompleteFiles() throws {
        // Big enough that writing takes a while: NETRA_KILL_EVENTS overrides (e.g. 200000).
        let events = ProcessInfo.processInfo.environment["NETRA_KILL_EVENTS"].flatMap(Int.init) ?? 30_000
        let data = Netra.tempDir("kill-data")
        #expect(try Netra.run(["generate", "--events", "\(events)", "--seed", "1", "--out", data]).status == 0)
        let ref = Netra.tempDir("kill-ref")
        let full = try Child.run(["report", "--dataset", data, "--out", ref, "-q"])
        try #require(full.status == 0, "the complete run failed: \(full.stderr)")
        let refFiles = regularFiles(in: ref)
        #expect(!refFiles.contains { OutputFolder.isTemporaryName(String($0.split(separator: "/").last ?? "")) })
        let pngs = refFiles.filter { $0.hasSuffix(".png") }.count
        print("kill test: \(events) events, complete run \(String(format: "%.1f", full.seconds)) s, \(refFiles.count) files, peak RSS \(full.maxRSSKiB) KiB")

        var killedFolders: [String] = []
        var caughtTemporaries = 0
        // Moments while files are being made, where the kill must land; and one among the
        // renames at the end, which take microseconds: a kill lands there only sometimes, so a
        // run that ended first is fine for that moment alone.
        let lastMoment = Moment.temporary(files: pngs)
        for moment in [Moment.after(300), .temporary(files: 0), lastMoment] {
            let out = Netra.tempDir("kill-out")
            let child = try Child.start(["report", "--dataset", data, "--out", out, "-q"])
            let started = Date()
            var result: Child.Finished?
            var killed = false
            while result == nil {
                let names = regularFiles(in: out)
                let temps = names.filter { OutputFolder.isTemporaryName(String($0.split(separator: "/").last ?? "")) }
                let finals = names.count - temps.count
                let now: Bool
                switch moment {
                case .after(let ms): now = Date().timeIntervalSince(started) * 1000 >= Double(ms)
                case .temporary(let n): now = !temps.isEmpty && finals >= n
                }
                if now || Date().timeIntervalSince(started) > 300 {
                    child.kill()
                    killed = true
                    result = child.wait(started)
                } else {
                    result = child.poll(started)
                    if result == nil { usleep(500) }
                }
            }
            let r = try #require(result)
            // A run that ended before the kill landed proves nothing about being killed.
            let mustLand = moment.description != lastMoment.description
            #expect(
                !mustLand || (killed && r.signal == SIGKILL),
                "\(moment): the report ended by itself (exit \(r.status)) before it was killed; give NETRA_KILL_EVENTS more events")
            let temps = Self.checkLeftovers(out, against: ref, refFiles: Set(refFiles), "killed \(moment)")
            caughtTemporaries += temps.count
            let finals = regularFiles(in: out).count - temps.count
            print(
                "kill test: \(moment): \(killed && r.signal == SIGKILL ? "killed" : "ended by itself, exit \(r.status)") with \(finals) complete files and \(temps.count) temporary (\(temps.joined(separator: ", ")))"
            )
            killedFolders.append(out)
        }
        print("kill test: \(caughtTemporaries) temporary file(s) caught mid-write in all")

        // A later run into a killed run's folder: it finishes, leaves no temporary behind (the
        // killed run's stale ones are removed), and does not touch anyone else's files.
        let again = killedFolders[2]
        let dead = deadPID()
        let planted = ".netra-tmp-\(dead)-abc123-events.csv"
        let notOurs = ["notes.txt", ".netra-tmp-keep", "netra-tmp-\(dead)-abc123-x.csv"]
        for name in [planted] + notOurs { _ = FileManager.default.createFile(atPath: again + "/" + name, contents: Data("half".utf8)) }
        let r = try Child.run(["report", "--dataset", data, "--out", again, "-q"])
        #expect(r.status == 0)
        #expect(regularFiles(in: again) == (refFiles + notOurs).sorted())
        for f in refFiles { #expect(Self.bytes(again + "/" + f) == Self.bytes(ref + "/" + f), "\(f) after the rerun") }
        for name in notOurs { #expect(Self.bytes(again + "/" + name) == Data("half".utf8)) }
    }

    /// The id of a process that has ended.
    func deadPID() -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try? p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func anUnwritableOutIsAClearErrorNamingThePath() throws {
        let base = Netra.tempDir("unwritable")
        let file = base + "/somefile"
        _ = FileManager.default.createFile(atPath: file, contents: Data("keep".utf8))
        var cases: [(args: [String], path: String)] = []
        for out in [file + "/sub", file + "/sub/deeper"] {
            cases += [
                (["report", "--out", out, "-q"], out), (["briefing", "--month", "2024-01", "--out", out, "-q"], out),
                (["--out", out, "-q"], out), (["compare", "--out", out], out)
            ]
        }
        cases.append((["export", "events", "--out", file + "/events.csv"], file + "/events.csv"))
        cases.append((["export", "events", "--out", base + "/missing/events.csv"], base + "/missing/events.csv"))
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            let proc = "/proc/netra-\(UUID().uuidString)"
            cases += [(["report", "--out", proc, "-q"], proc), (["export", "monthly", "--out", proc + ".csv"], proc + ".csv")]
        }
        if geteuid() != 0 {
            // Permissions only stop a user who is not root.
            let locked = base + "/locked"
            mkdir(locked, 0o555)
            cases += [
                (["report", "--out", locked, "-q"], locked), (["report", "--out", locked + "/sub", "-q"], locked + "/sub"),
                (["export", "events", "--out", locked + "/e.csv"], locked + "/e.csv")
            ]
        }
        let lockedSnapshot = snapshot(base)
        for c in cases {
            let r = try Netra.run(c.args + ["--dataset", Hostile.shipped])
            #expect(r.status == 1, "\(c.args): exit \(r.status)")
            #expect(r.stderr.hasPrefix("netra: ") && r.stderr.contains("'\(c.path)'"), "\(c.args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(c.args): \(r.stderr)")
        }
        #expect(snapshot(base) == lockedSnapshot)
        #expect(Self.bytes(file) == Data("keep".utf8))
    }

    @Test func anOutThatIsAnExistingFileIsRefusedAndUntouched() throws {
        let base = Netra.tempDir("existing")
        let file = base + "/report.png"
        _ = FileManager.default.createFile(atPath: file, contents: Data("not a folder".utf8))
        let before = snapshot(base)
        for args in [
            ["report", "--out", file, "-q"], ["briefing", "--month", "2024-01", "--out", file, "-q"],
            ["--out", file, "-q"], ["compare", "--out", file], ["report", "--out", file + "/", "-q"]
        ] {
            let r = try Netra.run(args + ["--dataset", Hostile.shipped, "--lang", "en"])
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == "netra: '\(file)' is an existing file, not a folder; give --out a folder\n", "\(args)")
        }
        #expect(snapshot(base) == before)
        #expect(Self.bytes(file) == Data("not a folder".utf8))
        // `export --out FILE` is the one place a file is meant: it is replaced whole.
        #expect(try Netra.run(["export", "compare", "--out", file, "--dataset", Hostile.shipped]).status == 0)
        #expect(String(decoding: Self.bytes(file) ?? Data(), as: UTF8.self).hasPrefix("metric,"))
        #expect(regularFiles(in: base) == ["report.png"])
    }

    @Test func nothingOutsideOutIsTouched() throws {
        // The dataset, the working folder and the folder around --out, before and after.
        let around = Netra.tempDir("around")
        let data = try Hostile.dataset("untouched") { _ in }
        let cwd = around + "/cwd"
        mkdir(cwd, 0o755)
        _ = FileManager.default.createFile(atPath: around + "/neighbour.csv", contents: Data("x".utf8))
        let out = around + "/a/b/out"
        let beforeAround = snapshot(around), beforeData = snapshot(data)
        for args in [
            ["report", "--out", out, "-q"], ["--out", out, "-q"], ["briefing", "--month", "2024-01", "--out", out, "-q"],
            ["compare", "--out", out], ["export", "events", "--out", out + "/e.csv"], ["validate"],
            ["export", "leadtimes"]
        ] {
            let r = try Netra.run(args + ["--dataset", data], in: cwd)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        var after = snapshot(around)
        // Only the new folders on the way to --out and what is inside it.
        for k in ["a", "a/b", "a/b/out"] { #expect(after.removeValue(forKey: k) != nil) }
        after = after.filter { !$0.key.hasPrefix("a/b/out/") }
        #expect(after == beforeAround)
        #expect(snapshot(data) == beforeData)
        #expect(regularFiles(in: cwd).isEmpty)
        #expect(!regularFiles(in: out).isEmpty)
    }

    @Test func idsFromTheDataNeverLeaveOut() throws {
        let around = Netra.tempDir("escape")
        let escapee = "netra-escape-\(UUID().uuidString)"
        let hostileIDs = ["../../x", "..", "../../../../../../../../../../tmp/" + escapee, "/tmp/" + escapee + "-abs", "a/../../../b"]
        let data = try Hostile.dataset("escape-data") { d in
            var j = try String(contentsOfFile: d + "/jurisdictions.csv", encoding: .utf8)
            var e = try String(contentsOfFile: d + "/events.csv", encoding: .utf8)
            for (k, id) in hostileIDs.enumerated() {
                j += "\(id),Hostile \(k),kota,jawa-barat,\n"
                e +=
                    [
                        "escape-\(k)", "2024-08-0\(k + 1)", "day", "", "sosialisasi", id, "Sosialisasi \(k)", "",
                        "", "", "", "", "", "", "Outlet", "", "", "", ""
                    ].joined(separator: ",") + Netra.shippedExtraFields + "\n"
            }
            try j.write(toFile: d + "/jurisdictions.csv", atomically: true, encoding: .utf8)
            try e.write(toFile: d + "/events.csv", atomically: true, encoding: .utf8)
        }
        // Ids are slugs: each path-like id is refused at its cell, before anything is written.
        let v = try Netra.run(["validate", "--lang", "en", "--dataset", data])
        #expect(v.status == 1)
        let jLines = try String(contentsOfFile: data + "/jurisdictions.csv", encoding: .utf8).split(separator: "\n").count - hostileIDs.count
        for k in hostileIDs.indices {
            #expect(v.stderr.contains("\(data)/jurisdictions.csv:\(jLines + k + 1):1: id: "), "\(v.stderr)")
        }
        #expect(v.stderr.contains("'.' (U+002E) at character 1 is not allowed"))
        #expect(v.stderr.contains("'/' (U+002F) at character 1 is not allowed"))
        let out = around + "/a/b/out"
        mkdir(around + "/a", 0o755); mkdir(around + "/a/b", 0o755)
        let before = snapshot(around)
        for args in [
            ["--out", out, "-q"], ["report", "--lang", "en", "--out", out, "-q"], ["compare", "--lang", "en", "../../x", "..", "--out", out],
            ["briefing", "--lang", "en", "--month", "2024-08", "--out", out, "-q"]
        ] {
            let r = try Netra.run(args + ["--dataset", data])
            #expect(r.status == 1, "\(args): \(r.stderr)")
        }
        // Nothing written anywhere: not in --out, not beside it, not in /tmp.
        #expect(snapshot(around) == before)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).allSatisfy { !$0.contains(escapee) })
    }

    /// An id like `../../x` is refused where it stands, with the character that is not allowed.
    @Test
    func aPathLikeIDIsRefusedAtItsCell() throws {
        let data = try Hostile.dataset("flat-data") { d in
            var j = try String(contentsOfFile: d + "/jurisdictions.csv", encoding: .utf8)
            j += "../../x,Hostile,kota,jawa-barat,\n"
            try j.write(toFile: d + "/jurisdictions.csv", atomically: true, encoding: .utf8)
        }
        let r = try Netra.run(["validate", "--lang", "en", "--dataset", data])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "\(data)/jurisdictions.csv:6:1: id: '.' (U+002E) at character 1 is not allowed; an id uses only lowercase letters a-z, digits, hyphens and underscores, e.g. kota-2023-11-02-pledge"
            ), "\(r.stderr)")
    }
}
