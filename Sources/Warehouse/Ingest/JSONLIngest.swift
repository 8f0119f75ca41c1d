import Crypto
import Foundation

/// `isaq ingest jsonl`: one response per line, for pipelines that are not ISA-Bench's own.
/// The format is documented in the README ("JSONL format"); every field is checked and a bad
/// line is reported with its line number. One transaction per file.
extension Warehouse {
    static let jsonlStatFields = ["wer_sub", "wer_del", "wer_ins", "wer_ref_words", "bleu_hyp_len", "bleu_ref_len",
                                  "bleu_correct1", "bleu_correct2", "bleu_correct3", "bleu_correct4",
                                  "bleu_total1", "bleu_total2", "bleu_total3", "bleu_total4", "acc_correct", "acc_counted"]

    public func ingestJSONL(_ file: String, replace: Bool = false, allowUnknownVariants: Bool = false) throws -> [IngestReport] {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw InputError(file: file, "cannot read: \(error.localizedDescription)")
        }
        let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        var lines: [(Int, ArraySlice<UInt8>)] = []
        var start = 0, number = 1
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            let line = bytes[start..<i]
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { lines.append((number, line)) }
            start = i + 1
            number += 1
        }
        guard !lines.isEmpty else { throw InputError(file: file, "the file is empty (expected one JSON object per line)") }
        var reports: [String: IngestReport] = [:]
        var order: [String] = []
        try db.transaction {
            let writer = try ResponseWriter(db: db, replace: replace)
            var runs: [String: (run: Int, checkpoint: Int, skip: Bool, counts: ResponseWriter.Counts)] = [:]
            var occurrences: [String: Int] = [:]
            for (lineNumber, slice) in lines {
                let at = "line \(lineNumber)"
                func bad(_ field: String, _ message: String) -> InputError { InputError(file: file, location: "\(at): \(field)", message) }
                let value: JSONValue
                do { value = try JSONParser().parse(slice) } catch { throw InputError(file: file, location: at, "\(error)") }
                guard case .object(let o) = value else { throw InputError(file: file, location: at, "expected a JSON object, found \(value.typeName)") }
                func string(_ key: String, required: Bool = true) throws -> String? {
                    guard let v = o[key], !v.isNull else {
                        if required { throw bad(key, "missing (expected a string)") }
                        return nil
                    }
                    guard case .string(let s) = v else { throw bad(key, "expected a string, found \(v.typeName)") }
                    return s
                }
                let model = try string("model")!
                let label = try string("checkpoint", required: false) ?? ""
                guard let dim = Dimension(rawValue: try string("dim")!) else { throw bad("dim", "expected d, f or n") }
                let task = try string("task")!
                guard task == "n" ? dim == .n : Task(rawValue: task) != nil else { throw bad("task", "expected asr, s2tt, ser, gr or aac (n for n-dimension items)") }
                let variantKey = try string("variant")!
                if !allowUnknownVariants, dim != .n,
                   try db.scalarInt("SELECT known FROM variant WHERE dim = ? AND key = ?", [.text(dim.rawValue), .text(variantKey)]) != 1 {
                    throw bad("variant", "unknown \(dim.rawValue) variant \"\(variantKey)\" (see `isaq sql \"SELECT dim, key FROM variant\"`)")
                }
                let sample = SampleRecord(task: task, key: try string("sample")!, reference: try string("reference")!,
                                          emotion: try string("emotion", required: false), gender: try string("gender", required: false))
                var spec = FormatSpec()
                if let f = o["format"], !f.isNull {
                    guard case .object(let fo) = f else { throw bad("format", "expected an object like {\"prefix\": \"…\"}") }
                    for (k, v) in fo {
                        guard case .string(let s) = v else { throw bad("format.\(k)", "expected a string") }
                        switch k {
                        case "prefix": spec.prefix = s
                        case "suffix": spec.suffix = s
                        case "lrt", "wrap": spec.wrap = s
                        case "key", "json_key": spec.jsonKey = s
                        case "separator": spec.separator = s
                        case "task", "subtask_order": spec.subtaskOrder = s
                        default: throw bad("format.\(k)", "unknown format field; expected prefix, suffix, lrt, key, separator or task")
                        }
                    }
                    spec.json = fo.isEmpty ? "" : PythonJSONWriter.compact(f)
                }
                let slot = try string("slot", required: false) ?? ""
                guard let response = o["response"] else { throw bad("response", "missing (expected a string or null)") }
                let kind: ResponseKind
                switch response {
                case .string: kind = .string
                case .null: kind = .null
                default: throw bad("response", "expected a string or null, found \(response.typeName)")
                }

                let name = label.isEmpty ? model : "\(model)@\(label)"
                if runs[name] == nil {
                    let checkpoint = try writer.checkpoint(model: model, label: label)
                    let skip = try db.scalarInt("SELECT count(*) FROM run WHERE checkpoint_id = ? AND sha256 = ?", [.integer(Int64(checkpoint)), .text(sha)]) > 0
                    var run = 0
                    if !skip {
                        try db.run("""
                            INSERT INTO run (checkpoint_id, format, source_path, sha256, ingested_at, tool_version)
                            VALUES (?, 'jsonl', ?, ?, ?, ?)
                            """, [.integer(Int64(checkpoint)), .text(file), .text(sha), .text(ISO8601DateFormatter().string(from: Date())), .text(isaqVersion)])
                        run = db.lastInsertRowID
                    }
                    runs[name] = (run, checkpoint, skip, ResponseWriter.Counts())
                    reports[name] = IngestReport(file: file, checkpoint: name, dim: dim.rawValue, task: task, responses: 0, alreadyIngested: skip, unchanged: 0, replaced: 0)
                    order.append(name)
                }
                guard var state = runs[name], !state.skip else { continue }
                if reports[name]!.dim != dim.rawValue { reports[name]!.dim = "mixed" }
                if reports[name]!.task != task { reports[name]!.task = "mixed" }
                let sampleID = try writer.sampleID(sample)
                let variant = try writer.variantID(dim: dim, key: variantKey)
                let instruction = try writer.instructionID(sample: sampleID, variant: variant, slot: slot, spec: spec)
                let occurrenceKey = "\(name)\u{0}\(instruction)"
                let occurrence = occurrences[occurrenceKey, default: 0]
                occurrences[occurrenceKey] = occurrence + 1
                try writer.insertResponse(run: state.run, checkpoint: state.checkpoint, instruction: instruction, occurrence: occurrence,
                                          item: lineNumber - 1, ordinal: 0, kind: kind, text: response.stringValue, counts: &state.counts,
                                          conflict: { InputError(file: file, location: at, "checkpoint \(name) already has a different response for this sample and variant; pass --replace to overwrite it") })
                if o["compliant"] != nil || o["stats"] != nil {
                    try storeExternalJudgment(o, checkpoint: state.checkpoint, instruction: instruction, occurrence: occurrence, variant: variantKey, bad: bad)
                }
                reports[name]!.responses += 1
                runs[name] = state
            }
            for (name, state) in runs where !state.skip {
                reports[name]!.unchanged = state.counts.unchanged
                reports[name]!.replaced = state.counts.replaced
                try db.run("UPDATE run SET response_count = ?, dim = ?, task = ? WHERE run_id = ?", [
                    .integer(Int64(state.counts.inserted + state.counts.replaced)),
                    reports[name]!.dim == "mixed" ? .null : .text(reports[name]!.dim),
                    reports[name]!.task == "mixed" ? .null : .text(reports[name]!.task), .integer(Int64(state.run)),
                ])
            }
        }
        return order.map { reports[$0]! }
    }

    /// A compliance flag and metric statistics decided outside isaq, kept under ruleset `external`.
    private func storeExternalJudgment(_ o: JSONObject, checkpoint: Int, instruction: Int, occurrence: Int, variant: String,
                                       bad: (String, String) -> InputError) throws {
        guard case .bool(let compliant)? = o["compliant"] else { throw bad("compliant", "expected true or false (required with stats)") }
        var stats: [String: Int] = [:]
        if let s = o["stats"], !s.isNull {
            guard case .object(let so) = s else { throw bad("stats", "expected an object of integer statistics") }
            for (k, v) in so {
                guard Self.jsonlStatFields.contains(k) else { throw bad("stats.\(k)", "unknown statistic; expected one of \(Self.jsonlStatFields.joined(separator: ", "))") }
                guard let n = v.intValue, n >= 0 else { throw bad("stats.\(k)", "expected a non-negative integer") }
                stats[k] = n
            }
        }
        try db.run("INSERT INTO ruleset (name, description) VALUES ('external', 'Compliance and statistics decided outside isaq, ingested from JSONL') ON CONFLICT (name) DO NOTHING")
        let ruleset = try db.scalarInt("SELECT ruleset_id FROM ruleset WHERE name = 'external'")
        let response = try db.scalarInt("SELECT response_id FROM response WHERE checkpoint_id = ? AND instruction_id = ? AND occurrence = ?",
                                        [.integer(Int64(checkpoint)), .integer(Int64(instruction)), .integer(Int64(occurrence))])
        let columns = Self.jsonlStatFields
        let sql = "INSERT OR REPLACE INTO judgment (response_id, subtask, ruleset_id, scorer_key, compliant, hypothesis, \(columns.joined(separator: ", "))) VALUES (?, '', ?, ?, ?, ?, \(columns.map { _ in "?" }.joined(separator: ", ")))"
        var values: [SQLValue] = [.integer(Int64(response)), .integer(Int64(ruleset)), .text(variant), .integer(compliant ? 1 : 0),
                                  o["hypothesis"]?.stringValue.map(SQLValue.text) ?? .null]
        values += columns.map { stats[$0].map { SQLValue.integer(Int64($0)) } ?? .null }
        try db.run(sql, values)
    }
}
