import Foundation
import Testing
@testable import Warehouse

/// The analysis views over judged responses reproduce upstream `calc_area.py` for the upstream
/// example and every parity model, each ranked in a cohort of the published models plus itself.
@Suite(.serialized) struct ParityAnalysisTests {
    /// A private copy of the shared parity warehouse with the published file and one cohort per
    /// judged model (`with-<model>`), built once.
    static let copy: Result<String, any Error> = Result {
        let built = try ParityWarehouse.get()
        let path = try temporaryDirectory().appendingPathComponent("analysis.db").path
        try Database(path: built.path, readOnly: true).run("VACUUM INTO ?", [.text(path)])
        let w = try Warehouse(path: path)
        _ = try w.ingestPublished(Fixtures.url("upstream/published/collect_all_metrics.json").path)
        for model in ["example"] + ParityWarehouse.models {
            try w.createCohort("with-\(model)", published: ["isa-bench-2025"], checkpoints: [model])
        }
        return path
    }

    /// `calc_area.txt`: two printed dicts, IFR then RPS (`np.float64(x)` in the second).
    static func golden(_ model: String) throws -> (ifr: [String: Double], rps: [String: Double]) {
        let text = try String(contentsOf: Fixtures.url("parity/golden/\(model)/calc_area.txt"), encoding: .utf8)
        let dicts = text.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(dicts.count == 2)
        func parse(_ line: Substring) -> [String: Double] {
            var out: [String: Double] = [:]
            for entry in line.dropFirst().dropLast().components(separatedBy: ", '") {
                let parts = entry.components(separatedBy: "': ")
                let name = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
                let number = parts[1].replacingOccurrences(of: "np.float64(", with: "").replacingOccurrences(of: ")", with: "")
                out[name] = Double(number)
            }
            return out
        }
        return (parse(dicts[0]), parse(dicts[1]))
    }

