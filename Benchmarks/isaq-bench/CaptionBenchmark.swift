import Foundation
import Warehouse

/// AAC judgments/s for one checkpoint's captioning workload (`CaptionWorkload`: 964 clips × 16
/// variants), `isaq score --task aac` plus the upstream export of the two AAC files, against
/// scoring the way upstream does it in the same run: every METEOR call of the d-AAC and f-AAC
/// scorers (each variation, then `all`) tokenises its candidates and its references with one
/// PTB JVM each and starts a fresh METEOR JVM. Both sides run the same jars on the same input,
/// so the benchmark also checks that they print the same METEOR, CIDEr-D and ROUGE-L.
struct CaptionBenchmark {
    let clips: Int
    let directory: URL
    let catalogs: URL
    let pool: Int
    let baseline: Bool

    func run() throws {
        let toolchain = try CaptionToolchain.discover()
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let model = "caption-bench"
        let files = try CaptionWorkload(catalogs: catalogs, clips: clips).write(model: model, to: directory)
        let w = try Warehouse(path: directory.appendingPathComponent("caption.db").path)
        let reports = try w.ingestResults(files.map(\.path), options: IngestOptions(model: model))
        let runs = reports.compactMap(\.runID)
        let responses = reports.reduce(0) { $0 + $1.responses }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("isaq-bench caption: \(clips) AudioCaps clips × 16 variants = \(responses) AAC responses, \(cores) cores, \(toolchain.javaVersion)")

        var compliance = JudgeOptions()
        compliance.skipCaptionMetrics = true
        _ = try w.judge(runs: runs, options: compliance)
        let groupings = try upstreamGroupings(w, runs: runs)
        let distinct = try w.query("""
            SELECT count(DISTINCT i.sample_id || char(31) || coalesce(j.hypothesis, '')) FROM judgment j JOIN response r USING (response_id)
            JOIN instruction i USING (instruction_id) WHERE r.run_id IN (\(runs.map(String.init).joined(separator: ",")))
            """).rows.first.map { text($0[0]) } ?? "?"
        print("  \(distinct) distinct (clip, candidate) segments before tokenisation; upstream scores \(groupings.reduce(0) { $0 + $1.candidates.count }) segments in \(groupings.count) METEOR calls")

        var isaqScores: [String: [String: [Double]]] = [:]
        var rates: [Int: Double] = [:]
        for jvms in Set([1, pool]).sorted() {
            var options = JudgeOptions()
            options.captionToolchain = toolchain
            options.meteorProcesses = jvms
            var report = JudgeReport()
            let judge = try seconds { report = try w.judge(runs: runs, options: options) }
            guard report.pendingCaptionMetrics == 0 else { throw WorkloadError(message: "caption metrics pending: \(report.captionNotice ?? "")") }
            var exported: [UpstreamMetrics.File] = []
            let export = try seconds { exported = try w.upstreamMetrics(checkpoint: model).files }
            isaqScores = Self.scores(exported)
            let total = judge + export
            rates[jvms] = Double(report.judgments) / total
            print("  isaq, \(jvms) METEOR JVM\(jvms == 1 ? "" : "s"): score \(format(judge, 1)) s + export \(format(export, 2)) s = \(format(total, 1)) s, \(format(rates[jvms]!)) AAC judgments/s (\(report.meteorSegmentsScored) of \(report.meteorSegments) segments scored by a JVM)")
        }

        guard baseline else { return }
        var upstreamScores: [String: [String: [Double]]] = [:]
        let upstream = try seconds {
            for g in groupings {
                upstreamScores[g.dim, default: [:]][g.key] = try Self.oneJVMPerCall(g, toolchain: toolchain)
            }
        }
        let upstreamRate = Double(responses) / upstream
        print("  upstream style, fresh JVMs per call: \(groupings.count) calls, \(format(upstream, 1)) s, \(format(upstreamRate)) AAC responses/s")
        let best = rates.values.max() ?? 0
        print("  isaq / upstream style: \(format(best / upstreamRate, 2))× (target ≥ 3×)")
        let mismatches = groupings.filter { isaqScores[$0.dim]?[$0.key] != upstreamScores[$0.dim]?[$0.key] }
        print(mismatches.isEmpty
              ? "  METEOR, CIDEr-D and ROUGE-L equal in all \(groupings.count) groupings"
              : "  MISMATCH in \(mismatches.map { "\($0.dim)/\($0.key)" }): isaq \(mismatches.map { isaqScores[$0.dim]?[$0.key] ?? [] }) upstream style \(mismatches.map { upstreamScores[$0.dim]?[$0.key] ?? [] })")
    }

