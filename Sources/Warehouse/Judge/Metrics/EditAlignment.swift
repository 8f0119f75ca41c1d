// Word-level edit counts with rapidfuzz's alignment (the one jiwer 4.0's `process_words` reports).
//
// Only the distance S+D+I is fixed by the Levenshtein definition; how it splits into S, D and I
// depends on which optimal path is traced back. jiwer asks rapidfuzz for `opcodes(ref, hyp)`,
// which (1) strips the common prefix and suffix, (2) builds Hyyrö's bit-parallel matrix with the
// reference as the pattern (bits) and the hypothesis as the text (rows), and (3) walks back from
// the bottom-right corner: a deletion when the vertical delta of the current cell is +1,
// otherwise it steps up one row and records an insertion when the vertical delta of that cell is
// -1, otherwise it moves diagonally (a substitution when the words differ). The vertical deltas
// are plain differences of the DP matrix, so the same walk is reproduced here on an explicit
// matrix.
//
// Large pairs: rapidfuzz switches to Hirschberg's divide and conquer when, after removing the
// common affix, the reference has ≥ 65 words, the hypothesis ≥ 10 and reference × hypothesis
// ≥ 4,194,304. That path was not re-derived; the full-matrix walk agreed with jiwer on the
// Hirschberg-sized pairs of WordErrorStatsHugeTests (2,100–2,600-word noisy pairs with many
// ties, and 70 words against 70,000). The distance is exact in every case.

/// Edit operation counts of one aligned pair.
public struct EditCounts: Sendable, Hashable {
    public var substitutions = 0
    public var deletions = 0
    public var insertions = 0
    public var hits = 0

    public init(substitutions: Int = 0, deletions: Int = 0, insertions: Int = 0, hits: Int = 0) {
        self.substitutions = substitutions
        self.deletions = deletions
        self.insertions = insertions
        self.hits = hits
    }

    public var distance: Int { substitutions + deletions + insertions }
}

public enum EditAlignment {
    /// The counts rapidfuzz's `Levenshtein.opcodes(reference, hypothesis)` yields, for sequences
    /// of interned words.
    public static func rapidfuzzCounts(reference: [Int32], hypothesis: [Int32]) -> EditCounts {
        reference.withUnsafeBufferPointer { r in
            hypothesis.withUnsafeBufferPointer { h in rapidfuzzCounts(r, h) }
        }
    }

    static func rapidfuzzCounts(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) -> EditCounts {
        var lo = 0
        let maxPrefix = min(a.count, b.count)
        while lo < maxPrefix, a[lo] == b[lo] { lo += 1 }
        var endA = a.count, endB = b.count
        while endA > lo, endB > lo, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        var counts = EditCounts(hits: lo + (a.count - endA))
        let n1 = endA - lo, n2 = endB - lo
        if n1 == 0 || n2 == 0 {
            counts.deletions = n1
            counts.insertions = n2
            return counts
        }
        let s1 = UnsafeBufferPointer(rebasing: a[lo..<endA])
        let s2 = UnsafeBufferPointer(rebasing: b[lo..<endB])
        let width = n1 + 1
        let cells = width * (n2 + 1)
        // Small matrices live on the stack; realistic sentence pairs never leave this path.
        if cells <= 4096 {
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: cells) { d in
                trace(s1, s2, d.baseAddress!, counts)
            }
        }
        let d = UnsafeMutablePointer<Int32>.allocate(capacity: cells)
        defer { d.deallocate() }
        return trace(s1, s2, d, counts)
    }

    /// Fills D(col, row) = distance(s1[..<col], s2[..<row]) at `d[row * width + col]` and walks
    /// back the way rapidfuzz's `recover_alignment` does.
    private static func trace(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>,
        _ d: UnsafeMutablePointer<Int32>, _ start: EditCounts
    ) -> EditCounts {
        let n1 = s1.count, n2 = s2.count, width = n1 + 1
        for c in 0...n1 { d[c] = Int32(c) }
        for r in 1...n2 {
            let row = d + r * width, up = row - width
            let ch = s2[r - 1]
            row[0] = Int32(r)
            var left = Int32(r)
            for c in 1...n1 {
                var v = up[c - 1] + (s1[c - 1] == ch ? 0 : 1)
                let ins = up[c] + 1
                let del = left + 1
                if ins < v { v = ins }
                if del < v { v = del }
                row[c] = v
                left = v
            }
        }
        var counts = start
        var col = n1, row = n2
        @inline(__always) func vertical(_ c: Int, _ r: Int) -> Int32 { d[r * width + c] - d[r * width + c - 1] }
        while row > 0, col > 0 {
            if vertical(col, row) == 1 {
                counts.deletions += 1
                col -= 1
            } else {
                row -= 1
                if row > 0, vertical(col, row) == -1 {
                    counts.insertions += 1
                } else {
                    col -= 1
                    if s1[col] != s2[row] { counts.substitutions += 1 } else { counts.hits += 1 }
                }
            }
        }
        counts.deletions += col
        counts.insertions += row
        return counts
    }
}
