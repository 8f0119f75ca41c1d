/// Which corpus metric a group reports, and how it is computed from summed statistics. An
/// instance's statistics are numbers, so a corpus metric over any subset (a group, a bootstrap
/// resample) is a sum followed by one formula. WER: errors, reference words. BLEU: hyp len,
/// ref len, correct1..4, total1..4. ACC: correct, counted. METEOR: the 23 summable segment
/// statistics.
enum CorpusMetric: String, Sendable {
    case wer, acc, bleu, meteor

    static func of(task: String, subtask: String) -> CorpusMetric {
        switch (task, subtask) {
        case (_, "ASR"), ("asr", _): return .wer
        case (_, "SER"), (_, "GR"), ("ser", _), ("gr", _): return .acc
        case ("s2tt", _): return .bleu
        default: return .meteor
        }
    }

    var higherIsBetter: Bool { self != .wer }

    /// The metric as upstream reports it (WER and ACC in percent, BLEU 0–100, METEOR 0–1).
    func value(_ sum: [Double], count: Int, accDenominatorIsCounted: Bool) -> Double {
        switch self {
        case .wer:
            return sum[1] == 0 ? 100 * sum[0] : 100 * (sum[0] / sum[1])
        case .acc:
            let d = accDenominatorIsCounted ? sum[1] : Double(count)
            return d == 0 ? 0 : 100 * sum[0] / d
        case .bleu:
            let s = BLEUStats(hypothesisLength: Int(sum[0]), referenceLength: Int(sum[1]),
                              correct: (2..<6).map { Int(sum[$0]) }, total: (6..<10).map { Int(sum[$0]) })
            return BLEUScore(s).score
        case .meteor:
            return sum.allSatisfy({ $0 == 0 }) ? 0 : MeteorStatistics.corpusScore(summedStats: sum)
        }
    }

    var width: Int {
        switch self {
        case .wer, .acc: return 2
        case .bleu: return 10
        case .meteor: return MeteorStatistics.count
        }
    }
}
