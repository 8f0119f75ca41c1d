import Foundation

/// CIDEr-D (n = 4, σ = 6, ×10) as aac-metrics 0.6 computes it (SCORING.md §8.6), on PTB-tokenised
/// strings split on whitespace. Document frequencies come from the references of all pairs
/// scored together, so a pair's score depends on its whole grouping.
///
/// Arithmetic follows the Python code operation by operation (n-grams in first-occurrence
/// order, `pow(e, x)` for the length penalty, NumPy's pairwise mean) so results are bit-identical.
public enum CIDErD {
    public static let n = 4
    public static let sigma = 6.0
    static let scale = 10.0
    /// `np.e`
    static let e = 2.718281828459045

    /// Sentence scores and their NumPy mean. Throws where aac-metrics raises: fewer than two
    /// pairs, or no reference n-gram at all.
    public static func score(candidates: [String], references: [[String]]) throws -> (sentences: [Double], corpus: Double) {
        precondition(candidates.count == references.count, "one reference list per candidate")
        guard candidates.count > 1 else { throw CaptionMetricError.tooFewPairs(candidates.count) }
        var vocabulary = Vocabulary()
        let cookedCandidates = candidates.map { NgramCounts(vocabulary.ids($0)) }
        let cookedReferences = references.map { refs in refs.map { NgramCounts(vocabulary.ids($0)) } }

        var documentFrequency: [[Int]: Int] = [:]
        for refs in cookedReferences {
            var seen = Set<[Int]>()
            for ref in refs { for entry in ref.entries { seen.insert(entry.ngram) } }
            for ngram in seen { documentFrequency[ngram, default: 0] += 1 }
        }
        guard !documentFrequency.isEmpty else { throw CaptionMetricError.noReferenceNgrams }

        let logPairs = log(Double(cookedReferences.count))
        var sentences: [Double] = []
        sentences.reserveCapacity(candidates.count)
        for (cand, refs) in zip(cookedCandidates, cookedReferences) {
            let candVector = TfIdf(cand, logPairs: logPairs, documentFrequency: documentFrequency)
            var perN = [Double](repeating: 0, count: n)
            for ref in refs {
                let refVector = TfIdf(ref, logPairs: logPairs, documentFrequency: documentFrequency)
                let sim = similarity(candVector, refVector)
                for i in 0..<n { perN[i] += sim[i] }
            }
            var average = 0.0
            for value in perN { average += value }
            average /= Double(n)
            average /= Double(refs.count)
            average *= scale
            sentences.append(average)
        }
        return (sentences, NumpySum.mean(sentences))
    }

    private static func similarity(_ cand: TfIdf, _ ref: TfIdf) -> [Double] {
        let delta = Double(cand.length - ref.length)
        let penalty = pow(e, -(delta * delta) / (2 * (sigma * sigma)))
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sim = 0.0
            for (ngram, weight) in cand.vectors[i] {
                let refWeight = ref.lookup[i][ngram] ?? 0
                sim += min(weight, refWeight) * refWeight
            }
            if cand.norms[i] != 0, ref.norms[i] != 0 {
                sim /= cand.norms[i] * ref.norms[i]
            }
            sim *= penalty
            out[i] = sim
        }
        return out
    }
}

/// Token ids by exact code-point equality (Swift `String` equality is canonical, Python's is not).
private struct Vocabulary {
    private var ids: [PyString: Int] = [:]

    mutating func ids(_ sentence: String) -> [Int] {
        Py.splitWhitespace(sentence.py).map { token in
            if let id = ids[token] { return id }
            let id = ids.count
            ids[token] = id
            return id
        }
    }
}

/// A `collections.Counter` of the 1- to 4-grams of a sentence, in first-occurrence order.
private struct NgramCounts {
    var entries: [(ngram: [Int], count: Int)] = []

    init(_ words: [Int]) {
        var index: [[Int]: Int] = [:]
        for k in 1...CIDErD.n where words.count >= k {
            for i in 0...(words.count - k) {
                let ngram = Array(words[i..<(i + k)])
                if let at = index[ngram] {
                    entries[at].count += 1
                } else {
                    index[ngram] = entries.count
                    entries.append((ngram, 1))
                }
            }
        }
    }
}

/// `__counter_to_vec`: tf-idf weights per n, their norms, and the bigram count used as length.
private struct TfIdf {
    var vectors: [[(ngram: [Int], weight: Double)]]
    var lookup: [[[Int]: Double]]
    var norms: [Double]
    var length: Int

    init(_ counts: NgramCounts, logPairs: Double, documentFrequency: [[Int]: Int]) {
        vectors = Array(repeating: [], count: CIDErD.n)
        lookup = Array(repeating: [:], count: CIDErD.n)
        var squares = [Double](repeating: 0, count: CIDErD.n)
        length = 0
        for (ngram, count) in counts.entries {
            let df = Double(documentFrequency[ngram] ?? 0)
            let logDf = log(max(1.0, df))
            let slot = ngram.count - 1
            let weight = Double(count) * (logPairs - logDf)
            vectors[slot].append((ngram, weight))
            lookup[slot][ngram] = weight
            squares[slot] += weight * weight
            if slot == 1 { length += count }
        }
        norms = squares.map { $0.squareRoot() }
    }
}
