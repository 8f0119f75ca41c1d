import Foundation
import Testing
@testable import Warehouse

/// The shared upstream and parity files through the parser and the writer.
@Suite struct JSONFileTests {
    static var outputFiles: [URL] {
        Fixtures.files(under: "parity/golden", suffix: ".json").filter { $0.path.contains("/output/") }
            + Fixtures.files(under: "upstream/example/reference-output", suffix: ".json")
    }

    static var resultFiles: [URL] {
        ["synth-chatty-s2", "synth-diligent-s1", "synth-formatter-s3"].flatMap { model in
            ["d", "f", "n"].flatMap { Fixtures.files(under: "parity/\(model)/\($0)", suffix: ".json") }
        } + Fixtures.files(under: "upstream/example/results", suffix: ".json")
    }

    /// Metric files are `print(json.dumps(...))`, so they end in a newline; the merged
    /// `*_collect_all_metrics.json` is `json.dump` to a file and does not.
    @Test func scorerOutputsRoundTripByteForByte() throws {
        let files = Self.outputFiles
        #expect(files.count == 48)
        for url in files {
            let data = try Data(contentsOf: url)
            let value = try JSONParser.parse(data)
            let dumped = url.lastPathComponent.hasSuffix("_collect_all_metrics.json")
                ? PythonJSONWriter.dumps(value) : PythonJSONWriter.dumpsFile(value)
            #expect(Array(dumped.utf8) == Array(data), "\(url.path)")
        }
    }

    @Test func resultFilesParseAsPythonDoes() throws {
        let files = Self.resultFiles
        #expect(files.count == 44)
        let script = """
        import sys, json
        parts = []
        for path in sys.stdin.read().split("\\n"):
            if path:
                v = json.load(open(path, encoding="utf-8"))
                parts.append(json.dumps(v, indent=2, ensure_ascii=False))
                parts.append(json.dumps(v, ensure_ascii=True))
        sys.stdout.buffer.write("\\0".join(parts).encode("utf-8"))
        """
        let output = try PythonReference.run(script, input: Data(files.map(\.path).joined(separator: "\n").utf8))
        let expected = output.split(separator: 0, omittingEmptySubsequences: false)
        try #require(expected.count == files.count * 2)
        for (k, url) in files.enumerated() {
            let value = try JSONParser.parse(try Data(contentsOf: url))
            #expect(PythonJSONWriter().bytes(value) == Array(expected[2 * k]), "indented: \(url.path)")
            #expect(PythonJSONWriter(indent: nil, ensureASCII: true).bytes(value) == Array(expected[2 * k + 1]),
                    "compact ASCII: \(url.path)")
        }
    }
}
