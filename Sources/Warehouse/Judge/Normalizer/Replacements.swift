// The replacement rules of SCORING.md §7 step 6: contractions, titles, perfect tenses and
// general contractions, applied one rule at a time over the whole string, in this order.
//
// Each rule is a literal, optionally preceded by `\b`, always followed by `\b`. Applying them
// one after another matters: "can't've" becomes "can not've" and only then "can not have".

struct ReplacementRule: Sendable {
    let pattern: PyString
    let leadingBoundary: Bool
    let replacement: PyString
    /// ASCII scalars the pattern needs; a string lacking one cannot match (cheap pre-check).
    let needs: ASCIISet

    init(_ pattern: String, _ replacement: String, leadingBoundary: Bool) {
        self.pattern = pattern.py
        self.leadingBoundary = leadingBoundary
        self.replacement = replacement.py
        self.needs = ASCIISet(self.pattern)
    }

    /// Python `re.sub`: leftmost non-overlapping matches; nil when nothing matched.
    func apply(_ s: PyString) -> PyString? {
        let m = pattern.count, n = s.count
        guard m <= n else { return nil }
        let first = pattern[0]
        var out: PyString?
        var copied = 0
        var i = 0
        while i + m <= n {
            if s[i] == first, matches(s, at: i) {
                if out == nil { out = PyString(); out!.reserveCapacity(n + 16) }
                out!.append(contentsOf: s[copied..<i])
                out!.append(contentsOf: replacement)
                i += m
                copied = i
            } else {
                i += 1
            }
        }
        guard var result = out else { return nil }
        result.append(contentsOf: s[copied...])
        return result
    }

    /// Whether the rule matches at `i`, boundaries included.
    @inline(__always)
    func matches(_ s: PyString, at i: Int) -> Bool {
        guard i + pattern.count <= s.count else { return false }
        var k = 1
        while k < pattern.count {
            if s[i + k] != pattern[k] { return false }
            k += 1
        }
        if leadingBoundary, !Py.isWordBoundary(s, at: i) { return false }
        return Py.isWordBoundary(s, at: i + pattern.count)
    }
}

/// A set of ASCII scalars as a 128-bit mask.
struct ASCIISet: Sendable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0

    init() {}

    init(_ s: some Sequence<Unicode.Scalar>) {
        for c in s { insert(c) }
    }

    @inline(__always)
    mutating func insert(_ c: Unicode.Scalar) {
        let v = c.value
        if v < 64 { lo |= 1 << UInt64(v) } else if v < 128 { hi |= 1 << UInt64(v - 64) }
    }

    @inline(__always)
    func isSuperset(of other: ASCIISet) -> Bool {
        other.lo & ~lo == 0 && other.hi & ~hi == 0
    }

    mutating func formUnion(_ other: ASCIISet) {
        lo |= other.lo
        hi |= other.hi
    }
}

enum Replacements {
    /// The contraction rules, then the title rules: every one of them starts with `\b` and a
    /// letter, so a match can only begin where a `\w` run begins.
    static let contractionRules: [ReplacementRule] = [
        ("won't", "will not"), ("can't", "can not"), ("let's", "let us"), ("ain't", "aint"),
        ("y'all", "you all"), ("wanna", "want to"), ("gotta", "got to"), ("gonna", "going to"),
        ("i'ma", "i am going to"), ("imma", "i am going to"), ("woulda", "would have"),
        ("coulda", "could have"), ("shoulda", "should have"), ("ma'am", "madam"),
    ].map { ReplacementRule($0.0, $0.1, leadingBoundary: true) }

    /// Titles: whole `\w` runs; the expansion keeps a trailing space ("mr." → "mister .").
    static let titles = PackedTable<PyString>([
        ("mr", "mister"), ("mrs", "missus"), ("st", "saint"), ("dr", "doctor"), ("prof", "professor"),
        ("capt", "captain"), ("gov", "governor"), ("ald", "alderman"), ("gen", "general"),
        ("sen", "senator"), ("rep", "representative"), ("pres", "president"), ("rev", "reverend"),
        ("hon", "honorable"), ("asst", "assistant"), ("assoc", "associate"), ("lt", "lieutenant"),
        ("col", "colonel"), ("jr", "junior"), ("sr", "senior"), ("esq", "esquire"),
    ].map { (PackedASCII($0.0)!, ($0.1 + " ").py) })

    /// Perfect tenses, then general contractions: no leading `\b`, the replacement starts
    /// with a space, and every pattern holds an apostrophe.
    static let apostropheRules: [ReplacementRule] = [
        ("'d been", "had been"), ("'s been", "has been"), ("'d gone", "had gone"),
        ("'s gone", "has gone"), ("'d done", "had done"), ("'s got", "has got"),
        ("n't", "not"), ("'re", "are"), ("'s", "is"), ("'d", "would"), ("'ll", "will"),
        ("'t", "not"), ("'ve", "have"), ("'m", "am"),
    ].map { ReplacementRule($0.0, " " + $0.1, leadingBoundary: false) }

    static func apply(_ s: PyString) -> PyString {
        var s = wordStartRules(s)
        guard s.contains("'") else { return s }
        var present = ASCIISet(s)
        for rule in apostropheRules where present.isSuperset(of: rule.needs) {
            if let replaced = rule.apply(s) {
                s = replaced
                // Removing text only shrinks the true set, so a superset stays a valid filter.
                present.formUnion(ASCIISet(rule.replacement))
            }
        }
        return s
    }

    /// The 14 contraction rules and the 21 title rules in one left-to-right pass, trying the
    /// rules in their listed order at each `\w`-run start. This equals applying the 35 rules one
    /// after another: no two of their matches can overlap (a pattern's apostrophe-separated
    /// parts never equal another pattern's first word), and no replacement contains a
    /// pattern or an apostrophe, so no rule can match text produced or exposed by another.
    static func wordStartRules(_ s: PyString) -> PyString {
        let contractionRules = Self.contractionRules, titles = Self.titles
        var out: PyString?
        var copied = 0
        let n = s.count
        var i = 0
        while i < n {
            guard Py.isWord(s[i]) else { i += 1; continue }
            var end = i + 1
            while end < n, Py.isWord(s[end]) { end += 1 }
            var replacement: PyString?
            var matchEnd = end
            if end - i <= 7 {  // the longest first word of any rule ("shoulda")
                let first = s[i]
                for rule in contractionRules where rule.pattern[0] == first && rule.matches(s, at: i) {
                    replacement = rule.replacement
                    matchEnd = i + rule.pattern.count
                    break
                }
                if replacement == nil, let key = PackedASCII(s[i..<end]) {
                    replacement = titles[key]
                }
            }
            if let replacement {
                if out == nil { out = PyString(); out!.reserveCapacity(n + 32) }
                out!.append(contentsOf: s[copied..<i])
                out!.append(contentsOf: replacement)
                copied = matchEnd
                i = matchEnd
            } else {
                i = end
            }
        }
        guard var result = out else { return s }
        result.append(contentsOf: s[copied...])
        return result
    }
}
