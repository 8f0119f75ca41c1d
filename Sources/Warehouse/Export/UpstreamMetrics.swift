import Foundation

/// Sums of one variation's judgments: every upstream number is computed from these.
struct VariationTotals {
    var total = 0
    var follow = 0
    var wer = WordErrorStats()
    var bleu = BLEUStats()
    var accCorrect = 0
    var accCounted = 0
    var captions: [PreparedCaption] = []
    var pendingCaptions = 0

    mutating func add(_ j: StoredJudgment) {
        total += 1
        if j.compliant { follow += 1 }
        if let w = j.wer { wer += w }
        if let b = j.bleu { bleu += b }
        if j.accCorrect == true { accCorrect += 1 }
        if j.accCounted == true { accCounted += 1 }
        if let c = j.caption { captions.append(c) }
        if j.pending { pendingCaptions += 1 }
    }

    /// `round(100.0 * follow / total, 2)`.
    var ifr: Double { total == 0 ? 0 : Rounding.py(100.0 * Double(follow) / Double(total), 2) }

    /// jiwer 4.0's corpus WER, times 100, rounded: all-empty references give the raw errors.
    var werPercent: Double {
        let rate = wer.referenceWords == 0 ? Double(wer.errors) : Double(wer.errors) / Double(wer.referenceWords)
        return Rounding.py(100 * rate, 2)
    }

    func accPercent(denominator: Int) -> Double {
        denominator == 0 ? 0 : Rounding.py(Double(100 * accCorrect) / Double(denominator), 2)
    }
}

/// A judgment as the upstream export reads it back.
struct StoredJudgment {
    var key: String
    var subtask: String
    var compliant: Bool
    var wer: WordErrorStats?
    var bleu: BLEUStats?
    var accCorrect: Bool?
    var accCounted: Bool?
    var caption: PreparedCaption?
    var pending: Bool
}

/// The metric files the upstream scorers print, computed from stored judgments.
public struct UpstreamMetrics {
    public struct File: Sendable {
        public var dim: String
        public var task: String  // `only` for n
        public var value: JSONValue
        /// `<dim>/<task>/<checkpoint>_<dim>_<task>_metric.json`, as upstream `metric.py` names it.
        public func relativePath(checkpoint: String) -> String { "\(dim)/\(task)/\(checkpoint)_\(dim)_\(task)_metric.json" }
    }

    /// The five tasks in the order `merge_outputs.py` writes them.
    static let mergeOrder = ["asr", "gr", "ser", "aac", "s2tt"]

    /// A d or f file: variations in the scorer's order plus `all`.
    static func taskFile(dim: String, task: String, judgments: [StoredJudgment]) throws -> JSONValue {
        var order: [String] = []
        var groups: [String: VariationTotals] = [:]
        var all = VariationTotals()
        for j in judgments {
            if groups[j.key] == nil { order.append(j.key) }
            groups[j.key, default: VariationTotals()].add(j)
            all.add(j)
        }
        if dim == "d", task == "s2tt" || task == "aac" {
            order.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        }
        // AAC groupings take CIDEr-D's whole-corpus pass each: one per core.
        let totals = order.map { groups[$0]! } + [all]
        let values = task == "aac"
            ? try concurrentMap(totals.count) { try entry(dim: dim, task: task, totals[$0]) }
            : try totals.map { try entry(dim: dim, task: task, $0) }
        var entries = Array(zip(order, values.dropLast()))
        let allEntry = ("all", values[values.count - 1])
        if dim == "d", task == "ser" || task == "gr" { entries.insert(allEntry, at: 0) } else { entries.append(allEntry) }
        return .object(JSONObject(entries))
    }

    static func entry(dim: String, task: String, _ t: VariationTotals) throws -> JSONValue {
        switch task {
        case "asr":
            return ["ifr": .float(t.ifr), "wer": .float(t.werPercent)]
        case "ser", "gr":
            return ["ifr": .float(t.ifr), "acc": .float(t.accPercent(denominator: dim == "f" ? t.accCounted : t.total))]
        case "s2tt":
            let score = BLEUScore(t.bleu)
            let bleu = t.total == 0 ? 0 : Rounding.py(score.score, 2)
            guard dim == "d" else { return ["ifr": .float(t.ifr), "bleu": .float(bleu)] }
            var o: JSONObject = ["ifr": .float(t.ifr), "bleu": .float(bleu)]
            for n in 0..<4 { o["p\(n + 1)"] = .float(Rounding.py(score.precisions[n], 2)) }
            o["bp"] = .float(Rounding.py(score.brevityPenalty, 4))
            o["len_ratio"] = .float(score.referenceLength == 0 ? 0 : Rounding.py(Double(score.systemLength) / Double(score.referenceLength), 4))
            return .object(o)
        default:
            guard t.pendingCaptions == 0 else { throw CaptionMetricsPending() }
            let meteor = MeteorStatistics.corpusScore(summedStats: MeteorStatistics.sum(t.captions.compactMap { MeteorStatistics(line: $0.meteorStats) }))
            let cider = try CaptionScorer.ciderD(t.captions).corpus
            let rouge = try CaptionScorer.rougeL(t.captions).corpus
            return ["ifr": .float(t.ifr), "METEOR": .float(Rounding.py(meteor, 4)), "CIDEr-D": .float(Rounding.py(cider, 4)), "ROUGE-L": .float(Rounding.py(rouge, 4))]
        }
    }

    /// The n file: per stage, 2-TASK and 3-TASK statistics per subtask, then branch IFRs.
    static func nFile(judgments: [StoredJudgment]) -> JSONValue {
        var stages: [String] = []
        var stats: [String: VariationTotals] = [:]  // "stage/k-TASK/SUB" and "stage/branch"
        for j in judgments {
            let stage = String(j.key.split(separator: "/").first ?? "")
            if !stages.contains(stage) { stages.append(stage) }
            stats[j.subtask.isEmpty ? j.key : "\(j.key)/\(j.subtask)", default: VariationTotals()].add(j)
        }
        let known = ["single-stage", "multi-stage"]
        stages = known.filter(stages.contains) + stages.filter { !known.contains($0) }
        var out: [(String, JSONValue)] = []
        for stage in stages {
            var block: [(String, JSONValue)] = []
            for k in ["2-TASK", "3-TASK"] {
                var tasks: [(String, JSONValue)] = []
                for sub in ["ASR", "SER", "GR"] {
                    guard let t = stats["\(stage)/\(k)/\(sub)"], t.total > 0 else { continue }
                    let metric: (String, JSONValue) = sub == "ASR" ? ("wer", .float(t.werPercent)) : ("acc", .float(t.accPercent(denominator: t.total)))
                    tasks.append((sub, .object(JSONObject([("ifr", .float(t.ifr)), metric, ("n", .int(t.total))]))))
                }
                if !tasks.isEmpty { block.append((k, .object(JSONObject(tasks)))) }
            }
            guard !block.isEmpty else { continue }
            for branch in ["separation", "json"] {
                guard let t = stats["\(stage)/\(branch)"], t.total > 0 else { continue }
                block.append((branch, ["ifr": .float(t.ifr), "n": .int(t.total)]))
            }
            out.append((stage, .object(JSONObject(block))))
        }
        return .object(JSONObject(out))
    }
}

/// AAC judgments without METEOR statistics (the jars were missing when they were judged).
public struct CaptionMetricsPending: Error, CustomStringConvertible {
    public var description: String {
        "caption metrics are pending: install Java and pycocoevalcap (see `isaq doctor`), then run `isaq score --task aac`"
    }
}
