extension Warehouse {
    /// Replaces a run's judgments under `ruleset` with `records` and refreshes its
    /// judgment_total rows, in one transaction.
    func writeJudgments(_ records: [JudgmentRecord], run: Int, dim: String, task: String, ruleset: String) throws {
        // Each row references a response just read and a ruleset and signature looked up in this
        // transaction, and responses are never deleted: checking three foreign keys per row would
        // cost a sixth of the write (`isaq check` still verifies them). The pragma is a no-op inside
        // a transaction, hence around it.
        try db.execute("PRAGMA foreign_keys = OFF")
        defer { try? db.execute("PRAGMA foreign_keys = ON") }
        try db.transaction {
            let rulesetID = try db.scalarInt("SELECT ruleset_id FROM ruleset WHERE name = ?", [.text(ruleset)])
            var signatures: [String: Int?] = [:]  // by subtask: a run has one signature per subtask
            func signatureID(_ subtask: String) throws -> Int? {
                if let id = signatures[subtask] { return id }
                var id: Int?
                if let metric = ScorerCatalog.metric(dim: dim, task: task, subtask: subtask) {
                    let text = ScorerCatalog.signature(metric: metric, dim: dim, ruleset: ruleset)
                    try db.run("INSERT INTO metric_signature (ruleset_id, metric, signature) VALUES (?, ?, ?) ON CONFLICT (signature) DO NOTHING",
                               [.integer(Int64(rulesetID)), .text(metric), .text(text)])
                    id = try db.scalarInt("SELECT signature_id FROM metric_signature WHERE signature = ?", [.text(text)])
                }
                signatures[subtask] = id
                return id
            }
            // Rejudging overwrites rows in place, which costs half of deleting the run's rows and
            // inserting them again. Rows of an earlier judging that this one did not produce would
            // survive that, so the count decides: if it is off, the run is rewritten from scratch
            // (with plain inserts, which also refuse two verdicts on one key as before).
            try write(records, rulesetID: rulesetID, signatureID: signatureID, statement: db.statement(Self.insertJudgment + Self.overwrite))
            let written = try db.scalarInt("SELECT count(*) FROM judgment WHERE ruleset_id = ? AND response_id IN (SELECT response_id FROM response WHERE run_id = ?)",
                                           [.integer(Int64(rulesetID)), .integer(Int64(run))])
            if written != records.count {
                try db.run("DELETE FROM judgment WHERE ruleset_id = ? AND response_id IN (SELECT response_id FROM response WHERE run_id = ?)",
                           [.integer(Int64(rulesetID)), .integer(Int64(run))])
                try write(records, rulesetID: rulesetID, signatureID: signatureID, statement: db.statement(Self.insertJudgment))
            }
            try writeTotals(records, run: run, rulesetID: rulesetID)
        }
    }

    private static let insertJudgment = """
        INSERT INTO judgment (response_id, subtask, ruleset_id, signature_id, scorer_key, compliant, hypothesis, reference,
            wer_sub, wer_del, wer_ins, wer_ref_words, bleu_hyp_len, bleu_ref_len,
            bleu_correct1, bleu_correct2, bleu_correct3, bleu_correct4, bleu_total1, bleu_total2, bleu_total3, bleu_total4,
            acc_correct, acc_counted, meteor_stats, metric_pending, quality)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private static let overwrite = """

