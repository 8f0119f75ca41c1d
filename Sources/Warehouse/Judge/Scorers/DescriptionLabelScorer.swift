/// d-ACC for SER and GR (SCORING.md §4.2): the answer must be exactly a label once quotes and
/// periods are stripped from its ends; the label set is decided by the file's first item.
struct DescriptionLabelScorer: Scorer {
    let labels: Set<String>

    /// `firstItemTask` is the `task` string of the file's first item.
    init(firstItemTask: String?) {
        let t = (firstItemTask ?? "").lowercased()
        labels = !t.contains("emotion_recognition") && t.contains("gender_recognition") ? ["male", "female"] : ["happy", "sad", "angry", "neutral"]
    }

    func context(for r: StoredResponse) -> String { String(py: Py.lower(r.reference.py)) }

    func scorerKey(for r: StoredResponse, _ gold: String) -> String? { DescriptionSelection.topKeyStrings(r) }

    func judge(_ r: StoredResponse, key: String, _ gold: String) -> [JudgmentRecord] {
        var s = Py.strip((r.text ?? "").py, chars: ["'"])
        s = Py.strip(s, chars: ["\""])
        s = Py.strip(s, chars: ["."])
        let label = String(py: Py.lower(s))
        let compliant = labels.contains(label)
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: compliant, hypothesis: label, reference: gold,
            accCorrect: compliant && label == gold, accCounted: true)]
    }
}
