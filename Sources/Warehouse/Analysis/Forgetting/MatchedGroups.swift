import Foundation

/// The matched instances of one forgetting row (the same sample, variant, slot, format spec,
/// occurrence and subtask in both checkpoints, with both judgments), column by column: 380,000
/// instances of two full runs as structs of arrays and strings took longer to build than the
/// whole analysis of them.
struct MatchedGroup {
    let metric: CorpusMetric
    var compliantBefore: [Bool] = [], compliantAfter: [Bool] = []
    /// Per-instance quality, NaN when there is none (SQLite stores no NaN, so none is lost).
    var qualityBefore: [Double] = [], qualityAfter: [Double] = []
    /// Per instance: the metric's statistics before, then after (2 × metric.width values).
    var statistics: [Double] = []
    /// The paired responses, to look up texts and names of the few instances listed as damaged.
    var responseBefore: [Int64] = [], responseAfter: [Int64] = []
    /// Where each instance's before response sits in its run: the order of the instances, which
    /// fixes what each bootstrap draw picks.
    fileprivate var position: [(Int, Int, Int)] = []

    init(metric: CorpusMetric) { self.metric = metric }

    var count: Int { compliantBefore.count }

    static func quality(_ q: Double) -> Double? { q.isNaN ? nil : q }

    /// Reorders the instances by their position in the before checkpoint's runs.
    fileprivate mutating func sortByPosition() {
        let order = position.indices.sorted { position[$0] < position[$1] }
        guard order != Array(position.indices) else { return }
        func permute<T>(_ a: [T]) -> [T] { order.map { a[$0] } }
        compliantBefore = permute(compliantBefore)
        compliantAfter = permute(compliantAfter)
        qualityBefore = permute(qualityBefore)
        qualityAfter = permute(qualityAfter)
        responseBefore = permute(responseBefore)
        responseAfter = permute(responseAfter)
        position = permute(position)
        let stride = 2 * metric.width
        var sorted = [Double]()
        sorted.reserveCapacity(statistics.count)
        for i in order { sorted += statistics[(i * stride)..<((i + 1) * stride)] }
        statistics = sorted
    }
}

