import Foundation
import Testing
@testable import Warehouse

/// Every response the upstream files hold, listed by an independent Python walk of the JSON:
/// (item, variant key, slot, kind, text). The warehouse must hold exactly these, byte for byte.
private let pythonWalk = #"""
import json, re, sys
def key(k):
    return "." + k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else '["' + k.replace("\\", "\\\\").replace('"', '\\"') + '"]'
def kind(v):
    return {str: "string", type(None): "null", bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}[type(v)]
out = []
def emit(item, variant, slot, v):
    out.append({"item": item, "variant": variant, "slot": slot, "kind": kind(v), "text": v if isinstance(v, str) else None})
def flat_d(item, variant, slot, v):
    if isinstance(v, list):
        for i, e in enumerate(v): emit(item, variant, slot + f"[{i}]", e)
    elif isinstance(v, dict):
        for k, e in v.items(): flat_d(item, variant, slot + key(k), e)
    else: emit(item, variant, slot, v)
for path in sys.stdin.read().split("\n"):
    if not path: continue
    out = []
    doc = json.load(open(path, encoding="utf-8"))
    if isinstance(doc, dict) and "annotation" in doc:
        for i, it in enumerate(doc["annotation"]):
            for stage, branches in it["instructions"]["variations"].items():
                for branch, blocks in branches.items():
                    for b, block in enumerate(blocks):
                        for r, rec in enumerate(block):
                            emit(i, f"{stage}.{branch}.{rec['task']}", f"[{b}][{r}]", rec["response"])
    else:
        dim = path.split("/")[-2]
        for i, it in enumerate(doc if isinstance(doc, list) else [doc]):
            for top, v in it["variation_responses"].items():
                if dim == "d":
                    if isinstance(v, dict):
                        for k, x in v.items(): flat_d(i, f"{top}.{k}", "", x)
                    else: flat_d(i, top, "", v)
                else:
                    elems = list(enumerate(v)) if isinstance(v, list) else ([(k, x) for k, x in v.items()] if isinstance(v, dict) else None)
                    if elems is None: emit(i, top, "", v); continue
                    for k, e in elems:
                        slot = f"[{k}]" if isinstance(v, list) else key(k)
                        if isinstance(e, dict): emit(i, top, slot + ".response", e["response"])
                        else: emit(i, top, slot, e)
    print(json.dumps({"file": path, "responses": out}, ensure_ascii=True))
