import Foundation

/// `isaq demo`: a small deterministic warehouse built the way a user builds one.
public enum DemoWarehouse {
    public struct Summary {
        public var databasePath: String
        public var checkpoints: ResultTable
        /// IFR and headline metric per checkpoint, dimension and task (the upstream `all` rows).
        public var scores: ResultTable
        /// Why AAC metrics are missing, when the Java jars are not installed.
        public var captionNotice: String?
        /// demo-model → demo-model@sft.
        public var forgetting: ForgettingReport
    }

    public static func build(directory: String, samplesPerTask: Int) throws -> Summary {
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("demo.db").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let results = dir.appendingPathComponent("results")
        let base = try SyntheticCorpus(seed: 1, profile: .base).write(model: "demo-model", to: results, items: { _ in samplesPerTask }, nItems: max(1, samplesPerTask / 2))
        let tuned = try SyntheticCorpus(seed: 1, profile: .tuned).write(model: "demo-model-sft", to: results, items: { _ in samplesPerTask }, nItems: max(1, samplesPerTask / 2))
        let warehouse = try Warehouse(path: db)
        _ = try warehouse.ingestResults([base.path], options: IngestOptions(model: "demo-model"))
        _ = try warehouse.ingestResults([tuned.path], options: IngestOptions(model: "demo-model", checkpoint: "sft", parent: "demo-model"))
        let judged = try warehouse.judge()
        return Summary(databasePath: db, checkpoints: try warehouse.checkpointSummary(),
                       scores: try warehouse.headlineScores(checkpoints: ["demo-model", "demo-model@sft"]), captionNotice: judged.captionNotice,
                       forgetting: try warehouse.forgetting(before: nil, after: "demo-model@sft"))
    }
}
