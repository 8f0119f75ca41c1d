import Foundation
import Warehouse

// isaq-bench: throughput benchmarks, run in release mode, e.g.
//   swift run -c release isaq-bench ingest [--responses N] [--dir DIR]
// Performance targets live here, never in unit tests.

// Flush every second, so progress shows when piped and survives a time-out's kill.
Thread.detachNewThread {
    while true {
        fflush(nil)
        Thread.sleep(forTimeInterval: 1)
    }
}
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
case "judge":
    let items = option("--items").flatMap(Int.init) ?? 4000
    let dir = URL(fileURLWithPath: option("--dir") ?? NSTemporaryDirectory() + "isaq-bench-judge")
    try JudgeBenchmark(itemsPerTask: items, directory: dir).run()
case "forgetting":
    try ForgettingBenchmark(directory: URL(fileURLWithPath: option("--dir") ?? NSTemporaryDirectory() + "isaq-bench-forgetting")).run()
case "analysis":
    let target = option("--responses").flatMap(Int.init) ?? 1_000_000
    let dir = URL(fileURLWithPath: option("--dir") ?? NSTemporaryDirectory() + "isaq-bench-analysis")
    try AnalysisBenchmark(targetResponses: target, checkpoints: option("--checkpoints").flatMap(Int.init) ?? 10, directory: dir,
                          published: option("--published"), reuse: arguments.contains("--reuse")).run()
case "json":
    try jsonThroughput(Array(arguments.dropFirst()))
case "jsonl" where arguments.count > 1:
    try jsonLinesThroughput(arguments[1])
case "caption":
    let dir = URL(fileURLWithPath: option("--dir") ?? NSTemporaryDirectory() + "isaq-bench-caption")
    let catalogs = URL(fileURLWithPath: option("--catalogs") ?? "../shared/isa-bench/upstream/instructions")
    try CaptionBenchmark(clips: option("--clips").flatMap(Int.init) ?? 964, directory: dir, catalogs: catalogs,
                         pool: option("--jvms").flatMap(Int.init) ?? MeteorPool.defaultSize,
                         baseline: !arguments.contains("--no-baseline")).run()
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
          judge [--items N]                   judge throughput per dimension and task, 1 core and all cores,
                                              against Python's normalizer + jiwer and sacreBLEU on the same pairs
          forgetting                          isaq forgetting between two full-run checkpoints, bootstrap included
          json [--parse-only] [FILES…]        JSON parse/dump throughput
          jsonl FILE                          NDJSON streaming: throughput and peak memory
          analysis [--responses N] [--checkpoints K] [--published FILE] [--dir DIR] [--reuse]
                                              report/rps/area/leaderboard query time on K judged checkpoints
          caption [--clips N] [--jvms K] [--no-baseline] [--catalogs DIR]
                                              AAC judgments/s for one checkpoint (964 AudioCaps clips × 16
                                              variants): isaq score + export vs one JVM per METEOR call
          metrics                             WER/BLEU statistics and constrain judges, pairs/s
          normalizer                          Whisper English normalizer, strings/s
        """)
}
