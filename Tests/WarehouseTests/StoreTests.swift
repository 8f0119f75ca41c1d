import CSQLite
import Foundation
import Testing
@testable import Warehouse

@Suite struct StoreTests {
    private func scratch() throws -> (Database, URL) {
        let dir = try temporaryDirectory()
        let db = try Database(path: dir.appendingPathComponent("s.db").path)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE) STRICT")
        return (db, dir)
    }

    @Test func transactionRollsBackOnError() throws {
        let (db, dir) = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t (name) VALUES ('a')")
                throw Boom()
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        // The connection is usable afterwards: no transaction was left open.
        try db.transaction { try db.run("INSERT INTO t (name) VALUES ('b')") }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test func errorsKeepExtendedCodeAndSQLButNotValues() throws {
        let (db, dir) = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try db.run("INSERT INTO t (name) VALUES (?)", [.text("secret-response")])
        do {
            try db.run("INSERT INTO t (name) VALUES (?)", [.text("secret-response")])
            Issue.record("the duplicate insert should fail")
        } catch {
            #expect(error.extendedCode == DatabaseError.constraintUnique)
            #expect(error.code == SQLITE_CONSTRAINT)
            #expect(error.sql == "INSERT INTO t (name) VALUES (?)")
            #expect(!error.description.contains("secret-response"))
        }
    }

    @Test func scriptsFollowTheTailPointer() throws {
        let (db, dir) = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try db.execute("""
            -- a comment; with a semicolon
            INSERT INTO t (name) VALUES ('x;y');
            INSERT INTO t (name) VALUES ('z');   /* trailing ; comment */
            """)
        let names = try db.query("SELECT name FROM t ORDER BY id").rows.map { $0[0] }
        #expect(names == [.text("x;y"), .text("z")])
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO t (name) VALUES ('ok'); SELEC nonsense;") }
    }

    @Test func statementsAreCachedAndFinalized() throws {
        let (db, dir) = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try db.statement("SELECT count(*) FROM t")
        let b = try db.statement("SELECT count(*) FROM t")
        #expect(a === b)
        _ = try a.step()  // left mid-step on purpose
        #expect(db.busyStatementCount == 1)
        _ = try db.statement("SELECT count(*) FROM t")  // fetching from the cache resets it
        #expect(db.busyStatementCount == 0)
    }

    @Test func connectionSettings() throws {
        let (db, dir) = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try db.query("PRAGMA journal_mode").rows == [[.text("wal")]])
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try db.scalarInt("PRAGMA busy_timeout") == Int(Database.busyTimeoutMilliseconds))
    }

    @Test func warehouseSchemaIsStrictAndCommented() throws {
        try withTemporaryWarehouse { w, _ in
            #expect(w.schemaVersion == Schema.currentVersion)
            let tables = Schema.objects.filter { $0.kind == "table" }
            #expect(tables.count >= 14)
            for t in tables {
                #expect(!t.comment.isEmpty, "table \(t.name) has no comment in schema/")
                let sql = try w.db.query("SELECT sql FROM sqlite_schema WHERE name = ?", [.text(t.name)]).rows.first?.first
                guard case .text(let text)? = sql else { Issue.record("\(t.name) missing"); continue }
                #expect(text.contains("STRICT"), "table \(t.name) is not STRICT")
            }
            for v in Schema.objects where v.kind == "view" { #expect(!v.comment.isEmpty, "view \(v.name) has no comment") }
            #expect(try w.db.scalarInt("SELECT count(*) FROM variation_class") == 11)
        }
    }

    @Test func reopeningIsIdempotentAndForeignFilesAreRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.db").path
        _ = try Warehouse(path: path)
        let again = try Warehouse(path: path)
        #expect(try again.db.scalarInt("SELECT count(*) FROM task") == 5)

        let foreign = dir.appendingPathComponent("other.db").path
        try Database(path: foreign).execute("CREATE TABLE notes (x TEXT)")
        #expect { try Warehouse(path: foreign) } throws: { "\($0)".contains("not an isaq warehouse") }

        let garbage = dir.appendingPathComponent("garbage.db")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: garbage)
        #expect { try Warehouse(path: garbage.path) } throws: { "\($0)".contains("not an SQLite database") }
    }
    /// A warehouse whose views differ from this build's, by a single character of their SQL,
    /// gets this build's views when opened for writing; read-only opens leave it alone.
    @Test func viewsFollowTheBuildsDefinitions() throws {
        try withTemporaryWarehouse { w, dir in
            let path = w.db.path
            let original = try w.db.query("SELECT sql FROM sqlite_schema WHERE name = 'class_score'").rows
            try w.db.execute("DROP VIEW class_score")
            try w.db.execute("CREATE VIEW class_score AS SELECT 1 AS stale")
            _ = try Warehouse(path: path, readOnly: true)
            #expect(try w.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%1 AS stale%'") == 1)
            _ = try Warehouse(path: path)
            #expect(try w.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%1 AS stale%'") == 0)
            #expect(try w.db.query("SELECT sql FROM sqlite_schema WHERE name = 'class_score'").rows == original)
        }
    }
}
