// Sufficient statistics of jiwer 4.0's corpus WER (SCORING.md §8.1).
//
// Corpus WER is a micro-average, so a variation's score is the sum of per-pair statistics; the
// S/D/I split follows jiwer's `process_words` (see EditAlignment) so the statistics can be
// compared one to one with jiwer, although only the distance enters the WER.

public struct WordErrorStats: Sendable, Hashable {
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var hits: Int
    public var referenceWords: Int

    public init(substitutions: Int = 0, deletions: Int = 0, insertions: Int = 0, hits: Int = 0, referenceWords: Int = 0) {
        self.substitutions = substitutions
        self.deletions = deletions
        self.insertions = insertions
        self.hits = hits
        self.referenceWords = referenceWords
    }

    public static let zero = WordErrorStats()

    /// S + D + I: the word-level Levenshtein distance.
    public var errors: Int { substitutions + deletions + insertions }

    /// jiwer 4.0's `wer`: errors / reference words, or the raw insertion count when every
    /// reference is empty (§8.1.4).
    public var wordErrorRate: Double {
        if referenceWords == 0 { return Double(insertions) }
        return Double(errors) / Double(hits + substitutions + deletions)
    }

    public static func + (a: WordErrorStats, b: WordErrorStats) -> WordErrorStats {
        WordErrorStats(
            substitutions: a.substitutions + b.substitutions,
            deletions: a.deletions + b.deletions,
            insertions: a.insertions + b.insertions,
            hits: a.hits + b.hits,
            referenceWords: a.referenceWords + b.referenceWords)
    }

    public static func += (a: inout WordErrorStats, b: WordErrorStats) { a = a + b }

    /// Statistics of one pair after jiwer's default transform.
    public static func measure(reference: PyString, hypothesis: PyString) -> WordErrorStats {
        var table = TokenTable(capacity: 64)
        JiwerWords.split(reference, into: &table)
        let referenceCount = table.count
        JiwerWords.split(hypothesis, into: &table)
        let ids = table.ids()
        let c = ids.withUnsafeBufferPointer { p in
            EditAlignment.rapidfuzzCounts(
                UnsafeBufferPointer(rebasing: p[0..<referenceCount]), UnsafeBufferPointer(rebasing: p[referenceCount...]))
        }
        return WordErrorStats(
            substitutions: c.substitutions, deletions: c.deletions, insertions: c.insertions,
            hits: c.hits, referenceWords: referenceCount)
    }

    public static func measure(reference: String, hypothesis: String) -> WordErrorStats {
        measure(reference: reference.py, hypothesis: hypothesis.py)
    }

    /// Statistics of one pair of already split word lists (compared by exact code points).
    public static func measure(
        referenceWords ref: [ArraySlice<Unicode.Scalar>], hypothesisWords hyp: [ArraySlice<Unicode.Scalar>]
    ) -> WordErrorStats {
        var ids: [ArraySlice<Unicode.Scalar>: Int32] = [:]
        ids.reserveCapacity(ref.count + hyp.count)
        func intern(_ w: ArraySlice<Unicode.Scalar>) -> Int32 {
            if let id = ids[w] { return id }
            let id = Int32(ids.count)
            ids[w] = id
            return id
        }
        let r = ref.map(intern)
        let h = hyp.map(intern)
        let c = EditAlignment.rapidfuzzCounts(reference: r, hypothesis: h)
        return WordErrorStats(
            substitutions: c.substitutions, deletions: c.deletions, insertions: c.insertions,
            hits: c.hits, referenceWords: r.count)
    }

    /// Corpus statistics of parallel lists (jiwer's `process_words` on lists).
    public static func corpus(references: [PyString], hypotheses: [PyString]) -> WordErrorStats {
        precondition(references.count == hypotheses.count, "reference and hypothesis counts differ")
        var total = WordErrorStats.zero
        for (r, h) in zip(references, hypotheses) { total += measure(reference: r, hypothesis: h) }
        return total
    }
}

/// jiwer's `wer_default` transform: `RemoveMultipleSpaces` (`\s\s+` → one space), `Strip`,
/// split on the ASCII space dropping empty pieces. A single non-space whitespace character
/// between two words (a lone tab) therefore stays inside the word.
public enum JiwerWords {
    public static func split(_ s: PyString) -> [ArraySlice<Unicode.Scalar>] {
        var words: [ArraySlice<Unicode.Scalar>] = []
        forEachWord(s) { words.append(s[$0]) }
        return words
    }

    static func split(_ s: PyString, into table: inout TokenTable) {
        forEachWord(s) { table.append(s[$0]) }
    }

    @inline(__always)
    static func forEachWord(_ s: PyString, _ body: (Range<Int>) -> Void) {
        var lo = 0, hi = s.count
        while lo < hi, Py.isSpace(s[lo]) { lo += 1 }
        while hi > lo, Py.isSpace(s[hi - 1]) { hi -= 1 }
        var start = lo, i = lo
        while i < hi {
            let c = s[i]
            if Py.isSpace(c) {
                var j = i + 1
                while j < hi, Py.isSpace(s[j]) { j += 1 }
                if j - i >= 2 || c == " " {
                    if i > start { body(start..<i) }
                    start = j
                }
                i = j
            } else {
                i += 1
            }
        }
        if hi > start { body(start..<hi) }
    }
}
