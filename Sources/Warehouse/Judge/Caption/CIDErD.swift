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
        let cookedCandidates = candidates.map { vocabulary.counts($0) }
        let cookedReferences = references.map { refs in refs.map { vocabulary.counts($0) } }

        // Indexed by n-gram id; candidate-only n-grams keep 0.
        var documentFrequency = [Int](repeating: 0, count: vocabulary.ngramCount)
        var lastPair = [Int](repeating: -1, count: vocabulary.ngramCount)
        var anyReferenceNgram = false
        for (pair, refs) in cookedReferences.enumerated() {
            for ref in refs {
                for entry in ref.entries where lastPair[Int(entry.ngram)] != pair {
                    lastPair[Int(entry.ngram)] = pair
                    documentFrequency[Int(entry.ngram)] += 1
                    anyReferenceNgram = true
                }
            }
        }
        guard anyReferenceNgram else { throw CaptionMetricError.noReferenceNgrams }

        let logPairs = log(Double(cookedReferences.count))
        let logDf = documentFrequency.map { log(max(1.0, Double($0))) }
        // The reference's weight of every n-gram, filled and cleared per reference.
        var referenceWeight = [Double](repeating: 0, count: vocabulary.ngramCount)
        var sentences: [Double] = []
        sentences.reserveCapacity(candidates.count)
        for (cand, refs) in zip(cookedCandidates, cookedReferences) {
            let candVector = TfIdf(cand, logPairs: logPairs, logDf: logDf)
            var perN = [Double](repeating: 0, count: n)
            for ref in refs {
                let refVector = TfIdf(ref, logPairs: logPairs, logDf: logDf)
                for (ngram, weight) in zip(ref.entries, refVector.weights) { referenceWeight[Int(ngram.ngram)] = weight }
                addSimilarity(candVector, cand, refVector, referenceWeight, to: &perN)
                for entry in ref.entries { referenceWeight[Int(entry.ngram)] = 0 }
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

    private static func addSimilarity(
        _ cand: TfIdf, _ candCounts: NgramCounts, _ ref: TfIdf, _ referenceWeight: [Double], to perN: inout [Double]
    ) {
        let delta = Double(cand.length - ref.length)
        let penalty = pow(e, -(delta * delta) / (2 * (sigma * sigma)))
        for i in 0..<n {
            var sim = 0.0
            for k in candCounts.orderStart[i]..<candCounts.orderStart[i + 1] {
                let refWeight = referenceWeight[Int(candCounts.entries[k].ngram)]
                sim += min(cand.weights[k], refWeight) * refWeight
            }
            if cand.norms[i] != 0, ref.norms[i] != 0 {
                sim /= cand.norms[i] * ref.norms[i]
            }
            sim *= penalty
            perN[i] += sim
        }
    }
}

/// Token and n-gram ids. Tokens compare by exact code points (Swift `String` equality is
/// canonical, Python's is not). A k-gram is interned as (its (k-1)-gram prefix, its last token),
/// one integer key, so counting never hashes arrays.
private struct Vocabulary {
    private var tokens: [PyString: Int] = [:]
    private var ngrams: [Int: Int32] = [:]
    /// Per n-gram id: where it sits in the sentence being counted, or -1.
    private var slot: [Int32] = []
    var ngramCount: Int { slot.count }

    private mutating func token(_ word: PyString) -> Int {
        if let id = tokens[word] { return id }
        let id = tokens.count
        tokens[word] = id
        return id
    }

    /// The n-gram extending `prefix` (-1 for none) by `token`.
    private mutating func ngram(_ prefix: Int32, _ token: Int) -> Int32 {
        let key = (Int(prefix) + 1) << 32 | token
        if let id = ngrams[key] { return id }
        let id = Int32(slot.count)
        ngrams[key] = id
        slot.append(-1)
        return id
    }

    /// A `collections.Counter` of the 1- to 4-grams of a sentence, in first-occurrence order
    /// within each n (all 1-grams first, then 2-grams, ...).
    mutating func counts(_ sentence: String) -> NgramCounts {
        let words = Py.splitWhitespace(sentence.py).map { token($0) }
        var counts = NgramCounts()
        var previous = [Int32](repeating: -1, count: words.count)
        for k in 1...CIDErD.n {
            counts.orderStart[k - 1] = counts.entries.count
            if words.count >= k {
                for i in 0...(words.count - k) {
                    let id = ngram(previous[i], words[i + k - 1])
                    previous[i] = id
                    let at = slot[Int(id)]
                    if at >= 0 {
                        counts.entries[Int(at)].count += 1
                    } else {
                        slot[Int(id)] = Int32(counts.entries.count)
                        counts.entries.append((id, 1))
                    }
                }
            }
        }
        counts.orderStart[CIDErD.n] = counts.entries.count
        for entry in counts.entries { slot[Int(entry.ngram)] = -1 }
        return counts
    }
}

/// The n-gram counts of one sentence; the n-grams of order k are `entries[orderStart[k-1]..<orderStart[k]]`.
private struct NgramCounts {
    var entries: [(ngram: Int32, count: Int)] = []
    var orderStart = [Int](repeating: 0, count: CIDErD.n + 1)
}

/// `__counter_to_vec`: tf-idf weights (parallel to the counts' entries), their norms per n, and
/// the bigram count used as length.
private struct TfIdf {
    var weights: [Double]
    var norms: [Double]
    var length: Int

    init(_ counts: NgramCounts, logPairs: Double, logDf: [Double]) {
        weights = []
        weights.reserveCapacity(counts.entries.count)
        norms = []
        norms.reserveCapacity(CIDErD.n)
        length = 0
        for order in 0..<CIDErD.n {
            var squares = 0.0
            for k in counts.orderStart[order]..<counts.orderStart[order + 1] {
                let (ngram, count) = counts.entries[k]
                let weight = Double(count) * (logPairs - logDf[Int(ngram)])
                weights.append(weight)
                squares += weight * weight
                if order == 1 { length += count }
            }
            norms.append(squares.squareRoot())
        }
    }
}
