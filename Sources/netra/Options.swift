import ArgumentParser
import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// `--dataset DIR`, shared by every command that reads data.
struct DatasetOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The dataset folder (events.csv, jurisdictions.csv, elections.csv).", valueName: "DIR"))
    var dataset: String = defaultDatasetPath

    /// Loads and checks the dataset; on problems prints each to stderr and exits 1.
    func load() throws -> Dataset {
        do {
            return try DatasetLoader.load(directory: dataset)
        } catch {
            for d in error.diagnostics { printError(d.description) }
            printError("netra: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in \(dataset); nothing was written")
            throw ExitCode(1)
        }
    }
}

/// The shipped dataset, found from the working folder.
let defaultDatasetPath = "datasets/bekasi-2024"

func printError(_ line: String) {
    var s = line
    s.append("\n")
    _ = s.withCString { write(2, $0, strlen($0)) }
}

func writeStdout(_ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
        let r = bytes.withUnsafeBytes { write(1, $0.baseAddress.map { $0 + done }, bytes.count - done) }
        if r <= 0 { if errno == EINTR { continue }; return }
        done += r
    }
}
