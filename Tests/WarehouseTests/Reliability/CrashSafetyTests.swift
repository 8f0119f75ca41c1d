import Foundation
import Testing
@testable import Warehouse

/// SIGKILL at random moments (seeded) during `isaq ingest results` and `isaq score`, then: the
/// file passes integrity_check and `isaq check`, no part of an interrupted file or run is
/// visible, and carrying on reaches exactly the counts of an uninterrupted run.
///
/// The warehouse is not reset after a kill: the next attempt resumes the interrupted work (and
/// is itself killed), so resuming is exercised as much as starting. It is reset when an attempt
/// finishes, and each finish is checked against the uninterrupted counts.
@Suite(.serialized) struct CrashSafetyTests {
    static let kills = 20

    struct Outcome: CustomStringConvertible {
        var kills = 0
        var completions = 0
        /// Kills after which some but not all of the work was committed: the kill hit mid-way.
        var midway = 0
        var description: String { "\(kills) kills (\(midway) mid-way), \(completions) completions" }
    }

    /// Starts `arguments` repeatedly, killing each after a random delay up to `maxDelay` ms,
    /// until `kills` processes died by the signal; `verify` runs after every kill (returns
    /// whether the work was part done), `complete` after every finished run, `reset` after that.
    func killLoop(_ arguments: [String], maxDelay: Double, seed: UInt64,
                  verify: () throws -> Bool, complete: () throws -> Void, reset: () throws -> Void) throws -> Outcome {
        var rng = SplitMix64(seed: seed)
        var outcome = Outcome()
        var attempts = 0
        while outcome.kills < Self.kills {
            attempts += 1
            #expect(attempts < Self.kills * 4, "too many attempts finished before the kill; \(outcome)")
            if attempts >= Self.kills * 4 { break }
            let delay = Double(rng.next() % 1000) / 1000 * maxDelay
            let p = try Reliability.start(arguments)
            usleep(useconds_t(delay * 1000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal {
                outcome.kills += 1
                if try verify() { outcome.midway += 1 }
            } else {
                #expect(p.terminationStatus == 0, "an uninterrupted attempt failed")
                outcome.completions += 1
                try complete()
                try reset()
            }
        }
        return outcome
    }

    /// The kill loop, repeated with later kill times while no kill has landed between two
    /// commits yet: the uninterrupted duration is measured once, and on a loaded machine the
    /// later attempts can run slower, so every kill may fall before the first commit.
    func killLoopReachingMidway(_ arguments: [String], duration: Double, seed: UInt64,
                                verify: () throws -> Bool, complete: () throws -> Void, reset: () throws -> Void) throws -> Outcome {
        var outcome = try killLoop(arguments, maxDelay: duration, seed: seed, verify: verify, complete: complete, reset: reset)
        var round = 1
        while outcome.midway == 0, round <= 3 {
            let more = try killLoop(arguments, maxDelay: duration * Double(1 + round), seed: seed &+ UInt64(round),
                                    verify: verify, complete: complete, reset: reset)
            outcome.kills += more.kills
            outcome.midway += more.midway
            outcome.completions += more.completions
            round += 1
        }
        return outcome
    }

    @Test func killedIngestsLeaveWholeFilesOnly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 60)
        let db = dir.appendingPathComponent("w.db").path
        let ingest = ["ingest", "results", corpus.path, "--db", db, "--no-judge"]
        func reset() throws {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            #expect(try CLI.run(["init", "--db", db]).status == 0)
        }

        // The uninterrupted run: how long it takes and what every file holds.
        try reset()
        let start = DispatchTime.now()
        let full = try CLI.run(ingest)
        let duration = Reliability.elapsed(since: start)
        #expect(full.status == 0, "\(full.stderr)")
        var expected: [String: Int] = [:]
        for row in try Warehouse(path: db, readOnly: true).db.query("SELECT source_path, response_count FROM run").rows {
            if case .text(let file) = row[0], case .integer(let n) = row[1] { expected[file] = Int(n) }
        }
        #expect(expected.count == 11)
        let total = expected.values.reduce(0, +)

        func verify() throws -> Bool {
            #expect(try Reliability.integrity(db) == "ok")
            let w = try Warehouse(path: db, readOnly: true)
            let report = w.check()
            #expect(report.passed, "\(report)")
            // Every visible run is a whole file: its count is the file's, all its responses are there.
            var stored = 0
            for row in try w.db.query("SELECT source_path, response_count, (SELECT count(*) FROM response r WHERE r.run_id = run.run_id) FROM run").rows {
                guard case .text(let file) = row[0], case .integer(let n) = row[1], case .integer(let s) = row[2] else { continue }
                #expect(Int(n) == expected[file] && s == n, "\(file): \(n) of \(expected[file] ?? -1), \(s) stored")
                stored += Int(s)
            }
            #expect(try w.db.scalarInt("SELECT count(*) FROM response") == stored, "responses outside any whole run")
            let runs = try w.db.scalarInt("SELECT count(*) FROM run")
            return runs > 0 && runs < expected.count
        }
        func complete() throws {
            let w = try Warehouse(path: db, readOnly: true)
            #expect(try w.db.scalarInt("SELECT count(*) FROM run") == expected.count)
            #expect(try w.db.scalarInt("SELECT count(*) FROM response") == total)
            #expect(w.check().passed)
        }
        let outcome = try killLoopReachingMidway(ingest, duration: duration, seed: 0x1_5A9, verify: verify, complete: complete, reset: reset)
        // Finish whatever the last kill interrupted.
        #expect(try CLI.run(ingest).status == 0)
        try complete()
        #expect(try CLI.run(["check", "--db", db]).status == 0)
        print("ingest crash test: \(outcome), uninterrupted ingest \(Int(duration)) ms")
        #expect(outcome.kills >= Self.kills)
        #expect(outcome.midway > 0, "no kill landed mid-ingest; \(outcome)")
    }

