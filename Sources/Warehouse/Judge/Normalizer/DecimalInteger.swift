// Exact non-negative integers of any size, kept as decimal digits.
//
// Whisper's number normaliser works with Python ints: multipliers go up to 10^33 and a digit
// token may be arbitrarily long, and the result is always printed in decimal. Only the few
// operations of SCORING.md §7.1 are needed, so the digits are stored most significant first,
// which makes printing, the mod-10/100/1000 tests and multiplying by a power of ten trivial.

public struct DecimalInteger: Sendable, Hashable, CustomStringConvertible {
    /// Digit values 0...9, most significant first, no leading zeros; zero is `[0]`.
    public private(set) var digits: [UInt8]

    public static let zero = DecimalInteger(trusted: [0])

    private init(trusted digits: [UInt8]) { self.digits = digits }

    /// From digit values (most significant first); leading zeros are dropped.
    public init(digits raw: some Collection<UInt8>) {
        var d = Array(raw.drop { $0 == 0 })
        if d.isEmpty { d = [0] }
        digits = d
    }

    public init(_ value: Int) {
        precondition(value >= 0, "DecimalInteger is non-negative")
        if value == 0 { digits = [0]; return }
        var d: [UInt8] = []
        var v = value
        while v > 0 { d.append(UInt8(v % 10)); v /= 10 }
        digits = d.reversed()
    }

    /// `10^exponent`.
    public static func powerOfTen(_ exponent: Int) -> DecimalInteger {
        DecimalInteger(trusted: [1] + [UInt8](repeating: 0, count: exponent))
    }

    public var isZero: Bool { digits.count == 1 && digits[0] == 0 }

    /// `self % 10^k` as an Int (k ≤ 18).
    public func lowDigits(_ k: Int) -> Int {
        var r = 0
        for d in digits.suffix(k) { r = r * 10 + Int(d) }
        return r
    }

    public var description: String {
        String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// ASCII decimal text, as Python's `str(int)`.
    public var scalars: PyString { digits.map { Unicode.Scalar($0 + 0x30) } }

    public static func + (a: DecimalInteger, b: DecimalInteger) -> DecimalInteger {
        var out = [UInt8](repeating: 0, count: max(a.digits.count, b.digits.count) + 1)
        var i = a.digits.count - 1, j = b.digits.count - 1, k = out.count - 1
        var carry: UInt8 = 0
        while k >= 0 {
            var s = carry
            if i >= 0 { s += a.digits[i]; i -= 1 }
            if j >= 0 { s += b.digits[j]; j -= 1 }
            out[k] = s % 10
            carry = s / 10
            k -= 1
        }
        return DecimalInteger(digits: out)
    }

    public static func + (a: DecimalInteger, b: Int) -> DecimalInteger { a + DecimalInteger(b) }

    /// `self * 10^exponent`.
    public func timesPowerOfTen(_ exponent: Int) -> DecimalInteger {
        isZero ? self : DecimalInteger(trusted: digits + [UInt8](repeating: 0, count: exponent))
    }

    /// Python's `value // 1000 * 1000 + value % 1000 * 10^exponent` (§7.1 step 8).
    public func scalingLastThreeDigits(byPowerOfTen exponent: Int) -> DecimalInteger {
        let keep = max(digits.count - 3, 0)
        let before = DecimalInteger(digits: digits[..<keep] + [0, 0, 0])
        let residual = DecimalInteger(digits: digits[keep...])
        return before + residual.timesPowerOfTen(exponent)
    }
}
