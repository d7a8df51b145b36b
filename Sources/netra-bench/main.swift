// Times each stage of a report at several dataset sizes: `make bench`.
//
// The parent generates the datasets, then runs itself once per size (`--one N DIR`) so that
// each size's peak memory (ru_maxrss) is its own, not the largest size's so far.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NetraCore
import NetraAnalytics
import NetraRender
import NetraReport
import NetraLoad
import NetraWrite

// MARK: helpers

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Peak resident memory in MiB (ru_maxrss is KiB on Linux).
func peakMiB(_ who: Int32) -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(who), &u)
    return Double(u.ru_maxrss) / 1024
}

func warn(_ message: String) {
    let line = "netra-bench: \(message)\n"
    _ = write(2, line, line.utf8.count)
}

func fail(_ message: String) -> Never {
    warn(message)
    exit(1)
}

/// Runs `argv` quietly and waits; returns the exit status (-1 when it cannot start).
func run(_ argv: [String], quiet: Bool = true) -> Int32 { measured(argv, quiet: quiet).status }

/// Runs `argv` quietly and waits: its exit status, wall time and its own peak resident memory.
func measured(_ argv: [String], quiet: Bool = true) -> (status: Int32, seconds: Double, peakMiB: Double) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if quiet {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cargs.append(nil)
    defer { cargs.forEach { free($0) } }
    let t0 = now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { return (-1, 0, 0) }
    var status: Int32 = 0
    var usage = rusage()
    guard Syscall.retrying({ wait4(pid, &status, 0, &usage) }) >= 0 else { return (-1, 0, 0) }
    let seconds = now() - t0
    // WIFEXITED / WEXITSTATUS by hand: the macros are not imported.
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (code, seconds, Double(usage.ru_maxrss) / 1024)
}

/// Runs `argv` and returns its standard output.
func capture(_ argv: [String]) -> (status: Int32, output: String) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return (-1, "") }
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cargs.append(nil)
    defer { cargs.forEach { free($0) } }
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0
    close(fds[1])
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let r = Syscall.retrying { read(fds[0], &buf, buf.count) }
        if r <= 0 { break }
        out += buf[0..<r]
    }
    close(fds[0])
    guard spawned else { return (-1, "") }
    var status: Int32 = 0
    _ = Syscall.retrying { waitpid(pid, &status, 0) }
    return (status & 0x7F == 0 ? (status >> 8) & 0xFF : 128, String(decoding: out, as: UTF8.self))
}

func makeTempDir(_ prefix: String) -> String {
    // mkdtemp fills in the X's of the template in place.
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    guard mkdtemp(&template) != nil else { fail("cannot make a folder under /tmp") }
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func fmtSeconds(_ s: Double) -> String {
    s < 0 ? "n/a" : (s < 10 ? String(format1: s, digits: 3) : String(format1: s, digits: 2))
}

extension String {
    /// A fixed-point number without Foundation.
    init(format1 x: Double, digits: Int) {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(x) * scale).rounded()
        let whole = Int(r / scale)
        var frac = String(Int(r) - whole * Int(scale))
        while frac.count < digits { frac = "0" + frac }
        self = (x < 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + frac : "")
    }

    func padded(_ n: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, n - count))
        return left ? self + pad : pad + self
    }
}

// MARK: one size, in a child process

/// A stage's wall time and the process's peak memory once it has run.
struct Stage {
    var name: String
    var seconds: Double
    var peakMiB: Double
}

