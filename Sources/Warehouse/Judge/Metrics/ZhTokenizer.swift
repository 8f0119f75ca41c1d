// sacreBLEU 2.6.0's `zh` tokenizer (SCORING.md §8.2), without any regex engine.
//
// Steps: strip; surround every "Chinese" character with spaces; the four substitutions of
// sacreBLEU's `TokenizerRegexp`, each a left-to-right pass over the previous pass's output;
// split on whitespace. The passes run on raw UInt32 buffers because BLEU statistics are
// computed for every response of every model.

public enum ZhTokenizer {
    /// The tokens of `s`.
    public static func tokenize(_ s: PyString) -> [PyString] {
        var table = TokenTable()
        tokenize(s, into: &table)
        return (0..<table.count).map(table.token)
    }

    public static func tokenize(_ s: String) -> [PyString] { tokenize(s.py) }

    /// `" ".join(tokens)`: the tokenized line as sacreBLEU returns it.
    public static func tokenizedLine(_ s: PyString) -> PyString {
        var out = PyString()
        for (k, t) in tokenize(s).enumerated() {
            if k > 0 { out.append(" ") }
            out.append(contentsOf: t)
        }
        return out
    }

    /// sacreBLEU's `_is_chinese_char`. The two supplementary ranges are written in the source
    /// as a 4-digit escape plus a digit ("\u20000"), so the comparison of one character against
    /// a two-character string makes them U+2001–U+2A6D and U+2F81–U+2FA1.
    @inline(__always)
    public static func isChinese(_ c: Unicode.Scalar) -> Bool { isChinese(c.value) }

    @inline(__always)
    static func isChinese(_ v: UInt32) -> Bool {
        if v < 0x2001 || v > 0xFFEF { return false }
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

    /// `[\{-\~\[-\` -\&\(-\+\:-\@\/]`: ASCII punctuation except `'`, `,`, `-`, `.` (and space).
    @inline(__always)
    private static func isSplitPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x26, 0x28...0x2B, 0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    @inline(__always) private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    @inline(__always) private static func isPeriodOrComma(_ v: UInt32) -> Bool { v == 0x2E || v == 0x2C }
    @inline(__always) private static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Appends the tokens of `s` to `table`.
    static func tokenize(_ s: PyString, into table: inout TokenTable) {
        s.withUnsafeBufferPointer { src in
            var lo = 0, hi = src.count
            while lo < hi, isSpace(src[lo].value) { lo += 1 }
            while hi > lo, isSpace(src[hi - 1].value) { hi -= 1 }
            let n = hi - lo
            if n == 0 { return }
            // Pass 1 at most triples the text; passes 2–4 each at most double what they read.
            let capacity = 3 * n * 8 + 8
            let a = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
            let b = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
            defer { a.deallocate(); b.deallocate() }

            // Chinese characters and the punctuation class of the first substitution are both
            // spaced out character by character, so the two steps fuse into one pass.
            var na = 0
            for i in lo..<hi {
                let v = src[i].value
                if isChinese(v) || isSplitPunctuation(v) {
                    a[na] = 0x20; a[na + 1] = v; a[na + 2] = 0x20; na += 3
                } else {
                    a[na] = v; na += 1
                }
            }
            // ([^0-9])([\.,]) → "\1 \2 "
            var nb = 0, i = 0
            while i < na {
                if i + 1 < na, !isDigit(a[i]), isPeriodOrComma(a[i + 1]) {
                    b[nb] = a[i]; b[nb + 1] = 0x20; b[nb + 2] = a[i + 1]; b[nb + 3] = 0x20; nb += 4; i += 2
                } else {
                    b[nb] = a[i]; nb += 1; i += 1
                }
            }
            // ([\.,])([^0-9]) → " \1 \2"
            na = 0; i = 0
            while i < nb {
                if i + 1 < nb, isPeriodOrComma(b[i]), !isDigit(b[i + 1]) {
                    a[na] = 0x20; a[na + 1] = b[i]; a[na + 2] = 0x20; a[na + 3] = b[i + 1]; na += 4; i += 2
                } else {
                    a[na] = b[i]; na += 1; i += 1
                }
            }
            // ([0-9])(-) → "\1 \2 "
            nb = 0; i = 0
            while i < na {
                if i + 1 < na, isDigit(a[i]), a[i + 1] == 0x2D {
                    b[nb] = a[i]; b[nb + 1] = 0x20; b[nb + 2] = 0x2D; b[nb + 3] = 0x20; nb += 4; i += 2
                } else {
                    b[nb] = a[i]; nb += 1; i += 1
                }
            }
            // split()
            i = 0
            while i < nb {
                while i < nb, isSpace(b[i]) { i += 1 }
                if i == nb { break }
                let start = i
                while i < nb, !isSpace(b[i]) { i += 1 }
                table.append(UnsafeBufferPointer(start: b + start, count: i - start))
            }
        }
    }
}