    @Test func killedScoringLeavesWholeRunsOnly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try Reliability.corpus(in: dir, items: 30)
        let template = dir.appendingPathComponent("template.db").path
        do {
            let w = try Warehouse(path: template)
            _ = try w.ingestResults([corpus.path], options: IngestOptions())
            try w.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let db = dir.appendingPathComponent("w.db").path
        let score = ["score", "--db", db, "--threads", "1", "--no-caption-metrics"]
        func reset() throws {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            try FileManager.default.copyItem(atPath: template, toPath: db)
        }

        try reset()
        let start = DispatchTime.now()
        let full = try CLI.run(score)
        let duration = Reliability.elapsed(since: start)
        #expect(full.status == 0, "\(full.stderr)")
        let perRun = """
            SELECT run_id, (SELECT count(*) FROM judgment j JOIN response r USING (response_id) WHERE r.run_id = run.run_id) FROM run ORDER BY run_id
            """
        func judgments() throws -> [Int: Int] {
            var out: [Int: Int] = [:]
            for row in try Warehouse(path: db, readOnly: true).db.query(perRun).rows {
                if case .integer(let run) = row[0], case .integer(let n) = row[1] { out[Int(run)] = Int(n) }
            }
            return out
        }
        let expected = try judgments()
        #expect(expected.count == 11 && expected.values.allSatisfy { $0 > 0 })

        func verify() throws -> Bool {
            #expect(try Reliability.integrity(db) == "ok")
            let report = try Warehouse(path: db, readOnly: true).check()
            #expect(report.passed, "\(report)")  // a partly judged run fails the check
            let now = try judgments()
            for (run, n) in now { #expect(n == 0 || n == expected[run], "run \(run): \(n) of \(expected[run] ?? -1) judgments") }
            let judged = now.values.filter { $0 > 0 }.count
            return judged > 0 && judged < expected.count
        }
        func complete() throws {
            #expect(try judgments() == expected)
            #expect(try Warehouse(path: db, readOnly: true).check().passed)
        }
        let outcome = try killLoopReachingMidway(score, duration: duration, seed: 0x5C0_4E, verify: verify, complete: complete, reset: reset)
        #expect(try CLI.run(score).status == 0)
        try complete()
        print("score crash test: \(outcome), uninterrupted score \(Int(duration)) ms")
        #expect(outcome.kills >= Self.kills)
        #expect(outcome.midway > 0, "no kill landed mid-scoring; \(outcome)")
    }
}
