import Foundation
import Testing
@testable import Warehouse

/// The hand-written scanners of the two judges against the rules written with Python's own
/// `re` and `str` (the spec quotes the regular expressions), on generated and adversarial
/// inputs. jieba is replaced by the emptiness test the spec proves equivalent (§5.4.1 C).
@Suite struct ConstrainJudgeDifferentialTests {
    static let translationOracle = """
    import json, sys, re
    base = ["mandarin", "chinese", "translation", "中文是", "普通话版本", "汉语", "翻译", "译文", "原文", "译成", "翻成",
            "翻译成", "翻译为", "译为", "翻成", " is"]
    K = list(base)
    for suffix in [":", "：", "是", ")"]:
        K += [b + suffix for b in base]
    K += ["(" + b for b in base]
    K += [b + "）" for b in base]
    K += ["（" + b for b in base]
    K += ["中文翻译", "普通话翻译", "汉语翻译"]
    K.remove("汉语")
    assert len(K) == 130
    Q = ["mandarin", "chinese", "translation", "普通话", "汉语", "翻译", "译文", "原文", "译成", "翻成", "翻译成", "翻译为", "译为"]
    WORD = r"\\b[a-zA-Z]+\\b"
    def judge(r, t):
        if any(k in r.lower() for k in K) and not any(k in t.lower() for k in K):
            return False
        s = t
        for p in [r"《[^》]*》", r"（[^）]*）", r"\\([^)]*\\)", r'"[^"]*"']:
            s = re.sub(p, "", s)
        s = re.sub(r"\\s+", " ", s).strip().lower()
        shared = set(re.findall(WORD, s))
        x = re.sub(WORD, lambda m: "" if m.group().lower() in shared else m.group(), r)
        x = re.sub(r"\\s+", " ", x).strip()
        x = re.sub(r"[^\\w\\s]", " ", re.sub(r"[\\u4e00-\\u9fff]", " ", x))
        e = sum(1 for w in x.split() if re.match(r"[a-zA-Z]", w))
        c = re.sub(r"[a-zA-Z0-9\\s\\W]", "", r) != ""
        f = False
        for m in re.finditer(r"[：:]", r):
            before = list(re.finditer(r"[。！？；，、：:!?.;,]", r[:m.start()]))
            seg = r[(before[-1].end() if before else 0):m.start() + 1].strip()
            if any(q in seg.lower() for q in Q):
                f = True
        return c and e < 5 and not f
    cjk = re.compile(r"[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]")
    out = [[judge(r, t), bool(cjk.search(r))] for r, t in json.load(sys.stdin)]
    print(json.dumps(out))
    """

    @Test func translationJudgeMatchesPythonRegexRules() throws {
        var gen = RandomText(seed: 0x5217_0001)
        let keywords = ["Translation", "translation:", "Chinese", "MANDARIN", " is ", "This is", "island", "中文是",
                        "普通话版本", "普通话：", "汉语", "汉语:", "(汉语", "（汉语）", "翻译", "译文：", "原文:", "译成",
                        "翻成", "译为", "结果：", "中文：", ":", "：", "《书名 Title》", "（注：note）", "(Tom)", "\"quoted words\"",
                        "\"", "(", "）", "对Mary说", "Kelvin", "İs", "x2", "_a"]
        var cases: [[String]] = [["她会没事的。", "她会没事的。"], ["", ""], ["_", "好"], ["a:b:c", ""], ["：", "翻译"]]
        while cases.count < 4000 {
            func piece() -> String {
                switch gen.int(0...5) {
                case 0, 1: return gen.chineseSentence(maxChars: 12)
                case 2: return gen.pick(keywords)
                case 3: return (0..<gen.int(1...7)).map { _ in gen.pick(RandomText.englishWords) }.joined(separator: " ")
                case 4: return gen.pick(RandomText.punctuation) + gen.pick(RandomText.whitespace)
                default: return gen.mixed(maxPieces: 6)
                }
            }
            let reference = (0..<gen.int(1...4)).map { _ in piece() }.joined()
            var response = (0..<gen.int(0...5)).map { _ in piece() }.joined(separator: gen.pick(["", " ", "\n"]))
            if gen.chance(0.3) { response = reference + " " + response }
            cases.append([response, reference])
        }
        let expected = try #require(try PythonJSON.run(Self.translationOracle, input: cases) as? [[Bool]])
        try #require(expected.count == cases.count)
        var mismatches = 0, compliant = 0
        for (k, c) in cases.enumerated() {
            let got = [TranslationConstrainJudge.isCompliant(response: c[0].py, reference: c[1].py),
                       TranslationConstrainJudge.containsCJKIdeograph(c[0].py)]
            if got[0] { compliant += 1 }
            if got != expected[k] {
                mismatches += 1
                if mismatches <= 10 { Issue.record("response \(c[0].debugDescription) reference \(c[1].debugDescription): got \(got), python \(expected[k])") }
            }
        }
        #expect(mismatches == 0)
        #expect(compliant > 500 && compliant < cases.count - 500)
    }

