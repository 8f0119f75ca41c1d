import Foundation

/// The paired bootstrap of one forgetting row: resamples of the matched instances, each
/// recomputing both corpus metrics from summed statistics, and the 95 % percentile interval of
/// Δmetric_IF (negative = worse).
///
/// Resample r reads the generator's stream from draw r·n on, which is exactly what one loop over
/// the resamples consumes; so the resamples can be split across cores and a seed still gives
/// the same bits.
struct PairedBootstrap: Sendable {
    let metric: CorpusMetric
    let accCounted: Bool
    let count: Int
    /// Per instance: the metric's statistics before, then after (2 × width values).
    let statistics: [Double]

    func interval(resamples: Int, generator: SplitMix64) -> (Double, Double) {
        let deltas = ResampleDeltas(count: resamples)
        let kernel = Kernel(self)
        let chunks = min(resamples, 4 * ProcessInfo.processInfo.activeProcessorCount)
        let work: @Sendable (Int) -> Void = { c in
            for r in (resamples * c / chunks)..<(resamples * (c + 1) / chunks) {
                deltas[r] = kernel.delta(generator.advanced(by: UInt64(r) &* UInt64(kernel.count)))
            }
        }
        // A hand-off to the worker threads costs microseconds, about as much as a few
        // thousand draws: tiny tables stay on the calling thread.
        if chunks > 1, count * resamples >= 1 << 16 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        } else {
            for c in 0..<chunks { work(c) }
        }
        var sorted = deltas.values
        sorted.sort()
        let lo = sorted[Int((Double(sorted.count - 1) * 0.025).rounded())]
        let hi = sorted[Int((Double(sorted.count - 1) * 0.975).rounded())]
        return (lo, hi)
    }
}

/// One resample's sums. Statistics are word and n-gram counts: when every value is an integer,
/// integer lanes add several per vector instruction, and integer sums are exact in any
/// grouping, so they equal the Double sums of the draw loop. Values of 0…255 (sentence-level
/// counts almost always are) are stored as bytes: a BLEU pair of rows is 32 bytes instead of
/// 160, so the random rows stay in cache. Other integers use Int32 lanes while no sum can pass
/// Int32.max; anything else keeps Double sums in draw order.
private struct Kernel: Sendable {
    let metric: CorpusMetric, accCounted: Bool, count: Int, width: Int
    let remainder: Remainder
    /// Per instance, the 2 × width statistics zero-padded to whole vectors (empty when unused).
    /// Byte rows hold two statistics per UInt16 lane: the even one in the low byte.
    let bytes: [SIMD8<UInt16>], lanes: [SIMD4<Int32>]
    let byteVectors: Int, vectors: Int
    let statistics: [Double]

    init(_ b: PairedBootstrap) {
        metric = b.metric
        accCounted = b.accCounted
        count = b.count
        width = metric.width
        remainder = Remainder(dividingBy: max(count, 1))
        statistics = b.statistics
        vectors = (2 * width + 3) / 4
        byteVectors = (2 * width + 15) / 16
        var largest = 0.0, smallest = 0.0, integral = true
        for v in b.statistics {
            if v != v.rounded(.towardZero) || !v.isFinite { integral = false; break }
            largest = max(largest, v)
            smallest = min(smallest, v)
        }
        let stride = 2 * width
        if integral, smallest >= 0, largest <= 255, byteVectors <= 2 {
            var rows = [UInt8](repeating: 0, count: count * byteVectors * 16)
            for i in 0..<count { for k in 0..<stride { rows[i * byteVectors * 16 + k] = UInt8(b.statistics[i * stride + k]) } }
            bytes = (0..<(count * byteVectors)).map { v in
                var lane = SIMD8<UInt16>()
                for m in 0..<8 { lane[m] = UInt16(rows[16 * v + 2 * m]) | UInt16(rows[16 * v + 2 * m + 1]) << 8 }
                return lane
            }
            lanes = []
        } else if integral, max(largest, -smallest) * Double(count) <= Double(Int32.max) {
            var scalars = [Int32](repeating: 0, count: count * vectors * 4)
            for i in 0..<count { for k in 0..<stride { scalars[i * vectors * 4 + k] = Int32(b.statistics[i * stride + k]) } }
            lanes = (0..<(count * vectors)).map { v in SIMD4(scalars[(4 * v)..<(4 * v + 4)]) }
            bytes = []
        } else {
            bytes = []
            lanes = []
        }
    }

