import Foundation
import Testing
@testable import Warehouse

/// Upstream numbers are the contract: the metric files isaq exports equal the upstream
/// scorers' output byte for byte, and every scored response gets the upstream decision.
@Suite struct ParityTests {
    /// The eleven upstream example outputs and the merged file.
    @Test func upstreamExampleOutputsByteForByte() throws {
        let built = try ParityWarehouse.get()
        let reference = Fixtures.url("upstream/example/reference-output")
        let expected = Fixtures.files(under: "upstream/example/reference-output", suffix: ".json")
        #expect(expected.count == 12)
        for file in expected {
            let relative = String(file.path.dropFirst(reference.path.count + 1))
            let ours = built.exportRoot.appendingPathComponent("example").appendingPathComponent(relative)
            #expect(try Data(contentsOf: ours) == Data(contentsOf: file), "\(relative) differs from upstream")
        }
    }

    /// Every parity model's aggregate goldens (d, f, n and merged), byte for byte.
    @Test(arguments: ParityWarehouse.models)
    func parityGoldensByteForByte(_ model: String) throws {
        let built = try ParityWarehouse.get()
        let golden = Fixtures.url("parity/golden/\(model)/output")
        let files = Fixtures.files(under: "parity/golden/\(model)/output", suffix: ".json")
        #expect(files.count == 12)
        for file in files {
            let relative = String(file.path.dropFirst(golden.path.count + 1))
            let ours = built.exportRoot.appendingPathComponent(model).appendingPathComponent(relative)
            let (a, b) = (try Data(contentsOf: ours), try Data(contentsOf: file))
            if a != b {
                Issue.record("\(model)/\(relative) differs from the golden:\n\(firstDifference(a, b))")
            }
        }
    }

    /// Every per-instance golden record: the same compliance decision and the same hypothesis
    /// (and for captions the same tokenized reference and METEOR statistics).
    @Test(arguments: ParityWarehouse.models)
    func perInstanceDecisions(_ model: String) throws {
        let built = try ParityWarehouse.get()
        let w = try Warehouse(path: built.path, readOnly: true)
        let ours = try judgments(w, checkpoint: model)
        var checked = 0, mismatches: [String] = []
        for file in Fixtures.files(under: "parity/golden/\(model)/instances", suffix: ".jsonl.gz") {
            for line in try gunzipLines(file) {
                guard case .object(let g) = try JSONParser().parse(line) else { continue }
                let key = InstanceKey(golden: g)
                guard let j = ours[key] else { mismatches.append("no judgment for \(key)"); continue }
                checked += 1
                let follow = g["follow"]?.boolValue
                if follow != j.compliant { mismatches.append("\(key): follow \(String(describing: follow)) vs \(j.compliant)") }
                let hyp = g["hyp"]?.stringValue
                if hyp != j.hypothesis { mismatches.append("\(key): hyp «\(hyp ?? "null")» vs «\(j.hypothesis ?? "null")»") }
                if let stats = g["meteor_stats"]?.stringValue, stats != j.meteorStats {
                    mismatches.append("\(key): meteor_stats \(stats) vs \(j.meteorStats ?? "nil")")
                }
                if g["task"]?.stringValue == "aac", let ref = g["ref"], PythonJSONWriter.compact(ref) != j.reference {
                    mismatches.append("\(key): ref differs")
                }
            }
        }
        #expect(checked > 10_000, "\(model): only \(checked) golden records checked")
        #expect(mismatches.isEmpty, "\(model): \(mismatches.count) mismatches, first: \(mismatches.prefix(5).joined(separator: "\n"))")
    }

    struct InstanceKey: Hashable, CustomStringConvertible {
        var file: String
        var key: String
        var item: Int
        var index: String
        var subtask: String

        init(file: String, key: String, item: Int, index: String, subtask: String) {
            (self.file, self.key, self.item, self.index, self.subtask) = (file, key, item, index, subtask)
        }

        init(golden g: JSONObject) {
            file = g["file"]?.stringValue ?? ""
            key = g["variation_key"]?.stringValue ?? ""
            item = g["sample_index"]?.intValue ?? -1
            subtask = g["subtask"]?.stringValue ?? ""
            if g["dim"]?.stringValue == "n" {
                index = "\(g["branch"]?.stringValue ?? "")[\(g["block_index"]?.intValue ?? -1)][\(g["record_index"]?.intValue ?? -1)]"
            } else {
                index = "\(g["response_index_within_variation"]?.intValue ?? -1)"
            }
        }

        var description: String { "\(file) \(key) item \(item) #\(index) \(subtask)" }
    }

    struct Ours {
        var compliant: Bool
        var hypothesis: String?
        var reference: String?
        var meteorStats: String?
    }

    /// Our judgments keyed like the golden records: the position of a response among those
    /// its scorer read for the same item and variation key.
    func judgments(_ w: Warehouse, checkpoint: String) throws -> [InstanceKey: Ours] {
        let s = try w.db.statement("""
            SELECT run.dim, run.source_path, j.scorer_key, r.item_index, j.subtask, j.compliant, j.hypothesis, j.reference, j.meteor_stats, v.key, i.slot
            FROM judgment j JOIN response r USING (response_id) JOIN run USING (run_id)
            JOIN instruction i USING (instruction_id) JOIN variant v USING (variant_id)
            JOIN checkpoint c ON c.checkpoint_id = r.checkpoint_id
            WHERE c.name = ? ORDER BY run.run_id, r.item_index, r.ordinal
            """).bind([.text(checkpoint)])
        var out: [InstanceKey: Ours] = [:]
        var counters: [String: Int] = [:]
        while try s.step() {
            let dim = s.string(0)!, path = s.string(1)!, key = s.string(2)!, item = s.int(3), subtask = s.string(4)!
            let file = "\(dim)/\(URL(fileURLWithPath: path).lastPathComponent)"
            var index: String
            if dim == "n" {
                guard !subtask.isEmpty else { continue }  // record-level rows have no golden of their own
                let branch = s.string(9)!.split(separator: ".")[1]
                index = "\(branch)\(s.string(10)!)"
            } else {
                let counter = "\(file)|\(key)|\(item)"
                index = "\(counters[counter, default: 0])"
                counters[counter, default: 0] += 1
            }
            out[InstanceKey(file: file, key: key, item: item, index: index, subtask: subtask)] =
                Ours(compliant: s.int(5) == 1, hypothesis: s.string(6), reference: s.string(7), meteorStats: s.string(8))
        }
        return out
    }

    func gunzipLines(_ url: URL) throws -> [[UInt8]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-dc", url.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }
}

func firstDifference(_ a: Data, _ b: Data) -> String {
    let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(la.count, lb.count) where i >= la.count || i >= lb.count || la[i] != lb[i] {
        return "line \(i + 1): ours «\(i < la.count ? String(la[i]) : "EOF")» golden «\(i < lb.count ? String(lb[i]) : "EOF")»"
    }
    return "same text"
}
