// Python `str()` / `repr()` of parsed JSON values (SCORING.md §0 "Py repr / str()"), for the
// rules that print a non-string JSON value, and Python's float repr, which the JSON writer
// shares.

public enum PythonRepr {
    /// The Unicode version of the reference Python (3.11): characters assigned later are
    /// unassigned there, so `str.isprintable` is false for them and `repr` escapes them.
    public static let unicodeVersion: Unicode.Version = (major: 14, minor: 0)

    /// Python `str(value)`: a top-level string is returned unchanged; nested strings are quoted.
    public static func str(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return repr(value)
    }

    /// Python `repr(value)` of the object `json.loads` would return.
    public static func repr(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    // Containers get their own non-inlined functions to keep recursive stack frames small.
    private static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let digits): out += digits
        case .float(let d): out += floatRepr(d)
        case .string(let s): out += stringRepr(s)
        case .array(let items): writeArray(items, to: &out)
        case .object(let object): writeObject(object, to: &out)
        }
    }

    @inline(never)
    private static func writeArray(_ items: [JSONValue], to out: inout String) {
        out += "["
        for k in items.indices {
            if k > 0 { out += ", " }
            write(items[k], to: &out)
        }
        out += "]"
    }

    @inline(never)
    private static func writeObject(_ object: JSONObject, to out: inout String) {
        out += "{"
        let keys = object.keys, values = object.values
        for k in keys.indices {
            if k > 0 { out += ", " }
            out += stringRepr(keys[k])
            out += ": "
            write(values[k], to: &out)
        }
        out += "}"
    }

    /// Python `repr(str)`: single quotes unless the text has a `'` and no `"`; backslash, the
    /// quote, `\t`, `\n`, `\r` escaped; other non-printable characters as `\xNN`, `\uNNNN` or
    /// `\UNNNNNNNN`.
    public static func stringRepr(_ s: String) -> String {
        var hasSingle = false, hasDouble = false
        for b in s.utf8 {
            if b == UInt8(ascii: "'") { hasSingle = true } else if b == UInt8(ascii: "\"") { hasDouble = true }
        }
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for c in s.unicodeScalars {
            switch c {
            case quote, "\\":
                out.append("\\")
                out.append(c)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out.append(contentsOf: hexEscape("x", c.value, 2).unicodeScalars)
                } else if c.value < 0x7F || isPrintable(c) {
                    out.append(c)
                } else if c.value <= 0xFF {
                    out.append(contentsOf: hexEscape("x", c.value, 2).unicodeScalars)
                } else if c.value <= 0xFFFF {
                    out.append(contentsOf: hexEscape("u", c.value, 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hexEscape("U", c.value, 8).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// Python `str.isprintable` for one character (with Python 3.11's Unicode 14 assignments):
    /// false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
    public static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x7F { return c.value >= 0x20 }
        guard let age = c.properties.age,
            age.major < unicodeVersion.major || (age.major == unicodeVersion.major && age.minor <= unicodeVersion.minor)
        else { return false }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hexEscape(_ kind: String, _ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16, uppercase: false)
        return "\\" + kind + String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// Python `repr(float)`: the shortest digits that round-trip (closest among them), written
    /// positionally when the decimal exponent is in -4..<16 (`0.0001`, `1e-05`,
    /// `9007199254740992.0`, `1e+16`), with at least two exponent digits; `inf`, `-inf`, `nan`.
    public static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, pointPosition) = shortestDigits(d)
        return format(negative: d < 0, digits: digits, decimalPoint: pointPosition)
    }

    /// Shortest round-trip digits of a finite non-zero double and the position of the decimal
    /// point relative to them (value = 0.DIGITS × 10^point). Swift's `description` produces the
    /// same shortest-and-closest digits as Python's repr; only its layout differs.
    static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        var digits: [UInt8] = []
        digits.reserveCapacity(17)
        var point = 0
        var seenPoint = false
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for b in d.magnitude.description.utf8 {
            if inExponent {
                switch b {
                case UInt8(ascii: "-"): exponentNegative = true
                case UInt8(ascii: "+"): break
                default: exponent = exponent * 10 + Int(b - 48)
                }
            } else if b == UInt8(ascii: ".") {
                seenPoint = true
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                inExponent = true
            } else {
                if digits.isEmpty && b == UInt8(ascii: "0") {
                    if seenPoint { point -= 1 }  // 0.000ddd: leading zeros move the point
                    continue
                }
                digits.append(b)
                if !seenPoint { point += 1 }
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point + (exponentNegative ? -exponent : exponent))
    }

    private static func format(negative: Bool, digits: [UInt8], decimalPoint point: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(26)
        if negative { out.append(UInt8(ascii: "-")) }
        if point > 16 || point <= -4 {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            let e = point - 1
            out.append(UInt8(ascii: "e"))
            out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = e.magnitude
            if magnitude < 10 { out.append(UInt8(ascii: "0")) }
            out.append(contentsOf: String(magnitude).utf8)
        } else if point <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point))
            out.append(contentsOf: digits)
        } else if point >= digits.count {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - digits.count))
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0"))
        } else {
            out.append(contentsOf: digits[..<point])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[point...])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
