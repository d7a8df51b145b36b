import Synchronization
import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics

/// The language of everything Netra prints: the command's language once it is known (its
/// dataset's settings included), before that `--lang` as typed, else Indonesian.
enum MessageLanguage {
    private static let chosen = Mutex<Language?>(nil)

    static var current: Language {
        chosen.withLock { $0 } ?? typed(CommandLine.arguments) ?? .id
    }

    /// From here on, messages are in `lang`.
    static func use(_ lang: Language) { chosen.withLock { $0 = lang } }

    /// `--lang en` or `--lang=en` among `arguments` (the last valid one, as the parser takes it;
    /// nothing after `--`).
    static func typed(_ arguments: [String]) -> Language? {
        var found: Language?
        var i = arguments.startIndex
        while i < arguments.endIndex, arguments[i] != "--" {
            let a = arguments[i]
            if a == "--lang", i + 1 < arguments.endIndex {
                found = Language(rawValue: arguments[i + 1]) ?? found
                i += 2
                continue
            }
            if a.hasPrefix("--lang=") { found = Language(rawValue: String(a.dropFirst("--lang=".count))) ?? found }
            i += 1
        }
        return found
    }
}

/// A usage error (exit 2) in the language of the messages.
func usageError(_ phrase: Phrase) -> ValidationError { ValidationError(phrase.text(MessageLanguage.current)) }
