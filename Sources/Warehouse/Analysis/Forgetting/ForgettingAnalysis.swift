import Foundation

/// A matched instance: the same sample, variant, slot, format spec, occurrence and subtask in
/// both checkpoints, with both judgments.
struct MatchedInstance {
    var compliantBefore: Bool, compliantAfter: Bool
    var qualityBefore: Double?, qualityAfter: Double?
    var before: InstanceStatistics, after: InstanceStatistics
    var sample: String, variant: String
    var responseBefore: String?, responseAfter: String?
}

extension Warehouse {
    /// What a fine-tune gained and forgot between two checkpoints (`before` nil: the parent of
    /// `after`), aggregate and per instance, with paired significance.
    public func forgetting(before: String?, after: String, options: ForgettingOptions = ForgettingOptions()) throws -> ForgettingReport {
        let afterID = try checkpointID(after)
        let beforeName: String
        if let before {
            beforeName = before
        } else {
            let rows = try db.query("SELECT p.name FROM checkpoint c JOIN checkpoint p ON p.checkpoint_id = c.parent_id WHERE c.checkpoint_id = ?",
                                    [.integer(Int64(afterID))]).rows
            guard case .text(let parent)? = rows.first?.first else {
                throw QueryError(message: "\(after) has no parent checkpoint: pass --before, or record it with `isaq checkpoint set-parent \(after) BEFORE`")
            }
            beforeName = parent
        }
        let beforeID = try checkpointID(beforeName)
        let ruleset = try db.scalarInt("SELECT ruleset_id FROM ruleset WHERE name = ?", [.text(options.ruleset)])
        let judged = { (id: Int) throws -> Bool in
            try self.db.scalarInt("SELECT count(*) FROM judgment j JOIN response r USING (response_id) WHERE r.checkpoint_id = ? AND j.ruleset_id = ? LIMIT 1",
                                  [.integer(Int64(id)), .integer(Int64(ruleset))]) > 0
        }
        var notes: [String] = []
        var rows: [ForgettingRow] = []
        var damaged: [DamagedInstance] = []
        if try judged(beforeID), try judged(afterID) {
            let groups = try matchedInstances(before: beforeID, after: afterID, ruleset: ruleset, options: options)
            if groups.isEmpty {
                notes.append("\(beforeName) and \(after) share no instances (same sample, variant, format spec and subtask): nothing to pair")
            }
            for (key, instances) in groups.sorted(by: { $0.key < $1.key }) {
                rows.append(forgettingRow(key, instances, options: options))
                if options.instances > 0 { damaged += mostDamaged(key, instances, bars: options.bars) }
            }
            damaged.sort { damage($0, options.bars) > damage($1, options.bars) }
            damaged = Array(damaged.prefix(options.instances))
        } else {
            let why = try judged(beforeID) ? after : beforeName
            notes.append("\(why) has no judged responses (published aggregates only): instance columns are empty")
            rows = try publishedDeltas(before: beforeID, after: afterID, options: options)
            if rows.isEmpty { notes.append("no published cells in common") }
        }
        if let cohort = options.cohort {
            try addRPS(&rows, cohort: cohort, before: beforeName, after: after, by: options.by)
        }
        if options.by == "axis" { rows = try axisRows(rows, before: beforeName, after: after, cohort: options.cohort) }
        let collapse = try collapseIndicators(checkpoints: [(beforeName, beforeID), (after, afterID)], options: options)
        return ForgettingReport(before: beforeName, after: after, rows: rows, damaged: damaged, collapse: collapse, notes: notes)
    }

    func checkpointID(_ name: String) throws -> Int {
        let id = try db.scalarInt("SELECT checkpoint_id FROM checkpoint WHERE name = ?", [.text(name)])
        guard id != 0 else { throw QueryError(message: "no checkpoint named \(name) (see `isaq checkpoints`)") }
        return id
    }

