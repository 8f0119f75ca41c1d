import Foundation
import Testing
@testable import Warehouse

/// Every AAC instance of the parity corpus, pushed through the whole pipeline from the raw
/// candidate and the raw references: tokens, METEOR statistics, sentence scores and the
/// aggregate metric files must come out as upstream produced them.
@Suite struct CaptionParityTests {
    static let cases: [(String, String)] = CaptionGolden.models.flatMap { m in [(m, "d"), (m, "f")] }

    @Test(arguments: cases)
    func goldenInstancesAndAggregates(model: String, dimension: String) throws {
        let instances = try CaptionGolden.instances(model: model, dimension: dimension)
        let references = try CaptionGolden.references(model: model, dimension: dimension)
        let aggregates = try CaptionGolden.aggregates(model: model, dimension: dimension)
        #expect(instances.count > 1000)
        let pairs = instances.map { CaptionPair(candidate: $0.hypRaw, references: references[$0.sampleIndex]) }
        let cleaning: CaptionCleaning = dimension == "d" ? .none : .lineBreaksToSpaces

        try SharedCaption.withScorer { scorer in
            let started = Date()
            let prepared = try scorer.prepare(pairs, cleaning: cleaning)
            let preparedAt = Date()

            var mismatches: [String] = []
            func check(_ ok: Bool, _ what: @autoclosure () -> String) {
                if !ok { mismatches.append(what()) }
            }
            for (i, (golden, mine)) in zip(instances, prepared).enumerated() {
                check(mine.candidate == golden.hyp, "#\(i) hyp \(mine.candidate.debugDescription) ≠ \(golden.hyp.debugDescription)")
                check(mine.references == golden.ref, "#\(i) ref \(mine.references) ≠ \(golden.ref)")
                check(mine.meteorStats == golden.meteorStats, "#\(i) stats \(mine.meteorStats) ≠ \(golden.meteorStats)")
            }

            var order: [String] = []
            var members: [String: [Int]] = [:]
            for (i, instance) in instances.enumerated() {
                if members[instance.variation] == nil { order.append(instance.variation) }
                members[instance.variation, default: []].append(i)
            }
            // The `all` row pools the pairs item by item, as the upstream loop appends them.
            let everything = instances.indices.sorted { instances[$0].sampleIndex < instances[$1].sampleIndex }
            for key in order + ["all"] {
                let indices = key == "all" ? everything : members[key]!
                let group = indices.map { prepared[$0] }
                let score = try scorer.score(group)
                if key != "all" {
                    for (j, index) in indices.enumerated() {
                        let golden = instances[index], mine = score.pairs[j]
                        check(mine.meteor == golden.meteorSentence, "\(key) #\(index) METEOR \(mine.meteor) ≠ \(golden.meteorSentence)")
                        check(mine.ciderD == golden.ciderD, "\(key) #\(index) CIDEr-D \(mine.ciderD) ≠ \(golden.ciderD)")
                        check(mine.rougeL == golden.rougeL, "\(key) #\(index) ROUGE-L \(mine.rougeL) ≠ \(golden.rougeL)")
                    }
                }
                let expected = try #require(aggregates[key], "\(key) missing from the golden metric file")
                for (name, value) in [("METEOR", score.meteor), ("CIDEr-D", score.ciderD), ("ROUGE-L", score.rougeL)] {
                    check(expected[name] == Rounding.py(value, 4), "\(key) \(name) \(Rounding.py(value, 4)) ≠ \(String(describing: expected[name]))")
                }

                // METEOR's final formula in Swift, from summed statistics, gives the jar's bits.
                let stats = group.map { MeteorStatistics(line: $0.meteorStats)! }
                let summed = MeteorStatistics.sum(stats)
                check(MeteorStatistics.corpusScore(summedStats: summed) == score.meteor,
                      "\(key) Swift corpus METEOR \(MeteorStatistics.corpusScore(summedStats: summed)) ≠ jar \(score.meteor)")
                check(stats.map(\.sentenceScore) == score.pairs.map(\.meteor), "\(key) Swift sentence METEOR ≠ jar")
            }
            let finished = Date()
            print("caption parity \(model) \(dimension): \(pairs.count) pairs, prepare \(String(format: "%.2f", preparedAt.timeIntervalSince(started))) s, "
                  + "score \(order.count + 1) groupings \(String(format: "%.2f", finished.timeIntervalSince(preparedAt))) s, "
                  + "\(String(format: "%.0f", Double(pairs.count) / finished.timeIntervalSince(started))) pairs/s")
            #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(8).joined(separator: "\n"))")
        }
    }
}
