/// NumPy's float64 `sum`/`mean` over a contiguous 1-D array: pairwise summation with an 8-way
/// unrolled block of up to 128 elements. A plain left-to-right sum differs in the last bits, and
/// the CIDEr-D / ROUGE-L corpus scores are `ndarray.mean()` of the sentence scores.
enum NumpySum {
    static func mean(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { pairwise($0[...]) } / Double(values.count)
    }

    static func pairwise(_ a: Slice<UnsafeBufferPointer<Double>>) -> Double {
        let n = a.count
        let base = a.startIndex
        if n < 8 {
            var sum = 0.0
            for i in a.indices { sum += a[i] }
            return sum
        }
        if n <= 128 {
            var r = (0..<8).map { a[base + $0] }
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[base + i + j] }
                i += 8
            }
            var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                sum += a[base + i]
                i += 1
            }
            return sum
        }
        var half = n / 2
        half -= half % 8
        return pairwise(a[base..<(base + half)]) + pairwise(a[(base + half)...])
    }
}
