// Sufficient statistics of sacreBLEU 2.6.0's corpus BLEU with `tokenize="zh"` (SCORING.md §8.2).
//
// Corpus BLEU only depends on the element-wise sum of per-segment statistics, so a variation's
// score is computed from `BLEUStats` sums and segments never need to be kept together.

public struct BLEUStats: Sendable, Hashable {
    public static let maxOrder = 4

    public var hypothesisLength: Int
    public var referenceLength: Int
    /// Clipped n-gram matches for n = 1…4.
    public var correct: [Int]
    /// Hypothesis n-grams for n = 1…4.
    public var total: [Int]

    public init(hypothesisLength: Int = 0, referenceLength: Int = 0, correct: [Int] = [0, 0, 0, 0], total: [Int] = [0, 0, 0, 0]) {
        precondition(correct.count == Self.maxOrder && total.count == Self.maxOrder, "BLEU statistics have four orders")
        self.hypothesisLength = hypothesisLength
        self.referenceLength = referenceLength
        self.correct = correct
        self.total = total
    }

    public static let zero = BLEUStats()

    public static func + (a: BLEUStats, b: BLEUStats) -> BLEUStats {
        var s = a
        s += b
        return s
    }

    public static func += (a: inout BLEUStats, b: BLEUStats) {
        a.hypothesisLength += b.hypothesisLength
        a.referenceLength += b.referenceLength
        for n in 0..<maxOrder {
            a.correct[n] += b.correct[n]
            a.total[n] += b.total[n]
        }
    }

    /// One segment: sacreBLEU's `rstrip` + zh tokenizer on the hypothesis and every reference.
    public static func segment(hypothesis: String, references: [String]) -> BLEUStats {
        segment(hypothesis: hypothesis.py, references: references.map(\.py))
    }

    public static func segment(hypothesis: PyString, references: [PyString]) -> BLEUStats {
        // The tokenizer strips both ends, which subsumes sacreBLEU's `rstrip`.
        segment(hypothesisTokens: ZhTokenizer.tokenize(hypothesis), referenceTokens: references.map(ZhTokenizer.tokenize))
    }

    /// One segment from already tokenized text. The reference length is the one closest to the
    /// hypothesis length (ties → the shorter); matches are clipped by the largest count of the
    /// n-gram in any single reference.
    public static func segment(hypothesisTokens: [PyString], referenceTokens: [[PyString]]) -> BLEUStats {
        var interner = TokenInterner()
        let hyp = hypothesisTokens.map { interner.id($0) }
        let refs = referenceTokens.map { $0.map { interner.id($0) } }

        var closestDiff = -1, closestLength = -1
        for r in refs {
            let diff = abs(hyp.count - r.count)
            if closestDiff == -1 || diff < closestDiff {
                closestDiff = diff
                closestLength = r.count
            } else if diff == closestDiff, r.count < closestLength {
                closestLength = r.count
            }
        }

        var stats = BLEUStats(hypothesisLength: hyp.count, referenceLength: closestLength)
        if hyp.isEmpty { return stats }

        var refMax: [NGram: Int32] = [:]
        var counts: [NGram: Int32] = [:]
        for r in refs {
            counts.removeAll(keepingCapacity: true)
            NGram.count(r, into: &counts)
            for (g, k) in counts where k > refMax[g, default: 0] { refMax[g] = k }
        }
        counts.removeAll(keepingCapacity: true)
        NGram.count(hyp, into: &counts)
        for (g, k) in counts {
            let n = Int(g.order) - 1
            stats.total[n] += Int(k)
            if let m = refMax[g] { stats.correct[n] += Int(min(k, m)) }
        }
        return stats
    }
}

/// Per-segment token ids, so n-grams are compared as small integers.
struct TokenInterner {
    private var ids: [PyString: Int32] = [:]

    mutating func id(_ token: PyString) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(ids.count)
        ids[token] = id
        return id
    }
}

/// An n-gram of interned tokens, n = 1…4.
struct NGram: Hashable {
    var order: Int32
    var a: Int32, b: Int32, c: Int32, d: Int32

    static func count(_ t: [Int32], into counts: inout [NGram: Int32]) {
        let k = t.count
        for i in 0..<k {
            counts[NGram(order: 1, a: t[i], b: -1, c: -1, d: -1), default: 0] += 1
            if i + 1 < k { counts[NGram(order: 2, a: t[i], b: t[i + 1], c: -1, d: -1), default: 0] += 1 }
            if i + 2 < k { counts[NGram(order: 3, a: t[i], b: t[i + 1], c: t[i + 2], d: -1), default: 0] += 1 }
            if i + 3 < k { counts[NGram(order: 4, a: t[i], b: t[i + 1], c: t[i + 2], d: t[i + 3]), default: 0] += 1 }
        }
    }
}
