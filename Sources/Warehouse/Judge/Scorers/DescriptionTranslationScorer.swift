/// d-BLEU (SCORING.md §4.3): whitespace-sanitized response, `the translation is:` prefix,
/// multi-reference BLEU statistics against the `|`-separated references.
struct DescriptionTranslationScorer: Scorer {
    static let phrase = "the translation is".py

    func scorerKey(for r: StoredResponse) -> String? {
        references(r).isEmpty ? nil : DescriptionSelection.flattened(r)
    }

    /// Non-blank `|` pieces, sanitized; an item without any is not scored at all.
    func references(_ r: StoredResponse) -> [PyString] {
        Py.split(r.reference.py, on: ["|"]).filter { !Py.stripSlice($0).isEmpty }.map(Self.sanitize)
    }

    static func sanitize(_ s: PyString) -> PyString { Py.collapseWhitespace(Py.lineBreaksToSpaces(s)) }

    func judge(_ r: StoredResponse, key: String) -> [JudgmentRecord] {
        let refs = references(r)
        let response = Self.sanitize(r.pythonStr.py)
        var hypothesis: PyString = []
        let end = Py.matchInstructionPrefix(response, phrase: Self.phrase, spaceBeforeColon: false)
        if let end { hypothesis = Py.dropOnePairOfQuotes(Py.strip(Array(response[end...]))) }
        let refStrings = refs.map { String(py: $0) }
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: end != nil, hypothesis: String(py: hypothesis),
            reference: PythonJSONWriter.compact(.array(refStrings.map(JSONValue.string))),
            bleu: BLEUStats.segment(hypothesis: hypothesis, references: refs))]
    }
}
