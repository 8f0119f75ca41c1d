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

    /// `table` holds the hypothesis tokens `0..<ends[0]`, then the k-th reference (k ≥ 1) at
    /// `ends[k - 1]..<ends[k]`. The reference length is the one closest to the hypothesis
    /// length (ties → the shorter); matches are clipped by the largest count of the n-gram in
    /// any single reference.
    static func segment(table: TokenTable, ends: [Int]) -> BLEUStats {
        precondition(ends.count >= 2, "a BLEU segment needs at least one reference")
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

        // N-grams are packed into integer keys (the order and four 15-bit ids) and counted in
        // small open-addressing tables; a segment with more distinct tokens is astronomically
        // rare and takes the dictionary path.
        if (ids.max() ?? 0) >= NGramKey.idLimit {
            return dictionarySegment(ids: ids, ends: ends, stats: stats)
        }
        return ids.withUnsafeBufferPointer { p in
            var refMax = NGramCounts(capacityFor: 4 * (ends.last! - hypLength))
            if ends.count == 2 {
                NGramKey.forEach(UnsafeBufferPointer(rebasing: p[hypLength..<ends[1]])) { refMax.add($0) }
            } else {
                var one = NGramCounts(capacityFor: 4 * (ends.last! - hypLength))
                for k in 1..<ends.count {
                    one.removeAll()
                    NGramKey.forEach(UnsafeBufferPointer(rebasing: p[ends[k - 1]..<ends[k]])) { one.add($0) }
                    one.forEach { key, count in refMax.raise(key, to: count) }
                }
            }
            var hyp = NGramCounts(capacityFor: 4 * hypLength)
            NGramKey.forEach(UnsafeBufferPointer(rebasing: p[0..<hypLength])) { hyp.add($0) }
            hyp.forEach { key, count in
                let m = refMax.count(of: key)
                if m > 0 { stats.correct[NGramKey.order(key) - 1] += Int(min(count, m)) }
            }
            return stats
        }
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

    /// Calls `body` with the key of every n-gram (n = 1…4) of `t`, repeats included.
    @inline(__always)
    static func forEach(_ t: UnsafeBufferPointer<Int32>, _ body: (UInt64) -> Void) {
        let k = t.count
        for i in 0..<k {
            let a = UInt64(t[i]) << 45
            body(a)
            if i + 1 < k {
                let ab = a | UInt64(t[i + 1]) << 30
                body(1 << 60 | ab)
                if i + 2 < k {
                    let abc = ab | UInt64(t[i + 2]) << 15
                    body(2 << 60 | abc)
                    if i + 3 < k { body(3 << 60 | abc | UInt64(t[i + 3])) }
                }
            }
        }
    }
}

/// Counts of packed n-gram keys in an open-addressing table sized for the segment.
struct NGramCounts {
    private static let empty = UInt64.max   // packed keys never have bits 62–63 set
    private var keys: [UInt64]
    private var counts: [Int32]
    private var used: [Int32] = []
    private let mask: Int

    init(capacityFor n: Int) {
        var capacity = 16
        while capacity < 2 * n { capacity <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        used.reserveCapacity(n)
        mask = capacity - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while keys[i] != key, keys[i] != Self.empty { i = (i + 1) & mask }
        return i
    }

    @inline(__always)
    mutating func add(_ key: UInt64) {
        let i = slot(key)
        if keys[i] == Self.empty { keys[i] = key; used.append(Int32(i)) }
        counts[i] += 1
    }

    @inline(__always)
    mutating func raise(_ key: UInt64, to count: Int32) {
        let i = slot(key)
        if keys[i] == Self.empty { keys[i] = key; used.append(Int32(i)) }
        if counts[i] < count { counts[i] = count }
    }

    @inline(__always)
    func count(of key: UInt64) -> Int32 {
        let i = slot(key)
        return keys[i] == key ? counts[i] : 0
    }

    func forEach(_ body: (UInt64, Int32) -> Void) {
        for i in used { body(keys[Int(i)], counts[Int(i)]) }
    }

    mutating func removeAll() {
        for i in used { keys[Int(i)] = Self.empty; counts[Int(i)] = 0 }
        used.removeAll(keepingCapacity: true)
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
