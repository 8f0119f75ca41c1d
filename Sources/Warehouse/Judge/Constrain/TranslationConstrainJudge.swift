// The S2TT `constrain` judge (SCORING.md §5.4.1) and the Chinese post-check of §5.4.
//
// Upstream calls its judge with the arguments swapped; the rule is stated here with the roles
// as they act: `response` is the model output, `reference` the gold translation.

public enum TranslationConstrainJudge {
    public static func isCompliant(response: PyString, reference: PyString) -> Bool {
        let r = Py.lower(response)
        if containsKeyword(r), !containsKeyword(Py.lower(reference)) { return false }
        if !hasNonASCIIWordCharacter(response) { return false }
        if hasKeywordColonSegment(response) { return false }
        return englishWordCount(response: response, reference: reference) < 5
    }

    public static func isCompliant(response: String, reference: String) -> Bool {
        isCompliant(response: response.py, reference: reference.py)
    }

    /// The §5.4 post-check: a CJK ideograph in U+3400–4DBF, U+4E00–9FFF or U+F900–FAFF.
    public static func containsCJKIdeograph(_ s: PyString) -> Bool {
        s.contains { c in
            switch c.value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
            default: return false
            }
        }
    }

    // MARK: Keyword list K

    /// Entries of K that contain no other entry; "contains an entry of K" is equivalent to
    /// containing one of these or one of the `汉语` forms below.
    static let minimalKeywords: [PyString] = [
        "mandarin", "chinese", "translation", "中文是", "普通话版本", "翻译", "译文", "原文", "译成", "翻成", "译为", " is",
    ].map(\.py)
    static let hanyu: PyString = "汉语".py

    /// `s` is already lower-cased.
    static func containsKeyword(_ s: PyString) -> Bool {
        if minimalKeywords.contains(where: { Py.contains(s, $0) }) { return true }
        // The bare `汉语` was removed from K, its decorated forms were not.
        var from = 0
        while let p = Py.firstIndex(of: hanyu, in: s, from: from) {
            let after = p + hanyu.count
            if after < s.count, ":：是)）".unicodeScalars.contains(s[after]) { return true }
            if p > 0, "(（".unicodeScalars.contains(s[p - 1]) { return true }
            from = p + 1
        }
        return false
    }

    // MARK: C — "has Chinese words"

    /// A `\w` character that is not an ASCII letter or digit (what upstream feeds to jieba,
    /// whose output is non-empty exactly when its input is).
    static func hasNonASCIIWordCharacter(_ s: PyString) -> Bool {
        s.contains { c in
            if c.value < 0x80 { return c == "_" }
            return Py.isWord(c)
        }
    }

    // MARK: F — colon segments

    static let rawKeywords: [PyString] = [
        "mandarin", "chinese", "translation", "普通话", "汉语", "翻译", "译文", "原文", "译成", "翻成", "译为",
    ].map(\.py)

    @inline(__always)
    static func isSegmentBreak(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "；", "，", "、", "：", ":", "!", "?", ".", ";", ",": return true
        default: return false
        }
    }

    static func hasKeywordColonSegment(_ r: PyString) -> Bool {
        var segmentStart = 0
        for (p, c) in r.enumerated() {
            if c == ":" || c == "：" {
                let segment = Array(Py.stripSlice(Array(r[segmentStart...p])))
                let lowered = Py.lower(segment)
                if rawKeywords.contains(where: { Py.contains(lowered, $0) }) { return true }
            }
            // The colon itself ends the next segment's search range, so update after testing.
            if isSegmentBreak(c) { segmentStart = p + 1 }
        }
        return false
    }

    // MARK: E — English words left after removing shared words

    static func englishWordCount(response: PyString, reference: PyString) -> Int {
        let shared = sharedWords(reference)
        var kept = PyString()
        kept.reserveCapacity(response.count)
        var last = 0
        for w in asciiWordMatches(response) {
            let word = Array(response[w])
            if shared.contains(Py.lower(word)) {
                kept.append(contentsOf: response[last..<w.lowerBound])
                last = w.upperBound
            }
        }
        kept.append(contentsOf: response[last...])
        var t = Py.collapseWhitespace(kept)
        for i in t.indices {
            let c = t[i]
            if (0x4E00...0x9FFF).contains(c.value) || (!Py.isWord(c) && !Py.isSpace(c)) { t[i] = " " }
        }
        return Py.splitWhitespace(t).reduce(0) { $0 + (Py.isASCIILetter($1[0]) ? 1 : 0) }
    }

    /// Lower-cased `\b[a-zA-Z]+\b` matches of the reference after deleting bracketed and quoted
    /// spans and collapsing whitespace.
    static func sharedWords(_ reference: PyString) -> Set<PyString> {
        var t = reference
        for (open, close) in [("《", "》"), ("（", "）"), ("(", ")"), ("\"", "\"")] as [(Unicode.Scalar, Unicode.Scalar)] {
            t = deleteSpans(t, open: open, close: close)
        }
        let s = Py.lower(Py.collapseWhitespace(t))
        var set = Set<PyString>()
        for w in asciiWordMatches(s) { set.insert(Array(s[w])) }
        return set
    }

    /// Removes every `open [^close]* close` occurrence, left to right (newlines included).
    static func deleteSpans(_ s: PyString, open: Unicode.Scalar, close: Unicode.Scalar) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        var i = 0
        let n = s.count
        while i < n {
            if s[i] == open, let j = s[(i + 1)...].firstIndex(of: close) {
                i = j + 1
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// Ranges of `\b[a-zA-Z]+\b` matches: maximal runs of `\w` characters made only of ASCII
    /// letters (a letter run glued to any other `\w` character cannot satisfy both `\b`).
    static func asciiWordMatches(_ s: PyString) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = s.count
        while i < n {
            guard Py.isWord(s[i]) else { i += 1; continue }
            let start = i
            var allLetters = true
            while i < n, Py.isWord(s[i]) {
                if !Py.isASCIILetter(s[i]) { allLetters = false }
                i += 1
            }
            if allLetters { out.append(start..<i) }
        }
        return out
    }
}
