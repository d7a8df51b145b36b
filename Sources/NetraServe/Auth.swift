import Foundation
import Dispatch
import HummingbirdBcrypt

/// Sessions (a random cookie each), their CSRF tokens, and the failed-login count per address.
///
/// A logged-in session is kept in the index (the SHA-256 of its token, never the token, and its
/// expiry), so a restart keeps users logged in; a session not logged in lives in memory only.
/// The bcrypt check runs on a queue of its own, never on this actor: a slow login does not hold
/// up every other request. A try is counted before its check starts, so that however many arrive
/// at once, no address gets more than five checks a minute.
public actor Sessions {
    struct Session {
        var csrf: String
        var loggedIn: Bool
        var expires: Date
    }
    /// Keyed by the SHA-256 of the token.
    private var sessions: [String: Session] = [:]
    private var failures: [String: [Date]] = [:]
    /// Checks under way per address, each counted as a failure until it ends.
    private var pending: [String: Int] = [:]
    /// Basic credentials already checked against the hash (bcrypt is slow by design).
    private var verified: Set<String> = []
    let passwordHash: String?
    let index: ServeIndex?
    static let lifetime: TimeInterval = 12 * 3600
    /// Failed logins a minute per address before the next is answered with a wait.
    public static let failuresAllowed = 5
    /// bcrypt's own threads, so the checks never occupy Swift concurrency's few threads.
    private static let bcryptQueue = DispatchQueue(label: "netra.serve.bcrypt", attributes: .concurrent)

    public init(passwordHash: String?, index: ServeIndex? = nil) {
        self.passwordHash = passwordHash
        self.index = index
    }

    /// The live session of `token`: from memory, else (a logged-in one) from the index.
    private func lookUp(_ token: String?) async -> (key: String, session: Session)? {
        guard let token, token.utf8.count == 64 else { return nil }
        let key = TokenHash.hex(token)
        let now = Date()
        if let s = sessions[key] {
            if s.expires > now { return (key, s) }
            sessions[key] = nil
        }
        guard passwordHash != nil, let index, let stored = try? await index.session(key), stored.expires > now.timeIntervalSince1970 else { return nil }
        let s = Session(csrf: stored.csrf, loggedIn: true, expires: Date(timeIntervalSince1970: stored.expires))
        sessions[key] = s
        return (key, s)
    }

    /// The session of `token`, made anew when missing or expired; logged in when no password is set.
    func session(_ token: String?) async -> (token: String, session: Session) {
        if let token, let found = await lookUp(token) { return (token, found.session) }
        let now = Date()
        // A flood of cookie-less requests: the expired go first, then those never logged in.
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.expires > now } }
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.loggedIn } }
        let t = randomHex(32)
        let s = Session(csrf: randomHex(32), loggedIn: passwordHash == nil, expires: now.addingTimeInterval(Self.lifetime))
        sessions[TokenHash.hex(t)] = s
        return (t, s)
    }

    /// True when `token` names a live, logged-in session (none is made).
    func isLoggedIn(_ token: String?) async -> Bool {
        guard let found = await lookUp(token) else { return false }
        return found.session.loggedIn
    }

    func logOut(_ token: String) async {
        let key = TokenHash.hex(token)
        sessions[key] = nil
        try? await index?.deleteSession(key)
    }

    /// Sessions past their expiry, gone from memory and from the index.
    public func removeExpired() async {
        let now = Date()
        sessions = sessions.filter { $0.value.expires > now }
        try? await index?.deleteSessions(expiredBy: now.timeIntervalSince1970)
    }

    /// True when `address` has failed (or is being checked) too often in the last minute.
    public func mustWait(_ address: String) -> Bool {
        let since = Date().addingTimeInterval(-60)
        let recent = (failures[address] ?? []).filter { $0 > since }
        failures[address] = recent.isEmpty ? nil : recent
        return recent.count + (pending[address] ?? 0) >= Self.failuresAllowed
    }

    /// Counts a try before its check: false (wait) when the address has no try left this minute.
    private func begin(_ address: String) -> Bool {
        if mustWait(address) { return false }
        pending[address, default: 0] += 1
        return true
    }

    private func end(_ address: String, ok: Bool) {
        let left = (pending[address] ?? 1) - 1
        pending[address] = left > 0 ? left : nil
        if !ok { failures[address, default: []].append(Date()) }
    }

    /// bcrypt's check, off the actor.
    nonisolated static func verify(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { c in
            bcryptQueue.async { c.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    enum Login: Sendable, Equatable {
        case loggedIn(token: String)
        case wrong
        /// Too many tries from the address this minute.
        case wait
    }

    /// Checks the password; on success the session is logged in under a new token (no fixation)
    /// and kept in the index.
    func logIn(_ token: String, password: String, address: String) async -> Login {
        guard let hash = passwordHash else { return .wrong }
        guard begin(address) else { return .wait }
        let ok = await Self.verify(password, hash: hash)
        end(address, ok: ok)
        guard ok else { return .wrong }
        let oldKey = TokenHash.hex(token)
        guard var s = sessions[oldKey] else { return .wrong }
        sessions[oldKey] = nil
        s.loggedIn = true
        s.csrf = randomHex(32)
        s.expires = Date().addingTimeInterval(Self.lifetime)
        let t = randomHex(32)
        let key = TokenHash.hex(t)
        sessions[key] = s
        try? await index?.putSession(StoredSession(tokenHash: key, csrf: s.csrf, expires: s.expires.timeIntervalSince1970))
        await removeExpired()
        return .loggedIn(token: t)
    }

    enum Basic: Sendable, Equatable { case ok, refused, wait }

    /// HTTP Basic: any user name, the server's password.
    func checkBasic(_ header: String?, address: String) async -> Basic {
        guard let hash = passwordHash else { return .ok }
        if mustWait(address) { return .wait }
        guard let header, header.lowercased().hasPrefix("basic ") else { return .refused }
        let encoded = String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)
        if verified.contains(encoded) { return .ok }
        guard begin(address) else { return .wait }
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { end(address, ok: false); return .refused }
        let ok = await Self.verify(String(text[text.index(after: colon)...]), hash: hash)
        end(address, ok: ok)
        guard ok else { return .refused }
        if verified.count >= 16 { verified.removeAll() }
        verified.insert(encoded)
        return .ok
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
