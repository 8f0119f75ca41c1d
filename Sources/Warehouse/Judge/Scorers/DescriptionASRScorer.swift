/// d-WER (SCORING.md §4.1): `the transcript is:` prefix, Whisper-normalized hypothesis.
struct DescriptionASRScorer: Scorer {
    static let phrase = "the transcript is".py

    func context(for r: StoredResponse) -> (normalized: PyString, text: String) {
        let n = EnglishTextNormalizer.shared.normalize(r.reference.py)
        return (n, String(py: n))
    }

    func scorerKey(for r: StoredResponse, _ c: (normalized: PyString, text: String)) -> String? { DescriptionSelection.topKeyStrings(r) }

    func judge(_ r: StoredResponse, key: String, _ c: (normalized: PyString, text: String)) -> [JudgmentRecord] {
        let normalizer = EnglishTextNormalizer.shared
        let reference = c.normalized
        let raw = (r.text ?? "").py
        var hypothesis: PyString = []
        let end = Py.matchInstructionPrefix(raw, phrase: Self.phrase, spaceBeforeColon: true)
        if let end { hypothesis = normalizer.normalize(Array(raw[end...])) }
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: end != nil,
            hypothesis: String(py: hypothesis), reference: c.text,
            wer: WordErrorStats.measure(reference: reference, hypothesis: hypothesis))]
    }
}
