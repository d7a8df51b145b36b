import Testing
import Foundation
import CGD
import NetraTestSupport

/// Runs the built `netra` binary, as a user would.
enum Netra {
    static var root: String { TestPaths.packageRoot }

    /// The binary sits beside the test bundle in the build folder.
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir.appendingPathComponent("netra").path
    }()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Empty cells for the shipped header's columns beyond the 19 that tests' added rows write
    /// (through `known_date`, with `title_en`): appended to such a row, whose last cells are all empty, it fits the header.
    static let shippedExtraFields: String = {
        let text = (try? String(contentsOfFile: root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)) ?? ""
        let columns = text.prefix { $0 != "\n" }.split(separator: ",", omittingEmptySubsequences: false).count
        return String(repeating: ",", count: max(0, columns - 19))
    }()

    /// The line a row appended to the shipped events.csv is on (its lines, plus one).
    static let firstAppendedEventLine: Int = {
        let text = (try? String(contentsOfFile: root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)) ?? ""
        return text.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
    }()

    /// The shipped dataset's folder.
    static var shipped: String { root + "/datasets/bekasi-2024" }

    /// Runs `netra args…` in `dir`; by default inside the shipped dataset's folder, as an
    /// analyst runs Netra in their dataset's folder (no `--dataset` then reads it).
    static func run(_ args: [String], in dir: String? = nil) throws -> Result {
        try runProgram(binary, args, in: dir ?? shipped)
    }

    /// Runs `program` with `args` in `dir` (the package root by default) to its end, with
    /// `environment` alone when given (else the tests' own).
    static func runProgram(_ program: String, _ args: [String], in dir: String? = nil, environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir ?? root)
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A new folder, removed after the test (see `.removingTemporaryFolders`).
    static func tempDir(_ name: String) -> String { TemporaryFolders.make("e2e-" + name) }

    static func files(in dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir + "/" + $0, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    /// A copy of the shipped dataset with one file replaced.
    static func brokenDataset(_ file: String, _ text: String) throws -> String {
        let dir = tempDir("bad")
        for f in ["events.csv", "jurisdictions.csv", "elections.csv"] {
            try FileManager.default.copyItem(atPath: root + "/datasets/bekasi-2024/" + f, toPath: dir + "/" + f)
        }
        try FileManager.default.removeItem(atPath: dir + "/" + file)
        try text.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        return dir
    }
}

