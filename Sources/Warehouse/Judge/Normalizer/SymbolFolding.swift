// SCORING.md §7 step 9: Whisper's `remove_symbols_and_diacritics(s, keep=".%$¢€£")`.
//
// NFKD first; then per code point: keep the numeric symbols, spell out the letters NFKD does
// not decompose (œ, ø, ß, þ…), drop non-spacing marks (the accents NFKD split off), turn every
// other mark, symbol and punctuation character into a space, keep the rest (letters, digits,
// separators, Cc and Cf characters such as U+200B).

enum SymbolFolding {
    /// Upstream's ADDITIONAL_DIACRITICS.
    static let additional: [Unicode.Scalar: PyString] = [
        "œ": "oe".py, "Œ": "OE".py, "ø": "o".py, "Ø": "O".py, "æ": "ae".py, "Æ": "AE".py,
        "ß": "ss".py, "ẞ": "SS".py, "đ": "d".py, "Đ": "D".py, "ð": "d".py, "Ð": "D".py,
        "þ": "th".py, "Þ": "th".py, "ł": "l".py, "Ł": "L".py,
    ]

    private enum Action { case keep, space, delete, replace }

    /// The verdict for every ASCII scalar, computed once from the same rule.
    private static let asciiBecomesSpace: [Bool] = (0..<128).map { v in
        action(Unicode.Scalar(UInt8(v))) == .space
    }

    private static func action(_ c: Unicode.Scalar) -> Action {
        switch c {
        case ".", "%", "$", "¢", "€", "£": return .keep
        default: break
        }
        if additional[c] != nil { return .replace }
        switch c.properties.generalCategory {
        case .nonspacingMark:
            return .delete
        case .spacingMark, .enclosingMark,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .space
        default:
            return .keep
        }
    }

    static func fold(_ s: PyString) -> PyString {
        let d = Py.nfkd(s)
        let asciiBecomesSpace = Self.asciiBecomesSpace
        var out = PyString()
        out.reserveCapacity(d.count)
        for c in d {
            if c.value < 0x80 {
                out.append(asciiBecomesSpace[Int(c.value)] ? " " : c)
                continue
            }
            switch action(c) {
            case .keep: out.append(c)
            case .space: out.append(" ")
            case .delete: break
            case .replace: out.append(contentsOf: additional[c]!)
            }
        }
        return out
    }
}
