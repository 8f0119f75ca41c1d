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
        // Files can be many gigabytes: hash in one streaming pass, then ingest line by line in a
        // second, so memory stays bounded by the longest line rather than the file.
        let url = URL(fileURLWithPath: file)
        let sha: String
        do { sha = try Self.sha256(of: url) } catch {
            throw InputError(file: file, "cannot read: \(error.localizedDescription)")
        }
        var reports: [String: IngestReport] = [:]
        var order: [String] = []
        try db.transaction {
            let writer = try ResponseWriter(db: db, replace: replace)
            var runs: [String: (run: Int, checkpoint: Int, skip: Bool, counts: ResponseWriter.Counts)] = [:]
            // Which (checkpoint, instruction) pairs this file already answered, to number repeats.
            // Packed integers rather than strings: there is one entry per line of a huge file.
            var seen = Set<Int>()
            var repeats: [Int: Int] = [:]
            var lineCount = 0
            let known = { (dim: Dimension, key: String) throws -> Bool in
                try self.db.scalarInt("SELECT known FROM variant WHERE dim = ? AND key = ?", [.text(dim.rawValue), .text(key)]) == 1
            }
            do {
                try JSONLines.forEach(inFile: url) { lineNumber, bytes in
                    lineCount += 1
                    let line = try JSONLRecord(bytes, lineNumber: lineNumber, file: file,
                                               isKnownVariant: allowUnknownVariants ? { _, _ in true } : known)
                    let at = "line \(lineNumber)"
                    let name = line.label.isEmpty ? line.model : "\(line.model)@\(line.label)"
                    if runs[name] == nil {
                        let checkpoint = try writer.checkpoint(model: line.model, label: line.label)
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
                        reports[name] = IngestReport(file: file, checkpoint: name, dim: line.dim.rawValue, task: line.task, responses: 0,
                                                     alreadyIngested: skip, unchanged: 0, replaced: 0)
                        order.append(name)
                    }
                    guard var state = runs[name], !state.skip else { return }
                    if reports[name]!.dim != line.dim.rawValue { reports[name]!.dim = "mixed" }
                    if reports[name]!.task != line.task { reports[name]!.task = "mixed" }
                    let sampleID = try writer.sampleID(line.sample)
                    let variant = try writer.variantID(dim: line.dim, key: line.variant)
                    let instruction = try writer.instructionID(sample: sampleID, variant: variant, slot: line.slot, spec: line.spec)
                    let occurrenceKey = state.checkpoint << 40 | instruction
                    var occurrence = 0
                    if !seen.insert(occurrenceKey).inserted {
                        occurrence = repeats[occurrenceKey, default: 0] + 1
                        repeats[occurrenceKey] = occurrence
                    }
                    try writer.insertResponse(
                        run: state.run, checkpoint: state.checkpoint, instruction: instruction, occurrence: occurrence,
                        item: lineNumber - 1, ordinal: 0, kind: line.kind, text: line.response, counts: &state.counts,
                        conflict: { InputError(file: file, location: at, "checkpoint \(name) already has a different response for this sample and variant; pass --replace to overwrite it") })
                    if let external = line.external {
                        try storeExternalJudgment(external, checkpoint: state.checkpoint, instruction: instruction, occurrence: occurrence, variant: line.variant)
                    }
                    reports[name]!.responses += 1
                    runs[name] = state
                }
            } catch let error as InputError {
                throw error
            } catch let error as DatabaseError {
                throw error
            } catch {
                throw InputError(file: file, "cannot read: \(error.localizedDescription)")
            }
            guard lineCount > 0 else { throw InputError(file: file, "the file is empty (expected one JSON object per line)") }
            for (name, state) in runs where !state.skip {
                reports[name]!.unchanged = state.counts.unchanged
                reports[name]!.replaced = state.counts.replaced
                try writer.refreshTotals(ofRuns: state.counts.staleRuns)
                reports[name]!.unjudgedRuns = state.counts.staleRuns.subtracting([state.run]).sorted()
                try db.run("UPDATE run SET response_count = ?, dim = ?, task = ? WHERE run_id = ?", [
                    .integer(Int64(state.counts.inserted + state.counts.replaced)),
                    reports[name]!.dim == "mixed" ? .null : .text(reports[name]!.dim),
                    reports[name]!.task == "mixed" ? .null : .text(reports[name]!.task), .integer(Int64(state.run)),
                ])
            }
        }
        return order.map { reports[$0]! }
    }

    /// The SHA-256 of a file, read in 1 MiB chunks.
    static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A compliance flag and metric statistics decided outside isaq, kept under ruleset `external`.
    private func storeExternalJudgment(_ external: JSONLRecord.ExternalJudgment, checkpoint: Int, instruction: Int, occurrence: Int,
                                       variant: String) throws {
        try db.run("INSERT INTO ruleset (name, description) VALUES ('external', 'Compliance and statistics decided outside isaq, ingested from JSONL') ON CONFLICT (name) DO NOTHING")
        let ruleset = try db.scalarInt("SELECT ruleset_id FROM ruleset WHERE name = 'external'")
        let response = try db.scalarInt("SELECT response_id FROM response WHERE checkpoint_id = ? AND instruction_id = ? AND occurrence = ?",
                                        [.integer(Int64(checkpoint)), .integer(Int64(instruction)), .integer(Int64(occurrence))])
        let columns = Self.jsonlStatFields
        let sql = "INSERT OR REPLACE INTO judgment (response_id, subtask, ruleset_id, scorer_key, compliant, hypothesis, \(columns.joined(separator: ", "))) VALUES (?, '', ?, ?, ?, ?, \(columns.map { _ in "?" }.joined(separator: ", ")))"
        var values: [SQLValue] = [.integer(Int64(response)), .integer(Int64(ruleset)), .text(variant), .integer(external.compliant ? 1 : 0),
                                  external.hypothesis.map(SQLValue.text) ?? .null]
        values += columns.map { external.stats[$0].map { SQLValue.integer(Int64($0)) } ?? .null }
        try db.run(sql, values)
    }
}

