/// f-BLEU (SCORING.md §5.4): one reference (the whole `text`), the translation judge for
/// `constrain`, and a Chinese post-check on every compliant body.
struct FormatTranslationScorer: Scorer {
    static let fallbackKeys = ["voice_to_text", "transcript", "transcription", "text", "asr"]

    func context(for r: StoredResponse) -> (reference: PyString, text: String) {
        let reference = Py.strip(r.reference.py)
        return (reference, String(py: reference))
    }

    func scorerKey(for r: StoredResponse, _ c: (reference: PyString, text: String)) -> String? { FormatSelection.labelOrTranslation(r) }

    func judge(_ r: StoredResponse, key: String, _ c: (reference: PyString, text: String)) -> [JudgmentRecord] {
        let reference = c.reference
        let text = FormatSelection.text(r)
        var outcome: FormatChecks.Outcome
        if let standard = FormatSelection.standardCheck(r, text) {
            outcome = standard
        } else if r.variantKey == "constrain" {
            outcome = (TranslationConstrainJudge.isCompliant(response: text, reference: reference), Py.strip(text))
        } else {
            outcome = Self.json(text, key: r.jsonKey ?? "")
        }
        if outcome.compliant, !TranslationConstrainJudge.containsCJKIdeograph(outcome.body) { outcome = (false, []) }
        let hypothesis = outcome.compliant ? Py.strip(outcome.body) : []
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: outcome.compliant, hypothesis: String(py: hypothesis),
            reference: c.text, bleu: BLEUStats.segment(hypothesis: hypothesis, references: [reference]))]
    }

    static func json(_ text: PyString, key: String) -> FormatChecks.Outcome {
        guard case .object(let o)? = FormatChecks.parseJSON(text) else { return (false, []) }
        if !key.isEmpty {
            guard case .string(let v)? = o[key] else { return (false, []) }
            return (true, Py.strip(v.py))
        }
        for k in fallbackKeys { if case .string(let v)? = o[k] { return (true, Py.strip(v.py)) } }
        let values = FormatSelection.stringValues(o)
        return values.isEmpty ? (false, []) : (true, Array(values.map { Py.strip($0.py) }.joined(separator: [" "])))
    }
}
