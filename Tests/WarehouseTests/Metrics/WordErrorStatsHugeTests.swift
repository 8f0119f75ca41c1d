import Foundation
import Testing
@testable import Warehouse

/// Pairs large enough for rapidfuzz to switch to Hirschberg's divide and conquer (reference
/// ≥ 65 words, reference × hypothesis ≥ 4,194,304 after removing the common affix).
@Suite struct WordErrorStatsHugeTests {
    @Test func hirschbergSizedPairs() throws {
        var gen = RandomText(seed: 0x4152_0001)
        var pairs: [[String]] = []
        for k in 0..<6 {
            // Both sides long and noisy, so the S/D/I split depends on the traceback; the
            // sentinels keep the common affix empty.
            let vocab = (0..<(2 + k % 4)).map { "w\($0)" }
            let n = gen.int(2100...2600)
            let ref = (0..<n).map { _ in gen.pick(vocab) }
            var hyp: [String] = []
            for w in ref {
                switch gen.int(0...9) {
                case 0: break
                case 1: hyp += [gen.pick(vocab), w]
                case 2: hyp.append(gen.pick(vocab))
                default: hyp.append(w)
                }
            }
            pairs.append([(ref + ["yy"]).joined(separator: " "), (["zz"] + hyp).joined(separator: " ")])
        }
        // Short reference, very long response.
        let shortRef = (0..<70).map { _ in gen.pick(["a", "b", "c"]) }
        var longHyp = ["zz"]
        while longHyp.count < 70_000 { longHyp += gen.chance(0.3) ? shortRef : [gen.pick(["a", "b", "c", "d"])] }
        pairs.append([shortRef.joined(separator: " ") + " yy", longHyp.joined(separator: " ")])
        let script = """
        import json, sys, jiwer
        out = []
        for r, h in json.load(sys.stdin):
            o = jiwer.process_words(r, h)
            out.append([o.substitutions, o.deletions, o.insertions, o.hits])
        print(json.dumps(out))
        """
        let expected = try #require(try PythonJSON.run(script, input: pairs) as? [[Int]])
        for (k, p) in pairs.enumerated() {
            let s = WordErrorStats.measure(reference: p[0], hypothesis: p[1])
            #expect([s.substitutions, s.deletions, s.insertions, s.hits] == expected[k], "pair \(k)")
        }
    }
}
