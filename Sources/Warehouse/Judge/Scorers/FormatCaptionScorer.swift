/// f-AAC compliance and candidate (SCORING.md §5.5); caption metrics run afterwards.
struct FormatCaptionScorer: Scorer {
    static let forbidden: [PyString] = [
        "there is", "the clip", "the audio", "the recording", "no audio", "there are", "sorry", "can't", "caption", "label", ":",
        "the scene", "this is", "element", "the soundscape", "the text", "the speaker", "capture", "?",
    ].map(\.py)

    func context(for r: StoredResponse) -> CaptionReferences { CaptionReferences(r.reference) }

    func scorerKey(for r: StoredResponse, _ refs: CaptionReferences) -> String? {
        refs.list.isEmpty ? nil : FormatSelection.caption(r)
    }

    func judge(_ r: StoredResponse, key: String, _ refs: CaptionReferences) -> [JudgmentRecord] {
        let text = FormatSelection.text(r)
        let outcome: FormatChecks.Outcome
        if let standard = FormatSelection.standardCheck(r, text) {
            outcome = standard
        } else if r.variantKey == "constrain" {
            let lower = Py.lower(text)
            let ok = !Self.forbidden.contains { Py.contains(lower, $0) } && !ASRConstrainJudge.isRepeatedSentence(text)
            outcome = (ok, Py.strip(text))
        } else {
            outcome = Self.json(text, key: r.jsonKey ?? "")
        }
        let candidate = outcome.compliant ? String(py: outcome.body) : ""
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: outcome.compliant, hypothesis: candidate,
            reference: refs.json, caption: CaptionPair(candidate: candidate, references: refs.list))]
    }

    /// The key's value must be a non-blank string, in an object or in objects of an array.
    static func json(_ text: PyString, key: String) -> FormatChecks.Outcome {
        guard !key.isEmpty, let value = FormatChecks.parseJSON(text) else { return (false, []) }
        func caption(_ v: JSONValue) -> PyString? {
            guard case .string(let s)? = v[key] else { return nil }
            let stripped = Py.strip(s.py)
            return stripped.isEmpty ? nil : stripped
        }
        switch value {
        case .object:
            return caption(value).map { (true, $0) } ?? (false, [])
        case .array(let elements):
            let found = elements.compactMap { $0.objectValue != nil ? caption($0) : nil }
            return found.isEmpty ? (false, []) : (true, Array(found.joined(separator: [" "])))
        default:
            return (false, [])
        }
    }
}
