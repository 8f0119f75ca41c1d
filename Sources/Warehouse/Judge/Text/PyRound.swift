import Foundation

/// The two rounding functions of the upstream code (SCORING.md §0); which one applies where is
/// part of the contract (§10), because they disagree on exact halves.
public enum Rounding {
    /// Python `round(x, d)`: rounds the exact binary value, ties to even. glibc's printf does the
    /// same, so formatting and parsing back is exact.
    public static func py(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite else { return x }
        let s = String(format: "%.\(digits)f", x)
        return Double(s) ?? x
    }

    /// `numpy.round` on a float64: scale, round half to even, unscale, in double arithmetic.
    public static func np(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite else { return x }
        let scale = pow(10.0, Double(digits))
        return (x * scale).rounded(.toNearestOrEven) / scale
    }
}