"""#

private struct Walked: Decodable {
    struct Response: Decodable, Equatable {
        let item: Int
        let variant: String
        let slot: String
        let kind: String
        let text: String?
    }
    let file: String
    let responses: [Response]
}

@Suite struct IngestTests {
    static let resultFiles: [URL] =
        Fixtures.files(under: "upstream/example/results", suffix: ".json")
        + ["synth-diligent-s1", "synth-chatty-s2", "synth-formatter-s3"].flatMap { Fixtures.files(under: "parity/\($0)", suffix: "_results.json") }

    @Test func everyUpstreamResponseIsStoredByteForByte() throws {
        #expect(Self.resultFiles.count == 11 + 33)
        let input = Data(Self.resultFiles.map(\.path).joined(separator: "\n").utf8)
        let lines = try PythonReference.run(pythonWalk, input: input).split(separator: UInt8(ascii: "\n"))
        let walked = try lines.map { try JSONDecoder().decode(Walked.self, from: Data($0)) }
        #expect(walked.count == Self.resultFiles.count)
        try withTemporaryWarehouse { w, _ in
            for file in walked {
                let model = URL(fileURLWithPath: file.file).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
                let report = try w.ingestResults([file.file], options: IngestOptions(model: model))[0]
                #expect(report.responses == file.responses.count, "\(file.file)")
                let stored = try w.db.query("""
                    SELECT r.item_index, v.key, i.slot, r.kind, r.text FROM response r
                    JOIN run USING (run_id) JOIN instruction i USING (instruction_id) JOIN variant v USING (variant_id)
                    WHERE run.source_path = ? ORDER BY r.item_index, r.ordinal
                    """, [.text(file.file)]).rows.map { row -> Walked.Response in
                    guard case .integer(let item) = row[0], case .text(let v) = row[1], case .text(let slot) = row[2], case .text(let kind) = row[3] else {
                        fatalError("unexpected row \(row)")
                    }
                    var text: String? = nil
                    if case .text(let t) = row[4], kind == "string" { text = t }
                    return Walked.Response(item: Int(item), variant: v, slot: slot, kind: kind, text: text)
                }
                #expect(stored.count == file.responses.count, "\(file.file)")
                for (a, b) in zip(stored, file.responses) where a != b {
                    Issue.record("\(file.file): stored \(a) but the file has \(b)")
                    break
                }
                // Byte for byte: code points, not Swift's canonical string equality.
                for (a, b) in zip(stored, file.responses) where a.text.map({ Array($0.utf8) }) != b.text.map({ Array($0.utf8) }) {
                    Issue.record("\(file.file): bytes differ at item \(a.item) \(a.variant)\(a.slot)")
                    break
                }
            }
            let nulls = try w.db.scalarInt("SELECT count(*) FROM response WHERE kind = 'null'")
            #expect(nulls == walked.flatMap(\.responses).filter { $0.kind == "null" }.count)
            #expect(nulls > 0, "the chatty parity model has null responses; they must be kept")
        }
    }

    @Test func modelDirectoryIngestIsIdempotent() throws {
        try withTemporaryWarehouse { w, _ in
            let dir = Fixtures.url("parity/synth-diligent-s1").path
            let first = try w.ingestResults([dir], options: IngestOptions())
            #expect(first.count == 11)
            #expect(first.allSatisfy { $0.checkpoint == "synth-diligent-s1" && !$0.alreadyIngested })
            #expect(Set(first.map { "\($0.dim)/\($0.task)" }) == ["d/asr", "d/s2tt", "d/ser", "d/gr", "d/aac", "f/asr", "f/s2tt", "f/ser", "f/gr", "f/aac", "n/n"])
            let before = try w.rowCounts()
            let second = try w.ingestResults([dir], options: IngestOptions())
            #expect(second.allSatisfy { $0.alreadyIngested })
            #expect(try w.rowCounts() == before)
            // The same checkpoint under another label is a different checkpoint.
            _ = try w.ingestResults([dir], options: IngestOptions(checkpoint: "sft", parent: "synth-diligent-s1"))
            #expect(try w.db.scalarInt("SELECT count(*) FROM checkpoint") == 2)
            #expect(try w.db.scalarInt("SELECT count(*) FROM checkpoint c JOIN checkpoint p ON p.checkpoint_id = c.parent_id WHERE c.name = 'synth-diligent-s1@sft'") == 1)
            #expect(try w.db.scalarInt("SELECT count(*) FROM response") == 2 * (before["response"] ?? -1))
        }
    }

    @Test func changedResponsesNeedReplace() throws {
        try withTemporaryWarehouse { w, dir in
            let original = Fixtures.url("upstream/example/results/d/example_asr_results.json")
            _ = try w.ingestResults([original.path], options: IngestOptions(model: "m"))
            var text = try String(contentsOf: original, encoding: .utf8)
            text = text.replacingOccurrences(of: "The transcript is:", with: "THE TRANSCRIPT IS:")
            let changed = dir.appendingPathComponent("d/example_asr_results.json")
            try FileManager.default.createDirectory(at: changed.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: changed, atomically: true, encoding: .utf8)
            let before = try w.rowCounts()
            #expect { try w.ingestResults([changed.path], options: IngestOptions(model: "m")) } throws: {
                "\($0)".contains("already has a different response") && "\($0)".contains("--replace")
            }
            #expect(try w.rowCounts() == before)
            let report = try w.ingestResults([changed.path], options: IngestOptions(model: "m", replace: true))[0]
            #expect(report.replaced == 2)
            #expect(try w.db.scalarInt("SELECT count(*) FROM response WHERE text LIKE 'THE TRANSCRIPT IS:%'") == 2)
            let total = try w.db.scalarInt("SELECT count(*) FROM response")
            #expect(total == before["response"])
        }
    }
    /// Replacing judged responses leaves totals that add up, and names the run that lost them.
    @Test func replacedResponsesLeaveTotalsThatAddUp() throws {
        try withTemporaryWarehouse { w, dir in
            let original = Fixtures.url("upstream/example/results/d/example_asr_results.json")
            let first = try w.ingestResults([original.path], options: IngestOptions(model: "m"))[0]
            _ = try w.judge(runs: [try #require(first.runID)], options: JudgeOptions())
            var text = try String(contentsOf: original, encoding: .utf8)
            text = text.replacingOccurrences(of: "The transcript is:", with: "THE TRANSCRIPT IS:")
            let changed = dir.appendingPathComponent("d/example_asr_results.json")
            try FileManager.default.createDirectory(at: changed.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: changed, atomically: true, encoding: .utf8)
            let second = try w.ingestResults([changed.path], options: IngestOptions(model: "m", replace: true))[0]
            #expect(second.replaced == 2)
            let totalsAddUp = """
                SELECT (SELECT count(*) FROM (SELECT * FROM judgment_total EXCEPT SELECT * FROM judgment_total_live))
                     + (SELECT count(*) FROM (SELECT * FROM judgment_total_live EXCEPT SELECT * FROM judgment_total))
                """
            #expect(try w.db.scalarInt(totalsAddUp) == 0)
            let run = try #require(second.runID)
            if run != first.runID { #expect(second.unjudgedRuns == [first.runID!]) }
            _ = try w.judge(runs: [run] + second.unjudgedRuns, options: JudgeOptions())
            #expect(try w.db.scalarInt(totalsAddUp) == 0)
            #expect(try w.db.scalarInt("SELECT count(*) FROM response r WHERE NOT EXISTS (SELECT 1 FROM judgment j WHERE j.response_id = r.response_id) AND r.kind = 'string'") == 0)
        }
    }

    /// A response that differs only by Unicode normalisation is a different response.
    @Test func canonicallyEquivalentTextIsNotUnchanged() throws {
        try withTemporaryWarehouse { w, dir in
            let original = try String(contentsOf: Fixtures.url("upstream/example/results/d/example_asr_results.json"), encoding: .utf8)
            let file = dir.appendingPathComponent("d/example_asr_results.json")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try original.replacingOccurrences(of: "The transcript is:", with: "The transcript is: caf\u{E9}")
                .write(to: file, atomically: true, encoding: .utf8)
            _ = try w.ingestResults([file.path], options: IngestOptions(model: "m"))
            try original.replacingOccurrences(of: "The transcript is:", with: "The transcript is: cafe\u{301}")
                .write(to: file, atomically: true, encoding: .utf8)
            #expect { try w.ingestResults([file.path], options: IngestOptions(model: "m")) } throws: {
                "\($0)".contains("already has a different response")
            }
        }
    }
}
