extension Warehouse {
    /// Aggregate-only rows: either side's published cells (or, for an instance-derived side,
    /// the upstream numbers of its judgments) compared key by key.
    func publishedDeltas(before: Int, after: Int, options: ForgettingOptions) throws -> [ForgettingRow] {
        let b = try aggregateCells(checkpoint: before), a = try aggregateCells(checkpoint: after)
        var rows: [ForgettingRow] = []
        for (key, cb) in b.sorted(by: { $0.key < $1.key }) {
            guard let ca = a[key] else { continue }
            if let dim = options.dim, key.dim != dim { continue }
            if let task = options.task, key.task != task, key.subtask != task.uppercased() { continue }
            var row = ForgettingRow(dim: key.dim, task: key.task, group: key.group, subtask: key.subtask, metric: cb.metric)
            row.ifrBefore = cb.ifr
            row.ifrAfter = ca.ifr
            row.metricBefore = cb.value
            row.metricAfter = ca.value
            row.verdict = "aggregate only"
            row.note = "no instances on one side: no transitions or significance"
            rows.append(row)
        }
        return rows
    }

    /// (dim, task, key, subtask) → IFR and headline metric, from published_score when the
    /// checkpoint has any, else from its judgments.
    private func aggregateCells(checkpoint: Int) throws -> [GroupKey: (ifr: Double?, metric: String, value: Double?)] {
        var out: [GroupKey: (ifr: Double?, metric: String, value: Double?)] = [:]
        let headline = ["asr": "wer", "ser": "acc", "gr": "acc", "s2tt": "bleu", "aac": "METEOR"]
        let published = try db.query("""
            SELECT dim, task, key, metric, value FROM published_score
            WHERE checkpoint_id = ? AND source = (SELECT min(source) FROM published_score WHERE checkpoint_id = ?)
            ORDER BY position
            """, [.integer(Int64(checkpoint)), .integer(Int64(checkpoint))]).rows
        for row in published {
            guard case .text(let dim) = row[0], case .text(let task) = row[1], case .text(let key) = row[2],
                  case .text(let metric) = row[3], case .real(let value) = row[4] else { continue }
            var k = GroupKey(dim: dim, task: task, group: key, subtask: "")
            if dim == "n" {
                let parts = key.split(separator: "/")
                guard parts.count == 3 else { continue }  // branch IFRs have no metric
                k = GroupKey(dim: "n", task: "n", group: "\(parts[0])/\(parts[1])", subtask: String(parts[2]))
            }
            let wanted = dim == "n" ? (k.subtask == "ASR" ? "wer" : "acc") : headline[task]
            var cell = out[k] ?? (nil, wanted?.lowercased() ?? metric, nil)
            if metric == "ifr" { cell.ifr = value } else if metric == wanted { cell.value = value }
            out[k] = cell
        }
        if !out.isEmpty { return out }
        let name = try db.query("SELECT name FROM checkpoint WHERE checkpoint_id = ?", [.integer(Int64(checkpoint))]).rows.first?.first
        guard case .text(let checkpointName)? = name else { return out }
        for file in try upstreamMetrics(checkpoint: checkpointName).files {
            if file.dim == "n" {
                for (stage, block) in file.value.objectValue ?? JSONObject() {
                    for (k, tasks) in block.objectValue ?? JSONObject() where k.hasSuffix("-TASK") {
                        for (sub, m) in tasks.objectValue ?? JSONObject() {
                            let metric = sub == "ASR" ? "wer" : "acc"
                            out[GroupKey(dim: "n", task: "n", group: "\(stage)/\(k)", subtask: sub)] = (m["ifr"]?.doubleValue, metric, m[metric]?.doubleValue)
                        }
                    }
                }
                continue
            }
            for (key, m) in file.value.objectValue ?? JSONObject() {
                let metric = headline[file.task] ?? ""
                out[GroupKey(dim: file.dim, task: file.task, group: key, subtask: "")] = (m["ifr"]?.doubleValue, metric.lowercased(), m[metric]?.doubleValue)
            }
        }
        return out
    }
}
