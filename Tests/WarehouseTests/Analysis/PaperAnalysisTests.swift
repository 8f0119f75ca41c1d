import Foundation
import Testing
@testable import Warehouse

/// The paper's analysis (SCORING.md §10.5) from the published file alone, through the views.
@Suite struct PaperAnalysisTests {
    static let ifrArea: [String: Double] = [
        "desta2.5-audio": 70.3, "gemini-2.5-pro": 63.1, "gpt-4o-audio-preview": 56.2, "qwen2.5_omni": 55.9, "qwen2_audio": 41.6,
        "kimi-audio": 30.6, "phi4-multimodal-instruct": 26.5, "salmonn": 22.7, "wavllm": 7.3,
        "qwen2_audio-modified": 51.9, "gemini-2.5-pro-modified": 89.1,
    ]
    static let rpsArea: [String: Double] = [
        "gemini-2.5-pro": 52.5, "desta2.5-audio": 50.5, "qwen2.5_omni": 44.8, "gpt-4o-audio-preview": 38.6, "qwen2_audio": 36.1,
        "kimi-audio": 33.2, "phi4-multimodal-instruct": 12.9, "salmonn": 7.5, "wavllm": 3.3,
        "qwen2_audio-modified": 43.7, "gemini-2.5-pro-modified": 80.0,
    ]

    /// §10.5's axis table: IFR axes (%) and RPS axes in radar order D1…N2.
    static let axes: [String: (ifr: [Double], rps: [Double])] = [
        "desta2.5-audio": ([90.08, 85.87, 67.65, 86.4, 89.71, 88.1, 96.31, 79.66, 81.85, 80.07, 76.53],
                           [0.72, 0.68, 0.57, 0.7, 0.75, 0.64, 0.74, 0.68, 0.73, 0.82, 0.78]),
        "gemini-2.5-pro": ([95.8, 95.15, 93.31, 93.35, 95.69, 90.9, 97.26, 96.35, 1.72, 47.23, 46.12],
                           [0.82, 0.82, 0.9, 0.82, 0.86, 0.78, 0.92, 1.0, 0.01, 0.47, 0.46]),
        "qwen2.5_omni": ([68.42, 49.91, 50.18, 68.58, 65.01, 83.04, 95.42, 63.72, 94.83, 89.95, 86.24],
                         [0.59, 0.4, 0.39, 0.63, 0.56, 0.65, 0.67, 0.56, 0.91, 0.95, 0.9]),
        "gpt-4o-audio-preview": ([91.53, 91.46, 83.3, 85.96, 91.22, 75.45, 97.5, 88.0, 91.12, 0.0, 0.0],
                                 [0.82, 0.79, 0.82, 0.74, 0.86, 0.51, 0.66, 0.66, 0.75, 0.0, 0.0]),
        "qwen2_audio": ([84.74, 84.39, 78.6, 85.38, 80.55, 83.61, 79.3, 40.15, 2.46, 20.09, 16.23],
                        [0.86, 0.85, 0.75, 0.88, 0.81, 0.65, 0.52, 0.28, 0.03, 0.24, 0.19]),
        "kimi-audio": ([50.26, 50.9, 51.3, 52.21, 50.52, 98.0, 64.98, 12.14, 51.1, 64.11, 62.88],
                       [0.54, 0.54, 0.56, 0.59, 0.55, 0.9, 0.67, 0.14, 0.52, 0.68, 0.64]),
        "phi4-multimodal-instruct": ([49.91, 53.7, 38.48, 47.83, 58.46, 65.89, 60.34, 19.27, 76.48, 53.62, 50.74],
                                     [0.34, 0.35, 0.27, 0.34, 0.41, 0.58, 0.31, 0.13, 0.46, 0.4, 0.37]),
        "salmonn": ([54.97, 57.89, 51.62, 51.21, 48.36, 92.15, 47.15, 14.85, 24.95, 28.29, 37.61],
                    [0.28, 0.28, 0.26, 0.22, 0.26, 0.64, 0.27, 0.08, 0.12, 0.27, 0.29]),
        "wavllm": ([33.12, 36.14, 22.63, 43.22, 32.01, 54.08, 30.57, 8.8, 0.0, 0.05, 0.0],
                   [0.24, 0.24, 0.18, 0.3, 0.23, 0.36, 0.08, 0.03, 0.01, 0.08, 0.07]),
    ]

