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

    public init(_ stats: BLEUStats) {
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
        // Python's `sum` starts at 0 and adds left to right (CPython 3.11; 3.12 compensates);
        // `my_log` floors log(0) at -9999999999.
        var logSum = 0.0
        for x in p { logSum += x == 0 ? -9_999_999_999.0 : log(x) }
        score = bp * exp(logSum / Double(BLEUStats.maxOrder))
    }
}
