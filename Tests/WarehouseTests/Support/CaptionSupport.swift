import Foundation
import Testing
@testable import Warehouse

/// One METEOR JVM shared by every caption test: it takes seconds to load its paraphrase table
/// and up to 2 GB of heap, and the tests may run in parallel, so access is serialised.
enum SharedCaption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var scorer: CaptionScorer?

    /// The discovered toolchain; a missing jar or java fails the test with the install command.
    static func toolchain() throws -> CaptionToolchain {
        var environment = ProcessInfo.processInfo.environment
        if environment["ISAQ_PYTHON"] == nil {
            let venv = Fixtures.packageRoot.appendingPathComponent(".venv/bin/python3")
            if FileManager.default.isExecutableFile(atPath: venv.path) { environment["ISAQ_PYTHON"] = venv.path }
        }
        return try CaptionToolchain.discover(environment: environment, currentDirectory: Fixtures.packageRoot)
    }

    /// The toolchain with a METEOR "jar" that is not one, so its JVM dies at start; the file
    /// is removed after `body`.
    static func withCorruptMeteorJar<T>(_ body: (CaptionToolchain) throws -> T) throws -> T {
        var toolchain = try toolchain()
        let bogus = FileManager.default.temporaryDirectory.appendingPathComponent("isaq_bogus_\(UUID().uuidString).jar")
        try Data("not a jar".utf8).write(to: bogus)
        defer { try? FileManager.default.removeItem(at: bogus) }
        toolchain.meteorJar = bogus
        return try body(toolchain)
    }

    static func withScorer<T>(_ body: (CaptionScorer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if scorer == nil { scorer = try CaptionScorer(toolchain: toolchain()) }
        return try body(scorer!)
    }
}

/// The parity corpus for the captioning task.
enum CaptionGolden {
    static let models = ["synth-chatty-s2", "synth-diligent-s1", "synth-formatter-s3"]

    struct Instance {
        var variation: String
        var sampleIndex: Int
        var hyp: String
        var ref: [String]
        var hypRaw: String
        var meteorStats: String
        var meteorSentence: Double
        var ciderD: Double
        var rougeL: Double
    }

    static func gunzip(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec gzip -dc \"$0\"", url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip -dc \(url.path)")
        return data
    }

    static func instances(model: String, dimension: String) throws -> [Instance] {
        let data = try gunzip(Fixtures.url("parity/golden/\(model)/instances/\(dimension)_aac.jsonl.gz"))
        return try data.split(separator: 0x0A).map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let text = String(decoding: line, as: UTF8.self)
            return Instance(
                variation: try #require(object["variation_key"] as? String),
                sampleIndex: try #require(object["sample_index"] as? Int),
                hyp: try #require(object["hyp"] as? String),
                ref: try #require(object["ref"] as? [String]),
                hypRaw: try #require(object["hyp_raw"] as? String),
                meteorStats: try #require(object["meteor_stats"] as? String),
                meteorSentence: try #require(number("meteor_sentence", in: text)),
                ciderD: try #require(number("cider_d_sentence_in_variation", in: text)),
                rougeL: try #require(number("rouge_l_sentence", in: text)))
        }
    }

    /// The raw references of every item of a results file: `text` split on `|`, pieces stripped,
    /// empty pieces dropped (SCORING.md §4.4, §5.5).
    static func references(model: String, dimension: String) throws -> [[String]] {
        let data = try Fixtures.data("parity/\(model)/\(dimension)/\(model)_aac_results.json")
        let items = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return items.map { item in
            let text = item["text"] as? String ?? ""
            return Py.split(text.py, on: ["|"]).map(Py.strip).filter { !$0.isEmpty }.map { String(py: $0) }
        }
    }

    /// The aggregate metric file: variation → {"METEOR", "CIDEr-D", "ROUGE-L", "ifr"}. Read line by
    /// line (the file is `json.dumps(indent=2)`) because Foundation's JSONSerialization on Linux
    /// can land one ulp away from the double Python wrote; `Double(String)` is exact.
    static func aggregates(model: String, dimension: String) throws -> [String: [String: Double]] {
        let data = try Fixtures.data("parity/golden/\(model)/output/\(dimension)/aac/\(model)_\(dimension)_aac_metric.json")
        var out: [String: [String: Double]] = [:]
        var current = ""
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\""), let colon = trimmed.range(of: "\": ") else { continue }
            let key = String(trimmed[trimmed.index(after: trimmed.startIndex)..<colon.lowerBound])
            var value = String(trimmed[colon.upperBound...])
            if value == "{" { current = key; continue }
            if value.hasSuffix(",") { value.removeLast() }
            if let number = Double(value) { out[current, default: [:]][key] = number }
        }
        return out
    }

    /// The number after `"key": ` in a one-line JSON object, parsed exactly.
    static func number(_ key: String, in line: String) -> Double? {
        guard let start = line.range(of: "\"\(key)\": ") else { return nil }
        let rest = line[start.upperBound...]
        let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
        return Double(rest[..<end].trimmingCharacters(in: .whitespaces))
    }
}