extension Warehouse {
    /// The matched instances between two judged checkpoints, per row of the report, in the
    /// order of the before checkpoint's runs, items and responses.
    func matchedGroups(before: Int, after: Int, ruleset: Int, options: ForgettingOptions) throws -> [(key: GroupKey, group: MatchedGroup)] {
        let statColumns = { (j: String) in
            "\(j).wer_sub + \(j).wer_del + \(j).wer_ins, \(j).wer_ref_words, \(j).bleu_hyp_len, \(j).bleu_ref_len, \(j).bleu_correct1, \(j).bleu_correct2, \(j).bleu_correct3, \(j).bleu_correct4, \(j).bleu_total1, \(j).bleu_total2, \(j).bleu_total3, \(j).bleu_total4, \(j).acc_correct, \(j).acc_counted, \(j).meteor_stats"
        }
        let byClass = options.by != "variant"
        // Instruction, variant and sample are read only when a row needs them: the class by a
        // subquery that CASE evaluates for --by class only, names of the damaged instances
        // afterwards, for those few.
        var sql = """
            SELECT rb.run_id, run.dim, run.task, jb.scorer_key, jb.subtask,
                   CASE WHEN :byClass THEN (SELECT ifnull(v.class, '') FROM instruction i JOIN variant v ON v.variant_id = i.variant_id
                                            WHERE i.instruction_id = rb.instruction_id) END,
                   jb.compliant, jb.quality, ja.compliant, ja.quality, rb.response_id, ra.response_id, rb.item_index, rb.ordinal,
                   \(statColumns("jb")), \(statColumns("ja"))
            FROM response rb
            JOIN run ON run.run_id = rb.run_id
            JOIN judgment jb ON jb.response_id = rb.response_id
            JOIN response ra ON ra.checkpoint_id = :after AND ra.instruction_id = rb.instruction_id AND ra.occurrence = rb.occurrence
            JOIN judgment ja ON ja.response_id = ra.response_id AND ja.subtask = jb.subtask AND ja.ruleset_id = jb.ruleset_id
            WHERE rb.checkpoint_id = :before AND jb.ruleset_id = :ruleset AND NOT (run.dim = 'n' AND jb.subtask = '')
            """
        var parameters: [(String, SQLValue)] = [("before", .integer(Int64(before))), ("after", .integer(Int64(after))), ("ruleset", .integer(Int64(ruleset))),
                                                ("byClass", .integer(byClass ? 1 : 0))]
        if let dim = options.dim { sql += " AND run.dim = :dim"; parameters.append(("dim", .text(dim))) }
        if let task = options.task { sql += " AND (run.task = :task OR jb.subtask = upper(:task))"; parameters.append(("task", .text(task))) }
        // No ORDER BY: sorting 380,000 wide rows in a temporary B-tree cost more than sorting
        // each group's positions afterwards.
        let s = try db.statement(sql)
        for (name, value) in parameters { try s.bind(value, at: s.parameterIndex(":" + name)) }

        var keys: [GroupKey] = [], groups: [MatchedGroup] = []
        var index: [GroupKey: Int] = [:]
        // A row's group from its raw run id, scorer key, subtask and class bytes, so the strings
        // of the key are built once per group rather than once per row.
        var rowGroup: [[UInt8]: Int] = [:]
        var signature: [UInt8] = []
        while try s.step() {
            signature.removeAll(keepingCapacity: true)
            withUnsafeBytes(of: Int64(s.int(0)).littleEndian) { signature += $0 }
            for column in 3...5 {
                let bytes = s.bytes(column)
                withUnsafeBytes(of: Int64(bytes?.count ?? -1).littleEndian) { signature += $0 }
                if let bytes { signature += bytes }
            }
            let g: Int
            if let hit = rowGroup[signature] {
                g = hit
            } else {
                let (dim, task, key, subtask) = (s.string(1) ?? "", s.string(2) ?? "", s.string(3) ?? "", s.string(4) ?? "")
                let group = byClass ? (s.string(5).flatMap { $0.isEmpty ? nil : $0 } ?? key) : key
                let groupKey = GroupKey(dim: dim, task: task, group: group, subtask: subtask)
                if let known = index[groupKey] {
                    g = known
                } else {
                    g = groups.count
                    index[groupKey] = g
                    keys.append(groupKey)
                    groups.append(MatchedGroup(metric: CorpusMetric.of(task: task, subtask: subtask)))
                }
                rowGroup[signature] = g
            }
            groups[g].append(s)
        }
        for g in groups.indices { groups[g].sortByPosition() }
        return zip(keys, groups).map { ($0, $1) }
    }
}

private extension MatchedGroup {
    /// Appends the instance of the current row of the matched-instances query.
    mutating func append(_ s: Statement) {
        compliantBefore.append(s.int(6) == 1)
        compliantAfter.append(s.int(8) == 1)
        qualityBefore.append(s.isNull(7) ? .nan : s.double(7))
        qualityAfter.append(s.isNull(9) ? .nan : s.double(9))
        responseBefore.append(Int64(s.int(10)))
        responseAfter.append(Int64(s.int(11)))
        position.append((s.int(0), s.int(12), s.int(13)))
        for base in [14, 29] {  // before, then after
            switch metric {
            case .wer: statistics.append(s.double(base)); statistics.append(s.double(base + 1))
            case .bleu: for k in 2..<12 { statistics.append(s.double(base + k)) }
            case .acc: statistics.append(s.double(base + 12)); statistics.append(s.double(base + 13))
            case .meteor:
                let m = s.string(base + 14).flatMap(MeteorStatistics.init(line:))
                statistics += m?.summable ?? Array(repeating: 0, count: MeteorStatistics.count)
            }
        }
    }
}
