import CSQLite

/// A value SQLite can store.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A prepared statement. Finalized when released; reused through `Database`'s cache, so binding
/// resets it first. Not Sendable: it belongs to its connection's thread.
public final class Statement {
    let handle: OpaquePointer
    let db: OpaquePointer
    public let sql: String

    init(db: OpaquePointer, sql: String) throws(DatabaseError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw DatabaseError(db: db, code: rc, sql: sql) }
        self.handle = stmt
        self.db = db
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to parameters 1...n.
    @discardableResult
    public func bind(_ values: [SQLValue]) throws(DatabaseError) -> Statement {
        reset()
        for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
        return self
    }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func bind(_ value: SQLValue, at index: Int32) throws(DatabaseError) {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        // The byte length, not -1: a response may hold U+0000, and -1 would cut it there.
        case .text(let s): rc = sqlite3_bind_text64(handle, index, s, sqlite3_uint64(s.utf8.count), csqlite_transient(), UInt8(SQLITE_UTF8))
        case .blob(let b):
            rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
        }
        guard rc == SQLITE_OK else { throw DatabaseError(db: db, code: rc, sql: sql) }
    }

    public func bind(_ value: Int, at index: Int32) throws(DatabaseError) { try bind(.integer(Int64(value)), at: index) }
    public func bind(_ value: String?, at index: Int32) throws(DatabaseError) { try bind(value.map(SQLValue.text) ?? .null, at: index) }

    /// Steps once; true while a row is available.
    public func step() throws(DatabaseError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(db: db, code: rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs to completion, ignoring rows.
    public func run() throws(DatabaseError) {
        while try step() {}
        sqlite3_reset(handle)
    }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }
    public func columnName(_ i: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(i))) }
    public func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }
    public func int(_ i: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(i))) }
    public func double(_ i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }
    public func string(_ i: Int) -> String? {
        guard let p = sqlite3_column_text(handle, Int32(i)) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, Int32(i)))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// The bytes of a text column, valid until the next step or reset (nil for NULL): for scans
    /// that would otherwise build a String per row.
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let p = sqlite3_column_text(handle, Int32(i)) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, Int32(i))))
    }

    public func value(_ i: Int) -> SQLValue {
        switch sqlite3_column_type(handle, Int32(i)) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, Int32(i)))
        case SQLITE_FLOAT: return .real(double(i))
        case SQLITE_TEXT: return .text(string(i) ?? "")
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, Int32(i)))
            guard n > 0, let p = sqlite3_column_blob(handle, Int32(i)) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default: return .null
        }
    }
}

// Binding without SQLValue, for loops that write many rows through one statement: no boxing,
// no per-row array, and no clearing, so each row must bind every parameter.
extension Statement {
    public func bindNull(at index: Int32) throws(DatabaseError) { try check(sqlite3_bind_null(handle, index)) }
    public func bindInt(_ value: Int64, at index: Int32) throws(DatabaseError) { try check(sqlite3_bind_int64(handle, index, value)) }
    public func bindDouble(_ value: Double, at index: Int32) throws(DatabaseError) { try check(sqlite3_bind_double(handle, index, value)) }
    public func bindText(_ value: String, at index: Int32) throws(DatabaseError) {
        // The byte length, not -1: a response may hold U+0000, and -1 would cut it there.
        try check(sqlite3_bind_text64(handle, index, value, sqlite3_uint64(value.utf8.count), csqlite_transient(), UInt8(SQLITE_UTF8)))
    }
    public func bindInt(_ value: Int?, at index: Int32) throws(DatabaseError) {
        if let value { try bindInt(Int64(value), at: index) } else { try bindNull(at: index) }
    }
    public func bindText(_ value: String?, at index: Int32) throws(DatabaseError) {
        if let value { try bindText(value, at: index) } else { try bindNull(at: index) }
    }

    /// Runs a statement that returns no rows and resets it, keeping its bindings.
    public func insert() throws(DatabaseError) {
        let rc = sqlite3_step(handle)
        let error = rc == SQLITE_DONE ? nil : DatabaseError(db: db, code: rc, sql: sql)
        sqlite3_reset(handle)
        if let error { throw error }
    }

    private func check(_ rc: Int32) throws(DatabaseError) {
        guard rc == SQLITE_OK else { throw DatabaseError(db: db, code: rc, sql: sql) }
    }
}

extension Statement {
    /// The index of a named parameter (`:name`), or 0 when the statement has none by that name.
    public func parameterIndex(_ name: String) -> Int32 {
        sqlite3_bind_parameter_index(handle, name)
    }
}
