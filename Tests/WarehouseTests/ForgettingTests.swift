import Foundation
import Testing
@testable import Warehouse

/// A before/after pair whose transitions are known by construction: in each block of 20 SER
/// items (gold "Sad"), 4 answers turn wrong (content flips), 2 lose the required bare-label
/// format (compliance flips), 4 stay right, 3 are learned, 5 become one canned refusal and 2
/// become empty.
@Suite struct ForgettingTests {
    static func responses(blocks: Int) -> (before: [String], after: [String]) {
        var before: [String] = [], after: [String] = []
        for _ in 0..<blocks {
            for i in 0..<20 {
                before.append(i < 10 ? "sad" : "Sure! sad")
                switch i {
                case 0..<4: after.append("angry")
                case 4..<6: after.append("I think it is sad.")
                case 6..<13: after.append("sad")
                case 13..<18: after.append("I'm sorry, I cannot help with that.")
                default: after.append("")
                }
            }
        }
        return (before, after)
    }

    static func file(_ answers: [String]) -> String {
        let items: [JSONValue] = answers.enumerated().map { i, a in
            ["path": .string("clip\(i).wav"), "text": "Sad", "task": "emotion_recognition", "variation_responses": ["default": .string(a)]]
        }
        return PythonJSONWriter.dumps(.array(items))
    }

    static func pair(_ w: Warehouse, _ dir: URL, blocks: Int) throws {
        let (b, a) = responses(blocks: blocks)
        for (label, answers) in [("", b), ("sft", a)] {
            let url = dir.appendingPathComponent("\(label.isEmpty ? "base" : label)/d/m_ser_results.json")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file(answers).utf8).write(to: url)
            let report = try w.ingestResults([url.path], options: IngestOptions(model: "m", checkpoint: label, parent: label.isEmpty ? nil : "m"))
            _ = try w.judge(runs: report.compactMap(\.runID))
        }
    }

    @Test func countsRatesAndCollapseAreExact() throws {
        try withTemporaryWarehouse { w, dir in
            try Self.pair(w, dir, blocks: 1)
            let report = try w.forgetting(before: nil, after: "m@sft")  // the parent recorded at ingest
            #expect(report.before == "m")
            #expect(report.rows.count == 1)
            let r = report.rows[0]
            #expect((r.dim, r.task, r.group, r.metric) == ("d", "ser", "default", "acc"))
            #expect(r.matched == 20)
            #expect((r.kept, r.forgotten, r.learned, r.never) == (4, 6, 3, 7))
            #expect((r.contentFlips, r.complianceFlips) == (4, 2))
            #expect(r.negativeFlipRate == 0.3)
            #expect(r.forgettingRate == 0.6)
            #expect((r.ifrBefore, r.ifrAfter, r.deltaIFR) == (50.0, 55.0, 5.0))
            #expect((r.metricBefore, r.metricAfter, r.deltaMetric) == (50.0, 35.0, -15.0))
            // Binomial by hand: 2 · (C(9,0)+C(9,1)+C(9,2)+C(9,3)) / 2^9 = 2 · 130 / 512.
            #expect(r.mcnemarP == 0.5078125)
            #expect(r.verdict == "no significant change", "20 instances cannot show a 15-point drop")

            let after = report.collapse.rows.filter { $0[0] == .text("m@sft") }
            #expect(after.count == 1)
            #expect(Array(after[0][4...]) == [.integer(20), .real(0.35), .real(0.25), .real(0.9), .real(0.25), .real(0.1)])
        }
    }

    @Test func aLargerSampleIsSignificantAndReproducible() throws {
        try withTemporaryWarehouse { w, dir in
            try Self.pair(w, dir, blocks: 10)
            var options = ForgettingOptions()
            options.instances = 5
            let first = try w.forgetting(before: "m", after: "m@sft", options: options)
            let r = first.rows[0]
            #expect((r.kept, r.forgotten, r.learned, r.never) == (40, 60, 30, 70))
            #expect(r.verdict == "forgotten")
            #expect(first.anyForgotten)
            #expect(r.ciHigh! < 0 && r.ciLow! < r.ciHigh!)
            #expect(first.damaged.count == 5)
            #expect(first.damaged.allSatisfy { $0.compliantBefore && $0.responseBefore == "sad" })
            let again = try w.forgetting(before: "m", after: "m@sft", options: options)
            #expect((again.rows[0].ciLow, again.rows[0].ciHigh) == (r.ciLow, r.ciHigh))
            options.seed = 99
            let other = try w.forgetting(before: "m", after: "m@sft", options: options)
            #expect((other.rows[0].ciLow, other.rows[0].ciHigh) != (r.ciLow, r.ciHigh))
        }
    }

    @Test func mcNemarMatchesTheBinomialTail() {
        #expect(McNemar.exactP(0, 0) == 1)
        #expect(McNemar.exactP(5, 0) == 0.0625)  // 2 · 1/32
        #expect(abs(McNemar.exactP(1, 9) - 2 * 11.0 / 1024) < 1e-15)
        #expect(McNemar.exactP(7, 7) == 1)
    }

    /// The two entries differ only in JSON-format cells: one model re-scored with a lenient JSON
    /// check, not an SFT pair. The deltas must be exactly the differences of the published cells.
    @Test func publishedDeltasAreCellDifferences() throws {
        try withTemporaryWarehouse { w, _ in
            _ = try w.ingestPublished(Fixtures.url("upstream/published/collect_all_metrics.json").path)
            let report = try w.forgetting(before: "qwen2_audio", after: "qwen2_audio-modified")
            #expect(report.notes.contains { $0.contains("published aggregates only") })
            #expect(report.rows.count == 88)  // every d, f and n cell both entries have
            let published = try JSONParser.parse(Fixtures.data("upstream/published/collect_all_metrics.json"))
            for r in report.rows {
                #expect(r.verdict == "aggregate only")
                let cell: (String) -> JSONValue? = { side in
                    r.dim == "n" ? published[side]?["n"]?["only"]?[String(r.group.split(separator: "/")[0])]?[String(r.group.split(separator: "/")[1])]?[r.subtask]
                        : published[side]?[r.dim]?[r.task]?[r.group]
                }
                let b = cell("qwen2_audio"), a = cell("qwen2_audio-modified")
                #expect(r.ifrAfter == a?["ifr"]?.doubleValue && r.ifrBefore == b?["ifr"]?.doubleValue, "\(r.dim)/\(r.task)/\(r.group)")
                if let d = r.deltaIFR, d != 0 {
                    #expect(r.group == "json" || r.group == "all" || r.dim == "n", "\(r.dim)/\(r.task)/\(r.group) changed")
                }
            }
        }
    }
}

