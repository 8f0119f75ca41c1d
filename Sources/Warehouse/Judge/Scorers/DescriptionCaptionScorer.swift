/// d-AAC compliance and candidate (SCORING.md §4.4); the caption metrics run afterwards over
/// whole variations.
struct DescriptionCaptionScorer: Scorer {
    static let phrase = "the audio caption is".py

    func scorerKey(for r: StoredResponse) -> String? {
        CaptionReferences.split(r.reference).isEmpty ? nil : DescriptionSelection.flattened(r)
    }

    func judge(_ r: StoredResponse, key: String) -> [JudgmentRecord] {
        let response = Py.strip(Py.lineBreaksToSpaces(r.pythonStr.py))
        var candidate: PyString = []
        let end = Py.matchInstructionPrefix(response, phrase: Self.phrase, spaceBeforeColon: false)
        if let end { candidate = Py.dropOnePairOfQuotes(Py.strip(Array(response[end...]))) }
        let refs = CaptionReferences.split(r.reference)
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: end != nil, hypothesis: String(py: candidate),
            reference: PythonJSONWriter.compact(.array(refs.map(JSONValue.string))), caption: CaptionPair(candidate: String(py: candidate), references: refs))]
    }
}

enum CaptionReferences {
    /// `|` pieces of the AudioCaps reference, stripped, empty ones dropped.
    static func split(_ text: String) -> [String] {
        Py.split(text.py, on: ["|"]).map(Py.strip).filter { !$0.isEmpty }.map { String(py: $0) }
    }
}
