import Foundation
import Testing
@testable import Warehouse

@Suite struct WordErrorStatsTests {
    @Test func jiwerDefaultTransformSplitsOnSpacesAndWhitespaceRuns() {
        func words(_ s: String) -> [String] { JiwerWords.split(s.py).map { String(py: $0) } }
        #expect(words("  a  b c ") == ["a", "b", "c"])
        #expect(words("a\tb") == ["a\tb"])           // a lone tab is not a separator
        #expect(words("a\t\tb\u{3000} c") == ["a", "b", "c"])
        #expect(words("\t") == [])
        #expect(words("") == [])
        #expect(words("x\u{A0}y z") == ["x\u{A0}y", "z"])
    }

    @Test func countsOnHandPickedPairs() {
        let s = WordErrorStats.measure(reference: "a b c", hypothesis: "b c d e f")
        #expect(s.errors == 4)
        #expect(s.referenceWords == 3)
        let empty = WordErrorStats.measure(reference: "", hypothesis: "x y")
        #expect(empty == WordErrorStats(insertions: 2))
        #expect(empty.wordErrorRate == 2.0)
        let total = WordErrorStats.measure(reference: "a b c d", hypothesis: "a x c") + empty
        #expect(total.referenceWords == 4)
        #expect(total.wordErrorRate == Double(total.errors) / 4)
    }

    /// Generated pairs against jiwer 4.0's `process_words`: S, D, I, H per pair and the corpus
    /// WER of the whole list, exactly.
    @Test func matchesJiwerProcessWords() throws {
        var gen = RandomText(seed: 0x5EED_0001)
        var pairs: [[String]] = []
        let fixed: [(String, String)] = [
            ("x a", "a y"), ("a", "b c d e"), ("a b c", "b c d e f"), ("", ""), ("", "a"), ("a", ""),
            ("he hoped there would be stew for dinner", "hello hello"),
            ("a a a a", "a a"), ("a b a b a b", "b a b a"), ("e\u{301}", "é"), ("a\tb c", "a b c"),
        ]
        pairs += fixed.map { [$0.0, $0.1] }
        while pairs.count < 3000 {
            let vocabSize = gen.int(1...6)
            var vocab: [String] = []
            for _ in 0..<vocabSize {
                switch gen.int(0...3) {
                case 0: vocab.append(gen.pick(RandomText.englishWords))
                case 1: vocab.append(gen.pick(RandomText.cjkWords))
                case 2: vocab.append(gen.pick(RandomText.oddChars))
                default: vocab.append(gen.pick(RandomText.punctuation))
                }
            }
            // Mostly sentence-sized; some long enough for rapidfuzz's multi-word bit vectors.
            let long = gen.chance(0.08)
            let n = long ? gen.int(60...200) : gen.int(0...25)
            let m = long ? gen.int(40...220) : gen.int(0...25)
            var ref = gen.wordSentence(vocabulary: vocab, count: n)
            var hyp: String
            if gen.chance(0.5) {
                // A noisy copy: realistic hypotheses share most words with the reference.
                var w = ref.split(separator: " ").map(String.init)
                for _ in 0..<gen.int(0...5) where !w.isEmpty {
                    let k = gen.int(0...(w.count - 1))
                    switch gen.int(0...2) {
                    case 0: w.remove(at: k)
                    case 1: w[k] = gen.pick(vocab)
                    default: w.insert(gen.pick(vocab), at: k)
                    }
                }
                hyp = w.joined(separator: " ")
            } else {
                hyp = gen.wordSentence(vocabulary: vocab, count: m)
            }
            if gen.chance(0.05) { ref = gen.mixed(maxPieces: 30) }
            if gen.chance(0.05) { hyp = gen.mixed(maxPieces: 30) }
            pairs.append([ref, hyp])
        }
        let script = pythonFloatBits + """
        import json, sys, jiwer
        pairs = json.load(sys.stdin)
        out = []
        for r, h in pairs:
            o = jiwer.process_words(r, h)
            out.append([o.substitutions, o.deletions, o.insertions, o.hits])
        refs = [p[0] for p in pairs]; hyps = [p[1] for p in pairs]
        corpus = jiwer.wer(refs, hyps)
        print(json.dumps({"pairs": out, "wer": fbits(corpus)}))
        """
        let result = try #require(try PythonJSON.run(script, input: pairs) as? [String: Any])
        let expected = try #require(result["pairs"] as? [[Int]])
        try #require(expected.count == pairs.count)
        var total = WordErrorStats.zero
        var mismatches = 0
        for (k, pair) in pairs.enumerated() {
            let s = WordErrorStats.measure(reference: pair[0], hypothesis: pair[1])
            total += s
            let e = expected[k]
            let got = [s.substitutions, s.deletions, s.insertions, s.hits]
            if got != e {
                mismatches += 1
                if mismatches <= 10 { Issue.record("pair \(k) \(pair.debugDescription): got \(got), jiwer \(e)") }
            }
            #expect(s.referenceWords == s.hits + s.substitutions + s.deletions)
            let split = WordErrorStats.measure(referenceWords: JiwerWords.split(pair[0].py), hypothesisWords: JiwerWords.split(pair[1].py))
            #expect(split == s)
        }
        #expect(mismatches == 0)
        #expect(total.wordErrorRate == doubleFromBits(result["wer"]))
    }
}
