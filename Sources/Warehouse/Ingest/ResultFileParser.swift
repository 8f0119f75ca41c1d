/// Turns the bytes of a native ISA-Bench result file (d, f or n dimension) into records,
/// rejecting what is malformed with the JSON path of the problem.
struct ResultFileParser {
    let file: String
    /// Accept variation keys outside the benchmark (upstream scores them; see SCORING.md §5.1).
    var allowUnknownVariants = false

    static let dTopKeys: Set<String> = [
        "default", "case", "robust", "semantic_equal_simple", "semantic_equal_neutral", "semantic_equal_complex", "alter_symbol",
    ]
    static let dInnerKeys: [String: Set<String>] = [
        "case": ["upper_case", "lower_case"], "robust": ["grammar_robust", "syntax_robust"],
    ]
    static let fKeys: Set<String> = ["constrain", "upper_case", "lower_case", "prefix", "suffix", "wrap", "json"]
    static let fMetadataKeys: [String: String] = ["prefix": "prefix", "suffix": "suffix", "wrap": "lrt", "json": "key"]

    func fail(_ path: JSONPath, _ message: String) -> InputError {
        InputError(file: file, location: path.display, message)
    }

    /// Parses a whole file. `dimHint`/`taskHint` come from the path (`…/d/…_asr_results.json`).
    func parse(_ bytes: [UInt8], dimHint: Dimension?, taskHint: Task?) throws -> ResultFileContents {
        let root = try document(bytes)
        if case .object(let o) = root, let annotation = o["annotation"] {
            guard case .array(let items) = annotation else {
                throw fail(JSONPath().key("annotation"), "expected an array of items, found \(annotation.typeName)")
            }
            if let dimHint, dimHint != .n {
                throw InputError(file: file, "the path says dimension \(dimHint.rawValue), but the file is an n-dimension file ({\"annotation\": [...]})")
            }
            return try parseN(items, base: JSONPath().key("annotation"))
        }
        let items: [JSONValue]
        switch root {
        case .array(let a): items = a
        case .object: items = [root]  // d-BLEU/d-AAC/f-AAC accept a single item
        default: throw InputError(file: file, "expected a JSON array of result items, found \(root.typeName)")
        }
        guard !items.isEmpty else { throw InputError(file: file, "the file holds no result items (empty array)") }
        // A bare array of n samples is accepted too (§2.4): they carry instructions, not variation_responses.
        if dimHint == .n || dimHint == nil, items.allSatisfy({ $0["instructions"] != nil && $0["variation_responses"] == nil }) {
            return try parseN(items, base: JSONPath())
        }
        let dim = try detectDimension(items, hint: dimHint)
        let task = try detectTask(items, hint: taskHint)
        var contents = ResultFileContents(dim: dim, task: task.rawValue, samples: [], responses: [])
        for (i, item) in items.enumerated() {
            let path = JSONPath().index(i)
            guard case .object(let o) = item else { throw fail(path, "expected a result item object, found \(item.typeName)") }
            contents.samples.append(try sample(o, task: task.rawValue, path: path))
            guard let vr = o["variation_responses"] else { throw fail(path, "missing \"variation_responses\"") }
            guard case .object(let variations) = vr else {
                throw fail(path.key("variation_responses"), "expected an object of variation → responses, found \(vr.typeName)")
            }
            let vpath = path.key("variation_responses")
            switch dim {
            case .d: try collectD(variations, item: i, path: vpath, into: &contents.responses)
            case .f: try collectF(variations, item: i, path: vpath, into: &contents.responses)
            case .n: break
            }
        }
        return contents
    }

