/// ROUGE-L with β = 1.2 as aac-metrics 0.6 computes it (SCORING.md §8.6), on PTB-tokenised
/// strings split on whitespace.
public enum ROUGEL {
    public static let beta = 1.2

    /// Sentence score of one candidate against its references. Throws where Python raises:
    /// an empty reference divides by zero.
    public static func sentence(candidate: String, references: [String]) throws -> Double {
        guard !references.isEmpty else { throw CaptionMetricError.noReferences }
        let cand = Py.splitWhitespace(candidate.py)
        if cand.isEmpty { return 0 }
        var precisionMax = -Double.infinity, recallMax = -Double.infinity
        for reference in references {
            let ref = Py.splitWhitespace(reference.py)
            guard !ref.isEmpty else { throw CaptionMetricError.emptyReference(reference) }
            let lcs = Double(longestCommonSubsequence(ref, cand))
            precisionMax = max(precisionMax, lcs / Double(cand.count))
            recallMax = max(recallMax, lcs / Double(ref.count))
        }
        let beta2 = beta * beta
        guard precisionMax != 0, recallMax != 0 else { return 0 }
        return ((1 + beta2) * precisionMax * recallMax) / (recallMax + beta2 * precisionMax)
    }

    /// Corpus score: NumPy mean of the sentence scores.
    public static func corpus(_ sentences: [Double]) -> Double {
        NumpySum.mean(sentences)
    }

    static func longestCommonSubsequence(_ a: [PyString], _ b: [PyString]) -> Int {
        if a.isEmpty || b.isEmpty { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for j in 1...b.count {
                current[j] = x == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
