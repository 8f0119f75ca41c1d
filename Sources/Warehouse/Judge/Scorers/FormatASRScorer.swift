/// f-WER (SCORING.md §5.2).
struct FormatASRScorer: Scorer {
    func context(for r: StoredResponse) -> (normalized: PyString, text: String, raw: PyString) {
        let n = EnglishTextNormalizer.shared.normalize(r.reference.py)
        return (n, String(py: n), r.reference.py)
    }

    func scorerKey(for r: StoredResponse, _ c: (normalized: PyString, text: String, raw: PyString)) -> String? { FormatSelection.asr(r) }

    func judge(_ r: StoredResponse, key: String, _ c: (normalized: PyString, text: String, raw: PyString)) -> [JudgmentRecord] {
        let normalizer = EnglishTextNormalizer.shared
        let reference = c.normalized
        let text = FormatSelection.text(r)
        var outcome: FormatChecks.Outcome
        if let standard = FormatSelection.standardCheck(r, text) {
            outcome = standard
        } else if r.variantKey == "constrain" {
            outcome = (ASRConstrainJudge.judge(response: text, reference: c.raw).compliant, text)
        } else {
            outcome = Self.json(text)
        }
        let hypothesis = outcome.compliant ? normalizer.normalize(outcome.body) : []
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: outcome.compliant,
            hypothesis: String(py: hypothesis), reference: c.text,
            wer: WordErrorStats.measure(reference: reference, hypothesis: hypothesis))]
    }

    /// Any object with a string value complies; the expected key is ignored (§5.1).
    static func json(_ text: PyString) -> FormatChecks.Outcome {
        guard case .object(let o)? = FormatChecks.parseJSON(text) else { return (false, []) }
        let values = FormatSelection.stringValues(o)
        return values.isEmpty ? (false, []) : (true, values.joined(separator: " ").py)
    }
}
