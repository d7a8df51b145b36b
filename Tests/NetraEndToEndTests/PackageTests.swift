import Testing
import Foundation
import NetraTestSupport

/// Issue 31, point 1: the Debian package that `make deb` builds (and `make test` builds before
/// the tests) runs on a machine without Swift: unpacked into a scratch root with `dpkg-deb -x`,
/// its `netra` needs no Swift library, depends on a package for every library it loads, and
/// writes the shipped dataset's report with a PATH holding no Swift and no LD_LIBRARY_PATH.
/// Under `swift test` alone it takes the package `make deb` left in .build-static/; without
/// one it is skipped, except in CI (CI=true), where `make test` must have built it.
@Suite("The Debian package", .serialized, .removingTemporaryFolders, .tags(.slow), .leftOutOfTheFastRun)
struct PackageTests {
    static let environment = ProcessInfo.processInfo.environment

    /// $NETRA_DEB, else the package in .build-static/.
    static let deb: String? = {
        if let named = environment["NETRA_DEB"], !named.isEmpty { return named }
        let dir = Netra.root + "/.build-static"
        let debs = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("netra_") && $0.hasSuffix(".deb") }
        return debs.sorted().last.map { dir + "/" + $0 }
    }()

    static let required = environment["CI"] == "true"

    /// What the package's `netra` is run with: a PATH of the system's own folders, nothing else.
    static let bareEnvironment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

    /// The Debian package owning the library at `path` (tried as given and with /usr before
    /// or without it: Debian 12's merged /usr lists some under one, some under the other).
    static func owner(_ path: String) throws -> String? {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
            $0.hasPrefix("/") ? $0 : (path as NSString).deletingLastPathComponent + "/" + $0
        }
        var tries = [path]
        if let real { tries.append(real) }
        for t in tries { tries.append(t.hasPrefix("/usr/") ? String(t.dropFirst(4)) : "/usr" + t) }
        for t in tries {
            let r = try Netra.runProgram("/usr/bin/dpkg", ["-S", t])
            if r.status == 0, let line = r.stdout.split(separator: "\n").first, let colon = line.firstIndex(of: ":") {
                return String(line[..<colon])
            }
        }
        return nil
    }

    /// The build the tests run is not stamped (a plain `swift build`, no make): it says so.
    @Test func theBuildSaysItsVersion() throws {
        let r = try Netra.run(["--version"], in: Netra.tempDir("version"))
        #expect(r.status == 0)
        #expect(r.stdout == "netra 0.9.0 (commit unknown: built without make)\n")
    }

    @Test(.enabled(if: deb != nil || required, "no package: `make deb` builds one (`make test` does first)"))
    func thePackageRunsWithoutSwift() throws {
        let deb = try #require(Self.deb, "make test builds the package before the tests; none in .build-static/")
        let root = Netra.tempDir("pkg-root")
        let x = try Netra.runProgram("/usr/bin/dpkg-deb", ["-x", deb, root])
        #expect(x.status == 0, "\(x.stderr)")
        let netra = root + "/usr/bin/netra"
        #expect(FileManager.default.isExecutableFile(atPath: netra))

        // The control file: the libraries and the fonts, and no Swift.
        let depends = try Netra.runProgram("/usr/bin/dpkg-deb", ["-f", deb, "Depends"]).stdout
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")[0] }.map(String.init)
        for p in ["libgd3", "libxlsxwriter4", "libzip4", "libexpat1", "libhpdf-2.3.0", "libsqlite3-0", "fonts-dejavu-core"] {
            #expect(depends.contains(p), "Depends lacks \(p): \(depends)")
        }
        // `netra serve`'s unit is installed, not enabled (no link under /etc), and its guide beside it.
        #expect(FileManager.default.fileExists(atPath: root + "/usr/lib/systemd/system/netra-serve.service"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc"))
        #expect(FileManager.default.fileExists(atPath: root + "/usr/share/doc/netra/SERVE.md"))
        #expect(!depends.contains { $0.contains("swift") })

        // No Swift library is loaded, every library is found, and each one the binary asks for
        // by name belongs to a package it depends on.
        let ldd = try Netra.runProgram("/usr/bin/ldd", [netra], environment: Self.bareEnvironment)
        #expect(ldd.status == 0)
        #expect(!ldd.stdout.contains("libswift") && !ldd.stdout.contains("libFoundation") && !ldd.stdout.contains("libdispatch"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("not found"), "\(ldd.stdout)")
        var resolved: [String: String] = [:]
        for line in ldd.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count >= 3, parts[1] == "=>" { resolved[String(parts[0].trimmingCharacters(in: .whitespaces))] = String(parts[2]) }
        }
        let needed = try Netra.runProgram("/usr/bin/readelf", ["-d", netra]).stdout.split(separator: "\n")
            .filter { $0.contains("(NEEDED)") }
            .compactMap { line -> String? in
                guard let a = line.firstIndex(of: "["), let b = line.firstIndex(of: "]") else { return nil }
                return String(line[line.index(after: a)..<b])
            }
        #expect(needed.contains("libgd.so.3") && needed.contains("libxlsxwriter.so.4"), "\(needed)")
        for soname in needed where !soname.hasPrefix("ld-linux") {
            let path = try #require(resolved[soname], "\(soname) not resolved")
            let owner = try Self.owner(path)
            #expect(owner.map { depends.contains($0) } == true, "\(soname) (\(path)) belongs to \(owner ?? "no package"), which the package does not depend on")
        }

        // No Swift on this PATH: the package's netra alone.
        for dir in ["/usr/bin", "/bin"] { #expect(!FileManager.default.fileExists(atPath: dir + "/swift")) }
        let version = try Netra.runProgram(netra, ["--version"], in: root, environment: Self.bareEnvironment)
        #expect(version.status == 0, "\(version.stderr)")
        let line = version.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("netra 0.9.0 (commit "), "\(line)")
        #expect(line.range(of: #"^netra [0-9.]+ \(commit [0-9a-f]{12}(-modified)?\)$"#, options: .regularExpression) != nil, "\(line)")
        if Self.required {
            let head = try Netra.runProgram("/usr/bin/git", ["-C", Netra.root, "rev-parse", "--short=12", "HEAD"]).stdout.trimmingCharacters(in: .newlines)
            #expect(line.contains("(commit \(head)"), "\(line): not HEAD \(head)")
        }

        // The report of the shipped dataset, as the package ships it, from the dataset's folder.
        let example = root + "/usr/share/doc/netra/examples/bekasi-2024"
        let out = Netra.tempDir("pkg-out")
        let report = try Netra.runProgram(netra, ["report", "--out", out, "--quiet"], in: example, environment: Self.bareEnvironment)
        #expect(report.status == 0, "\(report.stderr)")
        let files = Netra.files(in: out)
        #expect(files.filter { $0.hasSuffix(".png") }.count >= 10)
        #expect(files.contains("netra.xlsx") && files.contains("report.html") && files.contains("netra-manifest.txt"))
        // The same figures as the golden files of the build the tests run.
        let goldens = Snapshot.folder + "/bekasi-2024"
        for name in ["events.csv", "monthly.csv", "compare.csv", "leadtimes.csv", "tallies.csv"] {
            #expect(FileManager.default.contents(atPath: out + "/" + name) == FileManager.default.contents(atPath: goldens + "/" + name), "\(name)")
        }
    }
}
