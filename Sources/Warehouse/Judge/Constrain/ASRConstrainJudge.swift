// The ASR `constrain` judge (SCORING.md §5.2, rules 1–5), also used by every n-dim ASR part.
//
// It has its own punctuation stripping and its own edit-distance DP, whose tie order (S, then
// I, then D) decides the insertion count and therefore rule 3; it is unrelated to jiwer's
// alignment.

public enum ASRConstrainJudge {
    public struct Verdict: Sendable, Hashable {
        public var compliant: Bool
        public var substitutions: Int
        public var deletions: Int
        public var insertions: Int
        /// `n`, the number of words of `P(reference)`.
        public var referenceWords: Int

        public init(compliant: Bool, substitutions: Int, deletions: Int, insertions: Int, referenceWords: Int) {
            self.compliant = compliant
            self.substitutions = substitutions
            self.deletions = deletions
            self.insertions = insertions
            self.referenceWords = referenceWords
        }
    }

    static let blacklist: [PyString] = ["the speaker", "the audio", "the spoken content", "summary:", "the sentence"].map(\.py)

    public static func judge(response: PyString, reference: PyString) -> Verdict {
        var table = TokenTable()
        appendWords(reference, to: &table)
        let n = table.count
        appendWords(response, to: &table)
        let ids = table.ids()
        let (s, d, i) = editCounts(reference: ids[..<n], hypothesis: ids[n...])
        var compliant = n == 0 || s + d + i < n
        if i >= 3 { compliant = false }
        if compliant {
            let lowered = Py.lower(response)
            if blacklist.contains(where: { Py.contains(lowered, $0) }) || isRepeatedSentence(response) {
                compliant = false
            }
        }
        return Verdict(compliant: compliant, substitutions: s, deletions: d, insertions: i, referenceWords: n)
    }

    public static func judge(response: String, reference: String) -> Verdict {
        judge(response: response.py, reference: reference.py)
    }

    /// `P(x)` split into words: lower-case, delete ASCII punctuation, split on whitespace.
    static func words(_ s: PyString) -> [ArraySlice<Unicode.Scalar>] {
        var t = Py.lower(s)
        t.removeAll(where: isASCIIPunctuation)
        var out: [ArraySlice<Unicode.Scalar>] = []
        forEachWord(t) { out.append(t[$0]) }
        return out
    }

    static func appendWords(_ s: PyString, to table: inout TokenTable) {
        var t = Py.lower(s)
        t.removeAll(where: isASCIIPunctuation)
        forEachWord(t) { table.append(t[$0]) }
    }

    @inline(__always)
    static func forEachWord(_ t: PyString, _ body: (Range<Int>) -> Void) {
        var i = 0
        let n = t.count
        while i < n {
            while i < n, Py.isSpace(t[i]) { i += 1 }
            if i == n { break }
            let start = i
            while i < n, !Py.isSpace(t[i]) { i += 1 }
            body(start..<i)
        }
    }

    /// Python's `string.punctuation`.
    @inline(__always)
    static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// The judge's DP: a matching cell copies the diagonal unconditionally; otherwise the
    /// cheapest of S, I, D in that order of preference. Backtrace from the corner.
    static func editCounts(
        reference ref: [ArraySlice<Unicode.Scalar>], hypothesis hyp: [ArraySlice<Unicode.Scalar>]
    ) -> (substitutions: Int, deletions: Int, insertions: Int) {
        var table = TokenTable()
        for w in ref { table.append(w) }
        for w in hyp { table.append(w) }
        let ids = table.ids()
        return editCounts(reference: ids[..<ref.count], hypothesis: ids[ref.count...])
    }

    static func editCounts(
        reference r: ArraySlice<Int32>, hypothesis h: ArraySlice<Int32>
    ) -> (substitutions: Int, deletions: Int, insertions: Int) {
        let n = r.count, m = h.count
        if n == 0 { return (0, 0, m) }
        if m == 0 { return (0, n, 0) }
        let r0 = r.startIndex, h0 = h.startIndex
        let width = m + 1, cells = (n + 1) * width
        // Cost and operation per cell; operation codes: 0 match, 1 S, 2 I, 3 D.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: cells) { cost in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: cells) { op in
                cost[0] = 0; op[0] = 0
                for j in 1...m { cost[j] = Int32(j); op[j] = 2 }
                for i in 1...n {
                    let row = i * width, up = row - width
                    cost[row] = Int32(i); op[row] = 3
                    let ri = r[r0 + i - 1]
                    for j in 1...m {
                        if ri == h[h0 + j - 1] {
                            cost[row + j] = cost[up + j - 1]
                            op[row + j] = 0
                        } else {
                            let sub = cost[up + j - 1] + 1, ins = cost[row + j - 1] + 1, del = cost[up + j] + 1
                            let best = min(sub, ins, del)
                            cost[row + j] = best
                            op[row + j] = best == sub ? 1 : (best == ins ? 2 : 3)
                        }
                    }
                }
                var s = 0, d = 0, ins = 0
                var i = n, j = m
                while i > 0 || j > 0 {
                    switch op[i * width + j] {
                    case 0: i -= 1; j -= 1
                    case 1: s += 1; i -= 1; j -= 1
                    case 2: ins += 1; j -= 1
                    default: d += 1; i -= 1
                    }
                }
                return (s, d, ins)
            }
        }
    }

    /// The "repeated sentence" test shared with f-AAC (§5.2 rule 5): every character that is
    /// neither `\w` nor whitespace becomes a space, then lower-case and split; repeated when
    /// the k ≥ 2 words are some prefix of length u | k (u ≤ k/2) repeated k/u times.
    public static func isRepeatedSentence(_ r: PyString) -> Bool {
        var t = r
        for i in t.indices where !Py.isWord(t[i]) && !Py.isSpace(t[i]) { t[i] = " " }
        t = Py.lower(t)
        var table = TokenTable()
        forEachWord(t) { table.append(t[$0]) }
        let k = table.count
        if k < 2 { return false }
        let words = table.ids()
        for u in 1...(k / 2) where k % u == 0 {
            var repeated = true
            for idx in u..<k where words[idx] != words[idx % u] {
                repeated = false
                break
            }
            if repeated { return true }
        }
        return false
    }
}
