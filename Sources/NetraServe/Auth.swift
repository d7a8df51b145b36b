import Foundation
import HummingbirdBcrypt

/// Sessions (a random cookie each), their CSRF tokens, and the failed-login count per address.
public actor Sessions {
    struct Session {
        var csrf: String
        var loggedIn: Bool
        var expires: Date
    }
    private var sessions: [String: Session] = [:]
    private var failures: [String: [Date]] = [:]
    /// Basic credentials already checked against the hash (bcrypt is slow by design).
    private var verified: Set<String> = []
    let passwordHash: String?
    static let lifetime: TimeInterval = 12 * 3600
    /// Failed logins a minute per address before the next is answered with a wait.
    public static let failuresAllowed = 5

    public init(passwordHash: String?) { self.passwordHash = passwordHash }

    /// The session of `token`, made anew when missing or expired; logged in when no password is set.
    func session(_ token: String?) -> (token: String, session: Session) {
        let now = Date()
        if let token, let s = sessions[token], s.expires > now { return (token, s) }
        // A flood of cookie-less requests: the expired go first, then those never logged in.
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.expires > now } }
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.loggedIn } }
        let t = randomHex(32)
        let s = Session(csrf: randomHex(32), loggedIn: passwordHash == nil, expires: now.addingTimeInterval(Self.lifetime))
        sessions[t] = s
        return (t, s)
    }

    /// True when `token` names a live, logged-in session (none is made).
    func isLoggedIn(_ token: String?) -> Bool {
        guard let token, let s = sessions[token] else { return false }
        return s.loggedIn && s.expires > Date()
    }

    func logOut(_ token: String) { sessions[token] = nil }

    /// True when `address` has failed too often in the last minute.
    public func mustWait(_ address: String) -> Bool {
        let since = Date().addingTimeInterval(-60)
        let recent = (failures[address] ?? []).filter { $0 > since }
        failures[address] = recent.isEmpty ? nil : recent
        return recent.count >= Self.failuresAllowed
    }

    func failed(_ address: String) {
        failures[address, default: []].append(Date())
    }

    /// Checks the password; on success the session is logged in under a new token (no fixation).
    func logIn(_ token: String, password: String, address: String) -> String? {
        guard let hash = passwordHash, Bcrypt.verify(password, hash: hash) else { failed(address); return nil }
        guard var s = sessions[token] else { return nil }
        sessions[token] = nil
        s.loggedIn = true
        s.csrf = randomHex(32)
        s.expires = Date().addingTimeInterval(Self.lifetime)
        let t = randomHex(32)
        sessions[t] = s
        return t
    }

    /// HTTP Basic: any user name, the server's password.
    func checkBasic(_ header: String?, address: String) -> Bool {
        guard let hash = passwordHash else { return true }
        guard let header, header.lowercased().hasPrefix("basic ") else { return false }
        let encoded = String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)
        if verified.contains(encoded) { return true }
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else { failed(address); return false }
        let password = String(text[text.index(after: colon)...])
        guard Bcrypt.verify(password, hash: hash) else { failed(address); return false }
        if verified.count >= 16 { verified.removeAll() }
        verified.insert(encoded)
        return true
    }
}

/// A password file holds one bcrypt hash (`$2b$12$…`), made by `netra serve --hash-password`.
public enum PasswordFile {
    public static func read(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("$2"), text.count == 60, !text.contains("\n") else {
            throw ServeError.failed("netra serve: \(path) holds no bcrypt hash; make one with `netra serve --hash-password < FILE-WITH-THE-PASSWORD`")
        }
        return text
    }

    public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: 12) }
}

/// Constant-time comparison of two tokens.
func sameToken(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count, !x.isEmpty else { return false }
    var d: UInt8 = 0
    for i in 0..<x.count { d |= x[i] ^ y[i] }
    return d == 0
}
