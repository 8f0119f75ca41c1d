import Foundation

/// Writes parsed records into the warehouse inside the caller's transaction, with cached ids and
/// reused statements. One writer per ingest.
final class ResponseWriter {
    let db: Database
    let replace: Bool
    private var sampleIDs: [SampleRecord: Int] = [:]
    private var variantIDs: [String: Int] = [:]  // "dim\u{0}key"

    /// What happened to the responses of one file.
    struct Counts {
        var inserted = 0
        var unchanged = 0
        var replaced = 0
        /// Runs that lost or gained a replaced response: their judgments no longer add up.
        var staleRuns: Set<Int> = []
    }

    // Held here rather than fetched from the connection's cache: hashing the SQL text per
    // response showed up in the ingest profile.
    private let findInstruction: Statement
    private let insertInstruction: Statement
    private let insertResponseStatement: Statement

    init(db: Database, replace: Bool) throws {
        self.db = db
        self.replace = replace
        findInstruction = try db.statement(
            "SELECT instruction_id, text IS NULL FROM instruction WHERE sample_id = ? AND variant_id = ? AND slot = ? AND spec_json = ?")
        insertInstruction = try db.statement("""
            INSERT INTO instruction (sample_id, variant_id, slot, text, prefix, suffix, wrap, json_key, separator, subtask_order, spec_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertResponseStatement = try db.statement("""
            INSERT INTO response (run_id, checkpoint_id, instruction_id, occurrence, item_index, ordinal, kind, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
    }

    func checkpoint(model: String, label: String, parent: String? = nil) throws -> Int {
        try db.run("INSERT INTO model (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [.text(model)])
        let modelID = try db.scalarInt("SELECT model_id FROM model WHERE name = ?", [.text(model)])
        let name = label.isEmpty ? model : "\(model)@\(label)"
        try db.run(
            "INSERT INTO checkpoint (model_id, label, name) VALUES (?, ?, ?) ON CONFLICT (model_id, label) DO NOTHING",
            [.integer(Int64(modelID)), .text(label), .text(name)])
        return try db.scalarInt("SELECT checkpoint_id FROM checkpoint WHERE model_id = ? AND label = ?", [.integer(Int64(modelID)), .text(label)])
    }

    func sampleID(_ s: SampleRecord) throws -> Int {
        if let id = sampleIDs[s] { return id }
        let values: [SQLValue] = [.text(s.task), .text(s.key), .text(s.reference), sql(s.emotion), sql(s.gender), sql(s.taskField)]
        let insert = try db.statement("""
            INSERT INTO sample (task, key, reference, emotion, gender, task_field) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING RETURNING sample_id
            """).bind(values)
        var id: Int
        if try insert.step() {
            id = insert.int(0)
            insert.reset()
        } else {
            let find = try db.statement("""
                SELECT sample_id FROM sample WHERE task = ? AND key = ? AND reference = ?
                AND emotion IS ? AND gender IS ? AND task_field IS ?
                """).bind(values)
            guard try find.step() else { throw DatabaseError(extendedCode: 0, message: "sample vanished") }
            id = find.int(0)
            find.reset()
        }
        // Bounded, so a multi-gigabyte JSONL file of distinct samples cannot grow it without
        // limit; repeats are local in practice, and a miss only costs one indexed lookup.
        if sampleIDs.count >= 1 << 16 { sampleIDs.removeAll(keepingCapacity: true) }
        sampleIDs[s] = id
        return id
    }

    func variantID(dim: Dimension, key: String) throws -> Int {
        let cacheKey = dim.rawValue + "\u{0}" + key
        if let id = variantIDs[cacheKey] { return id }
        try db.run(
            "INSERT INTO variant (dim, key, class) VALUES (?, ?, ?) ON CONFLICT (dim, key) DO NOTHING",
            [.text(dim.rawValue), .text(key), sql(Self.derivedClass(dim: dim, key: key))])
        let id = try db.scalarInt("SELECT variant_id FROM variant WHERE dim = ? AND key = ?", [.text(dim.rawValue), .text(key)])
        variantIDs[cacheKey] = id
        return id
    }

    /// The class of a variant that is not seeded: n variants by their number of recognised
    /// subtasks (§6.2), anything else none.
    static func derivedClass(dim: Dimension, key: String) -> String? {
        guard dim == .n, let order = key.split(separator: ".").last else { return nil }
        let tasks = order.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0 == "ASR" || $0 == "SER" || $0 == "GR" }
        switch tasks.count {
        case 2: return "N1"
        case 3: return "N2"
        default: return nil
        }
    }

    func instructionID(sample: Int, variant: Int, slot: String, spec: FormatSpec, text: String? = nil) throws -> Int {
        // Look up first: a second checkpoint's responses reuse the first one's instructions, and
        // an upsert would rewrite those rows for nothing.
        let find = findInstruction
        find.reset()
        try find.bind(sample, at: 1)
        try find.bind(variant, at: 2)
        try find.bind(slot, at: 3)
        try find.bind(spec.json, at: 4)
        if try find.step() {
            let (id, missingText) = (find.int(0), find.int(1) == 1)
            find.reset()
            if let text, missingText { try db.run("UPDATE instruction SET text = ? WHERE instruction_id = ?", [.text(text), .integer(Int64(id))]) }
            return id
        }
        let insert = insertInstruction
        insert.reset()
        try insert.bind(sample, at: 1)
        try insert.bind(variant, at: 2)
        try insert.bind(slot, at: 3)
        try insert.bind(text, at: 4)
        try insert.bind(spec.prefix, at: 5)
        try insert.bind(spec.suffix, at: 6)
        try insert.bind(spec.wrap, at: 7)
        try insert.bind(spec.jsonKey, at: 8)
        try insert.bind(spec.separator, at: 9)
        try insert.bind(spec.subtaskOrder, at: 10)
        try insert.bind(spec.json, at: 11)
        try insert.run()
        return db.lastInsertRowID
    }

    /// Inserts one response; an existing response for the same checkpoint, instruction and
    /// occurrence must hold the same data unless replacing.
    func insertResponse(run: Int, checkpoint: Int, instruction: Int, occurrence: Int, item: Int, ordinal: Int,
                        kind: ResponseKind, text: String?, counts: inout Counts, conflict: () -> InputError) throws {
        let insert = insertResponseStatement
        insert.reset()
        try insert.bind(run, at: 1)
        try insert.bind(checkpoint, at: 2)
        try insert.bind(instruction, at: 3)
        try insert.bind(occurrence, at: 4)
        try insert.bind(item, at: 5)
        try insert.bind(ordinal, at: 6)
        try insert.bind(kind.rawValue, at: 7)
        try insert.bind(text, at: 8)
        try insert.run()
        if db.changes == 1 { counts.inserted += 1; return }
        let existing = try db.statement("SELECT response_id, kind, text, run_id FROM response WHERE checkpoint_id = ? AND instruction_id = ? AND occurrence = ?")
            .bind([.integer(Int64(checkpoint)), .integer(Int64(instruction)), .integer(Int64(occurrence))])
        guard try existing.step() else { throw conflict() }
        let (id, oldKind, oldText, oldRun) = (existing.int(0), existing.string(1), existing.string(2), existing.int(3))
        existing.reset()
        // Byte equality: `String ==` is canonical equivalence, and a decomposed `é` replacing a
        // precomposed one is a different response.
        if oldKind == kind.rawValue, oldText.map({ Array($0.utf8) }) == text.map({ Array($0.utf8) }) { counts.unchanged += 1; return }
        guard replace else { throw conflict() }
        try db.run("DELETE FROM judgment WHERE response_id = ?", [.integer(Int64(id))])
        counts.staleRuns.formUnion([oldRun, run])
        try db.run("UPDATE response SET run_id = ?, item_index = ?, ordinal = ?, kind = ?, text = ? WHERE response_id = ?",
                   [.integer(Int64(run)), .integer(Int64(item)), .integer(Int64(ordinal)), .text(kind.rawValue), sql(text), .integer(Int64(id))])
        counts.replaced += 1
    }

    /// Re-sums the judgment totals of runs whose responses were replaced, so no total counts a
    /// judgment that is gone; the runs still need judging again for the new responses.
    func refreshTotals(ofRuns runs: Set<Int>) throws {
        for run in runs.sorted() { try db.resumJudgmentTotals(run: run) }
    }

    private func sql(_ s: String?) -> SQLValue { s.map(SQLValue.text) ?? .null }
}
