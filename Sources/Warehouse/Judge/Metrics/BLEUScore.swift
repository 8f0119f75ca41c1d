import Foundation

/// sacreBLEU 2.6.0's `BLEU.compute_bleu` with `smooth_method="exp"`, no effective order,
/// max order 4. The arithmetic follows sacreBLEU's operation order so the doubles agree to the
/// last bit (Foundation's `exp`/`log` are glibc's, as are CPython's `math.exp`/`math.log`).
public struct BLEUScore: Sendable, Hashable {
    public var score: Double
    /// Precisions p1…p4 in percent (0 where not computed).
    public var precisions: [Double]
    public var brevityPenalty: Double
    public var systemLength: Int
    public var referenceLength: Int
    public var counts: [Int]
    public var totals: [Int]

    /// How CPython's built-in `sum` adds the log precisions. It changed in 3.12 and flips the
    /// last bit of about a quarter of BLEU scores; the reference environment is 3.11.
    public enum LogSum: Sendable {
        /// CPython ≤ 3.11: plain left-to-right addition.
        case sequential
        /// CPython ≥ 3.12: Neumaier-compensated for float items; an int item (`my_log(0)`) is
        /// added uncompensated; the compensation is added at the end when non-zero and finite.
        case compensated
    }

    public init(_ stats: BLEUStats, logSum: LogSum = .sequential) {
        let sys = stats.hypothesisLength, ref = stats.referenceLength
        systemLength = sys
        referenceLength = ref
        counts = stats.correct
        totals = stats.total

        var bp = 1.0
        if sys < ref { bp = sys > 0 ? exp(1 - Double(ref) / Double(sys)) : 0.0 }
        brevityPenalty = bp

        var p = [Double](repeating: 0.0, count: BLEUStats.maxOrder)
        guard stats.correct.contains(where: { $0 != 0 }) else {
            score = 0.0
            precisions = p
            return
        }
        var smooth = 1.0
        for n in 0..<BLEUStats.maxOrder {
            let total = stats.total[n], correct = stats.correct[n]
            if total == 0 { break }
            if correct == 0 {
                smooth *= 2
                p[n] = 100.0 / (smooth * Double(total))
            } else {
                p[n] = 100.0 * Double(correct) / Double(total)
            }
        }
        precisions = p
        // `my_log` floors log(0) at the int -9999999999. Python's `sum` starts from the int 0,
        // so the first (always positive) precision's log is taken as is.
        var total = 0.0
        switch logSum {
        case .sequential:
            for x in p { total += x == 0 ? -9_999_999_999.0 : log(x) }
        case .compensated:
            var c = 0.0
            for (n, x) in p.enumerated() {
                if x == 0 { total += -9_999_999_999.0; continue }
                let v = log(x)
                if n == 0 { total = v; continue }
                let t = total + v
                c += abs(total) >= abs(v) ? (total - t) + v : (v - t) + total
                total = t
            }
            if c != 0, c.isFinite { total += c }
        }
        score = bp * exp(total / Double(BLEUStats.maxOrder))
    }
}
