/// The two regular-expression shapes the scorers use, hand-written over code points with
/// Python's `re.IGNORECASE` semantics (SCORING.md §0): instruction prefixes anchored at the
/// start, and a first `\b(word|word…)\b` search.
extension Py {
    /// Whether `c` matches the ASCII lower-case pattern letter `p` under Python's IGNORECASE,
    /// which also folds `ſ` into `s`, `İ`/`ı` into `i` and the Kelvin sign into `k`.
    @inline(__always)
    static func caselessEqual(_ p: Unicode.Scalar, _ c: Unicode.Scalar) -> Bool {
        if c == p { return true }
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A && c.value + 32 == p.value }
        switch (p, c.value) {
        case ("s", 0x17F), ("i", 0x130), ("i", 0x131), ("k", 0x212A): return true
        default: return false
        }
    }

    /// Matches `^\s*<phrase>\s*:\s*` (or without the `\s*` before the colon) at the start of `s`,
    /// where `phrase` is lower-case ASCII with single spaces that must appear literally.
    /// Returns the index just past the match.
    static func matchInstructionPrefix(_ s: PyString, phrase: PyString, spaceBeforeColon: Bool) -> Int? {
        var i = 0
        let n = s.count
        while i < n, isSpace(s[i]) { i += 1 }
        for p in phrase {
            guard i < n, caselessEqual(p, s[i]) else { return nil }
            i += 1
        }
        if spaceBeforeColon { while i < n, isSpace(s[i]) { i += 1 } }
        guard i < n, s[i] == ":" else { return nil }
        i += 1
        while i < n, isSpace(s[i]) { i += 1 }
        return i
    }

    /// The first match of `\b(w1|w2|…)\b` with IGNORECASE (alternatives are lower-case ASCII,
    /// tried in order at each position), as a range of `s`.
    static func searchWord(_ s: PyString, _ alternatives: [PyString]) -> Range<Int>? {
        let n = s.count
        var start = 0
        while start < n {
            if start == 0 || !isWord(s[start - 1]) {
                for word in alternatives where start + word.count <= n {
                    var ok = true
                    for (k, p) in word.enumerated() where !caselessEqual(p, s[start + k]) { ok = false; break }
                    let end = start + word.count
                    if ok, end == n || !isWord(s[end]) { return start..<end }
                }
            }
            start += 1
        }
        return nil
    }

    /// Removes one pair of identical surrounding quotes (`'…'` or `"…"`), when the string has
    /// at least two characters.
    static func dropOnePairOfQuotes(_ s: PyString) -> PyString {
        guard s.count >= 2, let first = s.first, first == s.last, first == "'" || first == "\"" else { return s }
        return Array(s[1..<(s.count - 1)])
    }

    /// Replaces CRLF, then LF, then CR by a space.
    static func lineBreaksToSpaces(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { out.append(" "); i += 2; continue }
            out.append(s[i] == "\n" || s[i] == "\r" ? " " : s[i])
            i += 1
        }
        return out
    }
}
