import Foundation
import GRDB

/// A workspace: one office's settings.
public struct WorkspaceRow: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "workspace"
    public var id: String
    public var office: String?
    public var region: String?
    /// `a,b`, or nil for the dataset's own choice.
    public var pair: String?
    public var lang: String
    public var created: String
}

/// One upload of a workspace, kept whole in its folder.
public struct VersionRow: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "version"
    public var workspace: String
    public var number: Int
    /// The version's folder under the workspace's `versions/` (a random name, never from the request).
    public var folder: String
    /// ISO 8601, UTC.
    public var uploaded: String
    public var uploader: String
    public var events: Int
    public var jurisdictions: Int
    public var elections: Int
    public var warnings: Int
    public var validated: Bool
    /// The months with a briefing to offer: the first event's through the latest's (YYYY-MM).
    public var firstMonth: String?
    public var latestMonth: String?
}

/// A logged-in session: the SHA-256 of its cookie (never the cookie), its CSRF token and its
/// expiry (seconds since 1970).
public struct StoredSession: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "session"
    public var tokenHash: String
    public var csrf: String
    public var expires: Double
}

/// The index of workspaces and versions: SQLite through GRDB, in WAL mode (a DatabasePool).
/// A version's row is written only after its folder is complete on disk.
public final class ServeIndex: Sendable {
    let pool: DatabasePool

    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: config)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "workspace") { t in
                t.primaryKey("id", .text)
                t.column("office", .text)
                t.column("region", .text)
                t.column("pair", .text)
                t.column("lang", .text).notNull()
                t.column("created", .text).notNull()
            }
            try db.create(table: "version") { t in
                t.column("workspace", .text).notNull().references("workspace")
                t.column("number", .integer).notNull()
                t.column("folder", .text).notNull()
                t.column("uploaded", .text).notNull()
                t.column("uploader", .text).notNull()
                t.column("events", .integer).notNull()
                t.column("jurisdictions", .integer).notNull()
                t.column("elections", .integer).notNull()
                t.column("warnings", .integer).notNull()
                t.column("validated", .boolean).notNull()
                t.column("firstMonth", .text)
                t.column("latestMonth", .text)
                t.primaryKey(["workspace", "number"])
            }
        }
        // Logged-in sessions, so that a restart keeps users logged in.
        migrator.registerMigration("v2-sessions") { db in
            try db.create(table: "session") { t in
                t.primaryKey("tokenHash", .text)
                t.column("csrf", .text).notNull()
                t.column("expires", .double).notNull().indexed()
            }
        }
        try migrator.migrate(pool)
    }

    /// "wal" when the database is in WAL mode.
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    public func workspaces() async throws -> [WorkspaceRow] {
        try await pool.read { db in try WorkspaceRow.order(Column("id")).fetchAll(db) }
    }

    public func workspace(_ id: String) async throws -> WorkspaceRow? {
        try await pool.read { db in try WorkspaceRow.fetchOne(db, key: id) }
    }

    /// Creates the workspace or replaces its settings; true when it was new.
    public func put(_ w: WorkspaceRow) async throws -> Bool {
        try await pool.write { db in
            if var old = try WorkspaceRow.fetchOne(db, key: w.id) {
                old.office = w.office; old.region = w.region; old.pair = w.pair; old.lang = w.lang
                try old.update(db)
                return false
            }
            try w.insert(db)
            return true
        }
    }

    /// Adds a version under the next number, in one transaction.
    public func addVersion(_ make: @escaping @Sendable (Int) -> VersionRow) async throws -> VersionRow {
        try await pool.write { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM version WHERE workspace = ?", arguments: [make(0).workspace]) ?? 0
            let row = make(last + 1)
            try row.insert(db)
            return row
        }
    }

    /// Newest first.
    public func versions(of workspace: String) async throws -> [VersionRow] {
        try await pool.read { db in
            try VersionRow.filter(Column("workspace") == workspace).order(Column("number").desc).fetchAll(db)
        }
    }

    /// Version `number` of the workspace, or its newest when `number` is nil.
    public func version(of workspace: String, number: Int?) async throws -> VersionRow? {
        try await pool.read { db in
            let mine = VersionRow.filter(Column("workspace") == workspace)
            if let number { return try mine.filter(Column("number") == number).fetchOne(db) }
            return try mine.order(Column("number").desc).fetchOne(db)
        }
    }

    public func session(_ tokenHash: String) async throws -> StoredSession? {
        try await pool.read { db in try StoredSession.fetchOne(db, key: tokenHash) }
    }

    public func putSession(_ s: StoredSession) async throws {
        try await pool.write { db in try s.save(db) }
    }

    public func deleteSession(_ tokenHash: String) async throws {
        _ = try await pool.write { db in try StoredSession.deleteOne(db, key: tokenHash) }
    }

    public func deleteSessions(expiredBy now: Double) async throws {
        _ = try await pool.write { db in try StoredSession.filter(Column("expires") <= now).deleteAll(db) }
    }
}
