/// What happened to one matched instance between two checkpoints.
public enum Transition: String, Sendable, CaseIterable {
    /// Good before and after.
    case kept
    /// Good before, not after: the fine-tune broke it.
    case forgotten
    /// Not good before, good after.
    case learned
    /// Good in neither.
    case never = "never-good"
}

/// When a response counts as good: compliant, and its per-instance quality passes the task's bar.
public struct QualityBars: Sendable, Equatable {
    /// Sentence WER at most this (fraction). 0.3 tolerates a couple of word errors in a short
    /// LibriSpeech sentence (models in the paper sit at 2–10 % corpus WER when compliant) but
    /// flags a transcription that lost its content.
    public var maxSentenceWER = 0.3
    /// Sentence BLEU at least this: about where an en→zh translation keeps its gist.
    public var minSentenceBLEU = 20.0
    /// Segment METEOR at least this: AudioCaps systems score about 0.2–0.25 corpus METEOR, so a
    /// caption below 0.2 is off-topic.
    public var minSegmentMETEOR = 0.2

    public init() {}

    func passes(metric: String, quality: Double?) -> Bool {
        guard let q = quality else { return false }
        switch metric {
        case "wer": return q <= maxSentenceWER
        case "bleu": return q >= minSentenceBLEU
        case "meteor": return q >= minSegmentMETEOR
        default: return q >= 1
        }
    }
}
