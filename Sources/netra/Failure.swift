import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics
import NetraReport
import NetraWrite
#if canImport(Glibc)
import Glibc
#endif

/// Why a command stopped: what to print on stderr and the exit code it ends with. Every
/// command throws this (or an argument parser error); `Netra.main` alone prints and exits.
struct NetraFailure: Error {
    /// 1: the data is invalid or an output cannot be written; 2: a usage error.
    var exitCode: Int32
    /// One or more lines, printed as they are.
    var message: String

    /// Exit 1, with `netra: ` before the message.
    static func failed(_ message: String) -> NetraFailure {
        NetraFailure(exitCode: 1, message: "netra: \(message)")
    }

    /// Exit 1 for any error, described in the language of the messages.
    static func failed(_ error: any Error) -> NetraFailure { failed(describe(error, MessageLanguage.current)) }

    /// Exit 2: the arguments cannot be used with this dataset.
    static func usage(_ message: String) -> NetraFailure {
        NetraFailure(exitCode: 2, message: "netra: \(message)")
    }
}

/// Runs `body`; anything it throws ends the command with exit 1 and the error's description.
func orFail<T, E: Error>(_ body: () throws(E) -> T) throws(NetraFailure) -> T {
    do { return try body() } catch { throw .failed(error) }
}

/// An error's text in `lang`: Netra's own errors say it in both languages; others (a
/// system's or a library's) as they are.
func describe(_ error: any Error, _ lang: Language) -> String {
    switch error {
    case let e as OutputError: return e.said.text(lang)
    case let e as JobError: return e.text(lang)
    default: return "\(error)"
    }
}
