import Foundation

/// Seeded percentile-bootstrap intervals for instance-derived scores (beyond upstream).
///
/// A replicate draws the items of a (dim, task) run with replacement and keeps every response of
/// a drawn item, so the variants of one task stay paired. Corpus metrics (WER, BLEU, METEOR) are
/// recomputed from the replicate's summed sufficient statistics, never averaged per item, and
/// rounded as upstream rounds the point estimate.
public struct BootstrapOptions: Sendable {
    public var replicates = 1000
    public var seed: UInt64 = 2025
    public var confidence = 0.95

    public init() {}
}

/// A two-sided interval of IFR and of the metric.
public struct ScoreInterval: Sendable, Equatable {
    public var ifrLow: Double, ifrHigh: Double
    public var valueLow: Double?, valueHigh: Double?
}

/// Identifies a report row: checkpoint, dim, task, variant or class, subtask.
public struct ScoreKey: Sendable, Hashable {
    public var checkpoint: String, dim: String, task: String, name: String, subtask: String
}

/// One item's summed statistics in one variant, as a flat vector (layout below).
private enum Field {
    static let n = 0, compliant = 1, werErrors = 2, werRef = 3, hyp = 4, ref = 5, correct = 6, total = 10
    static let accCorrect = 14, accCounted = 15, pending = 16, meteorSegments = 17, meteor = 18
    static let count = 18 + MeteorStatistics.count
}

extension Warehouse {
    /// Bootstrap intervals per variant (and `all`) and per class of the checkpoints' instance scores.
    public func bootstrapIntervals(checkpoints: [String], ruleset: String = Warehouse.currentRuleset,
                                   options: BootstrapOptions = BootstrapOptions()) throws -> (variants: [ScoreKey: ScoreInterval], classes: [ScoreKey: ScoreInterval]) {
        var variants: [ScoreKey: ScoreInterval] = [:]
        var classes: [ScoreKey: ScoreInterval] = [:]
        for checkpoint in checkpoints {
            let runs = try db.query("""
                SELECT DISTINCT run.dim, run.task FROM run JOIN checkpoint c USING (checkpoint_id) WHERE c.name = ? AND run.format = 'results'
                """, [.text(checkpoint)]).rows
            for row in runs {
                guard case .text(let dim) = row[0], case .text(let task) = row[1] else { continue }
                let replicates = try bootstrapRun(checkpoint: checkpoint, dim: dim, task: task, ruleset: ruleset, options: options)
                for (key, series) in replicates {
                    variants[ScoreKey(checkpoint: checkpoint, dim: dim, task: task, name: key.variant, subtask: key.subtask)] = Self.interval(series, options)
                }
                for (key, series) in Self.classSeries(dim: dim, task: task, replicates) {
                    classes[ScoreKey(checkpoint: checkpoint, dim: dim, task: key.task, name: key.class, subtask: "")] = Self.interval(series, options)
                }
            }
        }
        return (variants, classes)
    }

    private struct VariantID: Hashable { var variant: String, subtask: String }
    private typealias Series = (ifr: [Double], value: [Double?])

