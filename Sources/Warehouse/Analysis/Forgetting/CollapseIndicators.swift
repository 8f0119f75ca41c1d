/// Signs that a model collapsed or refuses, per checkpoint and variant: what SFT'd models do
/// when they forget (canned answers, training-like responses, refusals).
extension Warehouse {
    /// Lower-cased substrings that mark a refusal or an inability claim.
    public static let refusalPhrases = [
        "i'm sorry", "i am sorry", "sorry, i", "i cannot", "i can't", "i can not", "i'm unable", "i am unable", "unable to",
        "as an ai", "i'm not able", "i am not able", "cannot help", "can't help", "cannot assist", "can't assist",
    ]

    private static let refusalBytes = refusalPhrases.map { Array($0.utf8) }

    /// A byte scan with ASCII case folding (the phrases are ASCII): String.contains was the
    /// whole cost of a forgetting run over 900,000 responses.
    static func isRefusal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
        return refusalBytes.contains { phrase in
            guard bytes.count >= phrase.count, let first = phrase.first else { return false }
            var i = 0
            while i <= bytes.count - phrase.count {
                if bytes[i] == first, bytes[i..<(i + phrase.count)].elementsEqual(phrase) { return true }
                i += 1
            }
            return false
        }
    }

    func collapseIndicators(checkpoints: [(String, Int)], options: ForgettingOptions) throws -> ResultTable {
        var rows: [[SQLValue]] = []
        for (name, id) in checkpoints {
            var sql = """
                SELECT run.dim, run.task, v.key, i.sample_id, r.text FROM response r JOIN run USING (run_id)
                JOIN instruction i USING (instruction_id) JOIN variant v USING (variant_id)
                WHERE r.checkpoint_id = :c AND run.format = 'results'
                """
            var parameters = [("c", String(id))]
            if let dim = options.dim { sql += " AND run.dim = :dim"; parameters.append(("dim", dim)) }
            if let task = options.task, task != "n" { sql += " AND run.task = :task"; parameters.append(("task", task)) }
            sql += " ORDER BY run.dim, run.task, v.key"
            struct Group {
                var n = 0, refusals = 0, empty = 0
                var counts: [String: Int] = [:]
                /// The first sample that gave each text, and the texts given for another sample too.
                var firstSample: [String: Int] = [:]
                var shared: Set<String> = []

                mutating func add(_ text: String, sample: Int) {
                    n += 1
                    if text.allSatisfy(\.isWhitespace) { empty += 1 }
                    if Warehouse.isRefusal(text) { refusals += 1 }
                    counts[text, default: 0] += 1
                    if let first = firstSample[text] {
                        if first != sample, !text.isEmpty { shared.insert(text) }
                    } else {
                        firstSample[text] = sample
                    }
                }
            }
            var groups: [String: Group] = [:]
            var order: [String] = []
            for row in try query(sql, parameters: parameters).rows {
                guard case .text(let dim) = row[0], case .text(let task) = row[1], case .text(let variant) = row[2], case .integer(let sample) = row[3] else { continue }
                let key = "\(dim)\t\(task)\t\(variant)"
                if groups[key] == nil { order.append(key); groups[key] = Group() }
                let text: String
                if case .text(let t) = row[4] { text = t } else { text = "" }
                // Mutated in place: copying a group out and back would copy its dictionaries per row.
                groups[key]!.add(text, sample: Int(sample))
            }
            for key in order {
                let g = groups[key]!, parts = key.split(separator: "\t").map(String.init)
                let n = Double(g.n)
                let shared = g.shared.reduce(0) { $0 + g.counts[$1]! }
                rows.append([.text(name), .text(parts[0]), .text(parts[1]), .text(parts[2]), .integer(Int64(g.n)),
                             .real(Rounding.py(Double(g.counts.values.max() ?? 0) / n, 4)),
                             .real(Rounding.py(Double(g.counts.count) / n, 4)),
                             .real(Rounding.py(Double(shared) / n, 4)),
                             .real(Rounding.py(Double(g.refusals) / n, 4)),
                             .real(Rounding.py(Double(g.empty) / n, 4))])
            }
        }
        return ResultTable(columns: ["checkpoint", "dim", "task", "variant", "responses", "top_response_share", "distinct_ratio",
                                     "shared_with_other_samples", "refusal_rate", "empty_rate"], rows: rows)
    }
}
