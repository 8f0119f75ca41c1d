import Foundation

/// An isaq warehouse: one SQLite file holding responses, judgments and scores.
public final class Warehouse {
    public let db: Database

    public struct NotAWarehouse: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path) is not an isaq warehouse: \(reason)" }
    }

    /// Opens (and, unless read-only, creates or upgrades) the warehouse at `path`.
    public init(path: String, readOnly: Bool = false) throws {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw NotAWarehouse(path: path, reason: "no such file (create it with `isaq init`)")
        }
        do {
            db = try Database(path: path, readOnly: readOnly)
            try Self.checkIdentity(db, path: path)
        } catch let error as DatabaseError where error.code == 26 /* SQLITE_NOTADB */ {
            throw NotAWarehouse(path: path, reason: "the file is not an SQLite database")
        }
        if !readOnly { try migrate() }
    }

    private static func checkIdentity(_ db: Database, path: String) throws {
        let appID = try db.scalarInt("PRAGMA application_id")
        let objects = try db.scalarInt("SELECT count(*) FROM sqlite_schema")
        if appID == Schema.applicationID { return }
        if objects > 0 || appID != 0 {
            throw NotAWarehouse(path: path, reason: "it is an SQLite database of another application (application_id \(appID), \(objects) schema objects)")
        }
    }

    public var schemaVersion: Int { (try? db.scalarInt("PRAGMA user_version")) ?? 0 }

    /// Every view's SQL as SQLite stores it (its own normal form of the CREATE statement).
    private static func viewDefinitions(_ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try db.query("SELECT name, sql FROM sqlite_schema WHERE type = 'view'").rows {
            if case .text(let name) = row[0], case .text(let sql) = row[1] { out[name] = sql }
        }
        return out
    }

    /// The views this build defines, normalised by SQLite the same way: the embedded schema
    /// created once in memory (a `static let` initialises once, thread-safely).
    private static func embeddedViewDefinitions() throws -> [String: String] { try embeddedViews.get() }
    private static let embeddedViews = Result { () throws -> [String: String] in
        let memory = try Database(path: ":memory:")
        try memory.execute(Schema.tables)
        try memory.execute(Schema.views)
        return try viewDefinitions(memory)
    }

    /// Applies the missing forward migrations and recreates the views, in one transaction.
    private func migrate() throws {
        let version = try db.scalarInt("PRAGMA user_version")
        if version > Schema.currentVersion {
            throw NotAWarehouse(path: db.path, reason: "schema version \(version) is newer than this isaq supports (\(Schema.currentVersion)); upgrade isaq")
        }
        // Views are recreated when the schema version changes or this build defines its views
        // differently: by name or by any character of their SQL.
        let views = try Self.embeddedViewDefinitions()
        func current() throws -> Bool { try Self.viewDefinitions(db) == views }
        if version == Schema.currentVersion, try current() { return }
        try db.transaction {
            // Read again under the write lock: another process may have created or upgraded the
            // warehouse while this one waited for the lock.
            let version = try db.scalarInt("PRAGMA user_version")
            if version == Schema.currentVersion, try current() { return }
            for step in Schema.migrations[version...] { try db.execute(step) }
            let views = try db.query("SELECT name FROM sqlite_schema WHERE type = 'view'").rows
            for case .text(let name) in views.map({ $0[0] }) {
                try db.execute("DROP VIEW \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")  // a name from the file: quoted
            }
            try db.execute(Schema.views)
            try db.execute("PRAGMA application_id = \(Schema.applicationID)")
            try db.execute("PRAGMA user_version = \(Schema.currentVersion)")
        }
    }
}
