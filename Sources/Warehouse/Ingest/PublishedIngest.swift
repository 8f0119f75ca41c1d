import Crypto
import Foundation

/// What `isaq ingest published` did.
public struct PublishedReport: Sendable {
    public var source: String
    public var checkpoints: [String]
    public var scores: Int
}

extension Warehouse {
    /// Ingests published per-model aggregates in the upstream merged format
    /// (`{model: {d: {task: {key: {metric: value}}}, f: …, n: {only: …}}}`), keeping every
    /// variant key and metric, and makes a cohort named after the source with all its models.
    /// Re-ingesting replaces that source's rows.
    public func ingestPublished(_ file: String, source: String = "isa-bench-2025") throws -> PublishedReport {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw InputError(file: file, "cannot read: \(error.localizedDescription)")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw InputError(file: file, "\(error)") }
        guard case .object(let models) = root, !models.isEmpty else {
            throw InputError(file: file, "expected an object of model → {d, f, n} aggregates, found \(root.typeName)")
        }
        var rows: [(model: String, dim: String, task: String, key: String, metric: String, value: Double)] = []
        for (model, value) in models {
            let mpath = JSONPath().key(model)
            guard case .object(let dims) = value else { throw InputError(file: file, location: mpath.display, "expected an object with d, f, n") }
            for (dim, tasksValue) in dims {
                let dpath = mpath.key(dim)
                guard Dimension(rawValue: dim) != nil else { throw InputError(file: file, location: dpath.display, "unknown dimension \"\(dim)\"; expected d, f or n") }
                guard case .object(let tasks) = tasksValue else { throw InputError(file: file, location: dpath.display, "expected an object of tasks") }
                for (task, keysValue) in tasks {
                    let tpath = dpath.key(task)
                    if dim == "n" {
                        try flattenN(keysValue, prefix: "", path: tpath, file: file) { key, metric, v in rows.append((model, dim, task, key, metric, v)) }
                        continue
                    }
                    guard Task(rawValue: task) != nil else { throw InputError(file: file, location: tpath.display, "unknown task \"\(task)\"; expected asr, s2tt, ser, gr or aac") }
                    guard case .object(let keys) = keysValue else { throw InputError(file: file, location: tpath.display, "expected an object of variation keys") }
                    for (key, metricsValue) in keys {
                        guard case .object(let metrics) = metricsValue else { throw InputError(file: file, location: tpath.key(key).display, "expected an object of metrics") }
                        for (metric, v) in metrics {
                            guard let d = v.doubleValue else {
                                // Upstream prints "N/A" when METEOR failed; there is no number to keep.
                                if v.stringValue == "N/A" { continue }
                                throw InputError(file: file, location: tpath.key(key).key(metric).display, "expected a number, found \(v.typeName)")
                            }
                            rows.append((model, dim, task, key, metric, d))
                        }
                    }
                }
            }
        }
        var checkpoints: [String] = []
        try db.transaction {
            let writer = try ResponseWriter(db: db, replace: false)
            try db.run("DELETE FROM published_score WHERE source = ?", [.text(source)])
            try db.run("INSERT INTO cohort (name, notes) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       [.text(source), .text("every model of the published file \(URL(fileURLWithPath: file).lastPathComponent)")])
            let cohort = try db.scalarInt("SELECT cohort_id FROM cohort WHERE name = ?", [.text(source)])
            var ids: [String: Int] = [:]
            for (model, _) in models {
                let id = try writer.checkpoint(model: model, label: "")
                ids[model] = id
                checkpoints.append(model)
                try db.run("INSERT OR IGNORE INTO cohort_member VALUES (?, ?, ?)", [.integer(Int64(cohort)), .integer(Int64(id)), .text(source)])
            }
            let insert = "INSERT INTO published_score VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            for (position, r) in rows.enumerated() {
                try db.run(insert, [.text(source), .integer(Int64(ids[r.model]!)), .text(r.dim), .text(r.task), .text(r.key), .text(r.metric),
                                    .real(r.value), .integer(Int64(position))])
            }
        }
        return PublishedReport(source: source, checkpoints: checkpoints, scores: rows.count)
    }

    /// n blocks nest stage → 2-TASK/3-TASK → subtask → metrics, or stage → branch → metrics;
    /// keys become `stage/2-TASK/ASR` and `stage/separation`.
    private func flattenN(_ v: JSONValue, prefix: String, path: JSONPath, file: String, emit: (String, String, Double) -> Void) throws {
        guard case .object(let o) = v else { throw InputError(file: file, location: path.display, "expected an object, found \(v.typeName)") }
        for (k, child) in o {
            if let d = child.doubleValue {
                emit(prefix, k, d)
            } else {
                try flattenN(child, prefix: prefix.isEmpty ? k : prefix + "/" + k, path: path.key(k), file: file, emit: emit)
            }
        }
    }
}
