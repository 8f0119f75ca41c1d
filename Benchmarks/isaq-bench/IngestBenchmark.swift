import CSQLite
import Foundation
import Warehouse

/// Ingest throughput against the physical limit: the same rows written by a bare CSQLite loop
/// (prepared statements, one transaction, values already in memory, no parsing, no lookups).
struct IngestBenchmark {
    let targetResponses: Int
    let directory: URL

    /// Responses one full ISA-Bench run of one checkpoint holds with the synthetic shapes.
    static func responsesPerRun(scale: Double) -> Int {
        var total = 0
        for (task, items) in SyntheticCorpus.fullRun {
            let n = Int((Double(items) * scale).rounded())
            total += n * 9 + n * (task == .s2tt ? 9 : 11)
        }
        return total + Int((Double(SyntheticCorpus.fullRunN) * scale).rounded()) * 24
    }

    func run() throws {
        let checkpoints = 2
        let scale = Double(targetResponses) / Double(checkpoints * Self.responsesPerRun(scale: 1))
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        print("isaq-bench ingest: \(checkpoints) checkpoints × one full ISA-Bench run scaled ×\(format(scale, 3)), SQLite \(Database.sqliteVersion)")

        var modelDirs: [URL] = []
        let generate = try seconds {
            for c in 0..<checkpoints {
                let corpus = SyntheticCorpus(seed: UInt64(c + 1), profile: c == 0 ? .chatty : .diligent)
                modelDirs.append(try corpus.write(model: "bench-\(c)", to: directory.appendingPathComponent("corpus"),
                                                  items: { Int((Double(SyntheticCorpus.fullRun[$0]!) * scale).rounded()) },
                                                  nItems: Int((Double(SyntheticCorpus.fullRunN) * scale).rounded())))
            }
        }
        let corpusBytes = modelDirs.flatMap { dir in
            ["d", "f", "n"].flatMap { sub in ((try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(sub).path)) ?? []).map { dir.appendingPathComponent(sub).appendingPathComponent($0).path } }
        }.reduce(0) { $0 + fileSize($1) }
        print("  corpus generated in \(format(generate, 1)) s (\(format(Double(corpusBytes) / 1e6, 1)) MB of result files)")

        // Parsing alone (read, hash-free JSON parse, records), to show where ingest time goes.
        let files = modelDirs.flatMap { dir in try! Warehouse.resultFilesForBenchmark(dir.path) }
        var parsedResponses = 0
        let parse = try seconds {
            for f in files { parsedResponses += try Warehouse.parseForBenchmark(f) }
        }
        print("  parse only:      \(parsedResponses) responses in \(format(parse, 2)) s = \(format(Double(parsedResponses) / parse)) responses/s")

        // isaq ingest, exactly as `isaq ingest results DIR…` runs it.
        let dbPath = directory.appendingPathComponent("ingest.db").path
        resetPeakMemory()
        var responses = 0
        let ingest = try seconds {
            let warehouse = try Warehouse(path: dbPath)
            for dir in modelDirs {
                responses += try warehouse.ingestResults([dir.path], options: IngestOptions()).reduce(0) { $0 + $1.responses }
            }
        }
        let peak = peakMemoryMiB()
        let ingestRate = Double(responses) / ingest
        // Judging the same corpus, as `isaq ingest` does by default (AAC: compliance only).
        var judgeOptions = JudgeOptions()
        judgeOptions.skipCaptionMetrics = true
        let judge = try seconds { _ = try Warehouse(path: dbPath).judge(options: judgeOptions) }
        print("  isaq ingest:     \(responses) responses in \(format(ingest, 2)) s = \(format(ingestRate)) responses/s, peak RSS \(format(peak)) MiB")
        print("                   \(format(Double(fileSize(dbPath)) / Double(responses), 1)) database bytes per response")

        // The same rows, read back into memory, written by a bare insert loop into a fresh warehouse.
        let rows = try RawRows(path: dbPath)
        let rawPath = directory.appendingPathComponent("raw.db").path
        _ = try Warehouse(path: rawPath)  // same schema and indexes
        let raw = try seconds { try rows.insert(into: rawPath) }
        let rawRate = Double(rows.responses.count) / raw
        print("  raw CSQLite loop: \(rows.responses.count) responses (+ \(rows.instructions.count) instructions, \(rows.samples.count) samples) in \(format(raw, 2)) s = \(format(rawRate)) responses/s")
        print("  ratio ingest/raw: \(format(100 * ingestRate / rawRate, 1)) % (target ≥ 60 %)")
        let both = Double(responses) / (ingest + judge)
        print("  isaq judge:      \(format(judge, 2)) s = \(format(Double(responses) / judge)) responses/s on all cores")
        print("  ingest + judge:  \(format(both)) responses/s = \(format(100 * both / rawRate, 1)) % of raw (target ≥ 50 %)")
    }
}

/// Every sample, instruction, run and response row of a warehouse, held in memory.
struct RawRows {
    var samples: [[SQLValue]] = []
    var instructions: [[SQLValue]] = []
    var other: [(String, [[SQLValue]])] = []
    var responses: [[SQLValue]] = []

    init(path: String) throws {
        let w = try Warehouse(path: path, readOnly: true)
        func all(_ table: String) throws -> [[SQLValue]] { try w.db.query("SELECT * FROM \(table)").rows }
        samples = try all("sample")
        instructions = try all("instruction")
        for t in ["model", "checkpoint", "variant", "run"] { other.append((t, try all(t))) }
        responses = try all("response")
    }

    func insert(into path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw DatabaseError(extendedCode: 1, message: "open \(path)") }
        defer { sqlite3_close(db) }
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA foreign_keys=ON; DELETE FROM variant; BEGIN IMMEDIATE", nil, nil, nil)
        func load(_ table: String, _ rows: [[SQLValue]]) throws {
            guard let width = rows.first?.count else { return }
            let sql = "INSERT INTO \(table) VALUES (\(Array(repeating: "?", count: width).joined(separator: ",")))"
            var stmt: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { throw DatabaseError(extendedCode: 1, message: String(cString: sqlite3_errmsg(db))) }
            defer { sqlite3_finalize(stmt) }
            for row in rows {
                for (i, v) in row.enumerated() {
                    let at = Int32(i + 1)
                    switch v {
                    case .null: sqlite3_bind_null(stmt, at)
                    case .integer(let x): sqlite3_bind_int64(stmt, at, x)
                    case .real(let x): sqlite3_bind_double(stmt, at, x)
                    case .text(let s): sqlite3_bind_text(stmt, at, s, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                    case .blob: sqlite3_bind_null(stmt, at)
                    }
                }
                guard sqlite3_step(stmt) == SQLITE_DONE else { throw DatabaseError(extendedCode: 1, message: String(cString: sqlite3_errmsg(db))) }
                sqlite3_reset(stmt)
            }
        }
        for (t, rows) in other where t != "run" { try load(t, rows) }
        try load("sample", samples)
        try load("instruction", instructions)
        try load("run", other.first { $0.0 == "run" }!.1)
        try load("response", responses)
        guard sqlite3_exec(db, "COMMIT", nil, nil, nil) == SQLITE_OK else { throw DatabaseError(extendedCode: 1, message: String(cString: sqlite3_errmsg(db))) }
    }
}
