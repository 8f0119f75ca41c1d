import Crypto
import Foundation
import Testing
@testable import Warehouse

/// A warehouse that cannot be written (permissions) or cannot grow (file-size limit, as a full
/// disk looks to SQLite) gives a clear error and stays exactly as it was.
@Suite(.serialized) struct ResourceFaultTests {
    /// A small judged warehouse, closed (WAL folded in), plus a corpus of another model to add.
    func prepared(_ dir: URL) throws -> (db: String, more: URL) {
        let db = dir.appendingPathComponent("w.db").path
        do {
            let w = try Reliability.judgedWarehouse(db, corpus: try Reliability.corpus(in: dir, model: "m", items: 3))
            try w.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return (db, try Reliability.corpus(in: dir, model: "other", items: 40, seed: 9))
    }

    func digest(_ path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
    }

    @Test func readOnlyFile() throws {
        let dir = try temporaryDirectory()
        defer { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        let (db, more) = try prepared(dir)
        chmod(dir.path, 0o777)  // the directory stays writable: only the file is protected
        chmod(db, 0o444)
        let before = try digest(db)
        let sudo = Reliability.unprivileged
        let p = Pipe()
        let ingest = try Reliability.start(["ingest", "results", more.path, "--db", db], wrapper: sudo, stderr: p)
        let err = String(decoding: p.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 1)
        #expect(err.contains("cannot write \(db): the file or its directory is read-only"), "\(err)")
        // Reading still works, and nothing changed.
        let out = Pipe()
        let sql = try Reliability.start(["sql", "SELECT count(*) FROM run", "--db", db, "--format", "csv"], wrapper: sudo, stdout: out)
        let rows = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sql.waitUntilExit()
        #expect(sql.terminationStatus == 0 && rows.hasSuffix("11\n"), "\(rows)")
        #expect(try digest(db) == before)
    }

    @Test func readOnlyDirectory() throws {
        let dir = try temporaryDirectory()
        let sub = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        defer { chmod(sub.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        let (db0, more) = try prepared(dir)
        let db = sub.appendingPathComponent("w.db").path
        try FileManager.default.moveItem(atPath: db0, toPath: db)
        chmod(db, 0o666)
        chmod(sub.path, 0o555)  // no -wal or -shm file can be created beside it
        let before = try digest(db)
        let p = Pipe()
        let ingest = try Reliability.start(["ingest", "results", more.path, "--db", db], wrapper: Reliability.unprivileged, stderr: p)
        let err = String(decoding: p.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 1)
        #expect(err.contains(db) && (err.contains("read-only") || err.contains("unable to open")), "\(err)")
        #expect(!err.contains("Fatal error"), "\(err)")
        #expect(try digest(db) == before)
    }

    @Test func fullDisk() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (db, more) = try prepared(dir)
        let size = try FileManager.default.attributesOfItem(atPath: db)[.size] as! Int
        let before = try Warehouse(path: db, readOnly: true).rowCounts()
        // A file-size limit in the child only: writes past it fail with EFBIG once SIGXFSZ is
        // ignored (an ignored signal stays ignored across exec), which SQLite sees like a full disk.
        let limit = size + 96 * 1024
        let wrapper = ["/bin/sh", "-c", "trap '' XFSZ; exec prlimit --fsize=\(limit) \"$@\"", "sh"]
        let p = Pipe()
        let ingest = try Reliability.start(["ingest", "results", more.path, "--db", db, "--no-judge"], wrapper: wrapper, stderr: p)
        let err = String(decoding: p.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ingest.waitUntilExit()
        #expect(ingest.terminationReason == .exit && ingest.terminationStatus == 1, "\(err)")
        #expect(err.contains("the disk may be full or a file-size limit reached"), "\(err)")
        #expect(try Reliability.integrity(db) == "ok")
        let w = try Warehouse(path: db, readOnly: true)
        #expect(w.check().passed)
        // Files that fit are in whole; the one that did not fit left nothing behind.
        let after = try w.rowCounts()
        #expect(try w.db.scalarInt("SELECT count(*) FROM run JOIN checkpoint USING (checkpoint_id) WHERE checkpoint.name = 'm'") == 11)
        #expect(after["response"]! == before["response"]! + (try w.db.scalarInt("SELECT ifnull(sum(response_count), 0) FROM run WHERE run_id > 11")))
    }
}
