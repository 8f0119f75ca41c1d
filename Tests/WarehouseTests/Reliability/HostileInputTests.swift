import Foundation
import Testing
@testable import Warehouse

/// Input built to hurt: deep nesting, huge strings, invalid UTF-8, NUL bytes. Each gets a clear
/// error naming the file and place, or is stored exactly — never a crash.
@Suite struct HostileInputTests {
    static func resultFile(response: String) -> String {
        #"[{"path": "a.wav", "text": "HELLO", "task": "asr", "variation_responses": {"default": \#(response)}}]"#
    }

    func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func deepNestingIsRefused() throws {
        try withTemporaryWarehouse { w, dir in
            let depth = 200_000
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let file = try write(Array(Self.resultFile(response: nested).utf8), "d/m_asr_results.json", in: dir)
            let before = try w.rowCounts()
            #expect { try w.ingestResults([file], options: IngestOptions(model: "m")) } throws: {
                "\($0)".contains("m_asr_results.json") && "\($0)".contains("nesting deeper than 10000 levels")
            }
            let line = #"{"model": "m", "dim": "f", "task": "ser", "variant": "prefix", "sample": "a", "reference": "Sad", "response": \#(nested)}"#
            let jsonl = try write(Array(line.utf8), "x.jsonl", in: dir)
            #expect { try w.ingestJSONL(jsonl) } throws: { "\($0)".contains("x.jsonl: line 1: nesting deeper than 10000 levels") }
            #expect(try w.rowCounts() == before)
            // The pure entry points the fuzzer drives, too.
            let bytes = Array(nested.utf8)
            bytes.withUnsafeBufferPointer { b in
                #expect(throws: JSONSyntaxError.self) { try InputProbe.parseJSON(b) }
                #expect(InputProbe.checkJSONLines(b) == (0, 1))
            }
        }
    }

    @Test func aHundredMegabyteStringIsStoredExactly() throws {
        try withTemporaryWarehouse { w, dir in
            // Multi-byte characters, escapes and a NUL in the middle, so nothing may be cut or re-encoded.
            let unit = "hello wörld — 你好 🎧 "
            var text = String(repeating: unit, count: 100_000_000 / unit.utf8.count)
            text += "\u{0}tail\u{0}"
            let json = PythonJSONWriter.compact(.string(text))
            let file = try write(Array(Self.resultFile(response: json).utf8), "d/m_asr_results.json", in: dir)
            let report = try w.ingestResults([file], options: IngestOptions(model: "m"))[0]
            #expect(report.responses == 1)
            let s = try w.db.statement("SELECT text, length(CAST(text AS BLOB)) FROM response")
            #expect(try s.step())
            #expect(s.int(1) == text.utf8.count)
            #expect(s.string(0) == text)
            s.reset()
        }
    }

    @Test func nulBytesAreStoredExactlyWhenEscaped() throws {
        try withTemporaryWarehouse { w, dir in
            let file = try write(Array(Self.resultFile(response: #""a\u0000b\u0000""#).utf8), "d/m_asr_results.json", in: dir)
            _ = try w.ingestResults([file], options: IngestOptions(model: "m"))
            #expect(try w.db.query("SELECT text, length(CAST(text AS BLOB)) FROM response").rows == [[.text("a\u{0}b\u{0}"), .integer(4)]])
            // The judges read the stored value back whole.
            let report = try w.judge(options: Reliability.judgeOptions)
            #expect(report.judgments == 1)
            #expect(w.check().passed)
        }
    }

    @Test func rawNulAndInvalidUTF8AreRefusedWithTheirPlace() throws {
        try withTemporaryWarehouse { w, dir in
            let cases: [([UInt8], String)] = [
                (Array(#""a"#.utf8) + [0x00] + Array(#"b""#.utf8), "invalid control character U+0000 in string"),
                (Array(#""a"#.utf8) + [0xFF, 0xFE] + Array(#"b""#.utf8), "invalid UTF-8 byte sequence"),
                (Array(#""a"#.utf8) + [0xC3] + Array(#"""#.utf8), "invalid UTF-8 byte sequence"),
                (Array(#""a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#"""#.utf8), "invalid UTF-8 byte sequence"),  // an encoded surrogate
                ([0x00], "line 1"),
            ]
            let before = try w.rowCounts()
            for (i, (response, message)) in cases.enumerated() {
                let bytes = Array(Self.resultFile(response: "RESPONSE").utf8)
                let at = bytes.firstRange(of: Array("RESPONSE".utf8))!
                var file = bytes
                file.replaceSubrange(at, with: response)
                let path = try write(file, "d/m\(i)_asr_results.json", in: dir)
                #expect { try w.ingestResults([path], options: IngestOptions(model: "m")) } throws: {
                    "\($0)".contains("m\(i)_asr_results.json") && "\($0)".contains(message)
                }
                let line = Array(#"{"model": "m", "dim": "f", "task": "ser", "variant": "prefix", "sample": "a", "reference": "Sad", "response": "#.utf8) + response + [0x7D]
                let jsonl = try write(Array(#"{"model": "m"}"#.utf8) + [0x0A] + line, "x\(i).jsonl", in: dir)
                #expect { try w.ingestJSONL(jsonl) } throws: { "\($0)".contains("x\(i).jsonl: line 1") }  // line 1 fails first: no dim
                let jsonl2 = try write(line, "y\(i).jsonl", in: dir)
                #expect { try w.ingestJSONL(jsonl2) } throws: { "\($0)".contains("y\(i).jsonl: line 1") && (message == "line 1" || "\($0)".contains(message)) }
            }
            #expect(try w.rowCounts() == before)
        }
    }

    @Test func hugeJSONLLinesStreamThroughChunks() throws {
        try withTemporaryWarehouse { w, dir in
            // One 30 MB line between ordinary ones: the splitter carries it across many 1 MiB chunks.
            let big = String(repeating: "x", count: 30_000_000)
            var lines: [String] = []
            for (i, response) in ["short", big, "after"].enumerated() {
                lines.append(#"{"model": "m", "dim": "f", "task": "ser", "variant": "prefix", "sample": "a\#(i).wav", "reference": "Sad", "format": {"prefix": "<E>"}, "response": "\#(response)"}"#)
            }
            let file = try write(Array(lines.joined(separator: "\r\n").utf8), "big.jsonl", in: dir)
            let report = try w.ingestJSONL(file)
            #expect(report.count == 1 && report[0].responses == 3)
            #expect(try w.db.scalarInt("SELECT max(length(text)) FROM response") == big.utf8.count)
            #expect(try w.db.query("SELECT item_index FROM response ORDER BY item_index").rows == [[.integer(0)], [.integer(1)], [.integer(2)]])
            // Same bytes again: a no-op, recognised by the streamed hash.
            #expect(try w.ingestJSONL(file)[0].alreadyIngested)
        }
    }
}