func measureOne(events n: Int, directory: String, netra: String) -> [Stage] {
    var stages: [Stage] = []
    func time<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let t0 = now()
        let r = try body()
        stages.append(Stage(name: name, seconds: now() - t0, peakMiB: peakMiB(RUSAGE_SELF.rawValue)))
        return r
    }
    let dataset: Dataset
    do {
        dataset = try time("load (read + parse + validate)") { () throws(DatasetError) -> Dataset in
            try DatasetLoader.load(directory: directory)
        }
    } catch {
        fail("the generated dataset does not load: \(error.diagnostics.prefix(3).map(\.message))")
    }
    if dataset.events.count != n { fail("expected \(n) events, loaded \(dataset.events.count)") }
    let graph = time("graph") { EventGraph(events: dataset.events) }
    if graph.nodeCount != n { fail("graph has \(graph.nodeCount) nodes") }
    let pair = dataset.defaultComparisonPair().map { ($0.a, $0.b) } ?? (0, 0)
    let analysis = time("analytics") { () -> Analysis in
        let a = Analysis(dataset: dataset)
        let summary = a.leadTimeSummary()
        let cmp = a.compare(pair.0, pair.1)
        // Keep the results observable so none of the work is dropped.
        if summary.isEmpty && cmp.rows.isEmpty { print("") }
        return a
    }
    // The report's own files, made and written as `netra report` does (in parallel, into a
    // temporary folder): first every chart, then every CSV export.
    let fonts: FontSet
    do { fonts = try FontSet.resolve() } catch { fail("fonts: \(error)") }
    // A map of all 514 kabupaten/kota, shaded by the analysis' counts: laid out, then drawn.
    // The boundaries are read once first, on their own line.
    let regions = time("map: boundaries read (once)") { Boundaries.kabkota.codes.count }
    if regions != 514 { fail("the boundaries hold \(regions) kabupaten/kota, not 514") }
    let map = MapChart(MapValues(analysis, measure: .events), join: RegionJoin(analysis.dataset), dataset: analysis.dataset, area: .kabkota)
    do {
        let ctx = try ChartContext(options: ChartOptions())
        // Once untimed: the fonts' first use (FreeType opening the faces) is not the map's work.
        _ = try Painter.png(try map.layout(ctx).chart, fonts: fonts)
        let plan = try time("map: layout (514 regions)") { () throws(RenderError) in try map.layout(ctx) }
        if plan.regions.count != 514 { fail("the map laid out \(plan.regions.count) regions") }
        let image = try time("map: draw (514 regions)") { () throws(RenderError) in try Painter.draw(plan.chart, fonts: fonts) }
        let png = try time("map: PNG encoding") { () throws(RenderError) in try image.png() }
        if png.isEmpty { fail("the map drew nothing") }
    } catch {
        fail("map: \(error)")
    }
    let files = ReportJob.build(analysis, options: JobOptions(fonts: fonts))
    let out = makeTempDir("netra-bench-out")
    func write(_ name: String, _ subset: [OutputFile]) {
        time(name) {
            do {
                let folder = try OutputFolder(out)
                _ = try folder.write(subset)
            } catch {
                fail("\(name): \(error)")
            }
        }
    }
    write("render (\(files.filter { $0.name.hasSuffix(".png") }.count) charts)", files.filter { $0.name.hasSuffix(".png") })
    write("export (\(files.filter { $0.name.hasSuffix(".csv") }.count) CSVs)", files.filter { $0.name.hasSuffix(".csv") })
    _ = run(["/bin/rm", "-rf", out])
    return stages
}

// MARK: the parent

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "--one", args.count == 4, let n = Int(args[1]) {
    // Child: one line per stage, tab-separated, for the parent to collect.
    for s in measureOne(events: n, directory: args[2], netra: args[3]) {
        print("\(s.name)\t\(s.seconds)\t\(s.peakMiB)")
    }
    exit(0)
}

var sizes = [10_000, 100_000, 1_000_000]
var keep = false
var netraPath: String?
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--sizes":
        guard let v = args.first else { fail("--sizes needs a list, e.g. --sizes 10000,100000,1000000") }
        args.removeFirst()
        let parsed = v.split(separator: ",").map { Int($0.filter { $0 != "_" }) }
        guard !parsed.isEmpty, parsed.allSatisfy({ ($0 ?? 0) > 0 }) else { fail("--sizes: '\(v)' is not a list of positive numbers") }
        sizes = parsed.compactMap { $0 }
    case "--keep": keep = true
    case "--netra":
        guard let v = args.first else { fail("--netra needs the path of the netra binary") }
        args.removeFirst()
        netraPath = v
    case "-h", "--help":
        print("usage: netra-bench [--sizes 10000,100000,1000000] [--keep] [--netra PATH]")
        exit(0)
    default: fail("unknown option '\(a)'; see --help")
    }
}

