extension Warehouse {
    /// The `all` row of every upstream metric file of the checkpoints: IFR and the task's
    /// headline metric per dimension and task (n: per stage, task count and subtask).
    public func headlineScores(checkpoints: [String]) throws -> ResultTable {
        var rows: [[SQLValue]] = []
        for c in checkpoints {
            let (files, omitted) = try upstreamMetrics(checkpoint: c)
            for f in files {
                if f.dim == "n" {
                    for (stage, block) in f.value.objectValue ?? JSONObject() {
                        for (k, tasks) in block.objectValue ?? JSONObject() where k.hasSuffix("-TASK") {
                            for (sub, m) in tasks.objectValue ?? JSONObject() {
                                let metric = m["wer"] != nil ? "wer" : "acc"
                                rows.append([.text(c), .text("n"), .text("\(stage)/\(k)/\(sub)"), Self.real(m["ifr"]), .text(metric), Self.real(m[metric])])
                            }
                        }
                    }
                    continue
                }
                guard let all = f.value["all"] else { continue }
                let metric = ["asr": "wer", "ser": "acc", "gr": "acc", "s2tt": "bleu", "aac": "METEOR"][f.task] ?? ""
                rows.append([.text(c), .text(f.dim), .text(f.task), Self.real(all["ifr"]), .text(metric), Self.real(all[metric])])
            }
            for o in omitted {
                let parts = o.split(separator: ":", maxSplits: 1)
                let dt = parts[0].split(separator: "/")
                rows.append([.text(c), .text(String(dt.first ?? "")), .text(String(dt.last ?? "")), .null, .text("pending"), .null])
            }
        }
        return ResultTable(columns: ["checkpoint", "dim", "task", "ifr", "metric", "value"], rows: rows)
    }

    private static func real(_ v: JSONValue?) -> SQLValue { v?.doubleValue.map(SQLValue.real) ?? .null }
}