    /// Per variant of one run, the replicates' (IFR, metric) values.
    private func bootstrapRun(checkpoint: String, dim: String, task: String, ruleset: String, options: BootstrapOptions) throws -> [VariantID: Series] {
        let s = try db.statement("""
            SELECT j.scorer_key, j.subtask, r.item_index, j.compliant, j.wer_sub + j.wer_del + j.wer_ins, j.wer_ref_words,
                   j.bleu_hyp_len, j.bleu_ref_len, j.bleu_correct1, j.bleu_correct2, j.bleu_correct3, j.bleu_correct4,
                   j.bleu_total1, j.bleu_total2, j.bleu_total3, j.bleu_total4, j.acc_correct, j.acc_counted, j.metric_pending, j.meteor_stats
            FROM judgment j JOIN response r USING (response_id) JOIN run USING (run_id)
            JOIN checkpoint c ON c.checkpoint_id = r.checkpoint_id JOIN ruleset rs ON rs.ruleset_id = j.ruleset_id
            WHERE c.name = ? AND run.dim = ? AND run.task = ? AND rs.name = ? AND run.format = 'results'
            """).bind([.text(checkpoint), .text(dim), .text(task), .text(ruleset)])
        var itemIndex: [Int: Int] = [:]
        var perVariant: [VariantID: [Int: [Double]]] = [:]  // variant → item → stats
        while try s.step() {
            let item = itemIndex[s.int(2)] ?? { let i = itemIndex.count; itemIndex[s.int(2)] = i; return i }()
            var v = [Double](repeating: 0, count: Field.count)
            v[Field.n] = 1
            v[Field.compliant] = Double(s.int(3))
            for (f, column) in [(Field.werErrors, 4), (Field.werRef, 5), (Field.hyp, 6), (Field.ref, 7)] { v[f] = Double(s.int(column)) }
            for i in 0..<4 { v[Field.correct + i] = Double(s.int(8 + i)); v[Field.total + i] = Double(s.int(12 + i)) }
            v[Field.accCorrect] = Double(s.int(16))
            v[Field.accCounted] = Double(s.int(17))
            v[Field.pending] = s.isNull(18) ? 0 : 1
            if let line = s.string(19), let m = MeteorStatistics(line: line) {
                v[Field.meteorSegments] = 1
                for (i, x) in m.summable.enumerated() { v[Field.meteor + i] = x }
            }
            let ids = [VariantID(variant: s.string(0) ?? "", subtask: s.string(1) ?? "")] + (dim == "n" ? [] : [VariantID(variant: "all", subtask: "")])
            for id in ids {
                var items = perVariant[id, default: [:]]
                if var sum = items[item] {
                    for i in 0..<Field.count { sum[i] += v[i] }
                    items[item] = sum
                } else {
                    items[item] = v
                }
                perVariant[id] = items
            }
        }
        let items = itemIndex.count
        guard items > 0 else { return [:] }
        var rng = SplitMix64(seed: options.seed ^ Self.stableHash("\(checkpoint)\u{0}\(dim)\u{0}\(task)"))
        var out: [VariantID: Series] = [:]
        let flat = perVariant.mapValues { Array($0) }
        for _ in 0..<options.replicates {
            var weight = [Double](repeating: 0, count: items)
            for _ in 0..<items { weight[Int(rng.next() % UInt64(items))] += 1 }
            for (id, entries) in flat {
                var sum = [Double](repeating: 0, count: Field.count)
                for (item, v) in entries where weight[item] > 0 {
                    let w = weight[item]
                    for i in 0..<Field.count { sum[i] += w * v[i] }
                }
                let (ifr, value) = Self.score(sum, dim: dim, task: task, subtask: id.subtask)
                out[id, default: ([], [])].ifr.append(ifr)
                out[id, default: ([], [])].value.append(value)
            }
        }
        return out
    }

    /// IFR and metric of summed statistics, rounded as upstream prints them (nil: no metric).
    private static func score(_ s: [Double], dim: String, task: String, subtask: String) -> (Double, Double?) {
        let n = s[Field.n]
        guard n > 0 else { return (.nan, nil) }  // the replicate drew no response of this variant
        let ifr = Rounding.py(100.0 * s[Field.compliant] / n, 2)
        let metricTask = dim == "n" ? subtask.lowercased() : task
        switch metricTask {
        case "asr":
            let rate = s[Field.werRef] == 0 ? s[Field.werErrors] : s[Field.werErrors] / s[Field.werRef]
            return (ifr, Rounding.py(100 * rate, 2))
        case "ser", "gr":
            let den = dim == "f" ? s[Field.accCounted] : n
            return (ifr, den == 0 ? 0 : Rounding.py(100 * s[Field.accCorrect] / den, 2))
        case "s2tt":
            let stats = BLEUStats(hypothesisLength: Int(s[Field.hyp]), referenceLength: Int(s[Field.ref]),
                                  correct: (0..<4).map { Int(s[Field.correct + $0]) }, total: (0..<4).map { Int(s[Field.total + $0]) })
            return (ifr, Rounding.py(BLEUScore(stats).score, 2))
        case "aac":
            guard s[Field.pending] == 0, s[Field.meteorSegments] > 0 else { return (ifr, nil) }
            return (ifr, Rounding.py(MeteorStatistics.corpusScore(summedStats: Array(s[Field.meteor...])), 4))
        default:
            return (ifr, nil)
        }
    }

