import Foundation
import Testing
@testable import Warehouse

@Suite struct CaptionTokenizerTests {
    /// SCORING.md §8.4 vectors (run upstream), tokenised as one batch.
    @Test func specVectors() throws {
        let tokenizer = PTBTokenizer(toolchain: try SharedCaption.toolchain())
        let vectors: [(String, String)] = [
            ("A dog barks loudly.", "a dog barks loudly"),
            ("Can't stop (the) \"music\" -- it's 3.5 o'clock!", "ca n't stop -lrb- the -rrb- music it 's 3.5 o'clock"),
            ("Wind & rain; birds' chirps... Hello?", "wind & rain birds chirps hello"),
            ("“Curly” quotes — dash", "curly quotes dash"),
            ("ÉCOLE naïve", "école naïve"),
            ("e-mail well-known", "e-mail well-known"),
            ("", ""),
        ]
        let output = try tokenizer.tokenize(vectors.map(\.0))
        #expect(output == vectors.map(\.1))
        // Trailing empty sentences keep their lines too. A single letter before a period is an
        // initial to PTB, so the period stays attached and is not dropped.
        let trailing = try tokenizer.tokenize(["A dog barks.", "A b.", "", ""])
        #expect(trailing == ["a dog barks", "a b.", "", ""])
        #expect(try tokenizer.tokenize([]) == [])
    }

    @Test func droppedTokensAreCaseSensitive() {
        #expect(PTBTokenizer.dropPunctuation("-lrb- x -LRB- . ... -- , : ; ! ? `` '' ` '".py) == "-lrb- x")
        #expect(PTBTokenizer.droppedTokens.count == 17)
    }

    @Test func lineFeedIsRejectedBeforeTokenising() throws {
        let tokenizer = PTBTokenizer(toolchain: try SharedCaption.toolchain())
        let error = #expect(throws: PTBTokenizerError.self) { try tokenizer.tokenize(["fine", "two\nlines"]) }
        guard case .lineBreakInSentence(let index, _) = error else {
            Issue.record("expected lineBreakInSentence, got \(String(describing: error))")
            return
        }
        #expect(index == 1)
    }

    @Test(arguments: ["a\rb", "a\u{0B}b", "a\u{0C}b", "a\u{2028}b"])
    func otherLineSeparatorsFailTheLineCount(_ sentence: String) throws {
        let tokenizer = PTBTokenizer(toolchain: try SharedCaption.toolchain())
        let error = #expect(throws: PTBTokenizerError.self) { try tokenizer.tokenize(["x", sentence]) }
        guard case .lineCountMismatch(let expected, let found) = error else {
            Issue.record("expected lineCountMismatch, got \(String(describing: error))")
            return
        }
        #expect(expected == 2 && found == 3)
    }

    @Test func nextLineDoesNotSplit() throws {
        let tokenizer = PTBTokenizer(toolchain: try SharedCaption.toolchain())
        #expect(try tokenizer.tokenize(["a\u{85}b", "c"]).count == 2)
    }

    @Test func fDimensionCleaning() {
        let clean = CaptionCleaning.lineBreaksToSpaces
        #expect(clean.apply(" a\nb\r\n\rc\u{2028}\u{2029}d\u{0B}\u{0C}e\u{85} ") == "a b   c d e")
        #expect(clean.apply("\u{A0}x\u{3000}") == "x")
        #expect(CaptionCleaning.none.apply(" a\nb ") == " a\nb ")
    }
}
