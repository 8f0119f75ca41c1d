import Foundation
import Warehouse

// isaq-bench: throughput benchmarks, run in release mode, e.g.
//   swift run -c release isaq-bench ingest [--responses N] [--dir DIR]
// Performance targets live here, never in unit tests.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

switch arguments.first {
case "ingest":
    let target = option("--responses").flatMap(Int.init) ?? 1_000_000
    let dir = URL(fileURLWithPath: option("--dir") ?? NSTemporaryDirectory() + "isaq-bench")
    try IngestBenchmark(targetResponses: target, directory: dir).run()
case "analysis":
    let target = option("--responses").flatMap(Int.init) ?? 1_000_000
    let dir = URL(fileURLWithPath: option("--dir") ?? NSTemporaryDirectory() + "isaq-bench-analysis")
    try AnalysisBenchmark(targetResponses: target, checkpoints: option("--checkpoints").flatMap(Int.init) ?? 10, directory: dir,
                          published: option("--published"), reuse: arguments.contains("--reuse")).run()
case "json":
    try jsonThroughput(Array(arguments.dropFirst()))
case "metrics":
    MetricThroughput.run()
case "normalizer":
    NormalizerThroughput.run()
default:
    print("""
        isaq-bench \(isaqVersion)
        usage: isaq-bench COMMAND
          ingest [--responses N] [--dir DIR]  synthetic corpus with the real task/dimension mix: isaq ingest
                                              vs a plain CSQLite insert loop writing the same rows
          analysis [--responses N] [--checkpoints K] [--published FILE] [--dir DIR] [--reuse]
                                              report/rps/area/leaderboard query time on K judged checkpoints
          json [FILES…]                       JSON parse/dump throughput
          metrics                             WER/BLEU statistics and constrain judges, pairs/s
          normalizer                          Whisper English normalizer, strings/s
        """)
}
