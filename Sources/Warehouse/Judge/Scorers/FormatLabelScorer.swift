/// f-ACC for SER and GR (SCORING.md §5.3): format-only compliance except for `constrain`, the
/// label then searched in the body.
struct FormatLabelScorer: Scorer {
    enum LabelTask {
        case ser, gr

        var words: [PyString] {
            switch self {
            case .ser: return ["happy".py, "sad".py, "neutral".py, "angry".py]
            case .gr: return ["male".py, "female".py]
            }
        }

        var labels: Set<String> { self == .ser ? ["HAPPY", "SAD", "NEUTRAL", "ANGRY"] : ["MALE", "FEMALE"] }
    }

    func context(for r: StoredResponse) -> (task: LabelTask, gold: String?) {
        let task = Self.task(r)
        return (task, Self.canon(r.reference.py, task))
    }

    func scorerKey(for r: StoredResponse, _ c: (task: LabelTask, gold: String?)) -> String? { FormatSelection.labelOrTranslation(r) }

    /// Per item (unlike d-ACC): the item's task string, else which label its reference holds.
    static func task(_ r: StoredResponse) -> LabelTask {
        let t = (r.taskField ?? "").lowercased()
        if t.contains("emotion_recognition") { return .ser }
        if t.contains("gender_recognition") { return .gr }
        if Py.searchWord(r.reference.py, LabelTask.ser.words) != nil { return .ser }
        if Py.searchWord(r.reference.py, LabelTask.gr.words) != nil { return .gr }
        return .ser
    }

    static func canon(_ s: PyString, _ task: LabelTask) -> String? {
        if s.isEmpty { return nil }
        let cleaned = Py.strip(Py.strip(Py.strip(s), chars: ["'", "\""]))
        guard let range = Py.searchWord(cleaned, task.words) else { return nil }
        let label = String(py: Py.upper(Array(cleaned[range])))
        return task.labels.contains(label) ? label : nil
    }

    func judge(_ r: StoredResponse, key: String, _ c: (task: LabelTask, gold: String?)) -> [JudgmentRecord] {
        let (task, gold) = c
        let text = FormatSelection.text(r)
        let outcome: FormatChecks.Outcome
        if let standard = FormatSelection.standardCheck(r, text) {
            outcome = standard
        } else if r.variantKey == "constrain" {
            outcome = Self.constrain(text, task)
        } else {
            outcome = Self.json(text, key: r.jsonKey ?? "")
        }
        let prediction = outcome.compliant ? Self.canon(outcome.body, task) : nil
        return [JudgmentRecord(
            responseID: r.responseID, scorerKey: key, compliant: outcome.compliant, hypothesis: prediction, reference: gold,
            accCorrect: gold != nil && prediction == gold, accCounted: gold != nil)]
    }

    /// Exactly one label word, any case, optionally in one pair of quotes.
    static func constrain(_ r: PyString, _ task: LabelTask) -> FormatChecks.Outcome {
        var s = Py.strip(r)
        if s.count >= 2, let q = s.first, q == s.last, q == "'" || q == "\"" { s = Py.strip(Array(s[1..<(s.count - 1)])) }
        if s.contains(" ") { return (false, s) }
        guard let label = canon(s, task) else { return (false, s) }
        return (String(py: Py.upper(Py.strip(s))) == label, s)
    }

    static func json(_ text: PyString, key: String) -> FormatChecks.Outcome {
        guard case .object(let o)? = FormatChecks.parseJSON(text) else { return (false, []) }
        if !key.isEmpty {
            guard case .string(let v)? = o[key] else { return (false, []) }
            return (true, Py.strip(v.py))
        }
        let values = FormatSelection.stringValues(o)
        return values.isEmpty ? (false, []) : (true, Array(values.map { Py.strip($0.py) }.joined(separator: [" "])))
    }
}
