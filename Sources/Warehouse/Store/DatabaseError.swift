import CSQLite

/// An SQLite failure. Keeps the extended result code and the SQL text, never the bound values
/// (they may be whole model responses, and they are the user's data).
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (e.g. `SQLITE_CONSTRAINT_UNIQUE`).
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, ...).
    public var code: Int32 { extendedCode & 0xFF }

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    init(db: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        let text = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(extendedCode: extended, message: text, sql: sql)
    }

    public var description: String {
        var s = "SQLite error \(extendedCode): \(message)"
        // SQLite's words for a full disk or a hit file-size limit do not say what to do about it.
        if code == DatabaseError.full || code == DatabaseError.ioError {
            s += " (could not write: the disk may be full or a file-size limit reached; the interrupted transaction was rolled back)"
        }
        if let sql { s += " (in: \(sql.count > 200 ? String(sql.prefix(200)) + "…" : sql))" }
        return s
    }
}

extension DatabaseError {
    // Extended codes Swift cannot import (the C macros are expressions).
    public static let constraintUnique: Int32 = 19 | (8 << 8)
    public static let constraintForeignKey: Int32 = 19 | (3 << 8)
    public static let readOnly: Int32 = 8
    public static let busy: Int32 = 5
    public static let full: Int32 = 13
    public static let ioError: Int32 = 10
}
