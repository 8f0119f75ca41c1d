import Foundation

/// Signs that a model collapsed or refuses, per checkpoint and variant: what SFT'd models do
/// when they forget (canned answers, training-like responses, refusals).
extension Warehouse {
    /// Lower-cased substrings that mark a refusal or an inability claim.
    public static let refusalPhrases = [
        "i'm sorry", "i am sorry", "sorry, i", "i cannot", "i can't", "i can not", "i'm unable", "i am unable", "unable to",
        "as an ai", "i'm not able", "i am not able", "cannot help", "can't help", "cannot assist", "can't assist",
    ]

    private static let refusalBytes = refusalPhrases.map { Array($0.utf8) }

    /// The phrases' first two bytes as a 65,536-bit set: a response is mostly bytes that start
    /// no phrase, and one bit test rejects them.
    private static let refusalPrefixes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for p in refusalBytes { let key = Int(p[0]) << 8 | Int(p[1]); bits[key >> 6] |= 1 << UInt64(key & 63) }
        return bits
    }()

    /// A byte scan with ASCII case folding (the phrases are ASCII). The raw bytes answer as the
    /// decoded string would: repairing invalid UTF-8 replaces only non-ASCII bytes.
    static func isRefusal(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func folded(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        guard text.count >= 2 else { return false }
        return refusalPrefixes.withUnsafeBufferPointer { bits in
            for i in 0..<(text.count - 1) {
                let key = Int(folded(text[i])) << 8 | Int(folded(text[i + 1]))
                guard bits[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                for phrase in refusalBytes where phrase.count <= text.count - i {
                    var k = 0
                    while k < phrase.count, folded(text[i + k]) == phrase[k] { k += 1 }
                    if k == phrase.count { return true }
                }
            }
            return false
        }
    }

    func collapseIndicators(checkpoints: [(String, Int)], options: ForgettingOptions) throws -> ResultTable {
        try Self.collapseIndicators(db, checkpoints: checkpoints, options: options)
    }

    static func collapseIndicators(_ db: Database, checkpoints: [(String, Int)], options: ForgettingOptions) throws -> ResultTable {
        var rows: [[SQLValue]] = []
        for (name, id) in checkpoints { rows += try collapseRows(db, checkpoint: name, id: id, options: options) }
        return ResultTable(columns: ["checkpoint", "dim", "task", "variant", "responses", "top_response_share", "distinct_ratio",
                                     "shared_with_other_samples", "refusal_rate", "empty_rate"], rows: rows)
    }

    private struct RunVariant: Hashable { var run, variant: Int }

    private static func collapseRows(_ db: Database, checkpoint name: String, id: Int, options: ForgettingOptions) throws -> [[SQLValue]] {
        var sql = """
            SELECT r.run_id, i.variant_id, i.sample_id, r.text FROM response r JOIN run USING (run_id)
            JOIN instruction i USING (instruction_id)
            WHERE r.checkpoint_id = :c AND run.format = 'results'
            """
        // A variant join per response cost more than one lookup per run and variant.
        let lookup = try db.statement("SELECT run.dim, run.task, v.key FROM run, variant v WHERE run.run_id = ? AND v.variant_id = ?")
        var parameters: [(String, SQLValue)] = [("c", .integer(Int64(id)))]
        if let dim = options.dim { sql += " AND run.dim = :dim"; parameters.append(("dim", .text(dim))) }
        if let task = options.task, task != "n" { sql += " AND run.task = :task"; parameters.append(("task", .text(task))) }
        // No ORDER BY: every indicator is a count, and sorting the texts cost a temporary B-tree.
        let s = try db.statement(sql)
        for (name, value) in parameters { try s.bind(value, at: s.parameterIndex(":" + name)) }

        struct Group { var n = 0, refusals = 0, empty = 0 }
        var names: [(dim: String, task: String, variant: String)] = [], groups: [Group] = []
        var index: [String: Int] = [:]
        // Strings of a group's name are read once per run and variant, not once per response.
        var rowGroup: [RunVariant: Int] = [:]
        var texts = DistinctTexts()
        while try s.step() {
            let at = RunVariant(run: s.int(0), variant: s.int(1))
            let g: Int
            if let hit = rowGroup[at] {
                g = hit
            } else if try lookup.bind([.integer(Int64(at.run)), .integer(Int64(at.variant))]).step(),
                      let dim = lookup.string(0), let task = lookup.string(1), let variant = lookup.string(2) {
                lookup.reset()
                let key = "\(dim)\t\(task)\t\(variant)"
                if let known = index[key] {
                    g = known
                } else {
                    g = groups.count
                    index[key] = g
                    names.append((dim, task, variant))
                    groups.append(Group())
                }
                rowGroup[at] = g
            } else {
                lookup.reset()
                rowGroup[at] = -1  // a run of mixed dimensions or tasks: no group
                continue
            }
            guard g >= 0 else { continue }
            let text = s.bytes(3) ?? UnsafeBufferPointer(start: nil, count: 0)
            groups[g].n += 1
            if texts.add(text, group: g, sample: Int64(s.int(2))) { groups[g].empty += 1 }
            if isRefusal(text) { groups[g].refusals += 1 }
        }
        let tallies = texts.tallies(groups: groups.count)
        // SQLite's order of the names (bytes), which the indicators were listed in.
        let order = names.indices.sorted { a, b in
            let x = names[a], y = names[b]
            for (p, q) in [(x.dim, y.dim), (x.task, y.task), (x.variant, y.variant)] where !p.utf8.elementsEqual(q.utf8) {
                return p.utf8.lexicographicallyPrecedes(q.utf8)
            }
            return false
        }
        return order.map { g in
            let n = Double(groups[g].n), t = tallies[g]
            return [.text(name), .text(names[g].dim), .text(names[g].task), .text(names[g].variant), .integer(Int64(groups[g].n)),
                    .real(Rounding.py(Double(t.top) / n, 4)),
                    .real(Rounding.py(Double(t.distinct) / n, 4)),
                    .real(Rounding.py(Double(t.shared) / n, 4)),
                    .real(Rounding.py(Double(groups[g].refusals) / n, 4)),
                    .real(Rounding.py(Double(groups[g].empty) / n, 4))]
        }
    }
}