    struct GroupKey: Hashable, Comparable {
        var dim, task, group, subtask: String
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.dim, a.task, a.group, a.subtask) < (b.dim, b.task, b.group, b.subtask) }
    }

    private func matchedInstances(before: Int, after: Int, ruleset: Int, options: ForgettingOptions) throws -> [GroupKey: [MatchedInstance]] {
        let statColumns = { (j: String) in
            "\(j).wer_sub + \(j).wer_del + \(j).wer_ins, \(j).wer_ref_words, \(j).bleu_hyp_len, \(j).bleu_ref_len, \(j).bleu_correct1, \(j).bleu_correct2, \(j).bleu_correct3, \(j).bleu_correct4, \(j).bleu_total1, \(j).bleu_total2, \(j).bleu_total3, \(j).bleu_total4, \(j).acc_correct, \(j).acc_counted, \(j).meteor_stats"
        }
        var sql = """
            SELECT run.dim, run.task, jb.scorer_key, jb.subtask, ifnull(v.class, ''), v.key, s.key,
                   jb.compliant, jb.quality, ja.compliant, ja.quality, rb.text, ra.text,
                   \(statColumns("jb")), \(statColumns("ja"))
            FROM judgment jb
            JOIN response rb ON rb.response_id = jb.response_id
            JOIN run ON run.run_id = rb.run_id
            JOIN response ra ON ra.checkpoint_id = :after AND ra.instruction_id = rb.instruction_id AND ra.occurrence = rb.occurrence
            JOIN judgment ja ON ja.response_id = ra.response_id AND ja.subtask = jb.subtask AND ja.ruleset_id = jb.ruleset_id
            JOIN instruction i ON i.instruction_id = rb.instruction_id
            JOIN variant v ON v.variant_id = i.variant_id
            JOIN sample s ON s.sample_id = i.sample_id
            WHERE rb.checkpoint_id = :before AND jb.ruleset_id = :ruleset AND NOT (run.dim = 'n' AND jb.subtask = '')
            """
        var parameters: [(String, String)] = [("before", String(before)), ("after", String(after)), ("ruleset", String(ruleset))]
        if let dim = options.dim { sql += " AND run.dim = :dim"; parameters.append(("dim", dim)) }
        if let task = options.task { sql += " AND (run.task = :task OR jb.subtask = upper(:task))"; parameters.append(("task", task)) }
        sql += " ORDER BY rb.run_id, rb.item_index, rb.ordinal"
        let s = try db.statement(sql)
        for (name, value) in parameters {
            let index = s.parameterIndex(":" + name)
            if let n = Int64(value), name != "dim", name != "task" { try s.bind(.integer(n), at: index) } else { try s.bind(.text(value), at: index) }
        }
        var groups: [GroupKey: [MatchedInstance]] = [:]
        while try s.step() {
            let (dim, task, key, subtask) = (s.string(0)!, s.string(1)!, s.string(2)!, s.string(3)!)
            let group = options.by != "variant" ? (s.string(4).flatMap { $0.isEmpty ? nil : $0 } ?? key) : key
            let metric = CorpusMetric.of(task: task, subtask: subtask)
            func stats(_ base: Int) -> InstanceStatistics {
                switch metric {
                case .wer: return InstanceStatistics(values: [s.double(base), s.double(base + 1)])
                case .bleu: return InstanceStatistics(values: (2..<12).map { s.double(base + $0) })
                case .acc: return InstanceStatistics(values: [s.double(base + 12), s.double(base + 13)])
                case .meteor:
                    let m = s.string(base + 14).flatMap(MeteorStatistics.init(line:))
                    return InstanceStatistics(values: m?.summable ?? Array(repeating: 0, count: MeteorStatistics.count))
                }
            }
            let instance = MatchedInstance(
                compliantBefore: s.int(7) == 1, compliantAfter: s.int(9) == 1,
                qualityBefore: s.isNull(8) ? nil : s.double(8), qualityAfter: s.isNull(10) ? nil : s.double(10),
                before: stats(13), after: stats(28), sample: s.string(6) ?? "", variant: s.string(5) ?? "",
                responseBefore: s.string(11), responseAfter: s.string(12))
            groups[GroupKey(dim: dim, task: task, group: group, subtask: subtask), default: []].append(instance)
        }
        return groups
    }

    private func transition(_ i: MatchedInstance, metric: CorpusMetric, bars: QualityBars) -> Transition {
        let good = (i.compliantBefore && bars.passes(metric: metric.rawValue, quality: i.qualityBefore),
                    i.compliantAfter && bars.passes(metric: metric.rawValue, quality: i.qualityAfter))
        switch good {
        case (true, true): return .kept
        case (true, false): return .forgotten
        case (false, true): return .learned
        case (false, false): return .never
        }
    }

    private func forgettingRow(_ key: GroupKey, _ instances: [MatchedInstance], options: ForgettingOptions) -> ForgettingRow {
        let metric = CorpusMetric.of(task: key.task, subtask: key.subtask)
        var row = ForgettingRow(dim: key.dim, task: key.task, group: key.group, subtask: key.subtask, metric: metric.rawValue)
        row.matched = instances.count
        var compliantBefore = 0, compliantAfter = 0
        for i in instances {
            if i.compliantBefore { compliantBefore += 1 }
            if i.compliantAfter { compliantAfter += 1 }
            switch transition(i, metric: metric, bars: options.bars) {
            case .kept: row.kept += 1
            case .learned: row.learned += 1
            case .never: row.never += 1
            case .forgotten:
                row.forgotten += 1
                if i.compliantAfter { row.contentFlips += 1 } else { row.complianceFlips += 1 }
            }
        }
        let lostCompliance = instances.filter { $0.compliantBefore && !$0.compliantAfter }.count
        row.complianceGained = instances.filter { !$0.compliantBefore && $0.compliantAfter }.count
        let n = Double(instances.count)
        row.ifrBefore = Rounding.py(100.0 * Double(compliantBefore) / n, 2)
        row.ifrAfter = Rounding.py(100.0 * Double(compliantAfter) / n, 2)
        let accCounted = key.dim == "f"
        let width = metric.width
        var sumBefore = [Double](repeating: 0, count: width), sumAfter = sumBefore
        for i in instances {
            for k in 0..<width { sumBefore[k] += i.before.values[k]; sumAfter[k] += i.after.values[k] }
        }
        row.metricBefore = metric.value(sumBefore, count: instances.count, accDenominatorIsCounted: accCounted)
        row.metricAfter = metric.value(sumAfter, count: instances.count, accDenominatorIsCounted: accCounted)
        row.mcnemarP = McNemar.exactP(row.forgotten, row.learned)
        row.complianceMcnemarP = McNemar.exactP(lostCompliance, row.complianceGained)
        if options.resamples > 0 {
            let (low, high) = bootstrap(instances, metric: metric, accCounted: accCounted, options: options, key: key)
            row.ciLow = low
            row.ciHigh = high
            if high < 0 { row.verdict = "forgotten" } else if low > 0 { row.verdict = "improved" }
        }
        return row
    }

    /// 95 % percentile interval of Δmetric_IF (negative = worse) over paired resamples of the
    /// matched instances; each resample recomputes both corpus metrics from summed statistics.
    private func bootstrap(_ instances: [MatchedInstance], metric: CorpusMetric, accCounted: Bool, options: ForgettingOptions, key: GroupKey) -> (Double, Double) {
        let n = instances.count, width = metric.width
        var flatBefore = [Double](repeating: 0, count: n * width), flatAfter = flatBefore
        for (i, inst) in instances.enumerated() {
            for k in 0..<width { flatBefore[i * width + k] = inst.before.values[k]; flatAfter[i * width + k] = inst.after.values[k] }
        }
        // The seed is mixed with the group so each row's interval is reproducible on its own.
        var rng = SplitMix64(seed: options.seed &+ UInt64(truncatingIfNeeded: Self.stableHash("\(key.dim)|\(key.task)|\(key.group)|\(key.subtask)")))
        var deltas: [Double] = []
        deltas.reserveCapacity(options.resamples)
        var sb = [Double](repeating: 0, count: width), sa = sb
        for _ in 0..<options.resamples {
            for k in 0..<width { sb[k] = 0; sa[k] = 0 }
            for _ in 0..<n {
                let j = Int(rng.next() % UInt64(n)) * width
                for k in 0..<width { sb[k] += flatBefore[j + k]; sa[k] += flatAfter[j + k] }
            }
            let b = metric.value(sb, count: n, accDenominatorIsCounted: accCounted)
            let a = metric.value(sa, count: n, accDenominatorIsCounted: accCounted)
            deltas.append(metric.higherIsBetter ? a - b : b - a)
        }
        deltas.sort()
        let lo = deltas[Int((Double(deltas.count - 1) * 0.025).rounded())]
        let hi = deltas[Int((Double(deltas.count - 1) * 0.975).rounded())]
        return (lo, hi)
    }

    private func mostDamaged(_ key: GroupKey, _ instances: [MatchedInstance], bars: QualityBars) -> [DamagedInstance] {
        let metric = CorpusMetric.of(task: key.task, subtask: key.subtask)
        return instances.filter { transition($0, metric: metric, bars: bars) == .forgotten }.map {
            DamagedInstance(dim: key.dim, task: key.task, variant: $0.variant, subtask: key.subtask, sample: $0.sample,
                            responseBefore: $0.responseBefore, responseAfter: $0.responseAfter,
                            qualityBefore: $0.qualityBefore, qualityAfter: $0.qualityAfter,
                            compliantBefore: $0.compliantBefore, compliantAfter: $0.compliantAfter)
        }
    }

    /// How far an instance fell, comparable across tasks: loss of compliance counts fully, then
    /// the quality drop on the metric's own scale normalised to 0–1.
    private func damage(_ d: DamagedInstance, _ bars: QualityBars) -> Double {
        func scaled(_ q: Double?) -> Double {
            guard let q else { return 0 }
            switch CorpusMetric.of(task: d.task, subtask: d.subtask) {
            case .wer: return max(0, 1 - min(q, 1))
            case .bleu: return q / 100
            default: return q
            }
        }
        let complianceLoss = d.compliantBefore && !d.compliantAfter ? 1.0 : 0
        return complianceLoss + scaled(d.qualityBefore) - (d.compliantAfter ? scaled(d.qualityAfter) : 0)
    }
}