    static let asrOracle = """
    import json, sys, re, string
    BLACK = ["the speaker", "the audio", "the spoken content", "summary:", "the sentence"]
    def P(x):
        x = x.lower()
        x = re.sub("[" + re.escape(string.punctuation) + "]", "", x)
        return re.sub(r"\\s+", " ", x).strip().split()
    def dp(ref, hyp):
        n, m = len(ref), len(hyp)
        cost = [[0] * (m + 1) for _ in range(n + 1)]
        op = [[None] * (m + 1) for _ in range(n + 1)]
        for i in range(1, n + 1): cost[i][0] = i; op[i][0] = "D"
        for j in range(1, m + 1): cost[0][j] = j; op[0][j] = "I"
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                if ref[i - 1] == hyp[j - 1]:
                    cost[i][j] = cost[i - 1][j - 1]; op[i][j] = "M"
                else:
                    s, ins, d = cost[i - 1][j - 1] + 1, cost[i][j - 1] + 1, cost[i - 1][j] + 1
                    cost[i][j] = min(s, ins, d)
                    op[i][j] = "S" if cost[i][j] == s else ("I" if cost[i][j] == ins else "D")
        i, j, S, D, I = n, m, 0, 0, 0
        while i > 0 or j > 0:
            o = op[i][j]
            if o in "MS":
                S += o == "S"; i -= 1; j -= 1
            elif o == "I":
                I += 1; j -= 1
            else:
                D += 1; i -= 1
        return S, D, I
    def repeated(r):
        w = re.sub(r"[^\\w\\s]", " ", r).lower().split()
        k = len(w)
        return k >= 2 and any(k % u == 0 and w[:u] * (k // u) == w for u in range(1, k // 2 + 1))
    out = []
    for r, t in json.load(sys.stdin):
        ref = P(t)
        S, D, I = dp(ref, P(r))
        n = len(ref)
        w = (S + D + I) / n if n else 0.0
        ok = w < 1 and I < 3 and not any(b in r.lower() for b in BLACK) and not repeated(r)
        out.append([ok, S, D, I, n, repeated(r)])
    print(json.dumps(out))
    """

    @Test func asrJudgeMatchesPythonRules() throws {
        var gen = RandomText(seed: 0xA5A5_0002)
        var cases: [[String]] = [["", ""], ["hey hey", "hey"], ["The Speaker", "the speaker"]]
        let vocabulary = ["he", "hoped", "there", "would", "be", "stew", "for", "dinner", "He", "DINNER", "stew.", "don't",
                          "dont", "the", "audio", "speaker", "summary:", "sentence", "ſ", "İ", "ǅ", "x_y", "a-b", "猫", "é", "e\u{301}"]
        while cases.count < 3000 {
            let vocab = (0..<gen.int(2...8)).map { _ in gen.pick(vocabulary) }
            let reference = gen.wordSentence(vocabulary: vocab, count: gen.int(0...14))
            var response: String
            switch gen.int(0...3) {
            case 0:
                response = reference + " " + reference
            case 1:
                response = gen.mixed(maxPieces: 12)
            default:
                response = gen.wordSentence(vocabulary: vocab + [gen.pick(vocabulary)], count: gen.int(0...16))
            }
            if gen.chance(0.1) { response += gen.pick(RandomText.punctuation) }
            cases.append([response, reference])
        }
        let expected = try #require(try PythonJSON.run(Self.asrOracle, input: cases) as? [[Any]])
        try #require(expected.count == cases.count)
        var mismatches = 0, compliant = 0, repeated = 0
        for (k, c) in cases.enumerated() {
            let v = ASRConstrainJudge.judge(response: c[0].py, reference: c[1].py)
            let isRepeated = ASRConstrainJudge.isRepeatedSentence(c[0].py)
            let e = expected[k]
            let ok = (e[0] as? Bool) == v.compliant && (e[1] as? Int) == v.substitutions && (e[2] as? Int) == v.deletions
                && (e[3] as? Int) == v.insertions && (e[4] as? Int) == v.referenceWords && (e[5] as? Bool) == isRepeated
            if v.compliant { compliant += 1 }
            if isRepeated { repeated += 1 }
            if !ok {
                mismatches += 1
                if mismatches <= 10 { Issue.record("response \(c[0].debugDescription) reference \(c[1].debugDescription): got \(v) \(isRepeated), python \(e)") }
            }
        }
        #expect(mismatches == 0)
        #expect(compliant > 300 && repeated > 300)
    }
}
