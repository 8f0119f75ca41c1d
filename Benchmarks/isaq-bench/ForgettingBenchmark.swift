import Foundation
import Warehouse

/// `isaq forgetting` between two checkpoints of one full ISA-Bench run each (about 450,000
/// responses), bootstrap included. Target: < 2 s.
struct ForgettingBenchmark {
    let directory: URL

    func run() throws {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dbPath = directory.appendingPathComponent("forgetting.db").path
        let w = try Warehouse(path: dbPath)
        var judge = JudgeOptions()
        judge.skipCaptionMetrics = true
        var responses = 0
        let build = try seconds {
            for (label, profile) in [("", SyntheticCorpus.Profile.base), ("sft", .tuned)] {
                let dir = try SyntheticCorpus(seed: 3, profile: profile).write(
                    model: label.isEmpty ? "base" : "sft", to: directory, items: { SyntheticCorpus.fullRun[$0]! }, nItems: SyntheticCorpus.fullRunN)
                let reports = try w.ingestResults([dir.path], options: IngestOptions(model: "bench", checkpoint: label, parent: label.isEmpty ? nil : "bench"))
                responses += reports.reduce(0) { $0 + $1.responses }
                _ = try w.judge(runs: reports.compactMap(\.runID), options: judge)
            }
        }
        print("isaq-bench forgetting: 2 checkpoints, \(responses) responses, built and judged in \(format(build, 1)) s")
        var report: ForgettingReport?
        for resamples in [0, 1000] {
            var options = ForgettingOptions()
            options.resamples = resamples
            options.instances = 20
            let t = try seconds { report = try Warehouse(path: dbPath, readOnly: true).forgetting(before: nil, after: "bench@sft", options: options) }
            print("  forgetting with \(resamples) bootstrap resamples: \(format(t, 2)) s (target < 2 s with 1000)")
        }
        if let report { print("  " + report.summary.replacingOccurrences(of: "\n", with: "\n  ")) }
    }
}
