import Foundation

/// McNemar's exact test: under "no change" the discordant pairs split like fair coin flips,
/// so the two-sided p-value is the binomial tail of the smaller count, doubled (capped at 1).
public enum McNemar {
    public static func exactP(_ b: Int, _ c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let k = min(b, c)
        if n <= 1000 {
            // Binomial coefficients by C(n, i) = C(n, i−1)·(n−i+1)/i stay integers (exact below
            // 2^53), and scaling by 2^−n is exact, so small tables give the textbook value.
            var coefficient = 1.0, sum = 1.0
            if k > 0 {
                for i in 1...k {
                    coefficient = coefficient * Double(n - i + 1) / Double(i)
                    sum += coefficient
                }
            }
            return min(1, 2 * scalbn(sum, -n))
        }
        // Large tables: sum in log space so nothing overflows.
        var logTerms: [Double] = []
        var logC = 0.0
        for i in 0...k {
            if i > 0 { logC += log(Double(n - i + 1)) - log(Double(i)) }
            logTerms.append(logC - Double(n) * log(2.0))
        }
        let top = logTerms.max()!
        return min(1, 2 * exp(top) * logTerms.reduce(0) { $0 + exp($1 - top) })
    }
}
