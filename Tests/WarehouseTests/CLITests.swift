import Foundation
import Testing
@testable import Warehouse

/// End-to-end: the built `isaq` binary, its output and exit codes.
@Suite struct CLITests {
    @Test func ingestCheckpointsSQLAndSchema() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.db").path
        #expect(try CLI.run(["init", "--db", db]).stdout.contains("schema version \(Schema.currentVersion)"))
        let ingest = try CLI.run(["ingest", "results", "--db", db, Fixtures.url("parity/synth-diligent-s1").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // One line per file, the judging summary and its METEOR line.
        #expect(ingest.stdout.split(separator: "\n").count == 13)
        #expect(ingest.stdout.contains("judged 13770 responses of 11 runs"))
        #expect(ingest.stdout.contains("AAC segments,") && ingest.stdout.contains("scored by the jar"))
        #expect(ingest.stderr.isEmpty, "progress must stay quiet when stderr is not a terminal")

        let again = try CLI.run(["ingest", "results", "--db", db, Fixtures.url("parity/synth-diligent-s1").path])
        #expect(again.stdout.split(separator: "\n").allSatisfy { $0.contains("skipped (already ingested)") })

        let summary = try CLI.run(["checkpoints", "--db", db, "--format", "csv"])
        #expect(summary.stdout.hasPrefix("checkpoint,model,label,parent,runs,dim,task,responses,null_responses\n"))
        #expect(summary.stdout.contains("synth-diligent-s1,synth-diligent-s1,,,11,n,n,1920,0"))

        let sql = try CLI.run(["sql", "--db", db, "SELECT count(*) AS n FROM response r JOIN run USING (run_id) WHERE run.task = :t", "-p", "t", "ser", "--format", "json"])
        #expect(sql.stdout == "[\n  {\n    \"n\": 2433\n  }\n]\n", "\(sql.stdout)")
        let ndjson = try CLI.run(["sql", "--db", db, "SELECT dim, count(*) AS n FROM variant GROUP BY dim ORDER BY dim", "--format", "ndjson"])
        #expect(ndjson.stdout.split(separator: "\n").count == 3)

        // Read-only unless --write.
        let write = try CLI.run(["sql", "--db", db, "DELETE FROM response"])
        #expect(write.status == 1)
        #expect(write.stderr.contains("readonly"))
        #expect(try CLI.run(["sql", "--db", db, "SELECT count(*) FROM response", "--format", "csv"]).stdout == "count(*)\n13770\n")

        let schema = try CLI.run(["schema", "--db", db, "--format", "markdown"])
        #expect(schema.stdout.contains("| table | judgment |"))
        #expect(schema.stdout.contains("| view | response_count |"))
    }

    @Test func errorsAreReportedWithExitCodes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.db").path
        let bad = dir.appendingPathComponent("d/m_asr_results.json")
        try FileManager.default.createDirectory(at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[{\"text\": ".utf8).write(to: bad)
        let r = try CLI.run(["ingest", "results", "--db", db, "--model", "m", bad.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: \(bad.path)"))
        let usage = try CLI.run(["sql", "--db", db, "SELECT 1", "-p", "only-a-name"])
        #expect(usage.status == 64)
        let notWarehouse = try CLI.run(["checkpoints", "--db", bad.path])
        #expect(notWarehouse.status == 1)
        #expect(notWarehouse.stderr.contains("not an SQLite database") || notWarehouse.stderr.contains("not an isaq warehouse"))
        // The environment variable names the warehouse when --db is absent.
        let viaEnv = try CLI.run(["init"], environment: ["ISAQ_DB": dir.appendingPathComponent("env.db").path])
        #expect(viaEnv.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("env.db").path))
    }

    /// The schema is embedded in the binary: a copy far from `.build` still creates warehouses.
    @Test func aCopiedBinaryStillWorks() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("bin/isaq")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let db = dir.appendingPathComponent("copied.db").path
        let r = try CLI.run(["init", "--db", db], executable: copy, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let ingest = try CLI.run(["ingest", "results", "--db", db, "--model", "m", Fixtures.url("upstream/example/results/f/example_ser_results.json").path], executable: copy, cwd: dir)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try Warehouse(path: db, readOnly: true).db.scalarInt("SELECT count(*) FROM response") == 7)
    }

    @Test func everySubcommandHasHelp() throws {
        for command in [[], ["init"], ["ingest"], ["ingest", "results"], ["ingest", "catalog"], ["ingest", "published"], ["ingest", "jsonl"],
                        ["checkpoints"], ["sql"], ["schema"], ["demo"]] {
            let r = try CLI.run(command + ["--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("OVERVIEW:") && r.stdout.contains("USAGE:"), "\(command)")
        }
    }
}

@Suite struct CLIForgettingTests {
    /// Training pipelines gate on `--fail-on-forgetting`: exit code 3 when a row is "forgotten".
    @Test func failOnForgettingExitsWithThree() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try withTemporaryWarehouse { w, wdir in
            try ForgettingTests.pair(w, wdir, blocks: 10)
            let db = w.db.path
            let gate = try CLI.run(["forgetting", "--db", db, "--after", "m@sft", "--fail-on-forgetting", "--format", "csv"])
            #expect(gate.status == 3, "\(gate.stderr)")
            #expect(gate.stdout.hasPrefix("before,after,dim,task,variant,"))
            #expect(gate.stdout.contains(",forgotten\n"))
            let plain = try CLI.run(["forgetting", "--db", db, "--before", "m", "--after", "m@sft", "--instances", "2"])
            #expect(plain.status == 0)
            #expect(plain.stdout.contains("Most damaged instances:") && plain.stdout.contains("Collapse and refusal indicators:"))
            let noParent = try CLI.run(["forgetting", "--db", db, "--after", "m"])
            #expect(noParent.status == 1 && noParent.stderr.contains("has no parent checkpoint"))
        }
    }

    /// The README's JSONL example line ingests as documented.
    @Test func readmeJSONLExampleIngests() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let line = readme.split(separator: "\n").first(where: { $0.hasPrefix("{\"model\": \"qwen2_audio\"") }) else {
            Issue.record("no JSONL example in the README")
            return
        }
        try withTemporaryWarehouse { w, dir in
            let file = dir.appendingPathComponent("example.jsonl")
            try Data((line + "\n").utf8).write(to: file)
            let r = try w.ingestJSONL(file.path)
            #expect(r.count == 1 && r[0].checkpoint == "qwen2_audio@sft-f" && r[0].responses == 1)
            #expect(try w.db.scalarInt("SELECT compliant FROM judgment JOIN ruleset USING (ruleset_id) WHERE ruleset.name = 'external'") == 1)
        }
    }
}
