import Foundation
import Testing
@testable import Warehouse

/// Judging on several threads writes exactly what one thread writes. Small enough to run under
/// `swift test --sanitize=thread`, which watches the judging threads share the response buffer.
@Suite struct ParallelJudgingTests {
    @Test func threadsDoNotChangeJudgments() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 150, nItems: 20)  // several 512-response chunks per run
        var dumps: [[[SQLValue]]] = []
        for threads in [1, 4] {
            let w = try Warehouse(path: dir.appendingPathComponent("w\(threads).db").path)
            _ = try w.ingestResults([corpus.path], options: IngestOptions())
            var options = Reliability.judgeOptions
            options.threads = threads
            _ = try w.judge(options: options)
            dumps.append(try w.db.query("SELECT * FROM judgment ORDER BY response_id, subtask").rows)
        }
        #expect(dumps[0].count > 5_000)
        #expect(dumps[0] == dumps[1])
    }
}
