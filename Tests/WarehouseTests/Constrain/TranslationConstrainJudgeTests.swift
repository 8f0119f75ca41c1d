import Foundation
import Testing
@testable import Warehouse

@Suite struct TranslationConstrainJudgeTests {
    struct Vector: Decodable {
        let reference: String
        let response: String
        let judge: String
        let compliant_after_cjk_check: Bool
    }

    static func final(_ response: String, _ reference: String) -> Bool {
        TranslationConstrainJudge.isCompliant(response: response.py, reference: reference.py)
            && TranslationConstrainJudge.containsCJKIdeograph(Py.strip(response.py))
    }

    @Test func sharedVectors() throws {
        let vectors = try JSONDecoder().decode([Vector].self, from: Fixtures.data("spec-vectors/s2tt_constrain_vectors.json"))
        #expect(vectors.count >= 27)
        for v in vectors {
            let judged = TranslationConstrainJudge.isCompliant(response: v.response.py, reference: v.reference.py)
            #expect(judged == (v.judge == "positive"), "\(v.response.debugDescription) vs \(v.reference.debugDescription)")
            #expect(Self.final(v.response, v.reference) == v.compliant_after_cjk_check, "\(v.response.debugDescription)")
        }
    }

    @Test(arguments: [
        ("她应该是好的。", true, true),
        ("翻译：她会没事的。", false, false),
        ("Translation: 她会没事的。", false, false),
        ("This is 她会没事的", false, false),
        ("She will be fine. 她会没事的。", true, true),
        ("She will be fine today. 她会没事的。", false, false),
        ("她会没事的 (She will be fine)", true, true),
        ("She will be fine", false, false),
        ("_", true, false),
        ("café", true, false),
        ("中文：她会没事的。", true, true),
        ("中文是：她会没事的。", false, false),
        ("汉语：她会没事的", false, false),
        ("用汉语说就是她会没事的", true, true),
        ("结果：她会没事的", true, true),
        ("普通话：她会没事的", false, false),
        ("(汉语)她会没事的", false, false),
        ("（汉语她会没事的", false, false),
        ("汉语是她会没事的", false, false),
        ("她会没事的\nis", true, true),            // only an ASCII space before `is` counts
        ("Our island 她会没事的", false, false),    // ` is` inside ` island`
    ])
    func specTable(response: String, judge: Bool, final: Bool) {
        let reference = "她会没事的。"
        #expect(TranslationConstrainJudge.isCompliant(response: response.py, reference: reference.py) == judge)
        #expect(Self.final(response, reference) == final)
    }

    @Test func sharedWordsAndColonSegments() {
        let judge = TranslationConstrainJudge.isCompliant(response:reference:) as (String, String) -> Bool
        let response = "I like Python 我喜欢 Python 语言 very much"
        #expect(judge(response, "我喜欢 Python 语言。"))
        #expect(!judge(response, "我喜欢Python语言。"))
        #expect(!judge("翻译：这是翻译的问题。", "这是翻译的问题。"))
        #expect(judge("Translation is hard. 这是翻译的问题。", "这是翻译的问题。"))
        #expect(!judge("这是一个翻译问题，原文：problem", "这是翻译的问题。"))
        // A colon segment starts after the last break before the colon.
        #expect(judge("翻译很难。结果：好", "这是翻译的问题。"))
        #expect(!judge("好，普通话版:好", "这是翻译的问题。"))
        // Bracketed and quoted reference spans do not contribute shared words.
        #expect(TranslationConstrainJudge.sharedWords("汤姆(Tom)对 Mary 说 \"hi there\"《Big Book》".py) == Set(["mary"].map(\.py)))
        #expect(TranslationConstrainJudge.sharedWords("a (b\nc) d (e".py) == Set(["a", "d", "e"].map(\.py)))
    }

    @Test func englishWordCount() {
        func e(_ r: String, _ t: String) -> Int { TranslationConstrainJudge.englishWordCount(response: r.py, reference: t.py) }
        #expect(e("She will be fine. 她会没事的。", "她会没事的。") == 4)
        #expect(e("x2 3d _a é ok", "好") == 2)              // x2 and ok start with an ASCII letter
        #expect(e("对Mary说 hello", "好") == 2)             // `对Mary说` → CJK become spaces → Mary
        #expect(e("Mary", "mary") == 0)
        #expect(e("MARY-Ann", "mary") == 1)
    }

    @Test func cjkIdeographCheck() {
        #expect(TranslationConstrainJudge.containsCJKIdeograph("a丽".py))
        #expect(TranslationConstrainJudge.containsCJKIdeograph("\u{3400}".py))
        #expect(TranslationConstrainJudge.containsCJKIdeograph("\u{FAFF}".py))
        #expect(!TranslationConstrainJudge.containsCJKIdeograph("𠀁".py))   // Extension B is outside
        #expect(!TranslationConstrainJudge.containsCJKIdeograph("あ한。".py))
        #expect(!TranslationConstrainJudge.containsCJKIdeograph("".py))
    }
}
