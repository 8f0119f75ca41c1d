import CSQLite
import Foundation

/// One SQLite connection with the warehouse's settings: WAL, foreign keys, extended result
/// codes and a bounded busy timeout. Statements are cached by SQL text. Not Sendable: a
/// connection is used from one thread at a time; parallel work opens its own connections.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    public let isReadOnly: Bool
    private var cache: [String: Statement] = [:]

    /// How long a writer waits for another writer before failing with SQLITE_BUSY.
    public static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Runs once, before the process's first connection: SQLite accepts global configuration
    /// only before it initialises.
    private static let configured: Void = { _ = csqlite_disable_memory_statistics() }()

    public init(path: String, readOnly: Bool = false, create: Bool = true) throws(DatabaseError) {
        _ = Self.configured
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let error = DatabaseError(db: db, code: rc, sql: nil)
            sqlite3_close_v2(db)  // a handle is allocated even when opening fails
            throw DatabaseError(extendedCode: error.extendedCode, message: "\(error.message): \(path)")
        }
        // SQLite silently falls back to read-only when the file or its directory is not
        // writable; say so now rather than with a confusing error at the first write.
        if !readOnly, sqlite3_db_readonly(db, "main") == 1 {
            sqlite3_close_v2(db)
            throw DatabaseError(extendedCode: DatabaseError.readOnly,
                                message: "cannot write \(path): the file or its directory is read-only (reading commands such as `isaq sql` still work)")
        }
        self.handle = db
        self.path = path
        self.isReadOnly = readOnly
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Database.busyTimeoutMilliseconds)
        _ = csqlite_enable_defensive(db)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            // WAL lets reports read the last committed state while an ingest writes. Switching
            // needs the -wal and -shm files beside the database: a read-only directory fails here.
            if let error = setJournalMode() { throw error }
            try execute("PRAGMA synchronous = NORMAL")
            // Ingest looks rows up in large indexes; 64 MiB of page cache keeps them in memory.
            try execute("PRAGMA cache_size = -65536")
        }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A cached prepared statement for `sql` (reset, bindings cleared).
    public func statement(_ sql: String) throws(DatabaseError) -> Statement {
        if let s = cache[sql] {
            s.reset()
            return s
        }
        let s = try Statement(db: handle, sql: sql)
        cache[sql] = s
        return s
    }

    /// Runs one statement with parameters, discarding rows.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws(DatabaseError) {
        try statement(sql).bind(values).run()
    }

    /// Runs a script of several statements by following SQLite's tail pointer (never by
    /// splitting on `;`, which breaks on semicolons inside strings and triggers).
    public func execute(_ script: String) throws(DatabaseError) {
        // withCString cannot carry a typed error out of its closure, so the failure is captured.
        var failure: DatabaseError?
        script.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let sqlStart = cursor, sqlStart.pointee != 0 {
                var stmt: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle, sqlStart, -1, &stmt, &tail)
                let text = tail.map { String(decoding: UnsafeRawBufferPointer(start: sqlStart, count: sqlStart.distance(to: $0)), as: UTF8.self) }
                guard rc == SQLITE_OK else { failure = DatabaseError(db: handle, code: rc, sql: text); return }
                cursor = tail
                guard let stmt else { continue }  // whitespace or a comment
                var step = sqlite3_step(stmt)
                while step == SQLITE_ROW { step = sqlite3_step(stmt) }
                let error = step == SQLITE_DONE ? nil : DatabaseError(db: handle, code: step, sql: text)
                sqlite3_finalize(stmt)
                if let error { failure = error; return }
            }
        }
        if let failure { throw failure }
    }

    /// The rows of a query as value arrays, with column names.
    public func query(_ sql: String, _ values: [SQLValue] = []) throws(DatabaseError) -> (columns: [String], rows: [[SQLValue]]) {
        let s = try statement(sql).bind(values)
        let columns = (0..<s.columnCount).map(s.columnName)
        var rows: [[SQLValue]] = []
        while try s.step() { rows.append((0..<s.columnCount).map(s.value)) }
        s.reset()
        return (columns, rows)
    }

    /// The first column of the first row, as an integer (0 when there is no row).
    public func scalarInt(_ sql: String, _ values: [SQLValue] = []) throws(DatabaseError) -> Int {
        let s = try statement(sql).bind(values)
        defer { s.reset() }
        return try s.step() ? s.int(0) : 0
    }

    public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`. Any error rolls back and is rethrown.
    /// IMMEDIATE takes the write lock up front: a deferred transaction that later upgrades to a
    /// write gets an SQLITE_BUSY that no busy timeout can resolve.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if let error = begin() { throw error }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    private func setJournalMode() -> DatabaseError? {
        // Switching to WAL needs an exclusive lock, and SQLite answers BUSY at once, without the
        // busy handler, when another process is creating the warehouse at the same moment (a
        // lock upgrade that could deadlock); so wait here, as long as the busy timeout allows.
        let deadline = DispatchTime.now() + .milliseconds(Int(Database.busyTimeoutMilliseconds))
        while true {
            do {
                try execute("PRAGMA journal_mode = WAL")
                return nil
            } catch where error.code == DatabaseError.busy && DispatchTime.now() < deadline {
                usleep(20_000)
            } catch {
                return journalModeError(error)
            }
        }
    }

    private func journalModeError(_ error: DatabaseError) -> DatabaseError {
        guard error.code == DatabaseError.readOnly else { return error }
        return DatabaseError(extendedCode: error.extendedCode, message:
            "cannot write \(path): the file or its directory is read-only (reading commands such as `isaq sql` still work)")
    }

    /// Takes the write lock; a writer that waited out the busy timeout gets a plain message.
    private func begin() -> DatabaseError? {
        do {
            try execute("BEGIN IMMEDIATE")
            return nil
        } catch {
            guard error.code == DatabaseError.busy else { return error }
            let seconds = Database.busyTimeoutMilliseconds / 1000
            return DatabaseError(extendedCode: error.extendedCode, message:
                "the warehouse \(path) is busy: another process kept writing to it for more than \(seconds) s; nothing was changed, try again when it has finished")
        }
    }

    /// Statements still being stepped (should be 0 between operations).
    public var busyStatementCount: Int {
        var n = 0
        var s = sqlite3_next_stmt(handle, nil)
        while let stmt = s {
            if sqlite3_stmt_busy(stmt) != 0 { n += 1 }
            s = sqlite3_next_stmt(handle, stmt)
        }
        return n
    }

    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
