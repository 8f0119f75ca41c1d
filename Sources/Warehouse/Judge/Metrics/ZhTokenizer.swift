// sacreBLEU 2.6.0's `zh` tokenizer (SCORING.md §8.2), without any regex engine.

public enum ZhTokenizer {
    /// The tokens of `s`: strip, space out "Chinese" characters, the four 13a-style
    /// substitutions, split on whitespace.
    public static func tokenize(_ s: PyString) -> [PyString] {
        splitTokens(postTokenize(spaceChinese(Py.stripSlice(s))))
    }

    public static func tokenize(_ s: String) -> [PyString] { tokenize(s.py) }

    /// `" ".join(tokens)`: the tokenized line as sacreBLEU returns it.
    public static func tokenizedLine(_ s: PyString) -> PyString {
        let tokens = tokenize(s)
        var out = PyString()
        for (k, t) in tokens.enumerated() {
            if k > 0 { out.append(" ") }
            out.append(contentsOf: t)
        }
        return out
    }

    /// sacreBLEU's `_is_chinese_char`. The two supplementary ranges are written in the source
    /// as a 4-digit escape plus a digit ("\u20000"), so the comparison of one character against
    /// a two-character string makes them U+2001–U+2A6D and U+2F81–U+2FA1.
    @inline(__always)
    public static func isChinese(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x2001 { return false }
        switch v {
        case 0x3400...0x4DB5, 0x4E00...0x9FA5, 0x9FA6...0x9FBB, 0xF900...0xFA2D, 0xFA30...0xFA6A,
             0xFA70...0xFAD9, 0x2001...0x2A6D, 0x2F81...0x2FA1, 0xFF00...0xFFEF, 0x2E80...0x2EFF,
             0x3000...0x303F, 0x31C0...0x31EF, 0x2F00...0x2FDF, 0x2FF0...0x2FFF, 0x3100...0x312F,
             0x31A0...0x31BF, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0x2600...0x26FF, 0x2700...0x27BF,
             0x3200...0x32FF, 0x3300...0x33FF:
            return true
        default:
            return false
        }
    }

    private static func spaceChinese(_ s: ArraySlice<Unicode.Scalar>) -> PyString {
        var out = PyString()
        out.reserveCapacity(s.count * 2)
        for c in s {
            if isChinese(c) {
                out.append(" "); out.append(c); out.append(" ")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `[\{-\~\[-\` -\&\(-\+\:-\@\/]`: ASCII punctuation except `'`, `,`, `-`, `.` (and space).
    @inline(__always)
    private static func isSplitPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x26, 0x28...0x2B, 0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    @inline(__always) private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inline(__always) private static func isPeriodOrComma(_ c: Unicode.Scalar) -> Bool { c == "." || c == "," }

    /// The four substitutions of `TokenizerRegexp`, each a separate left-to-right pass over the
    /// output of the previous one (matches are two characters long and never overlap).
    static func postTokenize(_ s: PyString) -> PyString {
        var a = PyString()
        a.reserveCapacity(s.count * 2)
        for c in s {
            if isSplitPunctuation(c.value) {
                a.append(" "); a.append(c); a.append(" ")
            } else {
                a.append(c)
            }
        }
        // ([^0-9])([\.,]) → "\1 \2 "
        var b = PyString()
        b.reserveCapacity(a.count + 8)
        var i = 0
        while i < a.count {
            if i + 1 < a.count, !isDigit(a[i]), isPeriodOrComma(a[i + 1]) {
                b.append(a[i]); b.append(" "); b.append(a[i + 1]); b.append(" ")
                i += 2
            } else {
                b.append(a[i]); i += 1
            }
        }
        // ([\.,])([^0-9]) → " \1 \2"
        var c = PyString()
        c.reserveCapacity(b.count + 8)
        i = 0
        while i < b.count {
            if i + 1 < b.count, isPeriodOrComma(b[i]), !isDigit(b[i + 1]) {
                c.append(" "); c.append(b[i]); c.append(" "); c.append(b[i + 1])
                i += 2
            } else {
                c.append(b[i]); i += 1
            }
        }
        // ([0-9])(-) → "\1 \2 "
        var d = PyString()
        d.reserveCapacity(c.count + 8)
        i = 0
        while i < c.count {
            if i + 1 < c.count, isDigit(c[i]), c[i + 1] == "-" {
                d.append(c[i]); d.append(" "); d.append("-"); d.append(" ")
                i += 2
            } else {
                d.append(c[i]); i += 1
            }
        }
        return d
    }

    private static func splitTokens(_ s: PyString) -> [PyString] { Py.splitWhitespace(s) }
}
