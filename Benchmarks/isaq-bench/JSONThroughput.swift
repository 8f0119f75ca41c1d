import Foundation
import Warehouse

/// `isaq-bench json FILE...`: parse (and dump) throughput on the concatenated files.
/// Each file is parsed on its own, repeated until about a gigabyte has gone through.
/// `--parse-only` skips the writer (for profiling the parser alone).
func jsonThroughput(_ arguments: [String]) throws {
    let parseOnly = arguments.contains("--parse-only")
    let paths = arguments.filter { $0 != "--parse-only" }
    let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let total = files.reduce(0) { $0 + $1.count }
    guard total > 0 else { print("no input"); return }
    let rounds = max(1, (1 << 30) / total)
    let parser = JSONParser()
    var parsed: [JSONValue] = []
    var clock = ContinuousClock.now
    var cpu = cpuSeconds()
    for round in 0..<rounds {
        for data in files {
            let value = try parser.parse(data)
            if round == 0 { parsed.append(value) }
        }
    }
    let parseTime = ContinuousClock.now - clock
    let parseCPU = cpuSeconds() - cpu
    clock = ContinuousClock.now
    cpu = cpuSeconds()
    var written = 0
    for _ in 0..<(parseOnly ? 0 : rounds) {
        for value in parsed { written += PythonJSONWriter().bytes(value).count }
    }
    let writeTime = ContinuousClock.now - clock
    let writeCPU = cpuSeconds() - cpu
    // The machine is shared: CPU time shows the code's own speed, wall time what was observed.
    func rate(_ bytes: Int, _ d: Duration, _ cpu: Double) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        return String(format: "%.1f MB/s wall, %.1f MB/s CPU", Double(bytes) / seconds / 1e6, Double(bytes) / cpu / 1e6)
    }
    print("json: \(files.count) files, \(total) bytes, \(rounds) rounds")
    print("  parse: \(rate(total * rounds, parseTime, parseCPU))")
    if !parseOnly { print("  dump (indent=2): \(rate(written, writeTime, writeCPU))") }
}

/// CPU time of this thread, in seconds.
private func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// `isaq-bench jsonl FILE`: streams an NDJSON file line by line, parsing each line, and reports
/// throughput and peak memory (which must stay small whatever the file size).
func jsonLinesThroughput(_ path: String) throws {
    let url = URL(fileURLWithPath: path)
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    let clock = ContinuousClock.now
    var lines = 0
    try JSONLines.forEachValue(inFile: url) { _, _ in lines += 1 }
    let elapsed = ContinuousClock.now - clock
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(String(format: "jsonl: %d lines, %.1f MB in %.2f s = %.1f MB/s, peak RSS %.1f MB",
                 lines, Double(size) / 1e6, seconds, Double(size) / seconds / 1e6, Double(usage.ru_maxrss) / 1024))
}
