/// Pure entry points over isaq's input handling, without a warehouse: what the fuzz target
/// (Fuzz/) drives, and what the hostile-input tests call. Each either returns or throws an
/// error describing the input; anything else (a trap, a hang) is a bug.
public enum InputProbe {
    /// Parses `bytes` as JSON with isaq's parser.
    public static func parseJSON(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Splits `bytes` into JSONL lines and checks each as `isaq ingest jsonl` does (every
    /// variant counts as known); returns how many lines were valid records.
    @discardableResult
    public static func checkJSONLines(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        JSONLines.forEach(in: bytes) { number, line in
            if (try? JSONLRecord(line, lineNumber: number, file: "<input>", isKnownVariant: { _, _ in true })) != nil {
                valid += 1
            } else {
                invalid += 1
            }
        }
        return (valid, invalid)
    }

    /// Parses `bytes` as a native result file and judges every response in memory under the
    /// current ruleset, as ingest followed by `isaq score` would (AAC caption metrics, which
    /// need Java, are left out). Returns the number of judgments.
    @discardableResult
    public static func judgeResultFile(_ bytes: [UInt8], dimHint: Dimension? = nil, taskHint: Task? = nil,
                                       allowUnknownVariants: Bool = false) throws -> Int {
        var parser = ResultFileParser(file: "<input>")
        parser.allowUnknownVariants = allowUnknownVariants
        let contents = try parser.parse(bytes, dimHint: dimHint, taskHint: taskHint)
        var responses: [StoredResponse] = []
        responses.reserveCapacity(contents.responses.count)
        var ordinal = 0, lastItem = -1
        for (i, r) in contents.responses.enumerated() {
            if r.itemIndex != lastItem { ordinal = 0; lastItem = r.itemIndex }
            let s = contents.samples[r.itemIndex]
            responses.append(StoredResponse(
                responseID: i, itemIndex: r.itemIndex, ordinal: ordinal, variantKey: r.variantKey, slot: r.slot, kind: r.kind.rawValue,
                text: r.text, prefix: r.spec.prefix, suffix: r.spec.suffix, wrap: r.spec.wrap, jsonKey: r.spec.jsonKey,
                separator: r.spec.separator, subtaskOrder: r.spec.subtaskOrder, reference: s.reference, emotion: s.emotion,
                gender: s.gender, taskField: s.taskField))
            ordinal += 1
        }
        guard let scorer = ScorerCatalog.scorer(dim: contents.dim.rawValue, task: contents.task, firstItemTask: responses.first?.taskField) else {
            return 0
        }
        return scorer.judgeAll(responses[...]).records.count
    }

    /// One fuzz input through every entry point above: the first byte picks the hints a file's
    /// path would give the result parser (and bit 7 allows unknown variants), the rest is the
    /// input. Returns the judgment count, or nil when the result parser refused the input.
    @discardableResult
    public static func fuzz(_ input: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = input.first else { return nil }
        let selector = Int(first)
        let body = UnsafeBufferPointer(rebasing: input[1...])
        _ = try? parseJSON(body)
        checkJSONLines(body)
        let dims: [Dimension?] = [nil, .d, .f, .n]
        let tasks: [Task?] = [nil, .asr, .s2tt, .ser, .gr, .aac]
        return try? judgeResultFile(Array(body), dimHint: dims[selector % dims.count], taskHint: tasks[(selector / dims.count) % tasks.count],
                                    allowUnknownVariants: selector & 0x80 != 0)
    }
}