/// One line of a JSONL file, checked field by field without touching the warehouse (so it can
/// be fuzzed on its own). Errors name the file, the line and the field.
struct JSONLRecord {
    struct ExternalJudgment {
        var compliant: Bool
        var stats: [String: Int]
        var hypothesis: String?
    }

    var model: String
    var label: String
    var dim: Dimension
    var task: String
    var variant: String
    var sample: SampleRecord
    var spec = FormatSpec()
    var slot: String
    var kind: ResponseKind
    var response: String?
    var external: ExternalJudgment?

    /// `isKnownVariant` runs right after the variant is read, so its error comes before those
    /// of later fields, as it always has.
    init(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int, file: String,
         isKnownVariant: (Dimension, String) throws -> Bool) throws {
        let at = "line \(lineNumber)"
        func bad(_ field: String, _ message: String) -> InputError { InputError(file: file, location: "\(at): \(field)", message) }
        let value: JSONValue
        do { value = try JSONParser().parse(bytes) } catch { throw InputError(file: file, location: at, "\(error)") }
        guard case .object(let o) = value else { throw InputError(file: file, location: at, "expected a JSON object, found \(value.typeName)") }
        func string(_ key: String, required: Bool = true) throws -> String? {
            guard let v = o[key], !v.isNull else {
                if required { throw bad(key, "missing (expected a string)") }
                return nil
            }
            guard case .string(let s) = v else { throw bad(key, "expected a string, found \(v.typeName)") }
            return s
        }
        model = try string("model")!
        label = try string("checkpoint", required: false) ?? ""
        guard let dim = Dimension(rawValue: try string("dim")!) else { throw bad("dim", "expected d, f or n") }
        self.dim = dim
        task = try string("task")!
        guard task == "n" ? dim == .n : Task(rawValue: task) != nil else { throw bad("task", "expected asr, s2tt, ser, gr or aac (n for n-dimension items)") }
        variant = try string("variant")!
        if dim != .n, try !isKnownVariant(dim, variant) {
            throw bad("variant", "unknown \(dim.rawValue) variant \"\(variant)\" (see `isaq sql \"SELECT dim, key FROM variant\"`)")
        }
        sample = SampleRecord(task: task, key: try string("sample")!, reference: try string("reference")!,
                              emotion: try string("emotion", required: false), gender: try string("gender", required: false))
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
        slot = try string("slot", required: false) ?? ""
        guard let response = o["response"] else { throw bad("response", "missing (expected a string or null)") }
        switch response {
        case .string: kind = .string
        case .null: kind = .null
        default: throw bad("response", "expected a string or null, found \(response.typeName)")
        }
        self.response = response.stringValue
        if o["compliant"] != nil || o["stats"] != nil {
            guard case .bool(let compliant)? = o["compliant"] else { throw bad("compliant", "expected true or false (required with stats)") }
            var stats: [String: Int] = [:]
            if let s = o["stats"], !s.isNull {
                guard case .object(let so) = s else { throw bad("stats", "expected an object of integer statistics") }
                for (k, v) in so {
                    guard Warehouse.jsonlStatFields.contains(k) else {
                        throw bad("stats.\(k)", "unknown statistic; expected one of \(Warehouse.jsonlStatFields.joined(separator: ", "))")
                    }
                    guard let n = v.intValue, n >= 0 else { throw bad("stats.\(k)", "expected a non-negative integer") }
                    stats[k] = n
                }
            }
            external = ExternalJudgment(compliant: compliant, stats: stats, hypothesis: o["hypothesis"]?.stringValue)
        }
    }
}