        ON CONFLICT (response_id, subtask, ruleset_id) DO UPDATE SET signature_id = excluded.signature_id, scorer_key = excluded.scorer_key,
            compliant = excluded.compliant, hypothesis = excluded.hypothesis, reference = excluded.reference,
            wer_sub = excluded.wer_sub, wer_del = excluded.wer_del, wer_ins = excluded.wer_ins, wer_ref_words = excluded.wer_ref_words,
            bleu_hyp_len = excluded.bleu_hyp_len, bleu_ref_len = excluded.bleu_ref_len,
            bleu_correct1 = excluded.bleu_correct1, bleu_correct2 = excluded.bleu_correct2, bleu_correct3 = excluded.bleu_correct3,
            bleu_correct4 = excluded.bleu_correct4, bleu_total1 = excluded.bleu_total1, bleu_total2 = excluded.bleu_total2,
            bleu_total3 = excluded.bleu_total3, bleu_total4 = excluded.bleu_total4, acc_correct = excluded.acc_correct,
            acc_counted = excluded.acc_counted, meteor_stats = excluded.meteor_stats, metric_pending = excluded.metric_pending,
            quality = excluded.quality
        """

    /// Binds every parameter on every row (NULLs included), so the statement is never cleared.
    private func write(_ records: [JudgmentRecord], rulesetID: Int, signatureID: (String) throws -> Int?, statement insert: Statement) throws {
        try records.withUnsafeBufferPointer { records in
            var subtask: String?, signature: Int?
            for j in records {
                if j.subtask != subtask { subtask = j.subtask; signature = try signatureID(j.subtask) }
                try insert.bindInt(Int64(j.responseID), at: 1)
                try insert.bindText(j.subtask, at: 2)
                try insert.bindInt(Int64(rulesetID), at: 3)
                try insert.bindInt(signature, at: 4)
                try insert.bindText(j.scorerKey, at: 5)
                try insert.bindInt(j.compliant ? 1 : 0, at: 6)
                try insert.bindText(j.hypothesis, at: 7)
                try insert.bindText(j.reference, at: 8)
                try insert.bindInt(j.wer?.substitutions, at: 9)
                try insert.bindInt(j.wer?.deletions, at: 10)
                try insert.bindInt(j.wer?.insertions, at: 11)
                try insert.bindInt(j.wer?.referenceWords, at: 12)
                if let b = j.bleu {
                    try insert.bindInt(Int64(b.hypothesisLength), at: 13)
                    try insert.bindInt(Int64(b.referenceLength), at: 14)
                    for n in 0..<4 {
                        try insert.bindInt(Int64(b.correct[n]), at: Int32(15 + n))
                        try insert.bindInt(Int64(b.total[n]), at: Int32(19 + n))
                    }
                } else {
                    for at in Int32(13)...22 { try insert.bindNull(at: at) }
                }
                try insert.bindInt(j.accCorrect.map { $0 ? 1 : 0 }, at: 23)
                try insert.bindInt(j.accCounted.map { $0 ? 1 : 0 }, at: 24)
                try insert.bindText(j.meteorStats, at: 25)
                try insert.bindText(j.metricPending, at: 26)
                if let q = j.quality { try insert.bindDouble(q, at: 27) } else { try insert.bindNull(at: 27) }
                try insert.insert()
            }
        }
    }

    /// Refreshes the run's judgment_total rows, which the score views read instead of every judgment.
    private func writeTotals(_ records: [JudgmentRecord], run: Int, rulesetID: Int) throws {
        if records.contains(where: { $0.meteorStats != nil }) {
            // METEOR sums come from the statistics text as SQL parses it: let the view do them.
            try db.resumJudgmentTotals(run: run, rulesetID: rulesetID)
            return
        }
        try db.run("DELETE FROM judgment_total WHERE run_id = ? AND ruleset_id = ?", [.integer(Int64(run)), .integer(Int64(rulesetID))])
        // Summed in memory rather than by reading the run back through judgment_total_live, which
        // costs a third of the write; a test checks the two agree.
        var totals: [TotalKey: JudgmentTotal] = [:]
        for j in records { totals[TotalKey(scorerKey: j.scorerKey, subtask: j.subtask), default: JudgmentTotal()].add(j) }
        let insert = try db.statement("""
            INSERT INTO judgment_total (run_id, ruleset_id, scorer_key, subtask, n, compliant, wer_errors, wer_ref_words,
                bleu_hyp_len, bleu_ref_len, bleu_correct1, bleu_correct2, bleu_correct3, bleu_correct4,
                bleu_total1, bleu_total2, bleu_total3, bleu_total4, acc_correct, acc_counted, pending, meteor_segments)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """)
        for (key, t) in totals {
            try insert.bindInt(Int64(run), at: 1)
            try insert.bindInt(Int64(rulesetID), at: 2)
            try insert.bindText(key.scorerKey, at: 3)
            try insert.bindText(key.subtask, at: 4)
            try insert.bindInt(Int64(t.n), at: 5)
            try insert.bindInt(Int64(t.compliant), at: 6)
            for (k, sum) in t.sums.enumerated() { try insert.bindInt(sum, at: Int32(7 + k)) }
            try insert.bindInt(Int64(t.pending), at: 21)
            try insert.insert()
        }
    }
}

extension Database {
    /// Replaces a run's judgment_total rows (of one ruleset, or all) by the sums of its stored
    /// judgments, as the judgment_total_live view computes them.
    func resumJudgmentTotals(run: Int, rulesetID: Int? = nil) throws {
        let filter = rulesetID == nil ? "" : " AND ruleset_id = ?"
        let values: [SQLValue] = [.integer(Int64(run))] + (rulesetID.map { [.integer(Int64($0))] } ?? [])
        try self.run("DELETE FROM judgment_total WHERE run_id = ?" + filter, values)
        try self.run("INSERT INTO judgment_total SELECT * FROM judgment_total_live WHERE run_id = ?" + filter, values)
    }
}

/// Compared by bytes, as SQL's GROUP BY compares text: `String ==` would merge two canonically
/// equivalent variation keys that the view keeps apart.
private struct TotalKey: Hashable {
    let scorerKey: String
    let subtask: String

    static func == (a: TotalKey, b: TotalKey) -> Bool {
        a.scorerKey.utf8.elementsEqual(b.scorerKey.utf8) && a.subtask.utf8.elementsEqual(b.subtask.utf8)
    }

    func hash(into hasher: inout Hasher) {
        for byte in scorerKey.utf8 { hasher.combine(byte) }
        hasher.combine(0xFF as UInt8)  // never inside UTF-8: separates the two keys
        for byte in subtask.utf8 { hasher.combine(byte) }
    }
}

/// One judgment_total row summed in memory with the judgment_total_live view's SQL semantics:
/// SUM over no values is NULL, COUNT counts non-NULL values.
private struct JudgmentTotal {
    var n = 0, compliant = 0, pending = 0
    /// wer_errors, wer_ref_words, bleu_hyp_len, bleu_ref_len, bleu_correct1…4, bleu_total1…4, acc_correct, acc_counted.
    var sums = [Int?](repeating: nil, count: 14)

    mutating func add(_ j: JudgmentRecord) {
        n += 1
        if j.compliant { compliant += 1 }
        if j.metricPending != nil { pending += 1 }
        if let w = j.wer {
            add(w.substitutions + w.deletions + w.insertions, 0)
            add(w.referenceWords, 1)
        }
        if let b = j.bleu {
            add(b.hypothesisLength, 2)
            add(b.referenceLength, 3)
            for k in 0..<4 {
                add(b.correct[k], 4 + k)
                add(b.total[k], 8 + k)
            }
        }
        if let c = j.accCorrect { add(c ? 1 : 0, 12) }
        if let c = j.accCounted { add(c ? 1 : 0, 13) }
    }

    private mutating func add(_ value: Int, _ k: Int) { sums[k] = (sums[k] ?? 0) + value }
}
