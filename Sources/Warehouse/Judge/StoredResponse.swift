/// A stored response with what judging it needs, loaded in one query per run.
struct StoredResponse: Sendable {
    let responseID: Int
    let itemIndex: Int
    let ordinal: Int
    /// d: `default`, `case.upper_case`; f: `prefix`; n: `single-stage.separation.ASR|SER`.
    let variantKey: String
    /// The response's JSON path below the variant: '', `[0]`, `[0].response`, `.deep`, `[1][3]`.
    let slot: String
    let kind: String
    let text: String?
    let prefix: String?
    let suffix: String?
    let wrap: String?
    let jsonKey: String?
    let separator: String?
    let subtaskOrder: String?
    let reference: String
    let emotion: String?
    let gender: String?
    let taskField: String?

    /// The top variation key (d: before the first dot).
    var topKey: Substring { variantKey.split(separator: ".", maxSplits: 1).first ?? "" }

    /// The inner key of a d `top.inner` variant, else the top key: d-BLEU/d-AAC's variation.
    var innerKey: Substring {
        guard let dot = variantKey.firstIndex(of: ".") else { return variantKey[...] }
        return variantKey[variantKey.index(after: dot)...]
    }

    /// Python `str()` of the stored value: the string itself, `None`, or the repr of the JSON.
    var pythonStr: String {
        switch kind {
        case "string": return text ?? ""
        case "null": return "None"
        default:
            guard let text, let value = try? JSONParser().parse(Array(text.utf8)) else { return text ?? "" }
            return PythonRepr.str(value)
        }
    }
}

/// The verdict on one response (or one subtask of it) before it is written.
struct JudgmentRecord: Sendable {
    var responseID: Int
    var subtask: String = ""
    var scorerKey: String
    var compliant: Bool
    var hypothesis: String?
    var reference: String?
    var wer: WordErrorStats?
    var bleu: BLEUStats?
    var accCorrect: Bool?
    var accCounted: Bool?
    var meteorStats: String?
    var metricPending: String?
    /// Per-instance quality (see `judgment.quality`); set from the statistics when written.
    var quality: Double? {
        if let w = wer { return w.referenceWords == 0 ? Double(w.errors) : Double(w.errors) / Double(w.referenceWords) }
        if let b = bleu { return BLEUScore(b).score }
        if let c = accCorrect, accCounted == true { return c ? 1 : 0 }
        if let line = meteorStats, let m = MeteorStatistics(line: line) { return m.sentenceScore }
        return nil
    }
    /// AAC: the cleaned candidate and references handed to the caption metrics.
    var caption: CaptionPair?
}

/// One upstream scorer: which stored responses it reads, under which variation key, and the
/// verdict on each (SCORING.md §4–§6).
protocol Scorer: Sendable {
    /// What the scorer derives from a sample (normalized or split references, gold labels),
    /// computed once per item rather than once per response.
    associatedtype SampleContext
    func context(for r: StoredResponse) -> SampleContext
    /// The variation key the scorer reports `r` under, or nil when the scorer does not read it.
    func scorerKey(for r: StoredResponse, _ context: SampleContext) -> String?
    func judge(_ r: StoredResponse, key: String, _ context: SampleContext) -> [JudgmentRecord]
}

extension Scorer {
    /// Visits responses in file order with their item's context, derived once per item.
    private func forEachWithContext(_ responses: some Collection<StoredResponse>, _ body: (StoredResponse, SampleContext) -> Void) {
        var item = -1
        var context: SampleContext? = nil
        for r in responses {
            if r.itemIndex != item || context == nil {
                item = r.itemIndex
                context = self.context(for: r)
            }
            body(r, context!)
        }
    }

    /// Judges responses in file order.
    func judgeAll(_ responses: ArraySlice<StoredResponse>) -> (records: [JudgmentRecord], unscored: Int) {
        var out: [JudgmentRecord] = []
        out.reserveCapacity(responses.count)
        var unscored = 0
        forEachWithContext(responses) { r, context in
            guard let key = scorerKey(for: r, context) else { unscored += 1; return }
            out += judge(r, key: key, context)
        }
        return (out, unscored)
    }

    /// The responses this scorer reads (those that get judgments).
    func scoredIDs(_ responses: some Collection<StoredResponse>) -> Set<Int> {
        var ids = Set<Int>()
        forEachWithContext(responses) { r, context in
            if scorerKey(for: r, context) != nil { ids.insert(r.responseID) }
        }
        return ids
    }
}
