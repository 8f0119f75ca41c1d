// The English text normaliser `N` of SCORING.md §7: Whisper's `EnglishTextNormalizer`, which
// ISA-Bench applies to references and hypotheses before computing WER.
//
// Every step reproduces one Python `re.sub` (or string method) of upstream on code points,
// including the quirks the benchmark's numbers depend on (§7, §7.2, §11 items 15–16). The
// whisper-normalizer PyPI class is deliberately not mirrored: it has extra rules upstream lacks.

public struct EnglishTextNormalizer: Sendable {
    public static let shared = EnglishTextNormalizer()

    private let numbers = EnglishNumberNormalizer()

    public init() {}

    public func callAsFunction(_ s: String) -> String {
        String(py: normalize(s.py))
    }

    public func normalize(_ s: PyString) -> PyString {
        var s = Py.lower(s)                                   // 1
        s = NormalizerSteps.deleteBracketedSpans(s)           // 2
        s = NormalizerSteps.deleteParenthesisedSpans(s)       // 3
        s = NormalizerSteps.deleteFillers(s)                  // 4
        s = NormalizerSteps.deleteSpaceBeforeApostrophe(s)    // 5
        s = Replacements.apply(s)                             // 6
        s = NormalizerSteps.joinDigitCommas(s)                // 7
        s = NormalizerSteps.removeNonDecimalPeriods(s)        // 8
        s = SymbolFolding.fold(s)                             // 9
        s = numbers.normalize(s)                              // 10
        s = NormalizerSteps.americanSpellings(s)              // 11
        s = NormalizerSteps.removeDanglingSymbols(s)          // 12
        s = NormalizerSteps.removeDanglingPercent(s)          // 13
        return NormalizerSteps.squeezeWhitespace(s)           // 14
    }
}

/// The regex steps of §7 as scanners. Each returns its input unchanged when nothing matches,
/// so the common case costs one read-only pass.
enum NormalizerSteps {
    /// Step 2: `[<\[][^>\]]*[>\]]` → "".
    static func deleteBracketedSpans(_ s: PyString) -> PyString {
        guard var i = s.firstIndex(where: { $0 == "<" || $0 == "[" }) else { return s }
        var out = Array(s[..<i])
        let n = s.count
        while i < n {
            let c = s[i]
            if c == "<" || c == "[" {
                guard let close = s[(i + 1)...].firstIndex(where: { $0 == ">" || $0 == "]" }) else {
                    // No closer anywhere to the right: no later opener can match either.
                    out.append(contentsOf: s[i...])
                    break
                }
                i = close + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// Step 3: `\(([^)]+?)\)` → "": a `(`, at least one non-`)`, up to the first `)`.
    static func deleteParenthesisedSpans(_ s: PyString) -> PyString {
        guard var i = s.firstIndex(of: "(") else { return s }
        var out = Array(s[..<i])
        let n = s.count
        while i < n {
            let c = s[i]
            if c == "(", i + 1 < n, s[i + 1] != ")" {
                guard let close = s[(i + 2)...].firstIndex(of: ")") else {
                    out.append(contentsOf: s[i...])
                    break
                }
                i = close + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static let fillers: Set<PyString> = Set(["hmm", "mm", "mhm", "mmm", "uh", "um"].map(\.py))

    /// Step 4: `\b(hmm|mm|mhm|mmm|uh|um)\b` → "". Both boundaries make every match a whole
    /// maximal `\w` run, so runs are compared against the set.
    static func deleteFillers(_ s: PyString) -> PyString {
        var out: PyString?
        let n = s.count
        var i = 0
        var copied = 0
        while i < n {
            guard Py.isWord(s[i]) else { i += 1; continue }
            let start = i
            while i < n, Py.isWord(s[i]) { i += 1 }
            let length = i - start
            guard length >= 2, length <= 3, s[start] == "h" || s[start] == "m" || s[start] == "u",
                  fillers.contains(Array(s[start..<i]))
            else { continue }
            if out == nil { out = PyString(); out!.reserveCapacity(n) }
            out!.append(contentsOf: s[copied..<start])
            copied = i
        }
        guard var result = out else { return s }
        result.append(contentsOf: s[copied...])
        return result
    }

    /// Step 5: `\s+'` → `'`.
    static func deleteSpaceBeforeApostrophe(_ s: PyString) -> PyString {
        guard s.contains("'") else { return s }
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if Py.isSpace(s[i]) {
                var j = i
                while j < n, Py.isSpace(s[j]) { j += 1 }
                if j < n, s[j] == "'" {
                    i = j
                    continue
                }
                out.append(contentsOf: s[i..<j])
                i = j
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Step 7: `(\d),(\d)` → the two digits, one left-to-right pass (`1,2,3` → `12,3`).
    static func joinDigitCommas(_ s: PyString) -> PyString {
        guard s.contains(",") else { return s }
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if i + 2 < n, s[i + 1] == ",", Py.isDecimal(s[i]), Py.isDecimal(s[i + 2]) {
                out.append(s[i])
                out.append(s[i + 2])
                i += 3
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Step 8: `\.([^0-9]|$)` → a space and the captured character.
    static func removeNonDecimalPeriods(_ s: PyString) -> PyString {
        guard s.contains(".") else { return s }
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if s[i] == ".", i + 1 == n || !Py.isASCIIDigit(s[i + 1]) {
                out.append(" ")
                if i + 1 < n { out.append(s[i + 1]) }
                i += 2
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Step 11: split_ws, British → American per token, join with single spaces.
    static func americanSpellings(_ s: PyString) -> PyString {
        let table = SpellingMap.table
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            while i < n, Py.isSpace(s[i]) { i += 1 }
            if i == n { break }
            let start = i
            while i < n, !Py.isSpace(s[i]) { i += 1 }
            if !out.isEmpty { out.append(" ") }
            if let key = PackedASCII(s[start..<i]), let american = table[key] {
                out.append(contentsOf: american)
            } else {
                out.append(contentsOf: s[start..<i])
            }
        }
        return out
    }

    @inline(__always)
    private static func isNumericSymbol(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "$" || c == "¢" || c == "€" || c == "£"
    }

    /// Step 12: `[.$¢€£]([^0-9])` → a space and the captured character.
    static func removeDanglingSymbols(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if isNumericSymbol(s[i]), i + 1 < n, !Py.isASCIIDigit(s[i + 1]) {
                out.append(" ")
                out.append(s[i + 1])
                i += 2
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Step 13: `([^0-9])%` → the captured character and a space.
    static func removeDanglingPercent(_ s: PyString) -> PyString {
        guard s.contains("%") else { return s }
        var out = PyString()
        out.reserveCapacity(s.count)
        let n = s.count
        var i = 0
        while i < n {
            if i + 1 < n, s[i + 1] == "%", !Py.isASCIIDigit(s[i]) {
                out.append(s[i])
                out.append(" ")
                i += 2
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Step 14: `\s+` → one space, without a final strip.
    static func squeezeWhitespace(_ s: PyString) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count)
        var inSpace = false
        for c in s {
            if Py.isSpace(c) {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(c)
                inSpace = false
            }
        }
        return out
    }
}
