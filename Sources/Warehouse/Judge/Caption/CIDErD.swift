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
        let cookedCandidates = candidates.map { NgramCounts(vocabulary.ids($0), &vocabulary) }
        let cookedReferences = references.map { refs in refs.map { NgramCounts(vocabulary.ids($0), &vocabulary) } }

        // Indexed by n-gram id; candidate-only n-grams keep 0.
        var documentFrequency = [Int](repeating: 0, count: vocabulary.ngramCount)
        var lastPair = [Int](repeating: -1, count: vocabulary.ngramCount)
        var anyReferenceNgram = false
        for (pair, refs) in cookedReferences.enumerated() {
            for ref in refs {
                for entry in ref.entries where lastPair[entry.ngram] != pair {
                    lastPair[entry.ngram] = pair
                    documentFrequency[entry.ngram] += 1
                    anyReferenceNgram = true
                }
            }
        }
        guard anyReferenceNgram else { throw CaptionMetricError.noReferenceNgrams }

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
                let refWeight = ref.lookup[ngram] ?? 0
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

/// Token and n-gram ids. Tokens compare by exact code points (Swift `String` equality is
/// canonical, Python's is not); n-grams are interned once so later work is on integers.
private struct Vocabulary {
    private var tokens: [PyString: Int] = [:]
    private var ngrams: [[Int]: Int] = [:]
    var ngramCount: Int { ngrams.count }

    mutating func ids(_ sentence: String) -> [Int] {
        Py.splitWhitespace(sentence.py).map { token in
            if let id = tokens[token] { return id }
            let id = tokens.count
            tokens[token] = id
            return id
        }
    }

    mutating func ngram(_ words: ArraySlice<Int>) -> Int {
        let key = Array(words)
        if let id = ngrams[key] { return id }
        let id = ngrams.count
        ngrams[key] = id
        return id
    }
}

/// A `collections.Counter` of the 1- to 4-grams of a sentence, in first-occurrence order.
private struct NgramCounts {
    var entries: [(ngram: Int, order: Int, count: Int)] = []

    init(_ words: [Int], _ vocabulary: inout Vocabulary) {
        var index: [Int: Int] = [:]
        for k in 1...CIDErD.n where words.count >= k {
            for i in 0...(words.count - k) {
                let ngram = vocabulary.ngram(words[i..<(i + k)])
                if let at = index[ngram] {
                    entries[at].count += 1
                } else {
                    index[ngram] = entries.count
                    entries.append((ngram, k, 1))
                }
            }
        }
    }
}

/// `__counter_to_vec`: tf-idf weights per n, their norms, and the bigram count used as length.
private struct TfIdf {
    var vectors: [[(ngram: Int, weight: Double)]]
    var lookup: [Int: Double]
    var norms: [Double]
    var length: Int

    init(_ counts: NgramCounts, logPairs: Double, documentFrequency: [Int]) {
        vectors = Array(repeating: [], count: CIDErD.n)
        lookup = Dictionary(minimumCapacity: counts.entries.count)
        var squares = [Double](repeating: 0, count: CIDErD.n)
        length = 0
        for (ngram, order, count) in counts.entries {
            let logDf = log(max(1.0, Double(documentFrequency[ngram])))
            let slot = order - 1
            let weight = Double(count) * (logPairs - logDf)
            vectors[slot].append((ngram, weight))
            lookup[ngram] = weight
            squares[slot] += weight * weight
            if slot == 1 { length += count }
        }
        norms = squares.map { $0.squareRoot() }
    }
}
