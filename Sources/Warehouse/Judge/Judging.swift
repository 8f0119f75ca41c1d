import Dispatch
import Foundation

/// What `isaq score` (and ingest, which judges by default) did.
public struct JudgeReport: Sendable {
    public var runs = 0
    public var responses = 0
    public var judgments = 0
    /// Responses the ruleset's scorer does not read (e.g. non-string values d-WER skips).
    public var unscored = 0
    /// AAC judgments whose caption metrics wait for the Java jars.
    public var pendingCaptionMetrics = 0
    public var captionNotice: String?
    /// METEOR segments the AAC judgments needed, and how many of them reached a JVM (the rest
    /// repeated a line already scored in this session).
    public var meteorSegments = 0, meteorSegmentsScored = 0
    public init() {}

    /// Wall-clock seconds spent loading responses, judging them (in parallel), and writing.
    public var loadSeconds = 0.0, judgeSeconds = 0.0, writeSeconds = 0.0
}

private func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Options for judging.
public struct JudgeOptions: Sendable {
    public var ruleset = "isa-bench-1.0"
    /// Threads judging in parallel (one writer); defaults to every core.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Where AAC metrics come from; nil means "discover the jars, leave metrics pending if absent".
    public var captionToolchain: CaptionToolchain?
    /// Skip the caption metrics even when the jars are there.
    public var skipCaptionMetrics = false
    /// METEOR JVMs scoring AAC segments side by side (one per core by default, at most four).
    public var meteorProcesses = MeteorPool.defaultSize

    public init() {}
}

// The judging threads write disjoint slots of one buffer; the lock-free sharing is safe
// because each index is written by exactly one iteration of concurrentPerform. The slots are
// raw memory allocated up front: assigning into a shared `var` array from several threads is a
// data race even at distinct indices (each assignment accesses the whole array; TSan reports it).
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T>
    init(_ values: [T]) {
        buffer = .allocate(capacity: values.count)
        _ = buffer.initialize(from: values)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
    subscript(i: Int) -> T {
        get { buffer[i] }
        set { buffer[i] = newValue }
    }
    var values: [T] { Array(buffer) }
}

extension Warehouse {
    public static let currentRuleset = "isa-bench-1.0"

    /// (Re)judges the responses of every run of `checkpoints` (all when empty) under the
    /// ruleset, one transaction per run. Raw responses are never modified.
    public func judge(checkpoints: [String] = [], runs only: [Int]? = nil, tasks: [String] = [], options: JudgeOptions = JudgeOptions(),
                      progress: (String) -> Void = { _ in }) throws -> JudgeReport {
        guard options.ruleset == Self.currentRuleset else {
            throw QueryError(message: "unknown ruleset \(options.ruleset); this isaq judges with \(Self.currentRuleset)")
        }
        var runs: [(id: Int, dim: String, task: String, checkpoint: String)] = []
        let rows = try db.query("""
            SELECT run.run_id, run.dim, run.task, c.name FROM run JOIN checkpoint c USING (checkpoint_id)
            WHERE run.format = 'results' ORDER BY run.run_id
            """).rows
        for row in rows {
            guard case .integer(let id) = row[0], case .text(let dim) = row[1], case .text(let task) = row[2], case .text(let c) = row[3] else { continue }
            guard checkpoints.isEmpty || checkpoints.contains(c), tasks.isEmpty || tasks.contains(task) else { continue }
            if let only, !only.contains(Int(id)) { continue }
            runs.append((Int(id), dim, task, c))
        }
        for name in checkpoints where !runs.contains(where: { $0.checkpoint == name }) {
            if try db.scalarInt("SELECT count(*) FROM checkpoint WHERE name = ?", [.text(name)]) == 0 {
                throw QueryError(message: "no checkpoint named \(name) (see `isaq checkpoints`)")
            }
        }
        var report = JudgeReport()
        var caption = CaptionSession(options: options)
        defer { caption.close() }
        for run in runs {
            let records = try judgeRun(run.id, dim: run.dim, task: run.task, options: options, caption: &caption, report: &report)
            let start = monotonicSeconds()
            try writeJudgments(records, run: run.id, dim: run.dim, task: run.task, ruleset: options.ruleset)
            report.writeSeconds += monotonicSeconds() - start
            report.runs += 1
            report.judgments += records.count
            progress("\(run.checkpoint) \(run.dim)/\(run.task): \(records.count) judgments")
        }
        report.captionNotice = caption.notice
        (report.meteorSegments, report.meteorSegmentsScored) = caption.meteorCounts
        return report
    }

    private func judgeRun(_ run: Int, dim: String, task: String, options: JudgeOptions, caption: inout CaptionSession,
                          report: inout JudgeReport) throws -> [JudgmentRecord] {
        var start = monotonicSeconds()
        let responses = try storedResponses(run: run)
        report.loadSeconds += monotonicSeconds() - start
        start = monotonicSeconds()
        defer { report.judgeSeconds += monotonicSeconds() - start }
        report.responses += responses.count
        guard let scorer = ScorerCatalog.scorer(dim: dim, task: task, firstItemTask: responses.first?.taskField) else { return [] }
        let chunkSize = 512
        let chunks = (responses.count + chunkSize - 1) / chunkSize
        let results = Slots([[JudgmentRecord]](repeating: [], count: chunks))
        let unscored = Slots([Int](repeating: 0, count: chunks))
        let work: @Sendable (Int) -> Void = { c in
            let (out, skipped) = scorer.judgeAll(responses[(c * chunkSize)..<min(responses.count, (c + 1) * chunkSize)])
            results[c] = out
            unscored[c] = skipped
        }
        if options.threads > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        } else {
            for c in 0..<chunks { work(c) }
        }
        report.unscored += unscored.values.reduce(0, +)
        var records = results.values.flatMap { $0 }
        if task == "aac" {
            try caption.measure(&records, dim: dim)
            report.pendingCaptionMetrics += records.filter { $0.metricPending != nil }.count
        }
        return records
    }
}
