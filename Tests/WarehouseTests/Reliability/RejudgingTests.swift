import Foundation
import Testing
@testable import Warehouse

/// Judging again overwrites judgments in place; rows an earlier judging left that this one does
/// not produce send the run down the rewrite path. Either way the result equals a first judging.
@Suite struct RejudgingTests {
    @Test func rejudgingEqualsFirstJudging() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 40, nItems: 10)
        let w = try Warehouse(path: dir.appendingPathComponent("w.db").path)
        _ = try w.ingestResults([corpus.path], options: IngestOptions())
        func dump() throws -> [[[SQLValue]]] {
            [try w.db.query("SELECT * FROM judgment ORDER BY response_id, subtask, ruleset_id").rows,
             try w.db.query("SELECT * FROM judgment_total ORDER BY run_id, ruleset_id, scorer_key, subtask").rows]
        }
        func totalsAreCurrent() throws -> Bool {
            try w.db.scalarInt("SELECT count(*) FROM (SELECT * FROM judgment_total EXCEPT SELECT * FROM judgment_total_live)") == 0
                && w.db.scalarInt("SELECT count(*) FROM (SELECT * FROM judgment_total_live EXCEPT SELECT * FROM judgment_total)") == 0
        }
        _ = try w.judge(options: Reliability.judgeOptions)
        let first = try dump()
        #expect(first[0].count > 500)
        #expect(try totalsAreCurrent())

        // In place: a tampered verdict is overwritten.
        try w.db.execute("UPDATE judgment SET compliant = 1 - compliant, hypothesis = 'x' WHERE (response_id, subtask) IN (SELECT response_id, subtask FROM judgment ORDER BY response_id LIMIT 3)")
        _ = try w.judge(options: Reliability.judgeOptions)
        #expect(try dump() == first)

        // Rewritten: a judgment this ruleset no longer produces (an unknown subtask) disappears.
        try w.db.execute("""
            INSERT INTO judgment (response_id, subtask, ruleset_id, scorer_key, compliant)
            SELECT response_id, 'stale', ruleset_id, scorer_key, 1 FROM judgment ORDER BY response_id LIMIT 1
            """)
        _ = try w.judge(options: Reliability.judgeOptions)
        #expect(try dump() == first)
        #expect(try totalsAreCurrent())
        #expect(try w.db.query("PRAGMA foreign_key_check").rows.isEmpty)
    }
}