/// This executable's own path, to run itself and to find `netra` beside it.
func selfPath() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let r = readlink("/proc/self/exe", &buf, buf.count - 1)
    return r > 0 ? String(decoding: buf[0..<r].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
}
let me = selfPath()
let netra = netraPath ?? (me.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/netra")
if access(netra, X_OK) != 0 { warn("no netra binary at \(netra); the report row will say n/a") }

func machine() -> String {
    var u = utsname()
    uname(&u)
    // A C char array imports as a tuple: its elements read one by one.
    let chars = Mirror(reflecting: u.release).children.compactMap { $0.value as? CChar }
    let release = String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    let mem = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE))) / Double(1 << 30)
    var cpu = "unknown CPU"
    if let f = fopen("/proc/cpuinfo", "r") {
        var line = [CChar](repeating: 0, count: 1024)
        while fgets(&line, 1024, f) != nil {
            let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if s.hasPrefix("model name"), let c = s.firstIndex(of: ":") {
                cpu = String(s[s.index(after: c)...].drop { $0 == " " }.dropLast())
                break
            }
        }
        fclose(f)
    }
    return "\(cpu), \(cores) cores, \(String(format1: mem, digits: 1)) GiB, Linux \(release)"
}

print("netra-bench: \(machine())")
var results: [(size: Int, stages: [Stage])] = []
for n in sizes {
    let dir = makeTempDir("netra-bench-\(n)")
    let t0 = now()
    let bytes: Int
    do { bytes = try SyntheticDataset.write(events: n, seed: 42, to: dir) } catch { fail("generate: \(error)") }
    print("generated \(n) events (\(bytes / 1_000_000) MB) in \(fmtSeconds(now() - t0)) s into \(dir)")
    sync()  // the dataset written back before anything is timed
    let (status, out) = capture([me, "--one", String(n), dir, netra])
    if status != 0 { fail("the run for \(n) events failed (status \(status))") }
    var stages: [Stage] = []
    for line in out.split(separator: "\n") {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        if f.count == 3, let s = Double(f[1]), let m = Double(f[2]) { stages.append(Stage(name: String(f[0]), seconds: s, peakMiB: m)) }
    }
    // The whole job in the built binary (when it has a `report` subcommand), run from here
    // once the process above has ended, so that nothing else is holding memory meanwhile.
    if run([netra, "report", "--help"]) == 0 {
        let out = makeTempDir("netra-bench-out")
        sync()  // the stages' exports written back first, not on the report's time
        let r = measured([netra, "report", "--dataset", dir, "--out", out])
        _ = run(["/bin/rm", "-rf", out])
        if r.status != 0 { fail("netra report exited with \(r.status)") }
        stages.append(Stage(name: "netra report (subprocess)", seconds: r.seconds, peakMiB: r.peakMiB))
    } else {
        stages.append(Stage(name: "netra report (subprocess)", seconds: -1, peakMiB: -1))
    }
    if !keep { _ = run(["/bin/rm", "-rf", dir]) }
    results.append((n, stages))
}

// The table: one row per stage, time and peak memory per size.
let names = results.first?.stages.map(\.name) ?? []
var header = "stage".padded(32, left: true)
for r in results { header += " | " + "\(r.size) s".padded(10) + " " + "peak MiB".padded(9) }
let hasGrowth = sizes.contains(100_000) && sizes.contains(1_000_000)
if hasGrowth { header += " | 100k→1M" }
print("")
print(header)
print(String(repeating: "-", count: header.count))
for (i, name) in names.enumerated() {
    var line = name.padded(32, left: true)
    for r in results {
        let s = i < r.stages.count ? r.stages[i] : Stage(name: name, seconds: -1, peakMiB: -1)
        line += " | " + fmtSeconds(s.seconds).padded(10) + " " + (s.peakMiB < 0 ? "n/a" : String(format1: s.peakMiB, digits: 0)).padded(9)
    }
    if hasGrowth, let a = results.first(where: { $0.size == 100_000 })?.stages[i].seconds,
        let b = results.first(where: { $0.size == 1_000_000 })?.stages[i].seconds
    {
        line += " | " + (a > 0 && b > 0 ? String(format1: b / a, digits: 1) + "×" : "n/a")
    }
    print(line)
}
print("")
print("Peak MiB is the process's resident peak once the stage has run (stages run in order, in one")
print("process per size); for the subprocess it is its own peak (wait4), run once that process has ended.")
if results.contains(where: { $0.stages.last?.seconds ?? -1 < 0 }) {
    print("netra report: n/a — the built netra has no `report` subcommand (or was not found at \(netra)).")
}