    static func publishedWarehouse<T>(_ body: (Warehouse, URL) throws -> T) throws -> T {
        try withTemporaryWarehouse { w, dir in
            _ = try w.ingestPublished(Fixtures.url("upstream/published/collect_all_metrics.json").path)
            return try body(w, dir)
        }
    }

    static func doubles(_ table: ResultTable, key: String, value: String) -> [String: Double] {
        let k = table.columns.firstIndex(of: key)!, v = table.columns.firstIndex(of: value)!
        var out: [String: Double] = [:]
        for row in table.rows { if case .text(let name) = row[k], case .real(let x) = row[v] { out[name] = x } }
        return out
    }

    @Test func publishedIngestMakesTheElevenMemberCohort() throws {
        try Self.publishedWarehouse { (w: Warehouse, _: URL) throws in
            let members = try w.cohortMembers("isa-bench-2025")
            #expect(members.rows.count == 11)
            #expect(Set(members.rows.map { $0[1] }) == Set(Self.ifrArea.keys.map(SQLValue.text)))
        }
    }

    @Test func areaRatiosOfThePaper() throws {
        try Self.publishedWarehouse { (w: Warehouse, _: URL) throws in
            let table = try w.area(cohort: "isa-bench-2025")
            #expect(Self.doubles(table, key: "checkpoint", value: "ifr_area") == Self.ifrArea)
            #expect(Self.doubles(table, key: "checkpoint", value: "rps_area") == Self.rpsArea)
            #expect(table.rows.allSatisfy { $0.last == .text("isa-bench-2025") })
        }
    }

    /// Without the two -modified runs the RPS reference moves (§10.5).
    @Test func cohortMembershipMovesRPS() throws {
        try Self.publishedWarehouse { (w: Warehouse, _: URL) throws in
            try w.db.run("""
                INSERT INTO cohort (name) VALUES ('nine');
                """)
            try w.db.run("""
                INSERT INTO cohort_member SELECT (SELECT cohort_id FROM cohort WHERE name = 'nine'), checkpoint_id, source
                FROM cohort_member JOIN checkpoint USING (checkpoint_id) WHERE name NOT LIKE '%-modified'
                """)
            let rps = Self.doubles(try w.area(cohort: "nine"), key: "checkpoint", value: "rps_area")
            #expect(rps["desta2.5-audio"] == 52.5 && rps["gemini-2.5-pro"] == 53.0 && rps["qwen2.5_omni"] == 47.2)
            #expect(rps["qwen2_audio"] == 36.4 && rps["kimi-audio"] == 34.3 && rps["phi4-multimodal-instruct"] == 13.4 && rps["salmonn"] == 7.8)
        }
    }

    @Test func axisTableOfThePaper() throws {
        try Self.publishedWarehouse { (w: Warehouse, _: URL) throws in
            for (model, expected) in Self.axes {
                let ifr = try w.db.query("SELECT ifr FROM axis_score WHERE checkpoint = ? AND source = 'isa-bench-2025' ORDER BY axis_order", [.text(model)]).rows
                #expect(ifr.map { $0[0] } == expected.ifr.map(SQLValue.real), "IFR axes of \(model)")
                let rps = try w.db.query("SELECT rps FROM rps_axis WHERE cohort = 'isa-bench-2025' AND checkpoint = ? ORDER BY axis_order", [.text(model)]).rows
                #expect(rps.map { $0[0] } == expected.rps.map(SQLValue.real), "RPS axes of \(model)")
            }
        }
    }

