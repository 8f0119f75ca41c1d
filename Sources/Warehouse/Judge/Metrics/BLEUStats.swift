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
        var table = TokenTable()
        ZhTokenizer.tokenize(hypothesis, into: &table)
        var ends = [table.count]
        for r in references {
            ZhTokenizer.tokenize(r, into: &table)
            ends.append(table.count)
        }
        return segment(table: table, ends: ends)
    }

    /// One segment from already tokenized text.
    public static func segment(hypothesisTokens: [PyString], referenceTokens: [[PyString]]) -> BLEUStats {
        var table = TokenTable()
        for t in hypothesisTokens { table.append(t[...]) }
        var ends = [table.count]
        for r in referenceTokens {
            for t in r { table.append(t[...]) }
            ends.append(table.count)
        }
        return segment(table: table, ends: ends)
    }

    /// `table` holds the hypothesis tokens `0..<ends[0]`, then reference k at
    /// `ends[k]..<ends[k + 1]`. The reference length is the one closest to the hypothesis
    /// length (ties → the shorter); matches are clipped by the largest count of the n-gram in
    /// any single reference.
    static func segment(table: TokenTable, ends: [Int]) -> BLEUStats {
        let ids = table.ids()
        let hypLength = ends[0]
        var closestDiff = -1, closestLength = -1
        for k in 1..<ends.count {
            let length = ends[k] - ends[k - 1]
            let diff = abs(hypLength - length)
            if closestDiff == -1 || diff < closestDiff {
                closestDiff = diff
                closestLength = length
            } else if diff == closestDiff, length < closestLength {
                closestLength = length
            }
        }
        var stats = BLEUStats(hypothesisLength: hypLength, referenceLength: closestLength)
        if hypLength == 0 { return stats }
        for n in 0..<maxOrder { stats.total[n] = max(0, hypLength - n) }

        // Distinct n-grams as sorted (key, count) runs, merged instead of hashed. Keys pack the
        // order and four 15-bit ids; a segment with more distinct tokens is astronomically rare
        // and takes the dictionary path.
        if ids.count > 0, (ids.max() ?? 0) >= NGramKey.idLimit {
            return dictionarySegment(ids: ids, ends: ends, stats: stats)
        }
        var refMax: [(key: UInt64, count: Int32)] = []
        for k in 1..<ends.count {
            refMax += NGramKey.runs(ids[ends[k - 1]..<ends[k]])
        }
        if ends.count > 2 {
            refMax.sort { $0.key < $1.key || ($0.key == $1.key && $0.count > $1.count) }
            var merged: [(key: UInt64, count: Int32)] = []
            merged.reserveCapacity(refMax.count)
            for e in refMax where merged.last?.key != e.key { merged.append(e) }
            refMax = merged
        }
        let hyp = NGramKey.runs(ids[0..<hypLength])
        var j = 0
        for g in hyp {
            while j < refMax.count, refMax[j].key < g.key { j += 1 }
            if j < refMax.count, refMax[j].key == g.key {
                stats.correct[NGramKey.order(g.key) - 1] += Int(min(g.count, refMax[j].count))
            }
        }
        return stats
    }

    private static func dictionarySegment(ids: [Int32], ends: [Int], stats start: BLEUStats) -> BLEUStats {
        var stats = start
        var refMax: [NGram: Int32] = [:]
        var counts: [NGram: Int32] = [:]
        for k in 1..<ends.count {
            counts.removeAll(keepingCapacity: true)
            NGram.count(Array(ids[ends[k - 1]..<ends[k]]), into: &counts)
            for (g, c) in counts where c > refMax[g, default: 0] { refMax[g] = c }
        }
        counts.removeAll(keepingCapacity: true)
        NGram.count(Array(ids[0..<ends[0]]), into: &counts)
        for (g, c) in counts {
            if let m = refMax[g] { stats.correct[Int(g.order) - 1] += Int(min(c, m)) }
        }
        return stats
    }
}

/// N-grams of interned ids packed into one integer: bits 60–61 hold n − 1, then four 15-bit ids.
enum NGramKey {
    static let idLimit: Int32 = 1 << 15

    @inline(__always) static func order(_ key: UInt64) -> Int { Int(key >> 60) + 1 }

    /// Sorted distinct n-grams (n = 1…4) of `t` with their counts.
    static func runs(_ t: ArraySlice<Int32>) -> [(key: UInt64, count: Int32)] {
        let base = t.startIndex, k = t.count
        var keys: [UInt64] = []
        keys.reserveCapacity(4 * k)
        for i in 0..<k {
            let a = UInt64(t[base + i])
            keys.append(a << 45)
            if i + 1 < k {
                let b = UInt64(t[base + i + 1])
                keys.append(1 << 60 | a << 45 | b << 30)
                if i + 2 < k {
                    let c = UInt64(t[base + i + 2])
                    keys.append(2 << 60 | a << 45 | b << 30 | c << 15)
                    if i + 3 < k {
                        keys.append(3 << 60 | a << 45 | b << 30 | c << 15 | UInt64(t[base + i + 3]))
                    }
                }
            }
        }
        keys.sort()
        var out: [(key: UInt64, count: Int32)] = []
        out.reserveCapacity(keys.count)
        for key in keys {
            if let last = out.last, last.key == key {
                out[out.count - 1].count += 1
            } else {
                out.append((key, 1))
            }
        }
        return out
    }
}

/// An n-gram of interned tokens, n = 1…4 (fallback for segments with ≥ 32768 distinct tokens).
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
