import CSQLite
import Foundation
import Testing
@testable import Warehouse

/// Real processes sharing one warehouse: readers keep answering from the last committed state
/// while an ingest writes (WAL), and writers serialize within the busy timeout or fail with a
/// clear message — never corrupting or duplicating anything.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func readersAnswerWhileAnIngestWrites() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 100)
        let db = dir.appendingPathComponent("w.db").path
        #expect(try CLI.run(["init", "--db", db]).status == 0)
        let ingest = try Reliability.start(["ingest", "results", corpus.path, "--db", db, "--no-judge"])
        // One snapshot: the responses visible, and what the visible runs say they hold. They are
        // equal exactly when no reader ever sees part of a file.
        let query = "SELECT (SELECT count(*) FROM response) || ' ' || (SELECT ifnull(sum(response_count), 0) FROM run)"
        var readsDuringIngest = 0, last = 0, distinct = Set<Int>()
        while ingest.isRunning || readsDuringIngest == 0 {
            let wasRunning = ingest.isRunning
            let sql = try CLI.run(["sql", query, "--db", db, "--format", "csv"])
            #expect(sql.status == 0, "isaq sql failed during an ingest: \(sql.stderr)")
            let numbers = sql.stdout.split(separator: "\n").last.map { $0.split(separator: " ").compactMap { Int($0) } } ?? []
            #expect(numbers.count == 2 && numbers[0] == numbers[1], "a reader saw part of a file: \(sql.stdout)")
            if let n = numbers.first {
                #expect(n >= last, "the visible state went backwards")
                last = n
                distinct.insert(n)
            }
            let report = try CLI.run(["checkpoints", "--db", db])
            #expect(report.status == 0, "isaq checkpoints failed during an ingest: \(report.stderr)")
            if wasRunning { readsDuringIngest += 1 }
            if !wasRunning { break }
        }
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0)
        print("readers during ingest: \(readsDuringIngest) rounds, \(distinct.count) distinct committed states seen")
        #expect(readsDuringIngest > 0)
        #expect(try Warehouse(path: db, readOnly: true).check().passed)
    }

    @Test func twoIngestsSerializeWithoutDuplicates() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 60)
        // A path nobody has created yet: both processes also race to create the schema.
        let db = dir.appendingPathComponent("w.db").path
        let args = ["ingest", "results", corpus.path, "--db", db, "--no-judge"]
        let outs = [Pipe(), Pipe()], errs = [Pipe(), Pipe()]
        let processes = try (0..<2).map { try Reliability.start(args, stdout: outs[$0], stderr: errs[$0]) }
        var stdout: [String] = [], stderr: [String] = []
        for (i, p) in processes.enumerated() {
            stdout.append(String(decoding: outs[i].fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            stderr.append(String(decoding: errs[i].fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            p.waitUntilExit()
        }
        for i in 0..<2 where processes[i].terminationStatus != 0 {
            // The only acceptable failure is the bounded wait running out, said plainly.
            #expect(stderr[i].contains("is busy: another process kept writing to it"), "ingest \(i) failed: \(stderr[i])")
        }
        #expect(processes.contains { $0.terminationStatus == 0 })
        // Each file went in exactly once; the other process skipped it as already ingested.
        let w = try Warehouse(path: db, readOnly: true)
        #expect(try w.db.scalarInt("SELECT count(*) FROM run") == 11)
        #expect(try w.db.scalarInt("SELECT count(*) FROM (SELECT sha256 FROM run GROUP BY sha256 HAVING count(*) > 1)") == 0)
        let expectedTotal = try w.db.scalarInt("SELECT sum(response_count) FROM run")
        #expect(try w.db.scalarInt("SELECT count(*) FROM response") == expectedTotal && expectedTotal > 0)
        let ingested = stdout.joined().split(separator: "\n").filter { $0.contains(" responses\t") }.count
        let skipped = stdout.joined().split(separator: "\n").filter { $0.contains("skipped (already ingested)") }.count
        #expect(ingested == 11, "\(stdout)")
        if processes.allSatisfy({ $0.terminationStatus == 0 }) { #expect(skipped == 11, "\(stdout)") }
        #expect(w.check().passed)
        #expect(try Reliability.integrity(db) == "ok")
    }

    @Test func aWriterThatWaitsTooLongFailsClearly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 2)
        let db = dir.appendingPathComponent("w.db").path
        let holder = try Warehouse(path: db)
        let before = try holder.rowCounts()
        try holder.db.execute("BEGIN IMMEDIATE")  // another writer, stuck mid-transaction
        let start = DispatchTime.now()
        let r = try CLI.run(["ingest", "results", corpus.path, "--db", db, "--no-judge"])
        let waited = Reliability.elapsed(since: start)
        try holder.db.execute("ROLLBACK")
        #expect(r.status == 1)
        #expect(r.stderr.contains("is busy: another process kept writing to it for more than 10 s; nothing was changed"), "\(r.stderr)")
        #expect(waited >= Double(Database.busyTimeoutMilliseconds) * 0.9, "gave up after \(Int(waited)) ms")
        #expect(try holder.rowCounts() == before)
        // Readers were never blocked by the stuck writer, and the next writer gets through.
        #expect(try CLI.run(["ingest", "results", corpus.path, "--db", db, "--no-judge"]).status == 0)
    }
}
