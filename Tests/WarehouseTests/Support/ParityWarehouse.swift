import Foundation
import Testing
@testable import Warehouse

/// One warehouse holding the upstream example and the three parity models, ingested and judged
/// once (one METEOR JVM for all of it) and shared read-only by the parity tests.
enum ParityWarehouse {
    static let models = ["synth-diligent-s1", "synth-chatty-s2", "synth-formatter-s3"]

    struct Built: Sendable {
        let path: String
        let exportRoot: URL
    }

    static let built: Result<Built, any Error> = Result {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("parity.db").path
        let w = try Warehouse(path: path)
        let example = Fixtures.files(under: "upstream/example/results", suffix: ".json").map(\.path)
        _ = try w.ingestResults(example, options: IngestOptions(model: "example"))
        for m in models { _ = try w.ingestResults([Fixtures.url("parity/\(m)").path], options: IngestOptions()) }
        var options = JudgeOptions()
        var environment = ProcessInfo.processInfo.environment
        environment["ISAQ_PYTHON"] = try PythonReference.python().path
        options.captionToolchain = try CaptionToolchain.discover(environment: environment)
        let report = try w.judge(options: options)
        guard report.pendingCaptionMetrics == 0 else { throw CaptionMetricsPending() }
        let exportRoot = dir.appendingPathComponent("export")
        for c in ["example"] + models {
            _ = try w.exportUpstream(checkpoint: c, to: exportRoot.appendingPathComponent(c).path)
        }
        return Built(path: path, exportRoot: exportRoot)
    }

    static func get() throws -> Built { try built.get() }
}