    /// One METEOR call of an upstream scorer: a variation, or `all`.
    struct Grouping {
        var dim: String
        var key: String
        var candidates: [String] = []
        var references: [[String]] = []
    }

    /// The candidates (empty when non-compliant) and references of every call the upstream
    /// d-AAC and f-AAC scorers make, from the compliance-only judgments.
    func upstreamGroupings(_ w: Warehouse, runs: [Int]) throws -> [Grouping] {
        let rows = try w.query("""
            SELECT run.dim, j.scorer_key, coalesce(j.hypothesis, ''), s.reference
            FROM judgment j JOIN response r USING (response_id) JOIN run USING (run_id)
            JOIN instruction i USING (instruction_id) JOIN sample s ON s.sample_id = i.sample_id
            WHERE r.run_id IN (\(runs.map(String.init).joined(separator: ",")))
            ORDER BY run.run_id, r.item_index, r.ordinal
            """).rows
        var groupings: [Grouping] = []
        for dim in ["d", "f"] {
            var byKey: [String: Grouping] = [:]
            var order: [String] = []
            var all = Grouping(dim: dim, key: "all")
            for row in rows where text(row[0]) == dim {
                let key = text(row[1])
                if byKey[key] == nil { order.append(key); byKey[key] = Grouping(dim: dim, key: key) }
                let references = text(row[3]).split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                byKey[key]!.candidates.append(text(row[2]))
                byKey[key]!.references.append(references)
                all.candidates.append(text(row[2]))
                all.references.append(references)
            }
            // d-AAC prints its variations sorted by code point, f-AAC in first-appearance order.
            if dim == "d" { order.sort { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) } }
            groupings += order.map { byKey[$0]! } + [all]
        }
        return groupings
    }

    /// aac-metrics' way: PTB JVM for the candidates, PTB JVM for the references, a new METEOR
    /// JVM for the SCORE lines and the EVAL; CIDEr-D and ROUGE-L on the tokens.
    static func oneJVMPerCall(_ g: Grouping, toolchain: CaptionToolchain) throws -> [Double] {
        let cleaning: CaptionCleaning = g.dim == "d" ? .none : .lineBreaksToSpaces
        let tokenizer = PTBTokenizer(toolchain: toolchain)
        let candidates = try tokenizer.tokenize(g.candidates.map(cleaning.apply))
        let flat = try tokenizer.tokenize(g.references.flatMap { $0.map(cleaning.apply) })
        var cursor = 0
        let references = g.references.map { refs -> [String] in
            defer { cursor += refs.count }
            return Array(flat[cursor..<(cursor + refs.count)])
        }
        let meteor = try MeteorProcess(toolchain: toolchain)
        defer { meteor.close() }
        let stats = try meteor.segmentStats(zip(candidates, references).map { (candidate: $0, references: $1) })
        let corpus = try meteor.evaluate(stats).corpus
        let prepared = candidates.indices.map { PreparedCaption(candidate: candidates[$0], references: references[$0], meteorStats: stats[$0]) }
        return [corpus, try CaptionScorer.ciderD(prepared).corpus, try CaptionScorer.rougeL(prepared).corpus].map(pyRound4)
    }

    /// METEOR, CIDEr-D, ROUGE-L per variation key of each exported AAC file.
    static func scores(_ files: [UpstreamMetrics.File]) -> [String: [String: [Double]]] {
        var out: [String: [String: [Double]]] = [:]
        for file in files where file.task == "aac" {
            for (key, entry) in file.value.objectValue ?? JSONObject() {
                out[file.dim, default: [:]][key] = ["METEOR", "CIDEr-D", "ROUGE-L"].map { entry[$0]?.doubleValue ?? .nan }
            }
        }
        return out
    }
}

/// Python's `round(x, 4)`: glibc's printf rounds the exact binary value, ties to even.
private func pyRound4(_ x: Double) -> Double { Double(String(format: "%.4f", x))! }

private func text(_ value: SQLValue) -> String {
    switch value {
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .real(let d): return String(d)
    case .null, .blob: return ""
    }
}
