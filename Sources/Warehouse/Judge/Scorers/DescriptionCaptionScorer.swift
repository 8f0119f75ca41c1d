/// d-AAC compliance and candidate (SCORING.md §4.4); the caption metrics run afterwards over
/// whole variations.
struct DescriptionCaptionScorer: Scorer {
    static let phrase = "the audio caption is".py

    func context(for r: StoredResponse) -> CaptionReferences { CaptionReferences(r.reference) }

    func scorerKey(for r: StoredResponse, _ refs: CaptionReferences) -> String? {
        refs.list.isEmpty ? nil : DescriptionSelection.flattened(r)
    }

    func judge(_ r: StoredResponse, key: String, _ refs: CaptionReferences) -> [JudgmentRecord] {
        let response = Py.strip(Py.lineBreaksToSpaces(r.pythonStr.py))
        var candidate: PyString = []
        let end = Py.matchInstructionPrefix(response, phrase: Self.phrase, spaceBeforeColon: false)
        if let end { candidate = Py.dropOnePairOfQuotes(Py.strip(Array(response[end...]))) }
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: end != nil, hypothesis: String(py: candidate),
            reference: refs.json, caption: CaptionPair(candidate: String(py: candidate), references: refs.list))]
    }
}

/// The `|` pieces of an AudioCaps reference, stripped, empty ones dropped (§4.4, §5.5).
struct CaptionReferences {
    let list: [String]
    /// As stored in `judgment.reference` until tokenization replaces it.
    let json: String

    init(_ text: String) {
        list = Py.split(text.py, on: ["|"]).map(Py.strip).filter { !$0.isEmpty }.map { String(py: $0) }
        json = PythonJSONWriter.compact(.array(list.map(JSONValue.string)))
    }
}
