// Python 3 string semantics on Unicode scalars (SCORING.md §0).
//
// The upstream scorers are Python; every length, index, comparison and character class in the
// rules is on code points, never on grapheme clusters or canonically equivalent strings. Swift's
// `String` compares by canonical equivalence, so rule code works on `[Unicode.Scalar]` and uses
// these helpers instead of Foundation's nearest equivalents.

/// A string as Python sees it: a sequence of code points.
public typealias PyString = [Unicode.Scalar]

public enum Py {
    /// Python `str.isspace` / `\s`.
    @inline(__always)
    public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python `str.isalpha` for one character: general category L*.
    @inline(__always)
    public static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Python regex `\d`: any decimal digit (category Nd).
    @inline(__always)
    public static func isDecimal(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber
    }

    /// Python regex `\w`: `isalnum()` (letters and anything with a numeric value) or `_`.
    @inline(__always)
    public static func isWord(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || v == 0x5F
        }
        return isAlpha(c) || c.properties.numericType != nil
    }

    @inline(__always)
    public static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A
    }

    @inline(__always)
    public static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    /// Python `str.lower()`: full case mapping, including the final-sigma rule.
    public static func lower(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        for (i, c) in s.enumerated() {
            if c.value < 0x80 {
                out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c)
            } else if c.value == 0x3A3 {
                out.append(isFinalSigma(s, i) ? "\u{3C2}" : "\u{3C3}")
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Python `str.upper()`: full case mapping ("ß" becomes "SS").
    public static func upper(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        for c in s {
            if c.value < 0x80 {
                out.append(c.value >= 0x61 && c.value <= 0x7A ? Unicode.Scalar(c.value - 32)! : c)
            } else {
                out.append(contentsOf: c.properties.uppercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// CPython's final-sigma test: preceded by a cased letter (skipping case-ignorables) and
    /// not followed by one.
    private static func isFinalSigma(_ s: PyString, _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, s[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, s[j].properties.isCased else { return false }
        var k = i + 1
        while k < s.count, s[k].properties.isCaseIgnorable { k += 1 }
        return k == s.count || !s[k].properties.isCased
    }

    public static func strip(_ s: PyString) -> PyString { Array(stripSlice(s)) }

    public static func stripSlice(_ s: PyString) -> ArraySlice<Unicode.Scalar> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
        return s[lo..<hi]
    }

    public static func lstrip(_ s: PyString) -> PyString {
        var lo = s.startIndex
        while lo < s.endIndex, isSpace(s[lo]) { lo += 1 }
        return Array(s[lo...])
    }

    public static func rstrip(_ s: PyString) -> PyString {
        var hi = s.endIndex
        while hi > s.startIndex, isSpace(s[hi - 1]) { hi -= 1 }
        return Array(s[..<hi])
    }

    /// `strip_chars(s, C)`: remove leading and trailing characters while they belong to `set`.
    public static func strip(_ s: PyString, chars set: Set<Unicode.Scalar>) -> PyString {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, set.contains(s[lo]) { lo += 1 }
        while hi > lo, set.contains(s[hi - 1]) { hi -= 1 }
        return Array(s[lo..<hi])
    }

    /// Python `str.split()` without arguments.
    public static func splitWhitespace(_ s: PyString) -> [PyString] {
        var out: [PyString] = []
        var i = 0
        let n = s.count
        while i < n {
            while i < n, isSpace(s[i]) { i += 1 }
            if i == n { break }
            let start = i
            while i < n, !isSpace(s[i]) { i += 1 }
            out.append(Array(s[start..<i]))
        }
        return out
    }

    /// `" ".join(s.split())`: collapse every whitespace run to one space and trim.
    public static func collapseWhitespace(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        var pendingSpace = false
        for c in s {
            if isSpace(c) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(c)
            }
        }
        return out
    }

    /// Python `str.split(sep)` with a non-empty separator: keeps empty pieces.
    public static func split(_ s: PyString, on sep: PyString) -> [PyString] {
        precondition(!sep.isEmpty, "empty separator")
        var out: [PyString] = []
        var start = 0
        var i = 0
        let n = s.count, m = sep.count
        while i + m <= n {
            if s[i] == sep[0], Array(s[i..<(i + m)]) == sep {
                out.append(Array(s[start..<i]))
                i += m
                start = i
            } else {
                i += 1
            }
        }
        out.append(Array(s[start...]))
        return out
    }

    public static func hasPrefix(_ s: PyString, _ p: PyString) -> Bool {
        p.count <= s.count && s[0..<p.count].elementsEqual(p)
    }

    public static func hasSuffix(_ s: PyString, _ q: PyString) -> Bool {
        q.count <= s.count && s[(s.count - q.count)...].elementsEqual(q)
    }

    /// Python `needle in haystack` on code points.
    public static func contains(_ haystack: PyString, _ needle: PyString) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    public static func firstIndex(of needle: PyString, in haystack: PyString, from: Int = 0) -> Int? {
        let n = haystack.count, m = needle.count
        if m == 0 { return from <= n ? from : nil }
        guard m <= n else { return nil }
        let first = needle[0]
        var i = from
        while i + m <= n {
            if haystack[i] == first {
                var j = 1
                while j < m, haystack[i + j] == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }
}

extension String {
    /// The code points of the string (Python's view of it).
    @inline(__always)
    public var py: PyString { Array(unicodeScalars) }

    /// Builds a String from code points without any normalization.
    public init(py scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
