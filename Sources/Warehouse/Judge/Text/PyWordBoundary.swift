// Python regex `\b` on code points (SCORING.md §0).

extension Py {
    /// Whether regex `\b` matches at position `i` (0...s.count) of `s`: exactly one of the
    /// characters on either side is `\w`, a string edge counting as non-`\w`.
    @inline(__always)
    public static func isWordBoundary(_ s: PyString, at i: Int) -> Bool {
        let before = i > 0 && isWord(s[i - 1])
        let after = i < s.count && isWord(s[i])
        return before != after
    }
}
