import Foundation
import Warehouse

/// Query time of the analysis commands on a large warehouse: `checkpoints` synthetic checkpoints
/// with about `targetResponses` judged responses in all, plus the published cohort. The score
/// views read the per-run totals that judging keeps current, so query time should not grow with
/// the number of responses (target < 100 ms per command).
struct AnalysisBenchmark {
    let targetResponses: Int
    let checkpoints: Int
    let directory: URL
    let published: String?
    /// Time the queries on the warehouse a previous run left in `directory`.
    var reuse = false

    func run() throws {
        let dbPath = directory.appendingPathComponent("analysis.db").path
        if reuse, FileManager.default.fileExists(atPath: dbPath) {
            try time(dbPath)
            return
        }
        let scale = Double(targetResponses) / Double(checkpoints * IngestBenchmark.responsesPerRun(scale: 1))
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        print("isaq-bench analysis: \(checkpoints) checkpoints × one full ISA-Bench run scaled ×\(format(scale, 3)), SQLite \(Database.sqliteVersion)")
        let warehouse = try Warehouse(path: dbPath)
        var names: [String] = []
        var responses = 0
        var judge = 0.0, ingest = 0.0
        let profiles: [SyntheticCorpus.Profile] = [.diligent, .chatty, .tuned]
        for c in 0..<checkpoints {
            let name = "bench-\(c)"
            let dir = try SyntheticCorpus(seed: UInt64(c + 1), profile: profiles[c % profiles.count])
                .write(model: name, to: directory.appendingPathComponent("corpus"),
                       items: { Int((Double(SyntheticCorpus.fullRun[$0]!) * scale).rounded()) },
                       nItems: Int((Double(SyntheticCorpus.fullRunN) * scale).rounded()))
            ingest += try seconds { responses += try warehouse.ingestResults([dir.path], options: IngestOptions()).reduce(0) { $0 + $1.responses } }
            var options = JudgeOptions()
            options.skipCaptionMetrics = true  // METEOR needs the jars; its statistics do not change query cost
            judge += try seconds { _ = try warehouse.judge(checkpoints: [name], options: options) }
            try? FileManager.default.removeItem(at: dir)
            names.append(name)
            print("  \(name): \(responses) responses so far (ingest \(format(ingest, 1)) s, judge + totals \(format(judge, 1)) s)")
        }
        if let published { _ = try warehouse.ingestPublished(published) }
        try warehouse.createCohort("bench", published: published == nil ? [] : ["isa-bench-2025"], checkpoints: names)
        let judgments = try warehouse.db.scalarInt("SELECT count(*) FROM judgment")
        let totals = try warehouse.db.scalarInt("SELECT count(*) FROM judgment_total")
        print("  \(responses) responses, \(judgments) judgments, \(totals) judgment_total rows")
        try time(dbPath)
    }

    func time(_ dbPath: String) throws {
        _ = try Warehouse(path: dbPath)  // recreates the views if an older build left none
        let reader = try Warehouse(path: dbPath, readOnly: true)
        var report = ReportOptions()
        let cases: [(String, () throws -> ResultTable)] = [
            ("report --by variant", { try reader.report(report) }),
            ("report --by class", { report.level = .class; defer { report.level = .variant }; return try reader.report(report) }),
            ("report --by axis", { report.level = .axis; defer { report.level = .variant }; return try reader.report(report) }),
            ("rps --cohort bench", { try reader.rps(cohort: "bench") }),
            ("rps --by cell", { try reader.rps(cohort: "bench", level: .cell) }),
            ("area --cohort bench", { try reader.area(cohort: "bench") }),
            ("leaderboard --cohort bench", { try reader.leaderboard(cohort: "bench") }),
        ]
        for (name, body) in cases {
            var rows = 0
            var times: [Double] = []
            for _ in 0..<5 { times.append(try seconds { rows = try body().rows.count }) }
            times.sort()
            print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) median \(format(times[2] * 1000, 1)) ms, best \(format(times[0] * 1000, 1)) ms, \(rows) rows (target < 100 ms)")
        }
    }
}
