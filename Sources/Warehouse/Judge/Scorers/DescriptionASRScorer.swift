/// d-WER (SCORING.md §4.1): `the transcript is:` prefix, Whisper-normalized hypothesis.
struct DescriptionASRScorer: Scorer {
    static let phrase = "the transcript is".py

    func scorerKey(for r: StoredResponse) -> String? { DescriptionSelection.topKeyStrings(r) }

    func judge(_ r: StoredResponse, key: String) -> [JudgmentRecord] {
        let normalizer = EnglishTextNormalizer.shared
        let reference = normalizer.normalize(r.reference.py)
        let raw = (r.text ?? "").py
        var hypothesis: PyString = []
        let end = Py.matchInstructionPrefix(raw, phrase: Self.phrase, spaceBeforeColon: true)
        if let end { hypothesis = normalizer.normalize(Array(raw[end...])) }
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: end != nil,
            hypothesis: String(py: hypothesis), reference: String(py: reference),
            wer: WordErrorStats.measure(reference: reference, hypothesis: hypothesis))]
    }
}