    func delta(_ generator: SplitMix64) -> Double {
        let sums = !bytes.isEmpty ? byteSums(generator) : !lanes.isEmpty ? integerSums(generator) : doubleSums(generator)
        let b = metric.value(Array(sums[0..<width]), count: count, accDenominatorIsCounted: accCounted)
        let a = metric.value(Array(sums[width...]), count: count, accDenominatorIsCounted: accCounted)
        return metric.higherIsBetter ? a - b : b - a
    }

    /// Byte rows summed in UInt16 lanes, even and odd bytes apart (a mask and a shift: plain
    /// SSE2, where widening conversions were library calls), flushed every 256 draws
    /// (256 × 255 < 65,536).
    private func byteSums(_ generator: SplitMix64) -> [Double] {
        var total = [Int](repeating: 0, count: 32)
        let low = SIMD8<UInt16>(repeating: 0xFF)
        bytes.withUnsafeBufferPointer { buffer in
            // Declared in the closure so the state stays in a register rather than in the capture.
            var g = generator
            let rows = buffer.baseAddress!
            var done = 0
            while done < count {
                let block = min(256, count - done)
                var even0 = SIMD8<UInt16>(), odd0 = even0, even1 = even0, odd1 = even0
                if byteVectors == 1 {
                    for _ in 0..<block {
                        let v = rows[remainder.of(g.next())]
                        even0 &+= v & low
                        odd0 &+= v &>> 8
                    }
                } else {
                    for _ in 0..<block {
                        let p = rows + 2 &* remainder.of(g.next())
                        let v = p[0], w = p[1]
                        even0 &+= v & low
                        odd0 &+= v &>> 8
                        even1 &+= w & low
                        odd1 &+= w &>> 8
                    }
                }
                for m in 0..<8 {
                    total[2 * m] += Int(even0[m])
                    total[2 * m + 1] += Int(odd0[m])
                    total[16 + 2 * m] += Int(even1[m])
                    total[16 + 2 * m + 1] += Int(odd1[m])
                }
                done += block
            }
        }
        return (0..<(2 * width)).map { Double(total[$0]) }
    }

    private func integerSums(_ generator: SplitMix64) -> [Double] {
        var total = [SIMD4<Int32>](repeating: .zero, count: vectors)
        lanes.withUnsafeBufferPointer { buffer in
            var g = generator
            let rows = buffer.baseAddress!
            // Width 10 (BLEU) keeps its sums in registers.
            if vectors == 5 {
                var a0 = SIMD4<Int32>(), a1 = a0, a2 = a0, a3 = a0, a4 = a0
                for _ in 0..<count {
                    let p = rows + 5 &* remainder.of(g.next())  // &*: an overflow check costs a multiply
                    a0 &+= p[0]; a1 &+= p[1]; a2 &+= p[2]; a3 &+= p[3]; a4 &+= p[4]
                }
                total = [a0, a1, a2, a3, a4]
            } else {
                total.withUnsafeMutableBufferPointer { a in
                    for _ in 0..<count {
                        let p = rows + vectors &* remainder.of(g.next())
                        for v in 0..<vectors { a[v] &+= p[v] }
                    }
                }
            }
        }
        return (0..<(2 * width)).map { Double(total[$0 / 4][$0 % 4]) }
    }

    private func doubleSums(_ generator: SplitMix64) -> [Double] {
        var g = generator
        let stride = 2 * width
        var sums = [Double](repeating: 0, count: stride)
        statistics.withUnsafeBufferPointer { s in
            sums.withUnsafeMutableBufferPointer { a in
                for _ in 0..<count {
                    let j = remainder.of(g.next()) &* stride
                    for k in 0..<stride { a[k] += s[j + k] }
                }
            }
        }
        return sums
    }
}

/// The resamples' deltas, written from `concurrentPerform` workers: each index by exactly one
/// iteration. Raw memory, because assigning into a shared array from several threads is a data
/// race even at distinct indices.
private final class ResampleDeltas: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Double>
    init(count: Int) { buffer = .allocate(capacity: count); buffer.initialize(repeating: 0) }
    deinit { buffer.deallocate() }
    subscript(i: Int) -> Double {
        get { buffer[i] }
        set { buffer[i] = newValue }
    }
    var values: [Double] { Array(buffer) }
}