@Suite(.serialized, .removingTemporaryFolders) struct EndToEndTests {
    @Test func validateAcceptsTheShippedDataset() throws {
        let r = try Netra.run(["validate"])
        #expect(r.status == 0)
        #expect(
            r.stdout
                == "ok: 66 peristiwa (regulation 2, task_force 2, directive 7, sosialisasi 2, pledge 4, incident 6, response 1, report 4, decision 4, case_tally 21, statement 13); 4 wilayah; 2 pemilu; 2022-01-01 s.d. 2025-02-19\n"
        )
    }

    @Test func badDataExitsOneWithEveryProblemAndWritesNothing() throws {
        let events = try String(contentsOfFile: Netra.root + "/datasets/bekasi-2024/events.csv", encoding: .utf8)
            .replacingOccurrences(of: "kota-2023-12-29-jersey-photo,2023-12-29,day,,incident", with: "kota-2023-12-29-jersey-photo,2023-12-32,day,,rally")
        let dir = try Netra.brokenDataset("events.csv", events)
        let out = Netra.tempDir("out")
        let r = try Netra.run(["report", "--lang", "en", "--dataset", dir, "--out", out])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // The photo's row is line 18 (the header, then the rows before 29 Dec 2023).
        #expect(lines[0].hasPrefix("\(dir)/events.csv:18:30: date: impossible date '2023-12-32'"))
        #expect(lines[1].hasPrefix("\(dir)/events.csv:18:46: kind: unknown kind 'rally'; expected one of: regulation,"))
        #expect(lines[2] == "netra: 2 problems in \(dir); nothing was written")
        #expect(Netra.files(in: out).isEmpty)
    }

    @Test func malformedMonthIsAUsageError() throws {
        for bad in ["2024-13", "Jan", "2024-1"] {
            let r = try Netra.run(["briefing", "--lang", "en", "--month", bad, "--out", Netra.tempDir("m")])
            #expect(r.status == 2)
            #expect(r.stderr.contains("expected YYYY-MM, e.g. 2024-01"))
        }
    }

    @Test func outThatIsAFileIsRefused() throws {
        let file = Netra.tempDir("f") + "/plain.txt"
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Netra.run(["report", "--lang", "en", "--out", file, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is an existing file, not a folder"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }

    /// `--size phone`: every chart of the report and the briefing in portrait, 1080 × 1350,
    /// read back with libgd; the sheet keeps its A4 pages.
    @Test func phoneSizeDrawsEveryChartInPortrait() throws {
        let out = Netra.tempDir("phone")
        #expect(try Netra.run(["report", "--size", "phone", "--out", out, "-q"]).status == 0)
        #expect(try Netra.run(["briefing", "--month", "2024-01", "--size", "phone", "--out", out, "-q"]).status == 0)
        let pngs = Netra.files(in: out).filter { $0.hasSuffix(".png") }
        #expect(pngs.count >= 12)
        for f in pngs {
            let bytes = try #require(FileManager.default.contents(atPath: out + "/" + f))
            let img = bytes.withUnsafeBytes { gdImageCreateFromPngPtr(Int32($0.count), UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
            let image = try #require(img, "\(f) is not a PNG")
            defer { gdImageDestroy(image) }
            let size = (image.pointee.sx, image.pointee.sy)
            if f.contains("briefing-sheet") { #expect(size == (1240, 1754), "\(f)") } else { #expect(size == (1080, 1350), "\(f)") }
        }
        #expect(pngs.contains("briefing-2024-01/briefing-sheet-3.png"))
        #expect(try Netra.run(["report", "--size", "square", "--out", out]).status == 2)
    }

    @Test func mainJobWritesTheReportAndTheLatestBriefingDeterministically() throws {
        let a = Netra.tempDir("a"), b = Netra.tempDir("b")
        let r = try Netra.run(["--out", a])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("menulis "), "\(r.stdout)")
        #expect(r.stdout.contains("\nbriefing 2025-02: \(a)/briefing-2025-02/briefing-sheet.png\n"))
        #expect(try Netra.run(["--out", b, "--quiet"]).stdout == "")
        let files = Netra.files(in: a)
        for name in [
            "monthly.png", "timeline.png", "report.html", "events.csv", "monthly.csv", "leadtimes.csv", "compare.csv",
            "briefing-2025-02/briefing-sheet.png", "briefing-2025-02/events.md"
        ] {
            #expect(files.contains(name), "missing \(name)")
        }
        #expect(files.filter { $0.hasSuffix(".png") }.count >= 5)
        #expect(Netra.files(in: b) == files)
        for f in files {
            let x = FileManager.default.contents(atPath: a + "/" + f), y = FileManager.default.contents(atPath: b + "/" + f)
            #expect(x != nil && x == y, "\(f) differs between two runs")
        }
        // Every PNG is a real, non-blank image.
        for f in files where f.hasSuffix(".png") {
            let bytes = try #require(FileManager.default.contents(atPath: a + "/" + f))
            let img = bytes.withUnsafeBytes { gdImageCreateFromPngPtr(Int32($0.count), UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
            let image = try #require(img, "\(f) is not a PNG")
            defer { gdImageDestroy(image) }
            var colours = Set<Int32>()
            for y in stride(from: 0, to: image.pointee.sy, by: 7) {
                for x in stride(from: 0, to: image.pointee.sx, by: 7) { colours.insert(gdImageGetTrueColorPixel(image, x, y)) }
            }
            #expect(colours.count > 5, "\(f) looks blank")
        }
    }

    @Test func briefingInEachLanguageAndForAnEmptyMonth() throws {
        let id = Netra.tempDir("id"), en = Netra.tempDir("en")
        #expect(try Netra.run(["briefing", "--month", "2024-01", "--out", id, "-q"]).status == 0)
        #expect(try Netra.run(["briefing", "--month", "2024-01", "--out", en, "--lang", "en", "-q"]).status == 0)
        let mdID = try String(contentsOfFile: id + "/briefing-2024-01/events.md", encoding: .utf8)
        let mdEN = try String(contentsOfFile: en + "/briefing-2024-01/events.md", encoding: .utf8)
        #expect(mdID.hasPrefix("# Ringkasan Bulanan — Januari 2024"))
        #expect(mdEN.hasPrefix("# Monthly Briefing — January 2024"))
        // Kinds, statuses and titles in the reader's language: no English ids in Indonesian.
        #expect(mdID.contains("**22 Januari 2024** · Putusan · Kota Bekasi: Bawaslu Kota Bekasi: tak ada pelanggaran, laporan jersey dihentikan (dihentikan)"))
        #expect(mdEN.contains("**22 January 2024** · Decision · Kota Bekasi: Bawaslu Kota Bekasi: no violation in the jersey case; report stopped (dismissed)"))
        #expect(!mdID.contains(" · decision · ") && !mdID.contains("| case_tally |"))
        #expect(mdEN.contains("**Days to Pemilu 2024**: 14"))
        #expect(
            FileManager.default.contents(atPath: id + "/briefing-2024-01/briefing-sheet.png")
                != FileManager.default.contents(atPath: en + "/briefing-2024-01/briefing-sheet.png"))
        let empty = Netra.tempDir("empty")
        #expect(try Netra.run(["briefing", "--month", "2024-03", "--out", empty, "-q"]).status == 0)
        let md = try String(contentsOfFile: empty + "/briefing-2024-03/events.md", encoding: .utf8)
        #expect(md.contains("Tidak ada kegiatan tercatat pada Maret 2024."))
        #expect(FileManager.default.fileExists(atPath: empty + "/briefing-2024-03/briefing-sheet.png"))
    }

    @Test func exportsToStandardOutputAndExcelFlavour() throws {
        let r = try Netra.run(["export", "compare"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("metric,kota-bekasi,kabupaten-bekasi\nprevention_events,5,10\n"))
        let file = Netra.tempDir("x") + "/monthly.csv"
        #expect(try Netra.run(["export", "monthly", "--excel", "--rollup", "--out", file]).status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("month;jurisdiction;kind;events;count_sum;counted\r\n"))
    }

    @Test func aScaleTheChartsRefuseIsAUsageErrorBeforeAnyFolderIsMade() throws {
        let base = Netra.tempDir("scale")
        for scale in ["0", "3", "4"] {
            for command in [["report"], ["briefing", "--month", "2024-01"], []] {
                let out = base + "/out-\(scale)-\(command.count)"
                let r = try Netra.run(command + ["--scale", scale, "--out", out, "-q", "--lang", "en"])
                #expect(r.status == 2, "\(command) --scale \(scale): exit \(r.status), \(r.stderr)")
                #expect(r.stderr.contains("--scale takes 1 or 2; got \(scale)"), "\(r.stderr)")
                #expect(!FileManager.default.fileExists(atPath: out), "\(command) --scale \(scale) made \(out)")
            }
        }
        #expect(Netra.files(in: base).isEmpty)
    }

    @Test func exportEventsIsTheReportsFileAndStreamsLikeIt() throws {
        let report = Netra.tempDir("stream-report"), file = Netra.tempDir("stream-file") + "/events.csv"
        #expect(try Netra.run(["report", "--out", report, "-q"]).status == 0)
        #expect(try Netra.run(["export", "events", "--out", file]).status == 0)
        let piped = try Netra.run(["export", "events"])
        let reference = try #require(FileManager.default.contents(atPath: report + "/events.csv"))
        #expect(FileManager.default.contents(atPath: file) == reference)
        #expect(Data(piped.stdout.utf8) == reference)
    }

    /// Memory: held whole, the export would add its own size to the peak; streamed, a chunk or
    /// two. The monthly export (a few kB) loads and analyses the same data. 100,000 generated
    /// events (a 30 MB file, the size being the point) run three times: `make test` only.
    @Test(.tags(.slow), .leftOutOfTheFastRun) func exportEventsStreamsAFileOfThirtyMegabytes() throws {
        guard Child.haveGNUTime, !underSanitizer else { return }
        let data = Netra.tempDir("stream-data"), out = Netra.tempDir("stream-out")
        #expect(try Netra.run(["generate", "--events", "100000", "--seed", "3", "--out", data]).status == 0)
        let small = try Child.run(["export", "monthly", "--dataset", data, "--out", out + "/monthly.csv"], measure: true)
        let toFile = try Child.run(["export", "events", "--dataset", data, "--out", out + "/events.csv"], measure: true)
        let toStdout = try Child.run(["export", "events", "--dataset", data], measure: true)
        try #require(small.status == 0 && toFile.status == 0 && toStdout.status == 0)
        let size = try #require(FileManager.default.attributesOfItem(atPath: out + "/events.csv")[.size] as? Int)
        #expect(size > 30_000_000)
        #expect(toStdout.stdout.utf8.count == size)
        for run in [toFile, toStdout] {
            #expect(
                run.ownRSS && run.maxRSSKiB - small.maxRSSKiB < size / 1024 / 2,
                "peak \(run.maxRSSKiB) KiB against \(small.maxRSSKiB) KiB for the monthly export; the file is \(size / 1024) KiB")
        }
    }

    @Test func worksOnAGeneratedDatasetOfAnotherShape() throws {
        let data = Netra.tempDir("gen"), out = Netra.tempDir("genout")
        #expect(try Netra.run(["generate", "--events", "3000", "--seed", "7", "--out", data]).status == 0)
        #expect(try Netra.run(["validate", "--dataset", data]).status == 0)
        let r = try Netra.run(["report", "--dataset", data, "--out", out, "-q"])
        #expect(r.status == 0)
        #expect(Netra.files(in: out).filter { $0.hasSuffix(".png") }.count >= 5)
    }
}
