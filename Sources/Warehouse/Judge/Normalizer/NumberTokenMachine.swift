// The token loop of the number normaliser (SCORING.md §7.1, "Token loop").
//
// The pending number is either an exact integer or text, exactly as upstream keeps a Python
// `int` or `str`: which of the two it is decides later arithmetic (integers add, text
// concatenates), so the distinction is part of the behaviour, not an implementation detail.

/// The number being built: upstream's `value`.
enum PendingNumber {
    case integer(DecimalInteger)
    case text(PyString)

    /// Python `str(value)`.
    var scalars: PyString {
        switch self {
        case .integer(let v): return v.scalars
        case .text(let t): return t
        }
    }

    /// Python `str(value or "")`: an integer zero counts as absent.
    static func textOrEmpty(_ value: PendingNumber?) -> PyString {
        switch value {
        case nil: return []
        case .integer(let v): return v.isZero ? [] : v.scalars
        case .text(let t): return t
        }
    }
}

struct NumberTokenMachine {
    private var out = PyString()
    private var emittedAny = false
    private var value: PendingNumber?
    private var prefix: Unicode.Scalar?

    /// Runs the loop over `split_ws(s)` and returns the emitted pieces joined by single spaces.
    static func run(_ s: PyString) -> PyString {
        let tokens = tokenRanges(s)
        if tokens.isEmpty { return [] }
        var m = NumberTokenMachine()
        m.out.reserveCapacity(s.count + 8)
        m.process(s, tokens)
        return m.out
    }

