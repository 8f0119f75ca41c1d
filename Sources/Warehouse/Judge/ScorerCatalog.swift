/// The scorer the upstream `metric.py` runs for a dimension and task (SCORING.md §1).
enum ScorerCatalog {
    static func scorer(dim: String, task: String, firstItemTask: String?) -> (any Scorer)? {
        switch (dim, task) {
        case ("d", "asr"): return DescriptionASRScorer()
        case ("d", "ser"), ("d", "gr"): return DescriptionLabelScorer(firstItemTask: firstItemTask)
        case ("d", "s2tt"): return DescriptionTranslationScorer()
        case ("d", "aac"): return DescriptionCaptionScorer()
        case ("f", "asr"): return FormatASRScorer()
        case ("f", "ser"), ("f", "gr"): return FormatLabelScorer()
        case ("f", "s2tt"): return FormatTranslationScorer()
        case ("f", "aac"): return FormatCaptionScorer()
        case ("n", _): return CompositeScorer()
        default: return nil
        }
    }

    /// The metric a judgment's statistics feed, for its signature.
    static func metric(dim: String, task: String, subtask: String) -> String? {
        switch (dim, task, subtask) {
        case ("n", _, "ASR"): return "wer"
        case ("n", _, "SER"), ("n", _, "GR"): return "acc"
        case ("n", _, _): return nil
        case (_, "asr", _): return "wer"
        case (_, "ser", _), (_, "gr", _): return "acc"
        case (_, "s2tt", _): return "bleu"
        case (_, "aac", _): return "meteor"
        default: return nil
        }
    }

    /// sacreBLEU-style signatures of how each metric is computed under isa-bench-1.0.
    static func signature(metric: String, dim: String, ruleset: String) -> String {
        switch metric {
        case "wer": return "wer|norm:whisper-en|jiwer:4.0|\(ruleset)"
        case "bleu": return "bleu|nrefs:\(dim == "d" ? "var" : "1")|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0|\(ruleset)"
        case "acc": return "acc|denominator:\(dim == "f" ? "gold-label" : "all")|\(ruleset)"
        default: return "meteor|version:1.5|lang:en|norm:yes|tok:ptb-3.4.1|\(ruleset)"
        }
    }
}
