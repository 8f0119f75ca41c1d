import Foundation
import Testing
@testable import Warehouse

@Suite struct BLEUTests {
    static func line(_ s: String) -> String { String(py: ZhTokenizer.tokenizedLine(s.py)) }

    @Test func tokenizerSpecVectors() {
        #expect(Self.line("她会没事的。") == "她 会 没 事 的 。")
        #expect(Self.line("Hello, world! 3.14 dogs-cats 5-6") == "Hello , world ! 3.14 dogs-cats 5 - 6")
        #expect(Self.line("e.g.,a.b") == "e . g . , a . b")
        #expect(Self.line("她说：\"OK\"") == "她 说 ： \" OK \"")
        #expect(Self.line("ＡＢＣ１２") == "Ａ Ｂ Ｃ １ ２")
        #expect(Self.line("I'm 100% sure.") == "I'm 100 % sure .")
        #expect(Self.line("x\u{3000}y") == "x y")
        #expect(Self.line("a\u{2001}b") == "a b")
        #expect(Self.line("“你好”，他说。") == "“ 你 好 ” ， 他 说 。")
        #expect(Self.line("a—b…c") == "a — b … c")
        #expect(Self.line("𠀁x") == "𠀁x")
        #expect(Self.line("a⩭b⩮c") == "a ⩭ b⩮c")
    }

    @Test func workedExamplesOfTheSpec() {
        let prefix = BLEUScore(BLEUStats.segment(hypothesis: "她会好的。", references: ["她会没事的。"]))
        #expect(Rounding.py(prefix.score, 2) == 24.74)
        #expect(prefix.precisions[0] == 80 && prefix.precisions[1] == 50)
        #expect(prefix.systemLength == 5 && prefix.referenceLength == 6)
        let upstream = BLEUScore(BLEUStats.segment(hypothesis: "她应该是好的。", references: ["她会没事的。"]))
        #expect(Rounding.py(upstream.score, 2) == 14.54)
        // Nothing matches: score 0, precisions 0, BP still computed.
        let none = BLEUScore(BLEUStats.segment(hypothesis: "", references: ["她会没事的。"]))
        #expect(none.score == 0 && none.brevityPenalty == 0 && none.precisions == [0, 0, 0, 0])
    }