    /// JSON, or newline-delimited JSON when the whole file is not one JSON document.
    private func document(_ bytes: [UInt8]) throws -> JSONValue {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(file: file, "the file is empty")
        }
        do {
            return try JSONParser.parse(bytes)
        } catch let whole {
            // NDJSON is tried only when every non-empty line is an object; otherwise the error of
            // the whole-file parse is the useful one (truncated JSON, garbage).
            var objects: [JSONValue] = []
            var line = 1
            var start = 0
            var sawLines = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                let slice = Array(bytes[start..<i])
                if slice.contains(where: { !($0 == 0x20 || $0 == 0x0D || $0 == 0x09) }) {
                    sawLines += 1
                    guard let v = try? JSONParser.parse(slice), case .object = v else { throw InputError(file: file, "\(whole)") }
                    objects.append(v)
                }
                start = i + 1
                line += 1
            }
            guard sawLines > 1 else { throw InputError(file: file, "\(whole)") }
            return .array(objects)
        }
    }

    private func detectDimension(_ items: [JSONValue], hint: Dimension?) throws -> Dimension {
        var dKeys = 0, fKeys = 0
        for item in items {
            guard case .object(let vr)? = item["variation_responses"] else { continue }
            for (k, _) in vr {
                if Self.dTopKeys.contains(k) { dKeys += 1 }
                if Self.fKeys.contains(k) { fKeys += 1 }
            }
        }
        let content: Dimension? = dKeys > fKeys ? .d : (fKeys > dKeys ? .f : nil)
        switch (hint, content) {
        case (let h?, let c?) where h != c:
            throw InputError(file: file, "the path says dimension \(h.rawValue), but the variation keys are those of dimension \(c.rawValue)")
        case (_, let c?): return c
        case (let h?, nil): return h
        default:
            throw InputError(file: file, "cannot tell the dimension: no known d keys (default, case, robust, …) or f keys (constrain, prefix, …) in variation_responses")
        }
    }

    /// The task from the file name, else from the first item (as d-ACC decides, §4.2).
    private func detectTask(_ items: [JSONValue], hint: Task?) throws -> Task {
        let first = items.first?["task"]?.stringValue.flatMap(Task.init(itemTask:))
        if let hint {
            if let first, first != hint, !(Set([first, hint]) == [.ser, .gr]) {
                throw InputError(file: file, "the file name says task \(hint.rawValue), but the first item's task says \(first.rawValue)")
            }
            return hint
        }
        if let first { return first }
        throw InputError(file: file, location: "[0].task", "cannot tell the task: expected the file name to contain _asr, _s2tt, _ser, _gr or _aac, or the first item's \"task\" to name one")
    }

    private func requiredString(_ o: JSONObject, _ key: String, path: JSONPath) throws -> String {
        guard let v = o[key] else { throw fail(path, "missing \"\(key)\" (the reference)") }
        guard case .string(let s) = v else { throw fail(path.key(key), "expected a string, found \(v.typeName)") }
        return s
    }

    private func optionalString(_ o: JSONObject, _ key: String, path: JSONPath) throws -> String? {
        guard let v = o[key], !v.isNull else { return nil }
        guard case .string(let s) = v else { throw fail(path.key(key), "expected a string, found \(v.typeName)") }
        return s
    }

    private func sample(_ o: JSONObject, task: String, path: JSONPath) throws -> SampleRecord {
        SampleRecord(
            task: task,
            key: try optionalString(o, "path", path: path) ?? "",
            reference: try requiredString(o, "text", path: path),
            taskField: try optionalString(o, "task", path: path))
    }

    private func leaf(_ v: JSONValue, item: Int, variant: String, slot: String, spec: FormatSpec = FormatSpec()) -> ResponseRecord {
        let kind: ResponseKind
        let text: String?
        switch v {
        case .string(let s): kind = .string; text = s
        case .null: kind = .null; text = nil
        case .bool: kind = .boolean; text = PythonJSONWriter.compact(v)
        case .int, .float: kind = .number; text = PythonJSONWriter.compact(v)
        case .array: kind = .array; text = PythonJSONWriter.compact(v)
        case .object: kind = .object; text = PythonJSONWriter.compact(v)
        }
        return ResponseRecord(itemIndex: item, variantKey: variant, slot: slot, kind: kind, text: text, spec: spec)
    }

    // MARK: d dimension

    /// Every leaf below each variation: strings, nulls and scalars, array elements (whatever
    /// they are) and, recursively, object values. Each scorer later picks what it reads (§2.2).
    private func collectD(_ vr: JSONObject, item: Int, path: JSONPath, into out: inout [ResponseRecord]) throws {
        for (top, value) in vr {
            let tpath = path.key(top)
            if !allowUnknownVariants, !Self.dTopKeys.contains(top) {
                throw fail(tpath, "unknown d variation key \"\(top)\"; expected one of \(Self.dTopKeys.sorted().joined(separator: ", "))")
            }
            if case .object(let inner) = value {
                for (k, v) in inner {
                    if !allowUnknownVariants, let known = Self.dInnerKeys[top], !known.contains(k) {
                        throw fail(tpath.key(k), "unknown key \"\(k)\" under \"\(top)\"; expected one of \(known.sorted().joined(separator: ", "))")
                    }
                    flattenD(v, item: item, variant: "\(top).\(k)", slot: "", into: &out)
                }
            } else {
                flattenD(value, item: item, variant: top, slot: "", into: &out)
            }
        }
    }

    private func flattenD(_ v: JSONValue, item: Int, variant: String, slot: String, into out: inout [ResponseRecord]) {
        switch v {
        case .array(let elements):
            for (i, e) in elements.enumerated() { out.append(leaf(e, item: item, variant: variant, slot: slot + "[\(i)]")) }
        case .object(let o):
            for (k, e) in o { flattenD(e, item: item, variant: variant, slot: slot + JSONPath().key(k).text, into: &out) }
        default:
            out.append(leaf(v, item: item, variant: variant, slot: slot))
        }
    }

    // MARK: f dimension

    private func collectF(_ vr: JSONObject, item: Int, path: JSONPath, into out: inout [ResponseRecord]) throws {
        for (key, value) in vr {
            let kpath = path.key(key)
            if !allowUnknownVariants, !Self.fKeys.contains(key) {
                throw fail(kpath, "unknown f variation key \"\(key)\"; expected one of \(Self.fKeys.sorted().joined(separator: ", "))")
            }
            switch value {
            case .array(let elements):
                for (i, e) in elements.enumerated() {
                    out.append(try fElement(e, key: key, item: item, slot: "[\(i)]", path: kpath.index(i)))
                }
            case .object(let o):
                for (k, e) in o {
                    out.append(try fElement(e, key: key, item: item, slot: JSONPath().key(k).text, path: kpath.key(k)))
                }
            default:
                out.append(leaf(value, item: item, variant: key, slot: ""))
            }
        }
    }

    /// An element of an f variation: a `{prefix|suffix|lrt|key, response}` object, or a bare value.
    private func fElement(_ e: JSONValue, key: String, item: Int, slot: String, path: JSONPath) throws -> ResponseRecord {
        guard case .object(let o) = e else { return leaf(e, item: item, variant: key, slot: slot) }
        guard let response = o["response"] else {
            throw fail(path, "missing \"response\" in a \(key) response object")
        }
        switch response {
        case .string, .null: break
        default: throw fail(path.key("response"), "expected a string or null, found \(response.typeName)")
        }
        var spec = FormatSpec()
        var meta = JSONObject()
        for (k, v) in o where k != "response" {
            meta[k] = v
            guard case .string(let s) = v else { continue }
            switch k {
            case "prefix": spec.prefix = s
            case "suffix": spec.suffix = s
            case "lrt": spec.wrap = s
            case "key": spec.jsonKey = s
            default: break
            }
        }
        if let expected = Self.fMetadataKeys[key], Self.fKeys.contains(key), o[expected] == nil, !allowUnknownVariants {
            throw fail(path, "missing \"\(expected)\" (the \(key) format spec)")
        }
        spec.json = meta.isEmpty ? "" : PythonJSONWriter.compact(.object(meta))
        // The slot is the JSON path of the response itself, so a `{"response": …}` object and a
        // bare string element stay distinguishable (scorers enumerate them differently, §2.3).
        return leaf(response, item: item, variant: key, slot: slot + ".response", spec: spec)
    }

    // MARK: n dimension

    private func parseN(_ items: [JSONValue], base: JSONPath) throws -> ResultFileContents {
        guard !items.isEmpty else { throw fail(base, "the file holds no items (empty annotation array)") }
        var contents = ResultFileContents(dim: .n, task: "n", samples: [], responses: [])
        for (i, item) in items.enumerated() {
            let path = base.index(i)
            guard case .object(let o) = item else { throw fail(path, "expected an item object, found \(item.typeName)") }
            contents.samples.append(SampleRecord(
                task: "n",
                key: try optionalString(o, "path", path: path) ?? "",
                reference: try requiredString(o, "text", path: path),
                emotion: try optionalString(o, "emotion", path: path) ?? "",
                gender: try optionalString(o, "gender", path: path) ?? "",
                taskField: try optionalString(o, "task", path: path)))
            let vpath = path.key("instructions").key("variations")
            guard case .object(let variations)? = o["instructions"]?["variations"] else {
                throw fail(vpath, "expected an object of stages (single-stage, multi-stage)")
            }
            for (stage, stageValue) in variations {
                let spath = vpath.key(stage)
                guard case .object(let branches) = stageValue else { throw fail(spath, "expected an object with separation/json, found \(stageValue.typeName)") }
                for (branch, blocksValue) in branches {
                    let bpath = spath.key(branch)
                    guard branch == "separation" || branch == "json" || allowUnknownVariants else {
                        throw fail(bpath, "unknown n branch \"\(branch)\"; expected separation or json")
                    }
                    guard case .array(let blocks) = blocksValue else { throw fail(bpath, "expected an array of blocks, found \(blocksValue.typeName)") }
                    for (b, block) in blocks.enumerated() {
                        guard case .array(let records) = block else { throw fail(bpath.index(b), "expected an array of records, found \(block.typeName)") }
                        for (r, record) in records.enumerated() {
                            contents.responses.append(try nRecord(record, item: i, stage: stage, branch: branch, slot: "[\(b)][\(r)]", path: bpath.index(b).index(r)))
                        }
                    }
                }
            }
        }
        return contents
    }

    private func nRecord(_ record: JSONValue, item: Int, stage: String, branch: String, slot: String, path: JSONPath) throws -> ResponseRecord {
        guard case .object(let o) = record else { throw fail(path, "expected a record object, found \(record.typeName)") }
        guard case .string(let task)? = o["task"] else { throw fail(path.key("task"), "expected the subtask order as a string like \"ASR|SER\"") }
        guard let response = o["response"] else { throw fail(path, "missing \"response\"") }
        var spec = FormatSpec(subtaskOrder: task)
        var meta = JSONObject()
        for (k, v) in o where k != "response" {
            meta[k] = v
            if k == "separator" { spec.separator = v.stringValue }
            if k == "key" { spec.jsonKey = v.stringValue }
        }
        spec.json = PythonJSONWriter.compact(.object(meta))
        return leaf(response, item: item, variant: "\(stage).\(branch).\(task)", slot: slot, spec: spec)
    }
}
