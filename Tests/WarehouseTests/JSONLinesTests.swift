import Foundation
import Testing
@testable import Warehouse

@Suite struct JSONLinesTests {
    @Test func splitsAcrossChunksAndSkipsBlankLines() throws {
        let long = "{\"text\": \"" + String(repeating: "é", count: 50) + "\"}"
        let text = "{\"a\": 1}\r\n\n  \t\r\n\(long)\n[2]\n\n3"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jsonlines-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        for chunkSize in [1, 3, 7, 64, 1 << 20] {
            var seen: [(Int, String)] = []
            try JSONLines.forEach(inFile: url, chunkSize: chunkSize) { number, bytes in
                seen.append((number, String(decoding: bytes, as: UTF8.self)))
            }
            #expect(seen.map(\.0) == [1, 4, 5, 7], "chunk \(chunkSize)")
            #expect(seen.map(\.1) == ["{\"a\": 1}", long, "[2]", "3"], "chunk \(chunkSize)")
        }
        var values: [JSONValue] = []
        try JSONLines.forEachValue(inFile: url) { _, v in values.append(v) }
        #expect(values.count == 4 && values[0]["a"] == .int(1) && values[3] == .int(3))
    }

    @Test func errorsNameTheLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jsonlines-\(UUID().uuidString).jsonl")
        try Data("[1]\n\n[2,]\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try JSONLines.forEachValue(inFile: url) { _, _ in }
            Issue.record("accepted")
        } catch let error as JSONSyntaxError {
            #expect(error.line == 3 && error.column == 4)
        }
    }
}