    private struct ClassID: Hashable { var task: String, `class`: String }

    /// The classes of §10.1 per replicate, from the replicates' variant values, with calc_area's
    /// operand order and rounding.
    private static func classSeries(dim: String, task: String, _ r: [VariantID: Series]) -> [ClassID: Series] {
        func v(_ key: String, _ sub: String = "") -> Series? { r[VariantID(variant: key, subtask: sub)] }
        func pair(_ a: Series?, _ b: Series?) -> Series? {
            guard let a, let b else { return nil }
            return (zip(a.ifr, b.ifr).map { Rounding.py(($0 + $1) / 2, 2) },
                    zip(a.value, b.value).map { x, y in x.flatMap { x in y.map { Rounding.py((x + $0) / 2, 2) } } })
        }
        func triple(_ a: Series?, _ b: Series?, _ c: Series?) -> Series? {
            guard let a, let b, let c else { return nil }
            let n = a.ifr.count
            return ((0..<n).map { Rounding.py(((a.ifr[$0] + b.ifr[$0]) + c.ifr[$0]) / 3, 2) },
                    (0..<n).map { i in
                        guard let x = a.value[i], let y = b.value[i], let z = c.value[i] else { return nil }
                        return Rounding.py(((x + y) + z) / 3, 2)
                    })
        }
        var out: [ClassID: Series] = [:]
        func put(_ cls: String, _ s: Series?, task t: String = task) { if let s { out[ClassID(task: t, class: cls)] = s } }
        switch dim {
        case "d":
            put("D1", v("default"))
            put("D2", v("case") ?? pair(v("lower_case"), v("upper_case")))
            put("D3", v("robust") ?? pair(v("grammar_robust"), v("syntax_robust")))
            put("D4", triple(v("semantic_equal_complex"), v("semantic_equal_neutral"), v("semantic_equal_simple")))
            put("D5", v("alter_symbol"))
        case "f":
            put("F1", v("constrain"))
            put("F2", pair(v("lower_case"), v("upper_case")))
            put("F3", triple(v("prefix"), v("suffix"), v("wrap")))
            put("F4", v("json"))
        default:
            for sub in ["ASR", "SER", "GR"] {
                put("N1", v("single-stage/2-TASK", sub), task: sub.lowercased())
                put("N2", v("single-stage/3-TASK", sub), task: sub.lowercased())
            }
        }
        return out
    }

    /// Percentile interval (NumPy's default linear interpolation) of the finite replicates.
    private static func interval(_ s: Series, _ options: BootstrapOptions) -> ScoreInterval {
        func bounds(_ values: [Double]) -> (Double, Double)? {
            let x = values.filter(\.isFinite).sorted()
            guard !x.isEmpty else { return nil }
            func q(_ p: Double) -> Double {
                let h = p * Double(x.count - 1)
                let lo = Int(h.rounded(.down)), hi = min(lo + 1, x.count - 1)
                return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
            }
            let tail = (1 - options.confidence) / 2
            return (Rounding.py(q(tail), 4), Rounding.py(q(1 - tail), 4))
        }
        let ifr = bounds(s.ifr) ?? (.nan, .nan)
        let value = bounds(s.value.compactMap { $0 })
        return ScoreInterval(ifrLow: ifr.0, ifrHigh: ifr.1, valueLow: value?.0, valueHigh: value?.1)
    }

    /// FNV-1a, so a run's random stream does not depend on Swift's per-process hash seed.
    static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
