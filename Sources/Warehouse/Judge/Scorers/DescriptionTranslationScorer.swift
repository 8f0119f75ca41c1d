/// d-BLEU (SCORING.md §4.3): whitespace-sanitized response, `the translation is:` prefix,
/// multi-reference BLEU statistics against the `|`-separated references.
struct DescriptionTranslationScorer: Scorer {
    static let phrase = "the translation is".py

    func context(for r: StoredResponse) -> (references: [PyString], json: String) {
        let refs = references(r)
        return (refs, PythonJSONWriter.compact(.array(refs.map { .string(String(py: $0)) })))
    }

    func scorerKey(for r: StoredResponse, _ c: (references: [PyString], json: String)) -> String? {
        c.references.isEmpty ? nil : DescriptionSelection.flattened(r)
    }

    /// Non-blank `|` pieces, sanitized; an item without any is not scored at all.
    func references(_ r: StoredResponse) -> [PyString] {
        Py.split(r.reference.py, on: ["|"]).filter { !Py.stripSlice($0).isEmpty }.map(Self.sanitize)
    }

    static func sanitize(_ s: PyString) -> PyString { Py.collapseWhitespace(Py.lineBreaksToSpaces(s)) }

    func judge(_ r: StoredResponse, key: String, _ c: (references: [PyString], json: String)) -> [JudgmentRecord] {
        let refs = c.references
        let response = Self.sanitize(r.pythonStr.py)
        var hypothesis: PyString = []
        let end = Py.matchInstructionPrefix(response, phrase: Self.phrase, spaceBeforeColon: false)
        if let end { hypothesis = Py.dropOnePairOfQuotes(Py.strip(Array(response[end...]))) }
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: end != nil, hypothesis: String(py: hypothesis),
            reference: c.json,
            bleu: BLEUStats.segment(hypothesis: hypothesis, references: refs))]
    }
}
