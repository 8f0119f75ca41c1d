import Foundation

/// The 23 sufficient statistics METEOR 1.5 prints for one segment, and its final formula
/// (`edu.cmu.meteor.scorer.MeteorScorer.computeMetrics`, read from the jar's bytecode) so a corpus
/// score can be computed from summed statistics, e.g. by SQL per grouping.
///
/// Layout: test length, reference length, test function words, reference function words, then
/// for each of the 4 stages (exact, stem, synonym, paraphrase) test content matches, reference
/// content matches, test function matches, reference function matches; then chunks, test word
/// matches, reference word matches. All are word counts, so sums are exact in any order.
public struct MeteorStatistics: Sendable, Equatable {
    public static let count = 23

    /// English "rank" task defaults of METEOR 1.5 (`Constants.PARAM_RANK` / `WEIGHT_RANK`).
    static let alpha = 0.85, beta = 0.2, gamma = 0.6, delta = 0.75
    static let moduleWeights: [Double] = [1.0, 0.6, 0.8, 0.6]

    public var values: [Double]

    public init?(values: [Double]) {
        guard values.count == Self.count else { return nil }
        self.values = values
    }

    /// Parses a stats line as printed by the jar's SCORE command.
    public init?(line: String) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == Self.count else { return nil }
        var values: [Double] = []
        values.reserveCapacity(Self.count)
        for field in fields {
            guard let value = Double(field), value.isFinite else { return nil }
            values.append(value)
        }
        self.values = values
    }

    /// A segment whose every word matched in one chunk. The jar's aggregation (`addStats`) does
    /// not add the chunk of such a segment to the corpus total.
    public var isPerfectMatch: Bool {
        values[20] == 1 && testTotalMatches == values[0] && referenceTotalMatches == values[1]
    }

    var testTotalMatches: Double {
        var total = 0.0
        for stage in 0..<4 { total += values[4 + 4 * stage]; total += values[6 + 4 * stage] }
        return total
    }

    var referenceTotalMatches: Double {
        var total = 0.0
        for stage in 0..<4 { total += values[5 + 4 * stage]; total += values[7 + 4 * stage] }
        return total
    }

    /// The vector to sum across segments for a corpus score: the statistics with the chunk
    /// count zeroed for a perfect match, as the jar's `addStats` does.
    public var summable: [Double] {
        var out = values
        if isPerfectMatch { out[20] = 0 }
        return out
    }

    /// Element-wise sum of the segments' `summable` vectors (what SQL would `SUM` per grouping).
    public static func sum(_ segments: [MeteorStatistics]) -> [Double] {
        var total = [Double](repeating: 0, count: count)
        for segment in segments {
            let values = segment.summable
            for i in 0..<count { total[i] += values[i] }
        }
        return total
    }

    /// METEOR of this one segment (the jar's sentence score in EVAL).
    public var sentenceScore: Double { Self.score(values) }

    /// The jar's corpus score from the element-wise sum of the segments' `summable` vectors.
    public static func corpusScore(summedStats: [Double]) -> Double {
        precondition(summedStats.count == count, "METEOR statistics have \(count) values")
        return score(summedStats)
    }

    /// `computeMetrics`, operation for operation in the jar's order.
    static func score(_ s: [Double]) -> Double {
        let testLength = s[0], referenceLength = s[1]
        let testFunction = s[2], referenceFunction = s[3]
        let testWeightedLength = delta * (testLength - testFunction) + (1 - delta) * testFunction
        let referenceWeightedLength = delta * (referenceLength - referenceFunction) + (1 - delta) * referenceFunction
        var testWeightedMatches = 0.0, referenceWeightedMatches = 0.0
        for i in 0..<4 { testWeightedMatches += s[4 + 4 * i] * moduleWeights[i] * delta }
        for i in 0..<4 { referenceWeightedMatches += s[5 + 4 * i] * moduleWeights[i] * delta }
        for i in 0..<4 { testWeightedMatches += s[6 + 4 * i] * moduleWeights[i] * (1 - delta) }
        for i in 0..<4 { referenceWeightedMatches += s[7 + 4 * i] * moduleWeights[i] * (1 - delta) }
        let precision = testWeightedMatches / testWeightedLength
        let recall = referenceWeightedMatches / referenceWeightedLength
        let fMean = 1 / ((1 - alpha) / precision + alpha / recall)

        var testTotal = 0.0, referenceTotal = 0.0
        for i in 0..<4 {
            testTotal += s[4 + 4 * i]; testTotal += s[6 + 4 * i]
            referenceTotal += s[5 + 4 * i]; referenceTotal += s[7 + 4 * i]
        }
        let chunks = s[20]
        let fragmentation: Double
        if testTotal == testLength, referenceTotal == referenceLength, chunks == 1 {
            fragmentation = 0
        } else {
            fragmentation = chunks / ((s[21] + s[22]) / 2)
        }
        let penalty = gamma * pow(fragmentation, beta)
        let score = fMean * (1 - penalty)
        return score.isNaN ? 0 : max(score, 0)
    }
}
