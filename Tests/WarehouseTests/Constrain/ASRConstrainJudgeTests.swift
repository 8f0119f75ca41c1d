import Foundation
import Testing
@testable import Warehouse

@Suite struct ASRConstrainJudgeTests {
    struct Vector: Decodable {
        let reference: String
        let response: String
        let S: Int
        let D: Int
        let I: Int
        let ref_words: Int
        let compliant: Bool
    }

    @Test func sharedVectors() throws {
        let vectors = try JSONDecoder().decode([Vector].self, from: Fixtures.data("spec-vectors/asr_constrain_vectors.json"))
        #expect(vectors.count >= 15)
        for v in vectors {
            let verdict = ASRConstrainJudge.judge(response: v.response.py, reference: v.reference.py)
            #expect(verdict == .init(compliant: v.compliant, substitutions: v.S, deletions: v.D, insertions: v.I, referenceWords: v.ref_words),
                    "\(v.response.debugDescription)")
        }
    }

    static let stew = "HE HOPED THERE WOULD BE STEW FOR DINNER"

    @Test(arguments: [
        ("He hoped there would be stew for dinner.", 0, 0, 0, true),
        ("Transcript: he hoped there would be stew for dinner", 0, 0, 1, true),
        ("The speaker says: he hoped there would be stew for dinner", 0, 0, 3, false),
        ("Sure, here it is: he hoped there would be stew for dinner", 0, 0, 4, false),
        ("he hoped there would be stew for dinner tonight my friend", 0, 0, 3, false),
        ("hello hello", 2, 6, 0, false),
        ("he hoped there would be stew for dinner he hoped there would be stew for dinner", 0, 0, 8, false),
        ("", 0, 8, 0, false),
        ("I cannot transcribe this audio clip because it is silent", 8, 0, 2, false),
        ("Here is the summary: stew", 4, 3, 0, false),
        ("he hoped the audio would be stew for dinner", 1, 0, 1, false),
    ])
    func specTable(response: String, s: Int, d: Int, i: Int, compliant: Bool) {
        let v = ASRConstrainJudge.judge(response: response.py, reference: Self.stew.py)
        let got: [Int] = [v.substitutions, v.deletions, v.insertions]
        #expect(got == [s, d, i])
        #expect(v.compliant == compliant)
    }

    @Test func dpTieBreaking() {
        func sdi(_ r: String, _ h: String) -> [Int] {
            let c = ASRConstrainJudge.editCounts(reference: ASRConstrainJudge.words(r.py), hypothesis: ASRConstrainJudge.words(h.py))
            return [c.substitutions, c.deletions, c.insertions]
        }
        #expect(sdi("x a", "a y") == [2, 0, 0])
        #expect(sdi("a", "b c d e") == [1, 0, 3])
        #expect(sdi("a b c", "b c d e f") == [0, 1, 3])
        #expect(sdi("", "a b") == [0, 0, 2])
        #expect(sdi("a b", "") == [0, 2, 0])
    }

    @Test func ruleDetails() {
        // n = 0: w is 0, so only the other rules apply.
        #expect(ASRConstrainJudge.judge(response: "yes", reference: "...").compliant)
        #expect(!ASRConstrainJudge.judge(response: "a b c", reference: "!").compliant)   // I = 3
        // The blacklist is tested on the raw response, case-insensitively.
        #expect(!ASRConstrainJudge.judge(response: "THE SENTENCE is fine", reference: "the sentence is fine").compliant)
        // Punctuation deletion joins words ("don't" → "dont"); non-ASCII punctuation stays.
        #expect(ASRConstrainJudge.judge(response: "Don't stop.", reference: "DONT STOP").insertions == 0)
        #expect(ASRConstrainJudge.judge(response: "stop。", reference: "STOP").substitutions == 1)
    }

    @Test func repeatedSentence() {
        #expect(ASRConstrainJudge.isRepeatedSentence("hey hey".py))
        #expect(ASRConstrainJudge.isRepeatedSentence("a b a b".py))
        #expect(ASRConstrainJudge.isRepeatedSentence("A dog barks. A dog barks.".py))
        #expect(ASRConstrainJudge.isRepeatedSentence("Dog, DOG!".py))
        #expect(!ASRConstrainJudge.isRepeatedSentence("dog".py))
        #expect(!ASRConstrainJudge.isRepeatedSentence("a b a".py))
        #expect(!ASRConstrainJudge.isRepeatedSentence("a b c a b".py))
        #expect(ASRConstrainJudge.isRepeatedSentence("x_y x_y x_y".py))       // `_` is a word character
        #expect(ASRConstrainJudge.isRepeatedSentence("x-y x.y".py))            // punctuation splits: x y x y
        #expect(ASRConstrainJudge.isRepeatedSentence("猫 猫".py))
        #expect(!ASRConstrainJudge.isRepeatedSentence("猫猫".py))
        #expect(!ASRConstrainJudge.isRepeatedSentence("".py))
    }
}
