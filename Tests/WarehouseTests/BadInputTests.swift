import Foundation
import Testing
@testable import Warehouse

/// Every kind of bad input fails with a message naming the file, the place in it and what was
/// expected, and leaves the warehouse exactly as it was.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let path: String  // relative file name inside the temp dir (its folder gives the dim)
        let bytes: [UInt8]
        let expected: [String]  // substrings of the error message
        var testDescription: String { name }
    }

    static let validItem = #"{"path": "a.wav", "text": "HELLO WORLD", "task": "asr", "variation_responses": {"default": "The transcript is: hello world"}}"#

    static let cases: [Case] = [
        Case(name: "truncated JSON", path: "d/m_asr_results.json", bytes: Array("[\(validItem), {\"path\": \"b.wav\", \"text\": \"HI".utf8),
             expected: ["d/m_asr_results.json", "line 1", "unterminated string"]),
        Case(name: "wrong type for variation_responses", path: "d/m_asr_results.json",
             bytes: Array(#"[{"path": "a.wav", "text": "HI", "task": "asr", "variation_responses": ["x"]}]"#.utf8),
             expected: ["[0].variation_responses", "expected an object", "found array"]),
        Case(name: "wrong type for text", path: "d/m_asr_results.json",
             bytes: Array(#"[{"path": "a.wav", "text": 42, "task": "asr", "variation_responses": {"default": "x"}}]"#.utf8),
             expected: ["[0].text", "expected a string, found number"]),
        Case(name: "unknown d variation key", path: "d/m_asr_results.json",
             bytes: Array(#"[{"path": "a.wav", "text": "HI", "task": "asr", "variation_responses": {"default": "x", "shouting": "y"}}]"#.utf8),
             expected: ["[0].variation_responses.shouting", "unknown d variation key", "alter_symbol"]),
        Case(name: "unknown f variation key", path: "f/m_ser_results.json",
             bytes: Array(#"[{"path": "a.wav", "text": "Sad", "task": "emotion_recognition", "variation_responses": {"constrain": "sad", "yaml": "x"}}]"#.utf8),
             expected: ["[0].variation_responses.yaml", "unknown f variation key"]),
        Case(name: "f element without its spec", path: "f/m_ser_results.json",
             bytes: Array(#"[{"path": "a.wav", "text": "Sad", "task": "emotion_recognition", "variation_responses": {"prefix": [{"response": "sad"}]}}]"#.utf8),
             expected: ["[0].variation_responses.prefix[0]", "missing \"prefix\""]),
        Case(name: "f element response of the wrong type", path: "f/m_ser_results.json",
             bytes: Array(#"[{"path": "a.wav", "text": "Sad", "task": "emotion_recognition", "variation_responses": {"prefix": [{"prefix": "<E>", "response": 3}]}}]"#.utf8),
             expected: ["[0].variation_responses.prefix[0].response", "expected a string or null, found number"]),
        Case(name: "missing reference", path: "d/m_asr_results.json",
             bytes: Array(#"[{"path": "a.wav", "task": "asr", "variation_responses": {"default": "x"}}]"#.utf8),
             expected: ["[0]", "missing \"text\" (the reference)"]),
        Case(name: "empty file", path: "d/m_asr_results.json", bytes: [], expected: ["m_asr_results.json", "the file is empty"]),
        Case(name: "empty array", path: "d/m_asr_results.json", bytes: Array("[]".utf8), expected: ["no result items"]),
        Case(name: "binary garbage", path: "d/m_asr_results.json", bytes: (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) },
             expected: ["m_asr_results.json", "line 1"]),
        Case(name: "n record without task", path: "n/m_n_results.json",
             bytes: Array(#"{"annotation": [{"path": "a.wav", "text": "hi", "emotion": "Sad", "gender": "Male", "instructions": {"variations": {"single-stage": {"separation": [[{"separator": "\\", "response": "x"}]]}}}}]}"#.utf8),
             expected: ["annotation[0].instructions.variations.single-stage.separation[0][0].task", "subtask order"]),
        Case(name: "dimension of the path contradicts the content", path: "f/m_asr_results.json", bytes: Array("[\(validItem)]".utf8),
             expected: ["the path says dimension f", "dimension d"]),
    ]

    @Test(arguments: cases)
    func badFileIsRejectedAndChangesNothing(_ c: Case) throws {
        try withTemporaryWarehouse { w, dir in
            _ = try w.ingestResults([Fixtures.url("upstream/example/results/d/example_asr_results.json").path], options: IngestOptions(model: "m"))
            let before = try w.rowCounts()
            let file = dir.appendingPathComponent(c.path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(c.bytes).write(to: file)
            do {
                _ = try w.ingestResults([file.path], options: IngestOptions(model: "m"))
                Issue.record("\(c.name): ingest should have failed")
            } catch {
                let message = "\(error)"
                for part in c.expected { #expect(message.contains(part), "\(c.name): «\(message)» lacks «\(part)»") }
            }
            #expect(try w.rowCounts() == before)
        }
    }

    @Test func aDirectoryWithoutResultFiles() throws {
        try withTemporaryWarehouse { w, dir in
            let empty = dir.appendingPathComponent("nothing-here")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            #expect { try w.ingestResults([empty.path], options: IngestOptions()) } throws: {
                "\($0)".contains("nothing-here") && "\($0)".contains("no result files")
            }
            #expect { try w.ingestResults([dir.appendingPathComponent("missing").path], options: IngestOptions()) } throws: {
                "\($0)".contains("no such file or directory")
            }
        }
    }

    @Test func aFailingFileKeepsTheFilesBeforeIt() throws {
        try withTemporaryWarehouse { w, dir in
            let bad = dir.appendingPathComponent("d/m_gr_results.json")
            try FileManager.default.createDirectory(at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("[{".utf8).write(to: bad)
            let good = Fixtures.url("upstream/example/results/d/example_asr_results.json").path
            #expect(throws: InputError.self) { try w.ingestResults([good, bad.path], options: IngestOptions(model: "m")) }
            #expect(try w.db.scalarInt("SELECT count(*) FROM run") == 1)
        }
    }

    @Test func unknownVariantsCanBeAllowed() throws {
        try withTemporaryWarehouse { w, _ in
            let file = Fixtures.url("spec-vectors/inputs/f_asr.json").path  // has a stray "default" key
            #expect { try w.ingestResults([file], options: IngestOptions(model: "m")) } throws: { "\($0)".contains("unknown f variation key \"default\"") }
            let report = try w.ingestResults([file], options: IngestOptions(model: "m", allowUnknownVariants: true))[0]
            #expect(report.dim == "f" && report.task == "asr")
            #expect(try w.db.scalarInt("SELECT known FROM variant WHERE dim = 'f' AND key = 'default'") == 0)
        }
    }

    @Test func badJSONLLinesAreNamed() throws {
        try withTemporaryWarehouse { w, dir in
            let file = dir.appendingPathComponent("x.jsonl")
            let good = #"{"model": "m", "dim": "f", "task": "ser", "variant": "prefix", "sample": "a.wav", "reference": "Sad", "format": {"prefix": "<E>"}, "response": "<E> sad"}"#
            let cases: [(String, String)] = [
                (#"{"model": "m", "dim": "f", "task": "ser", "variant": "prefix", "sample": "a.wav", "reference": "Sad", "response": 7}"#, "line 2: response: expected a string or null, found number"),
                (#"{"model": "m", "dim": "x", "task": "ser"}"#, "line 2: dim: expected d, f or n"),
                (#"{"model": "m", "dim": "f", "task": "ser", "variant": "bold", "sample": "a", "reference": "Sad", "response": "x"}"#, "line 2: variant: unknown f variant \"bold\""),
                (#"{"model": "m", "dim": "f""#, "line 2"),
                (#"{"dim": "f"}"#, "line 2: model: missing"),
            ]
            for (line, expected) in cases {
                try Data((good + "\n" + line + "\n").utf8).write(to: file)
                let before = try w.rowCounts()
                #expect { try w.ingestJSONL(file.path) } throws: { "\($0)".contains(expected) && "\($0)".contains("x.jsonl") }
                #expect(try w.rowCounts() == before)
            }
        }
    }
}
