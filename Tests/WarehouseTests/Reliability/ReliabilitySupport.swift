import Foundation
import Testing
@testable import Warehouse

/// Shared helpers of the reliability tests: small synthetic corpora, raw-connection access and
/// child processes that can be killed or limited.
enum Reliability {
    /// Writes a synthetic model directory with `items` items per task and dimension.
    static func corpus(in dir: URL, model: String = "m", items: Int, nItems: Int? = nil, seed: UInt64 = 7) throws -> URL {
        try SyntheticCorpus(seed: seed, profile: .chatty).write(model: model, to: dir, items: { _ in items }, nItems: nItems ?? items)
    }

    /// Judging options that never look for Java (AAC metrics stay pending).
    static var judgeOptions: JudgeOptions {
        var o = JudgeOptions()
        o.skipCaptionMetrics = true
        o.threads = 1
        return o
    }

    /// A warehouse with the corpus ingested and judged.
    static func judgedWarehouse(_ path: String, corpus: URL) throws -> Warehouse {
        let w = try Warehouse(path: path)
        let runs = try w.ingestResults([corpus.path], options: IngestOptions()).compactMap(\.runID)
        _ = try w.judge(runs: runs, options: judgeOptions)
        return w
    }

    /// Starts the built `isaq` with `arguments`, output discarded (or collected by the caller).
    static func start(_ arguments: [String], wrapper: [String] = [], stdout: Pipe? = nil, stderr: Pipe? = nil) throws -> Process {
        let p = Process()
        if wrapper.isEmpty {
            p.executableURL = CLI.binary
            p.arguments = arguments
        } else {
            p.executableURL = URL(fileURLWithPath: wrapper[0])
            p.arguments = Array(wrapper.dropFirst()) + [CLI.binary.path] + arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ISAQ_DB")
        p.environment = env
        p.standardOutput = stdout ?? FileHandle.nullDevice
        p.standardError = stderr ?? FileHandle.nullDevice
        try p.run()
        return p
    }

    /// `PRAGMA integrity_check` through a fresh read-only connection.
    static func integrity(_ path: String) throws -> String {
        let db = try Database(path: path, readOnly: true)
        let rows = try db.query("PRAGMA integrity_check").rows
        return rows.map { row -> String in if case .text(let s) = row[0] { return s } else { return "?" } }.joined(separator: "; ")
    }

    /// Integers of a one-column query through a fresh read-only connection.
    static func ints(_ path: String, _ sql: String) throws -> [Int] {
        let db = try Database(path: path, readOnly: true)
        return try db.query(sql).rows.map { row -> Int in if case .integer(let i) = row[0] { return Int(i) } else { return -1 } }
    }

    /// Milliseconds since `start`.
    static func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    /// A wrapper that runs the command as an unprivileged user when the tests run as root, so
    /// file permissions apply (root ignores them); empty otherwise.
    static var unprivileged: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
    }
}