    @Test func closestReferenceLengthPrefersTheShorterOnTies() {
        // Hypothesis of 3 tokens, references of 2 and 4 tokens: equally close → 2.
        let s = BLEUStats.segment(hypothesis: "一 二 三", references: ["一 二 三 四", "一 二"])
        #expect(s.referenceLength == 2)
        #expect(s.correct == [3, 2, 1, 0])
        // Clipping uses the largest count in a single reference, not the sum.
        let c = BLEUStats.segment(hypothesis: "好 好 好", references: ["好", "好 好"])
        #expect(c.correct[0] == 2)
        // The pre-tokenized entry point agrees with the string one.
        let h = "他说：“今天 3.5 度，OK?”", r = ["他说今天3.5度。", "今天 三 度 OK"]
        #expect(BLEUStats.segment(hypothesisTokens: ZhTokenizer.tokenize(h.py), referenceTokens: r.map { ZhTokenizer.tokenize($0.py) })
                == BLEUStats.segment(hypothesis: h, references: r))
    }

    /// The tokenizer against sacreBLEU's `TokenizerZh` on generated and adversarial strings.
    @Test func tokenizerMatchesSacreBLEU() throws {
        var gen = RandomText(seed: 0x2001_2A6D)
        var inputs = ["", " ", "\u{3000}", "a", "...", ",,", "1.2.3", "1-2-3", "a-1", "1,000.5", ".5", "5.", "a.,b",
                      String(repeating: "长", count: 5000), String(repeating: "ab.", count: 2000)]
        for v in stride(from: 0x1FF0, through: 0x2FB0, by: 1) { if let u = Unicode.Scalar(v) { inputs.append("x\(u)y") } }
        while inputs.count < 6000 {
            switch gen.int(0...2) {
            case 0: inputs.append(gen.chineseSentence(maxChars: 40))
            case 1: inputs.append(gen.mixed(maxPieces: 40))
            default:
                var s = ""
                for _ in 0..<gen.int(0...30) { s += gen.randomScalar() }
                inputs.append(s)
            }
        }
        let script = """
        import json, sys
        from sacrebleu.tokenizers.tokenizer_zh import TokenizerZh
        tok = TokenizerZh()
        print(json.dumps([tok(s) for s in json.load(sys.stdin)]))
        """
        let expected = try #require(try PythonJSON.run(script, input: inputs) as? [String])
        try #require(expected.count == inputs.count)
        var mismatches = 0
        for (k, s) in inputs.enumerated() where !Self.line(s).unicodeScalars.elementsEqual(expected[k].unicodeScalars) {
            mismatches += 1
            if mismatches <= 10 { Issue.record("\(s.debugDescription): got \(Self.line(s).debugDescription), sacreBLEU \(expected[k].debugDescription)") }
        }
        #expect(mismatches == 0)
    }

    /// Generated corpora against `sacrebleu.corpus_bleu(..., tokenize="zh")`: every statistic
    /// and every double, bit for bit.
    @Test func corpusBLEUMatchesSacreBLEU() throws {
        var gen = RandomText(seed: 0xB1E0_0004)
        // More distinct tokens than the packed n-gram keys hold: the dictionary fallback.
        let many = (0..<40_000).map { "w\($0)" }
        var corpora: [[String: Any]] = [
            ["hyps": [many.shuffled(using: &gen.rng).joined(separator: " ")], "refs": [[many.joined(separator: " ")]]],
            ["hyps": [many.prefix(30_000).joined(separator: " ") + " 猫 猫"], "refs": [[many.joined(separator: " ") + " 猫"], ["猫 猫"]]],
        ]
        while corpora.count < 2500 {
            let segments = corpora.count < 1500 ? 1 : gen.int(1...12)
            let streams = gen.int(1...3)
            var hyps: [String] = []
            var refs = [[String]](repeating: [], count: streams)
            for _ in 0..<segments {
                let ref = gen.chineseSentence(maxChars: 25)
                for k in 0..<streams {
                    refs[k].append(k == 0 || gen.chance(0.3) ? ref : gen.chineseSentence(maxChars: 25))
                }
                switch gen.int(0...5) {
                case 0: hyps.append("")
                case 1: hyps.append(gen.mixed(maxPieces: 20))
                case 2: hyps.append(gen.chineseSentence(maxChars: 30))
                default:
                    // A perturbed copy of the reference: the realistic case, with many matches.
                    var chars = Array(ref.unicodeScalars)
                    for _ in 0..<gen.int(0...4) where !chars.isEmpty {
                        let i = gen.int(0...(chars.count - 1))
                        if gen.chance(0.5) { chars.remove(at: i) } else { chars.insert(contentsOf: gen.pick(RandomText.cjkWords).unicodeScalars, at: i) }
                    }
                    hyps.append(String(py: chars) + (gen.chance(0.2) ? gen.pick(RandomText.whitespace) : ""))
                }
            }
            corpora.append(["hyps": hyps, "refs": refs])
        }
        let script = pythonFloatBits + """
        import json, sys, sacrebleu
        out = []
        for c in json.load(sys.stdin):
            b = sacrebleu.corpus_bleu(c["hyps"], c["refs"], tokenize="zh")
            out.append({"score": fbits(b.score), "p": [fbits(p) for p in b.precisions], "bp": fbits(b.bp),
                        "sys": b.sys_len, "ref": b.ref_len, "counts": list(b.counts), "totals": list(b.totals)})
        print(json.dumps(out))
        """
        let expected = try #require(try PythonJSON.run(script, input: corpora) as? [[String: Any]])
        try #require(expected.count == corpora.count)
        var mismatches = 0
        var positive = 0, smoothed = 0, short = 0
        for (k, corpus) in corpora.enumerated() {
            let hyps = corpus["hyps"] as! [String], refs = corpus["refs"] as! [[String]]
            var stats = BLEUStats.zero
            for (i, h) in hyps.enumerated() { stats += BLEUStats.segment(hypothesis: h, references: refs.map { $0[i] }) }
            let b = BLEUScore(stats)
            if b.score > 0 { positive += 1 }
            if b.score > 0, zip(b.counts, b.totals).contains(where: { $0 == 0 && $1 > 0 }) { smoothed += 1 }
            if b.brevityPenalty < 1 { short += 1 }
            let e = expected[k]
            let ok = b.score.bitPattern == doubleFromBits(e["score"])?.bitPattern
                && b.precisions.map(\.bitPattern) == (e["p"] as? [Any] ?? []).compactMap { doubleFromBits($0)?.bitPattern }
                && b.brevityPenalty.bitPattern == doubleFromBits(e["bp"])?.bitPattern
                && b.systemLength == e["sys"] as? Int && b.referenceLength == e["ref"] as? Int
                && b.counts == e["counts"] as? [Int] && b.totals == e["totals"] as? [Int]
            if !ok {
                mismatches += 1
                if mismatches <= 10 { Issue.record("corpus \(k) \(corpus): got \(b), sacreBLEU \(e)") }
            }
        }
        #expect(mismatches == 0)
        // Default and explicit sequential summation are the same thing.
        #expect(BLEUScore(BLEUStats.segment(hypothesis: "她会好的。", references: ["她会没事的。"]), logSum: .sequential).score
                == BLEUScore(BLEUStats.segment(hypothesis: "她会好的。", references: ["她会没事的。"])).score)
        // The generated set must exercise every branch of compute_bleu.
        #expect(positive > 1000 && smoothed > 200 && short > 200)
    }
}
