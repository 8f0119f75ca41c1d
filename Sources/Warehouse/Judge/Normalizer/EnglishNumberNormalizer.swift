// Whisper's English number normaliser (SCORING.md §7.1): spelled-out numbers, currencies and
// percentages become digits and symbols ("twenty five dollars" → "$25").
//
// Implemented from the spec as three passes over code points: the preprocessing rewrites, the
// token state machine, and the postprocessing rewrites. Each regex of the spec is a hand-written
// scanner reproducing Python `re.sub`/`re.split` semantics (leftmost, non-overlapping matches).

public struct EnglishNumberNormalizer: Sendable {
    public init() {}

    public func normalize(_ s: PyString) -> PyString {
        let prepared = Self.preprocess(s)
        return Self.postprocess(NumberTokenMachine.run(prepared))
    }

    // MARK: Preprocess

    static func preprocess(_ s: PyString) -> PyString {
        let halves = expandHalves(s)
        let spaced = spaceLetterDigitBoundaries(halves)
        return joinOrdinalSuffixes(spaced)
    }

    /// Step (a): split on `\band\s+a\s+half\b` and turn "X and a half" into "X point five" when
    /// X ends in a decimal or multiplier word.
    static func expandHalves(_ s: PyString) -> PyString {
        var cuts: [Range<Int>] = []
        let n = s.count
        var i = 0
        while i + 3 <= n {
            if s[i] == "a", let end = andAHalfEnd(s, from: i) {
                cuts.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        if cuts.isEmpty { return s }

        var segments: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        for cut in cuts {
            segments.append(s[start..<cut.lowerBound])
            start = cut.upperBound
        }
        segments.append(s[start..<n])

        var pieces: [PyString] = []
        for (k, segment) in segments.enumerated() {
            guard segment.contains(where: { !Py.isSpace($0) }) else { continue }
            pieces.append(Array(segment))
            if k == segments.count - 1 { break }
            let word = lastWord(segment)
            let isDecimalOrMultiplier = NumberWords.lookup(word).map { $0.isDecimal || $0.isMultiplier } ?? false
            pieces.append(isDecimalOrMultiplier ? "point five".py : "and a half".py)
        }
        var out = PyString()
        out.reserveCapacity(s.count + 8)
        for (k, piece) in pieces.enumerated() {
            if k > 0 { out.append(" ") }
            out.append(contentsOf: piece)
        }
        return out
    }

    /// End of a match of `\band\s+a\s+half\b` starting at `i`, if there is one.
    private static func andAHalfEnd(_ s: PyString, from i: Int) -> Int? {
        let n = s.count
        guard Py.isWordBoundary(s, at: i), i + 3 <= n, s[i] == "a", s[i + 1] == "n", s[i + 2] == "d" else { return nil }
        var j = i + 3
        guard j < n, Py.isSpace(s[j]) else { return nil }
        while j < n, Py.isSpace(s[j]) { j += 1 }
        guard j < n, s[j] == "a" else { return nil }
        j += 1
        guard j < n, Py.isSpace(s[j]) else { return nil }
        while j < n, Py.isSpace(s[j]) { j += 1 }
        guard j + 4 <= n, s[j] == "h", s[j + 1] == "a", s[j + 2] == "l", s[j + 3] == "f" else { return nil }
        j += 4
        return Py.isWordBoundary(s, at: j) ? j : nil
    }

    private static func lastWord(_ segment: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var hi = segment.endIndex
        while hi > segment.startIndex, Py.isSpace(segment[hi - 1]) { hi -= 1 }
        var lo = hi
        while lo > segment.startIndex, !Py.isSpace(segment[lo - 1]) { lo -= 1 }
        return segment[lo..<hi]
    }

    /// Step (b): a space between an ASCII lower-case letter and a following ASCII digit, then
    /// between an ASCII digit and a following ASCII lower-case letter. Neither pattern can
    /// overlap itself, so one pass inserting at both kinds of boundary is the same.
    static func spaceLetterDigitBoundaries(_ s: PyString) -> PyString {
        @inline(__always) func lower(_ c: Unicode.Scalar) -> Bool { c.value >= 0x61 && c.value <= 0x7A }
        var out: PyString?
        for i in s.indices {
            if i > 0 {
                let a = s[i - 1], b = s[i]
                if (lower(a) && Py.isASCIIDigit(b)) || (Py.isASCIIDigit(a) && lower(b)) {
                    if out == nil { out = Array(s[..<i]); out!.reserveCapacity(s.count + 8) }
                    out!.append(" ")
                }
            }
            out?.append(s[i])
        }
        return out ?? s
    }

    /// Step (c): remove `\s+` between an ASCII digit and `st|nd|rd|th|s` ending at `\b`.
    static func joinOrdinalSuffixes(_ s: PyString) -> PyString {
        var out: PyString?
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if Py.isASCIIDigit(c), i + 1 < n, Py.isSpace(s[i + 1]) {
                var j = i + 1
                while j < n, Py.isSpace(s[j]) { j += 1 }
                if let len = ordinalSuffixLength(s, at: j) {
                    if out == nil { out = Array(s[..<i]); out!.reserveCapacity(s.count) }
                    out!.append(c)
                    out!.append(contentsOf: s[j..<(j + len)])
                    i = j + len
                    continue
                }
            }
            out?.append(c)
            i += 1
        }
        return out ?? s
    }

    private static let ordinalSuffixes: [PyString] = ["st", "nd", "rd", "th", "s"].map(\.py)

    /// Length of `(st|nd|rd|th|s)\b` at `j`, trying the alternatives in order.
    private static func ordinalSuffixLength(_ s: PyString, at j: Int) -> Int? {
        let n = s.count
        for sfx in ordinalSuffixes {
            let end = j + sfx.count
            if end <= n, s[j..<end].elementsEqual(sfx), Py.isWordBoundary(s, at: end) { return sfx.count }
        }
        return nil
    }

    // MARK: Postprocess

    static func postprocess(_ s: PyString) -> PyString {
        spellOutOnes(extractCents(combineCents(s)))
    }

    @inline(__always)
    private static func isCurrency(_ c: Unicode.Scalar) -> Bool { c == "$" || c == "£" || c == "€" }

    /// `[0-9]{1,2}\b` at `j`: the digits' value and the match end.
    private static func cents(_ s: PyString, at j: Int) -> (value: Int, end: Int)? {
        let n = s.count
        var k = j
        var v = 0
        while k < n, k < j + 2, Py.isASCIIDigit(s[k]) { v = v * 10 + Int(s[k].value - 0x30); k += 1 }
        guard k > j else { return nil }
        // With two digits taken, backing off to one would leave a digit after it: no `\b`.
        return Py.isWordBoundary(s, at: k) ? (v, k) : nil
    }

    /// (a) `([€£$])([0-9]+) (?:and )?¢([0-9]{1,2})\b` → currency, integer, `.`, two-digit cents.
    static func combineCents(_ s: PyString) -> PyString {
        guard s.contains("¢") else { return s }
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if isCurrency(s[i]) {
                var j = i + 1
                while j < n, Py.isASCIIDigit(s[j]) { j += 1 }
                let integer = (i + 1)..<j
                if !integer.isEmpty, j < n, s[j] == " " {
                    j += 1
                    if j + 4 <= n, s[j] == "a", s[j + 1] == "n", s[j + 2] == "d", s[j + 3] == " " { j += 4 }
                    if j < n, s[j] == "¢", let c = cents(s, at: j + 1) {
                        out.append(s[i])
                        out.append(contentsOf: s[integer])
                        out.append(".")
                        out.append(Unicode.Scalar(UInt8(0x30 + c.value / 10)))
                        out.append(Unicode.Scalar(UInt8(0x30 + c.value % 10)))
                        i = c.end
                        continue
                    }
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// (b) `[€£$]0.([0-9]{1,2})\b` → `¢` + the cents as an integer (`.` is any non-newline).
    static func extractCents(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if isCurrency(s[i]), i + 3 < n, s[i + 1] == "0", s[i + 2] != "\n", let c = cents(s, at: i + 3) {
                out.append("¢")
                out.append(contentsOf: String(c.value).unicodeScalars)
                i = c.end
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// (c) `\b1(s?)\b` → `one` / `ones`.
    static func spellOutOnes(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count + 4)
        let n = s.count
        var i = 0
        while i < n {
            if s[i] == "1", Py.isWordBoundary(s, at: i) {
                if i + 1 < n, s[i + 1] == "s", Py.isWordBoundary(s, at: i + 2) {
                    out.append(contentsOf: "ones".unicodeScalars)
                    i += 2
                    continue
                }
                if Py.isWordBoundary(s, at: i + 1) {
                    out.append(contentsOf: "one".unicodeScalars)
                    i += 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}
