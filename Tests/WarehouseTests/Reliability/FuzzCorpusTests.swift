import Foundation
import Testing
@testable import Warehouse

/// Replays the committed fuzz seeds and crash regressions (Fuzz/) through the entry points the
/// fuzz target drives, so a fixed crash stays fixed without the sanitizer toolchain.
@Suite struct FuzzCorpusTests {
    static func inputs(_ folder: String) -> [URL] {
        let dir = Fixtures.packageRoot.appendingPathComponent("Fuzz/\(folder)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// What Fuzz/isaq-fuzz/FuzzTarget.swift does with one input.
    static func replay(_ data: [UInt8]) -> Int? {
        data.withUnsafeBufferPointer { InputProbe.fuzz($0) }
    }

    @Test func seedsAreValidInputs() throws {
        let seeds = Self.inputs("corpus")
        #expect(seeds.count >= 20)
        for url in seeds {
            let data = [UInt8](try Data(contentsOf: url))
            let name = url.lastPathComponent
            if name.hasPrefix("results-") {
                // Result seeds must get past the parser into the judges, or the fuzzer starts shallow.
                let judged = Self.replay(data)
                #expect((judged ?? 0) > 0, "\(name) does not reach the judges")
            } else if name.hasPrefix("jsonl") {
                Array(data.dropFirst()).withUnsafeBufferPointer { #expect(InputProbe.checkJSONLines($0).invalid == 0, "\(name)") }
            } else {
                _ = Self.replay(data)
            }
        }
    }

    @Test func regressionsStayFixed() throws {
        for url in Self.inputs("regressions") {
            _ = Self.replay([UInt8](try Data(contentsOf: url)))  // returning at all is the test
        }
    }
}
