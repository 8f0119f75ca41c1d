import Foundation
import Warehouse

/// `isaq-bench json FILE...`: parse (and dump) throughput on the concatenated files.
/// Each file is parsed on its own, repeated until about a gigabyte has gone through.
func jsonThroughput(_ paths: [String]) throws {
    let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let total = files.reduce(0) { $0 + $1.count }
    guard total > 0 else { print("no input"); return }
    let rounds = max(1, (1 << 30) / total)
    let parser = JSONParser()
    var parsed: [JSONValue] = []
    var clock = ContinuousClock.now
    for round in 0..<rounds {
        for data in files {
            let value = try parser.parse(data)
            if round == 0 { parsed.append(value) }
        }
    }
    let parseTime = ContinuousClock.now - clock
    clock = ContinuousClock.now
    var written = 0
    for _ in 0..<rounds {
        for value in parsed { written += PythonJSONWriter().bytes(value).count }
    }
    let writeTime = ContinuousClock.now - clock
    func rate(_ bytes: Int, _ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        return String(format: "%.1f MB/s", Double(bytes) / seconds / 1e6)
    }
    print("json: \(files.count) files, \(total) bytes, \(rounds) rounds")
    print("  parse: \(rate(total * rounds, parseTime))")
    print("  dump (indent=2): \(rate(written, writeTime))")
}
