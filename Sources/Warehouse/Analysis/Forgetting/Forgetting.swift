import Foundation

/// Options of `isaq forgetting`.
public struct ForgettingOptions: Sendable {
    public var dim: String?
    public var task: String?
    /// Group rows by the upstream variation key (`variant`), the paper's class (`class`) or
    /// radar axis (`axis`: the class rows of every task pooled).
    public var by = "variant"
    /// The cohort whose dynamic reference gives RPS before and after (class and axis rows).
    public var cohort: String?
    public var bars = QualityBars()
    public var resamples = 1000
    public var seed: UInt64 = 1
    /// How many of the most damaged instances to list.
    public var instances = 0
    public var ruleset = Warehouse.currentRuleset

    public init() {}
}

/// One row of the forgetting report: a dimension × task × variation (or class) × subtask.
public struct ForgettingRow: Sendable {
    public var dim, task, group, subtask, metric: String
    public var matched = 0
    public var ifrBefore: Double?, ifrAfter: Double?
    public var metricBefore: Double?, metricAfter: Double?
    public var kept = 0, forgotten = 0, learned = 0, never = 0
    public var complianceFlips = 0, contentFlips = 0
    public var complianceGained = 0
    public var mcnemarP: Double?, complianceMcnemarP: Double?
    public var ciLow: Double?, ciHigh: Double?
    public var verdict = "no significant change"
    public var note = ""
    /// RPS in the chosen cohort (class and axis rows), and the IFR radar axis (axis rows).
    public var rpsBefore: Double?, rpsAfter: Double?

    /// ΔIFR, after − before.
    public var deltaIFR: Double? { zip2(ifrAfter, ifrBefore, -) }
    /// ΔRPS, after − before (RPS is higher-is-better for every task).
    public var deltaRPS: Double? { zip2(rpsAfter, rpsBefore, -) }
    /// Δmetric_IF signed so that negative is always worse (WER: before − after).
    public var deltaMetric: Double? {
        metric == "wer" ? zip2(metricBefore, metricAfter, -) : zip2(metricAfter, metricBefore, -)
    }
    public var negativeFlipRate: Double? { matched == 0 ? nil : Double(forgotten) / Double(matched) }
    public var forgettingRate: Double? { kept + forgotten == 0 ? nil : Double(forgotten) / Double(kept + forgotten) }
}

private func zip2(_ a: Double?, _ b: Double?, _ f: (Double, Double) -> Double) -> Double? {
    guard let a, let b else { return nil }
    return f(a, b)
}

/// One matched instance for `--instances`.
public struct DamagedInstance: Sendable {
    public var dim, task, variant, subtask, sample: String
    public var responseBefore: String?, responseAfter: String?
    public var qualityBefore: Double?, qualityAfter: Double?
    public var compliantBefore: Bool, compliantAfter: Bool
}

/// The whole forgetting analysis between two checkpoints.
public struct ForgettingReport: Sendable {
    public var before: String
    public var after: String
    public var rows: [ForgettingRow]
    public var damaged: [DamagedInstance]
    public var collapse: ResultTable
    /// Why instance columns are empty, when they are.
    public var notes: [String]

    public var anyForgotten: Bool { rows.contains { $0.verdict == "forgotten" } }
}
