import Foundation
import Testing
@testable import Warehouse

/// `isaq check`: a healthy warehouse passes; each invariant, broken on purpose through a
/// connection without isaq's safeguards, is reported by name.
@Suite struct CheckTests {
    /// A judged warehouse of a tiny corpus, handed to `body` with its path.
    func withJudged(_ body: (Warehouse, String) throws -> Void) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 3, nItems: 2)
        let path = dir.appendingPathComponent("w.db").path
        let w = try Reliability.judgedWarehouse(path, corpus: corpus)
        try body(w, path)
    }

    func failures(_ r: CheckReport, _ check: String) -> [String] {
        r.failures.filter { $0.check == check }.map(\.detail)
    }

    @Test func aHealthyWarehousePasses() throws {
        try withJudged { w, path in
            let r = w.check()
            #expect(r.passed, "\(r)")
            #expect(r.checks.count == 6)
            #expect(r.notices.isEmpty)
            let cli = try CLI.run(["check", "--db", path])
            #expect(cli.status == 0)
            #expect(cli.stdout.contains("ok   integrity_check") && cli.stdout.hasSuffix("warehouse ok\n"), "\(cli.stdout)")
        }
    }

    @Test func responseCountMismatch() throws {
        try withJudged { w, path in
            try w.db.execute("UPDATE run SET response_count = response_count + 2 WHERE run_id = 1")
            let r = w.check()
            #expect(!r.passed)
            let f = failures(r, "run.response_count matches stored responses")
            #expect(f.count == 1 && f[0].hasPrefix("run 1 says"), "\(f)")
            let cli = try CLI.run(["check", "--db", path])
            #expect(cli.status == 1)
            #expect(cli.stdout.contains("FAIL run.response_count matches stored responses"))
            #expect(cli.stdout.contains("warehouse has 1 problem"), "\(cli.stdout)")
        }
    }

    @Test func judgmentWithoutItsResponse() throws {
        try withJudged { w, _ in
            let response = try w.db.scalarInt("SELECT min(response_id) FROM judgment")
            try w.db.execute("PRAGMA foreign_keys = OFF")  // what any SQLite client does by default
            try w.db.run("DELETE FROM response WHERE response_id = ?", [.integer(Int64(response))])
            let r = w.check()
            #expect(failures(r, "judgments have their response").contains { $0.contains("of missing response \(response)") }, "\(r)")
            #expect(failures(r, "foreign_key_check").contains { $0.hasPrefix("judgment row") }, "\(r)")
            #expect(!failures(r, "run.response_count matches stored responses").isEmpty)
        }
    }

    @Test func cohortMemberWithoutCheckpoint() throws {
        try withJudged { w, _ in
            try w.db.execute("PRAGMA foreign_keys = OFF")
            try w.db.execute("INSERT INTO cohort (name) VALUES ('mine'); INSERT INTO cohort_member VALUES (1, 999, 'instances')")
            let r = w.check()
            #expect(failures(r, "cohort members exist") == ["cohort mine names checkpoint 999, which does not exist"], "\(r)")
            #expect(failures(r, "foreign_key_check").contains { $0.contains("cohort_member row") && $0.contains("missing checkpoint row") })
        }
    }

    @Test func cohortMemberWithoutScores() throws {
        try withJudged { w, _ in
            // Foreign keys on: the checkpoint exists, but it has no published scores under that source.
            try w.db.execute("INSERT INTO cohort (name) VALUES ('paper'); INSERT INTO cohort_member VALUES (1, 1, 'isa-bench-2025')")
            let r = w.check()
            #expect(failures(r, "cohort members exist") == ["cohort paper names checkpoint 1 with source isa-bench-2025, which holds no scores for it"], "\(r)")
            #expect(failures(r, "foreign_key_check").isEmpty)
        }
    }

    @Test func partlyJudgedRunFails() throws {
        try withJudged { w, _ in
            let run = try w.db.scalarInt("SELECT run_id FROM run WHERE dim = 'd' AND task = 'asr'")
            let victim = try w.db.scalarInt("SELECT min(response_id) FROM judgment JOIN response USING (response_id) WHERE run_id = ?", [.integer(Int64(run))])
            try w.db.run("DELETE FROM judgment WHERE response_id = ?", [.integer(Int64(victim))])
            let r = w.check()
            let f = failures(r, "responses judged under isa-bench-1.0")
            #expect(f.count == 1 && f[0].contains("run \(run) (m d/asr): 1 of") && f[0].contains("response \(victim)"), "\(r)")
        }
    }

    @Test func unjudgedRunsArePendingNotFailures() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 2)
        let w = try Warehouse(path: dir.appendingPathComponent("w.db").path)
        _ = try w.ingestResults([corpus.path], options: IngestOptions())
        let r = w.check()
        #expect(r.passed, "\(r)")
        #expect(r.notices.count == 1 && r.notices[0].detail.contains("pending, not judged yet") && r.notices[0].detail.contains("run 11 (m n/n)"), "\(r)")
        #expect("\(r)".contains("note: pending"))
    }

    @Test func corruptFileIsReported() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 40)
        let path = dir.appendingPathComponent("w.db").path
        var page = 0, pageSize = 0
        do {
            let w = try Reliability.judgedWarehouse(path, corpus: corpus)
            try w.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            page = try w.db.scalarInt("SELECT rootpage FROM sqlite_schema WHERE name = 'response_run'")
            pageSize = try w.db.scalarInt("PRAGMA page_size")
        }
        // Scribble over the response_run index's root page, past its header: the table is intact
        // but the index no longer matches it.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((page - 1) * pageSize + 100))
        handle.write(Data(repeating: 0xA5, count: pageSize - 200))
        try handle.close()
        let cli = try CLI.run(["check", "--db", path])
        #expect(cli.status != 0, "\(cli.stdout)")
        #expect(cli.stdout.contains("FAIL integrity_check") || cli.stderr.contains("malformed"), "\(cli.stdout)\n\(cli.stderr)")
    }
}