@Suite struct ForgettingViewTests {
    /// The plain-SQL views agree with `isaq forgetting` on the constructed pair.
    @Test func viewsMatchTheReport() throws {
        try withTemporaryWarehouse { w, dir in
            try ForgettingTests.pair(w, dir, blocks: 1)
            let rows = try w.db.query("""
                SELECT matched, kept, forgotten, learned, never_good, compliance_flips, content_flips, ifr_before, ifr_after,
                       metric_before, metric_after, d_metric, negative_flip_rate, forgetting_rate
                FROM forgetting WHERE before = 'm' AND after = 'm@sft'
                """).rows
            #expect(rows == [[.integer(20), .integer(4), .integer(6), .integer(3), .integer(7), .integer(2), .integer(4), .real(50), .real(55),
                              .real(50), .real(35), .real(-15), .real(0.3), .real(0.6)]])
            let transitions = try w.db.query("SELECT transition, count(*) FROM instance_transition WHERE after = 'm@sft' GROUP BY 1 ORDER BY 1").rows
            #expect(transitions == [[.text("forgotten"), .integer(6)], [.text("kept"), .integer(4)], [.text("learned"), .integer(3)], [.text("never-good"), .integer(7)]])
        }
    }
}

@Suite struct ForgettingCohortTests {
    /// Class and axis rows carry RPS in a cohort; axis rows pool the class rows' transitions.
    @Test func classAndAxisRowsWithRPS() throws {
        try withTemporaryWarehouse { w, dir in
            try ForgettingTests.pair(w, dir, blocks: 1)
            _ = try w.ingestPublished(Fixtures.url("upstream/published/collect_all_metrics.json").path)
            _ = try w.createCohort("pair", published: ["isa-bench-2025"], checkpoints: ["m", "m@sft"])
            var options = ForgettingOptions()
            options.by = "class"
            options.cohort = "pair"
            let byClass = try w.forgetting(before: "m", after: "m@sft", options: options).rows
            #expect(byClass.count == 1 && byClass[0].group == "D1")
            let best = try w.db.query("SELECT best FROM rps_reference WHERE cohort = 'pair' AND dim = 'd' AND task = 'ser' AND class = 'D1'").rows
            guard case .real(let b)? = best.first?.first else { Issue.record("no RPS reference"); return }
            #expect(byClass[0].rpsBefore == Rounding.np(50.0 / (b + 1e-6), 2))
            #expect(byClass[0].rpsAfter == Rounding.np(35.0 / (b + 1e-6), 2))
            options.by = "axis"
            let byAxis = try w.forgetting(before: "m", after: "m@sft", options: options).rows
            #expect(byAxis.count == 1 && byAxis[0].group == "D1")
            #expect((byAxis[0].kept, byAxis[0].forgotten, byAxis[0].learned, byAxis[0].never) == (4, 6, 3, 7))
            #expect(byAxis[0].ifrBefore == 50.0 && byAxis[0].ifrAfter == 55.0)
            #expect(byAxis[0].rpsBefore == byClass[0].rpsBefore)
        }
    }
}
