import Foundation

/// The caption metrics of one judging session: the jars are discovered once and one pool of METEOR
/// JVMs serves every AAC run. Without the jars AAC judgments keep compliance and hypothesis and
/// their metric columns stay NULL with the reason recorded.
struct CaptionSession {
    private var scorer: CaptionScorer?
    private var unavailable: String?
    private let skip: Bool
    private let toolchain: CaptionToolchain?
    private let meteorProcesses: Int

    init(options: JudgeOptions) {
        skip = options.skipCaptionMetrics
        toolchain = options.captionToolchain
        meteorProcesses = options.meteorProcesses
    }

    var notice: String? { unavailable }
    var meteorCounts: (requested: Int, scored: Int) { scorer?.meteorCounts ?? (0, 0) }

    mutating func close() { scorer?.close() }

    private mutating func ready() -> CaptionScorer? {
        if let scorer { return scorer }
        if unavailable != nil { return nil }
        if skip { unavailable = "caption metrics skipped (--no-caption-metrics)"; return nil }
        do {
            scorer = try CaptionScorer(toolchain: toolchain ?? CaptionToolchain.discover(), meteorProcesses: meteorProcesses)
        } catch {
            unavailable = "\(error)"
        }
        return scorer
    }

    /// Tokenizes candidates and references and fills in METEOR's segment statistics; the stored
    /// hypothesis and references become the PTB-tokenized strings the metrics compare.
    mutating func measure(_ records: inout [JudgmentRecord], dim: String) throws {
        let indices = records.indices.filter { records[$0].caption != nil }
        guard !indices.isEmpty else { return }
        guard let scorer = ready() else {
            for i in indices { records[i].metricPending = unavailable ?? "caption metrics unavailable" }
            return
        }
        let prepared = try scorer.prepare(indices.map { records[$0].caption! }, cleaning: dim == "d" ? .none : .lineBreaksToSpaces)
        for (i, p) in zip(indices, prepared) {
            records[i].hypothesis = p.candidate
            records[i].reference = PythonJSONWriter.compact(.array(p.references.map(JSONValue.string)))
            records[i].meteorStats = p.meteorStats
        }
    }
}
