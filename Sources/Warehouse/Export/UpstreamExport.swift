import Foundation

/// What `isaq export upstream` wrote.
public struct UpstreamExportReport: Sendable {
    public var files: [String] = []
    /// Dimension/task pairs left out, with the reason (e.g. AAC metrics pending).
    public var omitted: [String] = []
}

extension Warehouse {
    /// The upstream metric files of a checkpoint, computed from its judgments under `ruleset`:
    /// same keys, order, rounding and formatting as the upstream scorers print (SCORING.md §9).
    public func upstreamMetrics(checkpoint: String, ruleset: String = Warehouse.currentRuleset) throws -> (files: [UpstreamMetrics.File], omitted: [String]) {
        let pairs = try db.query("""
            SELECT DISTINCT run.dim, run.task FROM run JOIN checkpoint c USING (checkpoint_id)
            WHERE c.name = ? AND run.format = 'results' ORDER BY run.dim, run.task
            """, [.text(checkpoint)]).rows
        if pairs.isEmpty, try db.scalarInt("SELECT count(*) FROM checkpoint WHERE name = ?", [.text(checkpoint)]) == 0 {
            throw QueryError(message: "no checkpoint named \(checkpoint) (see `isaq checkpoints`)")
        }
        var files: [UpstreamMetrics.File] = []
        var omitted: [String] = []
        for row in pairs {
            guard case .text(let dim) = row[0], case .text(let task) = row[1] else { continue }
            let judgments = try storedJudgments(checkpoint: checkpoint, dim: dim, task: task, ruleset: ruleset)
            if judgments.isEmpty {
                omitted.append("\(dim)/\(task): not judged under \(ruleset) (run `isaq score`)")
                continue
            }
            if dim == "n" {
                files.append(UpstreamMetrics.File(dim: "n", task: "only", value: UpstreamMetrics.nFile(judgments: judgments)))
                continue
            }
            do {
                files.append(UpstreamMetrics.File(dim: dim, task: task, value: try UpstreamMetrics.taskFile(dim: dim, task: task, judgments: judgments)))
            } catch let pending as CaptionMetricsPending {
                omitted.append("\(dim)/\(task): \(pending)")
            }
        }
        return (files, omitted)
    }

    /// The merged `<checkpoint>_collect_all_metrics.json` of `merge_outputs.py`.
    public static func mergedMetrics(checkpoint: String, files: [UpstreamMetrics.File]) -> JSONValue {
        func block(_ dim: String) -> JSONValue {
            .object(JSONObject(UpstreamMetrics.mergeOrder.compactMap { task in
                files.first { $0.dim == dim && $0.task == task }.map { (task, $0.value) }
            }))
        }
        let n: JSONValue = files.first { $0.dim == "n" }.map { .object(["only": $0.value]) } ?? .object([:])
        return .object([checkpoint: .object(["d": block("d"), "f": block("f"), "n": n])])
    }

    /// Writes every metric file and the merged file below `directory`.
    public func exportUpstream(checkpoint: String, to directory: String, ruleset: String = Warehouse.currentRuleset) throws -> UpstreamExportReport {
        let (files, omitted) = try upstreamMetrics(checkpoint: checkpoint, ruleset: ruleset)
        var report = UpstreamExportReport(omitted: omitted)
        let root = URL(fileURLWithPath: directory)
        for file in files {
            let url = root.appendingPathComponent(file.relativePath(checkpoint: checkpoint))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(PythonJSONWriter.dumpsFile(file.value).utf8).write(to: url)
            report.files.append(url.path)
        }
        let merged = root.appendingPathComponent("\(checkpoint)_collect_all_metrics.json")
        try Data(PythonJSONWriter.dumps(Self.mergedMetrics(checkpoint: checkpoint, files: files)).utf8).write(to: merged)
        report.files.append(merged.path)
        return report
    }

    func storedJudgments(checkpoint: String, dim: String, task: String, ruleset: String) throws -> [StoredJudgment] {
        let s = try db.statement("""
            SELECT j.scorer_key, j.subtask, j.compliant, j.wer_sub, j.wer_del, j.wer_ins, j.wer_ref_words,
                   j.bleu_hyp_len, j.bleu_ref_len, j.bleu_correct1, j.bleu_correct2, j.bleu_correct3, j.bleu_correct4,
                   j.bleu_total1, j.bleu_total2, j.bleu_total3, j.bleu_total4, j.acc_correct, j.acc_counted,
                   j.hypothesis, j.reference, j.meteor_stats, j.metric_pending
            FROM judgment j
            JOIN response r USING (response_id)
            JOIN run USING (run_id)
            JOIN checkpoint c ON c.checkpoint_id = r.checkpoint_id
            JOIN ruleset rs ON rs.ruleset_id = j.ruleset_id
            WHERE c.name = ? AND run.dim = ? AND run.task = ? AND rs.name = ?
            ORDER BY run.run_id, r.item_index, r.ordinal, j.subtask
            """).bind([.text(checkpoint), .text(dim), .text(task), .text(ruleset)])
        var out: [StoredJudgment] = []
        while try s.step() {
            var j = StoredJudgment(key: s.string(0) ?? "", subtask: s.string(1) ?? "", compliant: s.int(2) == 1, pending: !s.isNull(22))
            if !s.isNull(6) { j.wer = WordErrorStats(substitutions: s.int(3), deletions: s.int(4), insertions: s.int(5), referenceWords: s.int(6)) }
            if !s.isNull(7) {
                j.bleu = BLEUStats(hypothesisLength: s.int(7), referenceLength: s.int(8), correct: (9...12).map(s.int), total: (13...16).map(s.int))
            }
            if !s.isNull(17) { j.accCorrect = s.int(17) == 1 }
            if !s.isNull(18) { j.accCounted = s.int(18) == 1 }
            if let stats = s.string(21) {
                let refs = (try? JSONParser().parse(Array((s.string(20) ?? "[]").utf8)))?.arrayValue?.compactMap(\.stringValue) ?? []
                j.caption = PreparedCaption(candidate: s.string(19) ?? "", references: refs, meteorStats: stats)
            }
            out.append(j)
        }
        return out
    }
}
