/// `x % n` for one n and many x, without a division: the bootstrap draws one index per
/// matched instance per resample (380 million for two full runs), and the 64-bit division was
/// the slowest part of each draw.
///
/// Barrett reduction with m = ⌊2⁶⁴/n⌋: q = ⌊x·m/2⁶⁴⌋ is ⌊x/n⌋ or one less, because
/// x·m/2⁶⁴ > x/n − x/2⁶⁴ > x/n − 1, so one conditional subtraction gives the exact remainder.
/// For n = 1, m = 2⁶⁴ − 1 keeps the same bound.
struct Remainder: Sendable {
    let divisor: UInt64
    private let reciprocal: UInt64

    init(dividingBy n: Int) {
        precondition(n > 0, "a remainder needs a positive divisor")
        divisor = UInt64(n)
        reciprocal = n == 1 ? .max : UInt64(n).dividingFullWidth((high: 1, low: 0)).quotient
    }

    @inline(__always)
    func of(_ x: UInt64) -> Int {
        let q = x.multipliedFullWidth(by: reciprocal).high
        var r = x &- q &* divisor
        if r >= divisor { r &-= divisor }
        return Int(truncatingIfNeeded: r)
    }
}