    /// `isaq area --format json` for a cohort, as name → (ifr, rps).
    static func cliArea(_ db: String, cohort: String) throws -> (ifr: [String: Double], rps: [String: Double]) {
        let r = try CLI.run(["area", "--db", db, "--cohort", cohort, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        var ifr: [String: Double] = [:], rps: [String: Double] = [:]
        for row in rows {
            let name = row["checkpoint"] as! String
            #expect(row["cohort"] as? String == cohort)
            ifr[name] = (row["ifr_area"] as? NSNumber)?.doubleValue
            rps[name] = (row["rps_area"] as? NSNumber)?.doubleValue
        }
        return (ifr, rps)
    }

    @Test(arguments: ParityWarehouse.models)
    func areaEqualsUpstreamCalcArea(_ model: String) throws {
        let db = try Self.copy.get()
        let expected = try Self.golden(model)
        let ours = try Self.cliArea(db, cohort: "with-\(model)")
        #expect(expected.ifr.count == 10)
        for (name, value) in expected.ifr { #expect(ours.ifr[name] == value, "IFR area of \(name) in with-\(model)") }
        for (name, value) in expected.rps { #expect(ours.rps[name] == value, "RPS area of \(name) in with-\(model)") }
    }

    /// The upstream example with the published models (§10.5): its axes and both ratios, and the
    /// published ratios unchanged.
    @Test func upstreamExampleAnalysis() throws {
        let db = try Self.copy.get()
        let ours = try Self.cliArea(db, cohort: "with-example")
        #expect(ours.ifr["example"] == 4.7 && ours.rps["example"] == 0.7)
        for (name, value) in PaperAnalysisTests.ifrArea { #expect(ours.ifr[name] == value, "\(name)") }
        for (name, value) in PaperAnalysisTests.rpsArea { #expect(ours.rps[name] == value, "\(name)") }
        let w = try Warehouse(path: db, readOnly: true)
        let ifr = try w.db.query("SELECT ifr FROM axis_score WHERE checkpoint = 'example' AND source = 'instances' ORDER BY axis_order").rows
        #expect(ifr.map { $0[0] } == [20.0, 30.0, 20.0, 46.67, 20.0, 40.0, 25.0, 13.33, 0.0, 0.0, 0.0].map(SQLValue.real))
        let rps = try w.rps(cohort: "with-example")
        let col = rps.columns.firstIndex(of: "rps")!
        let example = rps.rows.filter { $0[0] == .text("example") }.map { $0[col] }
        #expect(example == [0.02, 0.04, 0.2, 0.13, 0.05, 0.17, 0.07, 0.07, 0.01, 0.08, 0.07].map(SQLValue.real))
    }

    /// Plain `sqlite3` on the views prints the numbers the CLI prints.
    @Test(arguments: ["example"] + ParityWarehouse.models)
    func sqliteShellAgrees(_ model: String) throws {
        let db = try Self.copy.get()
        let shell = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let r = try CLI.run([db, "SELECT checkpoint, ifr_area, rps_area FROM area_score WHERE cohort = 'with-\(model)' ORDER BY checkpoint"], executable: shell)
        #expect(r.status == 0, "\(r.stderr)")
        let ours = try Self.cliArea(db, cohort: "with-\(model)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 12)
        for line in lines {
            let f = line.split(separator: "|").map(String.init)
            #expect(Double(f[1]) == ours.ifr[f[0]] && Double(f[2]) == ours.rps[f[0]], "\(line)")
        }
    }

    /// Instance-derived variant scores equal the upstream metric files, value for value.
    @Test(arguments: ["example"] + ParityWarehouse.models)
    func variantScoresEqualUpstreamMetrics(_ model: String) throws {
        let db = try Self.copy.get()
        let file = model == "example" ? Fixtures.url("upstream/example/reference-output/example_collect_all_metrics.json")
            : Fixtures.url("parity/golden/\(model)/output/\(model)_collect_all_metrics.json")
        let merged = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: [String: Any]]
        let dims = merged[model]!
        let w = try Warehouse(path: db, readOnly: true)
        var compared = 0
        func row(_ dim: String, _ task: String, _ variant: String, _ subtask: String) throws -> [SQLValue]? {
            try w.db.query("""
                SELECT ifr, value, n FROM variant_score WHERE source = 'instances' AND checkpoint = ? AND dim = ? AND task = ? AND variant = ? AND subtask = ?
                """, [.text(model), .text(dim), .text(task), .text(variant), .text(subtask)]).rows.first
        }
        func number(_ any: Any?) -> SQLValue { (any as? NSNumber).map { .real($0.doubleValue) } ?? .null }
        for dim in ["d", "f"] {
            for (task, keys) in dims[dim] as! [String: [String: [String: Any]]] {
                for (key, metrics) in keys {
                    let metric = metrics.keys.first { ["wer", "acc", "bleu", "METEOR"].contains($0) }!
                    let r = try row(dim, task, key, "")
                    #expect(r?[0] == number(metrics["ifr"]) && r?[1] == number(metrics[metric]), "\(model) \(dim)/\(task)/\(key)")
                    compared += 1
                }
            }
        }
        let n = (dims["n"] as! [String: Any])["only"] as! [String: [String: Any]]
        for (stage, block) in n {
            for (k, entry) in block {
                if k.hasSuffix("-TASK") {
                    for (sub, metrics) in entry as! [String: [String: Any]] {
                        let r = try row("n", "n", "\(stage)/\(k)", sub)
                        let metric = sub == "ASR" ? "wer" : "acc"
                        #expect(r?[0] == number(metrics["ifr"]) && r?[1] == number(metrics[metric]), "\(model) n/\(stage)/\(k)/\(sub)")
                        #expect(r?[2] == .integer(Int64((metrics["n"] as! NSNumber).intValue)))
                        compared += 1
                    }
                } else {
                    let r = try row("n", "n", "\(stage)/\(k)", "")
                    #expect(r?[0] == number((entry as! [String: Any])["ifr"]), "\(model) n/\(stage)/\(k)")
                    compared += 1
                }
            }
        }
        #expect(compared > 80)
    }

    /// area_score reads IFR axes from rps_axis (one pass over the scores); they equal axis_score.
    @Test func areaIFRAxesEqualAxisScore() throws {
        let w = try Warehouse(path: try Self.copy.get(), readOnly: true)
        #expect(try w.db.scalarInt("SELECT count(*) FROM rps_axis") >= 5 * 11 * 11)
        #expect(try w.db.scalarInt("""
            SELECT count(*) FROM rps_axis r LEFT JOIN axis_score a ON a.source = r.source AND a.checkpoint_id = r.checkpoint_id AND a.axis = r.axis
            WHERE r.ifr IS NOT a.ifr
            """) == 0)
    }

    /// Bootstrap intervals are reproducible for a seed, bracket the point estimate, and leave
    /// published rows empty.
    @Test func bootstrapIntervals() throws {
        let w = try Warehouse(path: try Self.copy.get(), readOnly: true)
        var options = ReportOptions()
        options.checkpoints = ["synth-chatty-s2", "gpt-4o-audio-preview"]
        options.level = .class
        var b = BootstrapOptions()
        b.replicates = 200
        options.bootstrap = b
        let first = try w.report(options), second = try w.report(options)
        #expect(first.rows == second.rows)
        func col(_ n: String) -> Int { first.columns.firstIndex(of: n)! }
        var bracketed = 0, instances = 0
        for row in first.rows {
            guard row[col("source")] == .text("instances") else {
                #expect(row[col("ifr_lo")] == .null)
                continue
            }
            instances += 1
            guard case .real(let ifr) = row[col("ifr")], case .real(let lo) = row[col("ifr_lo")], case .real(let hi) = row[col("ifr_hi")] else {
                Issue.record("no interval: \(row)")
                continue
            }
            if lo <= ifr && ifr <= hi { bracketed += 1 }
        }
        #expect(instances == 50)  // 5 D classes × 5 tasks, 4 F classes × 5 tasks less s2tt case, N1/N2 × 3 subtasks
        #expect(bracketed >= instances * 9 / 10)
        b.seed = 7
        options.bootstrap = b
        #expect(try w.report(options).rows != first.rows)
    }

    /// The cached per-run totals equal a recomputation from the judgments.
    @Test func judgmentTotalsAreCurrent() throws {
        let w = try Warehouse(path: try Self.copy.get(), readOnly: true)
        #expect(try w.db.scalarInt("SELECT count(*) FROM judgment_total") > 0)
        #expect(try w.db.scalarInt("SELECT count(*) FROM (SELECT * FROM judgment_total EXCEPT SELECT * FROM judgment_total_live)") == 0)
        #expect(try w.db.scalarInt("SELECT count(*) FROM (SELECT * FROM judgment_total_live EXCEPT SELECT * FROM judgment_total)") == 0)
    }
}
