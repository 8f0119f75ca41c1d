/// The n-dimension scorer (SCORING.md §6): one record asks for two or three subtasks at once,
/// answered separated by a separator or as a JSON object. Each record gets a record-level
/// judgment (key `stage/branch`, for the branch IFR) and one per recognised subtask
/// (key `stage/k-TASK`, subtask ASR/SER/GR).
struct CompositeScorer: Scorer {
    static let serWords: [PyString] = ["happy".py, "sad".py, "angry".py, "neutral".py]
    static let grWords: [PyString] = ["male".py, "female".py]

    /// `stage.branch.ORDER` → (stage, branch).
    static func parts(of variantKey: String) -> (stage: String, branch: String)? {
        let pieces = variantKey.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        return (String(pieces[0]), String(pieces[1]))
    }

    /// The sample's references: ASR raw (stripped) and normalized, SER and GR labels.
    struct References {
        let asr: PyString
        let asrNormalized: PyString
        let asrNormalizedText: String
        let emotion: String
        let gender: String
    }

    func context(for r: StoredResponse) -> References {
        let asr = Py.strip(r.reference.py)
        let n = EnglishTextNormalizer.shared.normalize(asr)
        return References(asr: asr, asrNormalized: n, asrNormalizedText: String(py: n),
                          emotion: String(py: Py.lower(Py.strip((r.emotion ?? "").py))), gender: String(py: Py.lower(Py.strip((r.gender ?? "").py))))
    }

    func scorerKey(for r: StoredResponse, _ c: References) -> String? {
        guard let (stage, branch) = Self.parts(of: r.variantKey), branch == "separation" || branch == "json" else { return nil }
        return "\(stage)/\(branch)"
    }

    func judge(_ r: StoredResponse, key: String, _ c: References) -> [JudgmentRecord] {
        let stage = Self.parts(of: r.variantKey)!.stage
        let tasks = Py.split((r.subtaskOrder ?? "").py, on: ["|"]).map { String(py: Py.strip($0)) }.filter { $0 == "ASR" || $0 == "SER" || $0 == "GR" }
        let response = (r.text ?? "").py
        let refASR = c.asr
        var compliant: Bool
        var judgedParts: [PyString] = []  // what the checks see, per task
        var hypotheses: [PyString] = []
        if key.hasSuffix("/separation") {
            let separator = (r.separator ?? "\\").py
            let pieces = separator.isEmpty ? [response] : Py.split(response, on: separator)
            compliant = !separator.isEmpty && pieces.count == tasks.count
            if compliant {
                judgedParts = pieces.map(Py.strip)
                hypotheses = pieces.map(Self.clean)
            }
        } else {
            let keys = Py.split((r.jsonKey ?? "").py, on: ["|"]).map(Py.strip).filter { !$0.isEmpty }.map { String(py: $0) }
            compliant = false
            if case .object(let o)? = FormatChecks.parseJSON(response), keys.count == tasks.count, keys.allSatisfy({ o[$0] != nil }) {
                compliant = true
                let values = keys.map { PythonRepr.str(o[$0]!).py }
                judgedParts = values.map(Py.strip)
                hypotheses = values
            }
        }
        if compliant {
            for (i, t) in tasks.enumerated() {
                switch t {
                case "ASR": compliant = ASRConstrainJudge.judge(response: judgedParts[i], reference: refASR).compliant
                case "SER": compliant = ["happy", "sad", "angry", "neutral"].contains(String(py: Py.lower(judgedParts[i])))
                default: compliant = ["male", "female"].contains(String(py: Py.lower(judgedParts[i])))
                }
                if !compliant { break }
            }
        }
        var out = [JudgmentRecord(responseID: r.responseID, scorerKey: key, compliant: compliant)]
        let statKey = "\(stage)/\(tasks.count)-TASK"
        for (i, t) in tasks.enumerated() {
            let hyp = compliant ? hypotheses[i] : []
            var j = JudgmentRecord(responseID: r.responseID, subtask: t, scorerKey: statKey, compliant: compliant)
            switch t {
            case "ASR":
                let h = EnglishTextNormalizer.shared.normalize(hyp)
                j.hypothesis = String(py: h)
                j.reference = c.asrNormalizedText
                j.wer = WordErrorStats.measure(reference: c.asrNormalized, hypothesis: h)
            default:
                let gold = t == "SER" ? c.emotion : c.gender
                let label = Py.searchWord(hyp, t == "SER" ? Self.serWords : Self.grWords).map { String(py: Py.lower(Array(hyp[$0]))) } ?? ""
                j.hypothesis = label
                j.reference = gold
                j.accCorrect = label == gold
                j.accCounted = true
            }
            out.append(j)
        }
        return out
    }

    /// strip, strip quotes and spaces, strip, then one pair of (), [] or {}.
    static func clean(_ part: PyString) -> PyString {
        var s = Py.strip(Py.strip(Py.strip(part), chars: ["\"", "'", " "]))
        if s.count >= 2, let f = s.first, let l = s.last, (f == "(" && l == ")") || (f == "[" && l == "]") || (f == "{" && l == "}") {
            s = Py.strip(Array(s[1..<(s.count - 1)]))
        }
        return s
    }
}