    private static func tokenRanges(_ s: PyString) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let n = s.count
        var i = 0
        while i < n {
            while i < n, Py.isSpace(s[i]) { i += 1 }
            if i == n { break }
            let start = i
            while i < n, !Py.isSpace(s[i]) { i += 1 }
            ranges.append(start..<i)
        }
        return ranges
    }

    // MARK: Output

    /// Upstream's `output(x)`: the pending prefix, then `x`; clears value and prefix.
    private mutating func emit(_ x: some Sequence<Unicode.Scalar>, suffix: String = "") {
        if emittedAny { out.append(" ") }
        emittedAny = true
        if let p = prefix { out.append(p) }
        out.append(contentsOf: x)
        out.append(contentsOf: suffix.unicodeScalars)
        value = nil
        prefix = nil
    }

    private mutating func flush() {
        if let v = value { emit(v.scalars) }
    }

    // MARK: Loop

    @inline(__always)
    private static func isPrefixSymbol(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "+", "£", "€", "$", "¢": return true
        default: return false
        }
    }

    private mutating func process(_ s: PyString, _ tokens: [Range<Int>]) {
        let table = NumberWords.table
        let words = tokens.map { PackedASCII(s[$0]).flatMap { table[$0] } }
        let numeric = tokens.map { Self.isNumeric(s[$0]) }
        var skip = false

        for k in tokens.indices {
            if skip { skip = false; continue }
            let cur = s[tokens[k]]
            let prevWord: NumberWord? = k > 0 ? words[k - 1] : nil
            let hasNext = k + 1 < tokens.count
            let nextWord: NumberWord? = hasNext ? words[k + 1] : nil
            let nextIsNumeric = hasNext && numeric[k + 1]
            let nextIsWordOrNumeric = nextWord != nil || nextIsNumeric

            let hasPrefix = Self.isPrefixSymbol(cur.first!)
            let body = hasPrefix ? cur.dropFirst() : cur[...]
            if hasPrefix ? Self.isNumeric(body) : numeric[k] {
                if let v = value {
                    if case .text(let t) = v, t.last == "." {
                        value = .text(t + cur)
                        continue
                    }
                    emit(v.scalars)
                }
                if hasPrefix { prefix = cur.first }
                value = Self.parseNumeric(body)
                continue
            }

            guard let word = words[k] else {
                flush()
                emit(cur)
                continue
            }

            switch word {
            case .zero:
                value = .text(PendingNumber.textOrEmpty(value) + ["0"])

            case .ones(let n):
                value = combineOnes(n, prevWord: prevWord)

            case .onesSuffixed(let n, let sfx):
                let combined = combineOnes(n, prevWord: prevWord)
                emit(combined.scalars, suffix: sfx)

            case .tens(let t):
                value = combineTens(t)

            case .tensSuffixed(let t, let sfx):
                emit(combineTens(t).scalars, suffix: sfx)

            case .multiplier(let e):
                switch value {
                case nil:
                    value = .integer(.powerOfTen(e))
                case .integer(let v) where !v.isZero:
                    value = .integer(v.scalingLastThreeDigits(byPowerOfTen: e))
                case .integer:
                    value = .integer(.zero)
                case .text(let t):
                    if let p = Self.scaledInteger(t, exponent: e) {
                        value = .integer(p)
                    } else {
                        emit(t)
                        value = .integer(.powerOfTen(e))
                    }
                }

            case .multiplierSuffixed(let e, let sfx):
                switch value {
                case nil:
                    emit(DecimalInteger.powerOfTen(e).scalars, suffix: sfx)
                case .integer(let v):
                    emit(v.scalingLastThreeDigits(byPowerOfTen: e).scalars, suffix: sfx)
                case .text(let t):
                    if let p = Self.scaledInteger(t, exponent: e) {
                        emit(p.scalars, suffix: sfx)
                    } else {
                        emit(t)
                        emit(DecimalInteger.powerOfTen(e).scalars, suffix: sfx)
                    }
                }

            case .precedingPrefixer(let sign):
                flush()
                if nextIsWordOrNumeric { prefix = sign } else { emit(cur) }

            case .followingPrefixer(let currency):
                if let v = value {
                    prefix = currency
                    emit(v.scalars)
                } else {
                    emit(cur)
                }

            case .percent:
                if let v = value { emit(v.scalars, suffix: "%") } else { emit(cur) }

            case .per:
                if let v = value {
                    if hasNext, PackedASCII(s[tokens[k + 1]]) == NumberWords.cent {
                        emit(v.scalars, suffix: "%")
                        skip = true
                    } else {
                        emit(v.scalars)
                        emit(cur)
                    }
                } else {
                    emit(cur)
                }

            case .and, .repeater, .point:
                guard nextIsWordOrNumeric else {
                    flush()
                    emit(cur)
                    continue
                }
                switch word {
                case .and:
                    // "hundred and five": the number continues.
                    if !(prevWord?.isMultiplier ?? false) {
                        flush()
                        emit(cur)
                    }
                case .repeater(let times):
                    let digit: Int
                    switch nextWord {
                    case .ones(let n)?: digit = n
                    case .zero?: digit = 0
                    default:
                        flush()
                        emit(cur)
                        continue
                    }
                    let unit = String(digit).unicodeScalars
                    var t = PendingNumber.textOrEmpty(value)
                    for _ in 0..<times { t.append(contentsOf: unit) }
                    value = .text(t)
                    skip = true
                default: // point
                    if (nextWord?.isDecimal ?? false) || nextIsNumeric {
                        value = .text(PendingNumber.textOrEmpty(value) + ["."])
                    }
                }
            }
        }
        flush()
    }

    /// The ones rule of §7.1 step 4 (also used, then emitted, by step 5).
    private func combineOnes(_ n: Int, prevWord: NumberWord?) -> PendingNumber {
        let digits = String(n).unicodeScalars
        guard let value else { return .integer(DecimalInteger(n)) }
        if case .integer(let v) = value, !(prevWord?.isOnes ?? false) {
            let divisible = n < 10 ? v.lowDigits(1) == 0 : v.lowDigits(2) == 0
            return divisible ? .integer(v + n) : .text(v.scalars + digits)
        }
        // Text, or a digit sequence read out one by one ("one two" → "12").
        var t = value.scalars
        if prevWord?.isTens ?? false, n < 10 {
            // The text ends in the tens word's "0": the unit replaces it.
            t.removeLast()
        }
        t.append(contentsOf: digits)
        return .text(t)
    }

    /// The tens rule of §7.1 step 6.
    private func combineTens(_ t: Int) -> PendingNumber {
        switch value {
        case nil:
            return .integer(DecimalInteger(t))
        case .text(let s):
            return .text(s + String(t).unicodeScalars)
        case .integer(let v):
            return v.lowDigits(2) == 0 ? .integer(v + t) : .text(v.scalars + String(t).unicodeScalars)
        }
    }

    // MARK: Numbers in digits

    @inline(__always)
    private static func digitValue(_ c: Unicode.Scalar) -> UInt8 {
        if c.value < 0x80 { return UInt8(c.value - 0x30) }
        return UInt8(c.properties.numericValue!)
    }

    /// `^\d+(\.\d+)?$` with Unicode decimal digits.
    static func isNumeric(_ t: some Collection<Unicode.Scalar>) -> Bool {
        var sawDigit = false, sawPoint = false, digitAfterPoint = false
        for c in t {
            if Py.isDecimal(c) {
                if sawPoint { digitAfterPoint = true } else { sawDigit = true }
            } else if c == ".", sawDigit, !sawPoint {
                sawPoint = true
            } else {
                return false
            }
        }
        return sawDigit && (!sawPoint || digitAfterPoint)
    }

    /// A numeric token as upstream stores it: an exact integer when the value is integral
    /// (`007` → 7, `10.00` → 10, `٣` → 3), otherwise the text itself (`0.50`).
    private static func parseNumeric(_ body: ArraySlice<Unicode.Scalar>) -> PendingNumber {
        guard let point = body.firstIndex(of: ".") else {
            return .integer(DecimalInteger(digits: body.map(digitValue)))
        }
        if body[(point + 1)...].allSatisfy({ digitValue($0) == 0 }) {
            return .integer(DecimalInteger(digits: body[..<point].map(digitValue)))
        }
        return .text(Array(body))
    }

    /// `Fraction(t) * 10^e` when `t` parses as a Python `Fraction` and the product is an integer.
    /// Pending text only ever holds digits, `.` and prefix symbols, so the grammar reduces to
    /// `\d*(\.\d*)?` starting with a digit or `.` + digit; anything else is a parse failure.
    static func scaledInteger(_ t: PyString, exponent e: Int) -> DecimalInteger? {
        var whole: [UInt8] = [], fraction: [UInt8] = []
        var i = 0
        let n = t.count
        while i < n, Py.isDecimal(t[i]) { whole.append(digitValue(t[i])); i += 1 }
        if i < n, t[i] == "." {
            i += 1
            while i < n, Py.isDecimal(t[i]) { fraction.append(digitValue(t[i])); i += 1 }
        }
        guard i == n, !(whole.isEmpty && fraction.isEmpty) else { return nil }
        while let last = fraction.last, last == 0 { fraction.removeLast() }
        guard fraction.count <= e else { return nil }
        return DecimalInteger(digits: whole + fraction + [UInt8](repeating: 0, count: e - fraction.count))
    }
}