    /// The NpRound cases that change published numbers, the worked cell and a truncated class.
    @Test func roundingCasesOfThePaper() throws {
        try Self.publishedWarehouse { (w: Warehouse, _: URL) throws in
            func value(_ sql: String, _ args: [SQLValue]) throws -> SQLValue { try w.db.query(sql, args).rows.first?.first ?? .null }
            let axis = "SELECT rps FROM rps_axis WHERE cohort = 'isa-bench-2025' AND checkpoint = ? AND axis = ?"
            #expect(try value(axis, [.text("gpt-4o-audio-preview"), .text("D3")]) == .real(0.82))
            #expect(try value(axis, [.text("kimi-audio"), .text("F4")]) == .real(0.52))
            let cell = "SELECT rps FROM rps WHERE cohort = 'isa-bench-2025' AND checkpoint = ? AND dim = ? AND task = ? AND class = ?"
            #expect(try value(cell, [.text("desta2.5-audio"), .text("d"), .text("asr"), .text("D1")]) == .real(0.24))
            #expect(try value(cell, [.text("qwen2_audio"), .text("d"), .text("asr"), .text("D1")]) == .real(1.0))
            let best = "SELECT best FROM rps_reference WHERE cohort = 'isa-bench-2025' AND dim = 'd' AND task = 'asr' AND class = 'D1'"
            #expect(try value(best, []) == .real(10.4))
            // (0.1165 + 0.0877) / 2 = 0.1021 → 0.1: class values are rounded to 2 decimals (§10.1).
            #expect(try value("SELECT value FROM class_score WHERE checkpoint = 'desta2.5-audio' AND dim = 'd' AND task = 'aac' AND class = 'D2'", []) == .real(0.1))
            // Worked IFR axis: desta D-default = mean(93.09, 100.0, 97.58, 81.33, 78.42) = 90.084 → 90.08.
            #expect(try value("SELECT ifr FROM axis_score WHERE checkpoint = 'desta2.5-audio' AND axis = 'D1'", []) == .real(90.08))
        }
    }

    /// Cohort commands and the JSON keys of the table-printing commands, through the binary.
    @Test func cohortCommandsAndJSONKeys() throws {
        try Self.publishedWarehouse { (_: Warehouse, dir: URL) throws in
            let db = dir.appendingPathComponent("test.db").path
            let created = try CLI.run(["cohort", "create", "pair", "--published", "isa-bench-2025", "--db", db])
            #expect(created.status == 0, "\(created.stderr)")
            #expect(try CLI.run(["cohort", "create", "pair", "--published", "isa-bench-2025", "--db", db]).status != 0)
            #expect(try CLI.run(["cohort", "create", "x", "--checkpoint", "no-such", "--db", db]).stderr.contains("no checkpoint named no-such"))
            #expect(try CLI.run(["cohort", "create", "y", "--published", "no-such-source", "--db", db]).status != 0)
            let list = try CLI.run(["cohort", "list", "--db", db, "--format", "csv"]).stdout
            #expect(list.contains("isa-bench-2025,11,") && list.contains("pair,11,"))
            #expect(try CLI.run(["cohort", "show", "pair", "--db", db]).stdout.contains("wavllm"))

            func keys(_ args: [String]) throws -> Set<String> {
                let r = try CLI.run(args + ["--db", db, "--format", "json"])
                #expect(r.status == 0, "\(args): \(r.stderr)")
                let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
                #expect(!rows.isEmpty, "\(args)")
                return Set(rows.first?.keys.map { $0 } ?? [])
            }
            #expect(try keys(["area", "--cohort", "pair"]) == ["checkpoint", "source", "ifr_area", "rps_area", "cohort"])
            #expect(try keys(["rps", "--cohort", "pair"]).isSuperset(of: ["checkpoint", "axis", "rps", "cohort"]))
            #expect(try keys(["rps", "--cohort", "pair", "--by", "cell"]).isSuperset(of: ["checkpoint", "dim", "task", "class", "metric", "value", "rps", "cohort"]))
            #expect(try keys(["leaderboard", "--cohort", "pair"]).isSuperset(of: ["rank", "checkpoint", "ifr_area", "rps_area", "total", "cohort"]))
            #expect(try keys(["report", "--checkpoint", "wavllm"]).isSuperset(of: ["checkpoint", "dim", "task", "variant", "ifr", "metric", "value"]))
            #expect(try keys(["report", "--by", "class", "--dim", "f"]).isSuperset(of: ["checkpoint", "dim", "task", "class", "ifr", "metric", "value"]))
            #expect(try keys(["report", "--by", "axis", "--source", "published"]).isSuperset(of: ["checkpoint", "axis", "ifr"]))

            let area = try CLI.run(["area", "--cohort", "pair", "--db", db, "--format", "csv"]).stdout
            #expect(area.contains("desta2.5-audio,isa-bench-2025,70.3,50.5,pair"))
            #expect(try CLI.run(["area", "--cohort", "nope", "--db", db]).stderr.contains("no cohort named nope"))
            #expect(try CLI.run(["cohort", "drop", "pair", "--db", db]).status == 0)
            #expect(try CLI.run(["area", "--cohort", "pair", "--db", db]).status != 0)
        }
    }
}
